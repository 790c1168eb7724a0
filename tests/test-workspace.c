/* test-workspace.c — the shop, period and scheme the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-core.h"
#include "model/kefu-workspace.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"

/* Two agents over two days of October and one of September:
 * October conversions: 甲 (4 + 5) / (10 + 20) = 0.30, 乙 6 / 20 = 0.30
 * would tie, so 乙 gets 7 / 20 = 0.35. */
static const char *daily_agents =
  "客服,日期,咨询总人数,成交总人数,首次响应时间(秒)\n"
  "甲,2026-09-30,10,1,40\n"
  "甲,2026-10-01,10,4,12\n"
  "甲,2026-10-02,20,5,14\n"
  "乙,2026-10-01,10,3,30\n"
  "乙,2026-10-03,10,4,8\n";

/* 35 % and up: 100 points; 30 % up to 35 %: 80; below: 0. */
static const char *conversion_scheme =
  "{ \"id\": \"conversion\", \"name\": \"Conversion\", \"items\": ["
  "  { \"metric\": \"inquiry_conversion_rate\", \"weight\": 100, \"brackets\": ["
  "      { \"range\": \"[0.35, +inf)\", \"points\": 100 },"
  "      { \"range\": \"[0.30, 0.35)\", \"points\": 80 },"
  "      { \"range\": \"[0, 0.30)\", \"points\": 0 } ] } ] }";

typedef KefuTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kefu_test_store_set_up (fixture, data);
  kefu_test_add_shop (fixture, "小鹿女装", "taobao");
  kefu_test_import_text (fixture, "小鹿女装", "daily.csv", daily_agents);
}

static void
on_updated (KefuWorkspace *workspace,
            gboolean      *done)
{
  *done = TRUE;
}

/* Runs the main loop until the next "updated", which must bring the
 * newest figures: stricter than kefu_test_wait_for_update(), which also
 * waits out any later computation. */
static void
wait_for_update (KefuWorkspace *workspace)
{
  gboolean done = FALSE;
  gulong handler = g_signal_connect (workspace, "updated", G_CALLBACK (on_updated), &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (workspace, handler);
  g_assert_false (kefu_workspace_get_busy (workspace));
}

static KefuPeriod *
october (void)
{
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);

  return kefu_period_new (KEFU_GRANULARITY_MONTH, day);
}

static double
value_of (KefuMetricTable *table,
          gint64           agent_id,
          const char      *key)
{
  int row = kefu_metric_table_find_agent (table, agent_id);
  const KefuMetricValue *value;

  g_assert_cmpint (row, >=, 0);
  value = kefu_metric_table_get (table, row, key);
  g_assert_nonnull (value);
  return value->value;
}

