/* test-demo.c — the generated demo shop
 *
 * Generated for a fixed "today", 2026-11-15 (a Sunday): the data runs
 * from 2026-09-01 to 2026-11-14, three calendar months, six kinds of
 * import each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kefu-core.h"
#include "kefu-demo-private.h"
#include "kefu-test-utils.h"
#include "store/kefu-store-private.h"

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

static void
set_day (GDate *date,
         guint  year,
         guint  month,
         guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* A demo database generated as if @day of November 2026 were today. */
static KefuStore *
open_demo (Fixture    *fixture,
           const char *name,
           guint       day)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (path, &error);
  GDate today;

  g_assert_no_error (error);
  set_day (&today, 2026, 11, day);
  g_assert_true (_kefu_demo_populate (store, &today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static gint64
query_int (KefuStore  *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_kefu_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
shop_id (KefuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kefu_store_find_shop (store, "小鹿女装旗舰店", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static KefuMetricTable *
query (KefuStore          *store,
       guint               month,
       guint               first,
       guint               last,
       const char * const *keys,
       KefuGrouping        grouping)
{
  g_autoptr(GError) error = NULL;
  KefuMetricTable *table;
  GDate from, to;

  set_day (&from, 2026, month, first);
  set_day (&to, 2026, month, last);
  table = kefu_metric_query (store, shop_id (store), &from, &to, NULL, 0, keys, grouping,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  return table;
}

/* Every value of every metric of every agent in October, as text. */
static char *
digest (KefuStore *store)
{
  g_autoptr(KefuMetricTable) table = query (store, 10, 1, 31, NULL, KEFU_GROUP_AGENT);
  g_auto(GStrv) keys = kefu_metric_table_get_keys (table);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    for (guint i = 0; keys[i] != NULL; i++)
      {
        const KefuMetricValue *value = kefu_metric_table_get (table, row, keys[i]);

        g_string_append_printf (text, "%s %s %d %.12g %.12g\n",
                                kefu_metric_table_get_row (table, row)->agent_account
                                  ? kefu_metric_table_get_row (table, row)->agent_account : "shop",
                                keys[i], value->missing, value->numerator, value->denominator);
      }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
}

static void
test_same_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuStore) one = open_demo (fixture, "one.db", 15);
  g_autoptr(KefuStore) two = open_demo (fixture, "two.db", 15);
  g_autofree char *digest_one = digest (one);
  g_autofree char *digest_two = digest (two);
  static const char * const tables[] = { "message", "order_", "refund", "measure", "peer_measure" };

  g_assert_cmpstr (digest_one, ==, digest_two);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_assert_cmpint (query_int (one, sql), >, 0);
      g_assert_cmpint (query_int (one, sql), ==, query_int (two, sql));
    }
}

static void
test_batches (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KefuStore) store = open_demo (fixture, "demo.db", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) batches = kefu_store_list_batches (store, shop_id (store), &error);
  static const char * const months[][3] = {
    { "2026-09", "2026-09-01", "2026-09-30" },
    { "2026-10", "2026-10-01", "2026-10-31" },
    { "2026-11", "2026-11-01", "2026-11-14" },
  };
  guint n_found = 0;

  g_assert_no_error (error);
  /* Three months, six kinds each (refunds begin a few days into a
   * month, but every month here has some). */
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 18);
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(KefuBatch) batch = g_list_model_get_item (batches, i);
      const char *name = kefu_batch_get_file_name (batch);

      g_assert_true (g_str_has_prefix (name, "Demo data · "));
      g_assert_cmpint (kefu_batch_get_rows_imported (batch), >, 0);
      for (guint m = 0; m < G_N_ELEMENTS (months); m++)
        if (strstr (name, months[m][0]) != NULL)
          {
            g_assert_cmpstr (kefu_batch_get_period_start (batch), ==, months[m][1]);
            g_assert_cmpstr (kefu_batch_get_period_end (batch), ==, months[m][2]);
            n_found++;
          }
    }
  g_assert_cmpuint (n_found, ==, 18);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM import_batch "
                                     "WHERE file_name = 'Demo data · Agent performance 2026-10.xlsx' "
                                     "AND kind = 'agent_table' "
                                     "AND profile = 'taobao-agent-performance-daily'"), ==, 1);

  /* 双11 brings 2.2 times the conversations of an ordinary day (a
   * Wednesday, 2026-11-04), give or take the day's 8 % noise. */
  {
    GDate day;
    guint festival, ordinary;

    set_day (&day, 2026, 11, 11);
    festival = _kefu_demo_conversations (&day);
    set_day (&day, 2026, 11, 4);
    ordinary = _kefu_demo_conversations (&day);
    g_assert_cmpuint (festival, >, 1.6 * ordinary);
    /* Conversations are numbered by the day's julian number, 739931 for
     * Nov 11; that day starts at 2026-11-10 16:00 UTC, 1794326400. */
    g_assert_cmpint (query_int (store, "SELECT count(DISTINCT conversation) FROM message "
                                       "WHERE conversation LIKE '739931%'"), ==, festival);
    g_assert_cmpint (query_int (store, "SELECT min(sent_at) >= 1794326400 FROM message "
                                       "WHERE conversation LIKE '739931%'"), ==, 1);
  }
}

