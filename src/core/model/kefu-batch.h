/* kefu-batch.h — one imported file, as the Data view and the CLI list it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEFU_TYPE_BATCH (kefu_batch_get_type ())
G_DECLARE_FINAL_TYPE (KefuBatch, kefu_batch, KEFU, BATCH, GObject)

gint64      kefu_batch_get_id            (KefuBatch *self);
gint64      kefu_batch_get_shop_id       (KefuBatch *self);
const char *kefu_batch_get_file_name     (KefuBatch *self);
const char *kefu_batch_get_profile       (KefuBatch *self);
const char *kefu_batch_get_kind          (KefuBatch *self);
const char *kefu_batch_get_period_start  (KefuBatch *self);
const char *kefu_batch_get_period_end    (KefuBatch *self);
const char *kefu_batch_get_imported_at   (KefuBatch *self);
gint64      kefu_batch_get_rows_imported (KefuBatch *self);
gint64      kefu_batch_get_rows_skipped  (KefuBatch *self);
guint       kefu_batch_get_n_problems    (KefuBatch *self);
const char *kefu_batch_get_issues_json   (KefuBatch *self);

G_END_DECLS
