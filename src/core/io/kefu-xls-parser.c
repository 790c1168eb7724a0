/* kefu-xls-parser.c — Excel 97–2003 workbooks (.xls), through FreeXL
 *
 * This parser runs only in kefu-xls-reader, the process KefuXlsReader
 * reads .xls files through (and in the fuzz target): FreeXL is not safe on
 * damaged files, and a crash there must not take Kefu down.
 *
 * Unlike the other readers this one does not stream: freexl_open() parses
 * the whole workbook into memory. That is fine for .xls, which holds at
 * most 65,536 rows a sheet, so files stay a few megabytes at worst.
 *
 * What the importer gets, FreeXL 1.0.6 being what it is:
 *
 *  - Rows with at least one non-empty cell; KefuRow.number is the sheet's
 *    row (1-based), so skipped blank rows leave gaps. Trailing empty
 *    cells are dropped from n_cells; empty text counts as EMPTY.
 *  - Numbers are NUMBER with text "%.15g" (C locale); percentages are
 *    their value (47.06% is 0.4706): FreeXL does not report formats.
 *  - Cells with a date or time format are DATETIME, number = days since
 *    1899-12-30 and text = FreeXL's "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or
 *    "HH:MM:SS" (a time alone is a fraction of a day). FreeXL applies the
 *    1904 date system itself, and keeps only the date when the format
 *    shows only the date, to the second otherwise.
 *  - Booleans and error cells come out as integers, and formula cells
 *    as EMPTY: FreeXL does not read their cached results.
 *
 * FreeXL follows a damaged container where it should stop, and then reads
 * past its own buffers (found by tests/fuzz/fuzz-xls-reader): libgsf,
 * Gnumeric's OLE2 reader, checks the container and the chain of records
 * in the workbook stream before FreeXL sees the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-input-stdio.h>

#include "io/kefu-xls-parser.h"

struct _KefuXlsParser
{
  KefuTableReader  parent_instance;

  const void      *handle;
  GPtrArray       *sheet_names;   /* UTF-8 */
  guint            n_rows;        /* of the selected sheet */
  guint            n_columns;
  guint            next_row;      /* 0-based */

  GStringChunk    *strings;       /* the texts of the row handed out */
  GArray          *cells;         /* KefuCell */
  KefuRow          row;
};

G_DEFINE_FINAL_TYPE (KefuXlsParser, kefu_xls_parser, KEFU_TYPE_TABLE_READER)

static const char *
display_name (KefuXlsParser *self)
{
  return kefu_table_reader_get_display_name (KEFU_TABLE_READER (self));
}

/* Why FreeXL gave up, in words a shop manager can act on. */
static const char *
describe_freexl_error (int code)
{
  switch (code)
    {
    case FREEXL_INSUFFICIENT_MEMORY:
      return _("there is not enough memory");
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
      return _("the file is damaged or incomplete");
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return _("it holds no Excel workbook (it may be a Word or other Office document)");
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
    case FREEXL_ILLEGAL_RK_VALUE:
    case FREEXL_ILLEGAL_CELL_ROW_COL:
      return _("its cells are damaged");
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return _("its text is in a character set that cannot be converted");
    case FREEXL_CRAFTED_FILE:
      return _("the file is severely damaged");
    default:
      return _("the file could not be parsed");
    }
}

static void
set_freexl_error (KefuXlsParser  *self,
                  int             code,
                  GError        **error)
{
  if (code == FREEXL_FILE_NOT_FOUND)
    g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
                 _("“%s” could not be opened: it does not exist or cannot be read."),
                 display_name (self));
  else
    g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
                 _("“%s” is not a readable Excel 97–2003 workbook (.xls): %s (FreeXL error %d)."),
                 display_name (self), describe_freexl_error (code), code);
}

static gboolean
contains (const char   *data,
          gsize         length,
          const guint8 *needle,
          gsize         needle_length,
          gsize         at,
          const guint8 *then,
          gsize         then_length)
{
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0 &&
        (then == NULL ||
         (i + at + then_length <= length && memcmp (data + i + at, then, then_length) == 0)))
      return TRUE;
  return FALSE;
}

/* FreeXL often fails on encrypted workbooks before it can tell, so look
 * for the signs ourselves: a FILEPASS record right after the workbook's
 * BIFF8 BOF record, or the container of a password-protected .xlsx
 * (which is OLE2 too). */
