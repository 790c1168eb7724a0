/* kefu-scheme-view-actions.c — what can be done to the Scoring view's schemes
 *
 * New, duplicate, rename, delete (asked first), import and export a
 * scheme file, make a scheme the shop's default, save, undo and redo,
 * and the manual scores of the period. Built-in schemes are templates:
 * they can be duplicated and exported, not changed. A scheme with errors
 * is saved as a draft, and the toast says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-manual-scores-window.h"
#include "kefu-scheme-view-private.h"

static gboolean
is_stored (KefuSchemeView *self)
{
  return self->saved != NULL && kefu_scheme_get_store_id (self->saved) > 0;
}

static gboolean
has_manual_items (KefuScheme *scheme)
{
  for (guint i = 0; scheme != NULL && i < kefu_scheme_get_n_items (scheme); i++)
    if (kefu_scheme_item_get_kind (kefu_scheme_get_item (scheme, i)) == KEFU_ITEM_KIND_MANUAL)
      return TRUE;
  return FALSE;
}

void
_kefu_scheme_view_update_actions (KefuSchemeView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shop = _kefu_scheme_view_get_shop_id (self) > 0;
  gboolean stored = is_stored (self);

  gtk_widget_action_set_enabled (widget, "scheme.new", shop);
  gtk_widget_action_set_enabled (widget, "scheme.import", shop);
  gtk_widget_action_set_enabled (widget, "scheme.duplicate", shop && self->saved != NULL);
  gtk_widget_action_set_enabled (widget, "scheme.export", self->working != NULL);
  gtk_widget_action_set_enabled (widget, "scheme.rename", stored);
  gtk_widget_action_set_enabled (widget, "scheme.delete", stored);
  gtk_widget_action_set_enabled (widget, "scheme.set-default",
                                 stored && shop && kefu_scheme_get_store_id (self->saved) != self->default_id);
  gtk_widget_action_set_enabled (widget, "scheme.save", stored && self->modified);
  gtk_widget_action_set_enabled (widget, "scheme.undo", kefu_scheme_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "scheme.redo", kefu_scheme_history_get_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "scheme.manual-scores",
                                 stored && shop && has_manual_items (self->saved));
}

/* The errors the validator finds in @scheme with the period's figures. */
static guint
count_errors (KefuSchemeView *self,
              KefuScheme     *scheme)
{
  KefuMetricTable *table = self->workspace ? kefu_workspace_get_agent_table (self->workspace) : NULL;
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, table);

  return kefu_scheme_issues_count (issues, KEFU_ISSUE_ERROR);
}

static void
toast_saved (KefuSchemeView *self,
             guint           errors)
{
  g_autofree char *message = NULL;

  if (errors == 0)
    message = g_strdup (_("Scheme saved"));
  else
    message = g_strdup_printf (ngettext ("Saved as a draft: %u error to fix before it scores right",
                                         "Saved as a draft: %u errors to fix before it scores right",
                                         errors), errors);
  _kefu_scheme_view_toast (self, message);
}

/**
 * _kefu_scheme_view_store_new:
 *
 * Stores @scheme for the shop as a new scheme of its own (a draft when
 * it has errors) and selects it.
 */
gboolean
_kefu_scheme_view_store_new (KefuSchemeView *self,
                             KefuScheme     *scheme)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint errors;
  gint64 store_id;

  kefu_scheme_set_builtin (scheme, FALSE);
  kefu_scheme_set_store_id (scheme, 0);
  /* The id a scheme file is known by: the file's own, else a new one. */
  if (kefu_scheme_get_id (scheme) == NULL)
    {
      id = g_uuid_string_random ();
      kefu_scheme_set_id (scheme, id);
    }
  errors = count_errors (self, scheme);
  kefu_scheme_set_draft (scheme, errors > 0);

  store_id = kefu_store_save_scheme (kefu_workspace_get_store (self->workspace),
                                     _kefu_scheme_view_get_shop_id (self), scheme, &error);
  if (store_id == 0)
    {
      _kefu_scheme_view_toast (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->saved);
  _kefu_scheme_view_reload (self, store_id);
  return TRUE;
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  g_autoptr(KefuScheme) scheme = kefu_scheme_new (NULL, _("New Scheme"));

  _kefu_scheme_view_store_new (self, scheme);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  g_autoptr(KefuScheme) copy = NULL;
  g_autofree char *name = NULL;

  if (self->working == NULL)
    return;

  /* The scheme as shown, edits included. */
  copy = kefu_scheme_copy (self->working);
  /* Translators: the name of a copy of a scheme; %s is the original's name */
  name = g_strdup_printf (_("%s (Copy)"), kefu_scheme_get_name (self->working));
  kefu_scheme_set_name (copy, name);
  kefu_scheme_set_id (copy, NULL);
  _kefu_scheme_view_store_new (self, copy);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  g_autoptr(KefuScheme) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint errors;

  if (!is_stored (self) || self->working == NULL)
    return;

  /* The copy is stored, so that the draft flag is no edit to undo. */
  saved = kefu_scheme_copy (self->working);
  errors = count_errors (self, saved);
  kefu_scheme_set_draft (saved, errors > 0);
  if (kefu_store_save_scheme (kefu_workspace_get_store (self->workspace),
                              _kefu_scheme_view_get_shop_id (self), saved, &error) == 0)
    {
      _kefu_scheme_view_toast (self, error->message);
      return;
    }

  toast_saved (self, errors);
  _kefu_scheme_view_reload (self, kefu_scheme_get_store_id (saved));
}

