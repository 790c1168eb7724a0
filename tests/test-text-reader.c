/* test-text-reader.c — CSV/TSV files: encodings, delimiters, quoting, streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "io/kefu-text-reader.h"
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

  if (length < 0)
    length = strlen (data);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Writes UTF-8 @text converted to @encoding, after @bom. */
static char *
write_encoded (Fixture    *fixture,
               const char *name,
               const char *bom,
               gsize       bom_length,
               const char *text,
               const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, bom_length);
  g_byte_array_append (bytes, (const guint8 *) converted, length);
  return write_file (fixture, name, bytes->data, bytes->len);
}

static KefuTableReader *
open_text (const char *path,
           const char *encoding)
{
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader = kefu_text_reader_new (path, encoding, &error);

  g_assert_no_error (error);
  g_assert_true (KEFU_IS_TEXT_READER (reader));
  return reader;
}

/* "3:a||c": the row's number, then its cells, empty ones as nothing. */
static char *
describe_row (const KefuRow *row)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%" G_GUINT64_FORMAT ":", row->number);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const KefuCell *cell = kefu_row_get_cell (row, i);

      if (i > 0)
        g_string_append_c (s, '|');
      if (cell->type == KEFU_CELL_EMPTY)
        g_assert_null (cell->text);
      else
        {
          g_assert_cmpint (cell->type, ==, KEFU_CELL_TEXT);
          g_assert_nonnull (cell->text);
          g_assert_cmpstr (cell->text, !=, "");
          g_assert_true (g_utf8_validate (cell->text, -1, NULL));
          g_string_append (s, cell->text);
        }
    }
  /* Trailing empty cells are left out. */
  if (row->n_cells > 0)
    g_assert_cmpint (row->cells[row->n_cells - 1].type, !=, KEFU_CELL_EMPTY);
  return g_string_free (s, FALSE);
}

/* Reads the rest of the sheet; the rows read before an error are returned
 * too, with @error set. */
static GStrv
read_rows (KefuTableReader  *reader,
           GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const KefuRow *row;
  double progress = 0;

  while ((row = kefu_table_reader_next_row (reader, error)) != NULL)
    {
      double now = kefu_table_reader_get_progress (reader);
      g_autofree char *description = describe_row (row);

      g_assert_cmpfloat (now, >=, progress);
      g_assert_cmpfloat (now, <=, 1.0);
      progress = now;
      g_strv_builder_add (builder, description);
    }
  return g_strv_builder_end (builder);
}

static void
assert_rows (KefuTableReader    *reader,
             const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = read_rows (reader, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (rows, expected);
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);

  /* The end stays the end. */
  g_assert_null (kefu_table_reader_next_row (reader, &error));
  g_assert_no_error (error);
}

static const char *sales_csv =
  "客服,询单人数,询单转化率,客服销售额（元）\n"
  "小王,85,47.06%,\"3,456.70\"\n"
  "小李,70,50.00%,2980.5\n";

static const char * const sales_rows[] = {
  "1:客服|询单人数|询单转化率|客服销售额（元）",
  "2:小王|85|47.06%|3,456.70",
  "3:小李|70|50.00%|2980.5",
  NULL
};

static void
test_utf8 (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "客服_绩效.csv", sales_csv, -1);
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);
  KefuTextReader *text = KEFU_TEXT_READER (reader);

  g_assert_cmpstr (kefu_text_reader_get_encoding (text), ==, "UTF-8");
  g_assert_cmpint (kefu_text_reader_get_delimiter (text), ==, ',');
  g_assert_cmpint (kefu_table_reader_get_format (reader), ==, KEFU_FILE_FORMAT_TEXT);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 1);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "客服_绩效");
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), <, 1.0);
  assert_rows (reader, sales_rows);
}

static void
test_utf8_bom (Fixture       *fixture,
               gconstpointer  data)
{
  /* No line break after the last record either. */
  g_autofree char *content = g_strconcat ("\xEF\xBB\xBF", sales_csv, NULL);
  g_autofree char *path = NULL;
  g_autoptr(KefuTableReader) reader = NULL;

  content[strlen (content) - 1] = '\0';
  path = write_file (fixture, "bom.csv", content, -1);
  reader = open_text (path, NULL);
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-8");
  assert_rows (reader, sales_rows);

  /* A forced UTF-8 skips the byte order mark too. */
  g_clear_object (&reader);
  reader = open_text (path, "utf8");
  assert_rows (reader, sales_rows);
}

