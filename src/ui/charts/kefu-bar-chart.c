/* kefu-bar-chart.c — agents side by side, horizontal bars, best first
 *
 * One bar per agent, names at the start in full (Chinese names are never
 * cut), the exact value at the end; stacked by item for composite
 * totals. The widget asks for the height its rows need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-bar-chart.h"

#define ROW_HEIGHT 28.f
#define BAR_HEIGHT 16.f

struct _KefuBarChart
{
  KefuChart        parent_instance;

  KefuChartBars   *bars;
  KefuChartScale   scale;
  float           *ends;        /* per bar × (1 + n_segments): 0..1 */
  graphene_rect_t  plot;
  float            top;         /* the first row's top */

  /* Names and values laid out once, until the font changes. */
  GPtrArray       *names;
  GPtrArray       *values;
  guint            serial;
  int              name_width;
  int              value_width;
};

G_DEFINE_FINAL_TYPE (KefuBarChart, kefu_bar_chart, KEFU_TYPE_CHART)

static guint
stride (KefuBarChart *self)
{
  return 1 + self->bars->n_segments;
}

static gboolean
kefu_bar_chart_is_empty (KefuChart *chart)
{
  KefuBarChart *self = KEFU_BAR_CHART (chart);

  if (self->bars == NULL)
    return TRUE;
  for (guint i = 0; i < self->bars->bars->len; i++)
    if (!isnan (((KefuChartBar *) g_ptr_array_index (self->bars->bars, i))->value))
      return FALSE;
  return TRUE;
}

static char *
bar_text (KefuBarChart       *self,
          const KefuChartBar *bar)
{
  if (isnan (bar->value))
    return g_strdup_printf ("— %s", kefu_metric_missing_describe (bar->missing));
  return kefu_chart_format_value (self->bars->unit, bar->value);
}

static void
lay_out (KefuBarChart *self)
{
  KefuChart *chart = KEFU_CHART (self);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->names != NULL && self->serial == serial)
    return;

  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  self->names = g_ptr_array_new_with_free_func (g_object_unref);
  self->values = g_ptr_array_new_with_free_func (g_object_unref);
  self->serial = serial;
  self->name_width = self->value_width = 0;
  for (guint i = 0; i < self->bars->bars->len; i++)
    {
      const KefuChartBar *bar = g_ptr_array_index (self->bars->bars, i);
      g_autofree char *value = bar_text (self, bar);
      PangoLayout *name = kefu_chart_layout (chart, bar->label, FALSE);
      PangoLayout *text = kefu_chart_layout (chart, value, TRUE);
      int w;

      pango_layout_get_pixel_size (name, &w, NULL);
      self->name_width = MAX (self->name_width, w);
      pango_layout_get_pixel_size (text, &w, NULL);
      if (!isnan (bar->value))
        self->value_width = MAX (self->value_width, w);
      g_ptr_array_add (self->names, name);
      g_ptr_array_add (self->values, text);
    }
}

