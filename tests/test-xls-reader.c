/* test-xls-reader.c — Excel 97–2003 workbooks through FreeXL
 *
 * Kefu reads them in kefu-xls-reader, a process of its own (KEFU_LIBEXECDIR
 * says where it is); every workbook here is also read with the parser
 * in this process, and must come out the same, cell for cell.
 *
 * tests/data/客服_销售数据.xlsx is a real .xls under the .xlsx name that
 * Pinduoduo's exports carry. It was made once with Gnumeric 1.12.55:
 *
 *   ssconvert sales.csv sales.gnumeric     # the CSV in sales_csv below
 *   (rename the sheet "sales.csv" to "客服_销售数据" in the XML)
 *   ssconvert -T Gnumeric_Excel:excel_biff8 sales.gnumeric 客服_销售数据.xlsx
 *
 * The other workbooks are made by the tests with ssconvert, when present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "io/kefu-xls-parser.h"
#include "io/kefu-xls-reader.h"
#include "kefu-test-utils.h"

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
write_file (Fixture    *fixture,
            const char *name,
            const void *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, length < 0 ? (gssize) strlen (data) : length, &error);
  g_assert_no_error (error);
  return path;
}

/* Converts CSV files to one .xls with a sheet each, or returns NULL (and
 * skips the test) without ssconvert. */
static char *
make_xls (Fixture            *fixture,
          const char         *name,
          const char * const *csv_names,
          const char * const *csv_contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  int status = 0;

  if (ssconvert == NULL)
    {
      g_test_skip ("ssconvert (Gnumeric) is not installed");
      g_free (path);
      return NULL;
    }

  g_ptr_array_add (argv, g_strdup (ssconvert));
  g_ptr_array_add (argv, g_strdup ("--export-type=Gnumeric_Excel:excel_biff8"));
  if (csv_names[1] != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--merge-to=%s", path));
  for (guint i = 0; csv_names[i] != NULL; i++)
    g_ptr_array_add (argv, write_file (fixture, csv_names[i], csv_contents[i], -1));
  if (csv_names[1] == NULL)
    g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, NULL);

  /* ssconvert must not inherit the tests' fatal warnings and schemas. */
  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp,
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("ssconvert failed: %s\n%s", error->message, err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static KefuTableReader *
open_xls (const char *path)
{
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader = kefu_table_reader_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (KEFU_IS_XLS_READER (reader));
  g_assert_cmpint (kefu_table_reader_get_format (reader), ==, KEFU_FILE_FORMAT_XLS);
  return reader;
}

static const KefuRow *
next_row (KefuTableReader *reader)
{
  g_autoptr(GError) error = NULL;
  const KefuRow *row = kefu_table_reader_next_row (reader, &error);

  g_assert_no_error (error);
  return row;
}

static void
assert_text (const KefuRow *row,
             guint          column,
             const char    *text)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  g_assert_cmpint (cell->type, ==, KEFU_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, text);
}

static void
assert_number (const KefuRow *row,
               guint          column,
               double         number,
               const char    *text)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  g_assert_cmpint (cell->type, ==, KEFU_CELL_NUMBER);
  g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9);
  g_assert_cmpstr (cell->text, ==, text);
}

static void
assert_datetime (const KefuRow *row,
                 guint          column,
                 double         serial,
                 const char    *text)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  g_assert_cmpint (cell->type, ==, KEFU_CELL_DATETIME);
  g_assert_cmpfloat_with_epsilon (cell->number, serial, 1e-9);
  g_assert_cmpstr (cell->text, ==, text);
}

/* Every sheet, row and cell the same through the process as through
 * the parser in this one. */
