/* test-crash-safety.c — killed imports and exports, and two writers at once
 *
 * kefu-cli is killed (SIGKILL, nothing can be cleaned up) at a dozen
 * points of an import of 30,000 orders: every time the database must
 * open, pass PRAGMA integrity_check, keep what it held before and hold
 * either every row of the file or none. Likewise an export: the target
 * is a whole workbook or absent. The points are fractions of the time an
 * uninterrupted run takes on this machine, drawn from a fixed seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "kefu-core.h"
#include "kefu-test-utils.h"

#define N_ORDERS 30000
#define N_KILLS 12
#define N_AGENTS 150

typedef struct
{
  char *dir;
  char *base_db;     /* a database holding one earlier import */
  char *cli;
} Fixture;

static void
write_orders (const char *path,
              guint       n_orders)
{
  g_autoptr(GString) csv = g_string_new ("订单编号,买家,客服,订单状态,下单时间,付款时间,"
                                         "订单金额,实付金额,商品数量,售后状态\n");

  for (guint i = 0; i < n_orders; i++)
    {
      guint day = 1 + i % 31, minute = i % 600;

      g_string_append_printf (csv, "%u,b%u,店铺:客服%02u,交易成功,"
                              "2026-10-%02u %02u:%02u:00,2026-10-%02u %02u:%02u:30,"
                              "%u.00,%u.00,%u,无售后或售后取消\n",
                              3300000000u + i, i % 9000, i % 40,
                              day, 8 + minute / 60, minute % 60,
                              day, 8 + minute / 60, minute % 60,
                              50 + i % 400, 45 + i % 400, 1 + i % 3);
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
}

static void
write_agent_days (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("客服,日期,咨询总人数,成交总人数,下单总笔数,成交笔数,"
                                         "客服客单价,店铺客单价,首次响应时间(秒),平均响应时间(秒)\n");

  for (guint a = 0; a < N_AGENTS; a++)
    for (guint d = 1; d <= 31; d++)
      g_string_append_printf (csv, "客服%03u,2026-10-%02u,%u,%u,%u,%u,%u.50,66.30,%u,%u\n",
                              a, d, 100 + (a * d) % 97, 30 + (a + d) % 40, 60, 50 + d % 7,
                              60 + a % 30, 5 + (a + d) % 20, 15 + (a * 3 + d) % 20);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The number of orders and of batches, once the database has opened and
 * passed its integrity check. */
static void
check_database (const char *path,
                gint64     *n_orders,
                gint64     *n_batches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (path, &error);
  g_autofree char *integrity = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *batches = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  orders = query_text (db, "SELECT count(*) FROM order_");
  batches = query_text (db, "SELECT count(*) FROM import_batch");
  sqlite3_close (db);
  *n_orders = g_ascii_strtoll (orders, NULL, 10);
  *n_batches = g_ascii_strtoll (batches, NULL, 10);
}

/* Runs @argv; kills it after @delay seconds unless it ended before.
 * Returns whether it ran to its end (successfully). */
static gboolean
run_and_kill (const char * const *argv,
              double              delay)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) (delay * G_USEC_PER_SEC);

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error);
  g_assert_no_error (error);
  /* Polled, so that a run ending early is not waited for. */
  while (g_get_monotonic_time () < deadline)
    {
      if (g_subprocess_get_identifier (child) == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  if (g_subprocess_get_identifier (child) != NULL)
    g_subprocess_force_exit (child);     /* SIGKILL */
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (child))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      return FALSE;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  return TRUE;
}

static double
timed_run (const char * const *argv)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (run_and_kill (argv, 600));
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *earlier = NULL;
  const char *argv[] = { NULL, "--db", NULL, "import", "--shop", "小鹿女装", NULL, NULL };

  fixture->dir = kefu_test_make_tmpdir ();
  fixture->cli = g_strdup (g_getenv ("KEFU_CLI"));
  g_assert_nonnull (fixture->cli);
  fixture->base_db = g_build_filename (fixture->dir, "base.db", NULL);
  earlier = g_build_filename (fixture->dir, "客服绩效_20260930.csv", NULL);
  g_assert_true (g_file_set_contents (earlier, "客服,询单人数\n小安,12\n小贝,8\n", -1, NULL));

  /* The last connection's close checkpoints: base.db is the whole of it. */
  argv[0] = fixture->cli;
  argv[2] = fixture->base_db;
  argv[6] = earlier;
  timed_run (argv);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->base_db);
  g_free (fixture->cli);
}

