/* kefu-score-report.c — a scheme applied to every agent of a period
 *
 * The report takes the metric engine's table (one row per agent, grouped
 * by agent; the shop's row, agent 0, is not scored), the manual scores,
 * and a copy of the scheme — so that editing the scheme afterwards never
 * changes a report already shown. It holds the validator's issues, and
 * the agents' scores ranked: by total at 0.01, ties sharing a rank and the
 * next rank skipping (1, 1, 3); incomplete totals are not ranked (rank 0)
 * and come last. To follow an edited scheme, make a new report on the
 * scheme's ::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scheme-issue.h"
#include "scoring/kefu-score-report.h"
#include "scoring/kefu-scoring-private.h"

struct _KefuScoreReport
{
  GObject     parent_instance;

  KefuScheme *scheme;
  GDate       from;
  GDate       to;
  GListModel *issues;
  GListStore *agents;
};

G_DEFINE_FINAL_TYPE (KefuScoreReport, kefu_score_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_FROM,
  PROP_TO,
  PROP_ISSUES,
  PROP_AGENTS,
  PROP_COMPLETE,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_score_report_dispose (GObject *object)
{
  KefuScoreReport *self = KEFU_SCORE_REPORT (object);

  g_clear_object (&self->scheme);
  g_clear_object (&self->issues);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (kefu_score_report_parent_class)->dispose (object);
}

static void
kefu_score_report_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuScoreReport *self = KEFU_SCORE_REPORT (object);

  switch (prop_id)
    {
    case PROP_SCHEME:   g_value_set_object (value, self->scheme); break;
    case PROP_FROM:     g_value_set_boxed (value, g_date_valid (&self->from) ? &self->from : NULL); break;
    case PROP_TO:       g_value_set_boxed (value, g_date_valid (&self->to) ? &self->to : NULL); break;
    case PROP_ISSUES:   g_value_set_object (value, self->issues); break;
    case PROP_AGENTS:   g_value_set_object (value, self->agents); break;
    case PROP_COMPLETE: g_value_set_boolean (value, kefu_score_report_get_complete (self)); break;
    case PROP_N_ERRORS: g_value_set_uint (value, kefu_score_report_get_n_errors (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_score_report_class_init (KefuScoreReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kefu_score_report_dispose;
  object_class->get_property = kefu_score_report_get_property;

  /* The scheme as it was when scored: a copy. */
  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, KEFU_TYPE_SCHEME, flags);
  properties[PROP_FROM] =
    g_param_spec_boxed ("from", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_TO] =
    g_param_spec_boxed ("to", NULL, NULL, G_TYPE_DATE, flags);
  /* A GListModel of KefuSchemeIssue: the validator's, with the data. */
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  /* A GListModel of KefuAgentScore, by rank; unranked last. */
  properties[PROP_AGENTS] =
    g_param_spec_object ("agents", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  /* Every agent's total is complete. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  /* The scheme's errors plus the agents' scoring errors. */
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_score_report_init (KefuScoreReport *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  self->agents = g_list_store_new (KEFU_TYPE_AGENT_SCORE);
}

/* The metric engine's notes on @key, as one text. */
static char *
metric_notes (KefuMetricTable *table,
              guint            row,
              const char      *key)
{
  GPtrArray *notes = kefu_metric_table_get_notes (table, row);
  g_autoptr(GString) text = NULL;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const KefuMetricNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->key, key) != 0 || note->message == NULL)
        continue;
      if (text == NULL)
        text = g_string_new (note->message);
      else
        g_string_append_printf (text, " %s", note->message);
    }
  return text ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static KefuItemScore *
