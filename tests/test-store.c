/* test-store.c — the database: create, reopen, migrate, refuse, delete, roll back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <signal.h>
#include <unistd.h>

#include "kefu-core.h"
#include "kefu-test-utils.h"
#include "store/kefu-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = kefu_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "kefu.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
add_batch (KefuStore  *store,
           gint64      shop_id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  KefuBatchInfo info = {
    .shop_id = shop_id,
    .file_name = name,
    .file_size = 1234,
    .sha256 = sha,
    .profile = "standard-agent-table",
    .platform = "taobao",
    .kind = "agent_table",
    .period_start = "2026-10-01",
    .period_end = "2026-10-31",
    .rows_read = 3,
    .rows_imported = 3,
  };
  gint64 id = kefu_store_add_batch (store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  g_autofree char *journal = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_true (KEFU_IS_STORE (store));
  g_assert_cmpint (kefu_store_get_schema_version (store), ==, kefu_store_get_latest_version ());
  g_assert_null (kefu_store_get_backup_path (store));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  db = _kefu_store_get_db (store);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, KEFU_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, kefu_store_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* Every table the design names exists. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                  "('shop','agent','import_batch','measure','message','session',"
                                  "'order_','refund','review','scheme','manual_score')"), ==, 11);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "kefu.db", NULL);
  g_autoptr(KefuStore) store = kefu_store_open (nested, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  g_autoptr(GListModel) shops = NULL;
  g_autoptr(KefuShop) shop = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = kefu_store_add_shop (store, "小鹿女装旗舰店", "tmall", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = kefu_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (kefu_store_get_backup_path (store));

  shops = kefu_store_list_shops (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shops), ==, 1);
  shop = g_list_model_get_item (shops, 0);
  g_assert_cmpint (kefu_shop_get_id (shop), ==, id);
  g_assert_cmpstr (kefu_shop_get_name (shop), ==, "小鹿女装旗舰店");
  g_assert_cmpstr (kefu_shop_get_platform (shop), ==, "tmall");
}

static const KefuStoreMigration test_v1[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
};

static const KefuStoreMigration test_v2[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
  { 2, "ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT '客服';"
       "CREATE TABLE tag (note_id INTEGER REFERENCES note(id), tag TEXT);" },
};

static const KefuStoreMigration test_v2_broken[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
  { 2, "CREATE TABLE tag (tag TEXT);"
       "ALTER TABLE no_such_table ADD COLUMN x TEXT;" },
};

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *author = NULL;
  sqlite3 *copy = NULL;

  store = _kefu_store_open_with_migrations (fixture->path, test_v1, 1, &error);
  g_assert_no_error (error);
  g_assert_null (kefu_store_get_backup_path (store));    /* nothing to back up yet */
  g_assert_cmpint (sqlite3_exec (_kefu_store_get_db (store),
                                 "INSERT INTO note (text) VALUES ('询单转化率')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = _kefu_store_open_with_migrations (fixture->path, test_v2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (query_int (_kefu_store_get_db (store), "PRAGMA user_version"), ==, 2);

  /* The old rows survive and gain the new column's default. */
  author = query_text (_kefu_store_get_db (store), "SELECT author FROM note");
  g_assert_cmpstr (author, ==, "客服");
  g_assert_cmpint (query_int (_kefu_store_get_db (store), "SELECT count(*) FROM tag"), ==, 0);

  /* The backup is the database as it was before: version 1, one note. */
  backup = g_strdup (kefu_store_get_backup_path (store));
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, fixture->path));
  g_assert_true (g_str_has_suffix (backup, ".bak"));
  g_assert_true (strstr (backup, ".v1-") != NULL);
  g_assert_cmpint (sqlite3_open (backup, &copy), ==, SQLITE_OK);
  g_assert_cmpint (query_int (copy, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM sqlite_schema WHERE name = 'tag'"), ==, 0);
  sqlite3_close (copy);
  g_clear_object (&store);

  /* Reopening at the same version neither migrates nor backs up. */
  store = _kefu_store_open_with_migrations (fixture->path, test_v2, 2, &error);
  g_assert_no_error (error);
  g_assert_null (kefu_store_get_backup_path (store));
}

static void
test_migrate_failure (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  sqlite3 *db = NULL;

  store = _kefu_store_open_with_migrations (fixture->path, test_v1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_kefu_store_get_db (store),
                                 "INSERT INTO note (text) VALUES ('客单价')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = _kefu_store_open_with_migrations (fixture->path, test_v2_broken, 2, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_MIGRATION);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "version 2"));

  /* The failed step left nothing behind: still version 1, no half table. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'tag'"), ==, 0);
  sqlite3_close (db);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  exec_raw (fixture->path, "CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('x');");
  before = kefu_test_file_checksum (fixture->path);

  store = kefu_store_open (fixture->path, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_KEFU);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = kefu_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_not_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *text = "客服,询单人数\n小王,12\n"
                     "this is a spreadsheet export, not a database at all\n";

  g_file_set_contents (fixture->path, text, -1, &error);
  g_assert_no_error (error);
  before = kefu_test_file_checksum (fixture->path);

  store = kefu_store_open (fixture->path, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN);
  g_assert_null (store);

  after = kefu_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  g_autofree char *bump = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* As if a later Kefu had migrated it; checkpoint so the bytes settle. */
  bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA wal_checkpoint(TRUNCATE);",
                          kefu_store_get_latest_version () + 1);
  exec_raw (fixture->path, bump);
  before = kefu_test_file_checksum (fixture->path);

  store = kefu_store_open (fixture->path, &error);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = kefu_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
count_rows_of_batch (KefuStore  *store,
                     const char *table,
                     gint64      batch_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE batch_id = %" G_GINT64_FORMAT,
                                          table, batch_id);
  return query_int (_kefu_store_get_db (store), sql);
}

static void
fill_batch (KefuStore *store,
            gint64     shop_id,
            gint64     agent_id,
            gint64     batch_id,
            guint      n)
{
  g_autoptr(GError) error = NULL;
  static const char *tables_sql =
    "INSERT INTO session (batch_id, shop_id, agent_id, started_at) VALUES (?1, ?2, ?3, 1790000000);"
    "INSERT INTO order_ (batch_id, shop_id, agent_id, order_no) VALUES (?1, ?2, ?3, 'P1');"
    "INSERT INTO refund (batch_id, shop_id, order_no) VALUES (?1, ?2, 'P1');"
    "INSERT INTO review (batch_id, shop_id, order_no, grade) VALUES (?1, ?2, 'P1', 'good');";
  const char *sql = tables_sql;

  for (guint i = 0; i < n; i++)
    {
      KefuMeasure measure = {
        .batch_id = batch_id, .shop_id = shop_id, .agent_id = i % 2 ? agent_id : 0,
        .period_start = "2026-10-01", .period_end = "2026-10-01",
        .key = "inquiry_buyers", .sum = 10 + i, .count = 1,
      };
      KefuMessage message = {
        .batch_id = batch_id, .shop_id = shop_id, .agent_id = agent_id,
        .buyer = "x**", .sent_at = 1790000000 + i, .sender = KEFU_SENDER_AGENT,
        .content = "亲，在的",
      };

      g_assert_true (kefu_store_add_measure (store, &measure, &error));
      g_assert_no_error (error);
      g_assert_true (kefu_store_add_message (store, &message, &error));
      g_assert_no_error (error);
    }

  /* The event tables without an insert API of their own yet. */
  while (*sql != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *tail;

      g_assert_cmpint (sqlite3_prepare_v2 (_kefu_store_get_db (store), sql, -1, &stmt, &tail),
                       ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, shop_id);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int64 (stmt, 3, agent_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      sql = tail;
    }
}

static void
test_batch_delete (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *tables[] = { "measure", "message", "session", "order_", "refund", "review" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  gint64 shop_id, agent_id, first, second;
  sqlite3 *db = _kefu_store_get_db (store);

  shop_id = kefu_store_add_shop (store, "小鹿女装旗舰店", "taobao", &error);
  g_assert_no_error (error);
  agent_id = kefu_store_ensure_agent (store, shop_id, "小鹿女装旗舰店:小安", &error);
  g_assert_no_error (error);

  first = add_batch (store, shop_id, "客服绩效_20261001.xlsx");
  second = add_batch (store, shop_id, "客服绩效_20261002.xlsx");
  fill_batch (store, shop_id, agent_id, first, 5);
  fill_batch (store, shop_id, agent_id, second, 3);

  g_assert_true (kefu_store_delete_batch (store, first, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_assert_cmpint (count_rows_of_batch (store, tables[i], first), ==, 0);
      g_assert_cmpint (count_rows_of_batch (store, tables[i], second), >, 0);
    }
  g_assert_cmpint (count_rows_of_batch (store, "measure", second), ==, 3);
  g_assert_cmpint (count_rows_of_batch (store, "message", second), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT sum(sum) FROM measure"), ==, 10 + 11 + 12);

  /* The shop and its agents are not the batch's to take. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shop"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agent"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM import_batch"), ==, 1);
  g_assert_cmpint (kefu_store_find_batch (store, shop_id, "no-such-sha", &error), ==, 0);
  g_assert_no_error (error);

  /* A batch that is gone cannot be deleted twice. */
  g_assert_false (kefu_store_delete_batch (store, first, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_false (kefu_store_in_transaction (store));
}

static void
test_duplicate_batch (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "a.csv", -1);
  gint64 shop_id, id;
  KefuBatchInfo again = { 0 };

  shop_id = kefu_store_add_shop (store, "拼多多小店", "pdd", &error);
  g_assert_no_error (error);
  id = add_batch (store, shop_id, "a.csv");
  g_assert_cmpint (kefu_store_find_batch (store, shop_id, sha, &error), ==, id);
  g_assert_no_error (error);

  again.shop_id = shop_id;
  again.file_name = "a (copy).csv";
  again.sha256 = sha;
  g_assert_cmpint (kefu_store_add_batch (store, &again, &error), ==, 0);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  sqlite3 *db = _kefu_store_get_db (store);
  gint64 shop_id, agent_id, batch_id;

  shop_id = kefu_store_add_shop (store, "抖音小店", "douyin", &error);
  g_assert_no_error (error);

  g_assert_true (kefu_store_begin (store, &error));
  g_assert_true (kefu_store_in_transaction (store));
  agent_id = kefu_store_ensure_agent (store, shop_id, "小贝", &error);
  batch_id = add_batch (store, shop_id, "飞鸽客服数据.xlsx");
  fill_batch (store, shop_id, agent_id, batch_id, 50);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 50);

  /* Half-way through, the import fails: nothing of it stays. */
  kefu_store_rollback (store);
  g_assert_false (kefu_store_in_transaction (store));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM message"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agent"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shop"), ==, 1);
}

static void
test_killed_mid_transaction (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *integrity = NULL;
  sqlite3 *db;

  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("KEFU_TEST_DB");
      gint64 shop_id, batch_id;

      store = kefu_store_open (path, &error);
      g_assert_no_error (error);
      shop_id = kefu_store_add_shop (store, "京东自营店", "jd", &error);
      g_assert_true (kefu_store_begin (store, &error));
      batch_id = add_batch (store, shop_id, "接待数据.xlsx");
      fill_batch (store, shop_id, 0, batch_id, 2000);
      /* Die without committing, as a crash or a power cut would. */
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  g_setenv ("KEFU_TEST_DB", fixture->path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  store = kefu_store_open (fixture->path, &error);
  g_assert_no_error (error);
  db = _kefu_store_get_db (store);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shop"), ==, 1);   /* committed before */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM message"), ==, 0);
}

static void
test_agents (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  g_autofree char *display = NULL;
  gint64 shop_id, other_shop, a, again, b, elsewhere;

  shop_id = kefu_store_add_shop (store, "小鹿女装旗舰店", "taobao", &error);
  other_shop = kefu_store_add_shop (store, "小鹿女装", "pdd", &error);
  g_assert_no_error (error);

  a = kefu_store_ensure_agent (store, shop_id, "小鹿女装旗舰店:小安", &error);
  again = kefu_store_ensure_agent (store, shop_id, "小鹿女装旗舰店:小安", &error);
  b = kefu_store_ensure_agent (store, shop_id, "小鹿女装旗舰店:小贝", &error);
  elsewhere = kefu_store_ensure_agent (store, other_shop, "小鹿女装旗舰店:小安", &error);
  g_assert_no_error (error);

  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (a, ==, again);
  g_assert_cmpint (a, !=, b);
  g_assert_cmpint (a, !=, elsewhere);

  display = query_text (_kefu_store_get_db (store),
                        "SELECT display_name FROM agent WHERE account = '小鹿女装旗舰店:小贝'");
  g_assert_cmpstr (display, ==, "小贝");
}

static void
test_shop_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);

  g_assert_cmpint (kefu_store_add_shop (store, "Shop", "amazon", &error), ==, 0);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "amazon"));
  g_clear_error (&error);

  g_assert_cmpint (kefu_store_add_shop (store, "Shop", "jd", &error), >, 0);
  g_assert_cmpint (kefu_store_add_shop (store, "Shop", "jd", &error), ==, 0);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
}

