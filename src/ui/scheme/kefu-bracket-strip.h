/* kefu-bracket-strip.h — an item's points drawn against the metric's value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BRACKET_STRIP (kefu_bracket_strip_get_type ())
G_DECLARE_FINAL_TYPE (KefuBracketStrip, kefu_bracket_strip, KEFU, BRACKET_STRIP, GtkWidget)

GtkWidget      *kefu_bracket_strip_new           (void);
KefuSchemeItem *kefu_bracket_strip_get_item      (KefuBracketStrip *self);
void            kefu_bracket_strip_set_item      (KefuBracketStrip *self,
                                                  KefuSchemeItem   *item);
/* What the strip found, for tests: values in no row, values in two. */
guint           kefu_bracket_strip_get_n_gaps     (KefuBracketStrip *self);
guint           kefu_bracket_strip_get_n_overlaps (KefuBracketStrip *self);

G_END_DECLS
