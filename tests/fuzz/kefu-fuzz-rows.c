/* kefu-fuzz-rows.c — reading every row of every sheet, checking each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kefu-fuzz-rows.h"

static void
check_row (const KefuRow *row,
           guint64        previous)
{
  /* Rows come in order; a reader may skip blank ones. */
  g_assert_cmpuint (row->number, >, previous);
  g_assert (row->n_cells == 0 || row->cells != NULL);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const KefuCell *cell = &row->cells[i];

      if (cell->type == KEFU_CELL_EMPTY)
        continue;
      g_assert (cell->text != NULL);
      g_assert (g_utf8_validate (cell->text, -1, NULL));
    }
}

void
kefu_fuzz_read_all (KefuTableReader *reader)
{
  guint n_sheets = kefu_table_reader_get_n_sheets (reader);

  for (guint s = 0; s < n_sheets; s++)
    {
      g_autoptr(GError) error = NULL;
      const char *name = kefu_table_reader_get_sheet_name (reader, s);
      const KefuRow *row;
      guint64 previous = 0;

      g_assert (name == NULL || g_utf8_validate (name, -1, NULL));
      if (!kefu_table_reader_select_sheet (reader, s, &error))
        {
          g_assert (error != NULL && error->domain == KEFU_READER_ERROR);
          continue;
        }
      while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
        {
          double progress = kefu_table_reader_get_progress (reader);

          g_assert (progress >= 0 && progress <= 1);
          check_row (row, previous);
          previous = row->number;
        }
      /* The end of a sheet, or an error saying why it stopped. */
      g_assert (error == NULL || error->domain == KEFU_READER_ERROR);
    }
}
