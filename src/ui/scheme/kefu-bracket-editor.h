/* kefu-bracket-editor.h — an item's bracket table, its strip chart and problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"
#include "kefu-bracket-row.h"
#include "kefu-bracket-strip.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BRACKET_EDITOR (kefu_bracket_editor_get_type ())
G_DECLARE_FINAL_TYPE (KefuBracketEditor, kefu_bracket_editor, KEFU, BRACKET_EDITOR, GtkWidget)

GtkWidget        *kefu_bracket_editor_new         (KefuSchemeItem    *item);
KefuSchemeItem   *kefu_bracket_editor_get_item    (KefuBracketEditor *self);
void              kefu_bracket_editor_fill_ladder (KefuBracketEditor *self,
                                                   double             best,
                                                   double             worst,
                                                   const double      *points,
                                                   guint              n_points);
void              kefu_bracket_editor_set_issues  (KefuBracketEditor *self,
                                                   GPtrArray         *issues);
KefuBracketRow   *kefu_bracket_editor_get_row     (KefuBracketEditor *self,
                                                   guint              position);
KefuBracketStrip *kefu_bracket_editor_get_strip   (KefuBracketEditor *self);

G_END_DECLS