static gboolean
looks_password_protected (const char *path)
{
  static const guint8 bof[] = { 0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00 };
  static const guint8 filepass[] = { 0x2F, 0x00 };
  static const guint8 encrypted_package[] = {
    'E', 0, 'n', 0, 'c', 0, 'r', 0, 'y', 0, 'p', 0, 't', 0, 'e', 0, 'd', 0,
    'P', 0, 'a', 0, 'c', 0, 'k', 0, 'a', 0, 'g', 0, 'e', 0,
  };
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize length;

  if (file == NULL)
    return FALSE;
  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);

  return contains (data, length, bof, sizeof bof, 4 + 16, filepass, sizeof filepass) ||
         contains (data, length, encrypted_package, sizeof encrypted_package, 0, NULL, 0);
}

static void
set_password_error (KefuXlsParser  *self,
                    GError        **error)
{
  g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
               _("“%s” is protected with a password, which Kefu cannot open. "
                 "Open it in Excel or WPS, save a copy without the password and "
                 "import that."),
               display_name (self));
}

/* Days since 1899-12-30 of FreeXL's "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or
 * "HH:MM:SS". FreeXL already applied the workbook's date system, so 1904
 * workbooks come out right too. */
static gboolean
parse_freexl_date (const char *text,
                   int         type,
                   double     *serial)
{
  GDate epoch;
  unsigned int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  double days = 0;
  int consumed = 0;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);

  if (type == FREEXL_CELL_TIME)
    {
      if (sscanf (text, "%2u:%2u:%2u%n", &hour, &minute, &second, &consumed) != 3)
        return FALSE;
    }
  else
    {
      GDate date;

      if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
          !g_date_valid_dmy (day, month, year))
        return FALSE;
      if (type == FREEXL_CELL_DATETIME)
        {
          int more = 0;

          if (sscanf (text + consumed, " %2u:%2u:%2u%n", &hour, &minute, &second, &more) != 3)
            return FALSE;
          consumed += more;
        }
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      days = (double) g_date_get_julian (&date) - (double) g_date_get_julian (&epoch);
    }

  if (text[consumed] != '\0' || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *serial = days + (hour * 3600.0 + minute * 60.0 + second) / 86400.0;
  return TRUE;
}

static void
fill_cell (KefuXlsParser          *self,
           const FreeXL_CellValue *value,
           KefuCell               *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  cell->type = KEFU_CELL_EMPTY;
  cell->text = NULL;
  cell->number = 0;

  switch (value->type)
    {
    case FREEXL_CELL_INT:
      /* FreeXL also reports booleans and error cells as integers. */
      g_snprintf (buffer, sizeof buffer, "%d", value->value.int_value);
      cell->type = KEFU_CELL_NUMBER;
      cell->number = value->value.int_value;
      cell->text = g_string_chunk_insert (self->strings, buffer);
      break;

    case FREEXL_CELL_DOUBLE:
      /* The C locale's decimal point, whatever the user's locale. */
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", value->value.double_value);
      cell->type = KEFU_CELL_NUMBER;
      cell->number = value->value.double_value;
      cell->text = g_string_chunk_insert (self->strings, buffer);
      break;

    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      if (value->value.text_value == NULL || value->value.text_value[0] == '\0')
        break;
      cell->type = KEFU_CELL_TEXT;
      if (g_utf8_validate (value->value.text_value, -1, NULL))
        cell->text = g_string_chunk_insert (self->strings, value->value.text_value);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (value->value.text_value, -1);
          cell->text = g_string_chunk_insert (self->strings, valid);
        }
      break;

    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      if (value->value.text_value == NULL)
        break;
      cell->text = g_string_chunk_insert (self->strings, value->value.text_value);
      cell->type = parse_freexl_date (value->value.text_value, value->type, &cell->number)
                   ? KEFU_CELL_DATETIME : KEFU_CELL_TEXT;
      break;

    case FREEXL_CELL_NULL:
    default:
      break;
    }
}

static guint
kefu_xls_parser_get_n_sheets (KefuTableReader *reader)
{
  return KEFU_XLS_PARSER (reader)->sheet_names->len;
}

