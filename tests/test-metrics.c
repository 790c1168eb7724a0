/* test-metrics.c — the metric engine: exports re-aggregated, merged with
 * the logs, queried, compared, and printed by kefu-cli metrics
 *
 * Every expected figure is worked out by hand beside the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sys/wait.h>
#include <json-glib/json-glib.h>

#include "kefu-metric-test-utils.h"

/* The worked example of METRICS.md §5, used when the shared fixture is
 * not beside the source tree. */
static const char *womenswear_embedded =
  "客服,开始日期,结束日期,咨询总人数,成交总人数,下单总笔数,成交笔数,客服客单价,店铺客单价,"
  "首次响应时间(秒),平均响应时间(秒),月退货量,月成交量\n"
  "A,2026-10-01,2026-10-30,275,88,240,228,78.23,66.30,13,21,6,289\n"
  "B,2026-10-01,2026-10-30,1455,582,325,247,76.90,66.30,8,19,23,423\n"
  "C,2026-10-01,2026-10-30,800,232,225,198,82.80,66.30,16,27,0,260\n";

static void
import_womenswear (MetricFixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "fixtures",
                                                 "womenswear-30d.csv", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    contents = g_strdup (womenswear_embedded);
  metric_import (fixture, "womenswear-30d.csv", contents);
}

/* Seed 003's three agents, as the scheme will read them. */
static void
test_womenswear (MetricFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  const KefuMetricValue *value;

  import_womenswear (fixture);
  table = metric_query (fixture, "2026-10-01", "2026-10-30", KEFU_GROUP_AGENT, NULL);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (table), ==, 4);   /* the shop, A, B, C */

  metric_assert_value (table, "A", NULL, "inquiry_conversion_rate", 88, 275, 0.32);
  metric_assert_value (table, "A", NULL, "payment_rate", 228, 240, 0.95);
  metric_assert_value (table, "A", NULL, "unit_price_ratio", 78.23, 66.30, 78.23 / 66.30);
  metric_assert_value (table, "A", NULL, "first_response_time", 13, 1, 13);
  metric_assert_value (table, "A", NULL, "avg_response_time", 21, 1, 21);
  metric_assert_value (table, "A", NULL, "monthly_returns", 6, 1, 6);
  metric_assert_value (table, "A", NULL, "return_rate", 6, 289, 6.0 / 289);

  metric_assert_value (table, "B", NULL, "inquiry_conversion_rate", 582, 1455, 0.4);
  metric_assert_value (table, "B", NULL, "payment_rate", 247, 325, 0.76);
  metric_assert_value (table, "B", NULL, "unit_price_ratio", 76.90, 66.30, 76.90 / 66.30);
  metric_assert_value (table, "B", NULL, "first_response_time", 8, 1, 8);
  metric_assert_value (table, "B", NULL, "avg_response_time", 19, 1, 19);
  metric_assert_value (table, "B", NULL, "monthly_returns", 23, 1, 23);

  metric_assert_value (table, "C", NULL, "inquiry_conversion_rate", 232, 800, 0.29);
  metric_assert_value (table, "C", NULL, "payment_rate", 198, 225, 0.88);
  metric_assert_value (table, "C", NULL, "unit_price_ratio", 82.80, 66.30, 82.80 / 66.30);
  metric_assert_value (table, "C", NULL, "first_response_time", 16, 1, 16);
  metric_assert_value (table, "C", NULL, "avg_response_time", 27, 1, 27);
  metric_assert_value (table, "C", NULL, "monthly_returns", 0, 1, 0);   /* a real zero */

  /* The shop's unit price is its own figure; its conversion is the total
   * of its agents: (88 + 582 + 232) ÷ (275 + 1455 + 800) = 902 ÷ 2530. */
  metric_assert_value (table, NULL, NULL, "unit_price", 66.30, 1, 66.30);
  metric_assert_value (table, NULL, NULL, "inquiry_conversion_rate", 902, 2530, 902.0 / 2530);
  g_assert_cmpuint (metric_count_notes (table, NULL, "inquiry_conversion_rate", KEFU_METRIC_NOTE_AGENTS_TOTAL), ==, 1);
  g_assert_cmpuint (metric_count_notes (table, NULL, "unit_price", KEFU_METRIC_NOTE_AGENTS_TOTAL), ==, 0);

  value = metric_get (table, "A", NULL, "payment_rate");
  g_assert_false (value->estimated);
  g_assert_false (value->from_events);
  g_assert_nonnull (value->batches);
  g_assert_cmpuint (value->batches->len, ==, 1);
  g_assert_cmpint (g_array_index (value->batches, gint64, 0), ==, 1);

  /* Not in the file: missing, never zero. */
  metric_assert_missing (table, "A", NULL, "consult_buyers", KEFU_METRIC_MISSING_NO_DATA);
  metric_assert_missing (table, "A", NULL, "response_rate_30s", KEFU_METRIC_MISSING_NO_DATA);
}

