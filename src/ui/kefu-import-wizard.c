/* kefu-import-wizard.c — check dropped or chosen files before importing them
 *
 * Every file is checked in a worker thread (a whole import, taken back),
 * one at a time, and again after each choice made for it; the list on
 * the left says how each stands, the inspector shows the one selected.
 * "Import" hands the files that would import to whoever listens to
 * ::import — the window, which imports them with progress and Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-labels.h"
#include "kefu-import-wizard.h"

struct _KefuImportWizard
{
  AdwWindow            parent_instance;

  char                *db_path;
  char                *shop_name;
  GListStore          *items;
  GQueue               pending;       /* KefuImportItem to check */
  KefuImportItem      *checking;
  GCancellable        *cancellable;
  guint                navigation_idle;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *separator;
  GtkListBox          *file_list;
  KefuImportInspector *inspector;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KefuImportWizard, kefu_import_wizard, ADW_TYPE_WINDOW)

static void check_next (KefuImportWizard *self);

static void
update_state (KefuImportWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint ready = 0;
  g_autofree char *subtitle = NULL;
  gboolean busy = kefu_import_wizard_get_busy (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      ready += kefu_import_item_is_importable (item);
    }

  if (busy)
    subtitle = g_strdup (_("Checking…"));
  else
    /* Translators: files that can be imported, of the files chosen */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file ready",
                                             "%u of %u files ready", n), ready, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.import", !busy && ready > 0);
  kefu_import_inspector_set_busy (self->inspector, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Checking */

static void
on_checked (GObject      *source,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  g_autoptr(KefuImportWizard) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuImportItem) item = g_steal_pointer (&self->checking);

  results = kefu_import_files_finish (async_result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (results != NULL && results->len > 0)
    kefu_import_item_set_result (item, g_ptr_array_index (results, 0));
  else if (error != NULL)
    {
      g_autoptr(KefuImportResult) failed = kefu_import_result_new (kefu_import_item_get_name (item));

      kefu_import_result_set_outcome (failed, KEFU_IMPORT_REFUSED, 0, error->message);
      kefu_import_item_set_result (item, failed);
    }
  kefu_import_item_set_checking (item, FALSE);

  check_next (self);
}

static void
check_next (KefuImportWizard *self)
{
  g_autoptr(KefuImportItem) item = NULL;
  const char *paths[2] = { NULL, NULL };
  KefuImportOptions options;

  if (self->checking == NULL)
    item = g_queue_pop_head (&self->pending);
  if (item == NULL)
    {
      update_state (self);
      return;
    }

  kefu_import_item_get_options (item, &options);
  options.check_only = TRUE;
  paths[0] = kefu_import_item_get_path (item);
  self->checking = g_object_ref (item);
  kefu_import_item_set_checking (item, TRUE);
  update_state (self);

  kefu_import_files_async (self->db_path, paths, &options, self->cancellable,
                           NULL, NULL, NULL, on_checked, g_object_ref (self));
}

static void
on_item_changed (KefuImportWizard *self,
                 KefuImportItem   *item)
{
  if (g_queue_find (&self->pending, item) == NULL)
    g_queue_push_tail (&self->pending, g_object_ref (item));
  check_next (self);
}

/* The file list */

static void
update_file_row (AdwActionRow   *row,
                 GParamSpec     *pspec,
                 KefuImportItem *item)
{
  KefuImportResult *result = kefu_import_item_get_result (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "spinner");
  gboolean checking = kefu_import_item_get_checking (item) || result == NULL;
  const char *subtitle = _("Checking…");
  const char *icon_name = "dialog-error-symbolic";
  const char *style = "error";

  if (result != NULL)
    {
      KefuImportFacts *facts = kefu_import_result_get_facts (result);

      switch (kefu_import_result_get_status (result))
        {
        case KEFU_IMPORT_CHECKED:
          subtitle = facts->profile_name;
          icon_name = "emblem-ok-symbolic";
          style = "success";
          break;
        case KEFU_IMPORT_ALREADY_IMPORTED:
          subtitle = _("Imported before");
          icon_name = "emblem-ok-symbolic";
          style = "dim-label";
          break;
        case KEFU_IMPORT_OVERLAP:
          subtitle = kefu_import_item_get_replace (item) ? _("Replaces earlier data")
                                                         : _("Repeats earlier data");
          icon_name = "dialog-warning-symbolic";
          style = "warning";
          break;
        case KEFU_IMPORT_REFUSED:
        default:
          subtitle = facts->needs_period ? _("Needs a period")
                   : facts->profile_id == NULL && kefu_import_result_get_n_preview (result) > 0
                   ? _("Not recognised")
                   : _("Cannot be imported");
          break;
        }
    }

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (spinner, checking);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), checking);
  gtk_widget_set_visible (icon, !checking);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_css_classes (icon, (const char *[]) { style, NULL });
}

