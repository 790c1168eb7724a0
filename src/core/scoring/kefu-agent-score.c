/* kefu-agent-score.c — one agent's composite score
 *
 * total = Σ weighted points of the items (METRICS.md §5). Items without a
 * value count as their missing policy says: "exclude" leaves the item out
 * and rescales the other items' weights by (Σ all weights ÷ Σ remaining
 * weights), so the total stays on the scheme's scale. The total is
 * complete when no item is missing (policy "incomplete") or in error; an
 * incomplete total is shown but not ranked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scoring-private.h"

struct _KefuAgentScore
{
  GObject     parent_instance;

  gint64      agent_id;
  char       *agent_name;
  char       *agent_account;
  double      total;
  guint       rank;
  guint       n_errors;
  GListStore *items;
  gboolean    complete;
};

G_DEFINE_FINAL_TYPE (KefuAgentScore, kefu_agent_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGENT_ID,
  PROP_AGENT_NAME,
  PROP_AGENT_ACCOUNT,
  PROP_TOTAL,
  PROP_RANK,
  PROP_COMPLETE,
  PROP_N_ERRORS,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_agent_score_dispose (GObject *object)
{
  KefuAgentScore *self = KEFU_AGENT_SCORE (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (kefu_agent_score_parent_class)->dispose (object);
}

static void
kefu_agent_score_finalize (GObject *object)
{
  KefuAgentScore *self = KEFU_AGENT_SCORE (object);

  g_free (self->agent_name);
  g_free (self->agent_account);

  G_OBJECT_CLASS (kefu_agent_score_parent_class)->finalize (object);
}

static void
kefu_agent_score_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuAgentScore *self = KEFU_AGENT_SCORE (object);

  switch (prop_id)
    {
    case PROP_AGENT_ID:      g_value_set_int64 (value, self->agent_id); break;
    case PROP_AGENT_NAME:    g_value_set_string (value, self->agent_name); break;
    case PROP_AGENT_ACCOUNT: g_value_set_string (value, self->agent_account); break;
    case PROP_TOTAL:         g_value_set_double (value, self->total); break;
    case PROP_RANK:          g_value_set_uint (value, self->rank); break;
    case PROP_COMPLETE:      g_value_set_boolean (value, self->complete); break;
    case PROP_N_ERRORS:      g_value_set_uint (value, self->n_errors); break;
    case PROP_ITEMS:         g_value_set_object (value, self->items); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_agent_score_class_init (KefuAgentScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kefu_agent_score_dispose;
  object_class->finalize = kefu_agent_score_finalize;
  object_class->get_property = kefu_agent_score_get_property;

  properties[PROP_AGENT_ID] =
    g_param_spec_int64 ("agent-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGENT_NAME] =
    g_param_spec_string ("agent-name", NULL, NULL, NULL, flags);
  properties[PROP_AGENT_ACCOUNT] =
    g_param_spec_string ("agent-account", NULL, NULL, NULL, flags);
  /* Σ weighted points, rounded to 0.01 (ranks compare at this precision). */
  properties[PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* 1 for the best; ties share a rank and the next skips (1, 1, 3);
   * 0 for an incomplete total, which is not ranked. */
  properties[PROP_RANK] =
    g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* A GListModel of KefuItemScore, in the scheme's order. */
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_agent_score_init (KefuAgentScore *self)
{
  self->items = g_list_store_new (KEFU_TYPE_ITEM_SCORE);
}

KefuAgentScore *
_kefu_agent_score_new (gint64      agent_id,
                       const char *name,
                       const char *account,
                       GPtrArray  *items,
                       double      scheme_weight)
{
  KefuAgentScore *self = g_object_new (KEFU_TYPE_AGENT_SCORE, NULL);
  double excluded = 0, factor, total = 0;
  gboolean complete = TRUE;

  self->agent_id = agent_id;
  self->agent_name = g_strdup (name);
  self->agent_account = g_strdup (account);

  for (guint i = 0; i < items->len; i++)
    {
      KefuItemScore *item = g_ptr_array_index (items, i);

      if (kefu_item_score_get_status (item) == KEFU_ITEM_STATUS_EXCLUDED)
        excluded += kefu_item_score_get_scheme_weight (item);
    }

  /* Excluded items' weight goes to the others, in proportion. */
  factor = scheme_weight - excluded > 0 ? scheme_weight / (scheme_weight - excluded) : 0;
  if (items->len > 0 && factor == 0)
    complete = FALSE;   /* nothing left to score */

  for (guint i = 0; i < items->len; i++)
    {
      KefuItemScore *item = g_ptr_array_index (items, i);

      switch (kefu_item_score_get_status (item))
        {
        case KEFU_ITEM_STATUS_EXCLUDED:
          _kefu_item_score_set_weight (item, 0);
          break;
        case KEFU_ITEM_STATUS_ERROR:
          self->n_errors++;
          complete = FALSE;
          _kefu_item_score_set_weight (item, kefu_item_score_get_scheme_weight (item) * factor);
          break;
        case KEFU_ITEM_STATUS_MISSING:
          complete = FALSE;
          G_GNUC_FALLTHROUGH;
        case KEFU_ITEM_STATUS_SCORED:
        case KEFU_ITEM_STATUS_ZERO:
        default:
          _kefu_item_score_set_weight (item, kefu_item_score_get_scheme_weight (item) * factor);
          break;
        }
      total += kefu_item_score_get_weighted (item);
    }

  self->total = _kefu_round (total, 0.01);
  self->complete = complete;
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  return self;
}

void
_kefu_agent_score_set_rank (KefuAgentScore *self,
                            guint           rank)
{
  if (self->rank == rank)
    return;
  self->rank = rank;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANK]);
}