static const char *
kefu_xls_parser_get_sheet_name (KefuTableReader *reader,
                                guint            index)
{
  return g_ptr_array_index (KEFU_XLS_PARSER (reader)->sheet_names, index);
}

static gboolean
kefu_xls_parser_select_sheet (KefuTableReader  *reader,
                              guint             index,
                              GError          **error)
{
  KefuXlsParser *self = KEFU_XLS_PARSER (reader);
  unsigned int rows = 0;
  unsigned short columns = 0;
  int rc;

  rc = freexl_select_active_worksheet (self->handle, index);
  if (rc == FREEXL_OK)
    rc = freexl_worksheet_dimensions (self->handle, &rows, &columns);
  if (rc != FREEXL_OK)
    {
      set_freexl_error (self, rc, error);
      return FALSE;
    }

  /* Despite its documentation, FreeXL gives counts, not last indices. */
  self->n_rows = rows;
  self->n_columns = columns;
  self->next_row = 0;
  return TRUE;
}

static const KefuRow *
kefu_xls_parser_next_row (KefuTableReader  *reader,
                          GError          **error)
{
  KefuXlsParser *self = KEFU_XLS_PARSER (reader);

  while (self->next_row < self->n_rows)
    {
      guint row = self->next_row++;
      guint n_cells = 0;

      g_string_chunk_clear (self->strings);
      g_array_set_size (self->cells, self->n_columns);

      for (guint column = 0; column < self->n_columns; column++)
        {
          KefuCell *cell = &g_array_index (self->cells, KefuCell, column);
          FreeXL_CellValue value;
          int rc;

          rc = freexl_get_cell_value (self->handle, row, column, &value);
          if (rc != FREEXL_OK)
            {
              set_freexl_error (self, rc, error);
              self->next_row = self->n_rows;
              return NULL;
            }

          fill_cell (self, &value, cell);
          if (cell->type != KEFU_CELL_EMPTY)
            n_cells = column + 1;
        }

      /* Rows with nothing in them are skipped, but keep their number. */
      if (n_cells == 0)
        continue;

      self->row.number = row + 1;
      self->row.n_cells = n_cells;
      self->row.cells = &g_array_index (self->cells, KefuCell, 0);
      return &self->row;
    }

  return NULL;
}

/* The selected sheet's rows, blank ones included: a row's number is at
 * most this. */
guint
kefu_xls_parser_get_n_rows (KefuXlsParser *self)
{
  g_return_val_if_fail (KEFU_IS_XLS_PARSER (self), 0);
  return self->n_rows;
}

/* Rows of the selected sheet read so far: the file itself was read whole. */
static double
kefu_xls_parser_get_progress (KefuTableReader *reader)
{
  KefuXlsParser *self = KEFU_XLS_PARSER (reader);

  if (self->n_rows == 0)
    return 1.0;
  return (double) self->next_row / (double) self->n_rows;
}

static void
kefu_xls_parser_finalize (GObject *object)
{
  KefuXlsParser *self = KEFU_XLS_PARSER (object);

  if (self->handle != NULL)
    freexl_close (self->handle);
  g_ptr_array_unref (self->sheet_names);
  g_string_chunk_free (self->strings);
  g_array_unref (self->cells);

  G_OBJECT_CLASS (kefu_xls_parser_parent_class)->finalize (object);
}

static void
kefu_xls_parser_class_init (KefuXlsParserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuTableReaderClass *reader_class = KEFU_TABLE_READER_CLASS (klass);

  object_class->finalize = kefu_xls_parser_finalize;

  reader_class->get_n_sheets = kefu_xls_parser_get_n_sheets;
  reader_class->get_sheet_name = kefu_xls_parser_get_sheet_name;
  reader_class->select_sheet = kefu_xls_parser_select_sheet;
  reader_class->next_row = kefu_xls_parser_next_row;
  reader_class->get_progress = kefu_xls_parser_get_progress;
}

static void
kefu_xls_parser_init (KefuXlsParser *self)
{
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (4096);
  self->cells = g_array_new (FALSE, FALSE, sizeof (KefuCell));
}

#define BIFF_MAX_RECORD 8224   /* BIFF8's largest record body */

