/* kefu-agent-page.c — one agent: metrics against the shop and the previous period, score explained
 *
 * The seeds' two comparisons side by side: the agent against the shop
 * in the same period, and against itself in the previous one. Below,
 * how the scheme scored the agent, item by item: the value with its
 * numerator and denominator, the bracket row it fell into, the points,
 * the weight, the weighted points and the files the value came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-agent-page.h"
#include "kefu-ui-format.h"

struct _KefuAgentPage
{
  GtkWidget        parent_instance;

  KefuWorkspace   *workspace;
  gint64           agent_id;
  KefuMetricTable *table;
  int              row;
  KefuMetricTable *previous;
  int              previous_row;
  GHashTable      *shop_average;   /* key → KefuMetricValue */
  GtkStringList   *metrics;        /* the keys listed */
  GListModel      *items;          /* KefuItemScore, or NULL */

  GtkLabel        *name_label;
  GtkLabel        *summary_label;
  GtkWidget       *score_group;
  GtkLabel        *score_label;
  GtkColumnView   *explain_view;
  GtkColumnView   *metrics_view;
};

G_DEFINE_FINAL_TYPE (KefuAgentPage, kefu_agent_page, GTK_TYPE_WIDGET)

typedef enum
{
  METRIC_LABEL,
  METRIC_AGENT,
  METRIC_SHOP,
  METRIC_VS_SHOP,
  METRIC_PREVIOUS,
  METRIC_CHANGE,
} MetricColumn;

typedef enum
{
  ITEM_LABEL,
  ITEM_VALUE,
  ITEM_FRACTION,
  ITEM_BRACKET,
  ITEM_POINTS,
  ITEM_WEIGHT,
  ITEM_WEIGHTED,
  ITEM_SOURCES,
} ItemColumn;

/* Or'ed into a column's number: text that reads from the left. */
#define LEFT 0x100

static const char * const trend_classes[] = { "success", "error", "dim-label" };

static const KefuMetricValue *
agent_value (KefuAgentPage *self,
             const char    *key)
{
  return self->row >= 0 ? kefu_metric_table_get (self->table, self->row, key) : NULL;
}

static const KefuMetricValue *
previous_value (KefuAgentPage *self,
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

/* ------------------------------------------------------------ cells */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (column) & LEFT ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
set_cell (GtkListItem *item,
          const char  *text,
          const char  *tooltip,
          const char  *css_class)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, tooltip);
  for (guint i = 0; i < G_N_ELEMENTS (trend_classes); i++)
    gtk_widget_remove_css_class (label, trend_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
}

/**
 * kefu_agent_page_get_cell_text:
 * @key: a metric listed
 * @column: agent, shop, vs-shop, previous or change
 *
 * Returns: (transfer full): the text of a cell of the metrics table
 */
char *
kefu_agent_page_get_cell_text (KefuAgentPage *self,
                               const char    *key,
                               const char    *column)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  KefuTrend trend;

  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (g_str_equal (column, "agent"))
    return kefu_ui_format_value (info, agent_value (self, key));
  if (g_str_equal (column, "shop"))
    return kefu_ui_format_value (info, g_hash_table_lookup (self->shop_average, key));
  if (g_str_equal (column, "vs-shop"))
    return kefu_ui_format_change (info, agent_value (self, key),
                                  g_hash_table_lookup (self->shop_average, key), &trend);
  if (g_str_equal (column, "previous"))
    return kefu_ui_format_value (info, previous_value (self, key));
  if (g_str_equal (column, "change"))
    return kefu_ui_format_change (info, agent_value (self, key), previous_value (self, key), &trend);
  g_return_val_if_reached (NULL);
}