static const char *three_days =
  "客服,日期,询单人数,询单付款人数,人工接待人数,3分钟人工回复率,平均响应时长(秒),咨询人数\n"
  "店:小安,2026-10-01,100,10,80,90%,20,120\n"
  "店:小安,2026-10-02,50,30,40,95%,30,60\n"
  "店:小安,2026-10-03,10,1,20,-,延迟统计,15\n"
  "店:小贝,2026-10-01,40,8,30,100%,10,50\n";

/* Three days of daily rows into one period: Σ numerator ÷ Σ denominator,
 * the estimated flag carried, never a mean of daily rates. */
static void
test_three_days (MetricFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) by_day = NULL;
  g_autoptr(KefuMetricTable) shop_days = NULL;
  const KefuMetricValue *value;

  metric_import (fixture, "客服日报.csv", three_days);
  table = metric_query (fixture, "2026-10-01", "2026-10-03", KEFU_GROUP_AGENT, NULL);

  /* (10 + 30 + 1) ÷ (100 + 50 + 10) = 41 ÷ 160 = 0.25625 — the mean of
   * the daily rates, (0.1 + 0.6 + 0.1) ÷ 3 = 0.2667, would be wrong. */
  metric_assert_value (table, "小安", NULL, "inquiry_conversion_rate", 41, 160, 0.25625);
  g_assert_false (metric_get (table, "小安", NULL, "inquiry_conversion_rate")->estimated);

  /* Rates rebuilt on 人工接待人数: 0.90 × 80 + 0.95 × 40 = 110 of 120;
   * the 10-03 placeholder is left out, not read as zero. */
  metric_assert_value (table, "小安", NULL, "response_rate_3min", 110, 120, 110.0 / 120);
  value = metric_get (table, "小安", NULL, "response_rate_3min");
  g_assert_true (value->estimated);
  g_assert_cmpuint (value->batches->len, ==, 1);

  /* 20 s × 80 + 30 s × 40 = 2800 s over 120 buyers; 延迟统计 is missing. */
  metric_assert_value (table, "小安", NULL, "avg_response_time", 2800, 120, 2800.0 / 120);
  g_assert_true (metric_get (table, "小安", NULL, "avg_response_time")->estimated);

  /* Totals add up: 120 + 60 + 15 over three rows. */
  metric_assert_value (table, "小安", NULL, "consult_buyers", 195, 3, 195);

  /* The shop, summed over its agents: (41 + 8) ÷ (160 + 40). */
  metric_assert_value (table, NULL, NULL, "inquiry_conversion_rate", 49, 200, 0.245);

  by_day = metric_query (fixture, "2026-10-01", "2026-10-03", KEFU_GROUP_AGENT_DAY, NULL);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (by_day), ==, 3 * 3);  /* shop, 小安, 小贝 × 3 days */
  metric_assert_value (by_day, "小安", "2026-10-02", "inquiry_conversion_rate", 30, 50, 0.6);
  metric_assert_missing (by_day, "小安", "2026-10-03", "response_rate_3min", KEFU_METRIC_MISSING_NO_DATA);
  metric_assert_missing (by_day, "小贝", "2026-10-02", "inquiry_conversion_rate", KEFU_METRIC_MISSING_NO_DATA);

  /* Whole shop by day: 10-01 is (10 + 8) ÷ (100 + 40). */
  shop_days = metric_query (fixture, "2026-10-01", "2026-10-03", KEFU_GROUP_DAY, NULL);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (shop_days), ==, 3);
  metric_assert_value (shop_days, NULL, "2026-10-01", "inquiry_conversion_rate", 18, 140, 18.0 / 140);
}

