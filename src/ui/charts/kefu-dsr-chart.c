/* kefu-dsr-chart.c — the shop's DSR per month against the industry's
 *
 * A solid line per dimension (描述, 服务, 物流), the industry's average
 * dashed in the same colour; each month's figure carries ↑ or ↓ for
 * above or below the industry, in the success or error colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "charts/kefu-dsr-chart.h"

struct _KefuDsrChart
{
  KefuChart        parent_instance;

  KefuDsrHistory  *history;
  KefuChartScale   scale;
  graphene_rect_t  plot;
};

G_DEFINE_FINAL_TYPE (KefuDsrChart, kefu_dsr_chart, KEFU_TYPE_CHART)

static gboolean
kefu_dsr_chart_is_empty (KefuChart *chart)
{
  KefuDsrChart *self = KEFU_DSR_CHART (chart);

  return self->history == NULL || kefu_dsr_history_is_empty (self->history);
}

static float
month_x (KefuDsrChart *self,
         guint         i)
{
  return self->plot.origin.x + self->plot.size.width * (i + 0.5f) / self->history->n_months;
}

static float
score_y (KefuDsrChart *self,
         double        score)
{
  return self->plot.origin.y + self->plot.size.height * (1 - kefu_chart_scale_normalise (&self->scale, score));
}

static char *
month_label (const KefuDsrMonth *month)
{
  /* Translators: a month on a chart's axis, year then month: 2026-10 */
  return g_strdup_printf (_("%1$d-%2$02d"), (int) g_date_get_year (&month->first),
                          (int) g_date_get_month (&month->first));
}

static void
line (KefuDsrChart *self,
      cairo_t      *cr,
      guint         k,
      gboolean      industry)
{
  gboolean open = FALSE;

  for (guint i = 0; i < self->history->n_months; i++)
    {
      const KefuDsrMonth *month = &self->history->months[i];
      double v = industry ? month->industry[k] : month->shop[k];

      if (!isfinite (v))
        {
          open = FALSE;
          continue;
        }
      if (!industry)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, month_x (self, i), score_y (self, v), 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          if (open)
            {
              const KefuDsrMonth *prev = &self->history->months[i - 1];

              cairo_move_to (cr, month_x (self, i - 1), score_y (self, prev->shop[k]));
              cairo_line_to (cr, month_x (self, i), score_y (self, v));
              cairo_stroke (cr);
            }
          open = TRUE;
          continue;
        }
      if (open)
        cairo_line_to (cr, month_x (self, i), score_y (self, v));
      else
        cairo_move_to (cr, month_x (self, i), score_y (self, v));
      open = TRUE;
    }
  if (industry)
    cairo_stroke (cr);
}

static void
kefu_dsr_chart_draw (KefuChart             *chart,
                     GtkSnapshot           *snapshot,
                     const graphene_rect_t *area,
                     const KefuChartStyle  *style)
{
  KefuDsrChart *self = KEFU_DSR_CHART (chart);
  float height = kefu_chart_line_height (chart);
  graphene_rect_t bounds;
  cairo_t *cr;

  kefu_chart_draw_y_axis (chart, snapshot, style, &self->scale, area, height + 6, &self->plot);

  for (guint i = 0; i < self->history->n_months; i++)
    {
      g_autofree char *label = month_label (&self->history->months[i]);

      kefu_chart_draw_text (chart, snapshot, label, month_x (self, i),
                            self->plot.origin.y + self->plot.size.height + 6, 0.5f, &style->dim);
    }

  graphene_rect_inset_r (&self->plot, -6, -6, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
    {
      gdk_cairo_set_source_rgba (cr, &style->palette[k]);
      cairo_set_line_width (cr, style->line_width * 0.75);
      cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
      line (self, cr, k, TRUE);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, style->line_width);
      line (self, cr, k, FALSE);
    }
  cairo_destroy (cr);

  /* ↑ / ↓ beside each month's figure. */
  for (guint i = 0; i < self->history->n_months; i++)
    for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
      {
        const KefuDsrMonth *month = &self->history->months[i];
        gboolean up;

        if (!isfinite (month->shop[k]) || !isfinite (month->industry[k]) ||
            kefu_unit_round (KEFU_UNIT_SCORE, month->shop[k]) == kefu_unit_round (KEFU_UNIT_SCORE, month->industry[k]))
          continue;
        up = month->shop[k] > month->industry[k];
        kefu_chart_draw_text (chart, snapshot, up ? "↑" : "↓", month_x (self, i) + 8,
                              score_y (self, month->shop[k]) - height / 2, 0, up ? &style->good : &style->bad);
      }
}

