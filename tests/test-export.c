/* test-export.c — the Excel appraisal workbook (考核表)
 *
 * The workbooks are read back by tests/check-workbook.py (openpyxl), which
 * also has Gnumeric recalculate them from their formulas alone and checks
 * that the points, totals and ranks are Kefu's, and here with Kefu's own
 * XLSX reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <libintl.h>

#include "kefu-core.h"
#include "kefu-test-utils.h"
#include "export/kefu-workbook-private.h"

/* A scheme with open and closed bounds, a linear row, gaps, and items
 * that score a missing value as 0 or leave it out. */
static const char *gap_scheme =
  "{ \"id\": \"gaps\", \"name\": \"Bounds and gaps\", \"items\": ["
  "  { \"metric\": \"inquiry_conversion_rate\", \"weight\": 40, \"brackets\": ["
  "      { \"range\": \"[0.35, +inf)\", \"points\": 100 },"
  "      { \"range\": \"(0.30, 0.35)\", \"points\": 80 },"
  "      { \"range\": \"[0.25, 0.30]\", \"points\": 60 } ] },"
  "  { \"metric\": \"first_response_time\", \"weight\": 30, \"brackets\": ["
  "      { \"range\": \"(-inf, 10]\", \"points\": 100 },"
  "      { \"range\": \"(10, 20]\", \"points_low\": 90, \"points_high\": 60 },"
  "      { \"range\": \"(25, +inf)\", \"points\": 0 } ] },"
  "  { \"metric\": \"monthly_returns\", \"weight\": 20, \"missing\": \"zero\", \"brackets\": ["
  "      { \"range\": \"[0, 3)\", \"points\": 100 },"
  "      { \"range\": \"[3, +inf)\", \"points\": 50 } ] },"
  "  { \"metric\": \"payment_rate\", \"weight\": 10, \"missing\": \"exclude\", \"brackets\": ["
  "      { \"range\": \"[0.9, +inf)\", \"points\": 100 },"
  "      { \"range\": \"[0, 0.9)\", \"points\": 50 } ] } ] }";

/* A: (0.30, 0.35) 80, linear 15 s → 75: 84.5; its twins, named like
 * formulas, the same (an account "x:y" is shown as y: the formula's
 * display name is //x"), its account the whole); B: 0.35 is in [0.35, +inf), 10 s in (-inf, 10], no
 * payment rate (excluded, weights × 100/90): 88.89; C: 0.30 in the closed
 * [0.25, 0.30], 20 s at the linear row's end, no returns (0 points): 47;
 * D: 0.20 and 22 s fall into gaps: errors, incomplete, not ranked. */
static const char *gap_agents =
  "客服,开始日期,结束日期,咨询总人数,成交总人数,下单总笔数,成交笔数,首次响应时间(秒),月退货量\n"
  "A,2026-10-01,2026-10-30,100,32,100,90,15,2\n"
  "B,2026-10-01,2026-10-30,100,35,,,10,3\n"
  "C,2026-10-01,2026-10-30,100,30,100,50,20,\n"
  "D,2026-10-01,2026-10-30,100,20,100,100,22,0\n"
  "\"=HYPERLINK(\"\"http://x\"\")\",2026-10-01,2026-10-30,100,32,100,90,15,2\n"
  "=1+2,2026-10-01,2026-10-30,100,32,100,90,15,2\n"
  "@SUM(A1),2026-10-01,2026-10-30,100,32,100,90,15,2\n"
  "+1,2026-10-01,2026-10-30,100,32,100,90,15,2\n";

static const char *daily_agents =
  "客服,日期,咨询总人数,成交总人数,首次响应时间(秒)\n"
  "甲,2026-10-01,10,4,12\n"
  "甲,2026-10-02,20,5,14\n"
  "乙,2026-10-01,10,2,30\n"
  "乙,2026-10-03,5,5,8\n";

