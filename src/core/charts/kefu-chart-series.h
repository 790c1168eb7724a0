/* kefu-chart-series.h — one line of a chart: a value per day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "metrics/kefu-metric-table.h"

G_BEGIN_DECLS

typedef struct
{
  char   *label;
  gint64  agent_id;   /* 0: the shop, or the agents' average */
  GArray *values;     /* double, NAN where missing */
  GArray *missing;    /* KefuMetricMissing (int) beside each value */
} KefuChartSeries;

KefuChartSeries *kefu_chart_series_new       (const char             *label,
                                              gint64                  agent_id,
                                              guint                   n_values);
void             kefu_chart_series_free      (KefuChartSeries        *self);
void             kefu_chart_series_set       (KefuChartSeries        *self,
                                              guint                   i,
                                              const KefuMetricValue  *value);
double           kefu_chart_series_get       (const KefuChartSeries  *self,
                                              guint                   i);
KefuMetricMissing kefu_chart_series_get_missing (const KefuChartSeries *self,
                                              guint                   i);
gboolean         kefu_chart_series_get_range (const KefuChartSeries  *self,
                                              double                 *lo,
                                              double                 *hi);

GPtrArray       *kefu_chart_trend_series     (KefuMetricTable        *table,
                                              const char             *key,
                                              const gint64           *agent_ids,
                                              guint                   n_agents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuChartSeries, kefu_chart_series_free)

G_END_DECLS
