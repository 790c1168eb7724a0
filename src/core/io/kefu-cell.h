/* kefu-cell.h — one cell of a table, whatever file it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_CELL_EMPTY,
  KEFU_CELL_TEXT,       /* text: the string (CSV cells are all text) */
  KEFU_CELL_NUMBER,     /* number: the value; text: as written in the file */
  KEFU_CELL_BOOLEAN,    /* number: 0 or 1 */
  KEFU_CELL_DATETIME,   /* number: days since 1899-12-30 (the 1900 system,
                         * 1904 workbooks are converted); fraction = time */
  KEFU_CELL_ERROR,      /* text: the spreadsheet's error, e.g. "#DIV/0!" */
} KefuCellType;

typedef struct
{
  KefuCellType  type;
  const char   *text;     /* UTF-8, NUL-terminated; NULL only for EMPTY */
  double        number;
} KefuCell;

/* A row as the reader hands it out. Cells and their strings belong to
 * the reader and stay valid until the next row is read. */
typedef struct
{
  guint64         number;    /* 1-based, as a spreadsheet shows it */
  guint           n_cells;   /* trailing empty cells may be absent */
  const KefuCell *cells;
} KefuRow;

static inline const KefuCell *
kefu_row_get_cell (const KefuRow *row,
                   guint          column)
{
  static const KefuCell empty = { KEFU_CELL_EMPTY, NULL, 0 };

  return column < row->n_cells ? &row->cells[column] : &empty;
}

G_END_DECLS