typedef struct
{
  char      *dir;
  char      *db;
  KefuStore *store;
  gint64     shop_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = kefu_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->shop_id = kefu_store_add_shop (fixture->store, "小鹿女装", "taobao", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Imports a file through the real importer. */
static void
import_file (Fixture    *fixture,
             const char *path)
{
  g_autoptr(KefuImportResult) result = NULL;
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  result = kefu_import_file (fixture->store, kefu_profile_registry_get_default (), path,
                             &options, NULL, NULL, NULL);
  if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
    {
      g_autofree char *text = kefu_import_result_to_text (result);
      g_error ("%s was not imported:\n%s", path, text);
    }
}

static void
import_text (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  g_autofree char *path = path_in (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  import_file (fixture, path);
}

static KefuScoreReport *
score (Fixture    *fixture,
       KefuScheme *scheme,
       int         first_day,
       int         last_day)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  KefuScoreReport *report;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, first_day, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&to, last_day, G_DATE_OCTOBER, 2026);
  report = kefu_score_report_new_from_store (fixture->store, fixture->shop_id, scheme, &from, &to,
                                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static KefuWorkbook *
new_workbook (Fixture         *fixture,
              KefuScoreReport *report,
              const char      *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_local (2026, 11, 2, 9, 30, 0);
  KefuWorkbook *workbook = kefu_workbook_new (report);

  g_assert_true (kefu_workbook_set_language (workbook, language, &error));
  g_assert_no_error (error);
  kefu_workbook_set_created (workbook, created);
  g_assert_true (kefu_workbook_load (workbook, fixture->store, fixture->shop_id, NULL, NULL, &error));
  g_assert_no_error (error);
  return workbook;
}

static void
write_workbook (KefuWorkbook *workbook,
                const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_workbook_write (workbook, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static char *
save_report (Fixture         *fixture,
             KefuScoreReport *report,
             const char      *name)
{
  g_autoptr(JsonNode) root = kefu_score_report_to_json (report);
  g_autofree char *text = kefu_json_to_data (root, TRUE);
  char *path = path_in (fixture, name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Runs tests/check-workbook.py; skips when Gnumeric or openpyxl is absent. */
static gboolean
check_workbook (const char         *workbook,
                const char         *report,
                const char         *language,
                const char * const *texts)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-workbook.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  const char *python = g_getenv ("KEFU_PYTHON") ? g_getenv ("KEFU_PYTHON") : "/usr/bin/python3";
  const char *probe[] = { python, "-c", "import openpyxl", NULL };
  int status;

  if (ssconvert == NULL ||
      !g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("needs Gnumeric’s ssconvert and python3-openpyxl");
      return FALSE;
    }

  g_ptr_array_add (argv, (char *) python);
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (char *) workbook);
  g_ptr_array_add (argv, (char *) report);
  if (language != NULL)
    {
      g_ptr_array_add (argv, (char *) "--lang");
      g_ptr_array_add (argv, (char *) language);
    }
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (char *) "--text");
      g_ptr_array_add (argv, (char *) texts[i]);
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s", lines[i]);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-workbook.py %s:\n%s%s", workbook, out, err);
  return TRUE;
}

/* The cells of one sheet as Kefu's own XLSX reader reads them: row → a
 * GPtrArray of texts ("" for empty cells, numbers as %.10g). */
static GPtrArray *
read_sheet (const char *path,
            guint       sheet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuTableReader) reader = kefu_table_reader_open (path, NULL, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const KefuRow *row;

  g_assert_no_error (error);
  g_assert_true (kefu_table_reader_select_sheet (reader, sheet, &error));
  g_assert_no_error (error);
  while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

      while (rows->len + 1 < row->number)
        g_ptr_array_add (rows, g_ptr_array_new_with_free_func (g_free));
      for (guint c = 0; c < row->n_cells; c++)
        {
          const KefuCell *cell = kefu_row_get_cell (row, c);

          if (cell->type == KEFU_CELL_NUMBER || cell->type == KEFU_CELL_DATETIME)
            g_ptr_array_add (cells, g_strdup_printf ("%.10g", cell->number));
          else
            g_ptr_array_add (cells, g_strdup (cell->text ? cell->text : ""));
        }
      g_ptr_array_add (rows, cells);
    }
  g_assert_no_error (error);
  return rows;
}

static const char *
cell_at (GPtrArray *rows,
         guint      row,
         guint      col)
{
  GPtrArray *cells;

  if (row == 0 || row > rows->len)
    return "";
  cells = g_ptr_array_index (rows, row - 1);
  return col < cells->len ? g_ptr_array_index (cells, col) : "";
}

static KefuScheme *
builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  KefuScheme *scheme = kefu_scheme_new_builtin (id, &error);

  g_assert_no_error (error);
  return scheme;
}

/* ------------------------------------------------------------------ tests */

static void
test_womenswear (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "womenswear-30d.csv", NULL);
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = path_in (fixture, "考核表.xlsx");
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  const struct { const char *agent; double total; guint rank; } expected[] = {
    { "A", 77.5, 1 }, { "C", 77.5, 1 }, { "B", 74.0, 3 },
  };

  import_file (fixture, sample);
  report = score (fixture, scheme, 1, 30);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (kefu_score_report_get_agents (report), i);

      g_assert_cmpstr (kefu_agent_score_get_agent_name (agent), ==, expected[i].agent);
      g_assert_cmpfloat (kefu_agent_score_get_total (agent), ==, expected[i].total);
      g_assert_cmpuint (kefu_agent_score_get_rank (agent), ==, expected[i].rank);
    }

  workbook = new_workbook (fixture, report, NULL);
  g_assert_cmpstr (kefu_workbook_get_language (workbook), ==, "en");   /* LC_ALL=C.UTF-8 */
  g_assert_cmpstr (kefu_workbook_get_shop_name (workbook), ==, "小鹿女装");
  name = kefu_workbook_suggest_name (workbook);
  g_assert_cmpstr (name, ==, "Appraisal_小鹿女装_2026-10-01_2026-10-30.xlsx");
  write_workbook (workbook, path);

  /* The cached results, through Kefu's own reader: ranks tie 1, 1, 3. */
  rows = read_sheet (path, 0);
  g_assert_cmpstr (cell_at (rows, 1, 0), ==, "Customer service appraisal");
  g_assert_cmpstr (cell_at (rows, 2, 0), ==, "Shop: 小鹿女装");
  g_assert_cmpstr (cell_at (rows, 3, 0), ==, "Period: 2026-10-01 to 2026-10-30");
  g_assert_cmpstr (cell_at (rows, 5, 0), ==, "Generated: 2026-11-02 09:30");
  g_assert_cmpstr (cell_at (rows, 10, 0), ==, "Rank");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *rank = g_strdup_printf ("%u", expected[i].rank);
      g_autofree char *total = g_strdup_printf ("%.10g", expected[i].total);

      g_assert_cmpstr (cell_at (rows, 11 + i, 0), ==, rank);
      g_assert_cmpstr (cell_at (rows, 11 + i, 1), ==, expected[i].agent);
      g_assert_cmpstr (cell_at (rows, 11 + i, 20), ==, total);
    }
  /* B's 23 returns: row 4 of the returns table, 0 points. */
  g_assert_cmpstr (cell_at (rows, 13, 17), ==, "23");
  g_assert_cmpstr (cell_at (rows, 13, 18), ==, "0");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The Details sheet: the period's values and where they came from. */
  rows = read_sheet (path, 2);
  g_assert_cmpstr (cell_at (rows, 5, 0), ==, "Agent");
  g_assert_cmpstr (cell_at (rows, 6, 0), ==, "Whole shop");
  g_assert_cmpstr (cell_at (rows, 6, 1), ==, "Period");
  g_assert_cmpstr (cell_at (rows, 11, 0), ==, "A");
  g_assert_cmpstr (cell_at (rows, 11, 2), ==, "0.32");
  g_assert_cmpstr (cell_at (rows, 12, 2), ==, "88");
  g_assert_cmpstr (cell_at (rows, 13, 2), ==, "275");
  g_assert_cmpstr (cell_at (rows, 15, 1), ==, "Source files");
  g_assert_cmpstr (cell_at (rows, 15, 2), ==, "womenswear-30d.csv");

  json = save_report (fixture, report, "report.json");
  check_workbook (path, json, "en", NULL);
}

