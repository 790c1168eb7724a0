/* kefu-preview-row.h — one row of a file as the import wizard previews it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-core.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_PREVIEW_ROW_DATA,
  KEFU_PREVIEW_ROW_TITLE,     /* above the header: titles, notes */
  KEFU_PREVIEW_ROW_HEADER,    /* the header row the profile matched */
  KEFU_PREVIEW_ROW_SUMMARY,   /* 汇总, 平均值 …: not an agent's own row */
  KEFU_PREVIEW_ROW_SKIPPED,   /* a row the import skips, with a problem */
} KefuPreviewRowRole;

#define KEFU_TYPE_PREVIEW_ROW (kefu_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuPreviewRow, kefu_preview_row, KEFU, PREVIEW_ROW, GObject)

GListModel         *kefu_preview_row_list_new  (KefuImportResult *result);
guint64             kefu_preview_row_get_number (KefuPreviewRow  *self);
KefuPreviewRowRole  kefu_preview_row_get_role   (KefuPreviewRow  *self);
const char         *kefu_preview_row_get_cell   (KefuPreviewRow  *self,
                                                 guint            column);
guint               kefu_preview_row_get_n_cells (KefuPreviewRow *self);

G_END_DECLS