score_item (KefuSchemeItem         *item,
            guint                   index,
            KefuMetricTable        *table,
            guint                   row,
            KefuManualScores       *manual)
{
  const KefuMetricRowKey *agent = kefu_metric_table_get_row (table, row);
  const char *key = kefu_scheme_item_get_key (item);
  KefuItemInput input = { FALSE, NAN, NAN, NAN };
  g_autofree char *notes = NULL;

  if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
    {
      input.missing = _("no points given by hand for this period");
      if (manual != NULL && key != NULL &&
          (kefu_manual_scores_lookup (manual, agent->agent_id, agent->agent_name,
                                      agent->agent_account, key, &input.value, &input.note) ||
           kefu_manual_scores_lookup (manual, agent->agent_id, agent->agent_name,
                                      agent->agent_account,
                                      kefu_scheme_item_get_display_label (item),
                                      &input.value, &input.note)))
        input.has_value = TRUE;
    }
  else
    {
      const KefuMetricInfo *info = kefu_scheme_item_get_metric (item);
      const KefuMetricValue *value = key ? kefu_metric_table_get (table, row, key) : NULL;

      if (info == NULL)
        input.missing = _("not a metric Kefu knows");
      else if (value == NULL)
        input.missing = _("the metric was not computed");
      else if (value->missing != KEFU_METRIC_MISSING_NONE || !isfinite (value->value))
        input.missing = value->missing != KEFU_METRIC_MISSING_NONE
                      ? kefu_metric_missing_describe (value->missing)
                      : _("no value");
      else
        {
          input.has_value = TRUE;
          input.value = value->value;
          input.estimated = value->estimated;
          /* 88 ÷ 275 says more than 32%; a total's count of rows does not. */
          if (info->aggregate == KEFU_AGGREGATE_RATIO)
            {
              input.numerator = value->numerator;
              input.denominator = value->denominator;
            }
        }
      notes = metric_notes (table, row, key);
      input.note = notes;
    }

  return _kefu_item_score_new (item, index, &input);
}

static gint64
rank_key (KefuAgentScore *agent)
{
  return (gint64) llround (kefu_agent_score_get_total (agent) * 100);
}

static int
compare_keys_descending (gconstpointer a,
                         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x > y ? -1 : x < y;
}

static int
compare_agents (gconstpointer a,
                gconstpointer b)
{
  KefuAgentScore *x = *(KefuAgentScore * const *) a;
  KefuAgentScore *y = *(KefuAgentScore * const *) b;
  guint rx = kefu_agent_score_get_rank (x), ry = kefu_agent_score_get_rank (y);

  if ((rx == 0) != (ry == 0))
    return rx == 0 ? 1 : -1;
  return rx < ry ? -1 : rx > ry;
}

/**
 * kefu_score_report_new:
 * @scheme: the scheme; the report keeps a copy
 * @table: the metric values, grouped by agent (KEFU_GROUP_AGENT)
 * @manual: (nullable): points given by hand for the scheme's manual items
 *
 * Scores every agent of @table with @scheme (METRICS.md §5).
 *
 * Returns: (transfer full): the report
 */
KefuScoreReport *
kefu_score_report_new (KefuScheme       *scheme,
                       KefuMetricTable  *table,
                       KefuManualScores *manual)
{
  KefuScoreReport *self;
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  double scheme_weight;

  g_return_val_if_fail (KEFU_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (table), NULL);
  g_return_val_if_fail (manual == NULL || KEFU_IS_MANUAL_SCORES (manual), NULL);
  g_return_val_if_fail (kefu_metric_table_get_grouping (table) == KEFU_GROUP_AGENT, NULL);

  self = g_object_new (KEFU_TYPE_SCORE_REPORT, NULL);
  self->scheme = kefu_scheme_copy (scheme);
  kefu_metric_table_get_period (table, &self->from, &self->to);
  self->issues = kefu_scheme_validate (self->scheme, table);
  scheme_weight = kefu_scheme_get_total_weight (self->scheme);

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *agent = kefu_metric_table_get_row (table, row);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      if (agent->agent_id == 0)
        continue;   /* the shop */

      for (guint i = 0; i < kefu_scheme_get_n_items (self->scheme); i++)
        g_ptr_array_add (items, score_item (kefu_scheme_get_item (self->scheme, i), i,
                                            table, row, manual));

      g_ptr_array_add (agents, _kefu_agent_score_new (agent->agent_id, agent->agent_name,
                                                      agent->agent_account, items,
                                                      scheme_weight));
    }

  /* Ties share a rank; the next rank skips: 1, 1, 3. An agent's rank is
   * 1 + the number of complete totals above its own, found in the
   * totals sorted from the highest (n log n: a period is re-scored with
   * every edit of a scheme). */
  for (guint i = 0; i < agents->len; i++)
    if (kefu_agent_score_get_complete (g_ptr_array_index (agents, i)))
      g_array_append_val (keys, ((gint64) { rank_key (g_ptr_array_index (agents, i)) }));
  g_array_sort (keys, compare_keys_descending);
  for (guint i = 0; i < agents->len; i++)
    {
      KefuAgentScore *agent = g_ptr_array_index (agents, i);
      gint64 key;
      guint low = 0, high = keys->len;

      if (!kefu_agent_score_get_complete (agent))
        continue;
      key = rank_key (agent);
      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (g_array_index (keys, gint64, middle) > key)
            low = middle + 1;
          else
            high = middle;
        }
      _kefu_agent_score_set_rank (agent, low + 1);
    }

  g_ptr_array_sort (agents, compare_agents);   /* stable: ties keep the table's order */
  g_list_store_splice (self->agents, 0, 0, agents->pdata, agents->len);
  return self;
}

