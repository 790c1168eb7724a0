/* kefu-trend-chart.c — a metric per day: agents, the shop, a threshold
 *
 * The first series is the shop's (or the agents' average), drawn in the
 * text colour over the agents' lines; a day without a value breaks its
 * line, and a lone value is a dot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-trend-chart.h"

struct _KefuTrendChart
{
  KefuChart        parent_instance;

  GPtrArray       *series;      /* KefuChartSeries; [0] the shop's */
  GDate            first_day;
  guint            n_days;
  KefuUnit         unit;
  double           threshold;   /* NAN: none */
  char            *threshold_label;

  KefuChartScale   scale;
  float           *norm;        /* n_series × n_days, 0..1 or NAN */
  graphene_rect_t  plot;        /* as last drawn, for tooltips */

  /* The lines, kept while nothing they depend on changes: hovering
   * redraws the guide, not a month of every agent's lines. */
  GskRenderNode   *lines;
  graphene_rect_t  lines_plot;
  GdkRGBA          lines_fg;
  GdkRGBA          lines_color;
  float            lines_width;
};

G_DEFINE_FINAL_TYPE (KefuTrendChart, kefu_trend_chart, KEFU_TYPE_CHART)

#define NORM(self, s, d) ((self)->norm[(s) * (self)->n_days + (d)])

static float
day_x (KefuTrendChart *self,
       guint           day)
{
  if (self->n_days < 2)
    return self->plot.origin.x + self->plot.size.width / 2;
  return self->plot.origin.x + self->plot.size.width * day / (self->n_days - 1);
}

static float
value_y (KefuTrendChart *self,
         float           t)
{
  return self->plot.origin.y + self->plot.size.height * (1 - t);
}

static int
series_color (guint i)
{
  return i == 0 ? KEFU_CHART_COLOR_FG : (int) (i - 1) % KEFU_CHART_N_COLORS;
}

static gboolean
kefu_trend_chart_is_empty (KefuChart *chart)
{
  KefuTrendChart *self = KEFU_TREND_CHART (chart);

  if (self->series == NULL)
    return TRUE;
  for (guint i = 0; i < self->series->len * self->n_days; i++)
    if (!isnan (self->norm[i]))
      return FALSE;
  return TRUE;
}

static void
draw_lines (KefuTrendChart       *self,
            cairo_t              *cr,
            const KefuChartStyle *style)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The agents first, the shop on top. */
  for (guint k = 1; k <= self->series->len; k++)
    {
      guint s = k % self->series->len;
      gboolean shop = s == 0;
      gboolean open = FALSE;

      gdk_cairo_set_source_rgba (cr, kefu_chart_style_color (style, series_color (s)));
      cairo_set_line_width (cr, shop ? style->line_width + 1 : style->line_width);
      for (guint d = 0; d < self->n_days; d++)
        {
          float t = NORM (self, s, d);
          gboolean alone;

          if (isnan (t))
            {
              open = FALSE;
              continue;
            }
          alone = (d == 0 || isnan (NORM (self, s, d - 1))) &&
                  (d + 1 == self->n_days || isnan (NORM (self, s, d + 1)));
          if (alone)
            {
              cairo_stroke (cr);
              cairo_arc (cr, day_x (self, d), value_y (self, t), style->line_width + 1, 0, 2 * G_PI);
              cairo_fill (cr);
              open = FALSE;
              continue;
            }
          if (open)
            cairo_line_to (cr, day_x (self, d), value_y (self, t));
          else
            cairo_move_to (cr, day_x (self, d), value_y (self, t));
          open = TRUE;
        }
      cairo_stroke (cr);
    }
}

static int
hovered_day (KefuTrendChart *self,
             double          x)
{
  double f;

  if (self->n_days < 2)
    return 0;
  f = (x - self->plot.origin.x) / self->plot.size.width * (self->n_days - 1);
  return CLAMP ((int) lround (f), 0, (int) self->n_days - 1);
}

