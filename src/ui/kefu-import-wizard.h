/* kefu-import-wizard.h — check dropped or chosen files before importing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-import-inspector.h"
#include "kefu-import-item.h"

G_BEGIN_DECLS

#define KEFU_TYPE_IMPORT_WIZARD (kefu_import_wizard_get_type ())
G_DECLARE_FINAL_TYPE (KefuImportWizard, kefu_import_wizard, KEFU, IMPORT_WIZARD, AdwWindow)

KefuImportWizard    *kefu_import_wizard_new           (GtkWindow        *parent,
                                                       KefuStore        *store,
                                                       const char       *shop_name);
void                 kefu_import_wizard_add_files     (KefuImportWizard *self,
                                                       GListModel       *files);
GListModel          *kefu_import_wizard_get_items     (KefuImportWizard *self);
gboolean             kefu_import_wizard_get_busy      (KefuImportWizard *self);
void                 kefu_import_wizard_select        (KefuImportWizard *self,
                                                       guint             position);
KefuImportInspector *kefu_import_wizard_get_inspector (KefuImportWizard *self);

G_END_DECLS
