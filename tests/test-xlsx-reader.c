/* test-xlsx-reader.c — rows from .xlsx workbooks: values, dates, sheets,
 * damaged and hostile files, and streaming a big sheet in flat memory
 *
 * Workbooks are made by libxlsxwriter, as an export would be, or written
 * part by part with libgsf's zip writer for what libxlsxwriter cannot
 * produce (1904 dates, rich and escaped text, XXE, zip bombs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <xlsxwriter.h>

#include "io/kefu-xlsx-reader.h"
#include "kefu-test-utils.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define STREAMING_ROWS 200000

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = kefu_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static KefuTableReader *
open_reader (const char *path)
{
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader = kefu_xlsx_reader_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static const KefuRow *
next_row (KefuTableReader *reader,
          guint64          number,
          guint            n_cells)
{
  g_autoptr(GError) error = NULL;
  const KefuRow *row = kefu_table_reader_next_row (reader, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->number, ==, number);
  g_assert_cmpuint (row->n_cells, ==, n_cells);
  return row;
}

static void
assert_end (KefuTableReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (kefu_table_reader_next_row (reader, &error));
  g_assert_no_error (error);
  /* and stays there */
  g_assert_null (kefu_table_reader_next_row (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);
}

static void
assert_cell (const KefuRow *row,
             guint          column,
             KefuCellType   type,
             const char    *text,
             double         number)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  if (g_test_verbose ())
    g_test_message ("row %" G_GUINT64_FORMAT ", column %u", row->number, column);
  g_assert_cmpint (cell->type, ==, type);
  g_assert_cmpstr (cell->text, ==, text);
  if (type != KEFU_CELL_TEXT && type != KEFU_CELL_EMPTY && type != KEFU_CELL_ERROR)
    g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9);
}

static void
assert_text (const KefuRow *row,
             guint          column,
             const char    *text)
{
  assert_cell (row, column, KEFU_CELL_TEXT, text, 0);
}

static void
assert_empty (const KefuRow *row,
              guint          column)
{
  assert_cell (row, column, KEFU_CELL_EMPTY, NULL, 0);
}

/* The date part of a DATETIME, its text being libxlsxwriter's. */
static void
assert_datetime (const KefuRow *row,
                 guint          column,
                 double         serial)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  if (g_test_verbose ())
    g_test_message ("row %" G_GUINT64_FORMAT ", column %u", row->number, column);
  g_assert_cmpint (cell->type, ==, KEFU_CELL_DATETIME);
  g_assert_nonnull (cell->text);
  g_assert_cmpfloat_with_epsilon (cell->number, serial, 1e-9);
}

static void
assert_error (GError     *error,
              int         code,
              const char *needle)
{
  g_assert_error (error, KEFU_READER_ERROR, code);
  g_test_message ("%s", error->message);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Hand-written packages */

typedef struct
{
  const char *name;
  const char *content;
  gsize       length;   /* 0: up to the NUL */
} Part;

static const char content_types[] =
  XML_DECL
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "</Types>";

static const char package_rels[] =
  XML_DECL
  "<Relationships xmlns=\"" NS_PKG_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char one_sheet_workbook[] =
  XML_DECL
  "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char one_sheet_rels[] =
  XML_DECL
  "<Relationships xmlns=\"" NS_PKG_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";

/* Writes a zip with @parts, each in its folders, as Excel lays them out. */
static void
write_zip (const char *path,
           const Part *parts,
           guint       n_parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) dir_list = g_ptr_array_new_with_free_func (g_object_unref);
  GsfOutput *sink;
  GsfOutfile *zip;

  sink = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_parts; i++)
    {
      g_auto(GStrv) segments = g_strsplit (parts[i].name, "/", -1);
      g_autoptr(GString) prefix = g_string_new (NULL);
      GsfOutfile *parent = zip;
      GsfOutput *child;
      guint n = g_strv_length (segments);
      gsize length = parts[i].length ? parts[i].length : strlen (parts[i].content);

      for (guint j = 0; j + 1 < n; j++)
        {
          GsfOutfile *dir;

          g_string_append_printf (prefix, "%s/", segments[j]);
          dir = g_hash_table_lookup (dirs, prefix->str);
          if (dir == NULL)
            {
              dir = GSF_OUTFILE (gsf_outfile_new_child (parent, segments[j], TRUE));
              g_hash_table_insert (dirs, g_strdup (prefix->str), dir);
              g_ptr_array_add (dir_list, dir);
            }
          parent = dir;
        }

      child = gsf_outfile_new_child (parent, segments[n - 1], FALSE);
      for (gsize done = 0; done < length;)
        {
          gsize chunk = MIN (length - done, 1 << 20);

          g_assert_true (gsf_output_write (child, chunk, (const guint8 *) parts[i].content + done));
          done += chunk;
        }
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }

  for (guint i = dir_list->len; i > 0; i--)
    g_assert_true (gsf_output_close (g_ptr_array_index (dir_list, i - 1)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_assert_true (gsf_output_close (sink));
  g_object_unref (sink);
}

/* A workbook of one sheet with the usual parts, plus @extra parts. */
static void
write_simple_workbook (const char *path,
                       const char *sheet,
                       const char *shared_strings)
{
  Part parts[] = {
    { "[Content_Types].xml", content_types, 0 },
    { "_rels/.rels", package_rels, 0 },
    { "xl/workbook.xml", one_sheet_workbook, 0 },
    { "xl/_rels/workbook.xml.rels", one_sheet_rels, 0 },
    { "xl/worksheets/sheet1.xml", sheet, 0 },
    { "xl/sharedStrings.xml", shared_strings, 0 },
  };

  write_zip (path, parts, shared_strings ? G_N_ELEMENTS (parts) : G_N_ELEMENTS (parts) - 1);
}

/* Where the central directory entry of @name starts. */
static gsize
find_directory_entry (const char *data,
                      gsize       length,
                      const char *name)
{
  gsize name_length = strlen (name);

  for (gsize i = 0; i + 46 + name_length <= length; i++)
    {
      const guint8 *p = (const guint8 *) data + i;

      if (memcmp (p, "PK\1\2", 4) == 0
          && (gsize) (p[28] | p[29] << 8) == name_length
          && memcmp (p + 46, name, name_length) == 0)
        return i;
    }
  g_assert_not_reached ();
}

#define DIRECTORY_MODIFICATION_TIME 12
#define DIRECTORY_COMPRESSED_SIZE 20
#define DIRECTORY_UNCOMPRESSED_SIZE 24

static guint32
get_directory_field (const char *data,
                     gsize       length,
                     const char *name,
                     gsize       field_offset)
{
  guint32 le;

  memcpy (&le, data + find_directory_entry (data, length, name) + field_offset, 4);
  return GUINT32_FROM_LE (le);
}

/* Makes the zip directory lie about @name. */
static void
set_directory_field (char       *data,
                     gsize       length,
                     const char *name,
                     gsize       field_offset,
                     guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  memcpy (data + find_directory_entry (data, length, name) + field_offset, &le, 4);
}

/* libxlsxwriter workbooks */

static lxw_format *
number_format (lxw_workbook *workbook,
               const char   *code)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_num_format (format, code);
  return format;
}