static void
kefu_trend_chart_draw (KefuChart             *chart,
                       GtkSnapshot           *snapshot,
                       const graphene_rect_t *area,
                       const KefuChartStyle  *style)
{
  KefuTrendChart *self = KEFU_TREND_CHART (chart);
  float line = kefu_chart_line_height (chart);
  graphene_rect_t bounds;
  double hx, hy;
  guint step;
  cairo_t *cr;

  kefu_chart_draw_y_axis (chart, snapshot, style, &self->scale, area, line + 6, &self->plot);
  /* Room for the last day's label. */
  self->plot.size.width -= 16;

  step = kefu_chart_day_step (self->n_days, MAX (self->plot.size.width / 56, 2));
  for (guint d = 0; d < self->n_days; d += step)
    {
      GDate day = self->first_day;
      g_autofree char *label = NULL;

      g_date_add_days (&day, d);
      label = kefu_chart_format_day (&day);
      kefu_chart_draw_text (chart, snapshot, label, day_x (self, d),
                            self->plot.origin.y + self->plot.size.height + 6, 0.5f, &style->dim);
    }

  if (isfinite (self->threshold))
    {
      float y = value_y (self, kefu_chart_scale_normalise (&self->scale, self->threshold));

      for (float x = 0; x < self->plot.size.width; x += 10)
        gtk_snapshot_append_color (snapshot, &style->warning,
                                   &GRAPHENE_RECT_INIT (self->plot.origin.x + x, y - 1,
                                                        MIN (6, self->plot.size.width - x), 2));
    }

  if (kefu_chart_get_hover (chart, &hx, &hy) &&
      graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (hx, hy)))
    gtk_snapshot_append_color (snapshot, &style->grid,
                               &GRAPHENE_RECT_INIT (day_x (self, hovered_day (self, hx)) - 1,
                                                    self->plot.origin.y, 2, self->plot.size.height));

  if (self->lines == NULL ||
      !graphene_rect_equal (&self->lines_plot, &self->plot) ||
      !gdk_rgba_equal (&self->lines_fg, &style->fg) ||
      !gdk_rgba_equal (&self->lines_color, &style->palette[0]) ||
      self->lines_width != style->line_width)
    {
      g_autoptr(GtkSnapshot) lines = gtk_snapshot_new ();

      graphene_rect_inset_r (&self->plot, -8, -8, &bounds);
      cr = gtk_snapshot_append_cairo (lines, &bounds);
      draw_lines (self, cr, style);
      cairo_destroy (cr);
      g_clear_pointer (&self->lines, gsk_render_node_unref);
      self->lines = gtk_snapshot_free_to_node (g_steal_pointer (&lines));
      self->lines_plot = self->plot;
      self->lines_fg = style->fg;
      self->lines_color = style->palette[0];
      self->lines_width = style->line_width;
    }
  if (self->lines != NULL)
    gtk_snapshot_append_node (snapshot, self->lines);
}

static void
append_value (GString               *text,
              const KefuChartSeries *series,
              guint                  day,
              KefuUnit               unit)
{
  double v = kefu_chart_series_get (series, day);

  g_string_append_printf (text, "\n%s  ", series->label);
  if (isfinite (v))
    {
      g_autofree char *value = kefu_chart_format_value (unit, v);

      g_string_append (text, value);
    }
  else
    g_string_append_printf (text, "— %s",
                            kefu_metric_missing_describe (kefu_chart_series_get_missing (series, day)));
}