static void
assert_plan_uses (sqlite3    *db,
                  const char *sql,
                  const char *index)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  if (strstr (plan->str, index) == NULL)
    g_error ("query does not use %s:\n%s\n%s", index, sql, plan->str);
}

static void
test_indexes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  sqlite3 *db = _kefu_store_get_db (store);

  assert_plan_uses (db,
                    "SELECT agent_id, key, sum(sum), sum(count) FROM measure "
                    "WHERE shop_id = 1 AND period_start >= '2026-10-01' AND period_end <= '2026-10-31' "
                    "GROUP BY agent_id, key",
                    "measure_shop_period");
  assert_plan_uses (db,
                    "SELECT sent_at, sender FROM message "
                    "WHERE shop_id = 1 AND agent_id = 2 AND sent_at >= 1790000000 AND sent_at < 1792000000",
                    "message_shop_agent_time");
  assert_plan_uses (db, "DELETE FROM measure WHERE batch_id = 3", "measure_batch");
  assert_plan_uses (db,
                    "SELECT batch_id FROM measure WHERE shop_id = 1 AND key = 'inquiry_buyers' "
                    "AND agent_id IS 2 AND period_start <= '2026-10-31' AND period_end >= '2026-10-01' "
                    "AND batch_id != 3",
                    "measure_shop_key_agent");
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_demo_open (fixture->path, &error);
  g_autoptr(GListModel) shops = NULL;

  g_assert_no_error (error);
  shops = kefu_store_list_shops (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (shops), ==, 1);
  g_assert_cmpint (query_int (_kefu_store_get_db (store), "SELECT count(*) FROM agent"), ==, 12);
  g_clear_object (&shops);
  g_clear_object (&store);

  /* Opening it again fills nothing twice. */
  store = kefu_demo_open (fixture->path, &error);
  g_assert_no_error (error);
  shops = kefu_store_list_shops (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (shops), ==, 1);
}

