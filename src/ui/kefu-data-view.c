/* kefu-data-view.c — the imported files, to look at and delete
 *
 * One row per import batch: the file, what kind of export it was, the
 * days it covers, the rows it brought and skipped, its problems (a
 * button lists them) and when it came. Deleting asks first, then takes
 * everything the batch brought with it; ::changed tells the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-data-view.h"
#include "kefu-import-labels.h"
#include "kefu-problem-row.h"

typedef char * (*CellText) (KefuBatch *batch);

struct _KefuDataView
{
  AdwBin               parent_instance;

  KefuStore           *store;
  GListStore          *batches;
  GtkMultiSelection   *selection;

  GtkStack            *stack;
  GtkColumnView       *batch_view;
  GtkColumnViewColumn *file_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *period_column;
  GtkColumnViewColumn *rows_column;
  GtkColumnViewColumn *problems_column;
  GtkColumnViewColumn *imported_column;
  GtkColumnViewColumn *delete_column;
  GtkLabel            *count_label;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KefuDataView, kefu_data_view, ADW_TYPE_BIN)

/* Cell texts */

static char *
file_text (KefuBatch *batch)
{
  return g_strdup (kefu_batch_get_file_name (batch));
}

static char *
profile_text (KefuBatch *batch)
{
  KefuProfile *profile = kefu_profile_registry_lookup (kefu_profile_registry_get_default (),
                                                       kefu_batch_get_profile (batch));

  /* A profile since removed is still named by its id. */
  return g_strdup (profile ? kefu_profile_get_name (profile) : kefu_batch_get_profile (batch));
}

static char *
kind_text (KefuBatch *batch)
{
  return g_strdup (kefu_import_kind_get_label (kefu_batch_get_kind (batch)));
}

static char *
period_text (KefuBatch *batch)
{
  const char *start = kefu_batch_get_period_start (batch);
  const char *end = kefu_batch_get_period_end (batch);

  if (start == NULL)
    return g_strdup (_("—"));
  if (g_strcmp0 (start, end) == 0 || end == NULL)
    return g_strdup (start);
  /* Translators: the first and last day of an import */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static char *
rows_text (KefuBatch *batch)
{
  if (kefu_batch_get_rows_skipped (batch) > 0)
    /* Translators: rows imported, then rows skipped */
    return g_strdup_printf (_("%ld (%ld skipped)"), (long) kefu_batch_get_rows_imported (batch),
                            (long) kefu_batch_get_rows_skipped (batch));
  return g_strdup_printf ("%ld", (long) kefu_batch_get_rows_imported (batch));
}

static char *
imported_text (KefuBatch *batch)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (kefu_batch_get_imported_at (batch), utc);
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (kefu_batch_get_imported_at (batch));
}

/* Factories */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  CellText text_of = g_object_get_data (G_OBJECT (factory), "text");
  g_autofree char *text = text_of (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
setup_kind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *profile = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_xalign (GTK_LABEL (profile), 0);
  gtk_label_set_ellipsize (GTK_LABEL (profile), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (profile), 28);
  gtk_widget_add_css_class (profile, "caption");
  gtk_widget_add_css_class (profile, "dim-label");
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), profile);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_kind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  KefuBatch *batch = gtk_list_item_get_item (list_item);
  GtkWidget *kind = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *profile = gtk_widget_get_next_sibling (kind);
  g_autofree char *kind_label = kind_text (batch);
  g_autofree char *profile_label = profile_text (batch);

  gtk_label_set_label (GTK_LABEL (kind), kind_label);
  gtk_label_set_label (GTK_LABEL (profile), profile_label);
  gtk_widget_set_tooltip_text (profile, profile_label);
}

static void show_problems (KefuDataView *self, KefuBatch *batch);
static void confirm_delete (KefuDataView *self, GPtrArray *batches);

static void
on_problems_clicked (GtkButton    *button,
                     KefuDataView *self)
{
  KefuBatch *batch = g_object_get_data (G_OBJECT (button), "batch");

  if (batch != NULL)
    show_problems (self, batch);
}

