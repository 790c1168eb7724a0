/* kefu-scheme-item.c — one item of a scoring scheme
 *
 * An item scores a metric of the catalogue (by key) or a manual item (by
 * its own id: 出勤, 主管评分 …) with a weight in percent and a bracket
 * table. Manual items may leave the table empty: the manager's points are
 * then the item's points.
 *
 * Every change — of the item or of any of its rows — emits ::changed, so
 * an editor can validate live and a report can be recomputed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "scoring/kefu-scoring-private.h"
#include "kefu-set-str.h"

struct _KefuSchemeItem
{
  GObject            parent_instance;

  KefuItemKind       kind;
  char              *key;
  char              *label;
  double             weight;
  KefuMissingPolicy  missing_policy;
  GListStore        *brackets;
};

G_DEFINE_FINAL_TYPE (KefuSchemeItem, kefu_scheme_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_LABEL,
  PROP_DISPLAY_LABEL,
  PROP_WEIGHT,
  PROP_MISSING_POLICY,
  PROP_BRACKETS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (KefuSchemeItem *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
bracket_notify_cb (KefuSchemeItem *self)
{
  emit_changed (self);
}

static void
notify_cb (KefuSchemeItem *self,
           GParamSpec     *pspec)
{
  /* Derived: its source already said so. */
  if (pspec != properties[PROP_DISPLAY_LABEL])
    emit_changed (self);
}

static void
kefu_scheme_item_dispose (GObject *object)
{
  KefuSchemeItem *self = KEFU_SCHEME_ITEM (object);

  g_clear_object (&self->brackets);

  G_OBJECT_CLASS (kefu_scheme_item_parent_class)->dispose (object);
}

static void
kefu_scheme_item_finalize (GObject *object)
{
  KefuSchemeItem *self = KEFU_SCHEME_ITEM (object);

  g_free (self->key);
  g_free (self->label);

  G_OBJECT_CLASS (kefu_scheme_item_parent_class)->finalize (object);
}

static void
kefu_scheme_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuSchemeItem *self = KEFU_SCHEME_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:           g_value_set_enum (value, self->kind); break;
    case PROP_KEY:            g_value_set_string (value, self->key); break;
    case PROP_LABEL:          g_value_set_string (value, self->label); break;
    case PROP_DISPLAY_LABEL:  g_value_set_string (value, kefu_scheme_item_get_display_label (self)); break;
    case PROP_WEIGHT:         g_value_set_double (value, self->weight); break;
    case PROP_MISSING_POLICY: g_value_set_enum (value, self->missing_policy); break;
    case PROP_BRACKETS:       g_value_set_object (value, self->brackets); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KefuSchemeItem *self = KEFU_SCHEME_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:           kefu_scheme_item_set_kind (self, g_value_get_enum (value)); break;
    case PROP_KEY:            kefu_scheme_item_set_key (self, g_value_get_string (value)); break;
    case PROP_LABEL:          kefu_scheme_item_set_label (self, g_value_get_string (value)); break;
    case PROP_WEIGHT:         kefu_scheme_item_set_weight (self, g_value_get_double (value)); break;
    case PROP_MISSING_POLICY: kefu_scheme_item_set_missing_policy (self, g_value_get_enum (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_item_class_init (KefuSchemeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kefu_scheme_item_dispose;
  object_class->finalize = kefu_scheme_item_finalize;
  object_class->get_property = kefu_scheme_item_get_property;
  object_class->set_property = kefu_scheme_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KEFU_TYPE_ITEM_KIND, KEFU_ITEM_KIND_METRIC, flags);
  /* A metric key of METRICS.md §3, or a manual item's id. */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, flags);
  /* NULL: the metric's translated label. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_LABEL] =
    g_param_spec_string ("display-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* In percent of the total. */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_MISSING_POLICY] =
    g_param_spec_enum ("missing-policy", NULL, NULL, KEFU_TYPE_MISSING_POLICY,
                       KEFU_MISSING_POLICY_INCOMPLETE, flags);
  /* A GListModel of KefuBracket, in the order the table shows them. */
  properties[PROP_BRACKETS] =
    g_param_spec_object ("brackets", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuSchemeItem::changed:
   *
   * The item or one of its rows changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_scheme_item_init (KefuSchemeItem *self)
{
  self->brackets = g_list_store_new (KEFU_TYPE_BRACKET);
  g_signal_connect (self, "notify", G_CALLBACK (notify_cb), NULL);
}

/**
 * kefu_scheme_item_new:
 * @key: (nullable): a metric key, or a manual item's id
 *
 * Returns: (transfer full): an item of weight 0 without rows
 */
KefuSchemeItem *
kefu_scheme_item_new (KefuItemKind  kind,
                      const char   *key)
{
  return g_object_new (KEFU_TYPE_SCHEME_ITEM, "kind", kind, "key", key, NULL);
}

/**
 * kefu_scheme_item_copy:
 *
 * Returns: (transfer full): a deep copy, rows included
 */
KefuSchemeItem *
kefu_scheme_item_copy (KefuSchemeItem *self)
{
  KefuSchemeItem *copy;

  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);

  copy = g_object_new (KEFU_TYPE_SCHEME_ITEM,
                       "kind", self->kind,
                       "key", self->key,
                       "label", self->label,
                       "weight", self->weight,
                       "missing-policy", self->missing_policy,
                       NULL);
  for (guint i = 0; i < kefu_scheme_item_get_n_brackets (self); i++)
    {
      g_autoptr(KefuBracket) bracket = kefu_bracket_copy (kefu_scheme_item_get_bracket (self, i));
      kefu_scheme_item_append_bracket (copy, bracket);
    }
  return copy;
}

