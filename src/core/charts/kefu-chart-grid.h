/* kefu-chart-grid.h — a value per weekday and hour of day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "metrics/kefu-metric.h"
#include "metrics/kefu-metric-table.h"

G_BEGIN_DECLS

#define KEFU_CHART_GRID_DAYS  7
#define KEFU_CHART_GRID_HOURS 24

typedef struct
{
  KefuUnit unit;
  double   values[KEFU_CHART_GRID_DAYS][KEFU_CHART_GRID_HOURS];   /* [weekday − 1][hour]; NAN: missing */
  double   min;        /* over the present values; NAN when none */
  double   max;
} KefuChartGrid;

gboolean kefu_chart_grid_from_table (KefuChartGrid   *self,
                                     KefuMetricTable *table,
                                     const char      *key);
void     kefu_chart_grid_clear      (KefuChartGrid   *self,
                                     KefuUnit         unit);
void     kefu_chart_grid_update     (KefuChartGrid   *self);

G_END_DECLS