static void
test_gbk (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = write_encoded (fixture, "gbk.csv", "", 0, sales_csv, "GB18030");
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;

  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "GB18030");
  assert_rows (reader, sales_rows);

  /* The import dialog's choice wins; GBK is read as its superset. */
  g_clear_object (&reader);
  reader = open_text (path, "GBK");
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "GB18030");
  assert_rows (reader, sales_rows);

  /* A wrong choice: GBK bytes are not UTF-8, from the first row. */
  g_clear_object (&reader);
  reader = open_text (path, "UTF-8");
  rows = read_rows (reader, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_nonnull (strstr (error->message, "Row 1 "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));

  /* The error sticks. */
  g_clear_error (&error);
  g_assert_null (kefu_table_reader_next_row (reader, &error));
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
}

static void
test_utf16 (Fixture       *fixture,
            gconstpointer  data)
{
  /* What Excel saves as "Unicode text": UTF-16LE, BOM, tabs, CRLF. */
  static const char *tsv =
    "客服\t询单人数\t备注\r\n"
    "小王\t85\t\"有, 逗号\"\r\n"
    "\r\n"
    "小李\t70\t\r\n";
  static const char * const expected[] = {
    "1:客服|询单人数|备注",
    "2:小王|85|有, 逗号",
    "4:小李|70",
    NULL
  };
  g_autofree char *le = write_encoded (fixture, "unicode.txt", "\xFF\xFE", 2, tsv, "UTF-16LE");
  g_autofree char *be = write_encoded (fixture, "be.txt", "\xFE\xFF", 2, tsv, "UTF-16BE");
  g_autofree char *bare = write_encoded (fixture, "bare.txt", "", 0, tsv, "UTF-16LE");
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = open_text (le, NULL);
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-16LE");
  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, '\t');
  assert_rows (reader, expected);

  g_clear_object (&reader);
  reader = open_text (be, NULL);
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-16BE");
  assert_rows (reader, expected);

  /* Without a byte order mark it is only readable when chosen. */
  g_clear_object (&reader);
  reader = kefu_text_reader_new (bare, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_null (reader);
  reader = open_text (bare, "UTF-16");
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-16LE");
  assert_rows (reader, expected);
}

static void
test_delimiters (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const semicolon_rows[] = {
    "1:客服|询单人数|备注",
    "2:小王|85|a;b",
    "3:小李|70|1,5",
    NULL
  };
  static const char * const tab_rows[] = {
    "1:客服|金额",
    "2:小王|1,234",
    "3:小李|2,345",
    NULL
  };
  static const char * const single_rows[] = {
    "1:客服",
    "2:小王",
    NULL
  };
  g_autofree char *semicolon = write_file (fixture, "semi.csv",
                                           "客服;询单人数;备注\n小王;85;\"a;b\"\n小李;70;1,5\n", -1);
  g_autofree char *tab = write_file (fixture, "tab.csv",
                                     "客服\t金额\n小王\t1,234\n小李\t2,345\n", -1);
  g_autofree char *single = write_file (fixture, "single.csv", "客服\n小王\n", -1);
  g_autoptr(KefuTableReader) reader = NULL;

  reader = open_text (semicolon, NULL);
  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, ';');
  assert_rows (reader, semicolon_rows);

  g_clear_object (&reader);
  reader = open_text (tab, NULL);
  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, '\t');
  assert_rows (reader, tab_rows);

  g_clear_object (&reader);
  reader = open_text (single, NULL);
  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, ',');
  assert_rows (reader, single_rows);
}

static void
test_quoting (Fixture       *fixture,
              gconstpointer  data)
{
  /* Row numbers are the line a record starts on, as a spreadsheet shows. */
  static const char *csv =
    "客服,备注,金额\r\n"
    "小王,\"多行\r\n备注\",\"1,200\"\r\n"
    "\r\n"
    "小李,\"他说\"\"好\"\",然后\",5\"寸\r\n"
    "小张,\"a\nb\nc\",\"\"\r\n"
    "小赵,  两边有空格  ,\"  引号里的空格  \"\r\n";
  static const char * const expected[] = {
    "1:客服|备注|金额",
    "2:小王|多行\r\n备注|1,200",
    "5:小李|他说\"好\",然后|5\"寸",
    "6:小张|a\nb\nc",
    "9:小赵|两边有空格|  引号里的空格  ",
    NULL
  };
  g_autofree char *path = write_file (fixture, "quoted.csv", csv, -1);
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);

  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, ',');
  assert_rows (reader, expected);
}

