/* kefu-window-export.c — Ctrl+E: the Excel appraisal workbook of the period
 *
 * A save dialog with the workbook's suggested name, then the workbook
 * written in a thread (kefu_workbook_export_async()), then a toast whose
 * button opens the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-window-private.h"

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuWindow) self = user_data;
  KefuWorkbook *workbook = KEFU_WORKBOOK (source);
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (workbook), "path");
  AdwToast *toast;

  g_clear_object (&self->export_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->workspace && kefu_workspace_get_report (self->workspace));

  if (!kefu_workbook_export_finish (workbook, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    /* Translators: a toast; the file's name */
    g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

    toast = adw_toast_new (title);
    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "win.open-export");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri ? uri : ""));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

/* Writes the period's workbook to @path, in a thread. */
void
_kefu_window_export_to (KefuWindow *self,
                        const char *path)
{
  g_autoptr(KefuWorkbook) workbook = NULL;
  KefuScoreReport *report;
  KefuShop *shop;

  g_return_if_fail (KEFU_IS_WINDOW (self));

  report = self->workspace ? kefu_workspace_get_report (self->workspace) : NULL;
  shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;
  if (report == NULL || shop == NULL)
    return;

  workbook = kefu_workbook_new (report);
  kefu_workbook_set_shop_name (workbook, kefu_shop_get_name (shop));

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  g_object_set_data_full (G_OBJECT (workbook), "path", g_strdup (path), g_free);
  kefu_workbook_export_async (workbook, kefu_store_get_path (kefu_workspace_get_store (self->workspace)),
                              kefu_shop_get_id (shop), kefu_workspace_get_settings (self->workspace),
                              path, self->export_cancellable, on_exported, g_object_ref (self));
}

static void
on_chooser_response (KefuWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        _kefu_window_export_to (self, path);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->export_chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);
  g_autoptr(KefuWorkbook) workbook = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  KefuScoreReport *report = self->workspace ? kefu_workspace_get_report (self->workspace) : NULL;
  KefuShop *shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;

  if (report == NULL || shop == NULL || self->export_chooser != NULL)
    return;

  workbook = kefu_workbook_new (report);
  kefu_workbook_set_shop_name (workbook, kefu_shop_get_name (shop));
  name = kefu_workbook_suggest_name (workbook);

  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");

  self->export_chooser = gtk_file_chooser_native_new (_("Export Appraisal Workbook"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
open_export_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (*uri != '\0')
    gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

void
_kefu_window_class_init_export (GtkWidgetClass *widget_class)
{
  /* Enabled once there is a scored report to export. */
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_activated);
}

void
_kefu_window_dispose_export (KefuWindow *self)
{
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
}