static void
assert_same_as_parser (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuTableReader) reader = kefu_xls_reader_new (path, &error);
  g_autoptr(KefuTableReader) parser = kefu_xls_parser_new (path, &error);
  guint n_sheets;

  g_assert_no_error (error);
  n_sheets = kefu_table_reader_get_n_sheets (parser);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, n_sheets);

  /* Backwards, so that sheets are chosen again after their rows. */
  for (guint s = n_sheets; s-- > 0;)
    {
      const KefuRow *expected, *row;

      g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, s), ==,
                       kefu_table_reader_get_sheet_name (parser, s));
      g_assert_true (kefu_table_reader_select_sheet (parser, s, &error));
      g_assert_true (kefu_table_reader_select_sheet (reader, s, &error));
      do
        {
          expected = kefu_table_reader_next_row (parser, &error);
          g_assert_no_error (error);
          row = kefu_table_reader_next_row (reader, &error);
          g_assert_no_error (error);
          g_assert_true ((row == NULL) == (expected == NULL));
          if (row == NULL)
            break;
          g_assert_cmpuint (row->number, ==, expected->number);
          g_assert_cmpuint (row->n_cells, ==, expected->n_cells);
          for (guint i = 0; i < row->n_cells; i++)
            {
              g_assert_cmpint (row->cells[i].type, ==, expected->cells[i].type);
              g_assert_cmpstr (row->cells[i].text, ==, expected->cells[i].text);
              g_assert_true (row->cells[i].number == expected->cells[i].number);
            }
          g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==,
                             kefu_table_reader_get_progress (parser));
        }
      while (TRUE);
      g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==,
                         kefu_table_reader_get_progress (parser));
    }
}

/* 2024-03-01 is day 45352 of the 1900 date system. */
#define SERIAL_2024_03_01 45352.0

static void
test_fixture (void)
{
  static const char * const headers[] = {
    "日期", "咨询人数", "询单人数", "最终成团人数", "询单转化率",
    "客服销售额（元）", "客服可提升销售额（元）",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "客服_销售数据.xlsx", NULL);
  g_autoptr(KefuTableReader) reader = open_xls (path);
  const KefuRow *row;

  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 1);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "客服_销售数据");
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 0.0);

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpuint (row->n_cells, ==, G_N_ELEMENTS (headers));
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    assert_text (row, i, headers[i]);

  /* Gnumeric stored the dates as dates and "47.06%" as the number 0.4706
   * (formatted as a percentage, which FreeXL does not report). */
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 2);
  g_assert_cmpuint (row->n_cells, ==, 7);
  assert_datetime (row, 0, SERIAL_2024_03_01, "2024-03-01");
  assert_number (row, 1, 120, "120");
  assert_number (row, 2, 85, "85");
  assert_number (row, 3, 40, "40");
  assert_number (row, 4, 0.4706, "0.4706");
  assert_number (row, 5, 3456.7, "3456.7");
  assert_number (row, 6, 512.3, "512.3");

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 3);
  assert_datetime (row, 0, SERIAL_2024_03_01 + 1, "2024-03-02");
  assert_number (row, 1, 98, "98");
  assert_number (row, 4, 0.5, "0.5");
  assert_number (row, 5, 2980.5, "2980.5");
  assert_number (row, 6, 400, "400");

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 4);
  assert_datetime (row, 0, SERIAL_2024_03_01 + 2, "2024-03-03");
  assert_number (row, 1, 143, "143");
  assert_number (row, 2, 101, "101");
  assert_number (row, 3, 52, "52");
  assert_number (row, 4, 0.5149, "0.5149");
  assert_number (row, 5, 4410.25, "4410.25");
  assert_number (row, 6, 0, "0");

  g_assert_null (next_row (reader));
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);

  /* Going back to the sheet starts it again. */
  g_assert_true (kefu_table_reader_select_sheet (reader, 0, NULL));
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 1);

  assert_same_as_parser (path);
}