static void
kefu_bar_chart_draw (KefuChart             *chart,
                     GtkSnapshot           *snapshot,
                     const graphene_rect_t *area,
                     const KefuChartStyle  *style)
{
  KefuBarChart *self = KEFU_BAR_CHART (chart);
  float line = kefu_chart_line_height (chart);
  guint n = self->bars->bars->len;
  GPtrArray *names, *values;
  int name_width, value_width;
  double hx, hy;
  gboolean hovering = kefu_chart_get_hover (chart, &hx, &hy);

  lay_out (self);
  names = self->names;
  values = self->values;
  name_width = self->name_width;
  value_width = self->value_width;

  graphene_rect_init (&self->plot, area->origin.x + name_width + 12, area->origin.y,
                      MAX (area->size.width - name_width - 12 - value_width - 8, 1),
                      MIN (n * ROW_HEIGHT, MAX (area->size.height - line - 6, 1)));
  self->top = self->plot.origin.y;

  /* Vertical grid lines with their labels under the rows. */
  for (guint t = 0; t < self->scale.n_ticks; t++)
    {
      double v = kefu_chart_scale_tick (&self->scale, t);
      float x = self->plot.origin.x + self->plot.size.width * kefu_chart_scale_normalise (&self->scale, v);
      g_autofree char *label = kefu_chart_scale_label (&self->scale, v);

      gtk_snapshot_append_color (snapshot, &style->grid,
                                 &GRAPHENE_RECT_INIT (x - 0.5f, self->plot.origin.y, 1, self->plot.size.height));
      kefu_chart_draw_text (chart, snapshot, label, x, self->plot.origin.y + self->plot.size.height + 6,
                            t == 0 ? 0 : 0.5f, &style->dim);
    }

  /* The shop's value: a mark in the gaps between the rows, so that it
   * crosses out no bar's label. */
  if (isfinite (self->bars->reference))
    {
      float x = self->plot.origin.x +
                self->plot.size.width * kefu_chart_scale_normalise (&self->scale, self->bars->reference);
      float gap = (ROW_HEIGHT - BAR_HEIGHT) / 2;

      for (float y = self->plot.origin.y; y + ROW_HEIGHT <= self->plot.origin.y + self->plot.size.height + 0.5f; y += ROW_HEIGHT)
        {
          gtk_snapshot_append_color (snapshot, &style->fg, &GRAPHENE_RECT_INIT (x - 1, y, 2, gap - 1));
          gtk_snapshot_append_color (snapshot, &style->fg,
                                     &GRAPHENE_RECT_INIT (x - 1, y + ROW_HEIGHT - gap + 1, 2, gap - 1));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const KefuChartBar *bar = g_ptr_array_index (self->bars->bars, i);
      float y = self->top + i * ROW_HEIGHT;
      float bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      const float *ends = &self->ends[i * stride (self)];
      int text_height, name_height;
      float end_x;

      if (y + ROW_HEIGHT > self->plot.origin.y + self->plot.size.height + 0.5f)
        break;

      if (hovering && hy >= y && hy < y + ROW_HEIGHT && hx >= area->origin.x)
        gtk_snapshot_append_color (snapshot, &style->faint,
                                   &GRAPHENE_RECT_INIT (area->origin.x, y, area->size.width, ROW_HEIGHT));

      pango_layout_get_pixel_size (g_ptr_array_index (names, i), NULL, &name_height);
      kefu_chart_draw_layout (snapshot, g_ptr_array_index (names, i), area->origin.x,
                              y + (ROW_HEIGHT - name_height) / 2, &style->fg);

      if (bar->segments != NULL)
        {
          float from = 0;

          for (guint s = 0; s < self->bars->n_segments; s++)
            {
              float to = ends[1 + s];

              if (to > from)
                gtk_snapshot_append_color (snapshot, &style->palette[s % KEFU_CHART_N_COLORS],
                                           &GRAPHENE_RECT_INIT (self->plot.origin.x + self->plot.size.width * from, bar_y,
                                                                self->plot.size.width * (to - from), BAR_HEIGHT));
              from = MAX (from, to);
            }
          end_x = self->plot.origin.x + self->plot.size.width * MAX (from, ends[0]);
        }
      else if (!isnan (ends[0]))
        {
          float zero = kefu_chart_scale_normalise (&self->scale, 0);
          float a = MIN (zero, ends[0]), b = MAX (zero, ends[0]);

          gtk_snapshot_append_color (snapshot, &style->accent,
                                     &GRAPHENE_RECT_INIT (self->plot.origin.x + self->plot.size.width * a, bar_y,
                                                          MAX (self->plot.size.width * (b - a), 1), BAR_HEIGHT));
          end_x = self->plot.origin.x + self->plot.size.width * b;
        }
      else
        end_x = self->plot.origin.x;

      pango_layout_get_pixel_size (g_ptr_array_index (values, i), NULL, &text_height);
      kefu_chart_draw_layout (snapshot, g_ptr_array_index (values, i), end_x + 6,
                              y + (ROW_HEIGHT - text_height) / 2,
                              isnan (bar->value) ? &style->dim : &style->fg);
    }

}

static char *
kefu_bar_chart_tooltip_at (KefuChart *chart,
                           double     x,
                           double     y)
{
  KefuBarChart *self = KEFU_BAR_CHART (chart);
  const KefuChartBar *bar;
  g_autofree char *value = NULL;
  GString *text;
  int i;

  if (y < self->top)
    return NULL;
  i = (int) ((y - self->top) / ROW_HEIGHT);
  if (i < 0 || (guint) i >= self->bars->bars->len)
    return NULL;

  bar = g_ptr_array_index (self->bars->bars, i);
  value = bar_text (self, bar);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s  %s", bar->label, value);
  for (guint s = 0; bar->segments != NULL && s < self->bars->n_segments; s++)
    {
      g_autofree char *points = kefu_chart_format_value (KEFU_UNIT_SCORE, bar->segments[s]);

      g_string_append_printf (text, "\n%s  %s", self->bars->segment_labels[s], points);
    }
  if (isfinite (self->bars->reference))
    {
      g_autofree char *reference = kefu_chart_format_value (self->bars->unit, self->bars->reference);

      g_string_append_printf (text, "\n%s  %s", self->bars->reference_label, reference);
    }
  return g_string_free (text, FALSE);
}

static void
kefu_bar_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KefuBarChart *self = KEFU_BAR_CHART (widget);

  GTK_WIDGET_CLASS (kefu_bar_chart_parent_class)->measure (widget, orientation, for_size,
                                                           minimum, natural,
                                                           minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL && self->bars != NULL && !kefu_bar_chart_is_empty (KEFU_CHART (self)))
    {
      float line = kefu_chart_line_height (KEFU_CHART (self));
      /* Rows, the axis' labels, padding, and a legend of two lines at most. */
      int rows = self->bars->bars->len * ROW_HEIGHT + line + 6 + 24 +
                 (self->bars->n_segments > 0 || isfinite (self->bars->reference) ? 2 * (line + 4) + 8 : 0);

      *minimum = MAX (*minimum, rows);
      *natural = MAX (*natural, rows);
    }
}

