/* kefu-import-inspector.h — what the import wizard knows of one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-import-item.h"
#include "kefu-mapping-row.h"

G_BEGIN_DECLS

#define KEFU_TYPE_IMPORT_INSPECTOR (kefu_import_inspector_get_type ())
G_DECLARE_FINAL_TYPE (KefuImportInspector, kefu_import_inspector, KEFU, IMPORT_INSPECTOR, AdwBin)

KefuImportItem *kefu_import_inspector_get_item        (KefuImportInspector *self);
void            kefu_import_inspector_set_item        (KefuImportInspector *self,
                                                       KefuImportItem      *item);
void            kefu_import_inspector_set_shops       (KefuImportInspector *self,
                                                       GListModel          *shops);
void            kefu_import_inspector_set_busy        (KefuImportInspector *self,
                                                       gboolean             busy);
GListModel     *kefu_import_inspector_get_preview     (KefuImportInspector *self);
KefuMappingRow *kefu_import_inspector_get_mapping_row (KefuImportInspector *self,
                                                       guint                column);

G_END_DECLS