static void
test_gaps (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = kefu_scheme_new_from_data (gap_scheme, -1, "gaps.json", &error);
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autofree char *path = path_in (fixture, "gaps.xlsx");
  g_autofree char *json = NULL;
  const char *hyperlink = "=HYPERLINK(\"http://x\")";
  const struct { const char *agent; double total; guint rank; gboolean complete; } expected[] = {
    { "B", 88.89, 1, TRUE }, { "A", 84.5, 2, TRUE }, { "//x\")", 84.5, 2, TRUE },
    { "=1+2", 84.5, 2, TRUE }, { "@SUM(A1)", 84.5, 2, TRUE }, { "+1", 84.5, 2, TRUE },
    { "C", 47, 7, TRUE }, { "D", 30, 0, FALSE },
  };
  GListModel *agents;

  g_assert_no_error (error);
  import_text (fixture, "gaps.csv", gap_agents);
  report = score (fixture, scheme, 1, 30);
  agents = kefu_score_report_get_agents (report);
  g_assert_cmpuint (g_list_model_get_n_items (agents), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KefuAgentScore *agent = kefu_score_report_find_agent (report, expected[i].agent);

      g_assert_nonnull (agent);
      g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (agent), expected[i].total, 1e-9);
      g_assert_cmpuint (kefu_agent_score_get_rank (agent), ==, expected[i].rank);
      g_assert_cmpint (kefu_agent_score_get_complete (agent), ==, expected[i].complete);
    }
  g_assert_cmpstr (kefu_agent_score_get_agent_account (kefu_score_report_find_agent (report, "//x\")")),
                   ==, hyperlink);

  workbook = new_workbook (fixture, report, "en");
  write_workbook (workbook, path);
  json = save_report (fixture, report, "gaps.json");
  /* D's values in the gaps recalculate to #N/A; the name stays a text. */
  check_workbook (path, json, "en", (const char *[]) { hyperlink, "=1+2", "@SUM(A1)", "+1", NULL });
}

