/* kefu-workbook-load.c — what the workbook reads from the store
 *
 * The report carries the scores; the workbook also shows the shop's name,
 * the period's values with their numerators, denominators and source
 * files (kefu_metric_query() by agent), and each day's values (by agent
 * and day) for the Details sheet and the trend charts. Only the period's
 * values name their source files in the workbook, so only their files'
 * names are read.
 *
 * kefu_workbook_new_from_store() scores the period itself, so that the
 * report and the workbook share one query of the period's values, and
 * reads the daily values meanwhile, in a thread with a connection of its
 * own to the same database (SQLite's WAL lets readers run side by side):
 * the Summary and Scheme sheets are written while it finishes, and the
 * Details sheet waits for it (_kefu_workbook_finish_loading()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export/kefu-workbook-private.h"
#include "metrics/kefu-metric-query.h"
#include "model/kefu-shop.h"

struct _KefuWorkbookPending
{
  GThread            *thread;
  KefuStore          *store;          /* the caller's: to read again if the thread could not */
  char               *path;
  gint64              shop_id;
  GStrv               keys;
  GDate               from;
  GDate               to;
  KefuMetricSettings  settings;
  gboolean            has_settings;
  GCancellable       *cancellable;
  /* Set by the thread. */
  KefuMetricTable    *daily;
};

/* The names of the files @table's values came from, into @names. */
static void
add_batches (GHashTable      *names,
             KefuStore       *store,
             KefuMetricTable *table)
{
  g_auto(GStrv) keys = kefu_metric_table_get_keys (table);

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    for (guint k = 0; keys[k] != NULL; k++)
      {
        const KefuMetricValue *value = kefu_metric_table_get (table, row, keys[k]);

        for (guint i = 0; value != NULL && value->batches != NULL && i < value->batches->len; i++)
          {
            gint64 id = g_array_index (value->batches, gint64, i);

            if (!g_hash_table_contains (names, &id))
              g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                                   kefu_store_get_batch_file_name (store, id));
          }
      }
}

/* The files' names are the only texts the workbook takes from the
 * imports beside the agents' names, and a chat log exported per buyer is
 * named after the buyer: the names that have a buyer of the shop in
 * them are kept masked too, for a workbook written with mask-buyers. */
static gboolean
mask_names (KefuWorkbook  *self,
            KefuStore     *store,
            gint64         shop_id,
            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) candidates = NULL;
  g_auto(GStrv) buyers = NULL;
  GHashTableIter iter;
  gpointer id, name;

  g_hash_table_iter_init (&iter, _kefu_workbook_get_batch_names (self));
  while (g_hash_table_iter_next (&iter, NULL, &name))
    {
      g_auto(GStrv) parts = _kefu_workbook_buyer_candidates (name);

      g_strv_builder_addv (builder, (const char **) parts);
    }
  candidates = g_strv_builder_end (builder);
  if (candidates[0] == NULL)
    return TRUE;
  buyers = kefu_store_find_buyers (store, shop_id, (const char * const *) candidates, error);
  if (buyers == NULL)
    return FALSE;
  if (buyers[0] == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, _kefu_workbook_get_batch_names (self));
  while (g_hash_table_iter_next (&iter, &id, &name))
    {
      g_autofree char *masked = _kefu_workbook_mask_buyers_in (name, (const char * const *) buyers);

      if (g_strcmp0 (masked, name) != 0)
        g_hash_table_replace (_kefu_workbook_get_masked_names (self),
                              g_memdup2 (id, sizeof (gint64)), g_steal_pointer (&masked));
    }
  return TRUE;
}

static gboolean
load_shop_name (KefuWorkbook  *self,
                KefuStore     *store,
                gint64         shop_id,
                GError       **error)
{
  g_autoptr(GListModel) shops = kefu_store_list_shops (store, error);

  if (shops == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (shops); i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);

      if (kefu_shop_get_id (shop) == shop_id)
        kefu_workbook_set_shop_name (self, kefu_shop_get_name (shop));
    }
  return TRUE;
}