static gboolean
set_damaged_error (KefuXlsParser  *self,
                   const char     *reason,
                   GError        **error)
{
  g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
               _("“%s” is not a readable Excel 97–2003 workbook (.xls): "
                 "the file is damaged or incomplete (%s)."),
               display_name (self), reason);
  return FALSE;
}

/* Where a BIFF8 record FreeXL reads a text from holds its length. */
static const struct {
  guint16 type;
  guint8  offset;      /* of the character count */
  guint8  wide_count;  /* 2: a 16-bit count, 1: an 8-bit one */
} text_records[] = {
  { 0x041E, 2, 2 },    /* FORMAT */
  { 0x0085, 6, 1 },    /* BOUNDSHEET */
  { 0x0204, 6, 2 },    /* LABEL */
  { 0x0207, 0, 2 },    /* STRING */
};

/* Whether the text of a BIFF8 record fits in it: FreeXL copies as many
 * characters as the record says it holds. */
static gboolean
text_fits (guint16       type,
           const guint8 *body,
           guint         length)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_records); i++)
    {
      guint at = text_records[i].offset, count, flags, needed;

      if (text_records[i].type != type)
        continue;
      if (at + text_records[i].wide_count + 1 > length)
        return FALSE;
      count = text_records[i].wide_count == 2 ? body[at] | body[at + 1] << 8 : body[at];
      flags = body[at + text_records[i].wide_count];
      needed = at + text_records[i].wide_count + 1;
      if (flags & 0x08)                 /* rich text: a run count */
        needed += 2;
      if (flags & 0x04)                 /* East Asian phonetics: a size */
        needed += 4;
      needed += (flags & 0x01) ? 2 * count : count;
      return needed <= length;
    }
  return TRUE;
}

/* Why the workbook stream's records do not lie whole inside it, or NULL. */
static const char *
check_records (GsfInput *stream)
{
  gboolean biff8 = FALSE, first = TRUE;
  guint n_dimensions = 0;

  while (gsf_input_remaining (stream) > 0)
    {
      const guint8 *header = gsf_input_read (stream, 4, NULL);
      const guint8 *body = NULL;
      guint type, length;

      if (header == NULL)
        return _("a record is cut short");
      type = header[0] | header[1] << 8;
      length = header[2] | header[3] << 8;
      if (length > BIFF_MAX_RECORD)
        return _("a record is larger than Excel writes");
      if (length > 0 && (body = gsf_input_read (stream, length, NULL)) == NULL)
        return _("a record is cut short");
      /* The workbook's BOF says its version; texts are checked in BIFF8. */
      if (first && type == 0x0809 && length >= 2)
        biff8 = (body[0] | body[1] << 8) == 0x0600;
      first = FALSE;
      if (biff8 && !text_fits (type, body, length))
        return _("a text is longer than its record");
      /* FreeXL sizes a sheet by its DIMENSION record, and frees that
       * twice when there is a second one. */
      if (type == 0x0809)
        n_dimensions = 0;
      else if (type == 0x0200 && ++n_dimensions > 1)
        return _("a sheet declares its size twice");
    }
  return NULL;
}

static guint32
read_u32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

/* FreeXL allocates what the OLE2 header and the root entry declare, which
 * libgsf does not check: none may exceed the file. */
static const char *
check_header (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  guint64 length, sector, root;
  guint shift;

  if (file == NULL)
    return NULL;     /* FreeXL's to report */
  data = (const guint8 *) g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);
  if (length < 512)
    return _("it is shorter than its own header");

  shift = data[0x1E] | data[0x1F] << 8;
  if (shift != 9 && shift != 12)
    return _("its sector size is not one Excel writes");
  sector = (guint64) 1 << shift;
  if (read_u32 (data + 0x2C) > length / sector ||     /* FAT sectors */
      (read_u32 (data + 0x40) > length / sector &&    /* mini FAT sectors */
       read_u32 (data + 0x3C) != 0xFFFFFFFE) ||
      (read_u32 (data + 0x48) > length / sector &&    /* DIFAT sectors */
       read_u32 (data + 0x44) != 0xFFFFFFFE))
    return _("its header declares more sectors than the file holds");

  /* The root entry, first of the directory, sizes the mini stream. */
  root = ((guint64) read_u32 (data + 0x30) + 1) * sector;
  if (root + 128 > length || read_u32 (data + root + 120) > length)
    return _("its directory declares more than the file holds");
  return NULL;
}

