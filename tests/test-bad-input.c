/* test-bad-input.c — the catalogue of bad files, and what each one gets
 *
 * Every case is decided in data/profiles/README.md, "Bad input": either
 * the file is refused with a message naming it (and the row, column and
 * what was expected, where there is one) and the database is left as it
 * was, or it is imported with the problem rows listed and skipped.
 *
 * tests/data/missing-sheet-part.xlsx is a two-sheet workbook whose
 * workbook.xml names xl/worksheets/sheet1.xml, with that part left out of
 * the zip (Python's zipfile, copying every other member).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <xlsxwriter.h>
#include <glib/gstdio.h>

#include "kefu-core.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"

/* What a database holds, table by table, to see it unchanged. */
static char *
snapshot (KefuTestStore *fixture)
{
  return g_strdup_printf ("shops %ld, agents %ld, batches %ld, measures %ld, orders %ld",
                          (long) kefu_test_count (fixture, "SELECT count(*) FROM shop"),
                          (long) kefu_test_count (fixture, "SELECT count(*) FROM agent"),
                          (long) kefu_test_count (fixture, "SELECT count(*) FROM import_batch"),
                          (long) kefu_test_count (fixture, "SELECT count(*) FROM measure"),
                          (long) kefu_test_count (fixture, "SELECT count(*) FROM order_"));
}

static KefuImportResult *
import (KefuTestStore *fixture,
        const char    *path)
{
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  options.platform = "taobao";
  return kefu_import_file (fixture->store, kefu_profile_registry_get_default (),
                           path, &options, NULL, NULL, NULL);
}

/* Every case starts from a database that already holds a file. */
static void
fixture_set_up (KefuTestStore *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(KefuImportResult) result = NULL;

  kefu_test_store_set_up (fixture, data);
  path = kefu_test_write_file (fixture, "客服绩效_20261001.csv",
                               "客服,询单人数,询单转化率\n小安,20,50%\n", -1);
  result = import (fixture, path);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
}

/* Imports @path, expecting a refusal whose message holds every one of
 * @words, and the database as it was. */
static void
assert_refused (KefuTestStore      *fixture,
                const char         *path,
                const char * const *words)
{
  g_autofree char *before = snapshot (fixture);
  g_autofree char *after = NULL;
  g_autoptr(KefuImportResult) result = import (fixture, path);
  const char *message = kefu_import_result_get_message (result);

  g_test_message ("%s", message);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (message, words[i]) == NULL)
      g_error ("“%s” is not in the message “%s”", words[i], message);
  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* The one problem of @result on @row. */
