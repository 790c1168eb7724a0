/* test-charts.c — what charts draw, without a display: axes, ticks and
 * their labels, the series, bars, grids, histograms, radars and DSR
 * history built from metric tables, score reports and the store
 *
 * Every expected figure is worked out by hand beside the data. Times are
 * Shanghai wall clock; 2026-10-05 is a Monday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kefu-metric-test-utils.h"

/* ------------------------------------------------------------ tables */

static guint
add_row (KefuMetricTable *table,
         gint64           agent_id,
         const char      *name,
         const char      *day)
{
  KefuMetricRowKey key = { 0 };

  key.agent_id = agent_id;
  key.agent_name = name;
  key.agent_account = name;
  key.hour = -1;
  g_date_clear (&key.day, 1);
  if (day != NULL)
    g_date_set_parse (&key.day, day);
  return kefu_metric_table_add_row (table, &key);
}

static void
set_value (KefuMetricTable *table,
           guint            row,
           const char      *key,
           double           value)
{
  KefuMetricValue v = { value, value, 1, FALSE, KEFU_METRIC_MISSING_NONE, FALSE, NULL };

  kefu_metric_table_set (table, row, key, &v);
}

static void
set_missing (KefuMetricTable   *table,
             guint              row,
             const char        *key,
             KefuMetricMissing  missing)
{
  KefuMetricValue v = { NAN, NAN, NAN, FALSE, missing, FALSE, NULL };

  kefu_metric_table_set (table, row, key, &v);
}

static KefuMetricTable *
new_table (KefuGrouping grouping,
           const char  *from,
           const char  *to)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, from);
  g_date_set_parse (&b, to);
  return kefu_metric_table_new (grouping, &a, &b);
}

static void
assert_label (const KefuChartScale *scale,
              double                value,
              const char           *expected)
{
  g_autofree char *label = kefu_chart_scale_label (scale, value);

  g_assert_cmpstr (label, ==, expected);
}

/* ------------------------------------------------------------- scale */

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (kefu_chart_nice_step (0.0276), 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (kefu_chart_nice_step (0.2), 0.2, 1e-12);
  g_assert_cmpfloat (kefu_chart_nice_step (1), ==, 1);
  g_assert_cmpfloat (kefu_chart_nice_step (3), ==, 5);
  g_assert_cmpfloat (kefu_chart_nice_step (7), ==, 10);
  g_assert_cmpfloat (kefu_chart_nice_step (120), ==, 200);
  g_assert_cmpfloat (kefu_chart_nice_step (0), ==, 1);
}