static void
test_generated (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const names[] = { "客服.csv", "汇总.csv", NULL };
  static const char * const contents[] = {
    "客服,时间,时长,编号,备注\n"
    "\n"
    "小王,2024-03-01 13:45:00,13:45:30,00123,\"有, 逗号\"\n"
    ",,,,\n"
    "小李,,,-2.5,\n",
    "合计,1e-7\n",
  };
  g_autofree char *path = make_xls (fixture, "two.xls", names, contents);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const KefuRow *row;

  if (path == NULL)
    return;

  reader = open_xls (path);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 2);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "客服.csv");
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 1), ==, "汇总.csv");

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 1);
  assert_text (row, 0, "客服");
  assert_text (row, 4, "备注");

  /* Blank rows are skipped, but numbering keeps counting them. */
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 3);
  assert_text (row, 0, "小王");
  /* Gnumeric guesses the date-time's format, and FreeXL drops the time
   * when the format shows only the date. */
  if (g_strcmp0 (kefu_row_get_cell (row, 1)->text, "2024-03-01") == 0)
    assert_datetime (row, 1, SERIAL_2024_03_01, "2024-03-01");
  else
    assert_datetime (row, 1, SERIAL_2024_03_01 + (13 * 3600 + 45 * 60) / 86400.0,
                     "2024-03-01 13:45:00");
  assert_datetime (row, 2, (13 * 3600 + 45 * 60 + 30) / 86400.0, "13:45:30");
  /* Gnumeric reads 00123 as a number: leading zeros are gone. */
  assert_number (row, 3, 123, "123");
  assert_text (row, 4, "有, 逗号");

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 5);
  g_assert_cmpuint (row->n_cells, ==, 4);
  assert_text (row, 0, "小李");
  g_assert_cmpint (kefu_row_get_cell (row, 1)->type, ==, KEFU_CELL_EMPTY);
  g_assert_null (kefu_row_get_cell (row, 1)->text);
  assert_number (row, 3, -2.5, "-2.5");

  g_assert_null (next_row (reader));

  g_assert_true (kefu_table_reader_select_sheet (reader, 1, &error));
  g_assert_no_error (error);
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 1);
  assert_text (row, 0, "合计");
  assert_number (row, 1, 1e-7, "1e-07");
  g_assert_null (next_row (reader));

  g_assert_false (kefu_table_reader_select_sheet (reader, 2, &error));
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_NO_SHEET);
  g_clear_error (&error);

  /* Back to the first sheet, halfway through the second. */
  g_assert_true (kefu_table_reader_select_sheet (reader, 1, &error));
  g_assert_cmpuint (next_row (reader)->number, ==, 1);
  g_assert_true (kefu_table_reader_select_sheet (reader, 0, &error));
  g_assert_no_error (error);
  assert_text (next_row (reader), 0, "客服");

  assert_same_as_parser (path);
}

/* Cell formats decide what FreeXL reports, so this workbook sets them. */
static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const names[] = { "formats.gnumeric", NULL };
  static const char * const contents[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gnm:Workbook xmlns:gnm=\"http://www.gnumeric.org/v10.dtd\">\n"
    "  <gnm:SheetNameIndex><gnm:SheetName>Sheet1</gnm:SheetName></gnm:SheetNameIndex>\n"
    "  <gnm:Sheets><gnm:Sheet>\n"
    "    <gnm:Name>Sheet1</gnm:Name><gnm:MaxCol>5</gnm:MaxCol><gnm:MaxRow>2</gnm:MaxRow>\n"
    "    <gnm:Cells>\n"
    "      <gnm:Cell Row=\"0\" Col=\"0\" ValueType=\"60\">日期</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"0\" ValueType=\"40\" ValueFormat=\"yyyy-mm-dd\">45352</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"1\" ValueType=\"40\" ValueFormat=\"yyyy-mm-dd hh:mm:ss\">45352.5729166666667</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"2\" ValueType=\"40\" ValueFormat=\"hh:mm:ss\">0.573263888888889</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"3\" ValueType=\"40\" ValueFormat=\"0.00%\">0.4706</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"4\" ValueType=\"60\">00123</gnm:Cell>\n"
    "      <gnm:Cell Row=\"2\" Col=\"5\">=D3*2</gnm:Cell>\n"
    "    </gnm:Cells>\n"
    "  </gnm:Sheet></gnm:Sheets>\n"
    "</gnm:Workbook>\n",
  };
  g_autofree char *path = make_xls (fixture, "formats.xls", names, contents);
  g_autoptr(KefuTableReader) reader = NULL;
  const KefuRow *row;

  if (path == NULL)
    return;

  reader = open_xls (path);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "Sheet1");
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpuint (row->n_cells, ==, 1);

  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpuint (row->n_cells, ==, 5);
  assert_datetime (row, 0, SERIAL_2024_03_01, "2024-03-01");
  assert_datetime (row, 1, SERIAL_2024_03_01 + (13 * 3600 + 45 * 60) / 86400.0,
                   "2024-03-01 13:45:00");
  assert_datetime (row, 2, (13 * 3600 + 45 * 60 + 30) / 86400.0, "13:45:30");
  /* A percentage is its number; the format is not reported. */
  assert_number (row, 3, 0.4706, "0.4706");
  assert_text (row, 4, "00123");
  /* FreeXL 1.0.6 does not read formulas' cached results: they are empty. */
  g_assert_cmpint (kefu_row_get_cell (row, 5)->type, ==, KEFU_CELL_EMPTY);

  g_assert_null (next_row (reader));

  assert_same_as_parser (path);
}

