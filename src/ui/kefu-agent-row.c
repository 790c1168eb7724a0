/* kefu-agent-row.c — one agent of the period, a row of the agents table
 *
 * The agent's row of the period's metric table and its score, if the
 * scheme scored it. The name is a property, for the search filter and
 * the name column's sorter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-agent-row.h"

struct _KefuAgentRow
{
  GObject          parent_instance;

  KefuMetricTable *table;
  guint            row;
  KefuAgentScore  *score;
};

G_DEFINE_FINAL_TYPE (KefuAgentRow, kefu_agent_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_agent_row_dispose (GObject *object)
{
  KefuAgentRow *self = KEFU_AGENT_ROW (object);

  g_clear_object (&self->table);
  g_clear_object (&self->score);

  G_OBJECT_CLASS (kefu_agent_row_parent_class)->dispose (object);
}

static void
kefu_agent_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KefuAgentRow *self = KEFU_AGENT_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kefu_agent_row_get_name (self));
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, kefu_agent_row_get_account (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_agent_row_class_init (KefuAgentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_agent_row_dispose;
  object_class->get_property = kefu_agent_row_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_agent_row_init (KefuAgentRow *self)
{
}

/**
 * kefu_agent_row_new:
 * @row: an agent's row of @table
 * @score: (nullable): how the scheme scored the agent
 */
KefuAgentRow *
kefu_agent_row_new (KefuMetricTable *table,
                    guint            row,
                    KefuAgentScore  *score)
{
  KefuAgentRow *self;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (table), NULL);
  g_return_val_if_fail (row < kefu_metric_table_get_n_rows (table), NULL);

  self = g_object_new (KEFU_TYPE_AGENT_ROW, NULL);
  self->table = g_object_ref (table);
  self->row = row;
  g_set_object (&self->score, score);
  return self;
}

gint64
kefu_agent_row_get_id (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), 0);

  return kefu_metric_table_get_row (self->table, self->row)->agent_id;
}

const char *
kefu_agent_row_get_name (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), NULL);

  return kefu_metric_table_get_row (self->table, self->row)->agent_name;
}

const char *
kefu_agent_row_get_account (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), NULL);

  return kefu_metric_table_get_row (self->table, self->row)->agent_account;
}

/**
 * kefu_agent_row_get_value:
 *
 * Returns: (nullable): the agent's value of @key for the period
 */
const KefuMetricValue *
kefu_agent_row_get_value (KefuAgentRow *self,
                          const char   *key)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), NULL);

  return kefu_metric_table_get (self->table, self->row, key);
}

/**
 * kefu_agent_row_get_score:
 *
 * Returns: (transfer none) (nullable): the agent's score
 */
KefuAgentScore *
kefu_agent_row_get_score (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), NULL);

  return self->score;
}

/* 0 when the agent is not ranked (or not scored). */
guint
kefu_agent_row_get_rank (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), 0);

  return self->score ? kefu_agent_score_get_rank (self->score) : 0;
}

/* NAN when not scored. */
double
kefu_agent_row_get_total (KefuAgentRow *self)
{
  g_return_val_if_fail (KEFU_IS_AGENT_ROW (self), NAN);

  return self->score ? kefu_agent_score_get_total (self->score) : NAN;
}