static KefuMetricTable *
query (KefuWorkbook              *self,
       KefuStore                 *store,
       gint64                     shop_id,
       KefuGrouping               grouping,
       const KefuMetricSettings  *settings,
       GCancellable              *cancellable,
       GError                   **error)
{
  KefuScoreReport *report = kefu_workbook_get_report (self);
  g_auto(GStrv) keys = kefu_scheme_get_metric_keys (kefu_score_report_get_scheme (report));
  g_autoptr(KefuMetricTable) table = NULL;
  GDate from, to;

  kefu_score_report_get_period (report, &from, &to);
  table = kefu_metric_query (store, shop_id, &from, &to, NULL, 0, (const char * const *) keys,
                             grouping, settings, cancellable, error);
  if (table != NULL && grouping == KEFU_GROUP_AGENT)
    add_batches (_kefu_workbook_get_batch_names (self), store, table);
  return g_steal_pointer (&table);
}

/* Whether the scheme has metric items at all: manual items have no
 * values to read. */
static gboolean
has_metrics (KefuWorkbook *self)
{
  g_auto(GStrv) keys =
    kefu_scheme_get_metric_keys (kefu_score_report_get_scheme (kefu_workbook_get_report (self)));

  return keys != NULL && keys[0] != NULL;
}

/**
 * kefu_workbook_load:
 * @shop_id: the shop the report scored
 * @settings: (nullable): the metric settings the report was made with
 *
 * Reads what the report does not carry: the shop's name, the period's
 * values with their provenance, and each day's values (kefu_metric_query()
 * by agent and day) for the Details sheet and the trend charts.
 */
gboolean
kefu_workbook_load (KefuWorkbook              *self,
                    KefuStore                 *store,
                    gint64                     shop_id,
                    const KefuMetricSettings  *settings,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  g_autoptr(KefuMetricTable) period = NULL;
  g_autoptr(KefuMetricTable) daily = NULL;

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);

  if (!load_shop_name (self, store, shop_id, error))
    return FALSE;
  if (!has_metrics (self))
    return TRUE;   /* manual items only: nothing by day */

  period = query (self, store, shop_id, KEFU_GROUP_AGENT, settings, cancellable, error);
  if (period == NULL)
    return FALSE;
  daily = query (self, store, shop_id, KEFU_GROUP_AGENT_DAY, settings, cancellable, error);
  if (daily == NULL)
    return FALSE;
  _kefu_workbook_set_tables (self, period, daily);
  return mask_names (self, store, shop_id, error);
}

static gpointer
daily_thread (gpointer data)
{
  KefuWorkbookPending *pending = data;
  g_autoptr(KefuStore) store = kefu_store_open (pending->path, NULL);

  if (store == NULL)
    return NULL;
  pending->daily = kefu_metric_query (store, pending->shop_id, &pending->from, &pending->to, NULL, 0,
                                      (const char * const *) pending->keys, KEFU_GROUP_AGENT_DAY,
                                      pending->has_settings ? &pending->settings : NULL,
                                      pending->cancellable, NULL);
  return NULL;
}

void
_kefu_workbook_pending_free (KefuWorkbookPending *pending)
{
  if (pending == NULL)
    return;
  if (pending->thread != NULL)
    g_thread_join (pending->thread);
  g_clear_object (&pending->store);
  g_clear_object (&pending->daily);
  g_clear_object (&pending->cancellable);
  g_strfreev (pending->keys);
  g_free ((char *) pending->settings.time_zone);
  g_free (pending->path);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuWorkbookPending, _kefu_workbook_pending_free)

/* Starts reading the daily values in a thread; NULL when the database is
 * not a file another connection can open. */
static KefuWorkbookPending *
start_daily (KefuStore                *store,
             gint64                    shop_id,
             KefuScheme               *scheme,
             const GDate              *from,
             const GDate              *to,
             const KefuMetricSettings *settings,
             GCancellable             *cancellable)
{
  g_autoptr(KefuWorkbookPending) pending = g_new0 (KefuWorkbookPending, 1);
  const char *path = kefu_store_get_path (store);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  pending->store = g_object_ref (store);
  pending->path = g_strdup (path);
  pending->shop_id = shop_id;
  pending->keys = kefu_scheme_get_metric_keys (scheme);
  pending->from = *from;
  pending->to = *to;
  if (settings != NULL)
    {
      pending->settings = *settings;
      pending->settings.time_zone = g_strdup (settings->time_zone);
      pending->has_settings = TRUE;
    }
  pending->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  pending->thread = g_thread_try_new ("kefu-workbook-daily", daily_thread, pending, NULL);
  return pending->thread != NULL ? g_steal_pointer (&pending) : NULL;
}

