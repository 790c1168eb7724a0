/* kefu-bench-charts.c — how long each chart takes to redraw
 *
 * kefu-bench-charts [N_AGENTS [N_DAYS [REPEAT]]]
 *
 * Shows every chart in a window on a made-up month (50 agents × 31 days
 * unless told), then redraws each REPEAT times: its snapshot() (what
 * runs on every frame) and the render of that snapshot to a texture by
 * the window's renderer. Prints the median and the 95th percentile of
 * each, in milliseconds, and the time to set the data (normalising it),
 * which happens once. Needs a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "charts/kefu-bar-chart.h"
#include "charts/kefu-dsr-chart.h"
#include "charts/kefu-heatmap-chart.h"
#include "charts/kefu-histogram-chart.h"
#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-chart-fixtures.h"

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  q)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN ((guint) (q * times->len), times->len - 1));
}

static void
bench (const char *name,
       GtkWidget  *chart,
       double      set_ms,
       int         height,
       guint       repeat)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GArray) snapshots = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) renders = g_array_new (FALSE, FALSE, sizeof (double));
  GskRenderer *renderer;
  int width;

  gtk_window_set_default_size (window, 1000, height);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  settle ();
  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0, t1, t2;
      double ms;

      t0 = g_get_monotonic_time ();
      node = kefu_chart_render (KEFU_CHART (chart), width, height, FALSE);
      t1 = g_get_monotonic_time ();
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      t2 = g_get_monotonic_time ();

      ms = (t1 - t0) / 1000.0;
      g_array_append_val (snapshots, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (renders, ms);
    }

  g_print ("%-12s %5d×%-4d %9.2f %9.2f %9.2f %9.2f %9.2f\n", name, width, height,
           set_ms, percentile (snapshots, 0.5), percentile (snapshots, 0.95),
           percentile (renders, 0.5), percentile (renders, 0.95));
  gtk_window_destroy (window);
}

#define TIMED(ms, statement) G_STMT_START { \
  gint64 t0_ = g_get_monotonic_time (); \
  statement; \
  ms = (g_get_monotonic_time () - t0_) / 1000.0; \
} G_STMT_END

int
main (int   argc,
      char *argv[])
{
  guint n_agents = argc > 1 ? atoi (argv[1]) : 50;
  guint n_days = argc > 2 ? atoi (argv[2]) : 31;
  guint repeat = argc > 3 ? atoi (argv[3]) : 200;
  g_autoptr(KefuMetricTable) daily = NULL;
  g_autoptr(KefuMetricTable) agents = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuResponseTimes) times = NULL;
  g_autoptr(GPtrArray) series = NULL;
  KefuChartGrid grid;
  GtkWidget *chart;
  GDate first;
  double ms;

  gtk_init ();
  adw_init ();

  daily = kefu_chart_fixture_daily (n_agents, n_days);
  agents = kefu_chart_fixture_agents (n_agents);
  report = kefu_chart_fixture_report (agents);
  times = kefu_chart_fixture_times ();
  kefu_chart_fixture_first_day (&first);

  g_print ("%u agents × %u days, %u redraws each; milliseconds\n", n_agents, n_days, repeat);
  g_print ("%-12s %10s %9s %9s %9s %9s %9s\n", "chart", "size", "set data",
           "snap p50", "snap p95", "rend p50", "rend p95");

  chart = kefu_trend_chart_new ();
  TIMED (ms, series = kefu_chart_trend_series (daily, "response_rate_3min", NULL, 0);
             kefu_trend_chart_set_data (KEFU_TREND_CHART (chart), series, &first, KEFU_UNIT_FRACTION, 0.9, "90%"));
  bench ("trend", chart, ms, 600, repeat);

  chart = kefu_bar_chart_new ();
  TIMED (ms, kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_table (agents, "avg_response_time")));
  bench ("comparison", chart, ms, 300, repeat);

  chart = kefu_bar_chart_new ();
  TIMED (ms, kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_report (report)));
  bench ("totals", chart, ms, 300, repeat);

  chart = kefu_heatmap_chart_new ();
  TIMED (ms, kefu_chart_fixture_grid (&grid, FALSE);
             kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (chart), &grid, KEFU_CHART_COLOR_ACCENT));
  bench ("heatmap", chart, ms, 320, repeat);

  chart = kefu_histogram_chart_new ();
  TIMED (ms, kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (chart), kefu_chart_histogram_new (times, 12)));
  bench ("histogram", chart, ms, 320, repeat);

  chart = kefu_radar_chart_new ();
  TIMED (ms, kefu_radar_chart_set_radar (KEFU_RADAR_CHART (chart), kefu_chart_radar_from_report (report, 1)));
  bench ("radar", chart, ms, 400, repeat);

  chart = kefu_dsr_chart_new ();
  TIMED (ms, kefu_dsr_chart_set_history (KEFU_DSR_CHART (chart), kefu_chart_fixture_dsr ()));
  bench ("dsr", chart, ms, 320, repeat);

  return EXIT_SUCCESS;
}
