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

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-agent-row.h"
#include "kefu-agents-view.h"
#include "kefu-ui-format.h"

struct _KefuAgentsView
{
  GtkWidget            parent_instance;

  KefuWorkspace       *workspace;
  GSettings           *settings;
  GListStore          *rows;           /* KefuAgentRow */
  GtkCustomFilter     *filter;
  GtkSortListModel    *sorted;
  GPtrArray           *metric_columns; /* GtkColumnViewColumn, "key" data */
  GHashTable          *check_buttons;  /* key → GtkCheckButton */

  AdwLeaflet          *leaflet;
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkColumnView       *column_view;
  GtkBox              *columns_box;
  KefuAgentPage       *agent_page;
  GtkLabel            *count_label;
  GtkColumnViewColumn *rank_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *total_column;
};

G_DEFINE_FINAL_TYPE (KefuAgentsView, kefu_agents_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------ cells */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (xalign) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
set_cell (GtkListItem *item,
          const char  *text,
          const char  *tooltip,
          gboolean     dim)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_metric (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const KefuMetricInfo     *info)
{
  KefuAgentRow *row = gtk_list_item_get_item (item);
  const KefuMetricValue *value = kefu_agent_row_get_value (row, info->key);
  g_autofree char *text = kefu_ui_format_value (info, value);
  g_autofree char *tooltip = kefu_ui_describe_value (info, value);

  set_cell (item, text, tooltip, !kefu_ui_value_is_present (value));
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  KefuAgentRow *row = gtk_list_item_get_item (item);

  set_cell (item, kefu_agent_row_get_name (row), kefu_agent_row_get_account (row), FALSE);
}

static void
bind_rank (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  KefuAgentRow *row = gtk_list_item_get_item (item);
  guint rank = kefu_agent_row_get_rank (row);
  g_autofree char *text = rank > 0 ? g_strdup_printf ("%u", rank) : g_strdup ("—");

  set_cell (item, text,
            rank > 0 ? NULL : _("Not ranked: a value the scheme needs is missing or fell into no row"),
            rank == 0);
}

static void
bind_total (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  KefuAgentRow *row = gtk_list_item_get_item (item);
  KefuAgentScore *score = kefu_agent_row_get_score (row);
  g_autofree char *points = kefu_ui_format_points (kefu_agent_row_get_total (row));
  g_autofree char *text = NULL;

  if (score == NULL)
    {
      set_cell (item, "—", _("Not scored: no scheme"), TRUE);
      return;
    }
  if (kefu_agent_score_get_complete (score))
    {
      set_cell (item, points, NULL, FALSE);
      return;
    }
  text = g_strconcat (points, " *", NULL);
  set_cell (item, text, _("* Incomplete: a value the scheme needs is missing or fell into no row"), TRUE);
}

/* ---------------------------------------------------------- sorting */

static int
compare_numbers (gboolean a_present,
                 double   a,
                 gboolean b_present,
                 double   b)
{
  if (!a_present || !b_present)
    return (int) b_present - (int) a_present;
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_metric (gconstpointer a,
                gconstpointer b,
                gpointer      key)
{
  const KefuMetricValue *va = kefu_agent_row_get_value ((KefuAgentRow *) a, key);
  const KefuMetricValue *vb = kefu_agent_row_get_value ((KefuAgentRow *) b, key);

  return compare_numbers (kefu_ui_value_is_present (va), va ? va->value : NAN,
                          kefu_ui_value_is_present (vb), vb ? vb->value : NAN);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint ra = kefu_agent_row_get_rank ((KefuAgentRow *) a);
  guint rb = kefu_agent_row_get_rank ((KefuAgentRow *) b);

  return compare_numbers (ra > 0, ra, rb > 0, rb);
}

static int
compare_total (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  double ta = kefu_agent_row_get_total ((KefuAgentRow *) a);
  double tb = kefu_agent_row_get_total ((KefuAgentRow *) b);

  return compare_numbers (isfinite (ta), ta, isfinite (tb), tb);
}

static GtkColumnViewColumn *
make_column (const char      *title,
             GCallback        bind,
             gpointer         bind_data,
             gboolean         right,
             GtkSorter       *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (right));
  g_signal_connect (factory, "bind", bind, bind_data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  g_object_unref (sorter);
  return column;
}

/* --------------------------------------------------------- columns */

static void
rebuild_metric_columns (KefuAgentsView *self)
{
  g_auto(GStrv) keys = g_settings_get_strv (self->settings, "agent-columns");

  for (guint i = 0; i < self->metric_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->metric_columns, i));
  g_ptr_array_set_size (self->metric_columns, 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const KefuMetricInfo *info = kefu_metric_lookup (keys[i]);
      GtkColumnViewColumn *column;

      if (info == NULL)
        continue;
      column = make_column (kefu_metric_get_label (info), G_CALLBACK (bind_metric), (gpointer) info, TRUE,
                            GTK_SORTER (gtk_custom_sorter_new (compare_metric, (gpointer) info->key, NULL)));
      g_object_set_data (G_OBJECT (column), "key", (gpointer) info->key);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->metric_columns, column);
    }

  /* The chooser follows the settings, wherever they were changed. */
  {
    GHashTableIter iter;
    gpointer key, check;

    g_hash_table_iter_init (&iter, self->check_buttons);
    while (g_hash_table_iter_next (&iter, &key, &check))
      {
        g_signal_handlers_block_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
        gtk_check_button_set_active (check, g_strv_contains ((const char * const *) keys, key));
        g_signal_handlers_unblock_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      }
  }
}

