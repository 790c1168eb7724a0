/* kefu-heatmap-chart.h — weekday × hour of day, for planning shifts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_HEATMAP_CHART (kefu_heatmap_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuHeatmapChart, kefu_heatmap_chart, KEFU, HEATMAP_CHART, KefuChart)

GtkWidget *kefu_heatmap_chart_new      (void);
void       kefu_heatmap_chart_set_grid (KefuHeatmapChart    *self,
                                        const KefuChartGrid *grid,
                                        int                  color);

G_END_DECLS