/**
 * _kefu_workbook_finish_loading:
 *
 * Waits for the daily values kefu_workbook_new_from_store() is still
 * reading, if any; reads them with the caller's connection when the
 * thread could not.
 */
gboolean
_kefu_workbook_finish_loading (KefuWorkbook  *self,
                               GError       **error)
{
  g_autoptr(KefuWorkbookPending) pending = _kefu_workbook_steal_pending (self);
  g_autoptr(KefuMetricTable) daily = NULL;

  if (pending == NULL)
    return TRUE;

  g_thread_join (g_steal_pointer (&pending->thread));
  if (pending->daily == NULL)
    {
      daily = query (self, pending->store, pending->shop_id, KEFU_GROUP_AGENT_DAY,
                     pending->has_settings ? &pending->settings : NULL, pending->cancellable, error);
      if (daily == NULL)
        return FALSE;
    }
  _kefu_workbook_set_tables (self, NULL, daily != NULL ? daily : pending->daily);
  return TRUE;
}

/**
 * kefu_workbook_new_from_store:
 * @shop_id: the shop whose agents are scored
 * @settings: (nullable): the metric definitions' settings; %NULL for the defaults
 * @manual: (nullable): points given by hand, over those stored with the scheme
 *
 * What kefu-cli export does: scores the period as
 * kefu_score_report_new_from_store() does — the metric engine's values by
 * agent, the manual scores stored with the scheme for exactly that period
 * and @manual's — and loads the workbook, with one query of the period's
 * values for both; the daily values are read meanwhile, and are waited for
 * when the workbook is written.
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error set
 */
KefuWorkbook *
kefu_workbook_new_from_store (KefuStore                 *store,
                              gint64                     shop_id,
                              KefuScheme                *scheme,
                              const GDate               *from,
                              const GDate               *to,
                              const KefuMetricSettings  *settings,
                              KefuManualScores          *manual,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autoptr(KefuWorkbookPending) pending = NULL;
  g_autoptr(KefuMetricTable) period = NULL;
  g_autoptr(KefuManualScores) scores = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  g_autoptr(KefuWorkbook) self = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (KEFU_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (manual == NULL || KEFU_IS_MANUAL_SCORES (manual), NULL);

  keys = kefu_scheme_get_metric_keys (scheme);
  if (keys != NULL && keys[0] != NULL)
    pending = start_daily (store, shop_id, scheme, from, to, settings, cancellable);

  period = kefu_metric_query (store, shop_id, from, to, NULL, 0, (const char * const *) keys,
                              KEFU_GROUP_AGENT, settings, cancellable, error);
  if (period == NULL)
    return NULL;

  scores = kefu_store_load_manual_scores (store, kefu_scheme_get_store_id (scheme), from, to, error);
  if (scores == NULL)
    return NULL;
  if (manual != NULL)
    kefu_manual_scores_merge (scores, manual);

  report = kefu_score_report_new (scheme, period, scores);
  self = kefu_workbook_new (report);
  if (!load_shop_name (self, store, shop_id, error))
    return NULL;
  add_batches (_kefu_workbook_get_batch_names (self), store, period);
  _kefu_workbook_set_tables (self, period, NULL);
  if (!mask_names (self, store, shop_id, error))
    return NULL;

  if (pending != NULL)
    _kefu_workbook_set_pending (self, g_steal_pointer (&pending));
  else if (keys != NULL && keys[0] != NULL)
    {
      g_autoptr(KefuMetricTable) daily = query (self, store, shop_id, KEFU_GROUP_AGENT_DAY,
                                                settings, cancellable, error);

      if (daily == NULL)
        return NULL;
      _kefu_workbook_set_tables (self, NULL, daily);
    }
  return g_steal_pointer (&self);
}
