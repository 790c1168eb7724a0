/* kefu-histogram-chart.c — response times, median and 90th percentile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-histogram-chart.h"

struct _KefuHistogramChart
{
  KefuChart            parent_instance;

  KefuChartHistogram  *histogram;
  KefuChartScale       y_scale;    /* turns */
  KefuChartScale       x_scale;    /* seconds, for the labels */
  float               *heights;    /* per bin, 0..1 */
  graphene_rect_t      plot;
};

G_DEFINE_FINAL_TYPE (KefuHistogramChart, kefu_histogram_chart, KEFU_TYPE_CHART)

static gboolean
kefu_histogram_chart_is_empty (KefuChart *chart)
{
  KefuHistogramChart *self = KEFU_HISTOGRAM_CHART (chart);

  return self->histogram == NULL || self->histogram->n_answered == 0;
}

static float
seconds_x (KefuHistogramChart *self,
           double              seconds)
{
  double span = self->histogram->n_bins * self->histogram->width;

  return self->plot.origin.x + self->plot.size.width * MIN (seconds / span, 1);
}

static void
marker (KefuHistogramChart   *self,
        GtkSnapshot          *snapshot,
        const KefuChartStyle *style,
        const GdkRGBA        *color,
        double                seconds,
        const char           *label,
        float                 row)
{
  KefuChart *chart = KEFU_CHART (self);
  float x = seconds_x (self, seconds);
  float line = kefu_chart_line_height (chart);
  g_autofree char *value = kefu_chart_format_value (KEFU_UNIT_SECONDS, seconds);
  g_autofree char *text = g_strdup_printf ("%s %s", label, value);
  g_autoptr(PangoLayout) layout = kefu_chart_layout (chart, text, TRUE);
  int width;

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (x - 1, self->plot.origin.y, 2, self->plot.size.height));
  /* The label beside the line, inside the plot. */
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (x + 4 + width > self->plot.origin.x + self->plot.size.width)
    x -= width + 8;
  kefu_chart_draw_layout (snapshot, layout, x + 4, self->plot.origin.y + row * (line + 2), color);
}

static void
kefu_histogram_chart_draw (KefuChart             *chart,
                           GtkSnapshot           *snapshot,
                           const graphene_rect_t *area,
                           const KefuChartStyle  *style)
{
  KefuHistogramChart *self = KEFU_HISTOGRAM_CHART (chart);
  KefuChartHistogram *h = self->histogram;
  float line = kefu_chart_line_height (chart);
  float bin_w;
  double hx, hy;
  gboolean hovering = kefu_chart_get_hover (chart, &hx, &hy);

  kefu_chart_draw_y_axis (chart, snapshot, style, &self->y_scale, area, line + 6, &self->plot);
  bin_w = self->plot.size.width / h->n_bins;

  for (guint i = 0; i < h->n_bins; i++)
    {
      float bar_h = self->plot.size.height * self->heights[i];
      GdkRGBA fill = style->accent;

      if (hovering && hx >= self->plot.origin.x + i * bin_w && hx < self->plot.origin.x + (i + 1) * bin_w &&
          hy >= self->plot.origin.y && hy <= self->plot.origin.y + self->plot.size.height)
        fill.alpha *= 0.7f;
      /* The open last bin is lighter: it gathers every longer turn. */
      if (h->open_end && i + 1 == h->n_bins)
        fill.alpha *= 0.45f;
      gtk_snapshot_append_color (snapshot, &fill,
                                 &GRAPHENE_RECT_INIT (self->plot.origin.x + i * bin_w + 1,
                                                      self->plot.origin.y + self->plot.size.height - bar_h,
                                                      MAX (bin_w - 2, 1), bar_h));
    }

  /* Bin edges on the x axis. */
  for (guint i = 0; i <= h->n_bins; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *open = NULL;
      guint every = h->n_bins > 8 ? 2 : 1;

      if (i % every != 0 && i != h->n_bins)
        continue;
      if (i == h->n_bins && h->open_end)
        continue;
      label = kefu_chart_scale_label (&self->x_scale, i * h->width);
      if (h->open_end && i + 1 == h->n_bins)
        {
          /* Translators: the last bin of a histogram: this long or longer */
          open = g_strdup_printf (_("≥ %s"), label);
          kefu_chart_draw_text (chart, snapshot, open, self->plot.origin.x + (i + 0.5f) * bin_w,
                                self->plot.origin.y + self->plot.size.height + 6, 0.5f, &style->dim);
          continue;
        }
      kefu_chart_draw_text (chart, snapshot, label, self->plot.origin.x + i * bin_w,
                            self->plot.origin.y + self->plot.size.height + 6,
                            i == 0 ? 0 : i == h->n_bins ? 1 : 0.5f, &style->dim);
    }

  /* Translators: the median response time, marked on the chart */
  marker (self, snapshot, style, &style->fg, h->median, _("Median"), 0);
  /* Translators: the 90th percentile of response times, marked on the chart */
  marker (self, snapshot, style, &style->warning, h->p90, _("90th percentile"), 1);
}

