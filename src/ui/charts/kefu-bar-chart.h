/* kefu-bar-chart.h — agents side by side, horizontal bars, best first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_BAR_CHART (kefu_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuBarChart, kefu_bar_chart, KEFU, BAR_CHART, KefuChart)

GtkWidget *kefu_bar_chart_new      (void);
void       kefu_bar_chart_set_bars (KefuBarChart  *self,
                                    KefuChartBars *bars);

G_END_DECLS