gint64
kefu_agent_score_get_agent_id (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), 0);
  return self->agent_id;
}

const char *
kefu_agent_score_get_agent_name (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);
  return self->agent_name;
}

const char *
kefu_agent_score_get_agent_account (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);
  return self->agent_account;
}

double
kefu_agent_score_get_total (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), 0);
  return self->total;
}

guint
kefu_agent_score_get_rank (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), 0);
  return self->rank;
}

gboolean
kefu_agent_score_get_complete (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), FALSE);
  return self->complete;
}

guint
kefu_agent_score_get_n_errors (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), 0);
  return self->n_errors;
}

/**
 * kefu_agent_score_get_items:
 *
 * Returns: (transfer none): a GListModel of #KefuItemScore
 */
GListModel *
kefu_agent_score_get_items (KefuAgentScore *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * kefu_agent_score_find_item:
 *
 * Returns: (transfer none) (nullable): the first item scoring @key
 */
KefuItemScore *
kefu_agent_score_find_item (KefuAgentScore *self,
                            const char     *key)
{
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(KefuItemScore) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (kefu_item_score_get_key (item), key) == 0)
        return item;   /* the list keeps a reference */
    }
  return NULL;
}

/**
 * kefu_agent_score_explain:
 *
 * Returns: (transfer full): how the total came about, one line per item
 */
char *
kefu_agent_score_explain (KefuAgentScore *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = NULL;

  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);

  total = _kefu_format_number (self->total);
  if (self->rank > 0)
    g_string_append_printf (text, _("%s: %s points, rank %u\n"), self->agent_name, total, self->rank);
  else
    g_string_append_printf (text, _("%s: %s points, incomplete (not ranked)\n"),
                            self->agent_name, total);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(KefuItemScore) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_string_append_printf (text, "  %s: %s\n", kefu_item_score_get_label (item),
                              kefu_item_score_get_explanation (item));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kefu_agent_score_to_json:
 *
 * Returns: (transfer full): {"agent", "agent_id", "total", "rank" (null
 *   when not ranked), "complete", "errors", "items": [...]}
 */
JsonNode *
kefu_agent_score_to_json (KefuAgentScore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agent");
  json_builder_add_string_value (builder, self->agent_name);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_int_value (builder, self->agent_id);
  json_builder_set_member_name (builder, "total");
  json_builder_add_double_value (builder, self->total);
  json_builder_set_member_name (builder, "rank");
  if (self->rank > 0)
    json_builder_add_int_value (builder, self->rank);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, self->complete);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, self->n_errors);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(KefuItemScore) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      json_builder_add_value (builder, kefu_item_score_to_json (item));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
