/* kefu-bracket-row.h — one row of a bracket table, in the metric's own unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BRACKET_ROW (kefu_bracket_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuBracketRow, kefu_bracket_row, KEFU, BRACKET_ROW, GtkListBoxRow)

/* The fields of a row, for tests that type into them. */
typedef enum
{
  KEFU_BRACKET_FIELD_LOWER,
  KEFU_BRACKET_FIELD_UPPER,
  KEFU_BRACKET_FIELD_POINTS,
  KEFU_BRACKET_FIELD_POINTS_HIGH,
} KefuBracketField;

GtkWidget   *kefu_bracket_row_new         (KefuBracket      *bracket,
                                           KefuUnit          unit);
KefuBracket *kefu_bracket_row_get_bracket (KefuBracketRow   *self);
GtkEditable *kefu_bracket_row_get_field   (KefuBracketRow   *self,
                                           KefuBracketField  field);
void         kefu_bracket_row_set_problem (KefuBracketRow   *self,
                                           const char       *problem);
const char  *kefu_bracket_row_get_problem (KefuBracketRow   *self);

G_END_DECLS
