/* kefu-scheme.c — a scoring scheme (考核方案): weighted items with bracket tables
 *
 * METRICS.md §5. A scheme is built in (data/schemes/, read-only in the
 * editor: copy it to change it), or the shop's own, stored in the
 * database (store-id > 0). Every change to the scheme, its items or their
 * rows emits ::changed, for live validation and recomputed reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scoring/kefu-scheme.h"
#include "kefu-set-str.h"

struct _KefuScheme
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *description;
  gint64      store_id;
  double      total_weight;
  GListStore *items;
  guint       builtin : 1;
  guint       draft : 1;
};

G_DEFINE_FINAL_TYPE (KefuScheme, kefu_scheme, G_TYPE_OBJECT)

G_DEFINE_QUARK (kefu-scheme-error-quark, kefu_scheme_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_BUILTIN,
  PROP_DRAFT,
  PROP_STORE_ID,
  PROP_TOTAL_WEIGHT,
  PROP_ITEMS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_total_weight (KefuScheme *self)
{
  double total = 0;

  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    total += kefu_scheme_item_get_weight (kefu_scheme_get_item (self, i));

  if (total == self->total_weight)
    return;
  self->total_weight = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_WEIGHT]);
}

static void
emit_changed (KefuScheme *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
item_changed_cb (KefuScheme *self)
{
  update_total_weight (self);
  emit_changed (self);
}

static void
notify_cb (KefuScheme *self,
           GParamSpec *pspec)
{
  if (pspec != properties[PROP_TOTAL_WEIGHT])
    emit_changed (self);
}

static void
kefu_scheme_dispose (GObject *object)
{
  KefuScheme *self = KEFU_SCHEME (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (kefu_scheme_parent_class)->dispose (object);
}

static void
kefu_scheme_finalize (GObject *object)
{
  KefuScheme *self = KEFU_SCHEME (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (kefu_scheme_parent_class)->finalize (object);
}

static void
kefu_scheme_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KefuScheme *self = KEFU_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_string (value, self->id); break;
    case PROP_NAME:         g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION:  g_value_set_string (value, self->description); break;
    case PROP_BUILTIN:      g_value_set_boolean (value, self->builtin); break;
    case PROP_DRAFT:        g_value_set_boolean (value, self->draft); break;
    case PROP_STORE_ID:     g_value_set_int64 (value, self->store_id); break;
    case PROP_TOTAL_WEIGHT: g_value_set_double (value, self->total_weight); break;
    case PROP_ITEMS:        g_value_set_object (value, self->items); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KefuScheme *self = KEFU_SCHEME (object);

  switch (prop_id)
    {
    case PROP_ID:          kefu_scheme_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME:        kefu_scheme_set_name (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: kefu_scheme_set_description (self, g_value_get_string (value)); break;
    case PROP_BUILTIN:     kefu_scheme_set_builtin (self, g_value_get_boolean (value)); break;
    case PROP_DRAFT:       kefu_scheme_set_draft (self, g_value_get_boolean (value)); break;
    case PROP_STORE_ID:    kefu_scheme_set_store_id (self, g_value_get_int64 (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_class_init (KefuSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kefu_scheme_dispose;
  object_class->finalize = kefu_scheme_finalize;
  object_class->get_property = kefu_scheme_get_property;
  object_class->set_property = kefu_scheme_set_property;

  /* Stable: womenswear-composite; a stored scheme keeps its file's id. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /* Shipped with Kefu: the editor shows it read-only. */
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  /* Saved with errors the validator found: kept, but not fit to score
   * with until they are fixed. */
  properties[PROP_DRAFT] =
    g_param_spec_boolean ("draft", NULL, NULL, FALSE, flags);
  /* The row of the database's scheme table; 0 when not stored. */
  properties[PROP_STORE_ID] =
    g_param_spec_int64 ("store-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Σ of the items' weights, in percent: 100 unless the validator warns. */
  properties[PROP_TOTAL_WEIGHT] =
    g_param_spec_double ("total-weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A GListModel of KefuSchemeItem. */
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuScheme::changed:
   *
   * The scheme, one of its items or one of their rows changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_scheme_init (KefuScheme *self)
{
  self->items = g_list_store_new (KEFU_TYPE_SCHEME_ITEM);
  g_signal_connect (self, "notify", G_CALLBACK (notify_cb), NULL);
}

/**
 * kefu_scheme_new:
 *
 * Returns: (transfer full): a scheme without items
 */
KefuScheme *
kefu_scheme_new (const char *id,
                 const char *name)
{
  return g_object_new (KEFU_TYPE_SCHEME, "id", id, "name", name, NULL);
}

/**
 * kefu_scheme_copy:
 *
 * Returns: (transfer full): a deep copy: changing it leaves @self alone
 */
KefuScheme *
kefu_scheme_copy (KefuScheme *self)
{
  KefuScheme *copy;

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  copy = g_object_new (KEFU_TYPE_SCHEME,
                       "id", self->id,
                       "name", self->name,
                       "description", self->description,
                       "builtin", self->builtin,
                       "draft", self->draft,
                       "store-id", self->store_id,
                       NULL);
  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      g_autoptr(KefuSchemeItem) item = kefu_scheme_item_copy (kefu_scheme_get_item (self, i));
      kefu_scheme_append_item (copy, item);
    }
  return copy;
}

const char *
kefu_scheme_get_id (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);
  return self->id;
}

