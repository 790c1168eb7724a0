/* kefu-screenshots.c — renders every view of the window to PNG files
 *
 * kefu-screenshots OUTDIR [--dark]
 *
 * Opens the application on a fresh database (the welcome page), then on
 * the demo shop in October 2026, and saves each view as
 * OUTDIR/NAME[-dark].png, and the first agent's page as agent.png;
 * each chart on a made-up month; the scheme editor on a copy of the
 * women's-wear scheme, its gap flagged and a weight changed; then the
 * import wizard on the sample files and two of a shop's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "charts/kefu-bar-chart.h"
#include "charts/kefu-dsr-chart.h"
#include "charts/kefu-heatmap-chart.h"
#include "charts/kefu-histogram-chart.h"
#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-application.h"
#include "kefu-chart-fixtures.h"
#include "kefu-charts-view.h"
#include "kefu-agent-row.h"
#include "kefu-agents-view.h"
#include "kefu-import-wizard.h"
#include "kefu-period-picker.h"
#include "kefu-scheme-view.h"
#include "kefu-window.h"

static const char *outdir;
static gboolean dark;
static int failures;

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 900 * G_TIME_SPAN_MILLISECOND;

  /* Transitions and the frame clock need wall time, not only idles. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = 0, height = 0;

  /* A window not drawn yet renders nothing: give it a few frames. */
  for (int attempt = 0; attempt < 10 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      settle ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (node == NULL)
    {
      g_printerr ("kefu-screenshots: %s rendered nothing\n", name);
      failures++;
      return;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s%s.png", name, dark ? "-dark" : "");
  path = g_build_filename (outdir, file, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("kefu-screenshots: could not write %s\n", path);
      failures++;
      return;
    }
  g_print ("%s\n", path);
}

/* Each chart alone, on the made-up month, in a window of its own. */
static void
save_chart (KefuApplication *app,
            GtkWidget       *chart,
            const char      *name,
            int              height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, height);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  save (window, name);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_charts (KefuApplication *app)
{
  g_autoptr(KefuMetricTable) daily = kefu_chart_fixture_daily (5, 31);
  g_autoptr(KefuMetricTable) agents = kefu_chart_fixture_agents (8);
  g_autoptr(KefuScoreReport) report = kefu_chart_fixture_report (agents);
  g_autoptr(KefuResponseTimes) times = kefu_chart_fixture_times ();
  const gint64 shown[] = { 1, 2, 3 };
  g_autoptr(GPtrArray) series = kefu_chart_trend_series (daily, "response_rate_3min", shown, G_N_ELEMENTS (shown));
  KefuChartGrid grid;
  GtkWidget *chart;
  GDate first;

  kefu_chart_fixture_first_day (&first);
  chart = kefu_trend_chart_new ();
  kefu_trend_chart_set_data (KEFU_TREND_CHART (chart), series, &first, KEFU_UNIT_FRACTION, 0.9,
                             "3-min reply rate threshold 90%");
  save_chart (app, chart, "chart-trend", 400);

  chart = kefu_bar_chart_new ();
  kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_table (agents, "avg_response_time"));
  save_chart (app, chart, "chart-comparison", 320);

  chart = kefu_bar_chart_new ();
  kefu_bar_chart_set_bars (KEFU_BAR_CHART (chart), kefu_chart_bars_from_report (report));
  save_chart (app, chart, "chart-totals", 360);

  kefu_chart_fixture_grid (&grid, FALSE);
  chart = kefu_heatmap_chart_new ();
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (chart), &grid, KEFU_CHART_COLOR_ACCENT);
  save_chart (app, chart, "chart-heatmap", 300);

  kefu_chart_fixture_grid (&grid, TRUE);
  chart = kefu_heatmap_chart_new ();
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (chart), &grid, 1);
  save_chart (app, chart, "chart-heatmap-response", 300);

  chart = kefu_histogram_chart_new ();
  kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (chart), kefu_chart_histogram_new (times, 12));
  save_chart (app, chart, "chart-histogram", 340);

  chart = kefu_radar_chart_new ();
  kefu_radar_chart_set_radar (KEFU_RADAR_CHART (chart), kefu_chart_radar_from_report (report, 3));
  save_chart (app, chart, "chart-radar", 400);

  chart = kefu_dsr_chart_new ();
  kefu_dsr_chart_set_history (KEFU_DSR_CHART (chart), kefu_chart_fixture_dsr ());
  save_chart (app, chart, "chart-dsr", 340);

  save_chart (app, kefu_trend_chart_new (), "chart-empty", 240);
}