static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KefuStore) store = open_demo (fixture, "demo.db", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(KefuMetricTable) october = NULL;
  g_autoptr(KefuMetricTable) days = NULL;
  static const char * const volume[] = { "consult_buyers", "agent_sales", NULL };
  static const guint months[][2] = { { 9, 30 }, { 10, 31 }, { 11, 14 } };
  GDate from, to;
  gint64 scheme_id;
  guint n_agents = 0;
  guint n_days = 0;

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM agent"), >=, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM agent "
                                     "WHERE account IN ('小鹿女装旗舰店:小安', '小鹿女装旗舰店:小贝', "
                                     "'小鹿女装旗舰店:小橙')"), ==, 3);

  /* Data in each month, for the shop. */
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr(KefuMetricTable) table = query (store, months[m][0], 1, months[m][1], volume,
                                                KEFU_GROUP_AGENT);
      int shop = kefu_metric_table_find_agent (table, 0);

      g_assert_cmpfloat (kefu_metric_table_get (table, shop, "consult_buyers")->value, >, 1000);
      g_assert_cmpfloat (kefu_metric_table_get (table, shop, "agent_sales")->value, >, 100000);
    }

  /* The shop's default scheme is scored in full, for every agent. */
  scheme_id = kefu_store_get_default_scheme (store, shop_id (store), &error);
  g_assert_no_error (error);
  scheme = kefu_store_load_scheme (store, scheme_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kefu_scheme_get_n_items (scheme); i++)
    {
      const KefuMetricInfo *info = kefu_scheme_item_get_metric (kefu_scheme_get_item (scheme, i));

      g_assert_nonnull (info);
      g_ptr_array_add (keys, (gpointer) info->key);
    }
  g_ptr_array_add (keys, (gpointer) "response_rate_3min");
  g_ptr_array_add (keys, NULL);
  october = query (store, 10, 1, 31, (const char * const *) keys->pdata, KEFU_GROUP_AGENT);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (october); row++)
    {
      if (kefu_metric_table_get_row (october, row)->agent_id == 0)
        continue;
      n_agents++;
      for (guint i = 0; i < keys->len - 1; i++)
        {
          const KefuMetricValue *value = kefu_metric_table_get (october, row, keys->pdata[i]);

          g_assert_cmpint (value->missing, ==, KEFU_METRIC_MISSING_NONE);
        }
      /* Plausible, as a Taobao shop's agents go. */
      g_assert_cmpfloat (kefu_metric_table_get (october, row, "response_rate_3min")->value, >, 0.9);
      g_assert_cmpfloat (kefu_metric_table_get (october, row, "inquiry_conversion_rate")->value, >, 0.2);
      g_assert_cmpfloat (kefu_metric_table_get (october, row, "inquiry_conversion_rate")->value, <, 0.6);
      g_assert_cmpfloat (kefu_metric_table_get (october, row, "payment_rate")->value, >, 0.6);
      g_assert_cmpfloat (kefu_metric_table_get (october, row, "avg_response_time")->value, <, 60);
      /* The exports were worked out from the logs: they agree. */
      g_assert_cmpuint (kefu_metric_table_get_notes (october, row)->len, ==, 0);
    }
  g_assert_cmpuint (n_agents, ==, KEFU_DEMO_N_AGENTS);

  set_day (&from, 2026, 10, 1);
  set_day (&to, 2026, 10, 31);
  report = kefu_score_report_new_from_store (store, shop_id (store), scheme, &from, &to,
                                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (kefu_score_report_get_agents (report)); i++)
    {
      g_autoptr(KefuAgentScore) score = g_list_model_get_item (kefu_score_report_get_agents (report), i);

      g_assert_true (kefu_agent_score_get_complete (score));
      g_assert_cmpfloat (kefu_agent_score_get_total (score), >, 30);
    }

  /* 小七 is off on the 12th to the 14th: no figures, from either road. */
  days = query (store, 10, 11, 15, volume, KEFU_GROUP_AGENT_DAY);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (days); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (days, row);
      const KefuMetricValue *value = kefu_metric_table_get (days, row, "consult_buyers");
      guint dom = g_date_get_day (&key->day);

      if (g_strcmp0 (key->agent_name, "小七") != 0)
        continue;
      n_days++;
      if (dom >= 12 && dom <= 14)
        g_assert_cmpint (value->missing, ==, KEFU_METRIC_MISSING_NO_DATA);
      else
        g_assert_cmpfloat (value->value, >, 0);
    }
  g_assert_cmpuint (n_days, ==, 5);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KefuStore) store = open_demo (fixture, "demo.db", 15);
  g_autoptr(GError) error = NULL;
  gint64 messages = query_int (store, "SELECT count(*) FROM message");
  gint64 measures = query_int (store, "SELECT count(*) FROM measure");
  gint64 before_november = query_int (store, "SELECT count(*) FROM message WHERE sent_at < 1793462400");
  g_autofree char *october = digest (store);
  g_autofree char *october_later = NULL;
  g_autofree char *path = NULL;

  /* The same day again: nothing is added. */
  g_clear_object (&store);
  store = open_demo (fixture, "demo.db", 15);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM import_batch"), ==, 18);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM message"), ==, messages);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM measure"), ==, measures);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM shop"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM scheme"), ==, 1);

  /* A day later the demo runs a day further, and the days it had keep
   * their data (2026-11-01 00:00 in Shanghai is 1793462400). */
  g_clear_object (&store);
  store = open_demo (fixture, "demo.db", 16);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM import_batch"), ==, 18);
  g_assert_cmpint (query_int (store, "SELECT max(period_end) = '2026-11-15' FROM import_batch"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM message"), >, messages);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM message WHERE sent_at < 1793462400"), ==,
                   before_november);
  october_later = digest (store);
  g_assert_cmpstr (october_later, ==, october);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM agent"), ==, KEFU_DEMO_N_AGENTS);

  /* And the public entry point opens it as it is. */
  g_clear_object (&store);
  path = g_build_filename (fixture->dir, "demo.db", NULL);
  store = kefu_demo_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM shop"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/demo/Demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("same-twice", test_same_twice);
  ADD ("batches", test_batches);
  ADD ("content", test_content);
  ADD ("reopen", test_reopen);

  return g_test_run ();
}