static void
bind_metric (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column_data)
{
  KefuAgentPage *self = g_object_get_data (G_OBJECT (factory), "page");
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  const KefuMetricValue *value = agent_value (self, key);
  const KefuMetricValue *shop = g_hash_table_lookup (self->shop_average, key);
  const KefuMetricValue *before = previous_value (self, key);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  KefuTrend trend;

  switch ((MetricColumn) GPOINTER_TO_INT (column_data))
    {
    case METRIC_LABEL:
      set_cell (item, kefu_metric_get_label (info), NULL, NULL);
      break;
    case METRIC_AGENT:
      text = kefu_ui_format_value (info, value);
      tooltip = kefu_ui_describe_value (info, value);
      set_cell (item, text, tooltip, kefu_ui_value_is_present (value) ? NULL : "dim-label");
      break;
    case METRIC_SHOP:
      text = kefu_ui_format_value (info, shop);
      tooltip = kefu_ui_describe_value (info, shop);
      set_cell (item, text, tooltip, kefu_ui_value_is_present (shop) ? NULL : "dim-label");
      break;
    case METRIC_VS_SHOP:
      text = kefu_ui_format_change (info, value, shop, &trend);
      set_cell (item, text ? text : "—", NULL, kefu_ui_trend_css_class (trend));
      break;
    case METRIC_PREVIOUS:
      text = kefu_ui_format_value (info, before);
      tooltip = kefu_ui_describe_value (info, before);
      set_cell (item, text, tooltip, kefu_ui_value_is_present (before) ? NULL : "dim-label");
      break;
    case METRIC_CHANGE:
    default:
      text = kefu_ui_format_change (info, value, before, &trend);
      set_cell (item, text ? text : "—", NULL, kefu_ui_trend_css_class (trend));
      break;
    }
}

/**
 * kefu_agent_page_get_item_sources:
 *
 * Returns: (transfer full) (nullable): the files @item's value came from
 */
char *
kefu_agent_page_get_item_sources (KefuAgentPage *self,
                                  KefuItemScore *item)
{
  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);

  if (kefu_item_score_get_kind (item) != KEFU_ITEM_KIND_METRIC || self->workspace == NULL)
    return NULL;
  return kefu_ui_format_files (kefu_workspace_get_store (self->workspace),
                               agent_value (self, kefu_item_score_get_key (item)));
}