static void
close_workbook (lxw_workbook *workbook)
{
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

/* Title rows and blank rows above the header, as shop backends export. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "客服绩效.xlsx");
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "客服绩效");
  lxw_format *title = workbook_add_format (workbook);
  lxw_format *date = number_format (workbook, "yyyy-mm-dd");
  lxw_datetime day1 = { 2026, 10, 1, 0, 0, 0 };
  lxw_datetime day2 = { 2026, 10, 2, 0, 0, 0 };
  const KefuRow *row;

  format_set_bold (title);
  worksheet_merge_range (sheet, 0, 0, 0, 3, "2026年10月 客服绩效报表", title);
  worksheet_write_string (sheet, 2, 0, "导出时间：2026-10-02 09:00", NULL);
  worksheet_write_blank (sheet, 3, 0, title);      /* formatted, blank */
  worksheet_write_string (sheet, 4, 0, "客服昵称", title);
  worksheet_write_string (sheet, 4, 1, "接待人数", title);
  worksheet_write_string (sheet, 4, 2, "满意度", title);
  worksheet_write_string (sheet, 4, 3, "日期", title);
  worksheet_write_string (sheet, 5, 0, "小美", NULL);
  worksheet_write_number (sheet, 5, 1, 120, NULL);
  worksheet_write_number (sheet, 5, 2, 0.985, NULL);
  worksheet_write_datetime (sheet, 5, 3, &day1, date);
  worksheet_write_string (sheet, 6, 0, "小王", NULL);
  worksheet_write_number (sheet, 6, 1, 98, NULL);
  worksheet_write_datetime (sheet, 6, 3, &day2, date);
  worksheet_write_string (sheet, 9, 0, "合计", title);
  worksheet_write_number (sheet, 9, 1, 218, NULL);
  close_workbook (workbook);

  /* Through the sniffing entry point, as the importer opens files. */
  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (KEFU_IS_XLSX_READER (reader));
  g_assert_cmpint (kefu_table_reader_get_format (reader), ==, KEFU_FILE_FORMAT_XLSX);
  g_assert_cmpstr (kefu_table_reader_get_display_name (reader), ==, "客服绩效.xlsx");
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 1);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "客服绩效");

  /* The merged title's other cells are blank, and dropped as trailing. */
  row = next_row (reader, 1, 1);
  assert_text (row, 0, "2026年10月 客服绩效报表");
  assert_empty (row, 1);
  row = next_row (reader, 3, 1);
  assert_text (row, 0, "导出时间：2026-10-02 09:00");
  /* Row 4 has only a formatted blank: skipped like the absent row 2. */
  row = next_row (reader, 5, 4);
  assert_text (row, 0, "客服昵称");
  assert_text (row, 3, "日期");
  row = next_row (reader, 6, 4);
  assert_text (row, 0, "小美");
  assert_cell (row, 1, KEFU_CELL_NUMBER, "120", 120);
  assert_cell (row, 2, KEFU_CELL_NUMBER, "0.985", 0.985);
  assert_cell (row, 3, KEFU_CELL_DATETIME, "46296", 46296);
  row = next_row (reader, 7, 4);
  assert_text (row, 0, "小王");
  assert_cell (row, 1, KEFU_CELL_NUMBER, "98", 98);
  assert_empty (row, 2);
  assert_cell (row, 3, KEFU_CELL_DATETIME, "46297", 46297);
  row = next_row (reader, 10, 2);
  assert_text (row, 0, "合计");
  assert_cell (row, 1, KEFU_CELL_NUMBER, "218", 218);
  assert_end (reader);
}

