/* kefu-batch-private.h — how the store builds batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/kefu-batch.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  gint64      shop_id;
  const char *file_name;
  const char *profile;
  const char *kind;
  const char *period_start;
  const char *period_end;
  const char *imported_at;
  gint64      rows_imported;
  gint64      rows_skipped;
  guint       n_problems;
  const char *issues_json;
} KefuBatchFields;

KefuBatch *_kefu_batch_new (const KefuBatchFields *fields);

G_END_DECLS
