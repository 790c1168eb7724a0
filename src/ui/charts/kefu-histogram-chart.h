/* kefu-histogram-chart.h — response times, median and 90th percentile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_HISTOGRAM_CHART (kefu_histogram_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuHistogramChart, kefu_histogram_chart, KEFU, HISTOGRAM_CHART, KefuChart)

GtkWidget *kefu_histogram_chart_new           (void);
void       kefu_histogram_chart_set_histogram (KefuHistogramChart *self,
                                               KefuChartHistogram *histogram);

G_END_DECLS
