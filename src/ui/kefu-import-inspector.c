/* kefu-import-inspector.c — what the import wizard knows of one file
 *
 * Shows the latest check of a KefuImportItem — how it stands, the rows
 * about the file (kefu-import-inspector-details.c), a preview of the
 * first rows, each column's field and the problems — and turns every
 * choice made here into a choice on the item, which checks it again.
 * A corrected mapping can be saved as a profile of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-inspector-private.h"
#include "kefu-problem-row.h"

/* A check can list thousands; the first ones say enough. */
#define MAX_PROBLEMS_SHOWN 100

G_DEFINE_FINAL_TYPE (KefuImportInspector, kefu_import_inspector, ADW_TYPE_BIN)

static void show_item (KefuImportInspector *self);

KefuImportFacts *
_kefu_import_inspector_get_facts (KefuImportInspector *self)
{
  KefuImportResult *result = self->item ? kefu_import_item_get_result (self->item) : NULL;

  return result ? kefu_import_result_get_facts (result) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_profiles (KefuImportInspector *self)
{
  GListModel *profiles = kefu_profile_registry_get_profiles (kefu_profile_registry_get_default ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->profile_ids, 0);
  gtk_string_list_append (names, C_("profile", "Detect"));
  g_ptr_array_add (self->profile_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (profiles, i);

      gtk_string_list_append (names, kefu_profile_get_name (profile));
      g_ptr_array_add (self->profile_ids, g_strdup (kefu_profile_get_id (profile)));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  self->updating = FALSE;
}

/* Status */

static void
show_status (KefuImportInspector *self,
             KefuImportResult    *result)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  g_autofree char *text = NULL;
  const char *icon = "dialog-warning-symbolic";
  const char *style = "warning";

  switch (kefu_import_result_get_status (result))
    {
    case KEFU_IMPORT_CHECKED:
      if (facts->rows_skipped > 0)
        /* Translators: rows of the file that will be imported, then rows that will not */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Ready: %lu row to import, %lu skipped.",
                                             "Ready: %lu rows to import, %lu skipped.",
                                             facts->rows_imported),
                                (gulong) facts->rows_imported, (gulong) facts->rows_skipped);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Ready: %lu row to import.",
                                             "Ready: %lu rows to import.",
                                             facts->rows_imported),
                                (gulong) facts->rows_imported);
      icon = "emblem-ok-symbolic";
      style = "success";
      break;
    case KEFU_IMPORT_ALREADY_IMPORTED:
      text = g_strdup (_("This file was imported before; importing it again changes nothing."));
      icon = "emblem-ok-symbolic";
      style = "dim-label";
      break;
    case KEFU_IMPORT_OVERLAP:
      text = g_strdup (_("This file repeats data that earlier imports brought. "
                         "Skip it, or replace what they brought for the same days."));
      break;
    case KEFU_IMPORT_REFUSED:
    default:
      if (facts->needs_period)
        text = g_strdup (_("The file says no period: it has no date column and its name "
                           "carries no date. Choose the period it covers."));
      else if (facts->profile_id == NULL && kefu_import_result_get_n_preview (result) > 0)
        text = g_strdup (_("Kefu does not recognise this file. If it is an export Kefu knows, "
                           "choose its profile."));
      else
        text = g_strdup (kefu_import_result_get_message (result));
      icon = "dialog-error-symbolic";
      style = "error";
      break;
    }

  gtk_label_set_label (self->status_label, text);
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_icon), (const char *[]) { style, NULL });
}

/* Mapping */

static void
on_mapping_changed (KefuImportInspector *self,
                    GParamSpec          *pspec,
                    KefuMappingRow      *row)
{
  if (self->updating || self->item == NULL)
    return;
  kefu_import_item_set_field (self->item, kefu_mapping_row_get_column (row),
                              kefu_mapping_row_get_field (row));
}

/* The first value under the header, to tell columns apart by. */
static const char *
sample_of (KefuImportInspector *self,
           guint                column)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->preview); i++)
    {
      g_autoptr(KefuPreviewRow) row = g_list_model_get_item (self->preview, i);

      if (kefu_preview_row_get_role (row) == KEFU_PREVIEW_ROW_DATA &&
          *kefu_preview_row_get_cell (row, column) != '\0')
        return kefu_preview_row_get_cell (row, column);
    }
  return NULL;
}

