/* kefu-heatmap-chart.c — weekday × hour of day, for planning shifts
 *
 * Seven rows (Monday first, as Chinese calendars are), 24 columns; a
 * cell's colour is one hue at an opacity from faint to full, so it reads
 * the same on a light and a dark background. A cell without data stays
 * empty rather than looking like zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-heatmap-chart.h"

#define GAP 2.f

struct _KefuHeatmapChart
{
  KefuChart        parent_instance;

  gboolean         has_data;
  KefuChartGrid    grid;
  float            norm[KEFU_CHART_GRID_DAYS][KEFU_CHART_GRID_HOURS];
  int              color;
  graphene_rect_t  plot;
};

G_DEFINE_FINAL_TYPE (KefuHeatmapChart, kefu_heatmap_chart, KEFU_TYPE_CHART)

static const char *
weekday_name (guint day)
{
  static const char * const names[] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
  };

  return _(names[day]);
}

static const char *
weekday_long_name (guint day)
{
  static const char * const names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  return _(names[day]);
}

static gboolean
kefu_heatmap_chart_is_empty (KefuChart *chart)
{
  return !KEFU_HEATMAP_CHART (chart)->has_data;
}

static void
kefu_heatmap_chart_draw (KefuChart             *chart,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *area,
                         const KefuChartStyle  *style)
{
  KefuHeatmapChart *self = KEFU_HEATMAP_CHART (chart);
  const GdkRGBA *hue = kefu_chart_style_color (style, self->color);
  float line = kefu_chart_line_height (chart);
  int label_width = 0;
  float cell_w, cell_h, scale_y;
  double hx, hy;
  gboolean hovering = kefu_chart_get_hover (chart, &hx, &hy);
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
    {
      g_autoptr(PangoLayout) layout = kefu_chart_layout (chart, weekday_name (d), TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
    }

  /* Rows, hour labels, then the colour scale. */
  graphene_rect_init (&self->plot, area->origin.x + label_width + 8, area->origin.y,
                      MAX (area->size.width - label_width - 8, 1),
                      MAX (area->size.height - 2 * line - 20, 1));
  cell_w = self->plot.size.width / KEFU_CHART_GRID_HOURS;
  cell_h = self->plot.size.height / KEFU_CHART_GRID_DAYS;

  for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
    {
      float y = self->plot.origin.y + d * cell_h;

      kefu_chart_draw_text (chart, snapshot, weekday_name (d), self->plot.origin.x - 8,
                            y + (cell_h - line) / 2, 1, &style->dim);
      for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h++)
        {
          graphene_rect_t cell = GRAPHENE_RECT_INIT (self->plot.origin.x + h * cell_w + GAP / 2, y + GAP / 2,
                                                     MAX (cell_w - GAP, 1), MAX (cell_h - GAP, 1));
          float t = self->norm[d][h];
          GdkRGBA fill = *hue;

          if (isnan (t))
            fill = style->faint;
          else
            fill.alpha = 0.08f + 0.92f * t;
          gtk_snapshot_append_color (snapshot, &fill, &cell);
        }
    }

  if (hovering && graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (hx, hy)))
    {
      int h = (int) ((hx - self->plot.origin.x) / cell_w);
      int d = (int) ((hy - self->plot.origin.y) / cell_h);
      GskRoundedRect outline;
      const GdkRGBA colors[4] = { style->fg, style->fg, style->fg, style->fg };
      const float widths[4] = { 2, 2, 2, 2 };

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (self->plot.origin.x + h * cell_w,
                                                            self->plot.origin.y + d * cell_h, cell_w, cell_h), 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h += 3)
    {
      g_autofree char *label = g_strdup_printf ("%u", h);

      kefu_chart_draw_text (chart, snapshot, label, self->plot.origin.x + h * cell_w + cell_w / 2,
                            self->plot.origin.y + self->plot.size.height + 4, 0.5f, &style->dim);
    }

  /* The colour scale: faint to full, the values at its ends. */
  scale_y = self->plot.origin.y + self->plot.size.height + line + 12;
  min_text = kefu_chart_format_value (self->grid.unit, self->grid.min);
  max_text = kefu_chart_format_value (self->grid.unit, self->grid.max);
  {
    float x = self->plot.origin.x;
    float w = kefu_chart_draw_text (chart, snapshot, min_text, x, scale_y, 0, &style->dim);
    float bar_x = x + w + 8;
    float bar_w = MIN (160, self->plot.size.width / 3);

    for (guint i = 0; i < 16; i++)
      {
        GdkRGBA fill = *hue;

        fill.alpha = 0.08f + 0.92f * i / 15.f;
        gtk_snapshot_append_color (snapshot, &fill,
                                   &GRAPHENE_RECT_INIT (bar_x + i * bar_w / 16, scale_y + 2, bar_w / 16, line - 4));
      }
    kefu_chart_draw_text (chart, snapshot, max_text, bar_x + bar_w + 8, scale_y, 0, &style->dim);
  }
}