/**
 * kefu_score_report_new_from_store:
 * @shop_id: the shop whose agents are scored
 * @settings: (nullable): the metric definitions' settings; %NULL for the defaults
 * @manual: (nullable): points given by hand, over those stored with the scheme
 *
 * What the window and kefu-cli score do: asks the metric engine for the
 * scheme's metric keys, per agent, over @from – @to (kefu_metric_query()),
 * adds the manual scores stored with the scheme for exactly that period
 * (when the scheme is stored) and @manual's, and scores.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
KefuScoreReport *
kefu_score_report_new_from_store (KefuStore                *store,
                                  gint64                    shop_id,
                                  KefuScheme               *scheme,
                                  const GDate              *from,
                                  const GDate              *to,
                                  const KefuMetricSettings *settings,
                                  KefuManualScores         *manual,
                                  GCancellable             *cancellable,
                                  GError                  **error)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuManualScores) scores = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (KEFU_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (manual == NULL || KEFU_IS_MANUAL_SCORES (manual), NULL);

  keys = kefu_scheme_get_metric_keys (scheme);
  table = kefu_metric_query (store, shop_id, from, to, NULL, 0, (const char * const *) keys,
                             KEFU_GROUP_AGENT, settings, cancellable, error);
  if (table == NULL)
    return NULL;

  scores = kefu_store_load_manual_scores (store, kefu_scheme_get_store_id (scheme), from, to, error);
  if (scores == NULL)
    return NULL;
  if (manual != NULL)
    kefu_manual_scores_merge (scores, manual);

  return kefu_score_report_new (scheme, table, scores);
}

/**
 * kefu_score_report_get_scheme:
 *
 * Returns: (transfer none): the scheme as scored
 */
KefuScheme *
kefu_score_report_get_scheme (KefuScoreReport *self)
{
  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);
  return self->scheme;
}

void
kefu_score_report_get_period (KefuScoreReport *self,
                              GDate           *from,
                              GDate           *to)
{
  g_return_if_fail (KEFU_IS_SCORE_REPORT (self));

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

/**
 * kefu_score_report_get_issues:
 *
 * Returns: (transfer none): a GListModel of #KefuSchemeIssue
 */
GListModel *
kefu_score_report_get_issues (KefuScoreReport *self)
{
  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);
  return self->issues;
}

/**
 * kefu_score_report_get_agents:
 *
 * Returns: (transfer none): a GListModel of #KefuAgentScore, by rank
 */
GListModel *
kefu_score_report_get_agents (KefuScoreReport *self)
{
  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);
  return G_LIST_MODEL (self->agents);
}

/**
 * kefu_score_report_find_agent:
 * @name: an agent's display name or account
 *
 * Returns: (transfer none) (nullable): that agent's score
 */
KefuAgentScore *
kefu_score_report_find_agent (KefuScoreReport *self,
                              const char      *name)
{
  GListModel *agents;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);

  agents = G_LIST_MODEL (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);

      if (g_strcmp0 (kefu_agent_score_get_agent_name (agent), name) == 0 ||
          g_strcmp0 (kefu_agent_score_get_agent_account (agent), name) == 0)
        return agent;   /* the list keeps a reference */
    }
  return NULL;
}

gboolean
kefu_score_report_get_complete (KefuScoreReport *self)
{
  GListModel *agents;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), FALSE);

  agents = G_LIST_MODEL (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);

      if (!kefu_agent_score_get_complete (agent))
        return FALSE;
    }
  return TRUE;
}

guint
kefu_score_report_get_n_errors (KefuScoreReport *self)
{
  GListModel *agents;
  guint n;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), 0);

  n = kefu_scheme_issues_count (self->issues, KEFU_ISSUE_ERROR);
  agents = G_LIST_MODEL (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
      n += kefu_agent_score_get_n_errors (agent);
    }
  return n;
}