static const KefuImportProblem *
problem_on (KefuImportResult *result,
            guint64           row)
{
  const KefuImportProblem *found = NULL;

  for (guint i = 0; i < kefu_import_result_get_n_problems (result); i++)
    {
      const KefuImportProblem *problem = kefu_import_result_get_problem (result, i);

      if (problem->row == row)
        {
          g_assert_null (found);
          found = problem;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_empty (KefuTestStore *fixture,
            gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv", "", 0);

  assert_refused (fixture, path, (const char *[]) { "客服绩效_20261014.csv", "empty", NULL });
}

static void
test_header_only (KefuTestStore *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv",
                                                "客服,询单人数,询单转化率\r\n", -1);

  assert_refused (fixture, path, (const char *[]) { "客服绩效_20261014.csv", "row 1",
                                                   "no rows below", NULL });
}

static void
test_binary_garbage (KefuTestStore *fixture,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint8 *bytes = g_malloc (8192);
  g_autofree char *path = NULL;

  for (guint i = 0; i < 8192; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  path = kefu_test_write_file (fixture, "客服绩效_20261014.csv", (const char *) bytes, 8192);
  assert_refused (fixture, path, (const char *[]) { "客服绩效_20261014.csv", "binary", NULL });
}

static void
test_missing_sheet_part (KefuTestStore *fixture,
                         gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "missing-sheet-part.xlsx", NULL);

  assert_refused (fixture, source, (const char *[]) { "missing-sheet-part.xlsx",
                                                     "xl/worksheets/sheet1.xml", "missing", NULL });
}

/* Excel's last row: the reader goes there and on, in flat memory. The
 * whole import of such a sheet is a benchmark, not a test (README). */
static void
test_million_rows (KefuTestStore *fixture,
                   gconstpointer  data)
{
  const guint32 n_rows = 1048576;
  g_autofree char *path = g_build_filename (fixture->dir, "订单_1048576.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const KefuRow *row, *last = NULL;
  guint64 n_read = 0, sum = 0, last_number = 0;

  worksheet_write_string (sheet, 0, 0, "订单编号", NULL);
  worksheet_write_string (sheet, 0, 1, "实付金额", NULL);
  for (guint32 r = 1; r < n_rows; r++)
    {
      worksheet_write_number (sheet, r, 0, 3300000000.0 + r, NULL);
      worksheet_write_number (sheet, r, 1, r % 100, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
    {
      n_read++;
      if (row->number > 1)
        sum += (guint64) kefu_row_get_cell (row, 1)->number;
      last = row;
      last_number = row->number;
    }
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_cmpuint (n_read, ==, n_rows);
  g_assert_cmpuint (last_number, ==, 1048576);
  /* 1..1048575 mod 100: 10485 full rounds of 0..99 (4950 each), then 1..75. */
  g_assert_cmpuint (sum, ==, (guint64) 10485 * 4950 + 75 * 76 / 2);
}

/* One cell of 100 MB: refused at the row, without reading it into memory. */
static void
test_huge_cell (KefuTestStore *fixture,
                gconstpointer  data)
{
  const gsize size = 100 * 1024 * 1024;
  g_autofree char *path = g_build_filename (fixture->dir, "客服绩效_20261014.csv", NULL);
  g_autofree char *contents = NULL;
  const char *head = "客服,询单人数\n小安,";
  const char *tail = "\n小贝,8\n";
  gsize head_length = strlen (head), tail_length = strlen (tail);

  contents = g_malloc (head_length + size + tail_length);
  memcpy (contents, head, head_length);
  memset (contents + head_length, '9', size);
  memcpy (contents + head_length + size, tail, tail_length);
  g_assert_true (g_file_set_contents (path, contents, head_length + size + tail_length, NULL));
  g_clear_pointer (&contents, g_free);

  assert_refused (fixture, path, (const char *[]) { "Row 2", "客服绩效_20261014.csv",
                                                   "too large", "1 MiB", NULL });
}

/* A NUL byte where a text table has none: in the first 64 KiB, where the
 * format is told, the file is binary; later on the byte is dropped. */
static void
test_nul_bytes (KefuTestStore *fixture,
                gconstpointer  data)
{
  static const char early[] = "客服,询单人数\n小安,1\0002\n小贝,8\n";
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv",
                                                early, sizeof early - 1);
  g_autoptr(GString) late = g_string_new ("客服,询单人数\n");
  g_autofree char *late_path = NULL;
  g_autoptr(KefuImportResult) result = NULL;

  assert_refused (fixture, path, (const char *[]) { "客服绩效_20261014.csv", "NUL", "line 2", NULL });

  for (guint i = 0; late->len < 70000; i++)
    g_string_append_printf (late, "客服%05u,%u\n", i, i % 50);
  g_string_append_len (late, "小安,1\0002\n", 10);
  late_path = kefu_test_write_file (fixture, "客服绩效_20261015.csv", late->str, late->len);
  result = import (fixture, late_path);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  kefu_test_assert_measure_on (fixture, "小安", "inquiry_buyers", "2026-10-15", 12, 1, FALSE);
}

/* Invalid UTF-8 in a UTF-8 file: early, nothing says which encoding it
 * is, and the message names the line; later, once UTF-8 is established,
 * the import stops at the row and stores nothing. */
static void
test_invalid_utf8 (KefuTestStore *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv",
                                                "客服,询单人数\n小安,12\n\xe5\xb0\x8f\xff\xfe,8\n小橙,9\n", -1);
  g_autoptr(GString) late = g_string_new ("客服,询单人数\n");
  g_autofree char *late_path = NULL;
  guint bad_row;

  assert_refused (fixture, path, (const char *[]) { "客服绩效_20261014.csv", "line 3",
                                                   "not valid UTF-8", NULL });

  for (guint i = 0; late->len < 70000; i++)
    g_string_append_printf (late, "客服%05u,%u\n", i, i % 50);
  bad_row = 1;
  for (const char *p = late->str; *p != '\0'; p++)
    bad_row += *p == '\n';
  g_string_append (late, "\xe5\xb0\x8f\xff,8\n");
  late_path = kefu_test_write_file (fixture, "客服绩效_20261015.csv", late->str, late->len);
  {
    g_autofree char *row = g_strdup_printf ("Row %u", bad_row);

    assert_refused (fixture, late_path, (const char *[]) { "客服绩效_20261015.csv", row,
                                                          "not valid UTF-8", NULL });
  }
}

/* The problem rows of a file that otherwise imports: skipped, listed
 * with row, column, value and what was expected. */
static KefuImportResult *
import_with_problems (KefuTestStore *fixture,
                      const char    *name,
                      const char    *contents,
                      guint64        n_imported,
                      guint64        n_skipped)
{
  g_autofree char *path = kefu_test_write_file (fixture, name, contents, -1);
  KefuImportResult *result = import (fixture, path);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpuint (facts->rows_imported, ==, n_imported);
  g_assert_cmpuint (facts->rows_skipped, ==, n_skipped);
  return result;
}

static void
assert_problem (const KefuImportProblem *problem,
                guint                    column,
                const char              *header,
                const char              *value,
                const char              *expected)
{
  g_assert_cmpint (problem->severity, ==, KEFU_PROBLEM_ERROR);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->header, ==, header);
  g_assert_cmpstr (problem->value, ==, value);
  if (strstr (problem->message, expected) == NULL)
    g_error ("“%s” is not in the problem “%s”", expected, problem->message);
}

static void
test_impossible_date (KefuTestStore *fixture,
                      gconstpointer  data)
{
  g_autoptr(KefuImportResult) result =
    import_with_problems (fixture, "客服日报.csv",
                          "客服,日期,询单人数\n小安,2026-02-28,12\n小贝,2026-02-30,8\n", 1, 1);

  assert_problem (problem_on (result, 3), 2, "日期", "2026-02-30", "a date such as 2026-10-01");
  kefu_test_assert_measure_on (fixture, "小安", "inquiry_buyers", "2026-02-28", 12, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent WHERE display_name = '小贝'"), ==, 0);
}

static void
test_negative_duration (KefuTestStore *fixture,
                        gconstpointer  data)
{
  g_autoptr(KefuImportResult) result =
    import_with_problems (fixture, "客服绩效_20261014.csv",
                          "客服,询单人数,平均响应时间(秒)\n小安,12,-30\n小贝,8,25\n", 1, 1);

  assert_problem (problem_on (result, 2), 3, "平均响应时间(秒)", "-30", "a duration");
  kefu_test_assert_measure_on (fixture, "小贝", "avg_response_time", "2026-10-14", 25, 1, FALSE);
  kefu_test_assert_no_measure (fixture, "小安", "avg_response_time");
}

static void
test_rate_above_100 (KefuTestStore *fixture,
                     gconstpointer  data)
{
  g_autoptr(KefuImportResult) result =
    import_with_problems (fixture, "客服绩效_20261014.csv",
                          "客服,询单人数,询单转化率,满意率\n"
                          "小安,12,120%,98%\n"
                          "小贝,8,36%,100.5%\n"
                          "小橙,10,100%,100.00%\n", 1, 2);

  assert_problem (problem_on (result, 2), 3, "询单转化率", "120%", "from 0% to 100%");
  assert_problem (problem_on (result, 3), 4, "满意率", "100.5%", "from 0% to 100%");
  /* 100 % itself is a rate: 10 of 10 inquiries converted. */
  kefu_test_assert_measure_on (fixture, "小橙", "inquiry_conversion_rate", "2026-10-14", 10, 10, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent WHERE display_name IN ('小贝', '小橙')"), ==, 1);
}

static void
test_duplicate_agent_day (KefuTestStore *fixture,
                          gconstpointer  data)
{
  g_autoptr(KefuImportResult) result =
    import_with_problems (fixture, "客服日报.csv",
                          "客服,日期,询单人数\n"
                          "小安,2026-10-14,12\n"
                          "小贝,2026-10-14,8\n"
                          "小安,2026-10-15,7\n"
                          "小安,2026-10-14,5\n", 3, 1);

  assert_problem (problem_on (result, 5), 1, "客服", "小安", "the first is row 2");
  /* The first row stands, not the sum of both. */
  kefu_test_assert_measure_on (fixture, "小安", "inquiry_buyers", "2026-10-14", 12, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "小安", "inquiry_buyers", "2026-10-15", 7, 1, FALSE);
}

static void
test_future (KefuTestStore *fixture,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) china = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz != NULL ? tz : china);
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, 40);
  g_autoptr(GDateTime) back = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) next = g_date_time_add_days (now, 3);
  g_autofree char *day = g_date_time_format (ahead, "%Y-%m-%d");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (back, "%Y%m%d");
  g_autofree char *to = g_date_time_format (next, "%Y%m%d");
  g_autofree char *table = g_strdup_printf ("客服,日期,询单人数\n小安,%s,12\n", day);
  g_autofree char *path = kefu_test_write_file (fixture, "客服日报.csv", table, -1);
  g_autofree char *running_name = g_strdup_printf ("客服绩效_%s-%s.csv", from, to);
  g_autofree char *running = kefu_test_write_file (fixture, running_name, "客服,询单人数\n小安,12\n", -1);
  g_autoptr(KefuImportResult) result = NULL;
  const KefuImportProblem *note;

  assert_refused (fixture, path, (const char *[]) { "客服日报.csv", day, today, "after today", NULL });

  /* A period still running imports, with a note. */
  result = import (fixture, running);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  note = problem_on (result, 0);
  g_assert_cmpint (note->severity, ==, KEFU_PROBLEM_NOTE);
  g_assert_nonnull (strstr (note->message, today));
}