static gint64
agent_id (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) shops = kefu_store_list_shops (fixture->store, &error);
  g_autoptr(KefuShop) shop = g_list_model_get_item (shops, 0);
  gint64 id = kefu_metric_query_find_agent (fixture->store, kefu_shop_get_id (shop), name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KefuWorkspace) workspace = kefu_workspace_new (fixture->store);
  g_autoptr(KefuPeriod) period = october ();
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(GError) error = NULL;
  KefuMetricTable *table;
  KefuAgentScore *score;
  GDate from, to;
  gint64 jia = agent_id (fixture, "甲");
  gint64 yi = agent_id (fixture, "乙");

  g_assert_nonnull (kefu_workspace_get_shop (workspace));
  g_assert_cmpstr (kefu_shop_get_name (kefu_workspace_get_shop (workspace)), ==, "小鹿女装");
  g_assert_cmpuint (g_list_model_get_n_items (kefu_workspace_get_shops (workspace)), ==, 1);
  /* No default of its own: a Taobao shop starts on the scheme built on
   * Taobao's figures. */
  g_assert_cmpstr (kefu_scheme_get_id (kefu_workspace_get_scheme (workspace)), ==,
                   "womenswear-composite");

  kefu_workspace_set_period (workspace, period);
  g_assert_true (kefu_workspace_get_busy (workspace));
  wait_for_update (workspace);
  g_assert_null (kefu_workspace_get_error (workspace));

  kefu_workspace_get_range (workspace, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_day (&to), ==, 31);

  /* October: 甲 9 / 30, 乙 7 / 20; September: 甲 1 / 10, 乙 nothing. */
  table = kefu_workspace_get_agent_table (workspace);
  g_assert_cmpfloat_with_epsilon (value_of (table, jia, "inquiry_conversion_rate"), 0.30, 1e-12);
  g_assert_cmpfloat_with_epsilon (value_of (table, yi, "inquiry_conversion_rate"), 0.35, 1e-12);
  table = kefu_workspace_get_previous_table (workspace);
  g_assert_cmpfloat_with_epsilon (value_of (table, jia, "inquiry_conversion_rate"), 0.10, 1e-12);
  g_assert_true (kefu_metric_table_find_agent (table, yi) < 0
                 || kefu_metric_table_get (table, kefu_metric_table_find_agent (table, yi),
                                           "inquiry_conversion_rate")->missing != KEFU_METRIC_MISSING_NONE);

  /* Daily: 甲 on October 1st and 2nd, 乙 on the 1st and 3rd. */
  table = kefu_workspace_get_daily_table (workspace);
  g_assert_cmpint (kefu_metric_table_get_grouping (table), ==, KEFU_GROUP_AGENT_DAY);

  /* Which days have agent figures: the 1st, 2nd and 3rd of 31. */
  g_assert_cmpuint (kefu_coverage_get_n_days (kefu_workspace_get_coverage (workspace)), ==, 31);
  g_assert_cmpuint (kefu_coverage_count_days (kefu_workspace_get_coverage (workspace),
                                              KEFU_DATA_AGENT_FIGURES), ==, 3);

  /* Another scheme scores the same tables again, at once. */
  scheme = kefu_scheme_new_from_data (conversion_scheme, -1, "conversion.json", &error);
  g_assert_no_error (error);
  kefu_workspace_set_scheme (workspace, scheme);
  g_assert_false (kefu_workspace_get_busy (workspace));
  score = kefu_score_report_find_agent (kefu_workspace_get_report (workspace), "乙");
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (score), 100, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (score), ==, 1);
  score = kefu_score_report_find_agent (kefu_workspace_get_report (workspace), "甲");
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (score), 80, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (score), ==, 2);

  /* An edited scheme, re-scored: 30 % now earns 100 too, a tie. */
  kefu_bracket_set_points (kefu_scheme_item_get_bracket (kefu_scheme_get_item (scheme, 0), 1), 100);
  kefu_workspace_rescore (workspace);
  score = kefu_score_report_find_agent (kefu_workspace_get_report (workspace), "甲");
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (score), 100, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (score), ==, 1);
}

/* Requests made before the first result arrive: only the newest counts. */
static void
test_newest_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuWorkspace) workspace = kefu_workspace_new (fixture->store);
  g_autoptr(KefuPeriod) period = october ();
  g_autoptr(KefuPeriod) september = kefu_period_shift (period, -1);
  gint64 jia = agent_id (fixture, "甲");

  kefu_workspace_set_period (workspace, period);
  kefu_workspace_set_period (workspace, september);
  wait_for_update (workspace);

  g_assert_cmpfloat_with_epsilon (value_of (kefu_workspace_get_agent_table (workspace), jia,
                                            "inquiry_conversion_rate"), 0.10, 1e-12);
}

/* A store without shops: no shop, no figures, and no crash. */
static void
test_empty (void)
{
  g_autofree char *dir = kefu_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "kefu.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_store_open (db, &error);
  g_autoptr(KefuWorkspace) workspace = NULL;

  g_assert_no_error (error);
  workspace = kefu_workspace_new (store);
  g_assert_null (kefu_workspace_get_shop (workspace));
  g_assert_false (kefu_workspace_get_busy (workspace));
  g_assert_null (kefu_workspace_get_report (workspace));
  g_assert_null (kefu_workspace_get_agent_table (workspace));

  g_clear_object (&workspace);
  g_clear_object (&store);
  kefu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/workspace/figures", Fixture, NULL,
              fixture_set_up, test_figures, kefu_test_store_tear_down);
  g_test_add ("/workspace/newest-wins", Fixture, NULL,
              fixture_set_up, test_newest_wins, kefu_test_store_tear_down);
  g_test_add_func ("/workspace/empty", test_empty);

  return g_test_run ();
}