static void
show_mapping (KefuImportInspector *self,
              KefuImportResult    *result)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  KefuProfile *profile = facts->profile_id
                       ? kefu_profile_registry_lookup (kefu_profile_registry_get_default (), facts->profile_id)
                       : NULL;
  g_autofree char *headers = facts->headers ? g_strjoinv ("\x1f", facts->headers) : NULL;
  g_autofree char *key = g_strconcat (facts->profile_id ? facts->profile_id : "", "\x1e",
                                      headers ? headers : "", NULL);
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), profile != NULL && facts->headers != NULL);
  gtk_widget_set_visible (self->save_button,
                          kefu_import_item_get_mapping_changed (self->item) &&
                          kefu_import_result_get_status (result) == KEFU_IMPORT_CHECKED);
  if (profile == NULL || facts->headers == NULL)
    {
      clear_list (self->mapping_list);
      g_clear_pointer (&self->mapping_key, g_free);
      return;
    }

  /* The same columns again (after a choice): the rows stay, and with
   * them the keyboard focus. */
  if (g_strcmp0 (key, self->mapping_key) != 0)
    {
      clear_list (self->mapping_list);
      for (guint i = 0; facts->headers[i] != NULL; i++)
        {
          GtkWidget *row;

          if (*facts->headers[i] == '\0')
            continue;
          row = kefu_mapping_row_new (profile, i, facts->headers[i], sample_of (self, i));
          g_signal_connect_object (row, "notify::field", G_CALLBACK (on_mapping_changed),
                                   self, G_CONNECT_SWAPPED);
          gtk_list_box_append (self->mapping_list, row);
        }
      g_free (self->mapping_key);
      self->mapping_key = g_steal_pointer (&key);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      KefuMappingRow *row = KEFU_MAPPING_ROW (child);

      kefu_mapping_row_set_field (row, kefu_import_item_get_field (self->item,
                                                                   kefu_mapping_row_get_column (row)));
    }
}

static void
show_problems (KefuImportInspector *self,
               KefuImportResult    *result)
{
  guint n = kefu_import_result_get_n_problems (result);
  g_autofree char *description = NULL;

  clear_list (self->problems_list);
  for (guint i = 0; i < MIN (n, MAX_PROBLEMS_SHOWN); i++)
    gtk_list_box_append (self->problems_list,
                         kefu_problem_row_new (kefu_import_result_get_problem (result, i),
                                               kefu_import_item_get_name (self->item)));

  if (n > MAX_PROBLEMS_SHOWN)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The first %u of %u problem",
                                                "The first %u of %u problems", n),
                                   MAX_PROBLEMS_SHOWN, n);
  adw_preferences_group_set_description (self->problems_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

static void
show_checking (KefuImportInspector *self)
{
  KefuImportResult *result = self->item ? kefu_import_item_get_result (self->item) : NULL;
  gboolean checking = self->item && kefu_import_item_get_checking (self->item);

  gtk_spinner_set_spinning (self->spinner, result == NULL);
  gtk_stack_set_visible_child_name (self->stack, result ? "details" : "checking");
  gtk_spinner_set_spinning (self->recheck_spinner, result && checking);
  gtk_widget_set_visible (GTK_WIDGET (self->recheck_spinner), result && checking);
}

static void
show_item (KefuImportInspector *self)
{
  KefuImportResult *result = self->item ? kefu_import_item_get_result (self->item) : NULL;

  show_checking (self);
  if (result == NULL)
    return;

  self->updating = TRUE;
  gtk_label_set_label (self->file_label, kefu_import_item_get_name (self->item));
  show_status (self, result);
  _kefu_import_inspector_show_details (self, result);
  _kefu_import_inspector_show_period (self, result);
  _kefu_import_inspector_show_shop (self);
  kefu_preview_view_set_result (self->preview_view, result);
  g_clear_object (&self->preview);
  self->preview = g_object_ref (kefu_preview_view_get_rows (self->preview_view));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), g_list_model_get_n_items (self->preview) > 0);
  show_mapping (self, result);
  show_problems (self, result);
  self->updating = FALSE;
}

/* Saving the corrected mapping */

static void
on_save_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  KefuImportInspector *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *name;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (!g_str_equal (response, "save") || self->item == NULL || self->busy ||
      _kefu_import_inspector_get_facts (self) == NULL)
    return;

  name = *text != '\0' ? text : kefu_import_item_get_name (self->item);
  if (kefu_import_item_save_profile (self->item, name, &id, &error))
    {
      /* Translators: the name of an import profile just saved */
      message = g_strdup_printf (_("Saved as “%s”"), name);
      fill_profiles (self);
      kefu_import_item_set_profile_id (self->item, id);
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (error ? error->message : message));
}

static void
on_save_clicked (KefuImportInspector *self)
{
  KefuImportFacts *facts = _kefu_import_inspector_get_facts (self);
  KefuProfile *base;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *name = NULL;

  if (facts == NULL || facts->profile_id == NULL)
    return;
  base = kefu_profile_registry_lookup (kefu_profile_registry_get_default (), facts->profile_id);
  if (base == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Save the Columns as a Profile?"),
                                                       _("Files with these headers will be read this "
                                                         "way from now on.")));
  /* Translators: the suggested name of a profile made from another, and the file it was made for */
  name = g_strdup_printf (_("%s (%s)"), kefu_profile_get_name (base), kefu_import_item_get_name (self->item));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Profile name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object */