static void
on_column_toggled (KefuAgentsView *self,
                   GtkCheckButton *check)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  guint n;
  const KefuMetricInfo *all = kefu_metric_get_all (&n);

  /* Catalogue order, so that columns keep their places. */
  for (guint i = 0; i < n; i++)
    {
      GtkCheckButton *button = g_hash_table_lookup (self->check_buttons, all[i].key);

      if (button != NULL && gtk_check_button_get_active (button))
        g_strv_builder_add (builder, all[i].key);
    }
  keys = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "agent-columns", (const char * const *) keys);
}

static const char *
category_label (const char *category)
{
  if (g_str_equal (category, "presales"))
    return _("Pre-Sales Response");
  if (g_str_equal (category, "volume"))
    return _("Volume and Workload");
  if (g_str_equal (category, "sales"))
    return _("Sales and Conversion");
  if (g_str_equal (category, "aftersales"))
    return _("After-Sales");
  if (g_str_equal (category, "satisfaction"))
    return _("Satisfaction and Reviews");
  return _("Shop Funnel");
}

static void
build_column_chooser (KefuAgentsView *self)
{
  guint n;
  const KefuMetricInfo *all = kefu_metric_get_all (&n);
  const char *category = NULL;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check;

      if (g_strcmp0 (category, all[i].category) != 0)
        {
          GtkWidget *heading = gtk_label_new (category_label (all[i].category));

          category = all[i].category;
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, i > 0 ? 12 : 0);
          gtk_widget_set_margin_bottom (heading, 3);
          gtk_box_append (self->columns_box, heading);
        }

      check = gtk_check_button_new_with_label (kefu_metric_get_label (&all[i]));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_column_toggled), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->check_buttons, (gpointer) all[i].key, check);
      gtk_box_append (self->columns_box, check);
    }
}

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
  GtkExpression *name;

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

  self->rank_column = make_column (_("Rank"), G_CALLBACK (bind_rank), NULL, TRUE,
                                   GTK_SORTER (gtk_custom_sorter_new (compare_rank, NULL, NULL)));
  name = gtk_property_expression_new (KEFU_TYPE_AGENT_ROW, NULL, "name");
  self->name_column = make_column (_("Agent"), G_CALLBACK (bind_name), NULL, FALSE,
                                   GTK_SORTER (gtk_string_sorter_new (name)));
  gtk_column_view_column_set_expand (self->name_column, TRUE);
  self->total_column = make_column (_("Total"), G_CALLBACK (bind_total), NULL, TRUE,
                                    GTK_SORTER (gtk_custom_sorter_new (compare_total, NULL, NULL)));
  gtk_column_view_append_column (self->column_view, self->rank_column);
  gtk_column_view_append_column (self->column_view, self->name_column);
  gtk_column_view_append_column (self->column_view, self->total_column);
  g_object_unref (self->rank_column);
  g_object_unref (self->name_column);
  g_object_unref (self->total_column);
  gtk_column_view_sort_by_column (self->column_view, self->rank_column, GTK_SORT_ASCENDING);

  build_column_chooser (self);
  rebuild_metric_columns (self);
  g_signal_connect_object (self->settings, "changed::agent-columns",
                           G_CALLBACK (rebuild_metric_columns), self, G_CONNECT_SWAPPED);

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
