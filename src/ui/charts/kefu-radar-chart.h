/* kefu-radar-chart.h — an agent's item points against the shop's average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_RADAR_CHART (kefu_radar_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuRadarChart, kefu_radar_chart, KEFU, RADAR_CHART, KefuChart)

GtkWidget *kefu_radar_chart_new       (void);
void       kefu_radar_chart_set_radar (KefuRadarChart *self,
                                       KefuChartRadar *radar);

G_END_DECLS
