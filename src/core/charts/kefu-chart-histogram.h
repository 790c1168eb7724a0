/* kefu-chart-histogram.h — response times in bins, median and 90th percentile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "metrics/kefu-response-times.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_bins;
  double  width;          /* seconds per bin; bin i is [i × width, (i + 1) × width) */
  guint  *counts;         /* n_bins; the last bin also holds every longer time */
  gboolean open_end;      /* the last bin is "≥ its start" */
  guint   max_count;
  guint   n_answered;
  guint   n_unanswered;
  double  median;         /* NAN when nothing was answered */
  double  p90;
} KefuChartHistogram;

KefuChartHistogram *kefu_chart_histogram_new  (const KefuResponseTimes *times,
                                               guint                    max_bins);
void                kefu_chart_histogram_free (KefuChartHistogram      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuChartHistogram, kefu_chart_histogram_free)

G_END_DECLS
