/* kefu-scheme-item-row.h — one item of a scheme in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"
#include "kefu-bracket-editor.h"
#include "kefu-metric-chooser.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_ITEM_ROW (kefu_scheme_item_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeItemRow, kefu_scheme_item_row, KEFU, SCHEME_ITEM_ROW, AdwExpanderRow)

GtkWidget         *kefu_scheme_item_row_new                (KefuSchemeItem    *item);
KefuSchemeItem    *kefu_scheme_item_row_get_item           (KefuSchemeItemRow *self);
KefuBracketEditor *kefu_scheme_item_row_get_bracket_editor (KefuSchemeItemRow *self);
GtkSpinButton     *kefu_scheme_item_row_get_weight_spin    (KefuSchemeItemRow *self);
KefuMetricChooser *kefu_scheme_item_row_get_metric_chooser (KefuSchemeItemRow *self);
GtkEditable       *kefu_scheme_item_row_get_label_entry    (KefuSchemeItemRow *self);
void               kefu_scheme_item_row_set_issues         (KefuSchemeItemRow *self,
                                                            GPtrArray         *issues);
void               kefu_scheme_item_row_set_editable       (KefuSchemeItemRow *self,
                                                            gboolean           editable);
void               kefu_scheme_item_row_set_total_weight   (KefuSchemeItemRow *self,
                                                            double             total);

G_END_DECLS
