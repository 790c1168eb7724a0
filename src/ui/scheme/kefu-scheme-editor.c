/* kefu-scheme-editor.c — a scheme's name, items, weights and bracket tables
 *
 * The editor changes the scheme it is given in place; every change
 * (KefuScheme::changed) schedules one validation before the next frame,
 * whose issues go next to what they concern: an item's under its table
 * (and a mark in its header), the scheme's under the sum of the weights.
 * A built-in scheme is shown, but not editable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-scheme-editor.h"
#include "kefu-scheme-issue-box.h"
#include "kefu-unit-input.h"

struct _KefuSchemeEditor
{
  AdwBin           parent_instance;

  KefuScheme      *scheme;
  KefuMetricTable *table;
  GListModel      *issues;
  guint            validate_source;
  gboolean         syncing;

  GtkWidget       *builtin_box;
  GtkWidget       *scheme_group;
  AdwEntryRow     *name_row;
  AdwEntryRow     *description_row;
  GtkWidget       *add_box;
  GtkListBox      *items_list;
  GtkWidget       *sum_box;
  GtkLevelBar     *sum_bar;
  GtkLabel        *sum_label;
  GtkBox          *scheme_problems;
};

G_DEFINE_FINAL_TYPE (KefuSchemeEditor, kefu_scheme_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_ISSUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  KefuSchemeEditor *self = user_data;
  GtkWidget *row = kefu_scheme_item_row_new (KEFU_SCHEME_ITEM (item));

  kefu_scheme_item_row_set_editable (KEFU_SCHEME_ITEM_ROW (row),
                                     !kefu_scheme_get_builtin (self->scheme));
  return row;
}

static void
update_sum (KefuSchemeEditor *self)
{
  double total = kefu_scheme_get_total_weight (self->scheme);
  g_autofree char *number = kefu_format_points (total);
  g_autofree char *text = g_strdup_printf ("%s %%", number);
  gboolean off = kefu_unit_to_steps (KEFU_UNIT_SCORE, total) != kefu_unit_to_steps (KEFU_UNIT_SCORE, 100);

  gtk_label_set_label (self->sum_label, text);
  gtk_level_bar_set_max_value (self->sum_bar, MAX (total, 100));
  gtk_level_bar_set_value (self->sum_bar, CLAMP (total, 0, MAX (total, 100)));
  if (off)
    gtk_widget_add_css_class (self->sum_box, "off");
  else
    gtk_widget_remove_css_class (self->sum_box, "off");
  gtk_widget_set_tooltip_text (self->sum_box, off ? _("The weights do not add up to 100 %") : NULL);

  for (guint i = 0; i < kefu_scheme_get_n_items (self->scheme); i++)
    {
      KefuSchemeItemRow *row = kefu_scheme_editor_get_item_row (self, i);

      if (row != NULL)
        kefu_scheme_item_row_set_total_weight (row, total);
    }
}

/**
 * kefu_scheme_editor_validate:
 *
 * Validates the scheme now (it is done before the next frame anyway)
 * and shows the issues next to what they concern.
 */
void
kefu_scheme_editor_validate (KefuSchemeEditor *self)
{
  g_autoptr(GPtrArray) by_item = NULL;
  GtkWidget *child;
  guint n_items;

  g_return_if_fail (KEFU_IS_SCHEME_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_object (&self->issues);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scheme_problems))) != NULL)
    gtk_box_remove (self->scheme_problems, child);
  if (self->scheme == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
      return;
    }

  self->issues = kefu_scheme_validate (self->scheme, self->table);
  n_items = kefu_scheme_get_n_items (self->scheme);
  by_item = g_ptr_array_new_full (n_items, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (by_item, g_ptr_array_new ());

  for (guint i = 0; i < g_list_model_get_n_items (self->issues); i++)
    {
      g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (self->issues, i);
      int item = kefu_scheme_issue_get_item (issue);

      if (item >= 0 && (guint) item < n_items)
        g_ptr_array_add (by_item->pdata[item], issue);
      else
        gtk_box_append (self->scheme_problems, kefu_scheme_issue_box_new (issue));
    }

  for (guint i = 0; i < n_items; i++)
    {
      KefuSchemeItemRow *row = kefu_scheme_editor_get_item_row (self, i);

      if (row != NULL)
        kefu_scheme_item_row_set_issues (row, by_item->pdata[i]);
    }

  update_sum (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUES]);
}

