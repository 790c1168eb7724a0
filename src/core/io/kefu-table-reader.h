/* kefu-table-reader.h — rows of cells from CSV, XLSX or .xls, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "io/kefu-cell.h"

G_BEGIN_DECLS

#define KEFU_READER_ERROR (kefu_reader_error_quark ())

typedef enum
{
  KEFU_READER_ERROR_IO,          /* cannot be read */
  KEFU_READER_ERROR_FORMAT,      /* damaged or not what it claims */
  KEFU_READER_ERROR_ENCODING,    /* text not in the detected/given encoding */
  KEFU_READER_ERROR_TOO_LARGE,   /* a part inflates past the bound */
  KEFU_READER_ERROR_NO_SHEET,
} KefuReaderError;

typedef enum
{
  KEFU_FILE_FORMAT_TEXT,         /* CSV / TSV / semicolon-separated */
  KEFU_FILE_FORMAT_XLSX,
  KEFU_FILE_FORMAT_XLS,
} KefuFileFormat;

#define KEFU_TYPE_TABLE_READER (kefu_table_reader_get_type ())
G_DECLARE_DERIVABLE_TYPE (KefuTableReader, kefu_table_reader, KEFU, TABLE_READER, GObject)

struct _KefuTableReaderClass
{
  GObjectClass parent_class;

  guint           (*get_n_sheets)    (KefuTableReader  *self);
  const char     *(*get_sheet_name)  (KefuTableReader  *self,
                                      guint             index);
  gboolean        (*select_sheet)    (KefuTableReader  *self,
                                      guint             index,
                                      GError          **error);
  const KefuRow  *(*next_row)        (KefuTableReader  *self,
                                      GError          **error);
  double          (*get_progress)    (KefuTableReader  *self);
};

GQuark           kefu_reader_error_quark            (void);
KefuFileFormat   kefu_sniff_format                  (const guint8     *head,
                                                     gsize             length);

KefuTableReader *kefu_table_reader_open             (const char       *path,
                                                     const char       *encoding,
                                                     GError          **error);
const char      *kefu_table_reader_get_path         (KefuTableReader  *self);
const char      *kefu_table_reader_get_display_name (KefuTableReader  *self);
KefuFileFormat   kefu_table_reader_get_format       (KefuTableReader  *self);
guint            kefu_table_reader_get_n_sheets     (KefuTableReader  *self);
const char      *kefu_table_reader_get_sheet_name   (KefuTableReader  *self,
                                                     guint             index);
gboolean         kefu_table_reader_select_sheet     (KefuTableReader  *self,
                                                     guint             index,
                                                     GError          **error);
const KefuRow   *kefu_table_reader_next_row         (KefuTableReader  *self,
                                                     GError          **error);
double           kefu_table_reader_get_progress     (KefuTableReader  *self);

G_END_DECLS