/* Numbers and dates are told apart by the cell's format alone. */
static void
test_numbers_and_dates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "values.xlsx");
  g_autoptr(KefuTableReader) reader = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *builtin_date = workbook_add_format (workbook);
  lxw_format *percent = workbook_add_format (workbook);
  lxw_datetime day = { 2026, 10, 1, 0, 0, 0 };
  lxw_datetime morning = { 2026, 10, 1, 8, 3, 0 };
  const double eight_oh_three = (8 * 60 + 3) / 1440.0;
  const KefuRow *row;

  format_set_num_format_index (builtin_date, 14);
  format_set_num_format_index (percent, 10);

  worksheet_write_number (sheet, 0, 0, 12345, NULL);
  worksheet_write_number (sheet, 0, 1, 0.5, percent);
  worksheet_write_number (sheet, 0, 2, -2, number_format (workbook, "[Red]0.00"));
  worksheet_write_number (sheet, 0, 3, 7, number_format (workbook, "0 \"days\""));
  worksheet_write_number (sheet, 0, 4, 3, number_format (workbook, "#,##0_);(#,##0)"));
  worksheet_write_number (sheet, 0, 5, 46296, number_format (workbook, "\\d0"));

  worksheet_write_datetime (sheet, 1, 0, &day, number_format (workbook, "yyyy-mm-dd"));
  worksheet_write_datetime (sheet, 1, 1, &morning, number_format (workbook, "yyyy-mm-dd hh:mm"));
  worksheet_write_number (sheet, 1, 2, 46296, builtin_date);
  worksheet_write_number (sheet, 1, 3, 46296, number_format (workbook, "yyyy\"年\"m\"月\"d\"日\""));
  worksheet_write_number (sheet, 1, 4, 35 / 86400.0, number_format (workbook, "hh:mm:ss"));
  worksheet_write_number (sheet, 1, 5, 1.5, number_format (workbook, "[h]:mm"));
  worksheet_write_number (sheet, 1, 6, 46296, number_format (workbook, "[$-804]yyyy\"年\"m\"月\""));

  worksheet_write_boolean (sheet, 2, 0, 1, NULL);
  worksheet_write_boolean (sheet, 2, 1, 0, NULL);
  worksheet_write_formula_str (sheet, 2, 2, "=\"a\"&\"b\"", NULL, "ab");
  worksheet_write_formula_num (sheet, 2, 3, "=1+1", NULL, 2);
  worksheet_write_string (sheet, 2, 4, "  spaced  ", NULL);
  close_workbook (workbook);

  reader = open_reader (path);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "Sheet1");

  row = next_row (reader, 1, 6);
  assert_cell (row, 0, KEFU_CELL_NUMBER, "12345", 12345);
  assert_cell (row, 1, KEFU_CELL_NUMBER, "0.5", 0.5);
  assert_cell (row, 2, KEFU_CELL_NUMBER, "-2", -2);        /* the d of [Red] */
  assert_cell (row, 3, KEFU_CELL_NUMBER, "7", 7);          /* the d of "days" */
  assert_cell (row, 4, KEFU_CELL_NUMBER, "3", 3);
  assert_cell (row, 5, KEFU_CELL_NUMBER, "46296", 46296);  /* an escaped \d */

  row = next_row (reader, 2, 7);
  assert_cell (row, 0, KEFU_CELL_DATETIME, "46296", 46296);
  assert_datetime (row, 1, 46296 + eight_oh_three);
  assert_cell (row, 2, KEFU_CELL_DATETIME, "46296", 46296);
  assert_cell (row, 3, KEFU_CELL_DATETIME, "46296", 46296);
  assert_datetime (row, 4, 35 / 86400.0);
  assert_cell (row, 5, KEFU_CELL_DATETIME, "1.5", 1.5);
  assert_cell (row, 6, KEFU_CELL_DATETIME, "46296", 46296);

  row = next_row (reader, 3, 5);
  assert_cell (row, 0, KEFU_CELL_BOOLEAN, "TRUE", 1);
  assert_cell (row, 1, KEFU_CELL_BOOLEAN, "FALSE", 0);
  assert_text (row, 2, "ab");
  assert_cell (row, 3, KEFU_CELL_NUMBER, "2", 2);
  assert_text (row, 4, "  spaced  ");
  assert_end (reader);
}

/* Sheets by name, in order, each read from its top when selected. */
static void
test_sheets (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "sheets.xlsx");
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *summary = workbook_add_worksheet (workbook, "汇总");
  lxw_worksheet *details = workbook_add_worksheet (workbook, "明细 2026-10");
  lxw_worksheet *last = NULL;
  const KefuRow *row;

  workbook_add_worksheet (workbook, "空表");
  last = workbook_add_worksheet (workbook, "Sheet4");
  worksheet_write_string (summary, 0, 0, "合计", NULL);
  worksheet_write_number (summary, 0, 1, 100, NULL);
  for (int i = 0; i < 3; i++)
    worksheet_write_number (details, i, 0, i + 1, NULL);
  worksheet_write_string (last, 41, 2, "最后", NULL);
  close_workbook (workbook);

  reader = open_reader (path);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 4);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "汇总");
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 1), ==, "明细 2026-10");
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 2), ==, "空表");
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 3), ==, "Sheet4");

  /* The first sheet is open from the start: a single row. */
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 0.0);
  row = next_row (reader, 1, 2);
  assert_text (row, 0, "合计");
  assert_cell (row, 1, KEFU_CELL_NUMBER, "100", 100);
  assert_end (reader);

  g_assert_true (kefu_table_reader_select_sheet (reader, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 0.0);
  row = next_row (reader, 1, 1);
  assert_cell (row, 0, KEFU_CELL_NUMBER, "1", 1);
  /* Changing sheet midway, then coming back, starts over. */
  g_assert_true (kefu_table_reader_select_sheet (reader, 3, &error));
  row = next_row (reader, 42, 3);
  assert_empty (row, 0);
  assert_text (row, 2, "最后");
  assert_end (reader);
  g_assert_true (kefu_table_reader_select_sheet (reader, 1, &error));
  for (int i = 0; i < 3; i++)
    {
      char text[8];

      g_snprintf (text, sizeof text, "%d", i + 1);
      row = next_row (reader, i + 1, 1);
      assert_cell (row, 0, KEFU_CELL_NUMBER, text, i + 1);
    }
  assert_end (reader);

  /* An empty sheet has no rows, and that is no error. */
  g_assert_true (kefu_table_reader_select_sheet (reader, 2, &error));
  g_assert_no_error (error);
  assert_end (reader);

  g_assert_false (kefu_table_reader_select_sheet (reader, 4, &error));
  assert_error (error, KEFU_READER_ERROR_NO_SHEET, "sheets.xlsx");
}