/* The Charts page on the made-up month, as a Douyin shop sees it. */
static void
save_charts_view (KefuApplication *app)
{
  g_autoptr(KefuMetricTable) daily = kefu_chart_fixture_daily (8, 31);
  g_autoptr(KefuMetricTable) agents = kefu_chart_fixture_agents (8);
  g_autoptr(KefuScoreReport) report = kefu_chart_fixture_report (agents);
  g_autoptr(KefuResponseTimes) times = kefu_chart_fixture_times ();
  g_autoptr(KefuShop) shop = kefu_shop_new (1, "小鹿女装旗舰店", "douyin");
  g_autoptr(KefuPeriod) period = NULL;
  GtkWidget *view = kefu_charts_view_new ();
  KefuChartsView *charts = KEFU_CHARTS_VIEW (view);
  GtkWidget *window = gtk_window_new ();
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  KefuChartGrid grid;
  GDate first;

  kefu_chart_fixture_first_day (&first);
  period = kefu_period_new (KEFU_GRANULARITY_MONTH, &first);
  kefu_charts_view_set_data (charts, NULL, shop, period, daily, agents, report);
  kefu_chart_fixture_grid (&grid, FALSE);
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (kefu_charts_view_get_chart (charts, "load")),
                               &grid, KEFU_CHART_COLOR_ACCENT);
  kefu_chart_fixture_grid (&grid, TRUE);
  kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (kefu_charts_view_get_chart (charts, "response")), &grid, 1);
  kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (kefu_charts_view_get_chart (charts, "histogram")),
                                      kefu_chart_histogram_new (times, 12));
  kefu_dsr_chart_set_history (KEFU_DSR_CHART (kefu_charts_view_get_chart (charts, "dsr")),
                              kefu_chart_fixture_dsr ());

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  save (window, "charts-month");

  /* Then scrolled down, page by page. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (view));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (guint page = 2; page <= 3; page++)
    {
      g_autofree char *name = g_strdup_printf ("charts-month-%u", page);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                gtk_adjustment_get_page_size (adjustment) - 40);
      save (window, name);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The workspace computes the period's figures in a thread. */
static void
wait_for_figures (KefuWindow *window)
{
  KefuWorkspace *workspace = kefu_window_get_workspace (window);
  gint64 until = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (workspace != NULL && kefu_workspace_get_busy (workspace)
         && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A sheet with its headers swapped, a bad value, summary rows and a
 * column Kefu does not know; and one without any date. */
static const char own_sheet[] =
  "客服,询单人数,咨询人数,备注\n"
  "小鹿女装旗舰店:小丁,120,200,早班\n"
  "小鹿女装旗舰店:小戊,abc,150,晚班\n"
  "汇总,120,350,\n"
  "平均值,60,175,\n";

/* Scrolls the first scrolled window under @widget to its end. */
static void
scroll_to_end (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child) && gtk_widget_get_mapped (child))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          return;
        }
      scroll_to_end (child);
    }
}

/* The Data view's button listing a batch's problems: the labelled one
 * of the buttons that carry their batch. */
static GtkWidget *
find_problems_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "batch") != NULL &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL && gtk_widget_get_sensitive (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_problems_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_problems (GtkWindow *window)
{
  GtkWidget *button = find_problems_button (GTK_WIDGET (window));
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (button == NULL)
    {
      g_printerr ("kefu-screenshots: no import with problems in the Data view\n");
      failures++;
      return;
    }
  g_signal_emit_by_name (button, "clicked");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          save (GTK_WIDGET (toplevel), "data-problems");
          gtk_window_destroy (toplevel);
          return;
        }
    }
}