/* Orders and messages added in a transaction are inserted many rows per
 * statement: 70 orders are two statements of 32 and six of one. Every row
 * lands, in its order; a query in the transaction sees the rows added
 * before it; a rollback drops the rows not inserted yet; and a row that
 * breaks a constraint fails the commit, which stores nothing. */
static void
test_buffered_rows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (fixture->path, &error);
  gint64 shop_id, batch_id;
  sqlite3_stmt *stmt;

  shop_id = kefu_store_add_shop (store, "小鹿女装旗舰店", "taobao", &error);
  batch_id = add_batch (store, shop_id, "订单.csv");

  g_assert_true (kefu_store_begin (store, &error));
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *number = g_strdup_printf ("P%02u", i);
      KefuOrder order = {
        .batch_id = batch_id, .shop_id = shop_id, .order_no = number, .buyer = "x**",
        .created_at = 1790000000 + i, .amount = i + 0.5, .paid_amount = NAN, .items = i % 3 ? (gint64) i : -1,
      };

      g_assert_true (kefu_store_add_order (store, &order, &error));
      g_assert_no_error (error);
    }
  /* Seen from inside the transaction, by any statement of the store. */
  stmt = _kefu_store_prepare (store, "SELECT count(*), total(amount) FROM order_", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 70);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 70 * 69 / 2 + 35);   /* Σ (i + 0.5) */
  sqlite3_reset (stmt);
  g_assert_true (kefu_store_commit (store, &error));
  g_assert_no_error (error);

  /* In their order; unknown values stay unknown. */
  g_assert_cmpint (query_int (_kefu_store_get_db (store),
                              "SELECT count(*) FROM order_ o JOIN order_ p ON p.id = o.id + 1 "
                              "WHERE p.order_no > o.order_no AND p.created_at = o.created_at + 1"), ==, 69);
  g_assert_cmpint (query_int (_kefu_store_get_db (store),
                              "SELECT count(*) FROM order_ WHERE paid_amount IS NULL"), ==, 70);
  g_assert_cmpint (query_int (_kefu_store_get_db (store),
                              "SELECT count(*) FROM order_ WHERE items IS NULL"), ==, 24);   /* i = 0, 3, … 69 */

  /* Rolled back: nothing of them. */
  g_assert_true (kefu_store_begin (store, &error));
  for (guint i = 0; i < 10; i++)
    {
      KefuMessage message = {
        .batch_id = batch_id, .shop_id = shop_id, .buyer = "x**",
        .sent_at = 1790000000 + i, .sender = KEFU_SENDER_BUYER,
      };

      g_assert_true (kefu_store_add_message (store, &message, &error));
    }
  kefu_store_rollback (store);
  g_assert_cmpint (query_int (_kefu_store_get_db (store), "SELECT count(*) FROM message"), ==, 0);

  /* A batch that does not exist breaks the foreign key: the commit fails. */
  g_assert_true (kefu_store_begin (store, &error));
  for (guint i = 0; i < 3; i++)
    {
      KefuMessage message = {
        .batch_id = i == 1 ? batch_id + 100 : batch_id, .shop_id = shop_id, .buyer = "x**",
        .sent_at = 1790000000 + i, .sender = KEFU_SENDER_BUYER,
      };

      g_assert_true (kefu_store_add_message (store, &message, &error));
    }
  g_assert_false (kefu_store_commit (store, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
  g_assert_false (kefu_store_in_transaction (store));
  g_assert_cmpint (query_int (_kefu_store_get_db (store), "SELECT count(*) FROM message"), ==, 0);
}

/* Version 2 rewrites message and order_ with their foreign keys checked
 * at commit. A database of version 1 keeps every row, id and index through
 * the upgrade and stays sound; the connection that upgraded it checks the
 * keys at commit at once; its keys still hold, and a batch still takes its
 * rows with it when removed. */
static void
test_upgrade_deferred_keys (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *message_sql = NULL, *order_sql = NULL, *integrity = NULL;
  sqlite3 *db;

  store = _kefu_store_open_with_migrations (fixture->path, _kefu_store_migrations, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_schema_version (store), ==, 1);
  g_clear_object (&store);
  exec_raw (fixture->path,
            "PRAGMA foreign_keys = ON;"
            "INSERT INTO shop VALUES (1, '小鹿女装旗舰店', 'taobao', 'Asia/Shanghai', '2026-10-01');"
            "INSERT INTO agent (id, shop_id, account, display_name) VALUES (7, 1, '小鹿:小王', '小王');"
            "INSERT INTO import_batch (id, shop_id, file_name, file_size, sha256, profile, platform, kind,"
            "  rows_read, rows_imported, rows_skipped, imported_at)"
            "  VALUES (3, 1, 'a.csv', 10, replace(hex(zeroblob(32)), '0', 'a'), 'p', 'taobao', 'messages', 2, 2, 0, '2026-10-02'),"
            "         (4, 1, 'b.csv', 10, replace(hex(zeroblob(32)), '0', 'b'), 'p', 'taobao', 'orders', 2, 2, 0, '2026-10-02');"
            "INSERT INTO message VALUES (10, 3, 1, 7, 'c1', 'x**', 1790000000, 'buyer', 'text', '在吗'),"
            "                           (12, 3, 1, 7, 'c1', 'x**', 1790000009, 'agent', 'text', '在的');"
            "INSERT INTO order_ VALUES (20, 4, 1, 7, 'P1', 'x**', '已付款', 1790000100, 1790000160, 99.5, 89.5, 2, NULL),"
            "                          (21, 4, 1, NULL, 'P2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);");

  store = kefu_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_schema_version (store), ==, 2);
  g_assert_nonnull (kefu_store_get_backup_path (store));
  db = _kefu_store_get_db (store);

  message_sql = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'message'");
  order_sql = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'order_'");
  g_assert_nonnull (strstr (message_sql, "DEFERRABLE INITIALLY DEFERRED"));
  g_assert_nonnull (strstr (order_sql, "DEFERRABLE INITIALLY DEFERRED"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'message'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'order_'"), ==, 2);

  /* The rows as they were, ids included. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM message WHERE id = 10 AND batch_id = 3 AND agent_id = 7 "
                                  "AND conversation = 'c1' AND buyer = 'x**' AND sent_at = 1790000000 "
                                  "AND sender = 'buyer' AND type = 'text' AND content = '在吗'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT sum(id) FROM message"), ==, 22);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM order_ WHERE id = 20 AND batch_id = 4 AND agent_id = 7 "
                                  "AND order_no = 'P1' AND status = '已付款' AND created_at = 1790000100 "
                                  "AND paid_at = 1790000160 AND amount = 99.5 AND paid_amount = 89.5 "
                                  "AND items = 2 AND after_sale IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM order_ WHERE id = 21 AND agent_id IS NULL "
                                  "AND created_at IS NULL AND amount IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* Checked at commit: the row of a batch that does not exist goes in,
   * the commit fails, nothing stays. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; INSERT INTO order_ (batch_id, shop_id, order_no) "
                                     "VALUES (999, 1, 'P9')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM order_"), ==, 2);

  /* The keys still act: an agent removed leaves its orders without one,
   * a batch removed takes its messages. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM agent WHERE id = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM order_ WHERE agent_id IS NULL"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM message"), ==, 0);   /* ON DELETE CASCADE by agent */
  g_assert_true (kefu_store_delete_batch (store, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM order_"), ==, 0);
}

/* Tables of version 1 that are not as version 1 made them are not
 * rewritten: the upgrade fails and leaves the database as it was. */
static void
test_upgrade_unknown_tables (Fixture       *fixture,
                             gconstpointer  data)
{
  static const KefuStoreMigration other_v1[] = {
    { 1, "CREATE TABLE message (id INTEGER PRIMARY KEY, note TEXT);"
         "CREATE TABLE order_ (id INTEGER PRIMARY KEY, note TEXT);" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  store = _kefu_store_open_with_migrations (fixture->path, other_v1, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = kefu_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "version 2"));

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  sql = query_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'message'");
  g_assert_cmpstr (sql, ==, "CREATE TABLE message (id INTEGER PRIMARY KEY, note TEXT)");
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/Store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("missing-folder", test_missing_folder);
  ADD ("reopen", test_reopen);
  ADD ("migrate", test_migrate);
  ADD ("migrate-failure", test_migrate_failure);
  ADD ("upgrade-deferred-keys", test_upgrade_deferred_keys);
  ADD ("upgrade-unknown-tables", test_upgrade_unknown_tables);
  ADD ("refuse-foreign", test_refuse_foreign);
  ADD ("refuse-not-database", test_refuse_not_database);
  ADD ("refuse-newer", test_refuse_newer);
  ADD ("batch-delete", test_batch_delete);
  ADD ("duplicate-batch", test_duplicate_batch);
  ADD ("rollback", test_rollback);
  ADD ("buffered-rows", test_buffered_rows);
  ADD ("killed-mid-transaction", test_killed_mid_transaction);
  ADD ("agents", test_agents);
  ADD ("shop-rules", test_shop_rules);
  ADD ("indexes", test_indexes);
  ADD ("demo", test_demo);

#undef ADD

  return g_test_run ();
}
