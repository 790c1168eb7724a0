/* test-chart-widgets.c — every chart draws the made-up month, shows exact
 * values in its tooltips, says so when empty, and exports; the Charts
 * view arranges them, reading the logs of a store in a thread
 *
 * Runs under Xvfb with G_DEBUG=fatal-warnings, so any warning fails it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "charts/kefu-bar-chart.h"
#include "charts/kefu-dsr-chart.h"
#include "charts/kefu-heatmap-chart.h"
#include "charts/kefu-histogram-chart.h"
#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-chart-fixtures.h"
#include "kefu-charts-view.h"
#include "kefu-metric-test-utils.h"
#include "kefu-resources.h"
#include "kefu-test-utils.h"

#define WIDTH  720
#define HEIGHT 380

static void
wait_for_idle (void)
{
  gint64 until = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

  /* The frame clock needs wall time, not only idles, to draw. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
show (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  wait_for_idle ();
  return window;
}

/* How many different colours the texture has: a drawn chart has many,
 * a blank one one. */
static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  return g_hash_table_size (colours);
}

/* Renders @chart as the window does (its snapshot through the window's
 * renderer) and as an export does. */
static void
assert_renders (GtkWidget *chart,
                guint      min_colours)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) shown = NULL;
  g_autoptr(GdkTexture) exported = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (chart));
  int width = gtk_widget_get_width (chart), height = gtk_widget_get_height (chart);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  shown = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (shown), ==, width);
  g_assert_cmpuint (count_colours (shown), >=, min_colours);

  exported = kefu_chart_to_texture (KEFU_CHART (chart), 400, 300, 2);
  g_assert_cmpint (gdk_texture_get_width (exported), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (exported), ==, 600);
  g_assert_cmpuint (count_colours (exported), >=, min_colours);
  wait_for_idle ();
}

static void
assert_tooltip_contains (GtkWidget  *chart,
                         double      x,
                         double      y,
                         const char *expected)
{
  g_autofree char *text = kefu_chart_get_tooltip_text (KEFU_CHART (chart), x, y);

  if (text == NULL || strstr (text, expected) == NULL)
    g_error ("tooltip at %g, %g: “%s”, expected to contain “%s”", x, y, text, expected);
}

static void
test_trend (void)
{
  g_autoptr(KefuMetricTable) daily = kefu_chart_fixture_daily (5, 31);
  const gint64 shown[] = { 1, 3 };
  g_autoptr(GPtrArray) series = kefu_chart_trend_series (daily, "response_rate_3min", shown, 2);
  GtkWidget *chart = kefu_trend_chart_new ();
  GtkWindow *window = show (chart);
  GDate first;

  g_assert_true (kefu_chart_is_empty (KEFU_CHART (chart)));
  g_assert_null (kefu_chart_get_tooltip_text (KEFU_CHART (chart), 100, 100));
  assert_renders (chart, 3);

  kefu_chart_fixture_first_day (&first);
  kefu_trend_chart_set_data (KEFU_TREND_CHART (chart), series, &first, KEFU_UNIT_FRACTION, 0.9, "Threshold 90%");
  wait_for_idle ();
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (chart)));
  assert_renders (chart, 40);

  /* The left edge of the plot is the first day: every line's value of
   * 10/1 (three lines: all of them). 小橙 joined on the 8th. */
  assert_tooltip_contains (chart, 120, 100, "10/");
  assert_tooltip_contains (chart, 120, 100, "%");
  assert_tooltip_contains (chart, 120, 100, "小橙  —");
  gtk_window_destroy (window);
}

static void
test_bars (void)
{
  g_autoptr(KefuMetricTable) agents = kefu_chart_fixture_agents (8);
  g_autoptr(KefuScoreReport) report = kefu_chart_fixture_report (agents);
  GtkWidget *chart = kefu_bar_chart_new ();
  GtkWindow *window = show (chart);

  kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_table (agents, "avg_response_time"));
  wait_for_idle ();
  assert_renders (chart, 20);
  /* The fastest first: 小安, the best of the made-up agents. */
  assert_tooltip_contains (chart, 300, 12 + 14, "小安");
  assert_tooltip_contains (chart, 300, 12 + 14, " s");

  kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_report (report));
  wait_for_idle ();
  assert_renders (chart, 20);
  assert_tooltip_contains (chart, 300, 12 + 14, "小安");
  /* The stacked items are listed with their points. */
  assert_tooltip_contains (chart, 300, 12 + 14, "\n");

  kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), NULL);
  g_assert_true (kefu_chart_is_empty (KEFU_CHART (chart)));
  gtk_window_destroy (window);
}

