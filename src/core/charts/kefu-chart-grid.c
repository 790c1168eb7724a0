/* kefu-chart-grid.c — a value per weekday and hour of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "charts/kefu-chart-grid.h"
#include "metrics/kefu-metric.h"

void
kefu_chart_grid_clear (KefuChartGrid *self,
                       KefuUnit       unit)
{
  g_return_if_fail (self != NULL);

  self->unit = unit;
  for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
    for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h++)
      self->values[d][h] = NAN;
  self->min = self->max = NAN;
}

/* Recomputes min and max after values were set by hand. */
void
kefu_chart_grid_update (KefuChartGrid *self)
{
  g_return_if_fail (self != NULL);

  self->min = self->max = NAN;
  for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
    for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h++)
      {
        double v = self->values[d][h];

        if (!isfinite (v))
          continue;
        self->min = isnan (self->min) ? v : MIN (self->min, v);
        self->max = isnan (self->max) ? v : MAX (self->max, v);
      }
}

/**
 * kefu_chart_grid_from_table:
 * @table: the shop's table grouped by weekday × hour
 *
 * Fills @self with @key of each weekday and hour.
 *
 * Returns: whether any cell has a value
 */
gboolean
kefu_chart_grid_from_table (KefuChartGrid   *self,
                            KefuMetricTable *table,
                            const char      *key)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (table), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  kefu_chart_grid_clear (self, info->unit);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *rk = kefu_metric_table_get_row (table, row);
      const KefuMetricValue *value = kefu_metric_table_get (table, row, key);

      if (rk->agent_id != 0 || rk->weekday < 1 || rk->weekday > 7 || rk->hour < 0 || rk->hour > 23)
        continue;
      if (value != NULL && value->missing == KEFU_METRIC_MISSING_NONE)
        self->values[rk->weekday - 1][rk->hour] = value->value;
    }
  kefu_chart_grid_update (self);
  return !isnan (self->max);
}