static char *
kefu_trend_chart_tooltip_at (KefuChart *chart,
                             double     x,
                             double     y)
{
  KefuTrendChart *self = KEFU_TREND_CHART (chart);
  g_autoptr(GString) text = NULL;
  g_autofree char *label = NULL;
  GDate day;
  int d, nearest = -1;
  double best = G_MAXDOUBLE;

  if (!graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;

  d = hovered_day (self, x);
  day = self->first_day;
  g_date_add_days (&day, d);
  label = kefu_chart_format_day (&day);
  text = g_string_new (label);

  /* Few lines: all of them; many: the one under the pointer and the shop. */
  if (self->series->len <= 6)
    {
      for (guint s = 0; s < self->series->len; s++)
        append_value (text, g_ptr_array_index (self->series, s), d, self->unit);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint s = 1; s < self->series->len; s++)
    {
      float t = NORM (self, s, d);

      if (!isnan (t) && fabs (value_y (self, t) - y) < best)
        {
          best = fabs (value_y (self, t) - y);
          nearest = s;
        }
    }
  if (nearest > 0)
    append_value (text, g_ptr_array_index (self->series, nearest), d, self->unit);
  append_value (text, g_ptr_array_index (self->series, 0), d, self->unit);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kefu_trend_chart_set_data:
 * @series: (element-type KefuChartSeries) (nullable): from
 *   kefu_chart_trend_series(); the shop's first
 * @first_day: the day of each series' first value
 * @threshold: the platform's threshold, drawn across; NAN for none
 * @threshold_label: (nullable): its legend, e.g. "Platform threshold 90%"
 */
void
kefu_trend_chart_set_data (KefuTrendChart *self,
                           GPtrArray      *series,
                           const GDate    *first_day,
                           KefuUnit        unit,
                           double          threshold,
                           const char     *threshold_label)
{
  double lo = NAN, hi = NAN;

  g_return_if_fail (KEFU_IS_TREND_CHART (self));
  g_return_if_fail (series == NULL || (first_day != NULL && g_date_valid (first_day)));

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->norm, g_free);
  g_clear_pointer (&self->threshold_label, g_free);
  g_clear_pointer (&self->lines, gsk_render_node_unref);
  kefu_chart_clear_legend (KEFU_CHART (self));
  self->n_days = 0;

  if (series != NULL && series->len > 0)
    {
      self->series = g_ptr_array_ref (series);
      self->first_day = *first_day;
      self->n_days = ((KefuChartSeries *) g_ptr_array_index (series, 0))->values->len;
    }
  self->unit = unit;
  self->threshold = threshold;
  self->threshold_label = g_strdup (threshold_label);

  if (self->series == NULL)
    {
      kefu_chart_changed (KEFU_CHART (self));
      return;
    }

  for (guint s = 0; s < series->len; s++)
    kefu_chart_series_get_range (g_ptr_array_index (series, s), &lo, &hi);
  if (isfinite (threshold))
    {
      lo = isnan (lo) ? threshold : MIN (lo, threshold);
      hi = isnan (hi) ? threshold : MAX (hi, threshold);
    }
  /* Amounts start at zero; rates and times show their movement. */
  kefu_chart_scale_init (&self->scale, unit, lo, hi, 6,
                         unit == KEFU_UNIT_COUNT || unit == KEFU_UNIT_YUAN);

  self->norm = g_new (float, series->len * self->n_days);
  for (guint s = 0; s < series->len; s++)
    {
      const KefuChartSeries *line = g_ptr_array_index (series, s);

      for (guint d = 0; d < self->n_days; d++)
        NORM (self, s, d) = kefu_chart_scale_normalise (&self->scale, kefu_chart_series_get (line, d));
      kefu_chart_add_legend (KEFU_CHART (self), line->label, series_color (s), KEFU_CHART_MARK_LINE);
    }
  if (isfinite (threshold) && threshold_label != NULL)
    kefu_chart_add_legend (KEFU_CHART (self), threshold_label, KEFU_CHART_COLOR_WARNING, KEFU_CHART_MARK_DASH);

  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_trend_chart_new (void)
{
  return g_object_new (KEFU_TYPE_TREND_CHART, NULL);
}

static void
kefu_trend_chart_finalize (GObject *object)
{
  KefuTrendChart *self = KEFU_TREND_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->lines, gsk_render_node_unref);
  g_free (self->norm);
  g_free (self->threshold_label);

  G_OBJECT_CLASS (kefu_trend_chart_parent_class)->finalize (object);
}

static void
kefu_trend_chart_class_init (KefuTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  object_class->finalize = kefu_trend_chart_finalize;
  chart_class->is_empty = kefu_trend_chart_is_empty;
  chart_class->draw = kefu_trend_chart_draw;
  chart_class->tooltip_at = kefu_trend_chart_tooltip_at;
}

static void
kefu_trend_chart_init (KefuTrendChart *self)
{
  self->threshold = NAN;
}
