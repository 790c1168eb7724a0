/* test-import-wizard.c — files through the import wizard into the store
 *
 * Drives the wizard as a person would — files dropped on the window, a
 * column's field changed in its drop-down, a period chosen, Import — and
 * checks the models: the detected profile, the preview's header and
 * summary rows, the mapping, saving it as a profile, the batches in the
 * store and in the Data view, Undo, and deleting from the Data view. Runs under Xvfb with
 * G_DEBUG=fatal-warnings, so any warning fails it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-application.h"
#include "kefu-data-view.h"
#include "kefu-import-wizard.h"
#include "kefu-preview-row.h"
#include "kefu-test-utils.h"
#include "kefu-window.h"

typedef struct
{
  KefuApplication *app;
  char            *tmpdir;
} Fixture;

/* 小安's 询单人数 and 咨询人数 are written under each other's header. */
static const char swapped_csv[] =
  "客服,询单人数,咨询人数,备注\n"
  "小安,120,200,早班\n"
  "汇总,120,200,\n";

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
    }
  kefu_test_wait_for_idle ();
}

static gboolean
wizard_idle (gpointer data)
{
  return !kefu_import_wizard_get_busy (data);
}

static guint
count_batches (Fixture *fixture)
{
  g_autoptr(GListModel) batches =
    kefu_store_list_batches (kefu_application_get_store (fixture->app), 0, NULL);

  return g_list_model_get_n_items (batches);
}

typedef struct
{
  Fixture      *fixture;
  KefuDataView *data_view;
  guint         n;
} BatchCount;

/* The store has them, and the window has heard: the Data view lists them. */
static gboolean
has_batches (gpointer data)
{
  BatchCount *count = data;

  return count_batches (count->fixture) == count->n &&
         g_list_model_get_n_items (G_LIST_MODEL (kefu_data_view_get_selection (count->data_view))) == count->n;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Drops @paths on the window; the wizard opens, and is returned once it
 * has checked them. */
static KefuImportWizard *
drop (GtkWindow          *window,
      const char * const *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  KefuImportWizard *wizard;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }
  kefu_window_import_files (KEFU_WINDOW (window), G_LIST_MODEL (files));
  kefu_test_wait_for_idle ();

  wizard = find_toplevel (KEFU_TYPE_IMPORT_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == window);
  wait_until (wizard_idle, wizard, "the wizard's checks");
  return wizard;
}

static KefuImportItem *
get_item (KefuImportWizard *wizard,
          guint             position)
{
  g_autoptr(KefuImportItem) item = g_list_model_get_item (kefu_import_wizard_get_items (wizard), position);

  return item;   /* the wizard's list keeps it */
}

static KefuImportFacts *
facts_of (KefuImportItem *item)
{
  g_assert_nonnull (kefu_import_item_get_result (item));
  return kefu_import_result_get_facts (kefu_import_item_get_result (item));
}

static void
import_and_wait (Fixture          *fixture,
                 KefuImportWizard *wizard,
                 guint             batches)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (wizard));
  BatchCount count = { fixture, KEFU_DATA_VIEW (find_widget (GTK_WIDGET (window), KEFU_TYPE_DATA_VIEW)), batches };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.import", NULL));
  wait_until (has_batches, &count, "the import");
  g_assert_null (find_toplevel (KEFU_TYPE_IMPORT_WIZARD));
}

/* The sample template and a sheet with swapped headers: detected, the
 * mapping corrected in the drop-down, imported, listed, undone. */
