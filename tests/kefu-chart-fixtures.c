/* kefu-chart-fixtures.c — a shop's month made up for charts
 *
 * Figures are drawn from a seeded generator, so every run draws the same
 * charts: October 2026, agents named as a women's-wear shop names them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "kefu-chart-fixtures.h"

static const char * const names[] = {
  "小安", "小贝", "小橙", "小丁", "小鹅", "小芳", "小歌", "小禾", "小艺", "小橘",
};

static char *
agent_name (guint i)
{
  if (i < G_N_ELEMENTS (names))
    return g_strdup (names[i]);
  return g_strdup_printf ("客服%02u", i + 1);
}

void
kefu_chart_fixture_first_day (GDate *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, 1, 10, 2026);
}

static guint
add_row (KefuMetricTable *table,
         gint64           agent_id,
         const char      *name,
         const GDate     *day)
{
  KefuMetricRowKey key = { 0 };

  key.agent_id = agent_id;
  key.agent_name = name;
  key.agent_account = name;
  key.hour = -1;
  g_date_clear (&key.day, 1);
  if (day != NULL)
    key.day = *day;
  return kefu_metric_table_add_row (table, &key);
}

static void
set (KefuMetricTable *table,
     guint            row,
     const char      *key,
     double           value)
{
  KefuMetricValue v = { value, value, 1, FALSE, KEFU_METRIC_MISSING_NONE, FALSE, NULL };

  if (isnan (value))
    {
      v.numerator = v.denominator = NAN;
      v.missing = KEFU_METRIC_MISSING_NO_DATA;
    }
  kefu_metric_table_set (table, row, key, &v);
}

/* One agent's (or the shop's) figures, around the agent's own level. */
static void
fill (KefuMetricTable *table,
      guint            row,
      GRand           *rand,
      double           skill,
      double           volume)
{
  set (table, row, "response_rate_3min", CLAMP (0.86 + 0.08 * skill + g_rand_double_range (rand, -0.04, 0.04), 0, 1));
  set (table, row, "response_rate_30s", CLAMP (0.55 + 0.2 * skill + g_rand_double_range (rand, -0.08, 0.08), 0, 1));
  set (table, row, "avg_response_time", MAX (4, 28 - 14 * skill + g_rand_double_range (rand, -6, 6)));
  set (table, row, "first_response_time", MAX (3, 16 - 8 * skill + g_rand_double_range (rand, -3, 3)));
  set (table, row, "inquiry_conversion_rate", CLAMP (0.36 + 0.06 * skill + g_rand_double_range (rand, -0.03, 0.03), 0, 1));
  set (table, row, "payment_rate", CLAMP (0.86 + 0.05 * skill + g_rand_double_range (rand, -0.02, 0.02), 0, 1));
  set (table, row, "unit_price_ratio", 1.1 + 0.08 * skill + g_rand_double_range (rand, -0.05, 0.05));
  set (table, row, "monthly_returns", floor (MAX (0, 6 - 4 * skill + g_rand_double_range (rand, -2, 2)) * volume / 30));
  set (table, row, "consult_buyers", floor (volume * (1 + g_rand_double_range (rand, -0.25, 0.25))));
  set (table, row, "agent_sales", floor (volume * 260 * (1 + 0.2 * skill + g_rand_double_range (rand, -0.2, 0.2))));
  set (table, row, "messages_sent", floor (volume * 9 * (1 + g_rand_double_range (rand, -0.2, 0.2))));
}

static double
skill_of (guint agent)
{
  /* From the best (1) to the weakest (−1), evenly. */
  return 1 - 2.0 * (agent % 10) / 9;
}

/**
 * kefu_chart_fixture_daily:
 *
 * Returns: (transfer full): a table by agent and day from 2026-10-01
 */
KefuMetricTable *
kefu_chart_fixture_daily (guint n_agents,
                          guint n_days)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261001);
  GDate from, to;
  KefuMetricTable *table;

  kefu_chart_fixture_first_day (&from);
  to = from;
  g_date_add_days (&to, n_days - 1);
  table = kefu_metric_table_new (KEFU_GROUP_AGENT_DAY, &from, &to);
  for (guint d = 0; d < n_days; d++)
    {
      GDate day = from;
      /* Weekends are busier; the 11th is a sale. */
      gboolean weekend = g_date_get_weekday (&day) >= G_DATE_SATURDAY;
      double busy = (weekend ? 1.3 : 1.0) * (d == 10 ? 2.2 : 1.0);

      g_date_add_days (&day, d);
      fill (table, add_row (table, 0, NULL, &day), rand, 0.2 - 0.3 * (busy - 1), 30 * n_agents * busy);
      for (guint a = 0; a < n_agents; a++)
        {
          g_autofree char *name = agent_name (a);
          guint row = add_row (table, a + 1, name, &day);

          /* The newest agent joined on the 8th. */
          if (a == 2 && d < 7)
            {
              set (table, row, "response_rate_3min", NAN);
              set (table, row, "avg_response_time", NAN);
              continue;
            }
          fill (table, row, rand, skill_of (a) - 0.3 * (busy - 1), 30 * busy);
        }
    }
  kefu_metric_table_sort (table);
  return table;
}