/* What only hand-written packages have: a 1904 workbook, rich and
 * escaped text, inline strings, rows and cells without r, t="d". */
static void
test_hand_written (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char workbook_xml[] =
    XML_DECL
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:rel=\"" NS_REL "\">"
    "<workbookPr date1904=\"1\"/><bookViews><workbookView/></bookViews>"
    "<sheets><sheet name=\"订单 &amp; 评价\" sheetId=\"1\" rel:id=\"rId1\"/>"
    "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" rel:id=\"rId2\"/></sheets>"
    "</workbook>";
  static const char rels_xml[] =
    XML_DECL
    "<Relationships xmlns=\"" NS_PKG_REL "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/../worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" NS_REL "/hyperlink\" Target=\"https://example.com/\" TargetMode=\"External\"/>"
    "</Relationships>";
  /* cellStyleXfs must not shift the cellXfs indexes. */
  static const char styles_xml[] =
    XML_DECL
    "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"4\">"
    "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot;d&quot;\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
    "</numFmts><fonts count=\"1\"><font/></fonts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"6\"><xf numFmtId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"14\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\" xfId=\"0\"><alignment horizontal=\"center\"/></xf>"
    "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/></cellXfs>"
    "</styleSheet>";
  static const char shared_strings_xml[] =
    XML_DECL
    "<sst xmlns=\"" NS_MAIN "\" count=\"4\" uniqueCount=\"4\">"
    "<si><r><t>客服</t></r><r><rPr><sz val=\"11\"/></rPr><t>绩效</t></r>"
    "<rPh sb=\"0\" eb=\"2\"><t>kefu</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t>第一行_x000D_第二行 _x005F_x0041_ &amp; _x0041_ _x12</t></si>"
    "<si><t/></si>"
    "<si><t>_xD83D__xDE00_</t></si>"
    "</sst>";
  static const char sheet1_xml[] =
    XML_DECL
    "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
    "<dimension ref=\"A2:F9\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
    "<sheetData>\n"
    "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c>"
    "<c r=\"E2\" t=\"s\"><v>3</v></c></row>\n"
    "<row><c t=\"inlineStr\"><is><t>内联</t></is></c>"
    "<c t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">文本 </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>fu</t></rPh></is></c>"
    "<c t=\"str\"><f>A3&amp;\"x\"</f><v>a&amp;b_x000D_</v></c>"
    "<c t=\"inlineStr\"><is><t><![CDATA[<cdata>]]></t></is></c></row>\n"
    "<row r=\"5\"><c r=\"A5\" s=\"1\"><v>44834</v></c><c s=\"2\"><v>44834.335416666667</v></c>"
    "<c s=\"3\"><v>0.00040509259259259258</v></c><c s=\"4\"><v>1.5</v></c><c s=\"5\"><v>-2</v></c>"
    "<c><v> 42 </v></c><c s=\"99\"><v>3</v></c></row>\n"
    "<row r=\"6\"><c r=\"A6\" t=\"b\"><v>1</v></c><c r=\"B6\" t=\"b\"><v>0</v></c>"
    "<c r=\"C6\" t=\"e\"><v>#DIV/0!</v></c><c r=\"D6\" t=\"d\"><v>2026-10-01T08:03:00Z</v></c>"
    "<c r=\"E6\" t=\"d\"><v>2026-10-01</v></c><c r=\"F6\" t=\"d\"><v>not a date</v></c></row>\n"
    "<row r=\"7\" spans=\"1:3\"><c r=\"A7\" s=\"1\"/><c r=\"B7\" t=\"s\"><v></v></c>"
    "<c r=\"C7\" t=\"str\"><f>\"\"</f><v></v></c><c r=\"D7\" t=\"s\"><v>2</v></c></row>\n"
    "<row r=\"8\"/>\n"
    "<row r=\"9\"><c r=\"C9\"><v>1E-3</v></c><c r=\"A9\"><v>7</v></c></row>\n"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A9:B9\"/></mergeCells></worksheet>";
  static const char sheet2_xml[] =
    XML_DECL
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  const Part parts[] = {
    { "[Content_Types].xml", content_types, 0 },
    { "_rels/.rels", package_rels, 0 },
    { "xl/workbook.xml", workbook_xml, 0 },
    { "xl/_rels/workbook.xml.rels", rels_xml, 0 },
    { "xl/styles.xml", styles_xml, 0 },
    { "xl/sharedStrings.xml", shared_strings_xml, 0 },
    { "xl/worksheets/sheet1.xml", sheet1_xml, 0 },
    { "xl/worksheets/sheet2.xml", sheet2_xml, 0 },
  };
  g_autofree char *path = fixture_path (fixture, "hand.xlsx");
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const double eight_oh_three = (8 * 60 + 3) / 1440.0;
  const KefuRow *row;

  write_zip (path, parts, G_N_ELEMENTS (parts));
  reader = open_reader (path);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 2);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "订单 & 评价");
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 1), ==, "隐藏");

  /* Rich runs joined, the phonetic run left out, escapes decoded (an
   * escaped underscore keeps the next _x0041_ literal). */
  row = next_row (reader, 2, 5);
  assert_empty (row, 0);
  assert_text (row, 1, "客服绩效");
  assert_empty (row, 2);
  assert_text (row, 3, "第一行\r第二行 _x0041_ & A _x12");
  assert_text (row, 4, "😀");

  /* No r: the row after 2, cells from column A on. */
  row = next_row (reader, 3, 4);
  assert_text (row, 0, "内联");
  assert_text (row, 1, "富文本 ");
  assert_text (row, 2, "a&b\r");
  assert_text (row, 3, "<cdata>");

  /* 1904 dates move by 1462 days; times and durations do not. */
  row = next_row (reader, 5, 7);
  assert_cell (row, 0, KEFU_CELL_DATETIME, "44834", 46296);
  assert_cell (row, 1, KEFU_CELL_DATETIME, "44834.335416666667", 46296 + eight_oh_three);
  assert_cell (row, 2, KEFU_CELL_DATETIME, "0.00040509259259259258", 35 / 86400.0);
  assert_cell (row, 3, KEFU_CELL_NUMBER, "1.5", 1.5);
  assert_cell (row, 4, KEFU_CELL_NUMBER, "-2", -2);
  assert_cell (row, 5, KEFU_CELL_NUMBER, "42", 42);
  assert_cell (row, 6, KEFU_CELL_NUMBER, "3", 3);   /* unknown style */

  /* ISO dates are absolute: no 1904 shift. */
  row = next_row (reader, 6, 6);
  assert_cell (row, 0, KEFU_CELL_BOOLEAN, "TRUE", 1);
  assert_cell (row, 1, KEFU_CELL_BOOLEAN, "FALSE", 0);
  assert_cell (row, 2, KEFU_CELL_ERROR, "#DIV/0!", 0);
  assert_cell (row, 3, KEFU_CELL_DATETIME, "2026-10-01T08:03:00Z", 46296 + eight_oh_three);
  assert_cell (row, 4, KEFU_CELL_DATETIME, "2026-10-01", 46296);
  assert_text (row, 5, "not a date");

  /* Rows 7 (only empty values) and 8 (no cells) are skipped; cells out
   * of order still land in their columns. */
  row = next_row (reader, 9, 3);
  assert_cell (row, 0, KEFU_CELL_NUMBER, "7", 7);
  assert_empty (row, 1);
  assert_cell (row, 2, KEFU_CELL_NUMBER, "1E-3", 0.001);
  assert_end (reader);

  g_assert_true (kefu_table_reader_select_sheet (reader, 1, &error));
  g_assert_no_error (error);
  row = next_row (reader, 1, 1);
  assert_text (row, 0, "客服绩效");
  assert_end (reader);
}