static void
test_blank_lines (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *csv =
    "\n"
    "\n"
    "a,b\n"
    "\n"
    ",,\n"
    "c,,d\n"
    "e,,\n"
    "   \n"
    "f\r"                /* an old Mac line end */
    "g";
  static const char * const expected[] = {
    "3:a|b",
    "6:c||d",
    "7:e",
    "9:f",
    "10:g",
    NULL
  };
  g_autofree char *path = write_file (fixture, "blank.csv", csv, -1);
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);

  assert_rows (reader, expected);
}

static void
test_excel_text (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *csv =
    "客服,编号\n"
    "小王,=\"00123\"\n"
    "小李,\"=\"\"00456\"\"\"\n"
    "小张,=\"a\"&\"b\"\n"
    "小赵,=\"\"\n";
  static const char * const expected[] = {
    "1:客服|编号",
    "2:小王|00123",
    "3:小李|00456",
    "4:小张|=\"a\"&\"b\"",
    "5:小赵",
    NULL
  };
  g_autofree char *path = write_file (fixture, "ids.csv", csv, -1);
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);

  assert_rows (reader, expected);
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *forced = write_file (fixture, "forced.csv", "a,b\nc,d\ne,\xff\xfe\ng,h\n", -1);
  g_autoptr(GString) late = g_string_new (NULL);
  g_autofree char *late_path = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;

  reader = open_text (forced, "UTF-8");
  rows = read_rows (reader, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
  g_assert_nonnull (strstr (error->message, "Row 3 "));
  g_assert_nonnull (strstr (error->message, "forced.csv"));

  /* A bad byte well past the first 64 KiB of UTF-8 Chinese text: the file
   * is still read as UTF-8, and the error names the row. */
  for (guint i = 1; i <= 6000; i++)
    {
      if (i == 5000)
        g_string_append (late, "坏,\"多\n行\",\xC3\x28\n");
      else
        g_string_append_printf (late, "客服%u,询单人数,%u\n", i, i * 7);
    }
  late_path = write_file (fixture, "late.csv", late->str, late->len);
  g_assert_cmpuint (late->len, >, 2 * 65536);

  g_clear_object (&reader);
  g_clear_pointer (&rows, g_strfreev);
  g_clear_error (&error);
  reader = open_text (late_path, NULL);
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-8");
  rows = read_rows (reader, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
  g_assert_cmpuint (g_strv_length (rows), ==, 4999);
  g_assert_cmpstr (rows[4998], ==, "4999:客服4999|询单人数|34993");
  g_assert_nonnull (strstr (error->message, "Row 5000 "));
}

static void
test_unknown_encoding (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "a.csv", "a,b\n", -1);
  g_autofree char *latin = write_file (fixture, "latin.csv", "\x80\x80\x80,\xFF\n", -1);
  g_autoptr(GError) error = NULL;
  KefuTableReader *reader;

  reader = kefu_text_reader_new (path, "KLINGON-8", &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
  g_assert_null (reader);
  g_clear_error (&error);

  /* Neither UTF-8 nor GB18030. */
  reader = kefu_text_reader_new (latin, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "latin.csv"));
  g_assert_nonnull (strstr (error->message, "GB18030"));
  g_assert_null (reader);
}

static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *garbage = g_malloc (8192);
  g_autofree char *path = NULL;
  KefuTableReader *reader;

  for (guint i = 0; i < 8192; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  garbage[0] = 0x7F;   /* neither a zip nor an OLE2 signature */
  garbage[100] = 0;
  path = write_file (fixture, "data.csv", garbage, 8192);

  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "data.csv"));
  g_assert_null (reader);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const none[] = { NULL };
  g_autofree char *path = write_file (fixture, "empty.csv", "", 0);
  g_autofree char *blank = write_file (fixture, "blank.csv", "\n\r\n\n", -1);
  g_autoptr(KefuTableReader) reader = NULL;

  reader = open_text (path, NULL);
  g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, "UTF-8");
  g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, ',');
  assert_rows (reader, none);

  g_clear_object (&reader);
  reader = open_text (blank, NULL);
  assert_rows (reader, none);
}

static void
test_lying_extension (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "客服_销售数据.xlsx", sales_csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuTableReader) reader = kefu_table_reader_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (KEFU_IS_TEXT_READER (reader));
  g_assert_cmpint (kefu_table_reader_get_format (reader), ==, KEFU_FILE_FORMAT_TEXT);
  g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, "客服_销售数据");
  assert_rows (reader, sales_rows);
}

