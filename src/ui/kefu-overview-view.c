/* kefu-overview-view.c — the period at a glance
 *
 * The shop's headline figures against the previous period, the
 * platform's thresholds it breaks, the scheme's best and last agents,
 * and which days have which data, so that a manager sees at once what
 * is good, what is wrong and what is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-coverage-grid.h"
#include "kefu-metric-card.h"
#include "kefu-overview-view.h"
#include "kefu-ui-format.h"

#define N_RANKED 3

struct _KefuOverviewView
{
  GtkWidget         parent_instance;

  KefuWorkspace    *workspace;
  GListStore       *cards;          /* KefuMetricCard, in the flow box's order */

  GtkStack         *stack;
  GtkFlowBox       *cards_box;
  GtkWidget        *warnings_group;
  GtkListBox       *warnings_list;
  GtkWidget        *ranking_group;
  GtkLabel         *scheme_label;
  GtkListBox       *top_list;
  GtkWidget        *bottom_group;
  GtkListBox       *bottom_list;
  GtkLabel         *unranked_label;
  KefuCoverageGrid *coverage_grid;
};

G_DEFINE_FINAL_TYPE (KefuOverviewView, kefu_overview_view, GTK_TYPE_WIDGET)

enum {
  AGENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a shop manager looks at first (the seeds' 核心指标). */
static const char * const headline_keys[] = {
  "consult_buyers",
  "inquiry_conversion_rate",
  "response_rate_3min",
  "first_response_time",
  "agent_sales",
  "unit_price",
  "satisfaction_rate",
  "avg_response_time",
};

static const KefuMetricValue *
shop_value (KefuMetricTable *table,
            const char      *key)
{
  int row;

  if (table == NULL)
    return NULL;
  row = kefu_metric_table_find_agent (table, 0);
  return row >= 0 ? kefu_metric_table_get (table, row, key) : NULL;
}

static void
update_cards (KefuOverviewView *self)
{
  KefuMetricTable *table = kefu_workspace_get_agent_table (self->workspace);
  KefuMetricTable *previous = kefu_workspace_get_previous_table (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i++)
    {
      g_autoptr(KefuMetricCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);
      const char *key = kefu_metric_card_get_key (card);

      kefu_metric_card_set_value (card, shop_value (table, key), shop_value (previous, key));
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_warning_row (const KefuThreshold *threshold,
                  KefuMetricTable     *table)
{
  const KefuMetricInfo *info = kefu_metric_lookup (threshold->key);
  const KefuMetricValue *shop = shop_value (table, threshold->key);
  g_autoptr(GString) below = g_string_new (NULL);
  g_autofree char *rule = kefu_threshold_describe (threshold);
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean shop_breaks;
  GtkWidget *row, *icon;

  shop_breaks = kefu_ui_value_is_present (shop) && !kefu_threshold_is_met (threshold, shop->value);
  for (guint r = 0; r < kefu_metric_table_get_n_rows (table); r++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, r);
      const KefuMetricValue *v = kefu_metric_table_get (table, r, threshold->key);

      if (key->agent_id == 0 || !kefu_ui_value_is_present (v) ||
          kefu_threshold_is_met (threshold, v->value))
        continue;
      if (below->len > 0)
        /* Translators: the separator between names in a list */
        g_string_append (below, _(", "));
      g_string_append (below, key->agent_name);
    }
  if (!shop_breaks && below->len == 0)
    return NULL;

  value = kefu_ui_format_value (info, shop);
  /* Translators: a metric, the shop's value, the platform's rule such as "≥ 90%" */
  title = g_strdup_printf (_("%s: %s, the platform asks %s"), kefu_metric_get_label (info), value, rule);
  if (below->len > 0)
    /* Translators: what breaking the rule costs, then the agents who break it */
    subtitle = g_strdup_printf (_("%s Agents below: %s."), kefu_threshold_get_consequence (threshold), below->str);
  else
    subtitle = g_strdup (kefu_threshold_get_consequence (threshold));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "threshold-warning");
  return row;
}

static void
update_warnings (KefuOverviewView *self)
{
  KefuShop *shop = kefu_workspace_get_shop (self->workspace);
  KefuMetricTable *table = kefu_workspace_get_agent_table (self->workspace);
  const KefuThreshold *thresholds;
  guint n = 0, shown = 0;

  clear_list (self->warnings_list);
  thresholds = shop && table ? kefu_threshold_list (kefu_shop_get_platform (shop), &n) : NULL;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_warning_row (&thresholds[i], table);

      if (row == NULL)
        continue;
      gtk_list_box_append (self->warnings_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->warnings_group, shown > 0);
}

static GtkWidget *
make_rank_row (KefuAgentScore *agent)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *total = kefu_ui_format_points (kefu_agent_score_get_total (agent));
  g_autofree char *rank = NULL;
  GtkWidget *rank_label, *total_label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_agent_score_get_agent_name (agent));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "agent-id",
                          g_memdup2 (&(gint64) { kefu_agent_score_get_agent_id (agent) }, sizeof (gint64)),
                          g_free);

  rank = g_strdup_printf ("%u", kefu_agent_score_get_rank (agent));
  rank_label = gtk_label_new (rank);
  gtk_widget_add_css_class (rank_label, "rank-badge");
  gtk_widget_add_css_class (rank_label, "numeric");
  gtk_widget_set_valign (rank_label, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);

  total_label = gtk_label_new (total);
  gtk_widget_add_css_class (total_label, "numeric");
  gtk_widget_add_css_class (total_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
update_ranking (KefuOverviewView *self)
{
  KefuScoreReport *report = kefu_workspace_get_report (self->workspace);
  KefuScheme *scheme = kefu_workspace_get_scheme (self->workspace);
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *agents;
  guint unranked = 0, n_bottom;

  clear_list (self->top_list);
  clear_list (self->bottom_list);
  gtk_widget_set_visible (self->ranking_group, report != NULL);
  if (report == NULL)
    return;

  gtk_label_set_label (self->scheme_label, scheme ? kefu_scheme_get_name (scheme) : "");
  agents = kefu_score_report_get_agents (report);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      KefuAgentScore *agent = g_list_model_get_item (agents, i);

      if (kefu_agent_score_get_rank (agent) > 0)
        g_ptr_array_add (ranked, agent);
      else
        {
          unranked++;
          g_object_unref (agent);
        }
    }

  for (guint i = 0; i < MIN (N_RANKED, ranked->len); i++)
    gtk_list_box_append (self->top_list, make_rank_row (g_ptr_array_index (ranked, i)));

  /* The last three, those not already among the first. */
  n_bottom = ranked->len > N_RANKED ? MIN (N_RANKED, ranked->len - N_RANKED) : 0;
  for (guint i = ranked->len - n_bottom; i < ranked->len; i++)
    gtk_list_box_append (self->bottom_list, make_rank_row (g_ptr_array_index (ranked, i)));
  gtk_widget_set_visible (self->bottom_group, n_bottom > 0);

  if (ranked->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No agent has a complete score"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every agent misses a value the scheme needs. The Agents view shows which."));
      gtk_list_box_append (self->top_list, row);
    }

  if (unranked > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u agent is not ranked: a value the scheme needs is missing.",
                                   "%u agents are not ranked: a value the scheme needs is missing.",
                                   unranked), unranked);
      gtk_label_set_label (self->unranked_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unranked_label), unranked > 0);
}

