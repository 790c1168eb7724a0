/* kefu-window-import.c — the window's side of importing files
 *
 * Files chosen with Ctrl+O, dropped on the window, or given on the
 * command line are imported in a worker thread, each as its own batch; a
 * progress bar with Cancel shows meanwhile, and a toast reports the result
 * with Undo. Files that were not imported are listed with their reasons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-window-private.h"

static void
on_progress (double   fraction,
             gpointer user_data)
{
  KefuWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->import_progress, fraction);
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
on_import_done (GObject      *source,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint64 rows = 0;
  guint files = 0;
  AdwToast *toast;

  results = kefu_import_files_finish (async_result, &error);

  /* The window closed meanwhile: what was imported stays imported. */
  if (self->last_batches == NULL)
    return;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  g_clear_object (&self->import_cancellable);

  if (results == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

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
  show_refusals (self, results);

  if (files == 0)
    return;

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

/**
 * kefu_window_import_files:
 * @files: (element-type GFile): what to import
 *
 * Imports @files into the shop the window shows (or, in a new database,
 * into a shop made by the first import).
 */
void
kefu_window_import_files (KefuWindow *self,
                          GListModel *files)
{
  KefuApplication *app;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  KefuImportOptions options;

  g_return_if_fail (KEFU_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  app = KEFU_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app == NULL || kefu_application_get_store (app) == NULL || self->import_cancellable != NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);

  kefu_import_options_init (&options);
  options.shop_name = self->shop_name;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file…",
                                        "Importing %u files…", paths->len - 1),
                           paths->len - 1);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  self->import_cancellable = g_cancellable_new ();
  kefu_import_files_async (kefu_store_get_path (kefu_application_get_store (app)),
                           (const char * const *) paths->pdata, &options,
                           self->import_cancellable,
                           on_progress, g_object_ref (self), g_object_unref,
                           on_import_done, g_object_ref (self));
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
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->last_batches, g_array_unref);
}