static void
test_daily (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = path_in (fixture, "daily.xlsx");

  import_text (fixture, "daily.csv", daily_agents);
  if (GPOINTER_TO_INT (data))
    {
      /* As kefu-cli export does: one query of the period for the report
       * and the workbook, the days read meanwhile. */
      g_autoptr(GError) error = NULL;
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, G_DATE_OCTOBER, 2026);
      g_date_set_dmy (&to, 3, G_DATE_OCTOBER, 2026);
      workbook = kefu_workbook_new_from_store (fixture->store, fixture->shop_id, scheme, &from, &to,
                                               NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kefu_workbook_get_shop_name (workbook), ==, "小鹿女装");
      g_assert_cmpuint (g_list_model_get_n_items (kefu_score_report_get_agents (kefu_workbook_get_report (workbook))),
                        ==, 2);
    }
  else
    {
      report = score (fixture, scheme, 1, 3);
      workbook = new_workbook (fixture, report, "en");
    }
  write_workbook (workbook, path);

  /* The shop's three days, then its period rows; 甲's and 乙's blocks. */
  rows = read_sheet (path, 2);
  g_assert_cmpstr (cell_at (rows, 5, 2), ==, "Inquiry conversion rate\nrate (%)");
  g_assert_cmpstr (cell_at (rows, 6, 0), ==, "Whole shop");
  g_assert_cmpstr (cell_at (rows, 6, 1), ==, "46296");   /* 2026-10-01 */
  g_assert_cmpstr (cell_at (rows, 6, 2), ==, "0.3");     /* 6 of 20 */
  g_assert_cmpstr (cell_at (rows, 8, 1), ==, "46298");
  g_assert_cmpstr (cell_at (rows, 8, 2), ==, "1");
  g_assert_cmpstr (cell_at (rows, 9, 1), ==, "Period");
  g_assert_cmpstr (cell_at (rows, 9, 2), ==, "0.3555555556");   /* 16 of 45 */
  for (guint r = 6; r < 40 && *cell_at (rows, r, 0) != '\0'; r++)
    if (g_str_equal (cell_at (rows, r, 0), "甲") && g_str_equal (cell_at (rows, r, 1), "46297"))
      {
        g_assert_cmpstr (cell_at (rows, r, 2), ==, "0.25");
        g_assert_cmpstr (cell_at (rows, r, 5), ==, "14");
      }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Charts: one sheet, with its title. */
  rows = read_sheet (path, 3);
  g_assert_cmpstr (cell_at (rows, 1, 0), ==, "Charts");
}

