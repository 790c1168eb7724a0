/* kefu-bracket.h — one row of a bracket table: a range of values → points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "metrics/kefu-metric.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BRACKET (kefu_bracket_get_type ())
G_DECLARE_FINAL_TYPE (KefuBracket, kefu_bracket, KEFU, BRACKET, GObject)

KefuBracket *kefu_bracket_new                 (void);
KefuBracket *kefu_bracket_new_range           (const char   *range,
                                               double        points,
                                               GError      **error);
KefuBracket *kefu_bracket_new_linear          (const char   *range,
                                               double        points_low,
                                               double        points_high,
                                               GError      **error);
KefuBracket *kefu_bracket_copy                (KefuBracket  *self);

gboolean     kefu_bracket_get_has_lower       (KefuBracket  *self);
void         kefu_bracket_set_has_lower       (KefuBracket  *self,
                                               gboolean      has_lower);
double       kefu_bracket_get_lower           (KefuBracket  *self);
void         kefu_bracket_set_lower           (KefuBracket  *self,
                                               double        lower);
gboolean     kefu_bracket_get_lower_inclusive (KefuBracket  *self);
void         kefu_bracket_set_lower_inclusive (KefuBracket  *self,
                                               gboolean      inclusive);
gboolean     kefu_bracket_get_has_upper       (KefuBracket  *self);
void         kefu_bracket_set_has_upper       (KefuBracket  *self,
                                               gboolean      has_upper);
double       kefu_bracket_get_upper           (KefuBracket  *self);
void         kefu_bracket_set_upper           (KefuBracket  *self,
                                               double        upper);
gboolean     kefu_bracket_get_upper_inclusive (KefuBracket  *self);
void         kefu_bracket_set_upper_inclusive (KefuBracket  *self,
                                               gboolean      inclusive);
double       kefu_bracket_get_points          (KefuBracket  *self);
void         kefu_bracket_set_points          (KefuBracket  *self,
                                               double        points);
gboolean     kefu_bracket_get_linear          (KefuBracket  *self);
void         kefu_bracket_set_linear          (KefuBracket  *self,
                                               gboolean      linear);
double       kefu_bracket_get_points_low      (KefuBracket  *self);
void         kefu_bracket_set_points_low      (KefuBracket  *self,
                                               double        points);
double       kefu_bracket_get_points_high     (KefuBracket  *self);
void         kefu_bracket_set_points_high     (KefuBracket  *self,
                                               double        points);

gboolean     kefu_bracket_set_range           (KefuBracket  *self,
                                               const char   *range,
                                               GError      **error);
char        *kefu_bracket_get_range           (KefuBracket  *self);
char        *kefu_bracket_format_interval     (KefuBracket  *self,
                                               KefuUnit      unit);
char        *kefu_bracket_describe            (KefuBracket  *self,
                                               KefuUnit      unit);
char        *kefu_bracket_describe_points     (KefuBracket  *self);
gboolean     kefu_bracket_contains            (KefuBracket  *self,
                                               KefuUnit      unit,
                                               double        value);
double       kefu_bracket_get_points_at       (KefuBracket  *self,
                                               KefuUnit      unit,
                                               double        value);

G_END_DECLS
