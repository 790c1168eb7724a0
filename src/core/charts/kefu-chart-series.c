/* kefu-chart-series.c — one line of a chart: a value per day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/kefu-chart-series.h"
#include "metrics/kefu-metric.h"

KefuChartSeries *
kefu_chart_series_new (const char *label,
                       gint64      agent_id,
                       guint       n_values)
{
  KefuChartSeries *self = g_new0 (KefuChartSeries, 1);

  self->label = g_strdup (label);
  self->agent_id = agent_id;
  self->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  self->missing = g_array_sized_new (FALSE, TRUE, sizeof (int), n_values);
  for (guint i = 0; i < n_values; i++)
    {
      double nan = NAN;
      int missing = KEFU_METRIC_MISSING_NO_DATA;

      g_array_append_val (self->values, nan);
      g_array_append_val (self->missing, missing);
    }
  return self;
}

void
kefu_chart_series_free (KefuChartSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_array_unref (self->values);
  g_array_unref (self->missing);
  g_free (self);
}

void
kefu_chart_series_set (KefuChartSeries       *self,
                       guint                  i,
                       const KefuMetricValue *value)
{
  g_return_if_fail (self != NULL && i < self->values->len);

  g_array_index (self->values, double, i) = value != NULL && value->missing == KEFU_METRIC_MISSING_NONE
                                            ? value->value : NAN;
  g_array_index (self->missing, int, i) = value != NULL ? (int) value->missing
                                                        : KEFU_METRIC_MISSING_NO_DATA;
}

double
kefu_chart_series_get (const KefuChartSeries *self,
                       guint                  i)
{
  g_return_val_if_fail (self != NULL, NAN);

  return i < self->values->len ? g_array_index (self->values, double, i) : NAN;
}

KefuMetricMissing
kefu_chart_series_get_missing (const KefuChartSeries *self,
                               guint                  i)
{
  g_return_val_if_fail (self != NULL, KEFU_METRIC_MISSING_NO_DATA);

  return i < self->missing->len ? g_array_index (self->missing, int, i) : KEFU_METRIC_MISSING_NO_DATA;
}

/**
 * kefu_chart_series_get_range:
 *
 * Widens [@lo, @hi] to the series' values (start them at NAN).
 *
 * Returns: whether the series has any value
 */
gboolean
kefu_chart_series_get_range (const KefuChartSeries *self,
                             double                *lo,
                             double                *hi)
{
  gboolean any = FALSE;

  g_return_val_if_fail (self != NULL && lo != NULL && hi != NULL, FALSE);

  for (guint i = 0; i < self->values->len; i++)
    {
      double v = g_array_index (self->values, double, i);

      if (!isfinite (v))
        continue;
      *lo = isnan (*lo) ? v : MIN (*lo, v);
      *hi = isnan (*hi) ? v : MAX (*hi, v);
      any = TRUE;
    }
  return any;
}

static gboolean
wanted (gint64        agent_id,
        const gint64 *agent_ids,
        guint         n_agents)
{
  if (agent_ids == NULL)
    return TRUE;
  for (guint i = 0; i < n_agents; i++)
    if (agent_ids[i] == agent_id)
      return TRUE;
  return FALSE;
}

/**
 * kefu_chart_trend_series:
 * @table: a table grouped by agent and day
 * @agent_ids: (nullable) (array length=n_agents): the agents to draw; %NULL: all
 *
 * A line per day of the table's period: first the shop's (for a rate or
 * a mean, its own value, which is the average over its turns or buyers)
 * or, for a total, the agents' average of the day; then one per agent in
 * the table's order.
 *
 * Returns: (transfer full) (element-type KefuChartSeries): the series
 */
GPtrArray *
kefu_chart_trend_series (KefuMetricTable *table,
                         const char      *key,
                         const gint64    *agent_ids,
                         guint            n_agents)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_chart_series_free);
  g_autoptr(GHashTable) by_agent = g_hash_table_new (g_int64_hash, g_int64_equal);
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  gboolean total = info != NULL && info->aggregate == KEFU_AGGREGATE_TOTAL;
  g_autofree double *sums = NULL;
  g_autofree guint *counts = NULL;
  KefuChartSeries *shop;
  GDate from, to;
  guint n_days;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (table), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  kefu_metric_table_get_period (table, &from, &to);
  n_days = g_date_days_between (&from, &to) + 1;
  sums = g_new0 (double, n_days);
  counts = g_new0 (guint, n_days);

  shop = kefu_chart_series_new (total ? _("Agents’ average") : _("Shop"), 0, n_days);
  g_ptr_array_add (series, shop);

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *rk = kefu_metric_table_get_row (table, row);
      const KefuMetricValue *value = kefu_metric_table_get (table, row, key);
      KefuChartSeries *line;
      int day;

      if (!g_date_valid (&rk->day))
        continue;
      day = g_date_days_between (&from, &rk->day);
      if (day < 0 || (guint) day >= n_days)
        continue;

      if (rk->agent_id == 0)
        {
          if (!total)
            kefu_chart_series_set (shop, day, value);
          continue;
        }

      if (total && value != NULL && value->missing == KEFU_METRIC_MISSING_NONE)
        {
          sums[day] += value->value;
          counts[day]++;
        }
      if (!wanted (rk->agent_id, agent_ids, n_agents))
        continue;

      line = g_hash_table_lookup (by_agent, &rk->agent_id);
      if (line == NULL)
        {
          line = kefu_chart_series_new (rk->agent_name, rk->agent_id, n_days);
          g_ptr_array_add (series, line);
          g_hash_table_insert (by_agent, &line->agent_id, line);
        }
      kefu_chart_series_set (line, day, value);
    }

  if (total)
    for (guint day = 0; day < n_days; day++)
      if (counts[day] > 0)
        {
          KefuMetricValue mean = { .value = sums[day] / counts[day] };

          kefu_chart_series_set (shop, day, &mean);
        }

  return g_steal_pointer (&series);
}