static GtkWidget *
create_file_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_import_item_get_name (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "spinner", spinner);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  g_signal_connect_object (item, "notify::result", G_CALLBACK (update_file_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::checking", G_CALLBACK (update_file_row), row, G_CONNECT_SWAPPED);
  update_file_row (ADW_ACTION_ROW (row), NULL, item);
  return row;
}

static void
on_row_selected (KefuImportWizard *self,
                 GtkListBoxRow    *row)
{
  g_autoptr(KefuImportItem) item = NULL;

  if (row == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), gtk_list_box_row_get_index (row));
  kefu_import_inspector_set_item (self->inspector, item);
}

static void
on_row_activated (KefuImportWizard *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->inspector));
}

static void
on_back_clicked (KefuImportWizard *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_navigation (KefuImportWizard *self)
{
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 1;

  gtk_widget_set_visible (self->sidebar, several);
  gtk_widget_set_visible (self->separator, several);
  gtk_widget_set_visible (self->back_button,
                          several && adw_leaflet_get_folded (self->leaflet) &&
                          adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->inspector));
}

static gboolean
update_navigation_idle (gpointer data)
{
  KefuImportWizard *self = data;

  self->navigation_idle = 0;
  update_navigation (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: the header bar changes
 * after that, not in the middle of it. */
static void
on_folded (KefuImportWizard *self)
{
  if (self->navigation_idle == 0)
    self->navigation_idle = g_idle_add (update_navigation_idle, self);
}

/* More files dropped on the wizard join the others. */
static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         KefuImportWizard *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  kefu_import_wizard_add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Actions */

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuImportWizard *self = KEFU_IMPORT_WIZARD (widget);

  if (kefu_import_wizard_get_busy (self))
    return;
  g_signal_emit (self, signals[IMPORT], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* The object */

static void
kefu_import_wizard_dispose (GObject *object)
{
  KefuImportWizard *self = KEFU_IMPORT_WIZARD (object);

  /* A check still running finishes in its thread and is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_handle_id (&self->navigation_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_IMPORT_WIZARD);

  G_OBJECT_CLASS (kefu_import_wizard_parent_class)->dispose (object);
}

static void
kefu_import_wizard_finalize (GObject *object)
{
  KefuImportWizard *self = KEFU_IMPORT_WIZARD (object);

  g_clear_object (&self->items);
  g_clear_object (&self->checking);
  g_clear_object (&self->cancellable);
  g_free (self->db_path);
  g_free (self->shop_name);

  G_OBJECT_CLASS (kefu_import_wizard_parent_class)->finalize (object);
}

static void
kefu_import_wizard_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuImportWizard *self = KEFU_IMPORT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_import_wizard_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_import_wizard_class_init (KefuImportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_import_wizard_dispose;
  object_class->finalize = kefu_import_wizard_finalize;
  object_class->get_property = kefu_import_wizard_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Import was pressed: the importable items are to be imported. */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KEFU_TYPE_IMPORT_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-import-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, separator);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, file_list);
  gtk_widget_class_bind_template_child (widget_class, KefuImportWizard, inspector);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_folded);

  gtk_widget_class_install_action (widget_class, "wizard.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.import", NULL);
}

