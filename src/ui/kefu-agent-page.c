/* kefu-agent-page.c — one agent: metrics against the shop and the previous period, score explained
 *
 * The seeds' two comparisons side by side: the agent against the shop
 * in the same period, and against itself in the previous one. Below,
 * how the scheme scored the agent, item by item: the value with its
 * numerator and denominator, the bracket row it fell into, the points,
 * the weight, the weighted points and the files the value came from;
 * and the same two views drawn: the item points against the shop's
 * average, and the scheme's first metric day by day against the shop's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-agent-page-private.h"
#include "kefu-ui-format.h"

G_DEFINE_FINAL_TYPE (KefuAgentPage, kefu_agent_page, GTK_TYPE_WIDGET)

const KefuMetricValue *
_kefu_agent_page_agent_value (KefuAgentPage *self,
                              const char    *key)
{
  return self->row >= 0 ? kefu_metric_table_get (self->table, self->row, key) : NULL;
}

const KefuMetricValue *
_kefu_agent_page_previous_value (KefuAgentPage *self,
                                 const char    *key)
{
  return self->previous != NULL && self->previous_row >= 0
         ? kefu_metric_table_get (self->previous, self->previous_row, key) : NULL;
}

/* A rate or an average of the shop is its own value; a total is shared
 * out over the agents who have it, so that it compares with one agent. */
static KefuMetricValue *
compute_shop_average (KefuMetricTable      *table,
                      const KefuMetricInfo *info)
{
  KefuMetricValue *average = g_new0 (KefuMetricValue, 1);
  double sum = 0;
  guint n = 0;

  average->value = NAN;
  average->missing = KEFU_METRIC_MISSING_NO_DATA;
  for (guint r = 0; r < kefu_metric_table_get_n_rows (table); r++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, r);
      const KefuMetricValue *value = kefu_metric_table_get (table, r, info->key);

      if (!kefu_ui_value_is_present (value))
        continue;
      if (key->agent_id == 0 && info->aggregate == KEFU_AGGREGATE_RATIO)
        {
          *average = *value;
          average->batches = NULL;
          return average;
        }
      if (key->agent_id != 0)
        {
          sum += value->value;
          n++;
          average->estimated |= value->estimated;
        }
    }
  if (info->aggregate == KEFU_AGGREGATE_TOTAL && n > 0)
    {
      average->value = sum / n;
      average->numerator = sum;
      average->denominator = n;
      average->missing = KEFU_METRIC_MISSING_NONE;
    }
  return average;
}

/* ------------------------------------------------------------- page */

static void
update_header (KefuAgentPage  *self,
               KefuAgentScore *score)
{
  const KefuMetricRowKey *key = kefu_metric_table_get_row (self->table, self->row);
  KefuScoreReport *report = kefu_workspace_get_report (self->workspace);
  g_autofree char *period = kefu_period_format (kefu_workspace_get_period (self->workspace));
  g_autofree char *summary = NULL;

  gtk_label_set_label (self->name_label, key->agent_name);
  if (score != NULL)
    {
      g_autofree char *total = kefu_ui_format_points (kefu_agent_score_get_total (score));
      guint n = g_list_model_get_n_items (kefu_score_report_get_agents (report));
      g_autofree char *score_text = NULL;

      if (kefu_agent_score_get_rank (score) > 0)
        /* Translators: rank, number of agents, total points, the period */
        summary = g_strdup_printf (_("Rank %u of %u · %s points · %s"),
                                   kefu_agent_score_get_rank (score), n, total, period);
      else
        /* Translators: total points, the period */
        summary = g_strdup_printf (_("Not ranked · %s points, incomplete · %s"), total, period);

      /* Translators: the scheme's name, then the total points */
      score_text = g_strdup_printf (_("%s: %s points"),
                                    kefu_scheme_get_name (kefu_score_report_get_scheme (report)), total);
      gtk_label_set_label (self->score_label, score_text);
    }
  else
    summary = g_strdup (period);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (self->score_group, score != NULL);
}

static void
fill_metrics (KefuAgentPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  guint n;
  const KefuMetricInfo *all = kefu_metric_get_all (&n);

  g_hash_table_remove_all (self->shop_average);
  for (guint i = 0; i < n; i++)
    {
      KefuMetricValue *average = compute_shop_average (self->table, &all[i]);

      g_hash_table_insert (self->shop_average, (gpointer) all[i].key, average);
      /* Only what the agent, the shop or the previous period has. */
      if (kefu_ui_value_is_present (_kefu_agent_page_agent_value (self, all[i].key)) ||
          kefu_ui_value_is_present (average) ||
          kefu_ui_value_is_present (_kefu_agent_page_previous_value (self, all[i].key)))
        g_strv_builder_add (builder, all[i].key);
    }
  keys = g_strv_builder_end (builder);
  gtk_string_list_splice (self->metrics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->metrics)),
                          (const char * const *) keys);
}