/* A figure for 10-01…10-07 cannot be split into a shorter period. */
static void
test_partial_period (MetricFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(KefuMetricTable) inside = NULL;
  g_autoptr(KefuMetricTable) shorter = NULL;
  g_autoptr(KefuMetricTable) mixed = NULL;
  g_autoptr(KefuMetricTable) by_day = NULL;

  metric_import (fixture, "week.csv",
                 "客服,开始日期,结束日期,月退货量\n"
                 "店:小安,2026-10-01,2026-10-07,5\n");
  metric_import (fixture, "day.csv",
                 "客服,日期,月退货量\n"
                 "店:小安,2026-10-08,2\n");

  inside = metric_query (fixture, "2026-10-01", "2026-10-08", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (inside, "小安", NULL, "monthly_returns", 7, 2, 7);

  shorter = metric_query (fixture, "2026-10-01", "2026-10-03", KEFU_GROUP_AGENT, NULL);
  metric_assert_missing (shorter, "小安", NULL, "monthly_returns", KEFU_METRIC_MISSING_PARTIAL_PERIOD);
  metric_assert_missing (shorter, NULL, NULL, "monthly_returns", KEFU_METRIC_MISSING_PARTIAL_PERIOD);

  /* 10-05…10-08: the day counts, the week is left out and noted. */
  mixed = metric_query (fixture, "2026-10-05", "2026-10-08", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (mixed, "小安", NULL, "monthly_returns", 2, 1, 2);
  g_assert_cmpuint (metric_count_notes (mixed, "小安", "monthly_returns", KEFU_METRIC_NOTE_PARTIAL_PERIOD), ==, 1);

  /* By day, the week goes into no day's row. */
  by_day = metric_query (fixture, "2026-10-01", "2026-10-08", KEFU_GROUP_AGENT_DAY, NULL);
  metric_assert_missing (by_day, "小安", "2026-10-03", "monthly_returns", KEFU_METRIC_MISSING_PARTIAL_PERIOD);
  metric_assert_value (by_day, "小安", "2026-10-08", "monthly_returns", 2, 1, 2);
}

/* A zero is a value; a placeholder, a blank or nothing is missing. */
static void
test_missing_vs_zero (MetricFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "客服指标.csv",
                 "客服,开始日期,结束日期,询单人数,询单付款人数,月退货量,慢响应次数\n"
                 "店:小安,2026-10-01,2026-10-31,0,0,0,-\n"
                 "店:小贝,2026-10-01,2026-10-31,20,5,延迟统计,3\n");
  metric_import (fixture, "chat.csv",
                 "buyer,agent,sent_at,sender\n"
                 "m1,,2026-10-05 07:00:00,买家\n"          /* before the window */
                 "m1,店:小丙,2026-10-05 07:00:30,客服\n");

  table = metric_query (fixture, "2026-10-01", "2026-10-31", KEFU_GROUP_AGENT, NULL);

  /* 小安: 0 inquiries, 0 returns — zeros; no conversion rate over them. */
  metric_assert_value (table, "小安", NULL, "inquiry_buyers", 0, 1, 0);
  metric_assert_value (table, "小安", NULL, "monthly_returns", 0, 1, 0);
  metric_assert_missing (table, "小安", NULL, "inquiry_conversion_rate", KEFU_METRIC_MISSING_NO_DATA);
  /* No slow responses in the logs, "-" in the export: missing. */
  metric_assert_missing (table, "小安", NULL, "slow_responses", KEFU_METRIC_MISSING_NO_DATA);
  /* 小贝: 延迟统计 is not final, so missing. */
  metric_assert_missing (table, "小贝", NULL, "monthly_returns", KEFU_METRIC_MISSING_NO_DATA);
  metric_assert_value (table, "小贝", NULL, "slow_responses", 3, 1, 3);
  /* 小丙 answered outside the window: no turn to rate, a real 0/0. */
  metric_assert_missing (table, "小丙", NULL, "response_rate_30s", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  metric_assert_value (table, "小丙", NULL, "slow_responses", 0, 1, 0);
  metric_assert_value (table, "小丙", NULL, "messages_sent", 1, 1, 1);
}

/* Every agent of the shop has a row, data or not. */
static void
test_agent_without_data (MetricFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) one = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  const char *only[] = { "payment_rate", "unit_price_ratio", NULL };
  gint64 agents[2];
  guint n_metrics;
  GDate from, to;
  int row;

  import_womenswear (fixture);
  metric_import (fixture, "九月.csv",
                 "客服,日期,询单人数,询单付款人数\n"
                 "店:小丙,2026-09-15,10,2\n");

  table = metric_query (fixture, "2026-10-01", "2026-10-30", KEFU_GROUP_AGENT, NULL);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (table), ==, 5);
  row = metric_find_row (table, "小丙", NULL);
  g_assert_cmpint (row, >=, 0);
  keys = kefu_metric_table_get_keys (table);
  kefu_metric_get_all (&n_metrics);
  g_assert_cmpuint (g_strv_length (keys), ==, n_metrics);
  for (guint i = 0; keys[i] != NULL; i++)
    metric_assert_missing (table, "小丙", NULL, keys[i], KEFU_METRIC_MISSING_NO_DATA);

  /* Asked for one agent and two metrics: the shop's row and theirs. */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 10, 2026);
  g_date_set_dmy (&to, 30, 10, 2026);
  agents[0] = kefu_metric_query_find_agent (fixture->store, fixture->shop_id, "小丙", &error);
  g_assert_no_error (error);
  one = kefu_metric_query (fixture->store, fixture->shop_id, &from, &to, agents, 1, only,
                           KEFU_GROUP_AGENT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (one), ==, 2);
  metric_assert_missing (one, "小丙", NULL, "payment_rate", KEFU_METRIC_MISSING_NO_DATA);
  g_assert_null (kefu_metric_table_get (one, metric_find_row (one, "小丙", NULL), "agent_sales"));

  /* An agent of no shop, an unknown key, a backwards period. */
  agents[1] = 999;
  g_assert_null (kefu_metric_query (fixture->store, fixture->shop_id, &from, &to, agents, 2, NULL,
                                    KEFU_GROUP_AGENT, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kefu_metric_query (fixture->store, fixture->shop_id, &from, &to, NULL, 0,
                                    (const char *[]) { "happiness", NULL },
                                    KEFU_GROUP_AGENT, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (kefu_metric_query (fixture->store, fixture->shop_id, &to, &from, NULL, 0, NULL,
                                    KEFU_GROUP_AGENT, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (kefu_metric_query_find_agent (fixture->store, fixture->shop_id, "nobody", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Without the shop's own unit price, no ratio against it. */
static void
test_no_shop_figure (MetricFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "客单价.csv",
                 "客服,开始日期,结束日期,客单价,询单付款人数\n"
                 "店:小安,2026-10-01,2026-10-31,80,10\n"
                 "店:小贝,2026-10-01,2026-10-31,60,30\n");
  table = metric_query (fixture, "2026-10-01", "2026-10-31", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (table, "小安", NULL, "unit_price", 800, 10, 80);
  /* (800 + 1800) ÷ 40 is the agents' figure, not the shop's. */
  metric_assert_value (table, NULL, NULL, "unit_price", 2600, 40, 65);
  metric_assert_missing (table, "小安", NULL, "unit_price_ratio", KEFU_METRIC_MISSING_NO_SHOP_FIGURE);
  metric_assert_missing (table, NULL, NULL, "unit_price_ratio", KEFU_METRIC_MISSING_NO_SHOP_FIGURE);
}

/* Both roads have the metric: the export wins, a gap over 1 % is noted. */
static void
test_prefer_export (MetricFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) month = NULL;
  GPtrArray *notes;
  const KefuMetricNote *note = NULL;
  int row;

  metric_import (fixture, "chat.csv",
                 "buyer,agent,sent_at,sender\n"
                 "b1,,2026-10-05 10:00:00,买家\n"
                 "b1,店:小安,2026-10-05 10:00:40,客服\n"   /* 40 s, the conversation's first */
                 "b1,,2026-10-05 10:02:00,买家\n"
                 "b1,店:小安,2026-10-05 10:05:30,客服\n"); /* 210 s: mean 125 s */
  metric_import (fixture, "客服日报.csv",
                 "客服,日期,平均响应时长(秒),首次响应时长(秒)\n"
                 "店:小安,2026-10-05,130,40\n");

  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  /* |125 − 130| ÷ 130 = 3.8 % > 1 %: kept 130, noted. */
  metric_assert_value (table, "小安", NULL, "avg_response_time", 130, 1, 130);
  g_assert_false (metric_get (table, "小安", NULL, "avg_response_time")->from_events);
  g_assert_cmpuint (metric_count_notes (table, "小安", "avg_response_time", KEFU_METRIC_NOTE_DISAGREEMENT), ==, 1);
  row = metric_find_row (table, "小安", NULL);
  notes = kefu_metric_table_get_notes (table, row);
  for (guint i = 0; i < notes->len; i++)
    if (((KefuMetricNote *) g_ptr_array_index (notes, i))->kind == KEFU_METRIC_NOTE_DISAGREEMENT)
      note = g_ptr_array_index (notes, i);
  g_assert_nonnull (note);
  g_assert_cmpfloat (note->export_value, ==, 130);
  g_assert_cmpfloat (note->event_value, ==, 125);

  /* They agree on the first response: no note. */
  metric_assert_value (table, "小安", NULL, "first_response_time", 40, 1, 40);
  g_assert_cmpuint (metric_count_notes (table, "小安", "first_response_time", KEFU_METRIC_NOTE_DISAGREEMENT), ==, 0);
  /* What only the logs have comes from them. */
  metric_assert_value (table, "小安", NULL, "response_rate_3min", 1, 2, 0.5);
  g_assert_true (metric_get (table, "小安", NULL, "response_rate_3min")->from_events);

  /* The shop has no export of its own: logs of the whole day beat the
   * total of its agents' exports (250 s over 2 turns)… */
  metric_assert_value (table, NULL, NULL, "avg_response_time", 250, 2, 125);
  /* …but logs of one day in October do not. */
  month = metric_query (fixture, "2026-10-01", "2026-10-31", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (month, NULL, NULL, "avg_response_time", 130, 1, 130);
  g_assert_cmpuint (metric_count_notes (month, NULL, "avg_response_time", KEFU_METRIC_NOTE_AGENTS_TOTAL), ==, 1);
  g_assert_cmpuint (metric_count_notes (month, NULL, "response_rate_3min", KEFU_METRIC_NOTE_PARTIAL_PERIOD), ==, 1);
}

/* Yesterday, the same day last week, the mean of the 7 days before. */
static void
test_comparisons (MetricFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("客服,日期,咨询人数,询单人数,询单付款人数\n");
  g_autoptr(KefuMetricTable) previous = NULL;
  g_autoptr(KefuMetricTable) week = NULL;
  g_autoptr(KefuMetricTable) mean = NULL;
  g_autoptr(GError) error = NULL;
  GDate day, from, to;

  /* Day d of October: 10·d consulting buyers, 100 inquiring, d paying. */
  for (int d = 1; d <= 8; d++)
    g_string_append_printf (csv, "店:小安,2026-10-%02d,%d,100,%d\n", d, 10 * d, d);
  metric_import (fixture, "daily.csv", csv->str);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 8, 10, 2026);

  previous = kefu_metric_query_compare (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                        KEFU_GROUP_AGENT, NULL, KEFU_COMPARE_PREVIOUS_PERIOD, NULL, &error);
  g_assert_no_error (error);
  metric_assert_value (previous, "小安", NULL, "consult_buyers", 70, 1, 70);

  week = kefu_metric_query_compare (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                    KEFU_GROUP_AGENT, NULL, KEFU_COMPARE_LAST_WEEK, NULL, &error);
  g_assert_no_error (error);
  metric_assert_value (week, "小安", NULL, "consult_buyers", 10, 1, 10);

  /* 10-01…10-07: 280 consulting buyers in 7 days, 40 a day; conversion
   * (1 + … + 7) ÷ 700 = 28 ÷ 700 over the week, not a mean of days. */
  mean = kefu_metric_query_compare (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                    KEFU_GROUP_AGENT, NULL, KEFU_COMPARE_7_DAY_MEAN, NULL, &error);
  g_assert_no_error (error);
  metric_assert_value (mean, "小安", NULL, "consult_buyers", 280, 7, 40);
  metric_assert_value (mean, "小安", NULL, "inquiry_conversion_rate", 28, 700, 0.04);

  g_assert_null (kefu_metric_query_compare (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                            KEFU_GROUP_DAY, NULL, KEFU_COMPARE_7_DAY_MEAN, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  /* A three-day period's previous period is the three days before. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 3, 2026);
  to = from;
  g_date_add_days (&to, 2);
  kefu_metric_comparison_get_period (KEFU_COMPARE_PREVIOUS_PERIOD, &from, &to, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 26);
  g_assert_cmpint (g_date_get_month (&from), ==, 2);
  g_assert_cmpint (g_date_get_day (&to), ==, 28);
}

/* ——— kefu-cli metrics ——— */

static int
run_cli (MetricFixture  *fixture,
         char          **out,
         const char     *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, g_strdup (g_getenv ("KEFU_CLI")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_build_filename (fixture->dir, "kefu.db", NULL));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_cli_json (MetricFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *root, *row, *metrics, *value;
  JsonArray *rows;

  if (g_getenv ("KEFU_CLI") == NULL)
    {
      g_test_skip ("KEFU_CLI is not set");
      return;
    }

  import_womenswear (fixture);
  g_assert_cmpint (run_cli (fixture, &out, "metrics", "--from", "2026-10-01", "--to", "2026-10-30",
                            "--agent", "A", "--metric", "inquiry_conversion_rate",
                            "--metric", "consult_buyers", "--format", "json", NULL), ==, 0);

  /* Numbers as written, without float noise. */
  g_assert_nonnull (strstr (out, "\"value\": 0.32, \"numerator\": 88, \"denominator\": 275"));

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-10-01");
  g_assert_cmpstr (json_object_get_string_member (root, "to"), ==, "2026-10-30");
  g_assert_cmpstr (json_object_get_string_member (root, "shop"), ==, "小鹿女装");
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);   /* the shop and A */

  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "agent"), ==, "A");
  g_assert_true (json_object_get_null_member (row, "day"));
  metrics = json_object_get_object_member (row, "metrics");
  value = json_object_get_object_member (metrics, "inquiry_conversion_rate");
  g_assert_cmpfloat (json_object_get_double_member (value, "value"), ==, 0.32);
  g_assert_cmpfloat (json_object_get_double_member (value, "numerator"), ==, 88);
  g_assert_cmpfloat (json_object_get_double_member (value, "denominator"), ==, 275);
  g_assert_false (json_object_get_boolean_member (value, "estimated"));
  g_assert_true (json_object_get_null_member (value, "missing"));
  value = json_object_get_object_member (metrics, "consult_buyers");
  g_assert_true (json_object_get_null_member (value, "value"));
  g_assert_cmpstr (json_object_get_string_member (value, "missing"), ==, "no-data");

  /* The shop row has no agent. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 0), "agent"));
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
test_cli_table (MetricFixture *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *usage = NULL;
  g_auto(GStrv) lines = NULL;
  guint width = 0;

  if (g_getenv ("KEFU_CLI") == NULL)
    {
      g_test_skip ("KEFU_CLI is not set");
      return;
    }

  metric_import (fixture, "客服日报.csv", three_days);
  g_assert_cmpint (run_cli (fixture, &out, "metrics", "--from", "2026-10-01", "--to", "2026-10-03",
                            "--metric", "inquiry_conversion_rate", "--metric", "avg_response_time",
                            "--metric", "consult_buyers", NULL), ==, 0);

  /* Aligned although agent names are two columns a character. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; i < 4; i++)
    {
      if (i == 0)
        width = display_width (lines[i]);
      g_assert_cmpuint (display_width (lines[i]), ==, width);
    }
  g_assert_nonnull (strstr (lines[2], "小安"));
  /* 41 ÷ 160 = 25.625 %, rounded half away from zero as scores are */
  g_assert_nonnull (strstr (lines[2], "25.63%"));
  g_assert_nonnull (strstr (lines[2], "23.3 s*")); /* estimated */
  g_assert_nonnull (strstr (out, "* "));

  g_assert_cmpint (run_cli (fixture, &csv, "metrics", "--from", "2026-10-01", "--to", "2026-10-03",
                            "--by", "agent,day", "--metric", "inquiry_conversion_rate",
                            "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (csv, "agent,day,inquiry_conversion_rate,inquiry_conversion_rate_missing\n"));
  g_assert_nonnull (strstr (csv, "\n小安,2026-10-02,0.6,\n"));
  g_assert_nonnull (strstr (csv, "\n小贝,2026-10-02,,no-data\n"));

  /* Usage mistakes exit 2. */
  g_assert_cmpint (run_cli (fixture, &usage, "metrics", "--from", "2026-10-01", NULL), ==, 2);
  g_clear_pointer (&usage, g_free);
  g_assert_cmpint (run_cli (fixture, &usage, "metrics", "--from", "2026-10-01", "--to", "2026-10-03",
                            "--by", "week", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/metrics/" path, MetricFixture, NULL, metric_fixture_set_up, func, metric_fixture_tear_down)

  ADD ("Aggregate/womenswear", test_womenswear);
  ADD ("Aggregate/three-days", test_three_days);
  ADD ("Aggregate/partial-period", test_partial_period);
  ADD ("Aggregate/missing-vs-zero", test_missing_vs_zero);
  ADD ("Aggregate/no-shop-figure", test_no_shop_figure);
  ADD ("Query/agent-without-data", test_agent_without_data);
  ADD ("Query/comparisons", test_comparisons);
  ADD ("Merge/prefer-export", test_prefer_export);
  ADD ("Cli/json", test_cli_json);
  ADD ("Cli/table", test_cli_table);

#undef ADD

  return g_test_run ();
}
