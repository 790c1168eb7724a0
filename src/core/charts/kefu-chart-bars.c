/* kefu-chart-bars.c — agents side by side: one metric, or stacked points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "charts/kefu-chart-bars.h"

static void
bar_free (gpointer data)
{
  KefuChartBar *bar = data;

  g_free (bar->label);
  g_free (bar->segments);
  g_free (bar);
}

static KefuChartBars *
bars_new (KefuUnit unit)
{
  KefuChartBars *self = g_new0 (KefuChartBars, 1);

  self->unit = unit;
  self->bars = g_ptr_array_new_with_free_func (bar_free);
  self->reference = NAN;
  return self;
}

void
kefu_chart_bars_free (KefuChartBars *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->bars);
  g_strfreev (self->segment_labels);
  g_free (self->reference_label);
  g_free (self);
}

/* Best first (by @better), missing values last, then by name. */
static int
compare_bars (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const KefuChartBar *x = *(KefuChartBar * const *) a;
  const KefuChartBar *y = *(KefuChartBar * const *) b;
  gboolean lower = GPOINTER_TO_INT (data) == KEFU_BETTER_LOWER;

  if (isnan (x->value) != isnan (y->value))
    return isnan (x->value) ? 1 : -1;
  if (!isnan (x->value) && x->value != y->value)
    return (x->value < y->value) == lower ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

static void
sort_bars (KefuChartBars *self,
           KefuBetter     better)
{
  g_ptr_array_sort_with_data (self->bars, compare_bars, GINT_TO_POINTER (better));
}

/**
 * kefu_chart_bars_from_table:
 * @table: a table grouped by agent
 *
 * One bar per agent of @key, the best first; the shop's own value is the
 * reference line.
 *
 * Returns: (transfer full): the bars
 */
KefuChartBars *
kefu_chart_bars_from_table (KefuMetricTable *table,
                            const char      *key)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  KefuChartBars *self;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (table), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  self = bars_new (info->unit);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *rk = kefu_metric_table_get_row (table, row);
      const KefuMetricValue *value = kefu_metric_table_get (table, row, key);
      gboolean present = value != NULL && value->missing == KEFU_METRIC_MISSING_NONE;
      KefuChartBar *bar;

      if (rk->agent_id == 0)
        {
          /* A total of the shop is not comparable with an agent's. */
          if (present && info->aggregate == KEFU_AGGREGATE_RATIO)
            {
              self->reference = value->value;
              self->reference_label = g_strdup (_("Shop"));
            }
          continue;
        }

      bar = g_new0 (KefuChartBar, 1);
      bar->label = g_strdup (rk->agent_name);
      bar->agent_id = rk->agent_id;
      bar->value = present ? value->value : NAN;
      bar->missing = value != NULL ? value->missing : KEFU_METRIC_MISSING_NO_DATA;
      g_ptr_array_add (self->bars, bar);
    }
  sort_bars (self, info->better);
  return self;
}

/**
 * kefu_chart_bars_from_report:
 *
 * One bar per agent of the composite total, stacked by each item's
 * weighted points, the highest total first.
 *
 * Returns: (transfer full): the bars
 */
KefuChartBars *
kefu_chart_bars_from_report (KefuScoreReport *report)
{
  GListModel *agents;
  KefuChartBars *self;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  guint n_agents;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (report), NULL);

  self = bars_new (KEFU_UNIT_SCORE);
  agents = kefu_score_report_get_agents (report);
  n_agents = g_list_model_get_n_items (agents);
  for (guint i = 0; i < n_agents; i++)
    {
      g_autoptr(KefuAgentScore) score = g_list_model_get_item (agents, i);
      GListModel *items = kefu_agent_score_get_items (score);
      guint n_items = g_list_model_get_n_items (items);
      KefuChartBar *bar = g_new0 (KefuChartBar, 1);

      if (i == 0)
        {
          for (guint j = 0; j < n_items; j++)
            {
              g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);

              g_strv_builder_add (labels, kefu_item_score_get_label (item));
            }
          self->n_segments = n_items;
        }

      bar->label = g_strdup (kefu_agent_score_get_agent_name (score));
      bar->agent_id = kefu_agent_score_get_agent_id (score);
      bar->value = kefu_agent_score_get_total (score);
      bar->missing = isnan (bar->value) ? KEFU_METRIC_MISSING_NO_DATA : KEFU_METRIC_MISSING_NONE;
      bar->segments = g_new (double, self->n_segments);
      for (guint j = 0; j < self->n_segments; j++)
        {
          g_autoptr(KefuItemScore) item = j < n_items ? g_list_model_get_item (items, j) : NULL;

          bar->segments[j] = item != NULL ? kefu_item_score_get_weighted (item) : NAN;
        }
      g_ptr_array_add (self->bars, bar);
    }
  self->segment_labels = g_strv_builder_end (labels);
  sort_bars (self, KEFU_BETTER_HIGHER);
  return self;
}

/**
 * kefu_chart_bars_get_max:
 *
 * Returns: the largest value (or stacked sum of positive segments), or NAN
 */
double
kefu_chart_bars_get_max (KefuChartBars *self)
{
  double max = NAN;

  g_return_val_if_fail (self != NULL, NAN);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const KefuChartBar *bar = g_ptr_array_index (self->bars, i);
      double v = bar->value;

      if (bar->segments != NULL)
        {
          double sum = 0;

          for (guint j = 0; j < self->n_segments; j++)
            if (isfinite (bar->segments[j]) && bar->segments[j] > 0)
              sum += bar->segments[j];
          v = isnan (v) ? sum : MAX (v, sum);
        }
      if (isfinite (v))
        max = isnan (max) ? v : MAX (max, v);
    }
  if (isfinite (self->reference))
    max = isnan (max) ? self->reference : MAX (max, self->reference);
  return max;
}