/* An external entity must never be fetched, however it is declared. */
static void
test_xxe (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "xxe.xlsx");
  g_autofree char *secret_path = fixture_path (fixture, "secret.txt");
  g_autofree char *secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autofree char *shared_strings = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  const KefuRow *row;

  write_file (secret_path, "TOP-SECRET-42", strlen ("TOP-SECRET-42"));
  shared_strings = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE sst [\n"
    "  <!ENTITY xxe SYSTEM \"%s\">\n"
    "  <!ENTITY relative SYSTEM \"secret.txt\">\n"
    "  <!ENTITY inner \"expanded\">\n"
    "]>\n"
    "<sst xmlns=\"" NS_MAIN "\"><si><t>before&xxe;after</t></si>"
    "<si><t>x&inner;&relative;y</t></si></sst>", secret_uri);
  sheet = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM \"%s\"> ]>\n"
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
    "</row></sheetData></worksheet>", secret_uri);
  write_simple_workbook (path, sheet, shared_strings);

  reader = open_reader (path);
  row = next_row (reader, 1, 2);
  assert_text (row, 0, "beforeafter");
  assert_text (row, 1, "xy");
  assert_empty (row, 2);
  assert_end (reader);
}

/* A DTD may declare entities in any part: external ones are never
 * fetched, whether a parameter entity pulls them into the DTD or an
 * attribute refers to them (a well-formedness error); internal ones
 * give their text in attributes, as libxml2's tree does. */