void
kefu_scheme_set_id (KefuScheme *self,
                    const char *id)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  if (kefu_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kefu_scheme_get_name (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);
  return self->name;
}

void
kefu_scheme_set_name (KefuScheme *self,
                      const char *name)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  if (kefu_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kefu_scheme_get_description (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);
  return self->description;
}

void
kefu_scheme_set_description (KefuScheme *self,
                             const char *description)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  if (kefu_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
kefu_scheme_get_builtin (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), FALSE);
  return self->builtin;
}

void
kefu_scheme_set_builtin (KefuScheme *self,
                         gboolean    builtin)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  builtin = !!builtin;
  if (self->builtin == builtin)
    return;
  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

gboolean
kefu_scheme_get_draft (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), FALSE);
  return self->draft;
}

void
kefu_scheme_set_draft (KefuScheme *self,
                       gboolean    draft)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  draft = !!draft;
  if (self->draft == draft)
    return;
  self->draft = draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

gint64
kefu_scheme_get_store_id (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), 0);
  return self->store_id;
}

void
kefu_scheme_set_store_id (KefuScheme *self,
                          gint64      store_id)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));
  g_return_if_fail (store_id >= 0);

  if (self->store_id == store_id)
    return;
  self->store_id = store_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_ID]);
}

double
kefu_scheme_get_total_weight (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), 0);
  return self->total_weight;
}

/**
 * kefu_scheme_get_items:
 *
 * Returns: (transfer none): a GListModel of #KefuSchemeItem; change it
 *   with the scheme's functions
 */
GListModel *
kefu_scheme_get_items (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
kefu_scheme_get_n_items (KefuScheme *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * kefu_scheme_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @position
 */
KefuSchemeItem *
kefu_scheme_get_item (KefuScheme *self,
                      guint       position)
{
  g_autoptr(KefuSchemeItem) item = NULL;

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return item;   /* the list keeps a reference */
}

void
kefu_scheme_append_item (KefuScheme     *self,
                         KefuSchemeItem *item)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));

  kefu_scheme_insert_item (self, kefu_scheme_get_n_items (self), item);
}