static const char *
dimension_label (guint k)
{
  const KefuMetricInfo *info = kefu_metric_lookup (kefu_dsr_history_get_keys ()[k]);

  return kefu_metric_get_label (info);
}

static char *
kefu_dsr_chart_tooltip_at (KefuChart *chart,
                           double     x,
                           double     y)
{
  KefuDsrChart *self = KEFU_DSR_CHART (chart);
  g_autofree char *label = NULL;
  GString *text;
  guint i;

  if (!graphene_rect_contains_point (&self->plot, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;
  i = MIN ((guint) ((x - self->plot.origin.x) / self->plot.size.width * self->history->n_months),
           self->history->n_months - 1);
  label = month_label (&self->history->months[i]);
  text = g_string_new (label);
  for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
    {
      const KefuDsrMonth *month = &self->history->months[i];
      g_autofree char *shop = kefu_chart_format_value (KEFU_UNIT_SCORE, month->shop[k]);
      g_autofree char *industry = kefu_chart_format_value (KEFU_UNIT_SCORE, month->industry[k]);
      const char *arrow = !isfinite (month->shop[k]) || !isfinite (month->industry[k]) ? ""
                        : month->shop[k] > month->industry[k] ? " ↑"
                        : month->shop[k] < month->industry[k] ? " ↓" : "";

      /* Translators: a DSR dimension, the shop's score and arrow, the industry's average */
      g_string_append_printf (text, _("\n%s  %s%s (industry %s)"), dimension_label (k), shop, arrow, industry);
    }
  return g_string_free (text, FALSE);
}

/**
 * kefu_dsr_chart_set_history:
 * @history: (transfer full) (nullable): from kefu_dsr_history_query()
 */
void
kefu_dsr_chart_set_history (KefuDsrChart   *self,
                            KefuDsrHistory *history)
{
  double lo = NAN, hi = NAN;

  g_return_if_fail (KEFU_IS_DSR_CHART (self));

  g_clear_pointer (&self->history, kefu_dsr_history_free);
  kefu_chart_clear_legend (KEFU_CHART (self));
  self->history = history;
  if (history == NULL)
    {
      kefu_chart_changed (KEFU_CHART (self));
      return;
    }

  for (guint i = 0; i < history->n_months; i++)
    for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
      {
        double values[2] = { history->months[i].shop[k], history->months[i].industry[k] };

        for (guint j = 0; j < 2; j++)
          if (isfinite (values[j]))
            {
              lo = isnan (lo) ? values[j] : MIN (lo, values[j]);
              hi = isnan (hi) ? values[j] : MAX (hi, values[j]);
            }
      }
  kefu_chart_scale_init (&self->scale, KEFU_UNIT_SCORE, lo, MIN (hi, 5), 5, FALSE);

  for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
    kefu_chart_add_legend (KEFU_CHART (self), dimension_label (k), k, KEFU_CHART_MARK_LINE);
  kefu_chart_add_legend (KEFU_CHART (self), _("Industry average"), KEFU_CHART_COLOR_FG, KEFU_CHART_MARK_DASH);
  kefu_chart_changed (KEFU_CHART (self));
}

GtkWidget *
kefu_dsr_chart_new (void)
{
  return g_object_new (KEFU_TYPE_DSR_CHART, NULL);
}

static void
kefu_dsr_chart_finalize (GObject *object)
{
  g_clear_pointer (&KEFU_DSR_CHART (object)->history, kefu_dsr_history_free);

  G_OBJECT_CLASS (kefu_dsr_chart_parent_class)->finalize (object);
}

static void
kefu_dsr_chart_class_init (KefuDsrChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuChartClass *chart_class = KEFU_CHART_CLASS (klass);

  object_class->finalize = kefu_dsr_chart_finalize;
  chart_class->is_empty = kefu_dsr_chart_is_empty;
  chart_class->draw = kefu_dsr_chart_draw;
  chart_class->tooltip_at = kefu_dsr_chart_tooltip_at;
}

static void
kefu_dsr_chart_init (KefuDsrChart *self)
{
  kefu_chart_set_empty_text (KEFU_CHART (self), _("No DSR imported for these months"));
}