static void
test_rewind (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_encoded (fixture, "gbk.csv", "", 0, sales_csv, "GB18030");
  g_autoptr(KefuTableReader) reader = open_text (path, NULL);
  g_autoptr(GError) error = NULL;
  const KefuRow *row;

  row = kefu_table_reader_next_row (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_row_get_cell (row, 0)->text, ==, "客服");
  row = kefu_table_reader_next_row (reader, &error);
  g_assert_cmpstr (kefu_row_get_cell (row, 0)->text, ==, "小王");
  /* Past the last cell: empty. */
  g_assert_cmpint (kefu_row_get_cell (row, 9)->type, ==, KEFU_CELL_EMPTY);

  g_assert_true (kefu_table_reader_select_sheet (reader, 0, &error));
  g_assert_no_error (error);
  assert_rows (reader, sales_rows);

  g_assert_false (kefu_table_reader_select_sheet (reader, 1, &error));
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_NO_SHEET);
}

static void
test_huge_cell (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) content = g_string_new ("h1,h2\nv1,\"");
  g_autoptr(GString) big = g_string_new ("h1,h2\nv1,\"");
  g_autofree char *path = NULL;
  g_autofree char *big_path = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  const KefuRow *row;

  /* A quote never closed swallows the rest of the file: refused at 1 MiB. */
  for (guint i = 0; i < 16 * 1024; i++)
    g_string_append (content, "1234567890,abcdefghijklmnopqrstuvwxyz\n客服,询单人数,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
  path = write_file (fixture, "unclosed.csv", content->str, content->len);
  reader = open_text (path, NULL);
  rows = read_rows (reader, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_nonnull (strstr (error->message, "Row 2 "));

  /* So are more columns than Excel has. */
  g_clear_object (&reader);
  g_clear_pointer (&rows, g_strfreev);
  g_clear_error (&error);
  g_free (path);
  g_string_assign (content, "h1,h2\n");
  for (guint i = 0; i < 17000; i++)
    g_string_append (content, "a,");
  path = write_file (fixture, "wide.csv", content->str, content->len);
  reader = open_text (path, NULL);
  rows = read_rows (reader, &error);
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_nonnull (strstr (error->message, "Row 2 "));

  /* Below the bound, a long cell is fine. */
  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append (big, "长文本 ");
  g_string_append (big, "\"\nv2,end\n");
  big_path = write_file (fixture, "big.csv", big->str, big->len);
  g_clear_object (&reader);
  g_clear_error (&error);
  reader = open_text (big_path, NULL);
  row = kefu_table_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 1);
  row = kefu_table_reader_next_row (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->number, ==, 2);
  g_assert_cmpuint (strlen (kefu_row_get_cell (row, 1)->text), ==, 100 * 1024 * strlen ("长文本 "));
  row = kefu_table_reader_next_row (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpstr (kefu_row_get_cell (row, 1)->text, ==, "end");
}

/* NUL bytes past the first 64 KiB (padding some tools leave) are dropped. */
static void
test_late_nul (Fixture       *fixture,
               gconstpointer  data)
{
  static const char tail[] = "末\0尾,1\n\0\0\0";
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (content, "客服%u,%u\n", i, i);
  g_assert_cmpuint (content->len, >, 65536);
  g_string_append_len (content, tail, sizeof tail - 1);
  path = write_file (fixture, "nul.csv", content->str, content->len);

  reader = open_text (path, NULL);
  rows = read_rows (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (rows), ==, 5001);
  g_assert_cmpstr (rows[5000], ==, "5001:末尾|1");
}

/* Multi-byte characters cut by chunk boundaries, in every encoding. */
static void
test_chunk_boundaries (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct {
    const char *encoding;
    const char *bom;
    gsize       bom_length;
  } cases[] = {
    { "UTF-8", "", 0 },
    { "GB18030", "", 0 },
    { "UTF-16LE", "\xFF\xFE", 2 },
    { "UTF-16BE", "\xFE\xFF", 2 },
  };
  g_autoptr(GString) content = g_string_new ("客服\t询单人数\t备注\r\n");

  /* Rows of varying length, so boundaries fall everywhere; 𠀀 needs four
   * bytes in UTF-8, GB18030 and UTF-16 alike. */
  for (guint i = 1; i < 6000; i++)
    g_string_append_printf (content, "客服%u\t%u\t%.*s𠀀x\r\n", i, i * 3, (int) (i % 7) * 3, "一二三四五六七");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *name = g_strdup_printf ("%s.txt", cases[c].encoding);
      g_autofree char *path = write_encoded (fixture, name, cases[c].bom, cases[c].bom_length,
                                             content->str, cases[c].encoding);
      g_autoptr(KefuTableReader) reader = open_text (path, NULL);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) rows = NULL;

      g_test_message ("%s", cases[c].encoding);
      g_assert_cmpstr (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), ==, cases[c].encoding);
      g_assert_cmpint (kefu_text_reader_get_delimiter (KEFU_TEXT_READER (reader)), ==, '\t');
      rows = read_rows (reader, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (rows), ==, 6000);
      g_assert_cmpstr (rows[0], ==, "1:客服|询单人数|备注");
      for (guint i = 1; i < 6000; i++)
        {
          g_autofree char *expected = g_strdup_printf ("%u:客服%u|%u|%.*s𠀀x", i + 1, i, i * 3,
                                                       (int) (i % 7) * 3, "一二三四五六七");
          g_assert_cmpstr (rows[i], ==, expected);
        }
    }
}

static gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

#define BIG_ROWS 200000
#define BIG_COLUMNS 12

static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "客服_聊天数据.csv", NULL);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint64 expected_sum = 0, sum = 0;
  guint64 n_rows = 0;
  const KefuRow *row;
  gint64 rss_before, hwm_after, start, elapsed;
  double progress = 0;
  long file_size;
  FILE *file;

  /* Written a line at a time, so writing it grows no memory either. */
  file = fopen (path, "w");
  g_assert_nonnull (file);
  fputs ("客服,日期", file);
  for (guint c = 2; c < BIG_COLUMNS; c++)
    fprintf (file, ",指标%u", c);
  fputs ("\r\n", file);
  for (guint r = 0; r < BIG_ROWS; r++)
    {
      fprintf (file, "\"客服%u号\",2024-03-%02u", r % 97, r % 28 + 1);
      for (guint c = 2; c < BIG_COLUMNS; c++)
        {
          guint value = (r * 31 + c * 7) % 100003;

          fprintf (file, ",%u", value);
          expected_sum += value;
        }
      fputs ("\r\n", file);
    }
  file_size = ftell (file);
  g_assert_cmpint (fclose (file), ==, 0);

  /* Resets VmHWM to the current RSS (Linux ≥ 4.0); where that is not
   * allowed the check below only gets stricter. */
  file = fopen ("/proc/self/clear_refs", "w");
  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
  rss_before = read_status_kb ("VmRSS:");

  start = g_get_monotonic_time ();
  reader = open_text (path, NULL);
  while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
    {
      double now = kefu_table_reader_get_progress (reader);

      g_assert_cmpuint (row->number, ==, n_rows + 1);
      g_assert_cmpuint (row->n_cells, ==, BIG_COLUMNS);
      if (n_rows > 0)
        {
          g_assert_true (g_str_has_prefix (row->cells[0].text, "客服"));
          for (guint c = 2; c < BIG_COLUMNS; c++)
            sum += g_ascii_strtoull (row->cells[c].text, NULL, 10);
        }
      g_assert_cmpfloat (now, >=, progress);
      progress = now;
      n_rows++;
    }
  elapsed = g_get_monotonic_time () - start;
  hwm_after = read_status_kb ("VmHWM:");

  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, BIG_ROWS + 1);
  g_assert_cmpuint (sum, ==, expected_sum);
  g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);

  g_test_message ("read %d rows x %d columns (%.1f MB) in %.3f s; peak RSS %" G_GINT64_FORMAT
                  " kB, %" G_GINT64_FORMAT " kB above the RSS before reading",
                  BIG_ROWS, BIG_COLUMNS, file_size / 1e6, elapsed / (double) G_USEC_PER_SEC,
                  hwm_after, hwm_after - rss_before);
  if (rss_before > 0 && hwm_after > 0)
    g_assert_cmpint (hwm_after - rss_before, <, 30 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/text-reader/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* First, while the process is small, so peak memory means something. */
  ADD ("streaming", test_streaming);
  ADD ("utf8", test_utf8);
  ADD ("utf8-bom", test_utf8_bom);
  ADD ("gbk", test_gbk);
  ADD ("utf16", test_utf16);
  ADD ("delimiters", test_delimiters);
  ADD ("quoting", test_quoting);
  ADD ("blank-lines", test_blank_lines);
  ADD ("excel-text", test_excel_text);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("unknown-encoding", test_unknown_encoding);
  ADD ("binary", test_binary);
  ADD ("empty", test_empty);
  ADD ("lying-extension", test_lying_extension);
  ADD ("rewind", test_rewind);
  ADD ("huge-cell", test_huge_cell);
  ADD ("late-nul", test_late_nul);
  ADD ("chunk-boundaries", test_chunk_boundaries);

#undef ADD

  return g_test_run ();
}
