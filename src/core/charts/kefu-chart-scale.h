/* kefu-chart-scale.h — an axis: nice ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "metrics/kefu-metric.h"

G_BEGIN_DECLS

/* A linear axis from @min to @max, both on a tick, ticks every @step
 * (1, 2 or 5 × 10ⁿ; for seconds also 15 s, 30 s, 1, 2, 5, 10, 15, 30 min,
 * 1, 2, 3, 6, 12 h). A plain struct, made once when data is set. */
typedef struct
{
  KefuUnit unit;
  double   min;
  double   max;
  double   step;
  guint    n_ticks;
  gboolean ten_thousands;   /* yuan labelled in 万 */
} KefuChartScale;

void    kefu_chart_scale_init      (KefuChartScale       *self,
                                    KefuUnit              unit,
                                    double                lo,
                                    double                hi,
                                    guint                 max_ticks,
                                    gboolean              include_zero);
double  kefu_chart_scale_tick      (const KefuChartScale *self,
                                    guint                 i);
double  kefu_chart_scale_normalise (const KefuChartScale *self,
                                    double                value);
char   *kefu_chart_scale_label     (const KefuChartScale *self,
                                    double                value);

double  kefu_chart_nice_step       (double                raw);
char   *kefu_chart_format_value    (KefuUnit              unit,
                                    double                value);
char   *kefu_chart_format_day      (const GDate          *day);
guint   kefu_chart_day_step        (guint                 n_days,
                                    guint                 max_labels);

G_END_DECLS