static void
test_scale_percent (void)
{
  KefuChartScale scale;

  /* 85.3 %…99.1 %, 6 ticks: (0.991 − 0.853) ÷ 5 = 0.0276 → 5 %:
   * 85 %, 90 %, 95 %, 100 %. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_FRACTION, 0.853, 0.991, 6, FALSE);
  g_assert_cmpfloat_with_epsilon (scale.min, 0.85, 1e-12);
  g_assert_cmpfloat_with_epsilon (scale.max, 1.0, 1e-12);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  assert_label (&scale, kefu_chart_scale_tick (&scale, 1), "90%");
  assert_label (&scale, kefu_chart_scale_tick (&scale, 3), "100%");
  g_assert_cmpfloat_with_epsilon (kefu_chart_scale_normalise (&scale, 0.9), 1.0 / 3, 1e-12);

  /* Only zeros: 0 … 10 % by 5 %, never below 0 %. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_FRACTION, 0, 0, 5, TRUE);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat_with_epsilon (scale.max, 0.1, 1e-12);
  g_assert_cmpuint (scale.n_ticks, ==, 3);
  assert_label (&scale, 0.05, "5%");

  /* A single 0 % without zero asked for still never goes below 0 %. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_FRACTION, 0, 0, 5, FALSE);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >, 0);
  g_assert_cmpfloat_with_epsilon (kefu_chart_scale_normalise (&scale, 0), 0, 1e-12);

  /* Fine steps get their decimal: 0.5 %. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_FRACTION, 0.01, 0.03, 5, FALSE);
  g_assert_cmpfloat_with_epsilon (scale.step, 0.005, 1e-12);
  assert_label (&scale, 0.015, "1.5%");
}

static void
test_scale_seconds (void)
{
  KefuChartScale scale;

  /* 0…250 s, 6 ticks: 50 s a step → the clock's 1 min: 0…5 min. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_SECONDS, 0, 250, 6, TRUE);
  g_assert_cmpfloat (scale.step, ==, 60);
  g_assert_cmpfloat (scale.max, ==, 300);
  g_assert_cmpuint (scale.n_ticks, ==, 6);
  assert_label (&scale, 0, "0");
  assert_label (&scale, 60, "1 min");
  assert_label (&scale, 300, "5 min");

  /* 0…40 s, 5 ticks: 10 s. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_SECONDS, 3, 40, 5, TRUE);
  g_assert_cmpfloat (scale.step, ==, 10);
  g_assert_cmpuint (scale.n_ticks, ==, 5);
  assert_label (&scale, 30, "30 s");

  /* 0…20000 s, 6 ticks: 4000 s → 2 h; 0…6 h. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_SECONDS, 0, 20000, 6, TRUE);
  g_assert_cmpfloat (scale.step, ==, 7200);
  g_assert_cmpfloat (scale.max, ==, 21600);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  assert_label (&scale, 7200, "2 h");

  /* 0…100 s, 5 ticks: 25 s → 30 s; 0…120 s in seconds. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_SECONDS, 0, 100, 5, TRUE);
  g_assert_cmpfloat (scale.step, ==, 30);
  assert_label (&scale, 90, "90 s");
}

static void
test_scale_money (void)
{
  KefuChartScale scale;

  /* ¥0…123,456, 6 ticks: 24,691 → 50,000: ¥0, ¥5万, ¥10万, ¥15万. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_YUAN, 0, 123456, 6, TRUE);
  g_assert_cmpfloat (scale.step, ==, 50000);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  g_assert_true (scale.ten_thousands);
  assert_label (&scale, 50000, "¥5万");
  assert_label (&scale, 150000, "¥15万");

  /* ¥0…1,234, 5 ticks: 308.5 → 500: ¥1,000 grouped. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_YUAN, 0, 1234, 5, TRUE);
  g_assert_cmpfloat (scale.step, ==, 500);
  g_assert_false (scale.ten_thousands);
  assert_label (&scale, 1000, "¥1,000");

  /* ¥0…25,000, 6 ticks: 5,000 → ¥0.5万 steps. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_YUAN, 0, 25000, 6, TRUE);
  assert_label (&scale, 5000, "¥0.5万");
}

static void
test_scale_count (void)
{
  KefuChartScale scale;

  /* 3…17 from zero, 5 ticks: 17 ÷ 4 = 4.25 → 5: 0…20. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_COUNT, 3, 17, 5, TRUE);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 20);
  g_assert_cmpuint (scale.n_ticks, ==, 5);
  assert_label (&scale, 15, "15");

  /* 4.61…4.93 DSR, 5 ticks: 0.08 → 0.1: 4.6…5.0. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_SCORE, 4.61, 4.93, 5, FALSE);
  g_assert_cmpfloat_with_epsilon (scale.min, 4.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.max, 5.0, 1e-9);
  assert_label (&scale, kefu_chart_scale_tick (&scale, 2), "4.8");

  /* A single value gets room around it. */
  kefu_chart_scale_init (&scale, KEFU_UNIT_COUNT, 50, 50, 5, FALSE);
  g_assert_cmpfloat (scale.min, <, 50);
  g_assert_cmpfloat (scale.max, >, 50);
}

static void
test_days (void)
{
  GDate day;
  g_autofree char *label = NULL;

  /* 31 days in at most 8 labels: every 5th day (7 labels). */
  g_assert_cmpuint (kefu_chart_day_step (31, 8), ==, 5);
  g_assert_cmpuint (kefu_chart_day_step (7, 8), ==, 1);
  g_assert_cmpuint (kefu_chart_day_step (14, 8), ==, 2);
  g_assert_cmpuint (kefu_chart_day_step (92, 8), ==, 14);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 10, 2026);
  label = kefu_chart_format_day (&day);
  g_assert_cmpstr (label, ==, "10/1");
}