static gboolean
validate_cb (gpointer user_data)
{
  KefuSchemeEditor *self = user_data;

  self->validate_source = 0;
  kefu_scheme_editor_validate (self);
  return G_SOURCE_REMOVE;
}

/* Before the next frame is drawn, once for all the changes until then. */
static void
schedule_validate (KefuSchemeEditor *self)
{
  if (self->validate_source == 0)
    self->validate_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, validate_cb, self, NULL);
}

static void
sync_from_scheme (KefuSchemeEditor *self)
{
  const char *name = kefu_scheme_get_name (self->scheme);
  const char *description = kefu_scheme_get_description (self->scheme);

  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name ? name : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                 description ? description : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row), description ? description : "");
  self->syncing = FALSE;
  schedule_validate (self);
}

static void
on_name_changed (KefuSchemeEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  /* A scheme always has a name; an empty field keeps the last one. */
  if (!self->syncing && self->scheme != NULL && *text != '\0')
    kefu_scheme_set_name (self->scheme, text);
}

static void
on_description_changed (KefuSchemeEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  if (!self->syncing && self->scheme != NULL)
    kefu_scheme_set_description (self->scheme, *text != '\0' ? text : NULL);
}

/* "" adds the first metric of the catalogue the scheme does not score yet. */
static void
add_metric_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr(KefuSchemeItem) item = NULL;
  KefuSchemeItemRow *row;

  if (self->scheme == NULL || kefu_scheme_get_builtin (self->scheme))
    return;
  if (*key == '\0')
    {
      const KefuMetricInfo *all;
      guint n;

      all = kefu_metric_get_all (&n);
      for (guint i = 0; i < n && *key == '\0'; i++)
        if (kefu_scheme_find_item (self->scheme, KEFU_ITEM_KIND_METRIC, all[i].key) == NULL)
          key = all[i].key;
    }

  item = kefu_scheme_item_new (KEFU_ITEM_KIND_METRIC, key);
  kefu_scheme_append_item (self->scheme, item);
  row = kefu_scheme_editor_get_item_row (self, kefu_scheme_get_n_items (self->scheme) - 1);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

/* "" adds a manual item with a new id. */
static void
add_manual_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (widget);
  g_autofree char *key = g_strdup (g_variant_get_string (parameter, NULL));
  g_autoptr(KefuSchemeItem) item = NULL;
  KefuSchemeItemRow *row;

  if (self->scheme == NULL || kefu_scheme_get_builtin (self->scheme))
    return;
  for (guint i = 1; *key == '\0' || kefu_scheme_find_item (self->scheme, KEFU_ITEM_KIND_MANUAL, key); i++)
    {
      g_free (key);
      /* Translators: the id of a new manual item; %u counts them */
      key = g_strdup_printf (_("Manual %u"), i);
    }

  item = kefu_scheme_item_new (KEFU_ITEM_KIND_MANUAL, key);
  kefu_scheme_append_item (self->scheme, item);
  row = kefu_scheme_editor_get_item_row (self, kefu_scheme_get_n_items (self->scheme) - 1);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
item_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);
  guint n;

  if (self->scheme == NULL || kefu_scheme_get_builtin (self->scheme))
    return;
  n = kefu_scheme_get_n_items (self->scheme);
  if (position >= n)
    return;

  if (g_str_equal (action_name, "editor.remove-item"))
    kefu_scheme_remove_item (self->scheme, position);
  else if (g_str_equal (action_name, "editor.move-up") && position > 0)
    kefu_scheme_move_item (self->scheme, position, position - 1);
  else if (g_str_equal (action_name, "editor.move-down") && position + 1 < n)
    kefu_scheme_move_item (self->scheme, position, position + 1);
}

static void
kefu_scheme_editor_dispose (GObject *object)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (object);

  kefu_scheme_editor_set_scheme (self, NULL);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_object (&self->table);
  g_clear_object (&self->issues);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SCHEME_EDITOR);

  G_OBJECT_CLASS (kefu_scheme_editor_parent_class)->dispose (object);
}