/**
 * kefu_chart_fixture_agents:
 *
 * Returns: (transfer full): a table by agent for October 2026
 */
KefuMetricTable *
kefu_chart_fixture_agents (guint n_agents)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261031);
  GDate from, to;
  KefuMetricTable *table;

  kefu_chart_fixture_first_day (&from);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 31, 10, 2026);
  table = kefu_metric_table_new (KEFU_GROUP_AGENT, &from, &to);
  fill (table, add_row (table, 0, NULL, NULL), rand, 0.1, 900 * n_agents);
  for (guint a = 0; a < n_agents; a++)
    {
      g_autofree char *name = agent_name (a);

      fill (table, add_row (table, a + 1, name, NULL), rand, skill_of (a), 900);
    }
  kefu_metric_table_sort (table);
  return table;
}

/**
 * kefu_chart_fixture_report:
 *
 * Returns: (transfer full): @agents scored by the women's-wear scheme
 */
KefuScoreReport *
kefu_chart_fixture_report (KefuMetricTable *agents)
{
  g_autoptr(KefuScheme) scheme = kefu_scheme_new_builtin ("womenswear-composite", NULL);

  g_assert (scheme != NULL);
  return kefu_score_report_new (scheme, agents, NULL);
}

/* Buyers (or response time) by weekday and hour: a morning and an
 * evening peak, quiet nights, busier weekends. */
void
kefu_chart_fixture_grid (KefuChartGrid *grid,
                         gboolean       response_time)
{
  kefu_chart_grid_clear (grid, response_time ? KEFU_UNIT_SECONDS : KEFU_UNIT_COUNT);
  for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
    for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h++)
      {
        double load = 4 + 60 * exp (-pow (h - 10.5, 2) / 6) + 90 * exp (-pow (h - 21, 2) / 4) +
                      35 * exp (-pow (h - 15, 2) / 8);

        load *= d >= 5 ? 1.35 : 1;
        if (response_time)
          grid->values[d][h] = h < 8 || h >= 23 ? (h < 6 ? NAN : 180 + 5 * load) : 12 + 0.25 * load;
        else
          grid->values[d][h] = floor (load);
      }
  kefu_chart_grid_update (grid);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * kefu_chart_fixture_times:
 *
 * Returns: (transfer full): 2,000 response times with a long tail, and
 *   37 turns never answered
 */
KefuResponseTimes *
kefu_chart_fixture_times (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KefuResponseTimes *result = kefu_response_times_new ();

  for (guint i = 0; i < 2000; i++)
    {
      /* Log-normal around 15 s. */
      double u = g_rand_double_range (rand, 1e-9, 1), v = g_rand_double (rand);
      double t = round (exp (log (15) + 0.9 * sqrt (-2 * log (u)) * cos (2 * G_PI * v)));

      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    kefu_response_times_add (result, g_array_index (times, double, i));
  result->n_unanswered = 37;
  return result;
}

/**
 * kefu_chart_fixture_dsr:
 *
 * Returns: (transfer full): May to October 2026; no DSR in July
 */
KefuDsrHistory *
kefu_chart_fixture_dsr (void)
{
  static const double shop[6][3] = {
    { 4.78, 4.80, 4.75 }, { 4.80, 4.82, 4.77 }, { NAN, NAN, NAN },
    { 4.83, 4.81, 4.79 }, { 4.82, 4.85, 4.80 }, { 4.85, 4.86, 4.83 },
  };
  static const double industry[6][3] = {
    { 4.79, 4.79, 4.78 }, { 4.79, 4.80, 4.78 }, { NAN, NAN, NAN },
    { 4.80, 4.80, 4.80 }, { 4.79, 4.80, 4.81 }, { 4.78, 4.80, 4.81 },
  };
  KefuDsrHistory *history = kefu_dsr_history_new (6);

  for (guint i = 0; i < 6; i++)
    {
      g_date_clear (&history->months[i].first, 1);
      g_date_set_dmy (&history->months[i].first, 1, 5 + i, 2026);
      for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
        {
          history->months[i].shop[k] = shop[i][k];
          history->months[i].industry[k] = industry[i][k];
        }
    }
  return history;
}