/* An export path that is a folder, under a file or in a missing folder:
 * a clear error, and nothing written. */
static void
test_export_target (KefuTestStore *fixture,
                    gconstpointer  data)
{
  const char *cli = g_getenv ("KEFU_CLI");
  g_autofree char *db = g_build_filename (fixture->dir, "kefu.db", NULL);
  g_autofree char *file = kefu_test_write_file (fixture, "note.txt", "x", -1);
  g_autofree char *under_file = g_build_filename (file, "考核表.xlsx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "考核表.xlsx", NULL);
  const struct { const char *path; const char *words; } cases[] = {
    { fixture->dir, "is a folder" },
    { under_file, "Not a directory" },
    { missing, "No such file or directory" },
  };

  g_assert_nonnull (cli);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { cli, "--db", db, "export", "--scheme", "womenswear-composite",
                             "--from", "2026-10-01", "--to", "2026-10-31", "-o", cases[i].path, NULL };
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, cases[i].words));
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bad-input/" path, KefuTestStore, NULL, fixture_set_up, func, kefu_test_store_tear_down)
  ADD ("empty", test_empty);
  ADD ("header-only", test_header_only);
  ADD ("binary-garbage", test_binary_garbage);
  ADD ("missing-sheet-part", test_missing_sheet_part);
  ADD ("million-rows", test_million_rows);
  ADD ("huge-cell", test_huge_cell);
  ADD ("nul-bytes", test_nul_bytes);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("impossible-date", test_impossible_date);
  ADD ("negative-duration", test_negative_duration);
  ADD ("rate-above-100", test_rate_above_100);
  ADD ("duplicate-agent-day", test_duplicate_agent_day);
  ADD ("future", test_future);
  ADD ("export-target", test_export_target);
#undef ADD

  return g_test_run ();
}