static void
kefu_import_wizard_init (KefuImportWizard *self)
{
  GtkDropTarget *target;

  self->items = g_list_store_new (KEFU_TYPE_IMPORT_ITEM);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->file_list, G_LIST_MODEL (self->items),
                           create_file_row, NULL, NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->inspector));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.import", FALSE);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
}

/**
 * kefu_import_wizard_new:
 * @store: the database the files go to
 * @shop_name: (nullable): the shop they go to, unless changed per file
 */
KefuImportWizard *
kefu_import_wizard_new (GtkWindow  *parent,
                        KefuStore  *store,
                        const char *shop_name)
{
  KefuImportWizard *self;
  g_autoptr(GListModel) shops = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_IMPORT_WIZARD, "transient-for", parent, NULL);
  self->db_path = g_strdup (kefu_store_get_path (store));
  self->shop_name = g_strdup (shop_name);
  shops = kefu_store_list_shops (store, NULL);
  kefu_import_inspector_set_shops (self->inspector, shops);
  return self;
}

static gboolean
is_export (GFileInfo *info)
{
  static const char * const suffixes[] = { ".xlsx", ".xls", ".csv", ".txt" };
  g_autofree char *name = g_utf8_strdown (g_file_info_get_display_name (info), -1);

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  g_autofree char *name_a = g_file_get_basename ((GFile *) a);
  g_autofree char *name_b = g_file_get_basename ((GFile *) b);

  return g_utf8_collate (name_a, name_b);
}

static void
add_file (KefuImportWizard *self,
          GFile            *file)
{
  g_autoptr(KefuImportItem) item = NULL;

  if (g_file_peek_path (file) == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(KefuImportItem) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_file_equal (kefu_import_item_get_file (other), file))
        return;
    }

  item = kefu_import_item_new (file);
  kefu_import_item_set_shop_name (item, self->shop_name);
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->items, item);
  g_queue_push_tail (&self->pending, g_object_ref (item));
}

/* A folder brings the exports directly in it, by name. */
static void
add_folder (KefuImportWizard *self,
            GFile            *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (is_export (info))
        {
          g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

          g_list_store_insert_sorted (files, child, compare_names, NULL);
        }
      g_object_unref (info);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (files)); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (files), i);

      add_file (self, file);
    }
}

/**
 * kefu_import_wizard_add_files:
 * @files: (element-type GFile): files, or folders of files
 *
 * Adds @files and starts checking them.
 */
void
kefu_import_wizard_add_files (KefuImportWizard *self,
                              GListModel       *files)
{
  gboolean first = g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;

  g_return_if_fail (KEFU_IS_IMPORT_WIZARD (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        add_folder (self, file);
      else
        add_file (self, file);
    }

  update_navigation (self);
  if (first && g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    kefu_import_wizard_select (self, 0);
  check_next (self);
}

/* Returns: (transfer none): the #KefuImportItem of every file */
GListModel *
kefu_import_wizard_get_items (KefuImportWizard *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_WIZARD (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Whether a file is being checked, or waits for it. */
gboolean
kefu_import_wizard_get_busy (KefuImportWizard *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_WIZARD (self), FALSE);
  return self->checking != NULL || !g_queue_is_empty (&self->pending);
}

void
kefu_import_wizard_select (KefuImportWizard *self,
                           guint             position)
{
  GtkListBoxRow *row;

  g_return_if_fail (KEFU_IS_IMPORT_WIZARD (self));

  row = gtk_list_box_get_row_at_index (self->file_list, position);
  if (row != NULL)
    gtk_list_box_select_row (self->file_list, row);
}

/* Returns: (transfer none): the inspector of the file selected */
KefuImportInspector *
kefu_import_wizard_get_inspector (KefuImportWizard *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_WIZARD (self), NULL);
  return self->inspector;
}
