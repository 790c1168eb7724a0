/* kefu-agents-view-columns.c — the agents table's columns
 *
 * How each column shows and sorts its cells, and the chooser that picks
 * the metric columns from the catalogue, remembered in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-agent-row.h"
#include "kefu-agents-view-private.h"
#include "kefu-ui-format.h"

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

/* The rank, name and total columns, the chooser and the metric columns
 * it keeps in the settings. */
void
_kefu_agents_view_init_columns (KefuAgentsView *self)
{
  GtkExpression *name;

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
}
