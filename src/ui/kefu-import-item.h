/* kefu-import-item.h — one file in the import wizard, and what was chosen for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_IMPORT_ITEM (kefu_import_item_get_type ())
G_DECLARE_FINAL_TYPE (KefuImportItem, kefu_import_item, KEFU, IMPORT_ITEM, GObject)

KefuImportItem   *kefu_import_item_new             (GFile             *file);
GFile            *kefu_import_item_get_file        (KefuImportItem    *self);
const char       *kefu_import_item_get_path        (KefuImportItem    *self);
const char       *kefu_import_item_get_name        (KefuImportItem    *self);

KefuImportResult *kefu_import_item_get_result      (KefuImportItem    *self);
void              kefu_import_item_set_result      (KefuImportItem    *self,
                                                    KefuImportResult  *result);
gboolean          kefu_import_item_get_checking    (KefuImportItem    *self);
void              kefu_import_item_set_checking    (KefuImportItem    *self,
                                                    gboolean           checking);
gboolean          kefu_import_item_is_importable   (KefuImportItem    *self);

const char       *kefu_import_item_get_profile_id  (KefuImportItem    *self);
void              kefu_import_item_set_profile_id  (KefuImportItem    *self,
                                                    const char        *profile_id);
const char       *kefu_import_item_get_encoding    (KefuImportItem    *self);
void              kefu_import_item_set_encoding    (KefuImportItem    *self,
                                                    const char        *encoding);
const char       *kefu_import_item_get_shop_name   (KefuImportItem    *self);
void              kefu_import_item_set_shop_name   (KefuImportItem    *self,
                                                    const char        *shop_name);
gboolean          kefu_import_item_get_replace     (KefuImportItem    *self);
void              kefu_import_item_set_replace     (KefuImportItem    *self,
                                                    gboolean           replace);
gboolean          kefu_import_item_get_period      (KefuImportItem    *self,
                                                    GDate             *from,
                                                    GDate             *to);
void              kefu_import_item_set_period      (KefuImportItem    *self,
                                                    const GDate       *from,
                                                    const GDate       *to);
const char       *kefu_import_item_get_field       (KefuImportItem    *self,
                                                    guint              column);
void              kefu_import_item_set_field       (KefuImportItem    *self,
                                                    guint              column,
                                                    const char        *field);
gboolean          kefu_import_item_get_mapping_changed (KefuImportItem *self);
gboolean          kefu_import_item_save_profile    (KefuImportItem    *self,
                                                    const char        *name,
                                                    char             **saved_id,
                                                    GError           **error);

void              kefu_import_item_get_options     (KefuImportItem    *self,
                                                    KefuImportOptions *options);

G_END_DECLS
