/* kefu-workbook-charts.c — the Charts sheet (图表)
 *
 * Native Excel charts over the other sheets' cells, so they follow any
 * edit: the agents' totals (columns), each agent's weighted item points
 * stacked into the total (bars, the first ranked on top), and the shop's
 * daily trend of the scheme's heaviest metrics (lines, a gap where a day
 * has no value).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"

#define CHART_WIDTH 480.0    /* libxlsxwriter's default size, in pixels */
#define CHART_HEIGHT 288.0
#define ROW_HEIGHT 20.0
#define MAX_TRENDS 6

static char *
reference (const char *sheet_ref,
           guint       first_row,
           guint       first_col,
           guint       last_row,
           guint       last_col)
{
  g_autofree char *range = _kefu_workbook_range (first_row, first_col, last_row, last_col);

  return g_strconcat ("=", sheet_ref, range, NULL);
}

/* Rows a chart of @y_scale takes, with a gap below. */
static guint
chart_rows (double y_scale)
{
  return (guint) ceil (CHART_HEIGHT * y_scale / ROW_HEIGHT) + 2;
}

static void
insert (KefuWorkbookContext *ctx,
        guint                row,
        guint                col,
        lxw_chart           *chart,
        double               x_scale,
        double               y_scale,
        const char          *description)
{
  lxw_chart_options options = {
    .x_scale = x_scale, .y_scale = y_scale,
    .description = (char *) description,
  };

  worksheet_insert_chart_opt (ctx->charts, row, col, chart, &options);
}

static guint
totals_chart (KefuWorkbookContext *ctx,
              guint                row)
{
  guint n = ctx->agents->len, first = ctx->summary_first_row;
  g_autofree char *agents = reference (ctx->summary_ref, first, 1, first + n - 1, 1);
  g_autofree char *totals = reference (ctx->summary_ref, first, ctx->summary_total_col,
                                       first + n - 1, ctx->summary_total_col);
  lxw_chart *chart = workbook_add_chart (ctx->xlsx, LXW_CHART_COLUMN);
  lxw_chart_series *series = chart_add_series (chart, agents, totals);
  double x_scale = CLAMP (n / 12.0, 1, 4);
  lxw_chart_font labels = { .rotation = n > 12 ? -45 : 0 };

  chart_series_set_name (series, TR (ctx, N_("Total")));
  chart_series_set_labels (series);
  chart_series_set_labels_num_format (series, "0.0");
  chart_title_set_name (chart, TR (ctx, N_("Total points by agent")));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_font (chart->x_axis, &labels);
  chart_axis_set_min (chart->y_axis, 0);
  insert (ctx, row, 0, chart, x_scale, 1, TR (ctx, N_("Total points by agent")));
  return row + chart_rows (1);
}

static guint
items_chart (KefuWorkbookContext *ctx,
             guint                row)
{
  guint n = ctx->agents->len, first = ctx->summary_first_row;
  g_autofree char *agents = reference (ctx->summary_ref, first, 1, first + n - 1, 1);
  lxw_chart *chart = workbook_add_chart (ctx->xlsx, LXW_CHART_BAR_STACKED);
  double y_scale = CLAMP (n * 18.0 / CHART_HEIGHT, 1, 12);

  for (guint i = 0; i < ctx->n_items; i++)
    {
      guint col = 2 + 3 * i + 2;   /* the item's weighted points */
      g_autofree char *values = reference (ctx->summary_ref, first, col, first + n - 1, col);
      lxw_chart_series *series = chart_add_series (chart, agents, values);

      /* The item's label, from its cell: a label is the shop's own text,
       * never a formula. */
      chart_series_set_name_range (series, ctx->summary_name, ctx->summary_header_row, 2 + 3 * i);
    }
  chart_title_set_name (chart, TR (ctx, N_("Weighted points of each item")));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* In a bar chart the category axis is the vertical one, y. */
  chart_axis_set_reverse (chart->y_axis);   /* the first ranked on top */
  chart_axis_set_min (chart->x_axis, 0);
  chart_set_series_gap (chart, 40);
  insert (ctx, row, 0, chart, 1.6, y_scale, TR (ctx, N_("Weighted points of each item")));
  return row + chart_rows (y_scale);
}