/* The charts: the agent's item points against every agent's average,
 * and the scheme's first metric (else the 3-minute reply rate) per day,
 * the agent's line beside the shop's. */
static void
update_charts (KefuAgentPage   *self,
               KefuScoreReport *report)
{
  KefuMetricTable *daily = kefu_workspace_get_daily_table (self->workspace);
  g_auto(GStrv) keys = report ? kefu_scheme_get_metric_keys (kefu_score_report_get_scheme (report)) : NULL;
  const char *key = keys != NULL && keys[0] != NULL ? keys[0] : "response_rate_3min";
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  g_autoptr(GPtrArray) series = NULL;
  GDate from, to;

  kefu_radar_chart_set_radar (self->radar_chart,
                              report ? kefu_chart_radar_from_report (report, self->agent_id) : NULL);

  g_object_set (self->trend_chart, "title", kefu_metric_get_label (info), NULL);
  if (daily == NULL)
    {
      kefu_trend_chart_set_data (self->trend_chart, NULL, NULL, info->unit, NAN, NULL);
      return;
    }
  series = kefu_chart_trend_series (daily, key, &self->agent_id, 1);
  kefu_metric_table_get_period (daily, &from, &to);
  kefu_trend_chart_set_data (self->trend_chart, series, &from, info->unit, NAN, NULL);
}

/**
 * kefu_agent_page_set_agent:
 *
 * Shows @agent_id with the figures @workspace has now.
 *
 * Returns: whether the period's table has that agent
 */
gboolean
kefu_agent_page_set_agent (KefuAgentPage *self,
                           KefuWorkspace *workspace,
                           gint64         agent_id)
{
  KefuMetricTable *table;
  KefuAgentScore *score = NULL;
  KefuScoreReport *report;
  g_autoptr(GtkNoSelection) items = NULL;
  int row;

  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_WORKSPACE (workspace), FALSE);

  table = kefu_workspace_get_agent_table (workspace);
  row = table ? kefu_metric_table_find_agent (table, agent_id) : -1;
  if (row < 0 || agent_id == 0)
    return FALSE;

  g_set_object (&self->workspace, workspace);
  g_set_object (&self->table, table);
  g_set_object (&self->previous, kefu_workspace_get_previous_table (workspace));
  self->agent_id = agent_id;
  self->row = row;
  self->previous_row = self->previous ? kefu_metric_table_find_agent (self->previous, agent_id) : -1;

  report = kefu_workspace_get_report (workspace);
  if (report != NULL)
    {
      GListModel *agents = kefu_score_report_get_agents (report);

      for (guint i = 0; i < g_list_model_get_n_items (agents) && score == NULL; i++)
        {
          g_autoptr(KefuAgentScore) candidate = g_list_model_get_item (agents, i);

          if (kefu_agent_score_get_agent_id (candidate) == agent_id)
            score = candidate;
        }
    }

  fill_metrics (self);
  g_clear_object (&self->items);
  if (score != NULL)
    self->items = g_object_ref (kefu_agent_score_get_items (score));
  if (self->items != NULL)
    items = gtk_no_selection_new (g_object_ref (self->items));
  gtk_column_view_set_model (self->explain_view, GTK_SELECTION_MODEL (items));
  update_header (self, score);
  update_charts (self, report);
  return TRUE;
}

gint64
kefu_agent_page_get_agent_id (KefuAgentPage *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), 0);

  return self->agent_id;
}

/**
 * kefu_agent_page_get_items:
 *
 * Returns: (transfer none) (nullable): the score's items, #KefuItemScore
 */
GListModel *
kefu_agent_page_get_items (KefuAgentPage *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);

  return self->items;
}

/**
 * kefu_agent_page_get_metrics:
 *
 * Returns: (transfer none): the metric keys listed, #GtkStringObject
 */
GListModel *
kefu_agent_page_get_metrics (KefuAgentPage *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);

  return G_LIST_MODEL (self->metrics);
}

static void
kefu_agent_page_dispose (GObject *object)
{
  KefuAgentPage *self = KEFU_AGENT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_AGENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_object (&self->metrics);
  g_clear_pointer (&self->shop_average, g_hash_table_unref);
  g_clear_object (&self->table);
  g_clear_object (&self->previous);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (kefu_agent_page_parent_class)->dispose (object);
}

static void
kefu_agent_page_class_init (KefuAgentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_agent_page_dispose;

  g_type_ensure (KEFU_TYPE_RADAR_CHART);
  g_type_ensure (KEFU_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-agent-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, score_group);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, explain_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, metrics_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, radar_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, trend_chart);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kefu_agent_page_init (KefuAgentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row = -1;
  self->previous_row = -1;
  self->shop_average = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->metrics = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->metrics_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->metrics)))));

  _kefu_agent_page_init_columns (self);
}