static void
check_wizard (Fixture   *fixture,
              GtkWindow *window)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "客服指标表_2026-10-01至2026-10-31.csv", NULL);
  g_autofree char *swapped = write_file (fixture, "客服_20261014.csv", swapped_csv);
  const char *paths[] = { sample, swapped, NULL };
  const char *corrected[] = { "agent", "consult_buyers", "inquiry_buyers", "", NULL };
  KefuImportWizard *wizard = drop (window, paths);
  KefuImportInspector *inspector = kefu_import_wizard_get_inspector (wizard);
  KefuImportItem *first = get_item (wizard, 0);
  KefuImportItem *second = get_item (wizard, 1);
  KefuMappingRow *inquiry, *consult, *note;
  KefuDataView *data_view;
  GListModel *preview;
  KefuImportFacts *facts;

  g_assert_cmpuint (g_list_model_get_n_items (kefu_import_wizard_get_items (wizard)), ==, 2);

  /* The sample: Kefu's own per-agent template, a month from its name. */
  facts = facts_of (first);
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (first)), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-agent-table");
  g_assert_cmpstr (facts->kind, ==, "agent_table");
  g_assert_cmpfloat (facts->confidence, ==, 1.0);
  g_assert_cmpstr (facts->period_start, ==, "2026-10-01");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-31");
  g_assert_cmpuint (facts->rows_imported, ==, 3);
  g_assert_true (kefu_import_inspector_get_item (inspector) == first);

  /* The swapped sheet: the same profile, 3 of 4 headers known. */
  kefu_import_wizard_select (wizard, 1);
  kefu_test_wait_for_idle ();
  g_assert_true (kefu_import_inspector_get_item (inspector) == second);
  facts = facts_of (second);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-agent-table");
  g_assert_cmpfloat_with_epsilon (facts->confidence, 0.75, 1e-9);

  /* Its preview: the header row, 小安, and the 汇总 row marked. */
  preview = kefu_import_inspector_get_preview (inspector);
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 3);
  {
    const KefuPreviewRowRole roles[] = { KEFU_PREVIEW_ROW_HEADER, KEFU_PREVIEW_ROW_DATA, KEFU_PREVIEW_ROW_SUMMARY };

    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        g_autoptr(KefuPreviewRow) row = g_list_model_get_item (preview, i);

        g_assert_cmpuint (kefu_preview_row_get_number (row), ==, i + 1);
        g_assert_cmpint (kefu_preview_row_get_role (row), ==, roles[i]);
      }
  }

  /* The mapping as detected; 备注 feeds nothing and is flagged. */
  inquiry = kefu_import_inspector_get_mapping_row (inspector, 1);
  consult = kefu_import_inspector_get_mapping_row (inspector, 2);
  note = kefu_import_inspector_get_mapping_row (inspector, 3);
  g_assert_cmpstr (kefu_mapping_row_get_field (inquiry), ==, "inquiry_buyers");
  g_assert_cmpstr (kefu_mapping_row_get_field (consult), ==, "consult_buyers");
  g_assert_cmpstr (kefu_mapping_row_get_field (note), ==, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (note), "unmatched"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (inquiry), "unmatched"));

  /* Column 2 is really 咨询人数: the field moves, column 3 is left with none. */
  kefu_mapping_row_set_field (inquiry, "consult_buyers");
  g_assert_cmpstr (kefu_import_item_get_field (second, 1), ==, "consult_buyers");
  g_assert_cmpstr (kefu_import_item_get_field (second, 2), ==, "");
  /* Import waits for the check. */
  g_assert_true (kefu_import_wizard_get_busy (wizard));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.import", NULL);
  g_assert_nonnull (find_toplevel (KEFU_TYPE_IMPORT_WIZARD));
  wait_until (wizard_idle, wizard, "the check of the new mapping");
  g_assert_true (kefu_import_inspector_get_mapping_row (inspector, 1) == inquiry);
  g_assert_cmpstr (facts_of (second)->fields[1], ==, "consult_buyers");
  g_assert_cmpstr (facts_of (second)->fields[2], ==, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (consult), "unmatched"));

  kefu_mapping_row_set_field (consult, "inquiry_buyers");
  wait_until (wizard_idle, wizard, "the check of the corrected mapping");
  g_assert_cmpstrv (facts_of (second)->fields, corrected);
  g_assert_true (kefu_import_item_get_mapping_changed (second));
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (second)), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpuint (facts_of (second)->rows_imported, ==, 2);   /* 小安, and 汇总 as the shop's */

  /* Saved as a profile: the file is read with it, the same way. */
  {
    GtkWidget *save = find_button (GTK_WIDGET (inspector), "_Save as Profile…");
    g_autofree char *dir = g_build_filename (fixture->tmpdir, "kefu", "profiles", NULL);
    g_autoptr(GDir) saved = NULL;
    AdwMessageDialog *dialog;

    g_assert_nonnull (save);
    g_assert_true (gtk_widget_get_visible (save));
    g_signal_emit_by_name (save, "clicked");
    kefu_test_wait_for_idle ();
    dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "我的客服表");
    adw_message_dialog_response (dialog, "save");
    wait_until (wizard_idle, wizard, "the check with the saved profile");

    saved = g_dir_open (dir, 0, NULL);
    g_assert_nonnull (saved);
    g_assert_true (g_str_has_prefix (g_dir_read_name (saved), "kefu-agent-table-"));
    g_assert_true (g_str_has_prefix (facts_of (second)->profile_id, "kefu-agent-table-"));
    g_assert_cmpstr (facts_of (second)->profile_name, ==, "我的客服表");
    g_assert_cmpstrv (facts_of (second)->fields, corrected);
    g_assert_false (kefu_import_item_get_mapping_changed (second));
  }

  /* Import: both files, a batch each, and the Data view lists them. */
  import_and_wait (fixture, wizard, 2);
  kefu_test_wait_for_idle ();
  kefu_window_set_view (KEFU_WINDOW (window), "data");
  data_view = KEFU_DATA_VIEW (find_widget (GTK_WIDGET (window), KEFU_TYPE_DATA_VIEW));
  g_assert_nonnull (data_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_data_view_get_selection (data_view))), ==, 2);
  {
    g_autoptr(GListModel) batches = kefu_store_list_batches (kefu_application_get_store (fixture->app), 0, NULL);
    g_autoptr(KefuBatch) newest = g_list_model_get_item (batches, 0);
    g_autoptr(KefuBatch) oldest = g_list_model_get_item (batches, 1);

    g_assert_cmpstr (kefu_batch_get_file_name (oldest), ==, "客服指标表_2026-10-01至2026-10-31.csv");
    g_assert_cmpint (kefu_batch_get_rows_imported (oldest), ==, 3);
    g_assert_cmpstr (kefu_batch_get_file_name (newest), ==, "客服_20261014.csv");
    g_assert_cmpstr (kefu_batch_get_period_start (newest), ==, "2026-10-14");
    g_assert_cmpint (kefu_batch_get_rows_imported (newest), ==, 2);
  }

  /* Undo takes both away, and the Data view says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", NULL));
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (count_batches (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_data_view_get_selection (data_view))), ==, 0);
}

/* A file without dates waits for a period; Import stays off meanwhile. */
static void
check_period (Fixture   *fixture,
              GtkWindow *window)
{
  g_autofree char *path = write_file (fixture, "客服.csv", swapped_csv);
  const char *paths[] = { path, NULL };
  KefuImportWizard *wizard = drop (window, paths);
  KefuImportItem *item = get_item (wizard, 0);
  GDate from, to;

  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_REFUSED);
  g_assert_true (facts_of (item)->needs_period);
  /* the same headers: read with the profile saved above, unasked */
  g_assert_cmpstr (facts_of (item)->profile_name, ==, "我的客服表");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.import", NULL);
  g_assert_nonnull (find_toplevel (KEFU_TYPE_IMPORT_WIZARD));
  /* still refused, its first rows still shown */
  g_assert_cmpuint (g_list_model_get_n_items (kefu_import_inspector_get_preview (kefu_import_wizard_get_inspector (wizard))), ==, 3);

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 11, 2026);
  g_date_set_dmy (&to, 7, 11, 2026);
  kefu_import_item_set_period (item, &from, &to);
  wait_until (wizard_idle, wizard, "the check with a period");
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpstr (facts_of (item)->period_start, ==, "2026-11-01");
  g_assert_cmpstr (facts_of (item)->period_end, ==, "2026-11-07");

  import_and_wait (fixture, wizard, 1);
}