/* Whether some cell of @rows holds @text within it. */
static gboolean
sheet_contains (GPtrArray  *rows,
                const char *text)
{
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cells->len; c++)
        if (strstr (g_ptr_array_index (cells, c), text) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* A chat log exported for one buyer is named after them: its name is
 * listed as the source of the response rate on the Details sheet, with
 * the buyer masked when the workbook leaves the shop. */
static void
test_mask_buyers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = kefu_scheme_new_from_data (
    "{ \"id\": \"rate\", \"name\": \"Rate\", \"items\": ["
    "  { \"metric\": \"response_rate_30s\", \"weight\": 100, \"brackets\": ["
    "      { \"range\": \"[0, 1]\", \"points\": 100 } ] } ] }", -1, "rate.json", &error);
  g_autofree char *plain = path_in (fixture, "plain.xlsx");
  g_autofree char *masked = path_in (fixture, "masked.xlsx");
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  /* tb_8831 waits 20 s, b2 (not in the name) 40 s. */
  import_text (fixture, "聊天记录_tb_8831.csv",
               "buyer,agent,sent_at,sender\n"
               "tb_8831,,2026-10-05 10:00:00,买家\n"
               "tb_8831,店:小安,2026-10-05 10:00:20,客服\n"
               "b2,,2026-10-05 11:00:00,买家\n"
               "b2,店:小安,2026-10-05 11:00:40,客服\n");

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(KefuScoreReport) report = score (fixture, scheme, 5, 5);
      g_autoptr(KefuWorkbook) workbook = new_workbook (fixture, report, "en");

      kefu_workbook_set_mask_buyers (workbook, pass == 1);
      write_workbook (workbook, pass == 0 ? plain : masked);
    }

  /* Without the option the file is named as imported… */
  rows = read_sheet (plain, 2);
  g_assert_true (sheet_contains (rows, "聊天记录_tb_8831.csv"));
  g_assert_true (sheet_contains (rows, "小安"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* …with it, the buyer is t and six asterisks, everywhere; the agent,
   * the rest of the name and the figures stay. */
  for (guint sheet = 0; sheet < 5; sheet++)
    {
      rows = read_sheet (masked, sheet);
      g_assert_false (sheet_contains (rows, "tb_8831"));
      if (sheet == 2)
        {
          g_assert_true (sheet_contains (rows, "聊天记录_t******.csv"));
          g_assert_true (sheet_contains (rows, "小安"));
          g_assert_true (sheet_contains (rows, "0.5"));   /* 1 of 2 turns within 30 s */
        }
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
}

static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "womenswear-30d.csv", NULL);
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScoreReport) report = NULL;
  g_autofree char *json = NULL;
  const struct { const char *language, *rank, *sheet; } languages[] = {
    { "zh_CN", "排名", "考核汇总" }, { "es", "Puesto", "Resumen" }, { "en", "Rank", "Summary" },
  };

  import_file (fixture, sample);
  report = score (fixture, scheme, 1, 30);
  json = save_report (fixture, report, "report.json");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(KefuWorkbook) workbook = new_workbook (fixture, report, languages[i].language);
      g_autofree char *name = g_strdup_printf ("%s.xlsx", languages[i].language);
      g_autofree char *path = path_in (fixture, name);
      g_autoptr(KefuTableReader) reader = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (kefu_workbook_get_language (workbook), ==, languages[i].language);
      write_workbook (workbook, path);
      reader = kefu_table_reader_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 5);
      g_assert_cmpstr (kefu_table_reader_get_sheet_name (reader, 0), ==, languages[i].sheet);
      rows = read_sheet (path, 0);
      g_assert_cmpstr (cell_at (rows, 10, 0), ==, languages[i].rank);
      check_workbook (path, json, languages[i].language, NULL);
    }
}

