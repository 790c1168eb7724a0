/* kefu-metric-table.c — metric values per row (agent, day, hour…) and key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric-table.h"

typedef struct
{
  KefuMetricRowKey  key;
  char             *agent_name;
  char             *agent_account;
  char             *sort_key;    /* the agent's name collated; set when sorting */
  GPtrArray        *values;      /* KefuMetricValue* by the key's column; NULL: none */
  GPtrArray        *notes;       /* KefuMetricNote* */
} Row;

struct _KefuMetricTable
{
  GObject       parent_instance;

  KefuGrouping  grouping;
  GDate         from;
  GDate         to;
  GPtrArray    *rows;
  GHashTable   *keys;            /* every metric key set → its column + 1 */
};

G_DEFINE_FINAL_TYPE (KefuMetricTable, kefu_metric_table, G_TYPE_OBJECT)

const char *
kefu_metric_missing_to_string (KefuMetricMissing missing)
{
  switch (missing)
    {
    case KEFU_METRIC_MISSING_NONE:             return NULL;
    case KEFU_METRIC_MISSING_NO_DATA:          return "no-data";
    case KEFU_METRIC_MISSING_ZERO_DENOMINATOR: return "zero-denominator";
    case KEFU_METRIC_MISSING_NO_SHOP_FIGURE:   return "no-shop-figure";
    case KEFU_METRIC_MISSING_PARTIAL_PERIOD:   return "partial-period";
    default:                                   g_return_val_if_reached (NULL);
    }
}

const char *
kefu_metric_missing_describe (KefuMetricMissing missing)
{
  switch (missing)
    {
    case KEFU_METRIC_MISSING_NONE:
      return NULL;
    case KEFU_METRIC_MISSING_NO_DATA:
      return _("no imported data for this period");
    case KEFU_METRIC_MISSING_ZERO_DENOMINATOR:
      return _("nothing to divide by in this period (for example no inquiries)");
    case KEFU_METRIC_MISSING_NO_SHOP_FIGURE:
      return _("the shop’s own figure for the period is missing");
    case KEFU_METRIC_MISSING_PARTIAL_PERIOD:
      return _("the imported figures cover days outside this period and cannot be split");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
value_free (gpointer data)
{
  KefuMetricValue *value = data;

  if (value == NULL)
    return;
  g_clear_pointer (&value->batches, g_array_unref);
  g_free (value);
}

static void
note_free (gpointer data)
{
  KefuMetricNote *note = data;

  g_free ((char *) note->key);
  g_free ((char *) note->message);
  g_free (note);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->notes);
  g_free (row->agent_name);
  g_free (row->agent_account);
  g_free (row->sort_key);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
kefu_metric_table_finalize (GObject *object)
{
  KefuMetricTable *self = KEFU_METRIC_TABLE (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->keys);

  G_OBJECT_CLASS (kefu_metric_table_parent_class)->finalize (object);
}

static void
kefu_metric_table_class_init (KefuMetricTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_metric_table_finalize;
}

static void
kefu_metric_table_init (KefuMetricTable *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
}

KefuMetricTable *
kefu_metric_table_new (KefuGrouping  grouping,
                       const GDate  *from,
                       const GDate  *to)
{
  KefuMetricTable *self = g_object_new (KEFU_TYPE_METRIC_TABLE, NULL);

  self->grouping = grouping;
  if (from != NULL)
    self->from = *from;
  if (to != NULL)
    self->to = *to;
  return self;
}

KefuGrouping
kefu_metric_table_get_grouping (KefuMetricTable *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), KEFU_GROUP_AGENT);
  return self->grouping;
}

void
kefu_metric_table_get_period (KefuMetricTable *self,
                              GDate           *from,
                              GDate           *to)
{
  g_return_if_fail (KEFU_IS_METRIC_TABLE (self));
  *from = self->from;
  *to = self->to;
}

guint
kefu_metric_table_get_n_rows (KefuMetricTable *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), 0);
  return self->rows->len;
}

const KefuMetricRowKey *
kefu_metric_table_get_row (KefuMetricTable *self,
                           guint            row)
{
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &((Row *) g_ptr_array_index (self->rows, row))->key;
}

/* The first row of @agent_id (0: the shop), or -1. */
int
kefu_metric_table_find_agent (KefuMetricTable *self,
                              gint64           agent_id)
{
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), -1);

  for (guint i = 0; i < self->rows->len; i++)
    if (((Row *) g_ptr_array_index (self->rows, i))->key.agent_id == agent_id)
      return i;
  return -1;
}