static void
history_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);

  if (g_str_equal (action_name, "scheme.undo"))
    kefu_scheme_history_undo (self->history);
  else
    kefu_scheme_history_redo (self->history);
}

static void
set_default_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!is_stored (self))
    return;
  id = kefu_scheme_get_store_id (self->saved);
  if (!kefu_store_set_default_scheme (kefu_workspace_get_store (self->workspace),
                                      _kefu_scheme_view_get_shop_id (self), id, &error))
    {
      _kefu_scheme_view_toast (self, error->message);
      return;
    }
  _kefu_scheme_view_reload (self, id);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KefuSchemeView   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) saved = NULL;

  if (!g_str_equal (response, "rename") || *name == '\0' || !is_stored (self))
    return;

  /* The stored scheme takes the name; edits not saved stay unsaved. */
  saved = kefu_scheme_copy (self->saved);
  kefu_scheme_set_name (saved, name);
  if (kefu_store_save_scheme (kefu_workspace_get_store (self->workspace),
                              _kefu_scheme_view_get_shop_id (self), saved, &error) == 0)
    {
      _kefu_scheme_view_toast (self, error->message);
      return;
    }
  kefu_scheme_set_name (self->working, name);
  _kefu_scheme_view_reload (self, kefu_scheme_get_store_id (saved));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!is_stored (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Rename Scheme"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), kefu_scheme_get_name (self->saved));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KefuSchemeView   *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || !is_stored (self))
    return;

  if (!kefu_store_delete_scheme (kefu_workspace_get_store (self->workspace),
                                 kefu_scheme_get_store_id (self->saved), &error))
    {
      _kefu_scheme_view_toast (self, error->message);
      return;
    }
  g_clear_object (&self->saved);
  _kefu_scheme_view_reload (self, 0);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  GtkWidget *dialog;

  if (!is_stored (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Scheme?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and the manual scores given with it will be deleted. "
                                    "Reports already exported keep their figures."),
                                  kefu_scheme_get_name (self->saved));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Scheme files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_chooser_response (KefuSchemeView       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  gboolean import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || path == NULL)
    return;

  if (import)
    {
      g_autoptr(KefuScheme) scheme = kefu_scheme_new_from_file (path, &error);

      if (scheme == NULL)
        _kefu_scheme_view_toast (self, error->message);
      else if (_kefu_scheme_view_store_new (self, scheme))
        toast_saved (self, count_errors (self, scheme));
    }
  else if (self->working != NULL)
    {
      if (!kefu_scheme_save_to_file (self->working, path, &error))
        _kefu_scheme_view_toast (self, error->message);
      else
        _kefu_scheme_view_toast (self, _("Scheme exported"));
    }
}

static void
file_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  gboolean import = g_str_equal (action_name, "scheme.import");
  g_autoptr(GtkFileFilter) filter = json_filter ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (import ? _("Import Scheme") : _("Export Scheme"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               import ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                      : GTK_FILE_CHOOSER_ACTION_SAVE,
                                               import ? _("_Import") : _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (!import && self->working != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", kefu_scheme_get_name (self->working));

      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_manual_scores_changed (KefuSchemeView *self)
{
  kefu_workspace_rescore (self->workspace);
}

static void
manual_scores_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (widget);
  GtkWidget *window;

  if (!is_stored (self))
    return;

  window = kefu_manual_scores_window_new (self->workspace, self->saved);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_signal_connect_object (window, "changed", G_CALLBACK (on_manual_scores_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

void
_kefu_scheme_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "scheme.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "scheme.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "scheme.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "scheme.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "scheme.import", NULL, file_activated);
  gtk_widget_class_install_action (widget_class, "scheme.export", NULL, file_activated);
  gtk_widget_class_install_action (widget_class, "scheme.set-default", NULL, set_default_activated);
  gtk_widget_class_install_action (widget_class, "scheme.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "scheme.undo", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "scheme.redo", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "scheme.manual-scores", NULL, manual_scores_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "scheme.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scheme.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scheme.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scheme.save", NULL);
}
