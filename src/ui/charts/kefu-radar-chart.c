/* kefu-radar-chart.c — an agent's item points against the shop's average
 *
 * One spoke per item of the scheme, 0 points at the centre, 100 at the
 * rim. A missing item is a gap in the agent's shape, drawn at the
 * centre and named in the tooltip, never a quiet zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-radar-chart.h"

#define MAX_POINTS 100.0

struct _KefuRadarChart
{
  KefuChart        parent_instance;

  KefuChartRadar  *radar;
  float            cx;
  float            cy;
  float            radius;
};

G_DEFINE_FINAL_TYPE (KefuRadarChart, kefu_radar_chart, KEFU_TYPE_CHART)

static gboolean
kefu_radar_chart_is_empty (KefuChart *chart)
{
  KefuRadarChart *self = KEFU_RADAR_CHART (chart);

  if (self->radar == NULL || self->radar->n_axes < 3)
    return TRUE;
  for (guint i = 0; i < self->radar->n_axes; i++)
    if (isfinite (self->radar->agent[i]))
      return FALSE;
  return TRUE;
}

static double
spoke_angle (KefuRadarChart *self,
             guint           i)
{
  return -G_PI / 2 + 2 * G_PI * i / self->radar->n_axes;
}

static void
shape (KefuRadarChart *self,
       cairo_t        *cr,
       const double   *points)
{
  for (guint i = 0; i < self->radar->n_axes; i++)
    {
      double r = self->radius * CLAMP (isfinite (points[i]) ? points[i] : 0, 0, MAX_POINTS) / MAX_POINTS;
      double a = spoke_angle (self, i);

      if (i == 0)
        cairo_move_to (cr, self->cx + r * cos (a), self->cy + r * sin (a));
      else
        cairo_line_to (cr, self->cx + r * cos (a), self->cy + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
kefu_radar_chart_draw (KefuChart             *chart,
                       GtkSnapshot           *snapshot,
                       const graphene_rect_t *area,
                       const KefuChartStyle  *style)
{
  KefuRadarChart *self = KEFU_RADAR_CHART (chart);
  float line = kefu_chart_line_height (chart);
  int widest = 0;
  GdkRGBA fill;
  cairo_t *cr;

  for (guint i = 0; i < self->radar->n_axes; i++)
    {
      g_autoptr(PangoLayout) layout = kefu_chart_layout (chart, self->radar->labels[i], TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  /* Room for the item names around the rim. */
  self->cx = area->origin.x + area->size.width / 2;
  self->cy = area->origin.y + area->size.height / 2;
  self->radius = MAX (MIN (area->size.width / 2 - widest - 8, area->size.height / 2 - line - 4), 10);

  cr = gtk_snapshot_append_cairo (snapshot, area);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Rings every 20 points, and the spokes. */
  gdk_cairo_set_source_rgba (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  for (guint ring = 1; ring <= 5; ring++)
    {
      double *ring_points = g_newa (double, self->radar->n_axes);

      for (guint i = 0; i < self->radar->n_axes; i++)
        ring_points[i] = ring * 20;
      shape (self, cr, ring_points);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < self->radar->n_axes; i++)
    {
      cairo_move_to (cr, self->cx, self->cy);
      cairo_line_to (cr, self->cx + self->radius * cos (spoke_angle (self, i)),
                     self->cy + self->radius * sin (spoke_angle (self, i)));
    }
  cairo_stroke (cr);

  /* The average, dashed; the agent filled over it. */
  gdk_cairo_set_source_rgba (cr, &style->fg);
  cairo_set_line_width (cr, style->line_width);
  cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
  shape (self, cr, self->radar->average);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  fill = style->accent;
  fill.alpha = 0.25f;
  shape (self, cr, self->radar->agent);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &style->accent);
  cairo_set_line_width (cr, style->line_width + 0.5);
  cairo_stroke (cr);
  cairo_destroy (cr);

  for (guint i = 0; i < self->radar->n_axes; i++)
    {
      double a = spoke_angle (self, i);
      float x = self->cx + (self->radius + 6) * cos (a);
      float y = self->cy + (self->radius + 6) * sin (a);
      float align = fabs (cos (a)) < 0.2 ? 0.5f : cos (a) > 0 ? 0 : 1;
      float dy = sin (a) < -0.2 ? -line : fabs (sin (a)) <= 0.2 ? -line / 2 : 0;

      kefu_chart_draw_text (chart, snapshot, self->radar->labels[i], x, y + dy, align,
                            isfinite (self->radar->agent[i]) ? &style->fg : &style->dim);
    }
}

static char *
kefu_radar_chart_tooltip_at (KefuChart *chart,
                             double     x,
                             double     y)
{
  KefuRadarChart *self = KEFU_RADAR_CHART (chart);
  double a = atan2 (y - self->cy, x - self->cx) + G_PI / 2;
  g_autofree char *agent = NULL;
  g_autofree char *average = NULL;
  guint i;

  if (hypot (x - self->cx, y - self->cy) > self->radius + 40)
    return NULL;
  if (a < 0)
    a += 2 * G_PI;
  i = (guint) lround (a / (2 * G_PI) * self->radar->n_axes) % self->radar->n_axes;
  agent = isfinite (self->radar->agent[i])
          ? kefu_chart_format_value (KEFU_UNIT_SCORE, self->radar->agent[i])
          : g_strdup_printf ("— %s", kefu_metric_missing_describe (KEFU_METRIC_MISSING_NO_DATA));
  average = kefu_chart_format_value (KEFU_UNIT_SCORE, self->radar->average[i]);
  /* Translators: an item of the scheme, the agent's points, the shop's average points */
  return g_strdup_printf (_("%s\n%s  %s points\nShop average  %s points"),
                          self->radar->labels[i], self->radar->agent_name, agent, average);
}

/**
 * kefu_radar_chart_set_radar:
 * @radar: (transfer full) (nullable): from kefu_chart_radar_from_report()
 */
void
kefu_radar_chart_set_radar (KefuRadarChart *self,
                            KefuChartRadar *radar)
{
  g_return_if_fail (KEFU_IS_RADAR_CHART (self));

  g_clear_pointer (&self->radar, kefu_chart_radar_free);
  kefu_chart_clear_legend (KEFU_CHART (self));
  self->radar = radar;
  if (radar != NULL)
    {
      kefu_chart_add_legend (KEFU_CHART (self), radar->agent_name, KEFU_CHART_COLOR_ACCENT, KEFU_CHART_MARK_BOX);
      kefu_chart_add_legend (KEFU_CHART (self), _("Shop average"), KEFU_CHART_COLOR_FG, KEFU_CHART_MARK_DASH);
    }
  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_radar_chart_new (void)
{
  return g_object_new (KEFU_TYPE_RADAR_CHART, NULL);
}

static void
kefu_radar_chart_finalize (GObject *object)
{
  g_clear_pointer (&KEFU_RADAR_CHART (object)->radar, kefu_chart_radar_free);

  G_OBJECT_CLASS (kefu_radar_chart_parent_class)->finalize (object);
}

static void
kefu_radar_chart_class_init (KefuRadarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  object_class->finalize = kefu_radar_chart_finalize;
  chart_class->is_empty = kefu_radar_chart_is_empty;
  chart_class->draw = kefu_radar_chart_draw;
  chart_class->tooltip_at = kefu_radar_chart_tooltip_at;
}

static void
kefu_radar_chart_init (KefuRadarChart *self)
{
  kefu_chart_set_empty_text (KEFU_CHART (self), _("No item points to compare: score the period with a scheme of three items or more"));
}
