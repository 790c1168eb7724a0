/* kefu-window-import.c — the window's side of importing files
 *
 * Files chosen with Ctrl+O, dropped on the window (folders too), or given
 * on the command line open the import wizard, which checks them and lets
 * the user correct what Kefu made of them. Its Import hands the files
 * back here: they are imported one by one in a worker thread, each as its
 * own batch with its own choices; a progress bar with Cancel shows
 * meanwhile, and a toast reports the result with Undo. Files that were
 * not imported are listed with their reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-window-private.h"

static void import_next (KefuWindow *self);

static void
on_progress (double   fraction,
             gpointer user_data)
{
  KefuWindow *self = user_data;
  guint done = self->import_results ? self->import_results->len : 0;

  gtk_progress_bar_set_fraction (self->import_progress,
                                 (done + CLAMP (fraction, 0, 1)) / MAX (self->import_total, 1));
}

static void
show_refusals (KefuWindow *self,
               GPtrArray  *results)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < results->len; i++)
    {
      KefuImportResult *result = g_ptr_array_index (results, i);
      KefuImportStatus status = kefu_import_result_get_status (result);

      if (status != KEFU_IMPORT_REFUSED && status != KEFU_IMPORT_OVERLAP)
        continue;

      if (body->len > 0)
        g_string_append (body, "\n\n");
      /* Translators: a file name, then why it was not imported */
      g_string_append_printf (body, _("%s: %s"), kefu_import_result_get_file_name (result),
                              kefu_import_result_get_message (result));
    }

  if (body->len == 0)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Some Files Were Not Imported"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_import (KefuWindow *self)
{
  g_autoptr(GPtrArray) results = g_steal_pointer (&self->import_results);
  g_autofree char *message = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (self->import_cancellable);
  guint64 rows = 0;
  guint files = 0;
  AdwToast *toast;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);

  g_array_set_size (self->last_batches, 0);
  for (guint i = 0; i < results->len; i++)
    {
      KefuImportResult *result = g_ptr_array_index (results, i);
      gint64 batch = kefu_import_result_get_batch_id (result);

      if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
        continue;

      g_array_append_val (self->last_batches, batch);
      rows += kefu_import_result_get_facts (result)->rows_imported;
      files++;
    }

  /* A first import may have made the shop: show it. */
  _kefu_window_show_store (self);
  kefu_data_view_reload (self->data_view);
  show_refusals (self, results);

  if (files == 0)
    {
      if (cancelled)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled; nothing was stored")));
      return;
    }

  if (files == 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%lu row imported from 1 file",
                                            "%lu rows imported from 1 file",
                                            rows), (gulong) rows);
  else
    /* Translators: the first %lu is rows, the %u files */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%lu rows imported from %u file",
                                            "%lu rows imported from %u files",
                                            files), (gulong) rows, files);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *async_result,
                  gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = kefu_import_files_finish (async_result, &error);

  /* The window closed meanwhile: what was imported stays imported. */
  if (self->last_batches == NULL)
    return;

  if (results == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_ptr_array_set_size (self->import_queue, 0);
    }
  else
    for (guint i = 0; i < results->len; i++)
      {
        KefuImportResult *result = g_ptr_array_index (results, i);

        /* The file being read when Cancel was pressed is not a refusal
         * to explain. */
        if (g_cancellable_is_cancelled (self->import_cancellable) &&
            kefu_import_result_get_status (result) == KEFU_IMPORT_REFUSED)
          continue;
        g_ptr_array_add (self->import_results, g_object_ref (result));
      }

  if (g_cancellable_is_cancelled (self->import_cancellable))
    g_ptr_array_set_size (self->import_queue, 0);
  import_next (self);
}

/* Each file with its own choices: one worker job per file. */
static void
import_next (KefuWindow *self)
{
  KefuApplication *app = KEFU_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  KefuStore *store = app ? kefu_application_get_store (app) : NULL;
  g_autoptr(KefuImportItem) item = NULL;
  const char *paths[2] = { NULL, NULL };
  KefuImportOptions options;

  if (self->import_queue->len == 0 || store == NULL)
    {
      finish_import (self);
      return;
    }

  item = g_ptr_array_steal_index (self->import_queue, 0);
  kefu_import_item_get_options (item, &options);
  paths[0] = kefu_import_item_get_path (item);
  kefu_import_files_async (kefu_store_get_path (store), paths, &options, self->import_cancellable,
                           on_progress, g_object_ref (self), g_object_unref,
                           on_file_imported, g_object_ref (self));
}