static void
setup_problems (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KefuDataView             *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_problems_clicked), self, 0);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_problems (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  KefuBatch *batch = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  guint n = kefu_batch_get_n_problems (batch);
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (button), "batch", batch);
  gtk_widget_set_sensitive (button, n > 0);
  if (n > 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
  gtk_button_set_label (GTK_BUTTON (button), n > 0 ? label : _("None"));
  gtk_widget_set_tooltip_text (button, n > 0 ? _("Show the problems") : NULL);
}

static void
on_delete_clicked (GtkButton    *button,
                   KefuDataView *self)
{
  KefuBatch *batch = g_object_get_data (G_OBJECT (button), "batch");
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);

  if (batch == NULL)
    return;
  g_ptr_array_add (batches, g_object_ref (batch));
  confirm_delete (self, batches);
}

static void
setup_delete (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KefuDataView             *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete This Import"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_delete (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "batch",
                     gtk_list_item_get_item (list_item));
}

static void
set_factory (KefuDataView        *self,
             GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             CellText             text_of)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "text", text_of);
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  gtk_column_view_column_set_factory (column, factory);
}

/* Sorting: newest first unless a column says otherwise */

static int
compare_batches (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CellText text_of = user_data;
  g_autofree char *text_a = text_of ((KefuBatch *) a);
  g_autofree char *text_b = text_of ((KefuBatch *) b);

  return g_utf8_collate (text_a, text_b);
}

static void
set_sorter (GtkColumnViewColumn *column,
            CellText             text_of)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_batches, text_of, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* Problems */

static void
show_problems (KefuDataView *self,
               KefuBatch    *batch)
{
  g_autoptr(JsonNode) issues = json_from_string (kefu_batch_get_issues_json (batch), NULL);
  JsonArray *array = issues && JSON_NODE_HOLDS_ARRAY (issues) ? json_node_get_array (issues) : NULL;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *problem = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (problem))
        gtk_list_box_append (GTK_LIST_BOX (list),
                             kefu_problem_row_new_from_json (json_node_get_object (problem),
                                                             kefu_batch_get_file_name (batch)));
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  /* Translators: the problems of importing a file, by its name */
  heading = g_strdup_printf (_("Problems in “%s”"), kefu_batch_get_file_name (batch));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading,
                                                       _("Rows marked as errors were skipped; "
                                                         "the others were imported.")));
  adw_message_dialog_set_extra_child (dialog, scrolled);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting */

static void
delete_batches (KefuDataView *self,
                GPtrArray    *batches)
{
  g_autoptr(GError) error = NULL;

  /* All of them go, or none. */
  if (kefu_store_begin (self->store, &error))
    {
      for (guint i = 0; i < batches->len && error == NULL; i++)
        kefu_store_delete_batch (self->store, kefu_batch_get_id (g_ptr_array_index (batches, i)), &error);
      if (error == NULL)
        kefu_store_commit (self->store, &error);
      else
        kefu_store_rollback (self->store);
    }

  if (error != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
    }

  kefu_data_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KefuDataView     *self)
{
  GPtrArray *batches = g_object_get_data (G_OBJECT (dialog), "batches");

  if (g_str_equal (response, "delete") && self->store != NULL)
    delete_batches (self, batches);
}