static void
kefu_import_inspector_dispose (GObject *object)
{
  KefuImportInspector *self = KEFU_IMPORT_INSPECTOR (object);

  kefu_import_inspector_set_item (self, NULL);
  g_clear_object (&self->shops);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->mapping_key, g_free);
  g_clear_pointer (&self->profile_ids, g_ptr_array_unref);
  /* The bin holds the template's child: it goes first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_IMPORT_INSPECTOR);

  G_OBJECT_CLASS (kefu_import_inspector_parent_class)->dispose (object);
}

static void
kefu_import_inspector_class_init (KefuImportInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_import_inspector_dispose;

  g_type_ensure (KEFU_TYPE_PERIOD_PICKER);
  g_type_ensure (KEFU_TYPE_PREVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-import-inspector.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KefuImportInspector, name)
  BIND (stack);
  BIND (scrolled);
  BIND (spinner);
  BIND (recheck_spinner);
  BIND (status_icon);
  BIND (file_label);
  BIND (status_label);
  BIND (kind_row);
  BIND (kind_label);
  BIND (profile_row);
  BIND (confidence_row);
  BIND (confidence_label);
  BIND (encoding_row);
  BIND (period_row);
  BIND (period_picker);
  BIND (period_button);
  BIND (shop_row);
  BIND (overlap_row);
  BIND (preview_group);
  BIND (preview_view);
  BIND (mapping_group);
  BIND (save_button);
  BIND (mapping_list);
  BIND (problems_group);
  BIND (problems_list);
#undef BIND
  gtk_widget_class_bind_template_callback_full (widget_class, "on_profile_selected", G_CALLBACK (_kefu_import_inspector_on_profile_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_encoding_selected", G_CALLBACK (_kefu_import_inspector_on_encoding_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_shop_selected", G_CALLBACK (_kefu_import_inspector_on_shop_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_overlap_selected", G_CALLBACK (_kefu_import_inspector_on_overlap_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_period_chosen", G_CALLBACK (_kefu_import_inspector_on_period_chosen));
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
kefu_import_inspector_init (KefuImportInspector *self)
{
  self->profile_ids = g_ptr_array_new_with_free_func (g_free);
  self->updating = TRUE;   /* the template's handlers fire while it is built */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  fill_profiles (self);
}

/* Returns: (transfer none) (nullable): the file shown */
KefuImportItem *
kefu_import_inspector_get_item (KefuImportInspector *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_INSPECTOR (self), NULL);
  return self->item;
}

void
kefu_import_inspector_set_item (KefuImportInspector *self,
                                KefuImportItem      *item)
{
  g_return_if_fail (KEFU_IS_IMPORT_INSPECTOR (self));
  g_return_if_fail (item == NULL || KEFU_IS_IMPORT_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  g_clear_pointer (&self->mapping_key, g_free);
  /* Another file reads from its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  if (item != NULL)
    {
      g_signal_connect_swapped (item, "notify::result", G_CALLBACK (show_item), self);
      g_signal_connect_swapped (item, "notify::checking", G_CALLBACK (show_checking), self);
    }
  show_item (self);
}

/* @shops: (nullable): the #KefuShop a file can go to */
void
kefu_import_inspector_set_shops (KefuImportInspector *self,
                                 GListModel          *shops)
{
  g_return_if_fail (KEFU_IS_IMPORT_INSPECTOR (self));

  if (g_set_object (&self->shops, shops))
    show_item (self);
}

/* A profile is added to the profiles checks read only while none runs. */
void
kefu_import_inspector_set_busy (KefuImportInspector *self,
                                gboolean             busy)
{
  g_return_if_fail (KEFU_IS_IMPORT_INSPECTOR (self));

  self->busy = !!busy;
  gtk_widget_set_sensitive (self->save_button, !self->busy);
}

/* Returns: (transfer none) (nullable): the #KefuPreviewRow shown */
GListModel *
kefu_import_inspector_get_preview (KefuImportInspector *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_INSPECTOR (self), NULL);
  return self->preview;
}

/* Returns: (transfer none) (nullable): the row of @column (0-based) */
KefuMappingRow *
kefu_import_inspector_get_mapping_row (KefuImportInspector *self,
                                       guint                column)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_INSPECTOR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (kefu_mapping_row_get_column (KEFU_MAPPING_ROW (child)) == column)
      return KEFU_MAPPING_ROW (child);
  return NULL;
}
