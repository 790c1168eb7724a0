/* kefu-scheme-editor.h — a scheme's name, items, weights and bracket tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"
#include "kefu-scheme-item-row.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_EDITOR (kefu_scheme_editor_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeEditor, kefu_scheme_editor, KEFU, SCHEME_EDITOR, AdwBin)

GtkWidget         *kefu_scheme_editor_new            (void);
KefuScheme        *kefu_scheme_editor_get_scheme     (KefuSchemeEditor *self);
void               kefu_scheme_editor_set_scheme     (KefuSchemeEditor *self,
                                                      KefuScheme       *scheme);
void               kefu_scheme_editor_set_table      (KefuSchemeEditor *self,
                                                      KefuMetricTable  *table);
GListModel        *kefu_scheme_editor_get_issues     (KefuSchemeEditor *self);
KefuSchemeItemRow *kefu_scheme_editor_get_item_row   (KefuSchemeEditor *self,
                                                      guint             position);
GtkEditable       *kefu_scheme_editor_get_name_entry (KefuSchemeEditor *self);
GtkEditable       *kefu_scheme_editor_get_description_entry (KefuSchemeEditor *self);
void               kefu_scheme_editor_validate       (KefuSchemeEditor *self);

G_END_DECLS
