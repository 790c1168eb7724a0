/* kefu-screenshots.c — renders every view of the window to PNG files
 *
 * kefu-screenshots OUTDIR [--dark]
 *
 * Opens the application on a fresh database (the welcome page), then on
 * the demo shop, and saves each view as OUTDIR/NAME[-dark].png; then
 * imports the women's-wear sample into the fresh database and shows the
 * scheme editor on a copy of the women's-wear scheme, its gap and its
 * overlap flagged and a weight changed (scheme-editor[-dark].png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "kefu-application.h"
#include "kefu-period-picker.h"
#include "kefu-scheme-view.h"
#include "kefu-window.h"

static const char *outdir;
static gboolean dark;
static int failures;

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

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

  /* A busy machine may not have drawn the window yet: wait for it. */
  for (int attempt = 0; attempt < 20 && node == NULL; attempt++)
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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sample imported as a drop would, October 2026, and a copy of the
 * women's-wear scheme with its first item open: the gap in its table. */
static void
save_scheme_editor (KefuApplication *app,
                    GtkWindow       *window)
{
  g_autofree char *sample = g_build_filename (SOURCE_DIR, "data", "samples", "womenswear-30d.csv", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuPeriod) october = kefu_period_new (KEFU_GRANULARITY_MONTH, day);
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  KefuSchemeView *view;
  KefuSchemeEditor *editor;
  GListModel *schemes;
  KefuSchemeItemRow *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.close-demo", NULL);
  settle ();
  g_list_store_append (files, file);
  kefu_window_import_files (KEFU_WINDOW (window), G_LIST_MODEL (files));
  while (kefu_window_get_workspace (KEFU_WINDOW (window)) == NULL ||
         kefu_workspace_get_shop (kefu_window_get_workspace (KEFU_WINDOW (window))) == NULL)
    {
      if (g_get_monotonic_time () > until)
        {
          g_printerr ("kefu-screenshots: the sample was not imported\n");
          failures++;
          return;
        }
      g_main_context_iteration (NULL, FALSE);
    }

  kefu_period_picker_set_period (KEFU_PERIOD_PICKER (find_descendant (GTK_WIDGET (window),
                                                                      KEFU_TYPE_PERIOD_PICKER)),
                                 october);
  while (kefu_workspace_get_busy (kefu_window_get_workspace (KEFU_WINDOW (window))))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "scoring");
  gtk_window_set_default_size (window, 1280, 800);
  /* Until the import's toast has gone. */
  until = g_get_monotonic_time () + 6 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  view = KEFU_SCHEME_VIEW (find_descendant (GTK_WIDGET (window), KEFU_TYPE_SCHEME_VIEW));
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
    GtkWidget *scrolled = find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
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

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  save (GTK_WIDGET (window), "welcome");

  gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      save (GTK_WIDGET (window), views[i]);
    }
  save_scheme_editor (app, window);

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

  app = kefu_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  if (g_application_run (G_APPLICATION (app), 3, app_argv) != 0)
    return EXIT_FAILURE;

  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