static char *
kefu_histogram_chart_tooltip_at (KefuChart *chart,
                                 double     x,
                                 double     y)
{
  KefuHistogramChart *self = KEFU_HISTOGRAM_CHART (chart);
  KefuChartHistogram *h = self->histogram;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *share = NULL;
  g_autofree char *count = NULL;
  int i;

  if (!graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;
  i = CLAMP ((int) ((x - self->plot.origin.x) / (self->plot.size.width / h->n_bins)), 0, (int) h->n_bins - 1);
  from = kefu_chart_format_value (KEFU_UNIT_SECONDS, i * h->width);
  to = kefu_chart_format_value (KEFU_UNIT_SECONDS, (i + 1) * h->width);
  share = kefu_chart_format_value (KEFU_UNIT_FRACTION, (double) h->counts[i] / h->n_answered);
  count = g_strdup_printf (ngettext ("%u turn", "%u turns", h->counts[i]), h->counts[i]);
  if (h->open_end && (guint) i + 1 == h->n_bins)
    /* Translators: a histogram bin: "≥ 300.0 s: 12 turns (1.20%)" */
    return g_strdup_printf (_("≥ %s: %s (%s)"), from, count, share);
  /* Translators: a histogram bin: "30.0 s – 60.0 s: 12 turns (1.20%)" */
  return g_strdup_printf (_("%s – %s: %s (%s)"), from, to, count, share);
}

/**
 * kefu_histogram_chart_set_histogram:
 * @histogram: (transfer full) (nullable): the bins
 */
void
kefu_histogram_chart_set_histogram (KefuHistogramChart *self,
                                    KefuChartHistogram *histogram)
{
  g_return_if_fail (KEFU_IS_HISTOGRAM_CHART (self));

  g_clear_pointer (&self->histogram, kefu_chart_histogram_free);
  g_clear_pointer (&self->heights, g_free);
  kefu_chart_clear_legend (KEFU_CHART (self));
  self->histogram = histogram;

  if (histogram != NULL && histogram->n_bins > 0)
    {
      g_autofree char *answered = NULL;

      kefu_chart_scale_init (&self->y_scale, KEFU_UNIT_COUNT, 0, histogram->max_count, 5, TRUE);
      kefu_chart_scale_init (&self->x_scale, KEFU_UNIT_SECONDS, 0, histogram->n_bins * histogram->width,
                             histogram->n_bins + 1, TRUE);
      /* Labels in the bins' own unit. */
      self->x_scale.step = histogram->width;
      self->heights = g_new (float, histogram->n_bins);
      for (guint i = 0; i < histogram->n_bins; i++)
        self->heights[i] = kefu_chart_scale_normalise (&self->y_scale, histogram->counts[i]);

      answered = g_strdup_printf (ngettext ("%u turn answered", "%u turns answered", histogram->n_answered),
                                  histogram->n_answered);
      kefu_chart_add_legend (KEFU_CHART (self), answered, KEFU_CHART_COLOR_ACCENT, KEFU_CHART_MARK_BOX);
      if (histogram->n_unanswered > 0)
        {
          g_autofree char *unanswered = g_strdup_printf (ngettext ("%u never answered", "%u never answered",
                                                                   histogram->n_unanswered),
                                                         histogram->n_unanswered);

          kefu_chart_add_legend (KEFU_CHART (self), unanswered, KEFU_CHART_COLOR_FG, KEFU_CHART_MARK_NONE);
        }
    }
  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_histogram_chart_new (void)
{
  return g_object_new (KEFU_TYPE_HISTOGRAM_CHART, NULL);
}

static void
kefu_histogram_chart_finalize (GObject *object)
{
  KefuHistogramChart *self = KEFU_HISTOGRAM_CHART (object);

  g_clear_pointer (&self->histogram, kefu_chart_histogram_free);
  g_free (self->heights);

  G_OBJECT_CLASS (kefu_histogram_chart_parent_class)->finalize (object);
}

static void
kefu_histogram_chart_class_init (KefuHistogramChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  object_class->finalize = kefu_histogram_chart_finalize;
  chart_class->is_empty = kefu_histogram_chart_is_empty;
  chart_class->draw = kefu_histogram_chart_draw;
  chart_class->tooltip_at = kefu_histogram_chart_tooltip_at;
}

static void
kefu_histogram_chart_init (KefuHistogramChart *self)
{
}