static void
test_killed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *orders = g_build_filename (fixture->dir, "订单.csv", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "kill.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261001);
  const char *argv[] = { fixture->cli, "--db", db, "import", "--shop", "小鹿女装", orders, NULL };
  gint64 n_orders, n_batches, base_batches;
  guint n_none = 0, n_all = 0;
  double full;

  write_orders (orders, N_ORDERS);
  copy_file (fixture->base_db, db);
  check_database (db, &n_orders, &base_batches);
  g_assert_cmpint (n_orders, ==, 0);
  g_assert_cmpint (base_batches, ==, 1);

  /* An uninterrupted run: its time spaces the kills; all rows arrive. */
  full = timed_run (argv);
  check_database (db, &n_orders, &n_batches);
  g_assert_cmpint (n_orders, ==, N_ORDERS);
  g_assert_cmpint (n_batches, ==, base_batches + 1);
  g_test_message ("an import of %d orders takes %.2f s", N_ORDERS, full);

  for (guint i = 0; i < N_KILLS; i++)
    {
      /* From the start to just past the end: reading, storing, committing. */
      double delay = full * g_rand_double_range (rand, 0.02, 1.1);
      gboolean finished;

      copy_file (fixture->base_db, db);
      finished = run_and_kill (argv, delay);
      check_database (db, &n_orders, &n_batches);
      g_test_message ("killed at %.2f s: %s, %ld orders", delay,
                      finished ? "had finished" : "killed", (long) n_orders);
      if (n_orders == 0)
        {
          g_assert_false (finished);
          g_assert_cmpint (n_batches, ==, base_batches);
          n_none++;
        }
      else
        {
          g_assert_cmpint (n_orders, ==, N_ORDERS);
          g_assert_cmpint (n_batches, ==, base_batches + 1);
          n_all++;
        }
    }
  /* The kills did land before the commit. */
  g_assert_cmpuint (n_none, >, 0);
  g_test_message ("%u kills left nothing, %u found the import committed", n_none, n_all);
}

/* Whether @path is a workbook Kefu's own reader reads to its end. */
static gboolean
is_whole_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuTableReader) reader = kefu_table_reader_open (path, NULL, &error);
  guint n_rows = 0;

  g_assert_no_error (error);
  g_assert_cmpint (kefu_table_reader_get_format (reader), ==, KEFU_FILE_FORMAT_XLSX);
  g_assert_cmpuint (kefu_table_reader_get_n_sheets (reader), ==, 5);
  for (guint s = 0; s < kefu_table_reader_get_n_sheets (reader); s++)
    {
      g_assert_true (kefu_table_reader_select_sheet (reader, s, &error));
      while (kefu_table_reader_next_row (reader, &error) != NULL)
        n_rows++;
      g_assert_no_error (error);
    }
  /* At least a row per agent in the summary. */
  return n_rows > N_AGENTS;
}

static void
test_killed_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *days = g_build_filename (fixture->dir, "客服日报_2026-10.csv", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "export.db", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "考核表.xlsx", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261031);
  const char *import_argv[] = { fixture->cli, "--db", db, "import", "--shop", "小鹿女装", days, NULL };
  const char *argv[] = { fixture->cli, "--db", db, "export", "--scheme", "womenswear-composite",
                         "--from", "2026-10-01", "--to", "2026-10-31", "-o", target, NULL };
  guint n_absent = 0;
  double full;

  write_agent_days (days);
  copy_file (fixture->base_db, db);
  timed_run (import_argv);

  full = timed_run (argv);
  g_assert_true (is_whole_workbook (target));
  g_test_message ("the export takes %.2f s", full);

  for (guint i = 0; i < N_KILLS; i++)
    {
      double delay = full * g_rand_double_range (rand, 0.02, 1.1);
      gboolean finished;

      g_unlink (target);
      finished = run_and_kill (argv, delay);
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        g_assert_true (is_whole_workbook (target));
      else
        {
          g_assert_false (finished);
          n_absent++;
        }
    }
  g_assert_cmpuint (n_absent, >, 0);
}

/* The window and kefu-cli on one database at the same moment: this
 * process imports day after day while kefu-cli imports the orders. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *orders = g_build_filename (fixture->dir, "订单.csv", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "shared.db", NULL);
  const char *argv[] = { fixture->cli, "--db", db, "import", "--shop", "小鹿女装", orders, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(KefuStore) store = NULL;
  gint64 n_orders, n_batches;
  guint n_days = 0;

  /* Smaller: the window waits out kefu-cli's transaction (5 s at most). */
  write_orders (orders, N_ORDERS / 4);
  copy_file (fixture->base_db, db);
  store = kefu_store_open (db, &error);
  g_assert_no_error (error);

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  while (g_subprocess_get_identifier (child) != NULL || n_days < 5)
    {
      g_autofree char *name = NULL;
      GDate day;
      char ymd[16];
      g_autofree char *path = NULL;
      g_autofree char *table = g_strdup_printf ("客服,询单人数\n小安,%u\n", n_days + 1);
      g_autoptr(KefuImportResult) result = NULL;
      KefuImportOptions options;

      /* A day of 2026 per file, so that no file repeats another. */
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026);
      g_date_add_days (&day, n_days);
      g_date_strftime (ymd, sizeof ymd, "%Y%m%d", &day);
      name = g_strdup_printf ("客服绩效_%s.csv", ymd);
      path = g_build_filename (fixture->dir, name, NULL);
      g_assert_cmpuint (n_days, <, 300);
      g_assert_true (g_file_set_contents (path, table, -1, NULL));
      kefu_import_options_init (&options);
      result = kefu_import_file (store, kefu_profile_registry_get_default (), path, &options,
                                 NULL, NULL, NULL);
      g_assert_cmpstr (kefu_import_result_get_message (result), ==, NULL);
      g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
      n_days++;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  check_database (db, &n_orders, &n_batches);
  g_assert_cmpint (n_orders, ==, N_ORDERS / 4);
  g_assert_cmpint (n_batches, ==, 1 + n_days + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crash-safety/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("killed-import", test_killed_import);
  ADD ("killed-export", test_killed_export);
  ADD ("two-writers", test_two_writers);
#undef ADD

  return g_test_run ();
}
