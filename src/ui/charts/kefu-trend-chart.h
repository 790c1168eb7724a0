/* kefu-trend-chart.h — a metric per day: agents, the shop, a threshold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_TREND_CHART (kefu_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuTrendChart, kefu_trend_chart, KEFU, TREND_CHART, KefuChart)

GtkWidget *kefu_trend_chart_new      (void);
void       kefu_trend_chart_set_data (KefuTrendChart *self,
                                      GPtrArray      *series,
                                      const GDate    *first_day,
                                      KefuUnit        unit,
                                      double          threshold,
                                      const char     *threshold_label);

G_END_DECLS