static void
save_wizard (GtkWindow  *window,
             const char *tmpdir)
{
  static const char * const samples[] = {
    "客服指标表_2026-10-01至2026-10-31.csv", "店铺每日指标.csv", "聊天记录.csv",
  };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *own = g_build_filename (tmpdir, "客服绩效_20261014.csv", NULL);
  g_autofree char *undated = g_build_filename (tmpdir, "客服绩效.csv", NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  KefuImportWizard *wizard = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (KEFU_SAMPLES_DIR, samples[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  g_file_set_contents (own, own_sheet, -1, NULL);
  g_file_set_contents (undated, own_sheet, -1, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? own : undated);

      g_list_store_append (files, file);
    }
  kefu_window_import_files (KEFU_WINDOW (window), G_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KEFU_IS_IMPORT_WIZARD (toplevel))
        wizard = KEFU_IMPORT_WIZARD (toplevel);
    }
  if (wizard == NULL)
    {
      g_printerr ("kefu-screenshots: the import wizard did not open\n");
      failures++;
      return;
    }

  while (kefu_import_wizard_get_busy (wizard))
    g_main_context_iteration (NULL, TRUE);
  /* the first file's page fades in */
  settle ();
  settle ();

  save (GTK_WIDGET (wizard), "import-wizard");
  kefu_import_wizard_select (wizard, 3);
  save (GTK_WIDGET (wizard), "import-wizard-mapping");
  scroll_to_end (GTK_WIDGET (kefu_import_wizard_get_inspector (wizard)));
  save (GTK_WIDGET (wizard), "import-wizard-columns");
  kefu_import_wizard_select (wizard, 4);
  save (GTK_WIDGET (wizard), "import-wizard-period");
  gtk_window_set_default_size (GTK_WINDOW (wizard), 400, 700);
  {
    gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

    /* the window manager takes its time */
    while (gtk_widget_get_width (GTK_WIDGET (wizard)) > 400 && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    settle ();
  }
  save (GTK_WIDGET (wizard), "import-wizard-narrow");

  /* Imported, the files are listed in the Data view. */
  {
    KefuStore *store = kefu_application_get_store (KEFU_APPLICATION (gtk_window_get_application (window)));
    GListModel *items = kefu_import_wizard_get_items (wizard);
    gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
    g_autoptr(GListModel) before = kefu_store_list_batches (store, 0, NULL);
    guint ready = before != NULL ? g_list_model_get_n_items (before) : 0;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(KefuImportItem) item = g_list_model_get_item (items, i);

        ready += kefu_import_item_is_importable (item);
      }
    gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.import", NULL);
    while (g_get_monotonic_time () < until)
      {
        g_autoptr(GListModel) batches = kefu_store_list_batches (store, 0, NULL);

        if (batches != NULL && g_list_model_get_n_items (batches) >= ready)
          break;
        g_main_context_iteration (NULL, FALSE);
      }
    /* the progress bar slides away, the toast comes */
    until = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "data");
    save (GTK_WIDGET (window), "data-imports");
    save_problems (window);
  }
}

/* The demo shop in October 2026, and a copy of the women's-wear scheme
 * with its first item open: the gap in its table. */
