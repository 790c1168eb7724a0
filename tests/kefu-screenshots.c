/* kefu-screenshots.c — renders every view of the window to PNG files
 *
 * kefu-screenshots OUTDIR [--dark]
 *
 * Opens the application on a fresh database (the welcome page), then on
 * the demo shop in October 2026, and saves each view as
 * OUTDIR/NAME[-dark].png, and the first agent's page as agent.png. A
 * demo without imports gets two months of daily figures of six agents
 * first, so that every view has something to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "kefu-agent-row.h"
#include "kefu-agents-view.h"
#include "kefu-application.h"
#include "kefu-period-picker.h"
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

static const char * const agents[] = { "小安", "小贝", "小橙", "小丁", "小鱼", "小雪" };

/* Daily figures of September and October 2026, but for 12 and 13
 * October, which a manager would see as missing. */
static void
write_daily_figures (const char *agent_path,
                     const char *shop_path)
{
  g_autoptr(GString) rows = g_string_new ("客服,日期,询单人数,询单付款人数,下单笔数,成交笔数,客服销售额,"
                                          "首次响应时长(秒),平均响应时长(秒),人工接待人数,3分钟人工回复率,月退货量\n");
  g_autoptr(GString) shop = g_string_new ("日期,访客数,浏览量,咨询人数,咨询付款人数,询单人数,询单付款人数,销售额,付款人数\n");
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2026);

  for (guint d = 0; d < 61; d++, g_date_add_days (day, 1))
    {
      char date[16];
      gboolean october = g_date_get_month (day) == G_DATE_OCTOBER;
      guint n = g_date_get_day (day);
      int shop_inquiries = 0, shop_paid = 0;
      double shop_sales = 0;

      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      for (guint a = 0; a < G_N_ELEMENTS (agents); a++)
        {
          int inquiries = 30 + 9 * a + (int) ((n * 7 + a * 3) % 13);
          double rate = 0.26 + 0.022 * ((a * 5) % 6) + (october ? 0.01 : 0) + 0.01 * (n % 3);
          int paid = (int) (inquiries * rate + 0.5);
          double price = 68 + 4.5 * ((a * 4) % 6) + (n % 4);
          int first = 8 + 2 * (int) a + (int) (n % 5) - (october ? 1 : 0);
          int average = 15 + 2 * (int) a + (int) (n % 7);
          double reply = 0.885 + 0.015 * ((a * 2) % 6) + 0.001 * (n % 4);

          shop_inquiries += inquiries;
          shop_paid += paid;
          shop_sales += paid * price;
          if (october && (n == 12 || n == 13))
            continue;
          g_string_append_printf (rows, "小鹿女装旗舰店:%s,%s,%d,%d,%d,%d,%.2f,%d,%d,%d,%.2f%%,%d\n",
                                  agents[a], date, inquiries, paid, paid + 2 + (int) (n % 3), paid,
                                  paid * price, first, average, inquiries - 2, reply * 100,
                                  (n + a) % 9 == 0 ? 1 : 0);
        }
      g_string_append_printf (shop, "%s,%d,%d,%d,%d,%d,%d,%.2f,%d\n", date, 5000 + 40 * (int) n,
                              16000 + 90 * (int) n, shop_inquiries + 40, shop_paid + 12, shop_inquiries,
                              shop_paid, shop_sales * 1.18, shop_paid + 30);
    }

  g_assert (g_file_set_contents (agent_path, rows->str, -1, NULL));
  g_assert (g_file_set_contents (shop_path, shop->str, -1, NULL));
}

static void
fill_demo (const char *db)
{
  g_autofree char *demo_path = kefu_store_get_demo_path (db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *agent_path = g_build_filename (dir, "客服绩效_2026-09至10.csv", NULL);
  g_autofree char *shop_path = g_build_filename (dir, "店铺每日指标_2026-09至10.csv", NULL);
  const char *samples[] = { "聊天记录.csv", "会话明细.csv", "订单.csv", "退款.csv" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = kefu_demo_open (demo_path, &error);
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GListModel) shops = NULL;
  g_autoptr(KefuShop) shop = NULL;
  KefuImportOptions options;
  const char *files[2 + G_N_ELEMENTS (samples)];
  g_autofree char *sample_dir = g_build_filename (SOURCE_DIR, "data", "samples", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  batches = kefu_store_list_batches (store, 0, NULL);
  if (g_list_model_get_n_items (batches) > 0)
    return;

  shops = kefu_store_list_shops (store, NULL);
  shop = g_list_model_get_item (shops, 0);
  write_daily_figures (agent_path, shop_path);
  files[0] = agent_path;
  files[1] = shop_path;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_ptr_array_add (paths, g_build_filename (sample_dir, samples[i], NULL));
      files[2 + i] = g_ptr_array_index (paths, i);
    }

  kefu_import_options_init (&options);
  options.shop_name = kefu_shop_get_name (shop);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KefuImportResult) result =
        kefu_import_file (store, kefu_profile_registry_get_default (), files[i], &options, NULL, NULL, NULL);

      if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
        g_printerr ("kefu-screenshots: %s: %s\n", files[i], kefu_import_result_get_message (result));
    }
}

/* The figures are computed in a thread: wait for them. */
static void
wait_for_figures (GtkWindow *window)
{
  KefuWorkspace *workspace = kefu_window_get_workspace (KEFU_WINDOW (window));
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (workspace != NULL && (kefu_workspace_get_busy (workspace) ||
                               kefu_workspace_get_agent_table (workspace) == NULL) &&
         g_get_monotonic_time () < until)
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
  wait_for_figures (window);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      save (GTK_WIDGET (window), views[i]);
    }

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
  fill_demo (db);

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