static void
on_wizard_import (KefuImportWizard *wizard,
                  KefuWindow       *self)
{
  GListModel *items = kefu_import_wizard_get_items (wizard);
  g_autofree char *label = NULL;

  if (self->import_cancellable != NULL)
    return;

  self->import_queue = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(KefuImportItem) item = g_list_model_get_item (items, i);

      if (kefu_import_item_is_importable (item))
        g_ptr_array_add (self->import_queue, g_object_ref (item));
    }
  if (self->import_queue->len == 0)
    {
      g_clear_pointer (&self->import_queue, g_ptr_array_unref);
      return;
    }

  self->import_total = self->import_queue->len;
  self->import_results = g_ptr_array_new_with_free_func (g_object_unref);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file…",
                                        "Importing %u files…", self->import_total),
                           self->import_total);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  self->import_cancellable = g_cancellable_new ();
  import_next (self);
}

/**
 * kefu_window_import_files:
 * @files: (element-type GFile): files or folders to import
 *
 * Opens the import wizard on @files (or adds them to the one open); its
 * Import brings them into the shop the window shows (or, in a new
 * database, into a shop made by the first import).
 */
void
kefu_window_import_files (KefuWindow *self,
                          GListModel *files)
{
  KefuApplication *app;

  g_return_if_fail (KEFU_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  app = KEFU_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app == NULL || kefu_application_get_store (app) == NULL || g_list_model_get_n_items (files) == 0)
    return;

  /* Checks write (and take back) as imports do: one at a time. */
  if (self->import_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Kefu is importing; add these files when it is done")));
      return;
    }

  if (self->wizard == NULL)
    {
      self->wizard = kefu_import_wizard_new (GTK_WINDOW (self), kefu_application_get_store (app),
                                             self->shop_name);
      g_object_add_weak_pointer (G_OBJECT (self->wizard), (gpointer *) &self->wizard);
      g_signal_connect_object (self->wizard, "import", G_CALLBACK (on_wizard_import), self, 0);
    }
  kefu_import_wizard_add_files (self->wizard, files);
  gtk_window_present (GTK_WINDOW (self->wizard));
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
undo_import_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);
  KefuApplication *app = KEFU_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  KefuStore *store = kefu_application_get_store (app);
  g_autoptr(GError) error = NULL;

  if (store == NULL || self->last_batches->len == 0)
    return;

  /* All the last import's batches go, or none. */
  if (kefu_store_begin (store, &error))
    {
      for (guint i = 0; i < self->last_batches->len && error == NULL; i++)
        kefu_store_delete_batch (store, g_array_index (self->last_batches, gint64, i), &error);
      if (error == NULL)
        kefu_store_commit (store, &error);
      else
        kefu_store_rollback (store);
    }

  g_array_set_size (self->last_batches, 0);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (error ? error->message : _("Import undone")));
  _kefu_window_show_store (self);
  kefu_data_view_reload (self->data_view);
}

/* Batches deleted in the Data view: Undo no longer applies to them. */
static void
on_batches_deleted (KefuWindow *self)
{
  g_array_set_size (self->last_batches, 0);
  _kefu_window_show_store (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KefuWindow    *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (files, l->data);

  kefu_window_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Exports dropped anywhere on the window are imported. */
void
_kefu_window_init_import (KefuWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
  g_signal_connect_object (self->data_view, "changed", G_CALLBACK (on_batches_deleted),
                           self, G_CONNECT_SWAPPED);
}

void
_kefu_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_activated);
}

void
_kefu_window_dispose_import (KefuWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->wizard != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->wizard), (gpointer *) &self->wizard);
      gtk_window_destroy (GTK_WINDOW (self->wizard));
      self->wizard = NULL;
    }
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);
  g_clear_pointer (&self->import_results, g_ptr_array_unref);
  g_clear_pointer (&self->last_batches, g_array_unref);
}