/* ------------------------------------------------------------ series */

static void
test_trend_series (void)
{
  g_autoptr(KefuMetricTable) table = new_table (KEFU_GROUP_AGENT_DAY, "2026-10-01", "2026-10-03");
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  const gint64 only_b[] = { 2 };
  KefuChartSeries *s;
  double lo = NAN, hi = NAN;
  guint r;

  r = add_row (table, 0, NULL, "2026-10-01");
  set_value (table, r, "response_rate_3min", 0.9);
  set_value (table, r, "messages_sent", 300);
  r = add_row (table, 0, NULL, "2026-10-02");
  set_value (table, r, "response_rate_3min", 0.8);
  set_value (table, r, "messages_sent", 200);
  r = add_row (table, 0, NULL, "2026-10-03");
  set_missing (table, r, "response_rate_3min", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  set_missing (table, r, "messages_sent", KEFU_METRIC_MISSING_NO_DATA);
  r = add_row (table, 1, "A", "2026-10-01");
  set_value (table, r, "response_rate_3min", 1.0);
  set_value (table, r, "messages_sent", 100);
  r = add_row (table, 1, "A", "2026-10-02");
  set_value (table, r, "response_rate_3min", 0.7);
  set_value (table, r, "messages_sent", 40);
  r = add_row (table, 2, "B", "2026-10-01");
  set_value (table, r, "response_rate_3min", 0.85);
  set_value (table, r, "messages_sent", 200);
  r = add_row (table, 2, "B", "2026-10-02");
  set_missing (table, r, "response_rate_3min", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  set_value (table, r, "messages_sent", 160);
  kefu_metric_table_sort (table);

  /* A rate: the shop's own line first, then each agent; a missing day
   * keeps its reason. */
  rates = kefu_chart_trend_series (table, "response_rate_3min", NULL, 0);
  g_assert_cmpuint (rates->len, ==, 3);
  s = g_ptr_array_index (rates, 0);
  g_assert_cmpint (s->agent_id, ==, 0);
  g_assert_cmpuint (s->values->len, ==, 3);
  g_assert_cmpfloat (kefu_chart_series_get (s, 1), ==, 0.8);
  g_assert_true (isnan (kefu_chart_series_get (s, 2)));
  g_assert_cmpint (kefu_chart_series_get_missing (s, 2), ==, KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  s = g_ptr_array_index (rates, 1);
  g_assert_cmpstr (s->label, ==, "A");
  g_assert_cmpfloat (kefu_chart_series_get (s, 1), ==, 0.7);
  /* A has no row on the 3rd: no data. */
  g_assert_cmpint (kefu_chart_series_get_missing (s, 2), ==, KEFU_METRIC_MISSING_NO_DATA);
  g_assert_true (kefu_chart_series_get_range (s, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0.7);
  g_assert_cmpfloat (hi, ==, 1.0);

  /* A total: the agents' average of each day, (100 + 200) ÷ 2 = 150,
   * (40 + 160) ÷ 2 = 100; only B drawn. */
  totals = kefu_chart_trend_series (table, "messages_sent", only_b, 1);
  g_assert_cmpuint (totals->len, ==, 2);
  s = g_ptr_array_index (totals, 0);
  g_assert_cmpfloat (kefu_chart_series_get (s, 0), ==, 150);
  g_assert_cmpfloat (kefu_chart_series_get (s, 1), ==, 100);
  g_assert_true (isnan (kefu_chart_series_get (s, 2)));
  s = g_ptr_array_index (totals, 1);
  g_assert_cmpint (s->agent_id, ==, 2);
  g_assert_cmpfloat (kefu_chart_series_get (s, 1), ==, 160);
}

/* -------------------------------------------------------------- bars */

static KefuMetricTable *
agents_table (void)
{
  KefuMetricTable *table = new_table (KEFU_GROUP_AGENT, "2026-10-01", "2026-10-31");
  guint r;

  r = add_row (table, 0, NULL, NULL);
  set_value (table, r, "response_rate_3min", 0.88);
  set_value (table, r, "avg_response_time", 30);
  set_value (table, r, "monthly_returns", 8);
  r = add_row (table, 1, "A", NULL);
  set_value (table, r, "response_rate_3min", 0.8);
  set_value (table, r, "avg_response_time", 10);
  set_value (table, r, "monthly_returns", 1);
  r = add_row (table, 2, "B", NULL);
  set_value (table, r, "response_rate_3min", 0.95);
  set_value (table, r, "avg_response_time", 40);
  set_value (table, r, "monthly_returns", 5);
  r = add_row (table, 3, "C", NULL);
  set_missing (table, r, "response_rate_3min", KEFU_METRIC_MISSING_NO_DATA);
  set_value (table, r, "avg_response_time", 50);
  set_value (table, r, "monthly_returns", 2);
  kefu_metric_table_sort (table);
  return table;
}

#define BAR(b, i) ((KefuChartBar *) g_ptr_array_index ((b)->bars, (i)))

static void
test_bars_table (void)
{
  g_autoptr(KefuMetricTable) table = agents_table ();
  g_autoptr(KefuChartBars) rate = kefu_chart_bars_from_table (table, "response_rate_3min");
  g_autoptr(KefuChartBars) time = kefu_chart_bars_from_table (table, "avg_response_time");
  g_autoptr(KefuChartBars) returns = kefu_chart_bars_from_table (table, "monthly_returns");

  /* Higher is better: B 95 %, A 80 %, then C without data. */
  g_assert_cmpuint (rate->bars->len, ==, 3);
  g_assert_cmpstr (BAR (rate, 0)->label, ==, "B");
  g_assert_cmpstr (BAR (rate, 1)->label, ==, "A");
  g_assert_cmpstr (BAR (rate, 2)->label, ==, "C");
  g_assert_cmpint (BAR (rate, 2)->missing, ==, KEFU_METRIC_MISSING_NO_DATA);
  g_assert_cmpfloat (rate->reference, ==, 0.88);
  g_assert_cmpfloat (kefu_chart_bars_get_max (rate), ==, 0.95);
  g_assert_cmpint (rate->unit, ==, KEFU_UNIT_FRACTION);

  /* Lower is better: A 10 s, B 40 s, C 50 s. */
  g_assert_cmpstr (BAR (time, 0)->label, ==, "A");
  g_assert_cmpstr (BAR (time, 2)->label, ==, "C");

  /* A total: the shop's 8 is no reference for an agent. */
  g_assert_true (isnan (returns->reference));
  g_assert_cmpstr (BAR (returns, 0)->label, ==, "A");
}

/* Returns weigh 60, response time 40:
 *   A: 1 return → 100, 10 s → 100: 60 + 40 = 100
 *   B: 5 → 50, 40 s → 25: 30 + 10 = 40
 *   C: 2 → 100, 50 s → 25: 60 + 10 = 70 */
static const char *two_items =
  "{ \"id\": \"t\", \"name\": \"T\", \"items\": ["
  "  { \"metric\": \"monthly_returns\", \"weight\": 60, \"brackets\": ["
  "    { \"range\": \"(-inf, 3)\", \"points\": 100 },"
  "    { \"range\": \"[3, +inf)\", \"points\": 50 } ] },"
  "  { \"metric\": \"avg_response_time\", \"weight\": 40, \"brackets\": ["
  "    { \"range\": \"(-inf, 30)\", \"points\": 100 },"
  "    { \"range\": \"[30, +inf)\", \"points\": 25 } ] } ] }";

static KefuScoreReport *
two_item_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = kefu_scheme_new_from_data (two_items, -1, "t.json", &error);
  g_autoptr(KefuMetricTable) table = agents_table ();

  g_assert_no_error (error);
  return kefu_score_report_new (scheme, table, NULL);
}

static void
test_bars_report (void)
{
  g_autoptr(KefuScoreReport) report = two_item_report ();
  g_autoptr(KefuChartBars) bars = kefu_chart_bars_from_report (report);

  g_assert_cmpuint (bars->n_segments, ==, 2);
  g_assert_cmpuint (g_strv_length (bars->segment_labels), ==, 2);
  g_assert_cmpuint (bars->bars->len, ==, 3);
  g_assert_cmpstr (BAR (bars, 0)->label, ==, "A");
  g_assert_cmpfloat_with_epsilon (BAR (bars, 0)->value, 100, 1e-9);
  g_assert_cmpstr (BAR (bars, 1)->label, ==, "C");
  g_assert_cmpfloat_with_epsilon (BAR (bars, 1)->segments[0], 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (BAR (bars, 1)->segments[1], 10, 1e-9);
  g_assert_cmpstr (BAR (bars, 2)->label, ==, "B");
  g_assert_cmpfloat_with_epsilon (BAR (bars, 2)->value, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_chart_bars_get_max (bars), 100, 1e-9);
}

static void
test_radar (void)
{
  g_autoptr(KefuScoreReport) report = two_item_report ();
  g_autoptr(KefuChartRadar) radar = kefu_chart_radar_from_report (report, 2);

  /* B: 50 and 25 points; the average (100 + 50 + 100) ÷ 3 and
   * (100 + 25 + 25) ÷ 3 = 50. */
  g_assert_nonnull (radar);
  g_assert_cmpstr (radar->agent_name, ==, "B");
  g_assert_cmpuint (radar->n_axes, ==, 2);
  g_assert_cmpfloat (radar->agent[0], ==, 50);
  g_assert_cmpfloat (radar->agent[1], ==, 25);
  g_assert_cmpfloat_with_epsilon (radar->average[0], 250.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (radar->average[1], 50, 1e-9);
  g_assert_null (kefu_chart_radar_from_report (report, 99));
}

/* -------------------------------------------------------------- grid */

static void
test_grid (void)
{
  g_autoptr(KefuMetricTable) table = new_table (KEFU_GROUP_HOUR_WEEKDAY, "2026-10-01", "2026-10-31");
  KefuMetricRowKey key = { 0 };
  KefuChartGrid grid;
  guint r;

  g_date_clear (&key.day, 1);
  key.weekday = 1;
  key.hour = 9;
  r = kefu_metric_table_add_row (table, &key);
  set_value (table, r, "consult_buyers", 12);
  key.weekday = 7;
  key.hour = 23;
  r = kefu_metric_table_add_row (table, &key);
  set_value (table, r, "consult_buyers", 3);
  key.weekday = 3;
  key.hour = 0;
  r = kefu_metric_table_add_row (table, &key);
  set_missing (table, r, "consult_buyers", KEFU_METRIC_MISSING_NO_DATA);

  g_assert_true (kefu_chart_grid_from_table (&grid, table, "consult_buyers"));
  g_assert_cmpint (grid.unit, ==, KEFU_UNIT_COUNT);
  g_assert_cmpfloat (grid.values[0][9], ==, 12);
  g_assert_cmpfloat (grid.values[6][23], ==, 3);
  g_assert_true (isnan (grid.values[2][0]));
  g_assert_true (isnan (grid.values[4][12]));
  g_assert_cmpfloat (grid.min, ==, 3);
  g_assert_cmpfloat (grid.max, ==, 12);
}

/* --------------------------------------------------------- histogram */

static void
test_histogram (void)
{
  static const double times[] = { 5, 12, 25, 40, 70, 100, 200, 600 };
  g_autoptr(KefuResponseTimes) rt = kefu_response_times_new ();
  g_autoptr(KefuChartHistogram) histogram = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    kefu_response_times_add (rt, times[i]);
  rt->n_unanswered = 2;

  /* Nearest rank of 8: median the 4th (40 s), 90th percentile the 8th
   * (⌈7.2⌉), 95th the 8th too. */
  g_assert_cmpfloat (kefu_response_times_quantile (rt, 0.5), ==, 40);
  g_assert_cmpfloat (kefu_response_times_quantile (rt, 0.9), ==, 600);
  g_assert_cmpfloat (kefu_response_times_quantile (rt, 0.25), ==, 12);

  /* Up to 600 s in at most 7 ticks: 100 s → 2 min; 0…600 in 5 bins of
   * 120 s, and 600 s itself in the open last bin:
   * [0, 120): 5 12 25 40 70 100; [120, 240): 200; ≥ 600: 600. */
  histogram = kefu_chart_histogram_new (rt, 7);
  g_assert_cmpfloat (histogram->width, ==, 120);
  g_assert_true (histogram->open_end);
  g_assert_cmpuint (histogram->n_bins, ==, 6);
  g_assert_cmpuint (histogram->counts[0], ==, 6);
  g_assert_cmpuint (histogram->counts[1], ==, 1);
  g_assert_cmpuint (histogram->counts[2], ==, 0);
  g_assert_cmpuint (histogram->counts[5], ==, 1);
  g_assert_cmpuint (histogram->max_count, ==, 6);
  g_assert_cmpuint (histogram->n_answered, ==, 8);
  g_assert_cmpuint (histogram->n_unanswered, ==, 2);
  g_assert_cmpfloat (histogram->median, ==, 40);
  g_assert_cmpfloat (histogram->p90, ==, 600);
}

static void
test_histogram_empty (void)
{
  g_autoptr(KefuResponseTimes) rt = kefu_response_times_new ();
  g_autoptr(KefuChartHistogram) histogram = kefu_chart_histogram_new (rt, 8);

  g_assert_true (isnan (kefu_response_times_quantile (rt, 0.5)));
  g_assert_cmpuint (histogram->n_answered, ==, 0);
  g_assert_cmpuint (histogram->max_count, ==, 0);
  g_assert_true (isnan (histogram->median));
  g_assert_false (histogram->open_end);
}

static void
test_thresholds (void)
{
  g_assert_cmpfloat (kefu_platform_threshold ("douyin", "response_rate_3min"), ==, 0.9);
  g_assert_cmpfloat (kefu_platform_threshold ("jd", "avg_response_time"), ==, 40);
  g_assert_true (isnan (kefu_platform_threshold ("pinduoduo", "response_rate_3min")));
  g_assert_true (isnan (kefu_platform_threshold ("douyin", "agent_sales")));
}

/* ------------------------------------------------ from the message log */

static const char *turn_messages =
  "buyer,agent,sent_at,sender\n"
  /* The day before the period: read for state, never counted. */
  "b0,店:小安,2026-10-04 10:00:00,买家\n"
  "b0,店:小安,2026-10-04 10:00:05,客服\n"
  /* 小安: 40 s, then 210 s (the robot answers nothing). */
  "b1,,2026-10-05 10:00:00,买家\n"
  "b1,,2026-10-05 10:00:05,机器人\n"
  "b1,店:小安,2026-10-05 10:00:40,客服\n"
  "b1,,2026-10-05 10:02:00,买家\n"
  "b1,店:小安,2026-10-05 10:05:30,客服\n"
  /* 小贝: 10 s, 20 s, and 960 s for a buyer who wrote twice. */
  "b2,,2026-10-05 11:00:00,买家\n"
  "b2,店:小贝,2026-10-05 11:00:10,客服\n"
  "b2,,2026-10-05 11:05:00,买家\n"
  "b2,店:小贝,2026-10-05 11:05:20,客服\n"
  "b2,,2026-10-05 11:30:00,买家\n"
  "b2,,2026-10-05 11:45:00,买家\n"
  "b2,店:小贝,2026-10-05 11:46:00,客服\n"
  /* Outside the 08:00–23:00 window: not counted. */
  "b3,,2026-10-05 23:30:00,买家\n"
  "b3,店:小贝,2026-10-05 23:31:00,客服\n"
  /* Never answered, no agent named: the shop's only. */
  "b4,,2026-10-05 12:00:00,买家\n";

static void
assert_times (KefuResponseTimes *times,
              const double      *expected,
              guint              n)
{
  g_assert_cmpuint (times->times->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (g_array_index (times->times, double, i), ==, expected[i]);
}

static void
test_response_times (MetricFixture *fixture,
                     gconstpointer  data)
{
  static const double shop[] = { 10, 20, 40, 210, 960 };
  static const double xiaoan[] = { 40, 210 };
  static const double xiaobei[] = { 10, 20, 960 };
  g_autoptr(KefuResponseTimes) all = NULL;
  g_autoptr(KefuResponseTimes) a = NULL;
  g_autoptr(KefuResponseTimes) b = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;
  gint64 id_a, id_b;

  metric_import (fixture, "turns.csv", turn_messages);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, 10, 2026);
  id_a = kefu_metric_query_find_agent (fixture->store, fixture->shop_id, "小安", &error);
  g_assert_no_error (error);
  id_b = kefu_metric_query_find_agent (fixture->store, fixture->shop_id, "小贝", &error);
  g_assert_no_error (error);

  all = kefu_response_times_query (fixture->store, fixture->shop_id, &day, &day, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_times (all, shop, G_N_ELEMENTS (shop));
  g_assert_cmpuint (all->n_unanswered, ==, 1);
  /* Median: the 3rd of 5; 90th percentile: the 5th (⌈4.5⌉). */
  g_assert_cmpfloat (kefu_response_times_quantile (all, 0.5), ==, 40);
  g_assert_cmpfloat (kefu_response_times_quantile (all, 0.9), ==, 960);

  a = kefu_response_times_query (fixture->store, fixture->shop_id, &day, &day, id_a, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_times (a, xiaoan, G_N_ELEMENTS (xiaoan));
  g_assert_cmpuint (a->n_unanswered, ==, 0);

  b = kefu_response_times_query (fixture->store, fixture->shop_id, &day, &day, id_b, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_times (b, xiaobei, G_N_ELEMENTS (xiaobei));
}

/* ------------------------------------------------------------- DSR */

static void
test_dsr_history (MetricFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuDsrHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  GDate last;

  metric_import (fixture, "DSR_20260914.csv",
                 "指标,得分,行业均值\n"
                 "描述相符,4.80,4.79\n"
                 "服务态度,4.82,4.80\n"
                 "物流服务,4.75,4.81\n");
  metric_import (fixture, "DSR_20261014.csv",
                 "指标,得分,行业均值\n"
                 "描述相符,4.85,4.78\n"
                 "服务态度,4.86,4.80\n");

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, 10, 2026);
  history = kefu_dsr_history_query (fixture->store, fixture->shop_id, &last, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->n_months, ==, 3);
  g_assert_false (kefu_dsr_history_is_empty (history));

  /* August: nothing. */
  g_assert_cmpuint (g_date_get_month (&history->months[0].first), ==, 8);
  g_assert_true (isnan (history->months[0].shop[0]));
  g_assert_true (isnan (history->months[0].industry[0]));

  /* September: all three, beside the industry's. */
  g_assert_cmpuint (g_date_get_month (&history->months[1].first), ==, 9);
  g_assert_cmpfloat_with_epsilon (history->months[1].shop[2], 4.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (history->months[1].industry[2], 4.81, 1e-9);

  /* October: no logistics row. */
  g_assert_cmpfloat_with_epsilon (history->months[2].shop[0], 4.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (history->months[2].industry[0], 4.78, 1e-9);
  g_assert_true (isnan (history->months[2].shop[2]));
  g_assert_true (isnan (history->months[2].industry[2]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/scale/nice-step", test_nice_step);
  g_test_add_func ("/charts/scale/percent", test_scale_percent);
  g_test_add_func ("/charts/scale/seconds", test_scale_seconds);
  g_test_add_func ("/charts/scale/money", test_scale_money);
  g_test_add_func ("/charts/scale/count", test_scale_count);
  g_test_add_func ("/charts/scale/days", test_days);
  g_test_add_func ("/charts/series/trend", test_trend_series);
  g_test_add_func ("/charts/bars/table", test_bars_table);
  g_test_add_func ("/charts/bars/report", test_bars_report);
  g_test_add_func ("/charts/radar/report", test_radar);
  g_test_add_func ("/charts/grid/table", test_grid);
  g_test_add_func ("/charts/histogram/bins", test_histogram);
  g_test_add_func ("/charts/histogram/empty", test_histogram_empty);
  g_test_add_func ("/charts/thresholds/platform", test_thresholds);
  g_test_add ("/charts/response-times/query", MetricFixture, NULL,
              metric_fixture_set_up, test_response_times, metric_fixture_tear_down);
  g_test_add ("/charts/dsr-history/query", MetricFixture, NULL,
              metric_fixture_set_up, test_dsr_history, metric_fixture_tear_down);

  return g_test_run ();
}
