/* test-window.c — the window opens, shows every view, and closes cleanly
 *
 * Runs under Xvfb with G_DEBUG=fatal-warnings, so any warning fails it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "kefu-application.h"
#include "kefu-import-wizard.h"
#include "kefu-test-utils.h"
#include "kefu-window.h"

typedef struct
{
  KefuApplication *app;
  char            *tmpdir;
} Fixture;

/* Opens a secondary window through @action and closes it again. */
static void
open_and_close (GtkWindow  *window,
                const char *action,
                GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  kefu_test_wait_for_idle ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        found = toplevel;
    }

  g_assert_nonnull (found);
  gtk_window_close (found);
  kefu_test_wait_for_idle ();
}

static guint
count_batches (Fixture *fixture)
{
  g_autoptr(GListModel) batches =
    kefu_store_list_batches (kefu_application_get_store (fixture->app), 0, NULL);

  return g_list_model_get_n_items (batches);
}

static KefuImportWizard *
find_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KEFU_IS_IMPORT_WIZARD (toplevel))
        return KEFU_IMPORT_WIZARD (toplevel);
    }
  return NULL;
}

/* Imports a file as a drop or Ctrl+O would, then undoes it. */
static void
check_import (Fixture   *fixture,
              GtkWindow *window)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "客服绩效_20261014.csv", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  KefuImportWizard *wizard;

  g_assert_true (g_file_set_contents (path, "客服,询单人数,询单转化率\n小安,120,36.99%\n", -1, NULL));
  g_list_store_append (files, file);
  kefu_window_import_files (KEFU_WINDOW (window), G_LIST_MODEL (files));

  /* The wizard checks the file, then imports it. */
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  while (kefu_import_wizard_get_busy (wizard) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.import", NULL));

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Kefu");

  /* The first import makes the shop, and the window shows it. */
  while (g_strcmp0 (gtk_window_get_title (window), "My Shop") != 0 &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  kefu_test_wait_for_idle ();
  g_assert_cmpstr (gtk_window_get_title (window), ==, "My Shop");
  g_assert_cmpuint (count_batches (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", NULL));
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (count_batches (fixture), ==, 0);
}

static void
check_window (Fixture *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  static const char *views[] = { "overview", "agents", "scoring", "charts", "data" };
  g_autoptr(GListModel) shops = NULL;
  g_autoptr(KefuShop) shop = NULL;

  g_assert_true (KEFU_IS_WINDOW (window));
  kefu_test_wait_for_idle ();

  /* The size comes from the settings. */
  {
    int width, height;

    gtk_window_get_default_size (window, &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }

  /* A new database has no shop: the welcome page. */
  g_assert_false (kefu_application_is_demo (fixture->app));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-demo", NULL));
  kefu_test_wait_for_idle ();

  g_assert_true (kefu_application_is_demo (fixture->app));
  shops = kefu_store_list_shops (kefu_application_get_store (fixture->app), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shops), ==, 1);
  shop = g_list_model_get_item (shops, 0);
  g_assert_cmpstr (gtk_window_get_title (window), ==, kefu_shop_get_name (shop));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view",
                                                 "s", views[i]));
      kefu_test_wait_for_idle ();
      g_assert_cmpstr (kefu_window_get_view (KEFU_WINDOW (window)), ==, views[i]);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL));
  kefu_test_wait_for_idle ();

  open_and_close (window, "app.about", ADW_TYPE_ABOUT_WINDOW);
  open_and_close (window, "win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW);

  /* Back to the user's own (empty) database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.close-demo", NULL));
  kefu_test_wait_for_idle ();
  g_assert_false (kefu_application_is_demo (fixture->app));

  check_import (fixture, window);

  gtk_window_close (window);
}

static void
check_settings_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.kefu.Kefu");
  g_autofree char *view = g_settings_get_string (settings, "last-view");
  g_autofree char *period = g_settings_get_string (settings, "last-period");

  /* The last view shown, and the period moved back and forth again. */
  g_assert_cmpstr (view, ==, "data");
  g_assert_true (g_str_has_prefix (period, "month:"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
}

static void
on_activate (KefuApplication *app,
             Fixture         *fixture)
{
  check_window (fixture);
}

static void
test_window_views (void)
{
  Fixture fixture = { 0 };
  g_autofree char *db = NULL;
  char *argv[] = { (char *) "kefu", (char *) "--db", NULL, NULL };
  int status;

  fixture.tmpdir = kefu_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", fixture.tmpdir, TRUE);
  db = g_build_filename (fixture.tmpdir, "kefu.db", NULL);
  argv[2] = db;

  {
    g_autoptr(GSettings) settings = g_settings_new ("org.kefu.Kefu");

    g_settings_set_int (settings, "window-width", 900);
    g_settings_set_int (settings, "window-height", 640);
  }

  fixture.app = kefu_application_new ();
  g_signal_connect_after (fixture.app, "activate", G_CALLBACK (on_activate), &fixture);
  status = g_application_run (G_APPLICATION (fixture.app), 3, argv);
  g_assert_cmpint (status, ==, 0);

  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  check_settings_saved ();
  g_clear_object (&fixture.app);
  kefu_test_remove_tree (fixture.tmpdir);
  g_free (fixture.tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/Window/views", test_window_views);

  return g_test_run ();
}