void
kefu_scheme_insert_item (KefuScheme     *self,
                         guint           position,
                         KefuSchemeItem *item)
{
  g_return_if_fail (KEFU_IS_SCHEME (self));
  g_return_if_fail (KEFU_IS_SCHEME_ITEM (item));
  g_return_if_fail (position <= kefu_scheme_get_n_items (self));

  g_signal_connect_object (item, "changed", G_CALLBACK (item_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->items, position, item);
  item_changed_cb (self);
}

void
kefu_scheme_remove_item (KefuScheme *self,
                         guint       position)
{
  KefuSchemeItem *item;

  g_return_if_fail (KEFU_IS_SCHEME (self));
  g_return_if_fail (position < kefu_scheme_get_n_items (self));

  item = kefu_scheme_get_item (self, position);
  g_signal_handlers_disconnect_by_func (item, item_changed_cb, self);
  g_list_store_remove (self->items, position);
  item_changed_cb (self);
}

/**
 * kefu_scheme_move_item:
 *
 * Moves the item at @from so that it ends up at @to.
 */
void
kefu_scheme_move_item (KefuScheme *self,
                       guint       from,
                       guint       to)
{
  g_autoptr(KefuSchemeItem) item = NULL;
  guint n;

  g_return_if_fail (KEFU_IS_SCHEME (self));
  n = kefu_scheme_get_n_items (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
  emit_changed (self);
}

/**
 * kefu_scheme_assign:
 * @other: the scheme whose name, description, draft flag and items
 *   @self takes
 *
 * Makes @self a deep copy of @other in place, keeping its identity (id,
 * store id, built-in flag): what an editor's undo needs, as the views
 * bound to @self stay bound. The items change in one go, and ::changed
 * is emitted once.
 */
void
kefu_scheme_assign (KefuScheme *self,
                    KefuScheme *other)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old;

  g_return_if_fail (KEFU_IS_SCHEME (self));
  g_return_if_fail (KEFU_IS_SCHEME (other));

  if (self == other)
    return;

  for (guint i = 0; i < kefu_scheme_get_n_items (other); i++)
    g_ptr_array_add (items, kefu_scheme_item_copy (kefu_scheme_get_item (other, i)));

  g_signal_handlers_block_by_func (self, notify_cb, NULL);
  g_object_freeze_notify (G_OBJECT (self));
  kefu_scheme_set_name (self, other->name);
  kefu_scheme_set_description (self, other->description);
  kefu_scheme_set_draft (self, other->draft);

  n_old = kefu_scheme_get_n_items (self);
  for (guint i = 0; i < n_old; i++)
    g_signal_handlers_disconnect_by_func (kefu_scheme_get_item (self, i), item_changed_cb, self);
  for (guint i = 0; i < items->len; i++)
    g_signal_connect_object (items->pdata[i], "changed", G_CALLBACK (item_changed_cb),
                             self, G_CONNECT_SWAPPED);
  g_list_store_splice (self->items, 0, n_old, items->pdata, items->len);
  update_total_weight (self);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_handlers_unblock_by_func (self, notify_cb, NULL);

  emit_changed (self);
}

/**
 * kefu_scheme_find_item:
 *
 * Returns: (transfer none) (nullable): the first item of @kind and @key
 */
KefuSchemeItem *
kefu_scheme_find_item (KefuScheme   *self,
                       KefuItemKind  kind,
                       const char   *key)
{
  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (self, i);

      if (kefu_scheme_item_get_kind (item) == kind &&
          g_strcmp0 (kefu_scheme_item_get_key (item), key) == 0)
        return item;
    }
  return NULL;
}

/**
 * kefu_scheme_get_metric_keys:
 *
 * Returns: (transfer full): the metric keys the scheme scores, in item
 *   order, each once, unknown keys left out — what to ask the metric
 *   engine for
 */
GStrv
kefu_scheme_get_metric_keys (KefuScheme *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (self, i);
      const char *key = kefu_scheme_item_get_key (item);

      if (kefu_scheme_item_get_kind (item) != KEFU_ITEM_KIND_METRIC ||
          kefu_metric_lookup (key) == NULL ||    /* the validator reports it */
          !g_hash_table_add (seen, (gpointer) key))
        continue;
      g_strv_builder_add (builder, key);
    }
  return g_strv_builder_end (builder);
}