static void
test_heatmap (void)
{
  GtkWidget *chart = kefu_heatmap_chart_new ();
  GtkWindow *window = show (chart);
  KefuChartGrid grid;
  graphene_rect_t bounds;

  kefu_chart_fixture_grid (&grid, FALSE);
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (chart), &grid, KEFU_CHART_COLOR_ACCENT);
  wait_for_idle ();
  assert_renders (chart, 20);

  /* Monday is the first row. */
  g_assert_true (gtk_widget_compute_bounds (chart, chart, &bounds));
  assert_tooltip_contains (chart, bounds.size.width / 2, 20, "Monday");

  kefu_chart_fixture_grid (&grid, TRUE);
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (chart), &grid, 1);
  wait_for_idle ();
  assert_renders (chart, 20);
  gtk_window_destroy (window);
}

static void
test_histogram (void)
{
  g_autoptr(KefuResponseTimes) times = kefu_chart_fixture_times ();
  GtkWidget *chart = kefu_histogram_chart_new ();
  GtkWindow *window = show (chart);

  kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (chart), kefu_chart_histogram_new (times, 12));
  wait_for_idle ();
  assert_renders (chart, 10);
  assert_tooltip_contains (chart, 80, 200, "turns");
  gtk_window_destroy (window);
}

static void
test_radar (void)
{
  g_autoptr(KefuMetricTable) agents = kefu_chart_fixture_agents (4);
  g_autoptr(KefuScoreReport) report = kefu_chart_fixture_report (agents);
  GtkWidget *chart = kefu_radar_chart_new ();
  GtkWindow *window = show (chart);

  kefu_radar_chart_set_radar (KEFU_RADAR_CHART (chart), kefu_chart_radar_from_report (report, 2));
  wait_for_idle ();
  assert_renders (chart, 20);
  /* Straight up from the centre: the scheme's first item. */
  assert_tooltip_contains (chart, WIDTH / 2.0, 40, "小贝");
  gtk_window_destroy (window);
}

static void
test_dsr (void)
{
  GtkWidget *chart = kefu_dsr_chart_new ();
  GtkWindow *window = show (chart);

  kefu_dsr_chart_set_history (KEFU_DSR_CHART (chart), kefu_chart_fixture_dsr ());
  wait_for_idle ();
  assert_renders (chart, 20);
  /* The last month, October: above the industry on all three. */
  assert_tooltip_contains (chart, WIDTH - 40, 150, "2026-10");
  assert_tooltip_contains (chart, WIDTH - 40, 150, "↑");
  gtk_window_destroy (window);
}