/* FreeXL applies a 1904 workbook's date system itself; the serials must
 * still come out in the 1900 system, not be shifted twice. */
static void
test_1904 (Fixture       *fixture,
           gconstpointer  data)
{
  static const guint8 datemode_1900[] = { 0x22, 0x00, 0x02, 0x00, 0x00, 0x00 };
  static const char * const names[] = { "dates.csv", NULL };
  static const char * const contents[] = { "日期\n2024-03-01\n" };
  g_autofree char *path = make_xls (fixture, "dates.xls", names, contents);
  g_autofree char *bytes = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const KefuRow *row;
  char *record = NULL;
  gsize length;

  if (path == NULL)
    return;

  /* Flip the workbook's DATEMODE record (0x0022) to 1904. */
  g_file_get_contents (path, &bytes, &length, &error);
  g_assert_no_error (error);
  for (gsize i = 0; record == NULL && i + sizeof datemode_1900 <= length; i++)
    if (memcmp (bytes + i, datemode_1900, sizeof datemode_1900) == 0)
      record = bytes + i;
  g_assert_nonnull (record);
  record[4] = 1;
  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);

  /* The stored serial 45352 means 1462 days later in the 1904 system. */
  reader = open_xls (path);
  row = next_row (reader);
  row = next_row (reader);
  g_assert_cmpuint (row->number, ==, 2);
  assert_datetime (row, 0, SERIAL_2024_03_01 + 1462, "2028-03-02");

  assert_same_as_parser (path);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  static const guint8 ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KefuTableReader *reader;

  g_byte_array_append (bytes, ole2, sizeof ole2);
  for (guint i = 0; i < 2000; i++)
    g_byte_array_append (bytes, (const guint8 *) "garbage!", 8);
  path = write_file (fixture, "客服_销售数据.xls", bytes->data, bytes->len);

  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "客服_销售数据.xls"));
  g_assert_nonnull (strstr (error->message, "Excel 97–2003"));
  g_assert_null (reader);
  g_clear_error (&error);

  /* Only the signature survived. */
  g_free (path);
  path = write_file (fixture, "cut.xls", ole2, sizeof ole2);
  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_null (reader);
}

static void
test_password (Fixture       *fixture,
               gconstpointer  data)
{
  static const guint8 bof[] = { 0x09, 0x08, 0x10, 0x00 };
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "客服_销售数据.xlsx", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autoptr(GByteArray) xlsx = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader;
  char *record = NULL;
  gsize length;

  /* Turn the record after the workbook's BOF into a FILEPASS (0x002F),
   * as Excel writes when a password is set. */
  g_file_get_contents (source, &bytes, &length, &error);
  g_assert_no_error (error);
  for (gsize i = 0; record == NULL && i + sizeof bof + 20 <= length; i++)
    if (memcmp (bytes + i, bof, sizeof bof) == 0)
      record = bytes + i + 4 + 16;
  g_assert_nonnull (record);
  record[0] = 0x2F;
  record[1] = 0x00;
  path = write_file (fixture, "protected.xls", bytes, length);

  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (reader);
  g_clear_error (&error);

  /* A password-protected .xlsx is an OLE2 file holding an
   * "EncryptedPackage" stream, which FreeXL cannot read at all. */
  g_byte_array_append (xlsx, (const guint8 *) bytes, 8);
  for (guint i = 0; i < 600; i++)
    g_byte_array_append (xlsx, (const guint8 *) "\0\0\0\0\0\0\0\0", 8);
  g_byte_array_append (xlsx, (const guint8 *) "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  xlsx_path = write_file (fixture, "客服_销售数据.xlsx", xlsx->data, xlsx->len);
  reader = kefu_table_reader_open (xlsx_path, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (reader);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.xls", NULL);
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader = kefu_xls_reader_new (path, &error);

  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO);
  g_assert_null (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xls-reader/fixture", test_fixture);
  g_test_add ("/xls-reader/generated", Fixture, NULL, fixture_set_up, test_generated, fixture_tear_down);
  g_test_add ("/xls-reader/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/xls-reader/1904", Fixture, NULL, fixture_set_up, test_1904, fixture_tear_down);
  g_test_add ("/xls-reader/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/xls-reader/password", Fixture, NULL, fixture_set_up, test_password, fixture_tear_down);
  g_test_add ("/xls-reader/missing", Fixture, NULL, fixture_set_up, test_missing, fixture_tear_down);

  return g_test_run ();
}