static void
on_rank_row_activated (KefuOverviewView *self,
                       GtkListBoxRow    *row)
{
  const gint64 *agent_id = g_object_get_data (G_OBJECT (row), "agent-id");

  if (agent_id != NULL)
    g_signal_emit (self, signals[AGENT_ACTIVATED], 0, *agent_id);
}

static void
update (KefuOverviewView *self)
{
  KefuCoverage *coverage;
  KefuShop *shop;

  shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;
  if (shop == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Keep the old figures on screen until the new ones are there. */
  if (kefu_workspace_get_agent_table (self->workspace) == NULL &&
      kefu_workspace_get_busy (self->workspace))
    return;

  coverage = kefu_workspace_get_coverage (self->workspace);
  kefu_coverage_grid_set_coverage (self->coverage_grid, coverage);
  update_cards (self);
  update_warnings (self);
  update_ranking (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    coverage == NULL || kefu_coverage_is_empty (coverage)
                                    ? "empty" : "content");
}

static void
kefu_overview_view_dispose (GObject *object)
{
  KefuOverviewView *self = KEFU_OVERVIEW_VIEW (object);
  GtkWidget *child;

  kefu_overview_view_set_workspace (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_OVERVIEW_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cards);

  G_OBJECT_CLASS (kefu_overview_view_parent_class)->dispose (object);
}

static void
kefu_overview_view_class_init (KefuOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_overview_view_dispose;

  /**
   * KefuOverviewView::agent-activated:
   * @agent_id: the agent chosen in the ranking
   */
  signals[AGENT_ACTIVATED] =
    g_signal_new ("agent-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KEFU_TYPE_COVERAGE_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, cards_box);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, ranking_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, scheme_label);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, top_list);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, bottom_group);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, bottom_list);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, unranked_label);
  gtk_widget_class_bind_template_child (widget_class, KefuOverviewView, coverage_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_rank_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kefu_overview_view_init (KefuOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_list_store_new (KEFU_TYPE_METRIC_CARD);
  for (guint i = 0; i < G_N_ELEMENTS (headline_keys); i++)
    {
      GtkWidget *card = kefu_metric_card_new (headline_keys[i]);

      g_list_store_append (self->cards, card);
      gtk_flow_box_append (self->cards_box, card);
    }
}

/**
 * kefu_overview_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
KefuWorkspace *
kefu_overview_view_get_workspace (KefuOverviewView *self)
{
  g_return_val_if_fail (KEFU_IS_OVERVIEW_VIEW (self), NULL);

  return self->workspace;
}

void
kefu_overview_view_set_workspace (KefuOverviewView *self,
                                  KefuWorkspace    *workspace)
{
  g_return_if_fail (KEFU_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (workspace == NULL || KEFU_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "updated", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* Whether the view says there is nothing to show for the period. */
gboolean
kefu_overview_view_is_empty (KefuOverviewView *self)
{
  g_return_val_if_fail (KEFU_IS_OVERVIEW_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/**
 * kefu_overview_view_get_cards:
 *
 * Returns: (transfer none): the headline cards, #KefuMetricCard
 */
GListModel *
kefu_overview_view_get_cards (KefuOverviewView *self)
{
  g_return_val_if_fail (KEFU_IS_OVERVIEW_VIEW (self), NULL);

  return G_LIST_MODEL (self->cards);
}

guint
kefu_overview_view_get_n_warnings (KefuOverviewView *self)
{
  guint n = 0;

  g_return_val_if_fail (KEFU_IS_OVERVIEW_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