static void
test_xxe_dtd (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "xxe-dtd.xlsx");
  g_autofree char *attribute_path = fixture_path (fixture, "xxe-attribute.xlsx");
  g_autofree char *secret_path = fixture_path (fixture, "secret.txt");
  g_autofree char *secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *attribute_sheet = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const KefuRow *row;
  static const char workbook_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE workbook [ <!ENTITY inner \"客服\"> ]>\n"
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
    "<sheets><sheet name=\"A &amp; &inner;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

  write_file (secret_path, "TOP-SECRET-42", strlen ("TOP-SECRET-42"));
  sheet = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE worksheet [\n"
    "  <!ENTITY %% ext SYSTEM \"%s\"> %%ext;\n"
    "  <!ENTITY xxe SYSTEM \"%s\">\n"
    "]>\n"
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
    "<c r=\"A1\" t=\"inlineStr\"><is><t>a&xxe;b</t></is></c>"
    "</row></sheetData></worksheet>", secret_uri, secret_uri);
  {
    const Part parts[] = {
      { "[Content_Types].xml", content_types, 0 },
      { "_rels/.rels", package_rels, 0 },
      { "xl/workbook.xml", workbook_xml, 0 },
      { "xl/_rels/workbook.xml.rels", one_sheet_rels, 0 },
      { "xl/worksheets/sheet1.xml", sheet, 0 },
    };

    write_zip (path, parts, G_N_ELEMENTS (parts));
  }

  reader = open_reader (path);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "A & 客服");
  row = next_row (reader, 1, 1);
  assert_text (row, 0, "ab");
  assert_end (reader);
  g_clear_object (&reader);

  attribute_sheet = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM \"%s\"> ]>\n"
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"&xxe;\"><v>2</v></c></row>"
    "</sheetData></worksheet>", secret_uri);
  write_simple_workbook (attribute_path, attribute_sheet, NULL);
  reader = open_reader (attribute_path);
  while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
    g_assert_cmpuint (row->number, ==, 1);
  assert_error (error, KEFU_READER_ERROR_FORMAT, "xxe-attribute.xlsx");
  g_assert_null (strstr (error->message, "TOP-SECRET"));
}

/* Parts are parsed a chunk at a time and rows wait in a queue: rows,
 * cells and texts far longer than a chunk, escapes wherever a chunk may
 * end, and the rows after them come out whole. */
