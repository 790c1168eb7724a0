/* kefu-agents-view.c — every agent of the period × the chosen metrics
 *
 * A GtkColumnView over the period's agents: rank, name and total from
 * the scheme's report, then one column per metric chosen from the
 * catalogue (remembered in GSettings). Every column sorts; missing values
 * sort last going up. Typing filters by name or account. Double-click
 * or Enter opens the agent's page, pushed on a leaflet; Escape or the
 * back button returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-agent-row.h"
#include "kefu-agents-view-private.h"
#include "kefu-ui-format.h"

G_DEFINE_FINAL_TYPE (KefuAgentsView, kefu_agents_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------ rows */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  KefuAgentsView *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *account = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (kefu_agent_row_get_name (item), -1);
  account = g_utf8_casefold (kefu_agent_row_get_account (item) ? kefu_agent_row_get_account (item) : "", -1);
  return strstr (name, needle) != NULL || strstr (account, needle) != NULL;
}

static void
update_count (KefuAgentsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (ngettext ("%u agent", "%u agents", all), all);
  else
    /* Translators: agents shown by the search, of all agents */
    text = g_strdup_printf (ngettext ("%u of %u agent", "%u of %u agents", all), shown, all);
  gtk_label_set_label (self->count_label, text);
}

static void
on_search_changed (KefuAgentsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static KefuAgentScore *
find_score (KefuScoreReport *report,
            gint64           agent_id)
{
  GListModel *agents;

  if (report == NULL)
    return NULL;
  agents = kefu_score_report_get_agents (report);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) score = g_list_model_get_item (agents, i);

      if (kefu_agent_score_get_agent_id (score) == agent_id)
        return score;
    }
  return NULL;
}

static gboolean
table_has_values (KefuMetricTable *table)
{
  g_auto(GStrv) keys = kefu_metric_table_get_keys (table);

  for (guint r = 0; r < kefu_metric_table_get_n_rows (table); r++)
    for (guint k = 0; keys[k] != NULL; k++)
      if (kefu_ui_value_is_present (kefu_metric_table_get (table, r, keys[k])))
        return TRUE;
  return FALSE;
}

static void
update (KefuAgentsView *self)
{
  KefuMetricTable *table = self->workspace ? kefu_workspace_get_agent_table (self->workspace) : NULL;
  KefuScoreReport *report = self->workspace ? kefu_workspace_get_report (self->workspace) : NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (table == NULL && self->workspace != NULL && kefu_workspace_get_busy (self->workspace))
    return;

  for (guint r = 0; table != NULL && r < kefu_metric_table_get_n_rows (table); r++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, r);

      if (key->agent_id == 0)
        continue;
      g_ptr_array_add (rows, kefu_agent_row_new (table, r, find_score (report, key->agent_id)));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    table != NULL && rows->len > 0 && table_has_values (table)
                                    ? "content" : "empty");

  if (kefu_agents_view_is_showing_agent (self))
    {
      gint64 shown = kefu_agent_page_get_agent_id (self->agent_page);

      if (!kefu_agent_page_set_agent (self->agent_page, self->workspace, shown))
        kefu_agents_view_show_table (self);
    }
}

static void
on_activate (KefuAgentsView *self,
             guint           position)
{
  g_autoptr(KefuAgentRow) row = g_list_model_get_item (kefu_agents_view_get_model (self), position);

  if (row != NULL)
    kefu_agents_view_show_agent (self, kefu_agent_row_get_id (row));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kefu_agents_view_show_table (KEFU_AGENTS_VIEW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuAgentsView *self = KEFU_AGENTS_VIEW (widget);

  kefu_agents_view_show_table (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
kefu_agents_view_dispose (GObject *object)
{
  KefuAgentsView *self = KEFU_AGENTS_VIEW (object);
  GtkWidget *child;

  kefu_agents_view_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_AGENTS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->metric_columns, g_ptr_array_unref);
  g_clear_pointer (&self->check_buttons, g_hash_table_unref);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kefu_agents_view_parent_class)->dispose (object);
}

static void
kefu_agents_view_class_init (KefuAgentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_agents_view_dispose;

  g_type_ensure (KEFU_TYPE_AGENT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-agents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, agent_page);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "agents.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "agents.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "agents.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "agents.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kefu_agents_view_init (KefuAgentsView *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->metric_columns = g_ptr_array_new ();
  self->check_buttons = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_list_store_new (KEFU_TYPE_AGENT_ROW);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));

  _kefu_agents_view_init_columns (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/**
 * kefu_agents_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
KefuWorkspace *
kefu_agents_view_get_workspace (KefuAgentsView *self)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), NULL);

  return self->workspace;
}

void
kefu_agents_view_set_workspace (KefuAgentsView *self,
                                KefuWorkspace  *workspace)
{
  g_return_if_fail (KEFU_IS_AGENTS_VIEW (self));
  g_return_if_fail (workspace == NULL || KEFU_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "updated", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  if (self->rows != NULL)
    update (self);
}

/**
 * kefu_agents_view_get_model:
 *
 * Returns: (transfer none): the rows as shown, filtered and sorted:
 *   #KefuAgentRow
 */
GListModel *
kefu_agents_view_get_model (KefuAgentsView *self)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * kefu_agents_view_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
kefu_agents_view_get_column_view (KefuAgentsView *self)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), NULL);

  return self->column_view;
}

/**
 * kefu_agents_view_get_column:
 * @key: a metric key, or "rank", "name", "total"
 *
 * Returns: (transfer none) (nullable): the column, when shown
 */
GtkColumnViewColumn *
kefu_agents_view_get_column (KefuAgentsView *self,
                             const char     *key)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), NULL);

  if (g_str_equal (key, "rank"))
    return self->rank_column;
  if (g_str_equal (key, "name"))
    return self->name_column;
  if (g_str_equal (key, "total"))
    return self->total_column;
  for (guint i = 0; i < self->metric_columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->metric_columns, i);

      if (g_str_equal (g_object_get_data (G_OBJECT (column), "key"), key))
        return column;
    }
  return NULL;
}

void
kefu_agents_view_set_search (KefuAgentsView *self,
                             const char     *text)
{
  g_return_if_fail (KEFU_IS_AGENTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

/**
 * kefu_agents_view_show_agent:
 *
 * Opens the page of @agent_id for the period.
 *
 * Returns: whether the period has that agent
 */
gboolean
kefu_agents_view_show_agent (KefuAgentsView *self,
                             gint64          agent_id)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), FALSE);

  if (self->workspace == NULL ||
      !kefu_agent_page_set_agent (self->agent_page, self->workspace, agent_id))
    return FALSE;
  adw_leaflet_set_visible_child_name (self->leaflet, "agent");
  /* The back button first, for the keyboard. */
  gtk_widget_child_focus (GTK_WIDGET (self->agent_page), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

void
kefu_agents_view_show_table (KefuAgentsView *self)
{
  g_return_if_fail (KEFU_IS_AGENTS_VIEW (self));

  if (!kefu_agents_view_is_showing_agent (self))
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "table");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

gboolean
kefu_agents_view_is_showing_agent (KefuAgentsView *self)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), FALSE);

  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "agent") == 0;
}

/**
 * kefu_agents_view_get_agent_page:
 *
 * Returns: (transfer none): the page an agent opens in
 */
KefuAgentPage *
kefu_agents_view_get_agent_page (KefuAgentsView *self)
{
  g_return_val_if_fail (KEFU_IS_AGENTS_VIEW (self), NULL);

  return self->agent_page;
}