static void
test_language_unknown (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("pdd-preset");
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_OCTOBER, 2026);
  table = kefu_metric_table_new (KEFU_GROUP_AGENT, &day, &day);
  report = kefu_score_report_new (scheme, table, NULL);
  workbook = kefu_workbook_new (report);
  g_assert_false (kefu_workbook_set_language (workbook, "tlh", &error));
  g_assert_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_LANGUAGE);
  g_clear_error (&error);
  g_assert_true (kefu_workbook_set_language (workbook, "en_GB", &error));
  g_assert_cmpstr (kefu_workbook_get_language (workbook), ==, "en");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = path_in (fixture, "考核表.xlsx");
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "x.xlsx", NULL);
  g_autofree char *kept = path_in (fixture, "kept.xlsx");
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  guint entries;

  import_text (fixture, "gaps.csv", gap_agents);
  report = score (fixture, scheme, 1, 30);
  workbook = new_workbook (fixture, report, "en");

  /* A folder where the file should go: a clear error, nothing written. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  entries = count_entries (fixture->dir);
  g_assert_false (kefu_workbook_write (workbook, folder, NULL, &error));
  g_assert_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (folder), ==, 0);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries);

  /* A folder that does not exist. */
  g_assert_false (kefu_workbook_write (workbook, missing, NULL, &error));
  g_assert_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET);
  g_clear_error (&error);

  /* Cancelled half-way: an earlier file of that name is left as it was,
   * and no temporary file is left behind. */
  g_assert_true (g_file_set_contents (kept, "an earlier workbook", -1, NULL));
  checksum = kefu_test_file_checksum (kept);
  entries = count_entries (fixture->dir);
  g_cancellable_cancel (cancellable);
  g_assert_false (kefu_workbook_write (workbook, kept, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = kefu_test_file_checksum (kept);
  g_assert_cmpstr (after, ==, checksum);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Export;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  kefu_workbook_export_finish (KEFU_WORKBOOK (source), result, &export->error);
  export->done = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autofree char *path = path_in (fixture, "async.xlsx");
  Export export = { FALSE, NULL };

  import_text (fixture, "daily.csv", daily_agents);
  report = score (fixture, scheme, 1, 3);
  workbook = kefu_workbook_new (report);
  kefu_workbook_export_async (workbook, fixture->db, fixture->shop_id, NULL, path, NULL,
                              export_done, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (export.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (kefu_workbook_get_shop_name (workbook), ==, "小鹿女装");
}

static void
test_sheet_names (void)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  const struct { const char *wanted, *expected; } cases[] = {
    { "考核汇总", "考核汇总" },
    { "a[b]c:d*e?f/g\\h", "a_b_c_d_e_f_g_h" },
    { "'quoted'", "quoted" },
    { "", "Sheet" },
    { "History", "History (2)" },
    { "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一" },
    { "考核汇总", "考核汇总 (2)" },
    { "SHEET", "SHEET (2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *name = _kefu_workbook_sheet_name (cases[i].wanted, taken);

      g_assert_cmpstr (name, ==, cases[i].expected);
      g_assert_cmpuint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      g_assert_false (name[0] == '\'' || name[strlen (name) - 1] == '\'');
      g_ptr_array_add (taken, name);
    }
}

static void
test_texts (void)
{
  const struct { const char *buyer, *masked; } buyers[] = {
    { "小明明", "小**" }, { "tb_8831", "t******" }, { " x ", "x**" }, { "ab", "a**" },
    { "", "" }, { NULL, "" },
  };
  g_auto(GStrv) candidates = _kefu_workbook_buyer_candidates ("聊天记录_tb_8831.csv");
  g_autofree char *in_name = _kefu_workbook_mask_buyers_in ("聊天记录_tb_8831.csv",
                                                            (const char *[]) { "tb", "tb_8831", NULL });
  g_autofree char *quoted = _kefu_workbook_quote_string ("say \"hi\"");
  g_autofree char *sheet = _kefu_workbook_quote_sheet ("It's");
  g_autofree char *header = _kefu_workbook_escape_header ("A&B &P\nshop");
  g_autofree char *safe = _kefu_workbook_safe_text ("a\001b\xff");

  for (guint i = 0; i < G_N_ELEMENTS (buyers); i++)
    {
      g_autofree char *masked = _kefu_workbook_mask_buyer (buyers[i].buyer);

      g_assert_cmpstr (masked, ==, buyers[i].masked);
    }
  /* Runs between separators: the buyer, the name, not "_8" nor "c". */
  g_assert_true (g_strv_contains ((const char * const *) candidates, "tb_8831"));
  g_assert_true (g_strv_contains ((const char * const *) candidates, "聊天记录"));
  g_assert_true (g_strv_contains ((const char * const *) candidates, "8831.csv"));
  g_assert_false (g_strv_contains ((const char * const *) candidates, "_8"));
  g_assert_false (g_strv_contains ((const char * const *) candidates, "b_8831"));
  g_assert_false (g_strv_contains ((const char * const *) candidates, "csv."));
  /* The longest first: tb_8831 whole, not tb then _8831. */
  g_assert_cmpstr (in_name, ==, "聊天记录_t******.csv");
  g_assert_cmpstr (quoted, ==, "\"say \"\"hi\"\"\"");
  g_assert_cmpstr (sheet, ==, "'It''s'!");
  g_assert_cmpstr (header, ==, "A&&B &&Pshop");
  g_assert_cmpstr (safe, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  g_assert_cmpfloat (_kefu_workbook_text_width ("考核"), >, _kefu_workbook_text_width ("ab"));
}

static void
test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCatalog) zh = _kefu_catalog_new ("zh_CN", &error);
  g_autoptr(KefuCatalog) es = NULL;
  g_autoptr(KefuCatalog) en = NULL;

  g_assert_no_error (error);
  es = _kefu_catalog_new ("es", &error);
  g_assert_no_error (error);
  en = _kefu_catalog_new ("en", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (_kefu_catalog_get_language (zh), ==, "zh_CN");
  g_assert_cmpstr (_kefu_catalog_gettext (zh, "Total"), ==, "总分");
  g_assert_cmpstr (_kefu_catalog_gettext (es, "Total"), ==, "Total");
  g_assert_cmpstr (_kefu_catalog_gettext (es, "Agent"), ==, "Agente");
  g_assert_cmpstr (_kefu_catalog_pgettext (zh, "sheet name", "Summary"), ==, "考核汇总");
  g_assert_cmpstr (_kefu_catalog_gettext (en, "Agent"), ==, "Agent");
  g_assert_cmpstr (_kefu_catalog_gettext (zh, "no such message"), ==, "no such message");
}

/* Runs kefu-cli --db DB ARGS…; returns its exit status. */
static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("KEFU_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = path_in (fixture, "gaps.csv");
  g_autofree char *scheme = path_in (fixture, "gaps.json");
  g_autofree char *path = path_in (fixture, "cli.xlsx");
  g_autofree char *json = path_in (fixture, "score.json");
  g_autofree char *folder = path_in (fixture, "folder.xlsx");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* The store is the CLI's now. */
  g_clear_object (&fixture->store);
  g_assert_true (g_file_set_contents (csv, gap_agents, -1, NULL));
  g_assert_true (g_file_set_contents (scheme, gap_scheme, -1, NULL));
  g_assert_cmpint (run_cli (fixture, &out, &err, "import", "--shop", "小鹿女装", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "export", "--scheme", scheme, "--from", "2026-10-01",
                            "--to", "2026-10-30", "--lang", "zh_CN", "--mask-buyers", "-o", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, path));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "score", "--scheme", scheme, "--from", "2026-10-01",
                            "--to", "2026-10-30", "--format", "json", NULL), ==, 0);
  g_assert_true (g_file_set_contents (json, out, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  check_workbook (path, json, "zh_CN", (const char *[]) { "=HYPERLINK(\"http://x\")", "=1+2", NULL });

  /* Usage mistakes exit 2, refusals 1 — and a folder is not a file. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "export", "--scheme", scheme, "--from", "2026-10-01",
                            "--to", "2026-10-30", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, &out, &err, "export", "--scheme", scheme, "--from", "2026-10-01",
                            "--to", "2026-10-30", "--lang", "fr", "-o", path, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (run_cli (fixture, &out, &err, "export", "--scheme", scheme, "--from", "2026-10-01",
                            "--to", "2026-10-30", "-o", folder, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is a folder"));
  g_assert_cmpuint (count_entries (folder), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --lang es: the command speaks Spanish too. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "export", "--scheme", "no-such-scheme", "--from",
                            "2026-10-01", "--to", "2026-10-30", "--lang", "es", "-o", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "esquema"));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KEFU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/Workbook/womenswear", Fixture, NULL, fixture_set_up, test_womenswear, fixture_tear_down);
  g_test_add ("/export/Workbook/gaps", Fixture, NULL, fixture_set_up, test_gaps, fixture_tear_down);
  g_test_add ("/export/Workbook/daily", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_daily, fixture_tear_down);
  g_test_add ("/export/Workbook/new-from-store", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_daily,
              fixture_tear_down);
  g_test_add ("/export/Workbook/languages", Fixture, NULL, fixture_set_up, test_languages, fixture_tear_down);
  g_test_add_func ("/export/Workbook/language-unknown", test_language_unknown);
  g_test_add ("/export/Workbook/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/export/Workbook/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/export/Workbook/mask-buyers", Fixture, NULL, fixture_set_up, test_mask_buyers, fixture_tear_down);
  g_test_add_func ("/export/Workbook/sheet-names", test_sheet_names);
  g_test_add_func ("/export/Workbook/texts", test_texts);
  g_test_add_func ("/export/Workbook/catalog", test_catalog);
  g_test_add ("/export/Cli/export", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