static void
test_export (void)
{
  g_autofree char *dir = kefu_test_make_tmpdir ();
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *chart = kefu_dsr_chart_new ();
  GtkWindow *window = show (chart);
  GdkContentFormats *formats;
  gsize length;

  kefu_chart_set_title (KEFU_CHART (chart), "DSR");
  kefu_dsr_chart_set_history (KEFU_DSR_CHART (chart), kefu_chart_fixture_dsr ());
  wait_for_idle ();

  g_assert_true (kefu_chart_save_png (KEFU_CHART (chart), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (kefu_chart_save_svg (KEFU_CHART (chart), svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  kefu_chart_copy (KEFU_CHART (chart));
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (chart));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  gtk_window_destroy (window);
  kefu_test_remove_tree (dir);
}

static void
test_view (void)
{
  g_autoptr(KefuMetricTable) daily = kefu_chart_fixture_daily (6, 31);
  g_autoptr(KefuMetricTable) agents = kefu_chart_fixture_agents (6);
  g_autoptr(KefuScoreReport) report = kefu_chart_fixture_report (agents);
  KefuChartsView *view = KEFU_CHARTS_VIEW (kefu_charts_view_new ());
  GtkWindow *window = show (GTK_WIDGET (view));
  GtkWidget *trend = kefu_charts_view_get_chart (view, "trend");
  GtkWidget *comparison = kefu_charts_view_get_chart (view, "comparison");

  g_assert_true (kefu_chart_is_empty (KEFU_CHART (trend)));
  g_assert_null (kefu_charts_view_get_chart (view, "pie"));

  kefu_charts_view_set_data (view, NULL, NULL, NULL, daily, agents, report);
  wait_for_idle ();
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (trend)));
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (kefu_charts_view_get_chart (view, "totals"))));
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (kefu_charts_view_get_chart (view, "radar"))));
  /* Without a store nothing is read from the logs. */
  g_assert_true (kefu_chart_is_empty (KEFU_CHART (kefu_charts_view_get_chart (view, "load"))));

  kefu_charts_view_set_metric (view, "avg_response_time");
  wait_for_idle ();
  assert_tooltip_contains (comparison, 300, 12 + 14, " s");
  /* Its title goes with an exported chart. */
  g_assert_cmpstr (kefu_chart_get_title (KEFU_CHART (trend)), ==, "Trend per Day");

  /* Each card's menu copies its chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "charts.copy", "s", "totals"));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (gtk_widget_get_clipboard (trend)),
                                                    GDK_TYPE_TEXTURE));

  gtk_window_destroy (window);
}

static const char *log_messages =
  "buyer,agent,sent_at,sender\n"
  "b1,,2026-10-05 10:00:00,买家\n"
  "b1,店:小安,2026-10-05 10:00:40,客服\n"
  "b2,,2026-10-06 21:00:00,买家\n"
  "b2,店:小贝,2026-10-06 21:00:10,客服\n";

static void
test_view_store (MetricFixture *fixture,
                 gconstpointer  data)
{
  KefuChartsView *view = KEFU_CHARTS_VIEW (kefu_charts_view_new ());
  GtkWindow *window = show (GTK_WIDGET (view));
  g_autoptr(KefuShop) shop = NULL;
  g_autoptr(KefuPeriod) period = NULL;
  GtkWidget *histogram = kefu_charts_view_get_chart (view, "histogram");
  GtkWidget *load = kefu_charts_view_get_chart (view, "load");
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  GDate day;

  metric_import (fixture, "chat.csv", log_messages);
  shop = kefu_shop_new (fixture->shop_id, "小鹿女装", "douyin");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, 10, 2026);
  period = kefu_period_new (KEFU_GRANULARITY_MONTH, &day);

  kefu_charts_view_set_data (view, fixture->store, shop, period, NULL, NULL, NULL);
  while (kefu_chart_is_empty (KEFU_CHART (histogram)) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  wait_for_idle ();

  /* Two answered turns, 40 s and 10 s; buyers on Monday 10:00 and
   * Tuesday 21:00. */
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (histogram)));
  g_assert_false (kefu_chart_is_empty (KEFU_CHART (load)));
  g_assert_true (kefu_chart_is_empty (KEFU_CHART (kefu_charts_view_get_chart (view, "dsr"))));
  assert_renders (histogram, 5);

  gtk_window_destroy (window);
  wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  kefu_register_resource ();

  g_test_add_func ("/charts/widgets/trend", test_trend);
  g_test_add_func ("/charts/widgets/bars", test_bars);
  g_test_add_func ("/charts/widgets/heatmap", test_heatmap);
  g_test_add_func ("/charts/widgets/histogram", test_histogram);
  g_test_add_func ("/charts/widgets/radar", test_radar);
  g_test_add_func ("/charts/widgets/dsr", test_dsr);
  g_test_add_func ("/charts/widgets/export", test_export);
  g_test_add_func ("/charts/view/tables", test_view);
  g_test_add ("/charts/view/store", MetricFixture, NULL,
              metric_fixture_set_up, test_view_store, metric_fixture_tear_down);

  return g_test_run ();
}