KefuItemKind
kefu_scheme_item_get_kind (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), KEFU_ITEM_KIND_METRIC);
  return self->kind;
}

void
kefu_scheme_item_set_kind (KefuSchemeItem *self,
                           KefuItemKind    kind)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
kefu_scheme_item_get_key (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);
  return self->key;
}

void
kefu_scheme_item_set_key (KefuSchemeItem *self,
                          const char     *key)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));

  if (!kefu_set_str (&self->key, key))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
kefu_scheme_item_get_label (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);
  return self->label;
}

/**
 * kefu_scheme_item_set_label:
 * @label: (nullable): the name shown; %NULL or "" for the metric's own
 */
void
kefu_scheme_item_set_label (KefuSchemeItem *self,
                            const char     *label)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));

  if (label != NULL && *label == '\0')
    label = NULL;
  if (!kefu_set_str (&self->label, label))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kefu_scheme_item_get_display_label:
 *
 * Returns: the label, else the metric's translated label, else the key
 */
const char *
kefu_scheme_item_get_display_label (KefuSchemeItem *self)
{
  const KefuMetricInfo *info;

  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);

  if (self->label != NULL)
    return self->label;
  info = kefu_scheme_item_get_metric (self);
  if (info != NULL)
    return kefu_metric_get_label (info);
  return self->key != NULL ? self->key : "";
}

double
kefu_scheme_item_get_weight (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), 0);
  return self->weight;
}

void
kefu_scheme_item_set_weight (KefuSchemeItem *self,
                             double          weight)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));
  g_return_if_fail (isfinite (weight));

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

KefuMissingPolicy
kefu_scheme_item_get_missing_policy (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), KEFU_MISSING_POLICY_INCOMPLETE);
  return self->missing_policy;
}

void
kefu_scheme_item_set_missing_policy (KefuSchemeItem    *self,
                                     KefuMissingPolicy  policy)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));

  if (self->missing_policy == policy)
    return;

  self->missing_policy = policy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_POLICY]);
}

/**
 * kefu_scheme_item_get_metric:
 *
 * Returns: (nullable): the catalogue's entry of a metric item; %NULL for
 *   a manual item or an unknown key
 */