static char *
format_amount (double value)
{
  if (!isfinite (value))
    return NULL;
  if (value == floor (value) && fabs (value) < 1e12)
    return g_strdup_printf ("%.0f", value);
  return kefu_ui_format_points (value);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column_data)
{
  KefuAgentPage *self = g_object_get_data (G_OBJECT (factory), "page");
  KefuItemScore *item = gtk_list_item_get_item (list_item);
  KefuItemStatus status = kefu_item_score_get_status (item);
  const char *explanation = kefu_item_score_get_explanation (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  switch ((ItemColumn) GPOINTER_TO_INT (column_data))
    {
    case ITEM_LABEL:
      set_cell (list_item, kefu_item_score_get_label (item), explanation, NULL);
      break;
    case ITEM_VALUE:
      if (kefu_item_score_get_estimated (item))
        text = g_strconcat ("≈", kefu_item_score_get_value_text (item), NULL);
      else
        text = g_strdup (kefu_item_score_get_value_text (item));
      set_cell (list_item, text,
                kefu_item_score_get_missing (item) ? kefu_item_score_get_missing (item) : explanation,
                isfinite (kefu_item_score_get_value (item)) ? NULL : "dim-label");
      break;
    case ITEM_FRACTION:
      {
        g_autofree char *numerator = format_amount (kefu_item_score_get_numerator (item));
        g_autofree char *denominator = format_amount (kefu_item_score_get_denominator (item));

        if (numerator != NULL && denominator != NULL && kefu_item_score_get_denominator (item) != 1)
          text = g_strdup_printf ("%s ÷ %s", numerator, denominator);
        set_cell (list_item, text ? text : "—", NULL, text ? NULL : "dim-label");
      }
      break;
    case ITEM_BRACKET:
      if (status == KEFU_ITEM_STATUS_ERROR)
        set_cell (list_item, kefu_item_score_get_error (item), kefu_item_score_get_error (item), "error");
      else if (kefu_item_score_get_bracket (item) != NULL)
        {
          /* Translators: the number of the bracket row, then the row */
          text = g_strdup_printf (_("Row %d: %s"), kefu_item_score_get_bracket_index (item) + 1,
                                  kefu_item_score_get_bracket (item));
          set_cell (list_item, text, explanation, NULL);
        }
      else
        set_cell (list_item, "—", explanation, "dim-label");
      break;
    case ITEM_POINTS:
      text = kefu_ui_format_points (kefu_item_score_get_points (item));
      set_cell (list_item, text, NULL, NULL);
      break;
    case ITEM_WEIGHT:
      {
        g_autofree char *weight = kefu_ui_format_points (kefu_item_score_get_weight (item));

        text = g_strconcat (weight, "%", NULL);
        set_cell (list_item, text, NULL, NULL);
      }
      break;
    case ITEM_WEIGHTED:
      if (status == KEFU_ITEM_STATUS_SCORED || status == KEFU_ITEM_STATUS_ZERO)
        {
          text = kefu_ui_format_points (kefu_item_score_get_weighted (item));
          set_cell (list_item, text, explanation, NULL);
        }
      else
        set_cell (list_item, "—", explanation, "dim-label");
      break;
    case ITEM_SOURCES:
    default:
      tooltip = kefu_agent_page_get_item_sources (self, item);
      if (tooltip != NULL)
        {
          g_auto(GStrv) files = g_strsplit (tooltip, "\n", -1);
          text = g_strjoinv (_(", "), files);
        }
      set_cell (list_item, text ? text : "—", tooltip, text ? NULL : "dim-label");
      break;
    }
}

static GtkColumnViewColumn *
add_column (KefuAgentPage *self,
            GtkColumnView *view,
            const char    *title,
            GCallback      bind,
            int            column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (column & ~LEFT));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
  g_object_unref (view_column);
  return view_column;
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
      if (kefu_ui_value_is_present (agent_value (self, all[i].key)) ||
          kefu_ui_value_is_present (average) ||
          kefu_ui_value_is_present (previous_value (self, all[i].key)))
        g_strv_builder_add (builder, all[i].key);
    }
  keys = g_strv_builder_end (builder);
  gtk_string_list_splice (self->metrics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->metrics)),
                          (const char * const *) keys);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-agent-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, score_group);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, explain_view);
  gtk_widget_class_bind_template_child (widget_class, KefuAgentPage, metrics_view);

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

  add_column (self, self->metrics_view, _("Metric"), G_CALLBACK (bind_metric), METRIC_LABEL | LEFT, TRUE);
  add_column (self, self->metrics_view, _("This Agent"), G_CALLBACK (bind_metric), METRIC_AGENT, FALSE);
  add_column (self, self->metrics_view, _("Shop Average"), G_CALLBACK (bind_metric), METRIC_SHOP, FALSE);
  add_column (self, self->metrics_view, _("Against the Shop"), G_CALLBACK (bind_metric), METRIC_VS_SHOP, FALSE);
  add_column (self, self->metrics_view, _("Previous Period"), G_CALLBACK (bind_metric), METRIC_PREVIOUS, FALSE);
  add_column (self, self->metrics_view, _("Change"), G_CALLBACK (bind_metric), METRIC_CHANGE, FALSE);

  add_column (self, self->explain_view, _("Item"), G_CALLBACK (bind_item), ITEM_LABEL | LEFT, TRUE);
  add_column (self, self->explain_view, _("Value"), G_CALLBACK (bind_item), ITEM_VALUE, FALSE);
  add_column (self, self->explain_view, _("Numerator ÷ Denominator"), G_CALLBACK (bind_item), ITEM_FRACTION, FALSE);
  add_column (self, self->explain_view, _("Bracket"), G_CALLBACK (bind_item), ITEM_BRACKET | LEFT, FALSE);
  add_column (self, self->explain_view, _("Points"), G_CALLBACK (bind_item), ITEM_POINTS, FALSE);
  add_column (self, self->explain_view, _("Weight"), G_CALLBACK (bind_item), ITEM_WEIGHT, FALSE);
  add_column (self, self->explain_view, _("Weighted"), G_CALLBACK (bind_item), ITEM_WEIGHTED, FALSE);
  /* File names are long: the tooltip has them whole. */
  gtk_column_view_column_set_fixed_width (add_column (self, self->explain_view, _("Source Files"),
                                                      G_CALLBACK (bind_item), ITEM_SOURCES | LEFT, FALSE), 180);
}