/* Whether the container is sound, holds a workbook stream and every
 * record of it lies whole inside it. FreeXL, laxer, finds workbooks in
 * containers libgsf sees none in, and reads them past its buffers.
 * libgsf 1.14.50 has no g_autoptr for its types. */
static gboolean
check_container (KefuXlsParser  *self,
                 const char     *path,
                 GError        **error)
{
  static const char * const names[] = { "Workbook", "Book" };
  g_autoptr(GError) local_error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &local_error);
  GsfInfile *ole = NULL;
  GsfInput *stream = NULL;
  const char *problem = NULL;

  /* A file that cannot be opened is FreeXL's to report. */
  if (input == NULL)
    return TRUE;
  problem = check_header (path);
  if (problem != NULL)
    {
      g_object_unref (input);
      return set_damaged_error (self, problem, error);
    }
  ole = gsf_infile_msole_new (input, &local_error);
  g_object_unref (input);
  if (ole == NULL)
    return set_damaged_error (self, local_error ? local_error->message : "OLE2", error);

  /* The class method, for a GError where gsf_infile_child_by_name() warns. */
  for (guint i = 0; i < G_N_ELEMENTS (names) && stream == NULL; i++)
    {
      g_clear_error (&local_error);
      stream = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (ole))->child_by_name (ole, names[i], &local_error);
    }
  if (stream != NULL)
    {
      problem = check_records (stream);
      g_object_unref (stream);
    }
  else
    problem = _("it holds no workbook stream");
  g_object_unref (ole);

  return problem == NULL || set_damaged_error (self, problem, error);
}

/**
 * kefu_xls_parser_new:
 * @path: an Excel 97–2003 workbook, whatever its extension
 *
 * Loads the whole workbook (see the top of this file) in this process and
 * selects its first sheet. Kefu itself opens .xls files with
 * kefu_xls_reader_new(), which runs this in a process of its own.
 *
 * Returns: (transfer full): the parser, or %NULL with @error set
 */
KefuTableReader *
kefu_xls_parser_new (const char  *path,
                     GError     **error)
{
  g_autoptr(KefuXlsParser) self = NULL;
  g_autoptr(GError) local_error = NULL;
  unsigned int info = 0;
  unsigned int n_sheets = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEFU_TYPE_XLS_PARSER, "path", path, NULL);

  if (!check_container (self, path, &local_error))
    {
      /* What a password makes of a file says more than how it is damaged. */
      if (looks_password_protected (path))
        set_password_error (self, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  rc = freexl_open (path, &self->handle);
  if (rc != FREEXL_OK)
    {
      if (rc != FREEXL_FILE_NOT_FOUND && looks_password_protected (path))
        set_password_error (self, error);
      else
        set_freexl_error (self, rc, error);
      return NULL;
    }

  /* Anything but "plain" is a password: some FreeXL versions report
   * protected files with a wrong value. */
  rc = freexl_get_info (self->handle, FREEXL_BIFF_PASSWORD, &info);
  if (rc != FREEXL_OK)
    {
      set_freexl_error (self, rc, error);
      return NULL;
    }
  if (info != FREEXL_BIFF_PLAIN)
    {
      set_password_error (self, error);
      return NULL;
    }

  rc = freexl_get_info (self->handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets);
  if (rc != FREEXL_OK)
    {
      set_freexl_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_sheets && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;

      rc = freexl_get_worksheet_name (self->handle, i, &name);
      if (rc != FREEXL_OK)
        {
          set_freexl_error (self, rc, error);
          return NULL;
        }
      if (name == NULL || *name == '\0')
        g_ptr_array_add (self->sheet_names, g_strdup_printf (_("Sheet %u"), i + 1));
      else
        g_ptr_array_add (self->sheet_names, g_utf8_make_valid (name, -1));
    }

  if (self->sheet_names->len == 0)
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_NO_SHEET,
                   _("“%s” has no sheets."), display_name (self));
      return NULL;
    }

  if (!kefu_xls_parser_select_sheet (KEFU_TABLE_READER (self), 0, error))
    return NULL;

  return KEFU_TABLE_READER (g_steal_pointer (&self));
}