const KefuMetricInfo *
kefu_scheme_item_get_metric (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);

  if (self->kind != KEFU_ITEM_KIND_METRIC)
    return NULL;
  return kefu_metric_lookup (self->key);
}

/**
 * kefu_scheme_item_get_unit:
 *
 * Returns: the unit of the item's values and bounds: the metric's; for
 *   manual items (and unknown metrics) points, like a score at 0.01
 */
KefuUnit
kefu_scheme_item_get_unit (KefuSchemeItem *self)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (self);

  return info != NULL ? info->unit : KEFU_UNIT_SCORE;
}

void
_kefu_scheme_item_get_domain (KefuSchemeItem *self,
                              gint64         *min,
                              gint64         *max)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (self);
  KefuUnit unit = kefu_scheme_item_get_unit (self);

  *min = 0;
  *max = (gint64) 1 << 60;

  if (info == NULL)
    *max = kefu_unit_to_steps (unit, 100);             /* points 0–100 */
  else if (unit == KEFU_UNIT_FRACTION)
    *max = kefu_unit_to_steps (unit, 1);               /* 0–100 % */
  else if (unit == KEFU_UNIT_SCORE)
    {
      *min = kefu_unit_to_steps (unit, 1);             /* DSR 1–5 */
      *max = kefu_unit_to_steps (unit, 5);
    }
}

/**
 * kefu_scheme_item_get_brackets:
 *
 * Returns: (transfer none): a GListModel of #KefuBracket; change it with
 *   the item's functions
 */
GListModel *
kefu_scheme_item_get_brackets (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);
  return G_LIST_MODEL (self->brackets);
}

guint
kefu_scheme_item_get_n_brackets (KefuSchemeItem *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->brackets));
}

/**
 * kefu_scheme_item_get_bracket:
 *
 * Returns: (transfer none) (nullable): the row at @position
 */
KefuBracket *
kefu_scheme_item_get_bracket (KefuSchemeItem *self,
                              guint           position)
{
  g_autoptr(KefuBracket) bracket = NULL;

  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (self), NULL);

  bracket = g_list_model_get_item (G_LIST_MODEL (self->brackets), position);
  return bracket;   /* the list keeps a reference */
}

void
kefu_scheme_item_append_bracket (KefuSchemeItem *self,
                                 KefuBracket    *bracket)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));

  kefu_scheme_item_insert_bracket (self, kefu_scheme_item_get_n_brackets (self), bracket);
}

void
kefu_scheme_item_insert_bracket (KefuSchemeItem *self,
                                 guint           position,
                                 KefuBracket    *bracket)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));
  g_return_if_fail (KEFU_IS_BRACKET (bracket));
  g_return_if_fail (position <= kefu_scheme_item_get_n_brackets (self));

  g_signal_connect_object (bracket, "notify", G_CALLBACK (bracket_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->brackets, position, bracket);
  emit_changed (self);
}

void
kefu_scheme_item_remove_bracket (KefuSchemeItem *self,
                                 guint           position)
{
  KefuBracket *bracket;

  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));
  g_return_if_fail (position < kefu_scheme_item_get_n_brackets (self));

  bracket = kefu_scheme_item_get_bracket (self, position);
  g_signal_handlers_disconnect_by_func (bracket, bracket_notify_cb, self);
  g_list_store_remove (self->brackets, position);
  emit_changed (self);
}

/**
 * kefu_scheme_item_move_bracket:
 *
 * Moves the row at @from so that it ends up at @to.
 */
void
kefu_scheme_item_move_bracket (KefuSchemeItem *self,
                               guint           from,
                               guint           to)
{
  g_autoptr(KefuBracket) bracket = NULL;
  guint n;

  g_return_if_fail (KEFU_IS_SCHEME_ITEM (self));
  n = kefu_scheme_item_get_n_brackets (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  bracket = g_list_model_get_item (G_LIST_MODEL (self->brackets), from);
  g_list_store_remove (self->brackets, from);
  g_list_store_insert (self->brackets, to, bracket);
  emit_changed (self);
}
