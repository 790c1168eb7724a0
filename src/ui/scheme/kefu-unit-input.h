/* kefu-unit-input.h — a metric's values as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

double      kefu_unit_get_display_scale (KefuUnit    unit);
const char *kefu_unit_get_suffix        (KefuUnit    unit);
char       *kefu_unit_format_input      (KefuUnit    unit,
                                         double      value);
gboolean    kefu_unit_parse_input       (KefuUnit    unit,
                                         const char *text,
                                         gboolean   *has_value,
                                         double     *value);
char       *kefu_format_points          (double      points);

G_END_DECLS