static void
kefu_scheme_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCHEME: g_value_set_object (value, self->scheme); break;
    case PROP_ISSUES: g_value_set_object (value, self->issues); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuSchemeEditor *self = KEFU_SCHEME_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCHEME: kefu_scheme_editor_set_scheme (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_editor_class_init (KefuSchemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_scheme_editor_dispose;
  object_class->get_property = kefu_scheme_editor_get_property;
  object_class->set_property = kefu_scheme_editor_set_property;

  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, KEFU_TYPE_SCHEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The validator's issues (KefuSchemeIssue) as of the last validation. */
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/scheme/kefu-scheme-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, builtin_box);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, scheme_group);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, add_box);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, items_list);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, sum_box);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, sum_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, sum_label);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeEditor, scheme_problems);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed);

  gtk_widget_class_install_action (widget_class, "editor.add-metric", "s", add_metric_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-manual", "s", add_manual_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-item", "u", item_action_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-up", "u", item_action_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "u", item_action_activated);
}

static void
kefu_scheme_editor_init (KefuSchemeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Z undoes the scheme's last change, not the field's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->description_row), FALSE);
}

GtkWidget *
kefu_scheme_editor_new (void)
{
  return g_object_new (KEFU_TYPE_SCHEME_EDITOR, NULL);
}

KefuScheme *
kefu_scheme_editor_get_scheme (KefuSchemeEditor *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_EDITOR (self), NULL);
  return self->scheme;
}

/**
 * kefu_scheme_editor_set_scheme:
 * @scheme: (nullable): the scheme to edit, in place
 */
void
kefu_scheme_editor_set_scheme (KefuSchemeEditor *self,
                               KefuScheme       *scheme)
{
  gboolean editable;

  g_return_if_fail (KEFU_IS_SCHEME_EDITOR (self));
  g_return_if_fail (scheme == NULL || KEFU_IS_SCHEME (scheme));

  if (self->scheme == scheme)
    return;

  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, sync_from_scheme, self);
  g_set_object (&self->scheme, scheme);

  gtk_list_box_bind_model (self->items_list, scheme ? kefu_scheme_get_items (scheme) : NULL,
                           create_item_row, self, NULL);
  if (scheme != NULL)
    {
      editable = !kefu_scheme_get_builtin (scheme);
      gtk_widget_set_visible (self->builtin_box, !editable);
      gtk_widget_set_sensitive (self->scheme_group, editable);
      gtk_widget_set_sensitive (self->add_box, editable);
      g_signal_connect_swapped (scheme, "changed", G_CALLBACK (sync_from_scheme), self);
      sync_from_scheme (self);
      kefu_scheme_editor_validate (self);
    }
  else
    kefu_scheme_editor_validate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
}

/**
 * kefu_scheme_editor_set_table:
 * @table: (nullable): the figures the scheme will score, for the
 *   validator's "no agent has a value" warnings
 */
void
kefu_scheme_editor_set_table (KefuSchemeEditor *self,
                              KefuMetricTable  *table)
{
  g_return_if_fail (KEFU_IS_SCHEME_EDITOR (self));

  if (g_set_object (&self->table, table))
    schedule_validate (self);
}

/**
 * kefu_scheme_editor_get_issues:
 *
 * Returns: (transfer none) (nullable): the issues of the last validation
 */
GListModel *
kefu_scheme_editor_get_issues (KefuSchemeEditor *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_EDITOR (self), NULL);
  return self->issues;
}

/**
 * kefu_scheme_editor_get_item_row:
 *
 * Returns: (transfer none) (nullable): the row of the item at @position
 */
KefuSchemeItemRow *
kefu_scheme_editor_get_item_row (KefuSchemeEditor *self,
                                 guint             position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KEFU_IS_SCHEME_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->items_list, position);
  return KEFU_IS_SCHEME_ITEM_ROW (row) ? KEFU_SCHEME_ITEM_ROW (row) : NULL;
}

GtkEditable *
kefu_scheme_editor_get_name_entry (KefuSchemeEditor *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_EDITOR (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
kefu_scheme_editor_get_description_entry (KefuSchemeEditor *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_EDITOR (self), NULL);
  return GTK_EDITABLE (self->description_row);
}