static int
compare_weight (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  KefuWorkbookContext *ctx = data;
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;
  KefuSchemeItem *ix = kefu_scheme_find_item (ctx->scheme, KEFU_ITEM_KIND_METRIC, x);
  KefuSchemeItem *iy = kefu_scheme_find_item (ctx->scheme, KEFU_ITEM_KIND_METRIC, y);
  double wx = ix ? kefu_scheme_item_get_weight (ix) : 0, wy = iy ? kefu_scheme_item_get_weight (iy) : 0;

  return wx > wy ? -1 : wx < wy;
}

static guint
trend_charts (KefuWorkbookContext *ctx,
              guint                row)
{
  guint first = ctx->detail_shop_first_row, n_days = ctx->detail_shop_n_days;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *days = NULL;

  if (n_days == 0 || ctx->detail_keys == NULL || ctx->detail_keys->len == 0)
    {
      worksheet_write_string (ctx->charts, row, 0,
                              TR (ctx, N_("No daily values in this period: no trend to draw.")),
                              ctx->formats.note);
      return row + 2;
    }

  /* The heaviest metrics of the scheme, in its order when they weigh alike. */
  keys = g_ptr_array_copy (ctx->detail_keys, NULL, NULL);
  g_ptr_array_sort_with_data (keys, compare_weight, ctx);
  days = reference (ctx->detail_ref, first, 1, first + n_days - 1, 1);

  for (guint i = 0; i < MIN (keys->len, MAX_TRENDS); i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      guint col = 0;
      lxw_chart *chart = workbook_add_chart (ctx->xlsx, LXW_CHART_LINE);
      g_autofree char *values = NULL;
      lxw_chart_series *series;
      g_autofree char *title = NULL;

      for (guint k = 0; k < ctx->detail_keys->len; k++)
        if (g_str_equal (g_ptr_array_index (ctx->detail_keys, k), key))
          col = ctx->detail_first_col + k;
      values = reference (ctx->detail_ref, first, col, first + n_days - 1, col);
      series = chart_add_series (chart, days, values);
      chart_series_set_name (series, TR (ctx, N_("Whole shop")));
      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_marker_size (series, 4);
      /* Translators: the title of a trend chart: a metric, by day */
      title = g_strdup_printf (TR (ctx, N_("%s by day")), _kefu_workbook_metric_label (ctx, key));
      /* A title is ours, but a leading "=" would make it a reference. */
      chart_title_set_name (chart, title[0] == '=' ? title + 1 : title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_num_format (chart->x_axis, "mm-dd");
      chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
      insert (ctx, row + (i / 2) * chart_rows (1), (i % 2) * 8, chart, 1, 1, title);
    }
  return row + ((MIN (keys->len, MAX_TRENDS) + 1) / 2) * chart_rows (1);
}

/**
 * _kefu_workbook_write_charts:
 *
 * Writes the Charts sheet; the Summary and Details sheets are written.
 */
gboolean
_kefu_workbook_write_charts (KefuWorkbookContext  *ctx,
                             GError              **error)
{
  lxw_worksheet *sheet = ctx->charts;
  guint row = 2;

  worksheet_write_string (sheet, 0, 0, TR (ctx, N_("Charts")), ctx->formats.title);
  if (ctx->agents->len == 0)
    {
      worksheet_write_string (sheet, row, 0, TR (ctx, N_("No agents to chart in this period.")),
                              ctx->formats.note);
      return TRUE;
    }

  row = totals_chart (ctx, row);
  if (ctx->n_items > 0)
    row = items_chart (ctx, row);
  trend_charts (ctx, row);
  return TRUE;
}
