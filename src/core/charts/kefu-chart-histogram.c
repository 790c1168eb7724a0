/* kefu-chart-histogram.c — response times in bins, median and 90th percentile
 *
 * Response times have a long tail (a turn left overnight waits ten hours),
 * so the bins cover up to the 95th percentile on a clock-friendly width
 * and the last bin holds the rest: the shape stays readable, and every
 * turn is still counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "charts/kefu-chart-histogram.h"
#include "charts/kefu-chart-scale.h"

/**
 * kefu_chart_histogram_new:
 * @max_bins: at most this many bins, ≥ 2
 *
 * Returns: (transfer full): the histogram of @times
 */
KefuChartHistogram *
kefu_chart_histogram_new (const KefuResponseTimes *times,
                          guint                    max_bins)
{
  KefuChartHistogram *self;
  KefuChartScale scale;
  double top;
  guint n;

  g_return_val_if_fail (times != NULL, NULL);

  max_bins = MAX (max_bins, 2);
  self = g_new0 (KefuChartHistogram, 1);
  n = times->times->len;
  self->n_answered = n;
  self->n_unanswered = times->n_unanswered;
  self->median = kefu_response_times_quantile (times, 0.5);
  self->p90 = kefu_response_times_quantile (times, 0.9);

  /* Bins up to the 95th percentile; beyond it the open last bin. */
  top = n > 0 ? kefu_response_times_quantile (times, 0.95) : 60;
  kefu_chart_scale_init (&scale, KEFU_UNIT_SECONDS, 0, MAX (top, 1), max_bins, TRUE);
  self->width = scale.step;
  self->n_bins = scale.n_ticks - 1;
  self->open_end = n > 0 && g_array_index (times->times, double, n - 1) >= scale.max;
  if (self->open_end)
    self->n_bins++;
  self->counts = g_new0 (guint, self->n_bins);

  for (guint i = 0; i < n; i++)
    {
      double t = g_array_index (times->times, double, i);
      guint bin = (guint) MAX (0, floor (t / self->width + 1e-9));

      self->counts[MIN (bin, self->n_bins - 1)]++;
    }
  for (guint i = 0; i < self->n_bins; i++)
    self->max_count = MAX (self->max_count, self->counts[i]);
  return self;
}

void
kefu_chart_histogram_free (KefuChartHistogram *self)
{
  if (self == NULL)
    return;
  g_free (self->counts);
  g_free (self);
}