const KefuMetricValue *
kefu_metric_table_get (KefuMetricTable *self,
                       guint            row,
                       const char      *key)
{
  GPtrArray *values;
  guint column;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  values = ((Row *) g_ptr_array_index (self->rows, row))->values;
  column = GPOINTER_TO_UINT (g_hash_table_lookup (self->keys, key));
  return column > 0 && column <= values->len ? g_ptr_array_index (values, column - 1) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the metric keys of the table, sorted */
GStrv
kefu_metric_table_get_keys (KefuMetricTable *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), NULL);

  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

guint
kefu_metric_table_add_row (KefuMetricTable        *self,
                           const KefuMetricRowKey *key)
{
  Row *row;

  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), 0);

  row = g_new0 (Row, 1);
  row->key = *key;
  row->agent_name = g_strdup (key->agent_name);
  row->agent_account = g_strdup (key->agent_account);
  row->key.agent_name = row->agent_name;
  row->key.agent_account = row->agent_account;
  /* By column: the table numbers its keys (self->keys), every row alike. */
  row->values = g_ptr_array_new_with_free_func (value_free);
  row->notes = g_ptr_array_new_with_free_func (note_free);
  g_ptr_array_add (self->rows, row);
  return self->rows->len - 1;
}

/* Stores a copy of @value (its batch list included) under @key. */
void
kefu_metric_table_set (KefuMetricTable       *self,
                       guint                  row,
                       const char            *key,
                       const KefuMetricValue *value)
{
  KefuMetricValue *copy;
  GPtrArray *values;
  guint column;

  g_return_if_fail (KEFU_IS_METRIC_TABLE (self));
  g_return_if_fail (row < self->rows->len);

  copy = g_memdup2 (value, sizeof *value);
  if (value->batches != NULL)
    copy->batches = g_array_ref (value->batches);

  column = GPOINTER_TO_UINT (g_hash_table_lookup (self->keys, key));
  if (column == 0)
    {
      column = g_hash_table_size (self->keys) + 1;
      g_hash_table_insert (self->keys, g_strdup (key), GUINT_TO_POINTER (column));
    }
  values = ((Row *) g_ptr_array_index (self->rows, row))->values;
  if (values->len < column)
    g_ptr_array_set_size (values, column);
  value_free (g_ptr_array_index (values, column - 1));
  g_ptr_array_index (values, column - 1) = copy;
}

GPtrArray *
kefu_metric_table_get_notes (KefuMetricTable *self,
                             guint            row)
{
  g_return_val_if_fail (KEFU_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return ((Row *) g_ptr_array_index (self->rows, row))->notes;
}

/* Stores a copy of @note on @row; notes move with their row when sorted. */
void
kefu_metric_table_add_note (KefuMetricTable      *self,
                            guint                 row,
                            const KefuMetricNote *note)
{
  KefuMetricNote *copy;

  g_return_if_fail (KEFU_IS_METRIC_TABLE (self));
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (note != NULL && note->key != NULL);

  copy = g_memdup2 (note, sizeof *note);
  copy->key = g_strdup (note->key);
  copy->message = g_strdup (note->message);
  g_ptr_array_add (((Row *) g_ptr_array_index (self->rows, row))->notes, copy);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = *(const Row * const *) a;
  const Row *y = *(const Row * const *) b;
  int order;

  /* The shop first, then agents by name (collated), then time. */
  if ((x->key.agent_id == 0) != (y->key.agent_id == 0))
    return x->key.agent_id == 0 ? -1 : 1;
  if (x->key.agent_id != y->key.agent_id)
    {
      order = strcmp (x->sort_key, y->sort_key);
      if (order != 0)
        return order;
      return x->key.agent_id < y->key.agent_id ? -1 : 1;
    }
  if (g_date_valid (&x->key.day) && g_date_valid (&y->key.day) &&
      (order = g_date_compare (&x->key.day, &y->key.day)) != 0)
    return order;
  if (x->key.weekday != y->key.weekday)
    return x->key.weekday - y->key.weekday;
  return x->key.hour - y->key.hour;
}

void
kefu_metric_table_sort (KefuMetricTable *self)
{
  /* name → its collation key, as a row holds it */
  g_autoptr(GHashTable) collated = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (KEFU_IS_METRIC_TABLE (self));

  /* Each name collated once, not at every comparison, nor for each of an
   * agent's days. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const char *name = row->agent_name ? row->agent_name : "";
      const char *known;

      if (row->sort_key != NULL)
        continue;
      known = g_hash_table_lookup (collated, name);
      row->sort_key = known != NULL ? g_strdup (known) : g_utf8_collate_key (name, -1);
      if (known == NULL)
        g_hash_table_insert (collated, (gpointer) name, row->sort_key);
    }
  g_ptr_array_sort (self->rows, compare_rows);
}