/* A file repeating days another brought: skipped unless replacing. */
static void
check_overlap (Fixture   *fixture,
               GtkWindow *window)
{
  g_autofree char *path = write_file (fixture, "客服_20261103.csv", "客服,询单人数\n小安,121\n");
  const char *paths[] = { path, NULL };
  KefuImportWizard *wizard = drop (window, paths);
  KefuImportItem *item = get_item (wizard, 0);

  /* 小安's 询单人数 of 3 November: the batch of 1–7 November has it */
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_OVERLAP);
  g_assert_false (kefu_import_item_is_importable (item));

  kefu_import_item_set_replace (item, TRUE);
  wait_until (wizard_idle, wizard, "the check replacing");
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_CHECKED);
  g_assert_true (kefu_import_item_is_importable (item));

  import_and_wait (fixture, wizard, 2);
}

/* A GB18030 file read as UTF-8 is refused, and shows nothing; back to
 * detecting, its rows are there again. */
static void
check_encoding (Fixture   *fixture,
                GtkWindow *window)
{
  g_autofree char *text = g_convert ("客服,询单人数\n小安,120\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = write_file (fixture, "客服_20261015.csv", text);
  const char *paths[] = { path, NULL };
  KefuImportWizard *wizard = drop (window, paths);
  KefuImportInspector *inspector = kefu_import_wizard_get_inspector (wizard);
  KefuImportItem *item = get_item (wizard, 0);
  g_autoptr(KefuPreviewRow) header = NULL;

  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpstr (facts_of (item)->encoding, ==, "GB18030");
  header = g_list_model_get_item (kefu_import_inspector_get_preview (inspector), 0);
  g_assert_cmpstr (kefu_preview_row_get_cell (header, 0), ==, "客服");

  kefu_import_item_set_encoding (item, "UTF-8");
  wait_until (wizard_idle, wizard, "the check as UTF-8");
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_REFUSED);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_import_inspector_get_preview (inspector)), ==, 0);

  kefu_import_item_set_encoding (item, NULL);
  wait_until (wizard_idle, wizard, "the check as detected");
  g_assert_cmpint (kefu_import_result_get_status (kefu_import_item_get_result (item)), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpuint (g_list_model_get_n_items (kefu_import_inspector_get_preview (inspector)), ==, 2);

  /* Closed (Escape, Cancel), the wizard imports nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "window.close", NULL));
  kefu_test_wait_for_idle ();
  g_assert_null (find_toplevel (KEFU_TYPE_IMPORT_WIZARD));
  g_assert_cmpuint (count_batches (fixture), ==, 2);
}

/* Deleting from the Data view asks first, then removes the batches. */
static void
check_delete (Fixture   *fixture,
              GtkWindow *window)
{
  KefuDataView *data_view = KEFU_DATA_VIEW (find_widget (GTK_WIDGET (window), KEFU_TYPE_DATA_VIEW));
  GtkSelectionModel *selection = kefu_data_view_get_selection (data_view);
  AdwMessageDialog *dialog;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);
  /* Nothing selected, nothing to ask about. */
  gtk_widget_activate_action (GTK_WIDGET (data_view), "data.delete-selected", NULL);
  kefu_test_wait_for_idle ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_selection_model_select_all (selection);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (data_view), "data.delete-selected", NULL));
  kefu_test_wait_for_idle ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* Cancel keeps it. */
  adw_message_dialog_response (dialog, "cancel");
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (count_batches (fixture), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (data_view), "data.delete-selected", NULL));
  kefu_test_wait_for_idle ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (count_batches (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
}

static void
on_activate (KefuApplication *app,
             Fixture         *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (KEFU_IS_WINDOW (window));
  kefu_test_wait_for_idle ();

  check_wizard (fixture, window);
  check_period (fixture, window);
  check_overlap (fixture, window);
  check_encoding (fixture, window);
  check_delete (fixture, window);

  gtk_window_close (window);
}

static void
test_import_wizard (void)
{
  Fixture fixture = { 0 };
  g_autofree char *db = NULL;
  char *argv[] = { (char *) "kefu", (char *) "--db", NULL, NULL };

  fixture.tmpdir = kefu_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", fixture.tmpdir, TRUE);
  db = g_build_filename (fixture.tmpdir, "kefu.db", NULL);
  argv[2] = db;

  fixture.app = kefu_application_new ();
  g_signal_connect_after (fixture.app, "activate", G_CALLBACK (on_activate), &fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture.app), 3, argv), ==, 0);

  g_clear_object (&fixture.app);
  kefu_test_remove_tree (fixture.tmpdir);
  g_free (fixture.tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-wizard/ImportWizard/import", test_import_wizard);

  return g_test_run ();
}
