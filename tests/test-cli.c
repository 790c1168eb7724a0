/* test-cli.c — kefu-cli on a real database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/wait.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "kefu-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = kefu_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "kefu.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
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
test_shops (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, &out, &err, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Schema version: 2"));
  g_assert_nonnull (strstr (out, "0 shops"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "add-shop", "小鹿女装", "pdd", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "shops", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\tPinduoduo\t小鹿女装\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 shop\n"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, &out, &err, "add-shop", "Shop", "amazon", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“amazon” is not a platform"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "undo", "5", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no import batch 5."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage mistakes exit with 2. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "undo", "five", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage: kefu-cli undo"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "import", "--period", "2026-10-31..2026-10-01",
                            "x.csv", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "unknown command “frobnicate”"));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "womenswear-30d.csv", NULL);
  g_autofree char *unknown = g_build_filename (fixture->dir, "list.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report;

  g_assert_true (g_file_set_contents (csv,
                                      "客服,开始日期,结束日期,咨询总人数,成交总人数\n"
                                      "A,2026-10-01,2026-10-30,275,88\n", -1, NULL));
  g_assert_true (g_file_set_contents (unknown, "name,colour\nshirt,red\n", -1, NULL));

  g_assert_cmpint (run_cli (fixture, &out, &err, "import", "--shop", "小鹿女装", "--platform", "taobao",
                            "--format", "json", csv, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  report = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (report, "status"), ==, "imported");
  g_assert_cmpstr (json_object_get_string_member (report, "profile"), ==, "kefu-agent-table");
  g_assert_cmpint (json_object_get_int_member (report, "rows_imported"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "period_end"), ==, "2026-10-30");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: a no-op that says so, and succeeds. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "import", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Already imported as batch 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Any refused file makes the exit status 1. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "import", unknown, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "does not recognise"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Headers written the wrong way round, read the right way. */
  {
    g_autofree char *swapped = g_build_filename (fixture->dir, "客服_20261014.csv", NULL);
    g_autoptr(JsonParser) columns_parser = json_parser_new ();
    JsonArray *columns;
    const char *fields[] = { "agent", "consult_buyers", "inquiry_buyers", "" };

    g_assert_true (g_file_set_contents (swapped, "客服,询单人数,咨询人数,备注\n小安,120,200,早班\n", -1, NULL));
    g_assert_cmpint (run_cli (fixture, &out, &err, "import", "--check", "--format", "json",
                              "--map", "2=consult_buyers", "--map", "咨询人数=inquiry_buyers",
                              swapped, NULL), ==, 0);
    g_assert_true (json_parser_load_from_data (columns_parser, out, -1, NULL));
    report = json_array_get_object_element (json_node_get_array (json_parser_get_root (columns_parser)), 0);
    g_assert_cmpstr (json_object_get_string_member (report, "status"), ==, "checked");
    columns = json_object_get_array_member (report, "columns");
    g_assert_cmpuint (json_array_get_length (columns), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, i), "field"),
                       ==, fields[i]);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (fixture, &out, &err, "import", "--map", "9=agent", swapped, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "“9” is not a column"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  g_assert_cmpint (run_cli (fixture, &out, &err, "batches", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "womenswear-30d.csv"));
  g_assert_nonnull (strstr (out, "2026-10-01..2026-10-30"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "undo", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "batches", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "profiles", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kefu-agent-table\t"));
}

static void
test_foreign_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->db, "客服,询单人数\n小王,12\n", -1, NULL));
  before = kefu_test_file_checksum (fixture->db);

  g_assert_cmpint (run_cli (fixture, &out, &err, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a Kefu database"));
  g_assert_nonnull (strstr (err, fixture->db));

  after = kefu_test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.db", NULL);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--demo", "shops", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Taobao"));
  g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
  /* The demo never touches the user's database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/Cli/shops", Fixture, NULL, fixture_set_up, test_shops, fixture_tear_down);
  g_test_add ("/cli/Cli/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/cli/Cli/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli/Cli/foreign-file", Fixture, NULL, fixture_set_up, test_foreign_file, fixture_tear_down);
  g_test_add ("/cli/Cli/demo", Fixture, NULL, fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