static char *
kefu_heatmap_chart_tooltip_at (KefuChart *chart,
                               double     x,
                               double     y)
{
  KefuHeatmapChart *self = KEFU_HEATMAP_CHART (chart);
  g_autofree char *value = NULL;
  int h, d;
  double v;

  if (!graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;
  h = CLAMP ((int) ((x - self->plot.origin.x) / (self->plot.size.width / KEFU_CHART_GRID_HOURS)), 0, 23);
  d = CLAMP ((int) ((y - self->plot.origin.y) / (self->plot.size.height / KEFU_CHART_GRID_DAYS)), 0, 6);
  v = self->grid.values[d][h];
  value = isfinite (v) ? kefu_chart_format_value (self->grid.unit, v)
                       : g_strdup_printf ("— %s", kefu_metric_missing_describe (KEFU_METRIC_MISSING_NO_DATA));
  /* Translators: a weekday, an hour range, then a value: "Tuesday 14:00–15:00  123" */
  return g_strdup_printf (_("%s %02d:00–%02d:00  %s"), weekday_long_name (d), h, h + 1, value);
}

/**
 * kefu_heatmap_chart_set_grid:
 * @grid: (nullable): the values; copied
 * @color: a palette index, or KEFU_CHART_COLOR_ACCENT
 */
void
kefu_heatmap_chart_set_grid (KefuHeatmapChart    *self,
                             const KefuChartGrid *grid,
                             int                  color)
{
  KefuChartScale scale = { 0 };

  g_return_if_fail (KEFU_IS_HEATMAP_CHART (self));

  self->color = color;
  self->has_data = grid != NULL && isfinite (grid->max);
  if (grid != NULL)
    self->grid = *grid;
  if (self->has_data)
    {
      /* From zero, so that a quiet hour looks quiet. */
      scale.unit = grid->unit;
      scale.min = MIN (grid->min, 0);
      scale.max = grid->max > scale.min ? grid->max : scale.min + 1;
      for (guint d = 0; d < KEFU_CHART_GRID_DAYS; d++)
        for (guint h = 0; h < KEFU_CHART_GRID_HOURS; h++)
          self->norm[d][h] = kefu_chart_scale_normalise (&scale, grid->values[d][h]);
    }
  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_heatmap_chart_new (void)
{
  return g_object_new (KEFU_TYPE_HEATMAP_CHART, NULL);
}

static void
kefu_heatmap_chart_class_init (KefuHeatmapChartClass *klass)
{
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  chart_class->is_empty = kefu_heatmap_chart_is_empty;
  chart_class->draw = kefu_heatmap_chart_draw;
  chart_class->tooltip_at = kefu_heatmap_chart_tooltip_at;
}

static void
kefu_heatmap_chart_init (KefuHeatmapChart *self)
{
  self->color = KEFU_CHART_COLOR_ACCENT;
}