/**
 * kefu_bar_chart_set_bars:
 * @bars: (transfer full) (nullable): from kefu_chart_bars_from_table() or
 *   kefu_chart_bars_from_report()
 */
void
kefu_bar_chart_set_bars (KefuBarChart  *self,
                         KefuChartBars *bars)
{
  guint k;

  g_return_if_fail (KEFU_IS_BAR_CHART (self));

  g_clear_pointer (&self->bars, kefu_chart_bars_free);
  g_clear_pointer (&self->ends, g_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  kefu_chart_clear_legend (KEFU_CHART (self));
  self->bars = bars;
  if (bars == NULL)
    {
      kefu_chart_changed (KEFU_CHART (self));
      return;
    }

  kefu_chart_scale_init (&self->scale, bars->unit, 0, kefu_chart_bars_get_max (bars), 6, TRUE);
  k = stride (self);
  self->ends = g_new (float, bars->bars->len * k);
  for (guint i = 0; i < bars->bars->len; i++)
    {
      const KefuChartBar *bar = g_ptr_array_index (bars->bars, i);
      double sum = 0;

      self->ends[i * k] = kefu_chart_scale_normalise (&self->scale, bar->value);
      for (guint s = 0; s < bars->n_segments; s++)
        {
          if (bar->segments != NULL && isfinite (bar->segments[s]) && bar->segments[s] > 0)
            sum += bar->segments[s];
          self->ends[i * k + 1 + s] = kefu_chart_scale_normalise (&self->scale, sum);
        }
    }

  for (guint s = 0; s < bars->n_segments; s++)
    kefu_chart_add_legend (KEFU_CHART (self), bars->segment_labels[s], s, KEFU_CHART_MARK_BOX);
  if (isfinite (bars->reference))
    {
      g_autofree char *value = kefu_chart_format_value (bars->unit, bars->reference);
      g_autofree char *label = g_strdup_printf ("%s %s", bars->reference_label, value);

      kefu_chart_add_legend (KEFU_CHART (self), label, KEFU_CHART_COLOR_FG, KEFU_CHART_MARK_DASH);
    }
  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_bar_chart_new (void)
{
  return g_object_new (KEFU_TYPE_BAR_CHART, NULL);
}

static void
kefu_bar_chart_finalize (GObject *object)
{
  KefuBarChart *self = KEFU_BAR_CHART (object);

  g_clear_pointer (&self->bars, kefu_chart_bars_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->ends);

  G_OBJECT_CLASS (kefu_bar_chart_parent_class)->finalize (object);
}

static void
kefu_bar_chart_class_init (KefuBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  object_class->finalize = kefu_bar_chart_finalize;
  widget_class->measure = kefu_bar_chart_measure;
  chart_class->is_empty = kefu_bar_chart_is_empty;
  chart_class->draw = kefu_bar_chart_draw;
  chart_class->tooltip_at = kefu_bar_chart_tooltip_at;
}

static void
kefu_bar_chart_init (KefuBarChart *self)
{
}