static void
confirm_delete (KefuDataView *self,
                GPtrArray    *batches)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gint64 rows = 0;

  if (batches->len == 0)
    return;

  for (guint i = 0; i < batches->len; i++)
    rows += kefu_batch_get_rows_imported (g_ptr_array_index (batches, i));

  if (batches->len == 1)
    {
      heading = g_strdup (_("Delete This Import?"));
      /* Translators: a file name, then how many rows it brought */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The %ld row “%s” brought will be removed. It can be imported again later.",
                                           "The %ld rows “%s” brought will be removed. It can be imported again later.",
                                           rows),
                              (long) rows, kefu_batch_get_file_name (g_ptr_array_index (batches, 0)));
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Import?", "Delete %u Imports?",
                                              batches->len), batches->len);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The %ld row these files brought will be removed. They can be imported again later.",
                                           "The %ld rows these files brought will be removed. They can be imported again later.",
                                           rows), (long) rows);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "batches", g_ptr_array_ref (batches),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_selected_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KefuDataView *self = KEFU_DATA_VIEW (widget);
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      g_ptr_array_add (batches, g_list_model_get_item (model, i));
  confirm_delete (self, batches);
}

static void
update_selection (KefuDataView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.delete-selected",
                                 !gtk_bitset_is_empty (selected));
}

/* The object */

static void
kefu_data_view_dispose (GObject *object)
{
  KefuDataView *self = KEFU_DATA_VIEW (object);

  /* The bin holds the template's child: it goes first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_DATA_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->batches);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_data_view_parent_class)->dispose (object);
}

static void
kefu_data_view_class_init (KefuDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_data_view_dispose;

  /* Batches were deleted: what the shop's figures are made of changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-data-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, batch_view);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, file_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, period_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, rows_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, problems_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, imported_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, delete_column);
  gtk_widget_class_bind_template_child (widget_class, KefuDataView, count_label);

  gtk_widget_class_install_action (widget_class, "data.delete-selected", NULL, delete_selected_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "data.delete-selected", NULL);
}

static void
kefu_data_view_init (KefuDataView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->batches = g_list_store_new (KEFU_TYPE_BATCH);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->batches)),
                                    g_object_ref (gtk_column_view_get_sorter (self->batch_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (self->batch_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_selection), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_selection), self);

  set_factory (self, self->file_column, G_CALLBACK (setup_label), G_CALLBACK (bind_label), file_text);
  set_factory (self, self->kind_column, G_CALLBACK (setup_kind), G_CALLBACK (bind_kind), NULL);
  set_factory (self, self->period_column, G_CALLBACK (setup_label), G_CALLBACK (bind_label), period_text);
  set_factory (self, self->rows_column, G_CALLBACK (setup_label), G_CALLBACK (bind_label), rows_text);
  set_factory (self, self->problems_column, G_CALLBACK (setup_problems), G_CALLBACK (bind_problems), NULL);
  set_factory (self, self->imported_column, G_CALLBACK (setup_label), G_CALLBACK (bind_label), imported_text);
  set_factory (self, self->delete_column, G_CALLBACK (setup_delete), G_CALLBACK (bind_delete), NULL);
  set_sorter (self->file_column, file_text);
  set_sorter (self->kind_column, kind_text);
  set_sorter (self->period_column, period_text);
  set_sorter (self->imported_column, imported_text);

  update_selection (self);
}

/* @store: (nullable): the database whose imports are listed */
void
kefu_data_view_set_store (KefuDataView *self,
                          KefuStore    *store)
{
  g_return_if_fail (KEFU_IS_DATA_VIEW (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (g_set_object (&self->store, store))
    kefu_data_view_reload (self);
}

/* Lists the batches again, as the store has them now. */
void
kefu_data_view_reload (KefuDataView *self)
{
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n;

  g_return_if_fail (KEFU_IS_DATA_VIEW (self));

  if (self->store != NULL)
    batches = kefu_store_list_batches (self->store, 0, &error);

  g_list_store_remove_all (self->batches);
  n = batches ? g_list_model_get_n_items (batches) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuBatch) batch = g_list_model_get_item (batches, i);

      g_list_store_append (self->batches, batch);
    }

  if (error != NULL)
    count = g_strdup (error->message);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u import", "%u imports", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "batches" : "empty");
}

/* Returns: (transfer none): the batches shown, and which are selected */
GtkSelectionModel *
kefu_data_view_get_selection (KefuDataView *self)
{
  g_return_val_if_fail (KEFU_IS_DATA_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}