static void
save_scheme_editor (KefuApplication *app,
                    GtkWindow       *window)
{
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuPeriod) october = kefu_period_new (KEFU_GRANULARITY_MONTH, day);
  KefuSchemeView *view;
  KefuSchemeEditor *editor;
  GListModel *schemes;
  KefuSchemeItemRow *row;

  kefu_period_picker_set_period (KEFU_PERIOD_PICKER (find_child (GTK_WIDGET (window),
                                                                 KEFU_TYPE_PERIOD_PICKER)),
                                 october);
  while (kefu_workspace_get_busy (kefu_window_get_workspace (KEFU_WINDOW (window))))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "scoring");
  gtk_window_set_default_size (window, 1280, 800);

  view = KEFU_SCHEME_VIEW (find_child (GTK_WIDGET (window), KEFU_TYPE_SCHEME_VIEW));
  schemes = kefu_scheme_view_get_schemes (view);
  for (guint i = 0; i < g_list_model_get_n_items (schemes); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (schemes, i);

      if (g_str_equal (kefu_scheme_get_id (scheme), "womenswear-composite"))
        kefu_scheme_view_select (view, i);
    }
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (view), "scheme.duplicate", NULL);
  settle ();

  editor = kefu_scheme_view_get_editor (view);
  /* An edit not saved yet: the preview shows who moves. */
  row = kefu_scheme_editor_get_item_row (editor, 1);
  if (row != NULL)
    gtk_spin_button_set_value (kefu_scheme_item_row_get_weight_spin (row), 45);
  row = kefu_scheme_editor_get_item_row (editor, 0);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  settle ();
  /* Down to the table's last rows, the gap's message and the strip. */
  {
    GtkWidget *scrolled = find_child (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* Again once the expanded row is laid out, which may clamp it. */
    for (int i = 0; i < 5 && gtk_adjustment_get_value (adjustment) != 330; i++)
      {
        gtk_adjustment_set_value (adjustment, 330);
        settle ();
      }
  }
  save (GTK_WIDGET (window), "scheme-editor");
}

static void
on_activate (KefuApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  static const char *views[] = { "overview", "agents", "scoring", "charts", "data" };

  /* Pictures of the end states, not of transitions. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  save (GTK_WIDGET (window), "welcome");

  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
  wait_for_figures (KEFU_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      save (GTK_WIDGET (window), views[i]);
    }

  save_charts (app);
  save_charts_view (app);
  {
    KefuAgentsView *agents_view = KEFU_AGENTS_VIEW (find_child (GTK_WIDGET (window), KEFU_TYPE_AGENTS_VIEW));
    g_autoptr(GObject) first = g_list_model_get_item (kefu_agents_view_get_model (agents_view), 0);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "agents");
    if (first != NULL)
      {
        GListModel *shown = kefu_agents_view_get_model (agents_view);
        g_autoptr(KefuAgentRow) row = g_list_model_get_item (shown, 0);

        kefu_agents_view_show_agent (agents_view, kefu_agent_row_get_id (row));
        save (GTK_WIDGET (window), "agent");
        kefu_agents_view_show_table (agents_view);
      }
  }

  save_scheme_editor (app, window);

  /* The period picker's popover, choosing a range. */
  {
    GtkWidget *picker = find_child (GTK_WIDGET (window), KEFU_TYPE_PERIOD_PICKER);
    GtkWidget *button = find_child (picker, GTK_TYPE_MENU_BUTTON);
    g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
    g_autoptr(GDate) last = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
    g_autoptr(KefuPeriod) range = kefu_period_new_range (first, last);
    GtkPopover *popover;

    kefu_period_picker_set_period (KEFU_PERIOD_PICKER (picker), range);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    save (GTK_WIDGET (popover), "period-range");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* The wizard on the user's own, empty database. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.close-demo", NULL);
  settle ();
  save_wizard (window, g_getenv ("XDG_DATA_HOME"));

  gtk_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KefuApplication) app = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  char *app_argv[] = { argv[0], (char *) "--db", NULL, NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_LOCALEDIR") ? g_getenv ("KEFU_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      g_printerr ("usage: kefu-screenshots OUTDIR [--dark]\n");
      return EXIT_FAILURE;
    }
  outdir = argv[1];
  dark = argc > 2 && g_str_equal (argv[2], "--dark");
  g_mkdir_with_parents (outdir, 0755);

  /* A private data folder: the welcome page needs an empty database,
   * and the demo database is made afresh. */
  tmpdir = g_dir_make_tmp ("kefu-screenshots-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  db = g_build_filename (tmpdir, "kefu.db", NULL);
  app_argv[2] = db;

  /* October 2026, whatever the day. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("org.kefu.Kefu");

    g_settings_set_string (settings, "last-period", "month:2026-10-01");
  }

  app = kefu_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  if (g_application_run (G_APPLICATION (app), 3, app_argv) != 0)
    return EXIT_FAILURE;

  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
