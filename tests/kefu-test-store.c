/* kefu-test-store.c — a fresh database per test, filling it and looking into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kefu-test-store.h"
#include "kefu-test-utils.h"
#include "store/kefu-store-private.h"

void
kefu_test_store_set_up (KefuTestStore *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = kefu_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (path, &error);
  g_assert_no_error (error);
}

void
kefu_test_store_tear_down (KefuTestStore *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Returns: (transfer full): the path of the file written in the test's folder */
char *
kefu_test_write_file (KefuTestStore *fixture,
                      const char    *name,
                      const char    *contents,
                      gssize         length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* The first column of the first row of @sql. */
gint64
kefu_test_count (KefuTestStore *fixture,
                 const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_kefu_store_get_db (fixture->store), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static sqlite3_stmt *
select_measures (KefuTestStore *fixture,
                 const char    *agent,
                 const char    *key,
                 const char    *day)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_kefu_store_get_db (fixture->store),
                                       "SELECT m.sum, m.count, m.estimated FROM measure m "
                                       "LEFT JOIN agent a ON a.id = m.agent_id "
                                       "WHERE (coalesce(a.account, '') = ?1 OR coalesce(a.display_name, '') = ?1) "
                                       "AND m.key = ?2 AND (?3 IS NULL OR m.period_start = ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, agent, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (day != NULL)
    sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  return stmt;
}

/* Exactly one measure of @agent and @key (on @day, its first day, unless
 * NULL), with this sum, count and estimated flag. */
void
kefu_test_assert_measure_on (KefuTestStore *fixture,
                             const char    *agent,
                             const char    *key,
                             const char    *day,
                             double         sum,
                             double         count,
                             gboolean       estimated)
{
  sqlite3_stmt *stmt = select_measures (fixture, agent, key, day);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("no measure %s for “%s” on %s", key, agent, day ? day : "any day");
  if (!G_APPROX_VALUE (sqlite3_column_double (stmt, 0), sum, 1e-6) ||
      !G_APPROX_VALUE (sqlite3_column_double (stmt, 1), count, 1e-9))
    g_error ("%s of “%s”: stored %.10g / %.10g, expected %.10g / %.10g", key, agent,
             sqlite3_column_double (stmt, 0), sqlite3_column_double (stmt, 1), sum, count);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, estimated);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
kefu_test_assert_no_measure (KefuTestStore *fixture,
                             const char    *agent,
                             const char    *key)
{
  sqlite3_stmt *stmt = select_measures (fixture, agent, key, NULL);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("measure %s for “%s” should be missing", key, agent);
  sqlite3_finalize (stmt);
}

/* Returns: the new shop's id */
gint64
kefu_test_add_shop (KefuTestStore *fixture,
                    const char    *name,
                    const char    *platform)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kefu_store_add_shop (fixture->store, name, platform, &error);

  g_assert_no_error (error);
  return id;
}

/* Imports @path into @shop through the real importer, which must take it. */
void
kefu_test_import_file (KefuTestStore *fixture,
                       const char    *shop,
                       const char    *path)
{
  g_autoptr(KefuImportResult) result = NULL;
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = shop;
  result = kefu_import_file (fixture->store, kefu_profile_registry_get_default (), path,
                             &options, NULL, NULL, NULL);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
}

/* Writes @contents as the file @name in the test's folder and imports it. */
void
kefu_test_import_text (KefuTestStore *fixture,
                       const char    *shop,
                       const char    *name,
                       const char    *contents)
{
  g_autofree char *path = kefu_test_write_file (fixture, name, contents, -1);

  kefu_test_import_file (fixture, shop, path);
}

static void
on_updated (KefuWorkspace *workspace,
            gboolean      *done)
{
  *done = TRUE;
}

/* Runs the main loop until the workspace has its figures: updated, and
 * with no newer computation under way. */
void
kefu_test_wait_for_update (KefuWorkspace *workspace)
{
  gboolean done = FALSE;
  gulong handler = g_signal_connect (workspace, "updated", G_CALLBACK (on_updated), &done);

  while (!done || kefu_workspace_get_busy (workspace))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (workspace, handler);
}