static void
test_long_content (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "long.xlsx");
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GString) sheet = g_string_new (XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
  g_autoptr(GString) shared_strings = g_string_new (XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>");
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  const guint n_wide = 3000;
  const KefuRow *row;

  /* 300 kB of text with an escaped carriage return every few bytes. */
  for (guint i = 0; written->len < 300 * 1000; i++)
    {
      g_string_append_printf (written, "客服%u号_x000D_", i);
      g_string_append_printf (expected, "客服%u号\r", i);
    }

  /* A row of numbers and texts, far longer than a chunk. */
  g_string_append (sheet, "<row r=\"1\">");
  for (guint i = 0; i < n_wide; i++)
    {
      if (i % 2 == 0)
        g_string_append_printf (sheet, "<c><v>%u.25</v></c>", i);
      else
        g_string_append_printf (sheet, "<c t=\"inlineStr\"><is><t>文本%u_x005F_</t></is></c>", i);
    }
  g_string_append (sheet, "</row>");
  g_string_append_printf (sheet, "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>%s</t></is></c></row>",
                          written->str);
  g_string_append (sheet, "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c><c><v>3</v></c></row>");
  for (guint i = 4; i < 2004; i++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c><v>%u</v></c></row>", i, i);
  g_string_append (sheet, "</sheetData></worksheet>");
  g_string_append_printf (shared_strings, "%s</t></si></sst>", written->str);
  write_simple_workbook (path, sheet->str, shared_strings->str);

  reader = open_reader (path);
  row = next_row (reader, 1, n_wide);
  for (guint i = 0; i < n_wide; i++)
    {
      char text[32];

      if (i % 2 == 0)
        {
          g_snprintf (text, sizeof text, "%u.25", i);
          assert_cell (row, i, KEFU_CELL_NUMBER, text, i + 0.25);
        }
      else
        {
          g_snprintf (text, sizeof text, "文本%u_", i);
          assert_text (row, i, text);
        }
    }
  row = next_row (reader, 2, 2);
  assert_empty (row, 0);
  assert_text (row, 1, expected->str);
  row = next_row (reader, 3, 4);
  assert_text (row, 2, expected->str);
  assert_cell (row, 3, KEFU_CELL_NUMBER, "3", 3);
  for (guint i = 4; i < 2004; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", i);
      row = next_row (reader, i, 1);
      assert_cell (row, 0, KEFU_CELL_NUMBER, text, i);
    }
  assert_end (reader);
}

/* Parts that inflate past reason are refused before being read. */
static void
test_zip_bomb (Fixture       *fixture,
               gconstpointer  data)
{
  static const char head[] = XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>";
  static const char tail[] = "</sheetData></worksheet>";
  const gsize size = 50 * 1024 * 1024;
  g_autofree char *bomb = g_malloc (size);
  g_autofree char *path = fixture_path (fixture, "bomb.xlsx");
  g_autofree char *lying_path = fixture_path (fixture, "lying.xlsx");
  g_autofree char *short_path = fixture_path (fixture, "short.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  guint32 compressed;
  gsize length;

  /* 50 MiB of spaces, valid XML, deflated over 1000:1. */
  memset (bomb, ' ', size);
  memcpy (bomb, head, strlen (head));
  memcpy (bomb + size - strlen (tail), tail, strlen (tail));
  {
    const Part parts[] = {
      { "[Content_Types].xml", content_types, 0 },
      { "_rels/.rels", package_rels, 0 },
      { "xl/workbook.xml", one_sheet_workbook, 0 },
      { "xl/_rels/workbook.xml.rels", one_sheet_rels, 0 },
      { "xl/worksheets/sheet1.xml", bomb, size },
    };

    write_zip (path, parts, G_N_ELEMENTS (parts));
  }
  contents = read_file (path, &length);
  compressed = get_directory_field (contents, length, "xl/worksheets/sheet1.xml",
                                    DIRECTORY_COMPRESSED_SIZE);
  g_test_message ("bomb: %" G_GSIZE_FORMAT " bytes deflated to %u", size, compressed);
  g_assert_cmpuint (size / compressed, >, 1000);
  g_clear_pointer (&contents, g_free);

  reader = kefu_xlsx_reader_new (path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_TOO_LARGE, "bomb.xlsx");
  g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
  g_clear_error (&error);

  /* A small sheet whose directory entry claims 3 GB. */
  write_simple_workbook (lying_path,
                         XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                         "<row r=\"1\"><c><v>1</v></c></row></sheetData></worksheet>", NULL);
  contents = read_file (lying_path, &length);
  set_directory_field (contents, length, "xl/worksheets/sheet1.xml",
                       DIRECTORY_UNCOMPRESSED_SIZE, 0xC0000000);
  write_file (lying_path, contents, length);
  reader = kefu_xlsx_reader_new (lying_path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_TOO_LARGE, "lying.xlsx");
  g_clear_error (&error);

  /* One that claims less than it holds: read as far as it claims, and
   * found damaged there. */
  set_directory_field (contents, length, "xl/worksheets/sheet1.xml",
                       DIRECTORY_UNCOMPRESSED_SIZE, 80);
  write_file (short_path, contents, length);
  reader = open_reader (short_path);
  g_assert_null (kefu_table_reader_next_row (reader, &error));
  assert_error (error, KEFU_READER_ERROR_FORMAT, "short.xlsx");
}

/* Damaged files give a message naming the file and the problem. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "good.xlsx");
  g_autofree char *cut_path = fixture_path (fixture, "下载中断.xlsx");
  g_autofree char *csv_zip_path = fixture_path (fixture, "csv.zip.xlsx");
  g_autofree char *missing_path = fixture_path (fixture, "missing.xlsx");
  g_autofree char *broken_path = fixture_path (fixture, "broken.xlsx");
  g_autofree char *bad_index_path = fixture_path (fixture, "index.xlsx");
  g_autofree char *corrupt_path = fixture_path (fixture, "corrupt.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  const KefuRow *row = NULL;
  gsize length;

  for (int i = 0; i < 2000; i++)
    {
      worksheet_write_number (sheet, i, 0, i, NULL);
      worksheet_write_string (sheet, i, 1, "某某旗舰店客服", NULL);
    }
  close_workbook (workbook);

  /* Cut in half, as an interrupted download leaves it. */
  contents = read_file (path, &length);
  write_file (cut_path, contents, length / 2);
  reader = kefu_xlsx_reader_new (cut_path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_FORMAT, "“下载中断.xlsx” is not a readable Excel workbook (.xlsx)");
  g_clear_error (&error);

  /* A zip, but of something else. */
  {
    const Part parts[] = { { "orders.csv", "订单号,金额\n1,2\n", 0 } };

    write_zip (csv_zip_path, parts, G_N_ELEMENTS (parts));
  }
  reader = kefu_xlsx_reader_new (csv_zip_path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_FORMAT, "xl/workbook.xml");
  g_clear_error (&error);

  /* The workbook names a sheet the package lacks. */
  {
    const Part parts[] = {
      { "_rels/.rels", package_rels, 0 },
      { "xl/workbook.xml", one_sheet_workbook, 0 },
      { "xl/_rels/workbook.xml.rels", one_sheet_rels, 0 },
    };

    write_zip (missing_path, parts, G_N_ELEMENTS (parts));
  }
  reader = kefu_xlsx_reader_new (missing_path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_FORMAT, "xl/worksheets/sheet1.xml");
  g_clear_error (&error);

  /* Malformed XML: the rows well before are read, then the error names
   * the row the damage is in. */
  {
    g_autoptr(GString) xml = g_string_new (XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
    guint n_rows = 0;

    for (int i = 1; i <= 200; i++)
      g_string_append_printf (xml, i == 150 ? "<row r=\"%d\"><c><v>%d</c></row>"
                                            : "<row r=\"%d\"><c><v>%d</v></c></row>", i, i);
    g_string_append (xml, "</sheetData></worksheet>");
    write_simple_workbook (broken_path, xml->str, NULL);

    reader = open_reader (broken_path);
    while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
      g_assert_cmpuint (row->number, ==, ++n_rows);
    g_assert_cmpuint (n_rows, >=, 100);
    g_assert_cmpuint (n_rows, <, 150);
    assert_error (error, KEFU_READER_ERROR_FORMAT, "row 150");
    g_clear_error (&error);
    /* and it stays damaged */
    g_assert_null (kefu_table_reader_next_row (reader, &error));
    assert_error (error, KEFU_READER_ERROR_FORMAT, "row 150");
    g_clear_error (&error);
    g_clear_object (&reader);
  }

  /* A shared string that is not there. */
  write_simple_workbook (bad_index_path,
                         XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                         "<row r=\"4\"><c t=\"s\"><v>1</v></c></row></sheetData></worksheet>",
                         XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>一</t></si></sst>");
  reader = open_reader (bad_index_path);
  g_assert_null (kefu_table_reader_next_row (reader, &error));
  assert_error (error, KEFU_READER_ERROR_FORMAT, "row 4");
  g_clear_error (&error);
  g_clear_object (&reader);

  /* A garbled date in the zip directory, which libgsf would not take
   * quietly. */
  {
    g_autofree char *bad_time = g_memdup2 (contents, length);

    set_directory_field (bad_time, length, "xl/worksheets/sheet1.xml",
                         DIRECTORY_MODIFICATION_TIME, 0xFFFFFFFF);
    write_file (corrupt_path, bad_time, length);
  }
  reader = kefu_xlsx_reader_new (corrupt_path, &error);
  g_assert_null (reader);
  assert_error (error, KEFU_READER_ERROR_FORMAT, "xl/worksheets/sheet1.xml");
  g_clear_error (&error);

  /* Garbage in the middle of the sheet's deflated data. */
  {
    const char *name = "xl/worksheets/sheet1.xml";
    const char *local = NULL;
    gsize data_offset;

    for (gsize i = 0; i + 30 + strlen (name) <= length; i++)
      if (memcmp (contents + i, "PK\3\4", 4) == 0
          && memcmp (contents + i + 30, name, strlen (name)) == 0)
        {
          local = contents + i;
          break;
        }
    g_assert_nonnull (local);
    data_offset = (local - contents) + 30 + strlen (name)
                  + (guint8) local[28] + ((guint8) local[29] << 8);
    memset (contents + data_offset + 2000, 0xFF, 64);
    write_file (corrupt_path, contents, length);
  }
  reader = kefu_xlsx_reader_new (corrupt_path, &error);
  if (reader != NULL)
    {
      while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
        ;
    }
  assert_error (error, KEFU_READER_ERROR_FORMAT, "corrupt.xlsx");
}

/* Peak resident memory so far, in KiB. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

/* The reading half of test_streaming, in a fresh process so that the
 * peak memory is the reader's alone. */
static void
read_big_sheet (const char *path)
{
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gint64 peak_before = peak_rss_kib ();
  gint64 peak_after;
  const KefuRow *row;
  guint64 n_rows = 0;
  guint64 n_texts = 0;
  guint64 n_dates = 0;
  double sum = 0;
  double progress = 0;
  double elapsed;

  reader = open_reader (path);
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 0.0);

  row = next_row (reader, 1, 4);
  assert_text (row, 0, "序号");
  while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
    {
      double now = kefu_table_reader_get_progress (reader);

      g_assert_cmpfloat (now, >=, progress);
      g_assert_cmpfloat (now, <=, 1.0);
      progress = now;

      n_rows++;
      g_assert_cmpuint (row->number, ==, n_rows + 1);
      g_assert_cmpuint (row->n_cells, ==, 4);
      g_assert_cmpint (row->cells[0].type, ==, KEFU_CELL_NUMBER);
      g_assert_cmpint (row->cells[3].type, ==, KEFU_CELL_NUMBER);
      sum += row->cells[0].number + row->cells[3].number;
      n_texts += row->cells[1].type == KEFU_CELL_TEXT
                 && g_str_has_prefix (row->cells[1].text, "客服");
      n_dates += row->cells[2].type == KEFU_CELL_DATETIME && row->cells[2].number > 46296;
    }
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);
  peak_after = peak_rss_kib ();

  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);
  g_assert_cmpuint (n_rows, ==, STREAMING_ROWS);
  g_assert_cmpuint (n_texts, ==, STREAMING_ROWS);
  g_assert_cmpuint (n_dates, ==, STREAMING_ROWS);
  /* Σ i + Σ i/4 */
  g_assert_cmpfloat (sum, ==, 1.25 * STREAMING_ROWS * (STREAMING_ROWS + 1.0) / 2);

  g_print ("# streamed %" G_GUINT64_FORMAT " rows in %.2f s; peak RSS %" G_GINT64_FORMAT
           " KiB before, %" G_GINT64_FORMAT " KiB after\n",
           n_rows, elapsed, peak_before, peak_after);
  if (peak_before > 0 && peak_after > 0)
    g_assert_cmpint (peak_after - peak_before, <, 30 * 1024);
}

/* 200,000 rows, as a year of a busy shop's chats, in flat memory. */
static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *date;

  if (g_test_subprocess ())
    {
      read_big_sheet (g_getenv ("KEFU_TEST_BIG_XLSX"));
      return;
    }

  path = fixture_path (fixture, "big.xlsx");
  options.tmpdir = fixture->dir;
  workbook = workbook_new_opt (path, &options);
  sheet = workbook_add_worksheet (workbook, "会话明细");
  date = number_format (workbook, "yyyy-mm-dd hh:mm");
  worksheet_write_string (sheet, 0, 0, "序号", NULL);
  worksheet_write_string (sheet, 0, 1, "客服", NULL);
  worksheet_write_string (sheet, 0, 2, "时间", NULL);
  worksheet_write_string (sheet, 0, 3, "金额", NULL);
  for (guint i = 1; i <= STREAMING_ROWS; i++)
    {
      char agent[32];

      g_snprintf (agent, sizeof agent, "客服%02u号", i % 50);
      worksheet_write_number (sheet, i, 0, i, NULL);
      worksheet_write_string (sheet, i, 1, agent, NULL);
      worksheet_write_number (sheet, i, 2, 46296 + i % 30 + 0.5, date);
      worksheet_write_number (sheet, i, 3, i * 0.25, NULL);
    }
  close_workbook (workbook);

  g_setenv ("KEFU_TEST_BIG_XLSX", path, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xlsx-reader/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("layout", test_layout);
  ADD ("numbers-and-dates", test_numbers_and_dates);
  ADD ("sheets", test_sheets);
  ADD ("hand-written", test_hand_written);
  ADD ("xxe", test_xxe);
  ADD ("xxe-dtd", test_xxe_dtd);
  ADD ("zip-bomb", test_zip_bomb);
  ADD ("damaged", test_damaged);
  ADD ("long-content", test_long_content);
  ADD ("streaming", test_streaming);

#undef ADD

  return g_test_run ();
}
