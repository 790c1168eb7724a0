/* kefu-preview-row.c — one row of a file as the import wizard previews it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-preview-row.h"

struct _KefuPreviewRow
{
  GObject             parent_instance;

  guint64             number;
  KefuPreviewRowRole  role;
  GStrv               cells;
};

G_DEFINE_FINAL_TYPE (KefuPreviewRow, kefu_preview_row, G_TYPE_OBJECT)

static void
kefu_preview_row_finalize (GObject *object)
{
  KefuPreviewRow *self = KEFU_PREVIEW_ROW (object);

  g_strfreev (self->cells);

  G_OBJECT_CLASS (kefu_preview_row_parent_class)->finalize (object);
}

static void
kefu_preview_row_class_init (KefuPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_preview_row_finalize;
}

static void
kefu_preview_row_init (KefuPreviewRow *self)
{
}

static KefuPreviewRowRole
role_of (KefuImportResult   *result,
         guint64             number,
         const char * const *cells)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);

  /* Unrecognised: no header to tell the rows apart by. */
  if (facts->header_row == 0)
    return KEFU_PREVIEW_ROW_DATA;
  if (number < facts->header_row)
    return KEFU_PREVIEW_ROW_TITLE;
  if (number == facts->header_row)
    return KEFU_PREVIEW_ROW_HEADER;
  for (guint i = 0; cells[i] != NULL; i++)
    if (kefu_import_text_is_summary (cells[i]))
      return KEFU_PREVIEW_ROW_SUMMARY;
  for (guint i = 0; i < kefu_import_result_get_n_problems (result); i++)
    {
      const KefuImportProblem *problem = kefu_import_result_get_problem (result, i);

      if (problem->row == number && problem->severity == KEFU_PROBLEM_ERROR &&
          g_strcmp0 (problem->sheet, facts->sheet) == 0)
        return KEFU_PREVIEW_ROW_SKIPPED;
    }
  return KEFU_PREVIEW_ROW_DATA;
}

/**
 * kefu_preview_row_list_new:
 * @result: a check of a file
 *
 * Returns: (transfer full): a list of #KefuPreviewRow, the first rows of
 *   the file as read, each with its role
 */
GListModel *
kefu_preview_row_list_new (KefuImportResult *result)
{
  GListStore *rows = g_list_store_new (KEFU_TYPE_PREVIEW_ROW);

  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (result), G_LIST_MODEL (rows));

  for (guint i = 0; i < kefu_import_result_get_n_preview (result); i++)
    {
      g_autoptr(KefuPreviewRow) row = g_object_new (KEFU_TYPE_PREVIEW_ROW, NULL);
      const char * const *cells = kefu_import_result_get_preview (result, i, &row->number);

      row->cells = g_strdupv ((GStrv) cells);
      row->role = role_of (result, row->number, cells);
      g_list_store_append (rows, row);
    }

  return G_LIST_MODEL (rows);
}

guint64
kefu_preview_row_get_number (KefuPreviewRow *self)
{
  g_return_val_if_fail (KEFU_IS_PREVIEW_ROW (self), 0);
  return self->number;
}

KefuPreviewRowRole
kefu_preview_row_get_role (KefuPreviewRow *self)
{
  g_return_val_if_fail (KEFU_IS_PREVIEW_ROW (self), KEFU_PREVIEW_ROW_DATA);
  return self->role;
}

guint
kefu_preview_row_get_n_cells (KefuPreviewRow *self)
{
  g_return_val_if_fail (KEFU_IS_PREVIEW_ROW (self), 0);
  return g_strv_length (self->cells);
}

/* The cell's text, "" past the row's end. */
const char *
kefu_preview_row_get_cell (KefuPreviewRow *self,
                           guint           column)
{
  g_return_val_if_fail (KEFU_IS_PREVIEW_ROW (self), NULL);
  return column < g_strv_length (self->cells) ? self->cells[column] : "";
}
