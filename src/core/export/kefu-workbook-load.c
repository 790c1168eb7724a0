/* kefu-workbook-load.c — what the workbook reads from the store
 *
 * The report carries the scores; the workbook also shows the shop's name,
 * the period's values with their numerators, denominators and source
 * files (kefu_metric_query() by agent), and each day's values (by agent
 * and day) for the Details sheet and the trend charts. Only the period's
 * values name their source files in the workbook, so only their files'
 * names are read.
 *
 * The period's values are read in a thread with a connection of its own
 * to the same database (SQLite's WAL lets readers run side by side)
 * while the calling thread reads the days', the larger table (a row per
 * agent and day). kefu_workbook_new_from_store() scores the period
 * itself, so that the report and the workbook share one query of the
 * period's values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export/kefu-workbook-private.h"
#include "metrics/kefu-metric-query.h"
#include "model/kefu-shop.h"

/* The period's values, read in a thread of their own. */
typedef struct
{
  GThread            *thread;
  char               *path;
  gint64              shop_id;
  GStrv               keys;
  GDate               from;
  GDate               to;
  KefuMetricSettings  settings;
  gboolean            has_settings;
  GCancellable       *cancellable;
  /* Set by the thread. */
  KefuMetricTable    *table;
} PeriodQuery;

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

static gpointer
period_thread (gpointer data)
{
  PeriodQuery *query = data;
  g_autoptr(KefuStore) store = kefu_store_open (query->path, NULL);

  if (store != NULL)
    query->table = kefu_metric_query (store, query->shop_id, &query->from, &query->to, NULL, 0,
                                      (const char * const *) query->keys, KEFU_GROUP_AGENT,
                                      query->has_settings ? &query->settings : NULL,
                                      query->cancellable, NULL);
  return NULL;
}

static void
period_query_free (PeriodQuery *query)
{
  if (query->thread != NULL)
    g_thread_join (query->thread);
  g_clear_object (&query->table);
  g_clear_object (&query->cancellable);
  g_strfreev (query->keys);
  g_free ((char *) query->settings.time_zone);
  g_free (query->path);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeriodQuery, period_query_free)

/* Starts reading the period's values in a thread; NULL when the database
 * is not a file another connection can open. */
static PeriodQuery *
start_period (KefuStore                *store,
              gint64                    shop_id,
              GStrv                     keys,
              const GDate              *from,
              const GDate              *to,
              const KefuMetricSettings *settings,
              GCancellable             *cancellable)
{
  g_autoptr(PeriodQuery) query = g_new0 (PeriodQuery, 1);
  const char *path = kefu_store_get_path (store);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  query->path = g_strdup (path);
  query->shop_id = shop_id;
  query->keys = g_strdupv (keys);
  query->from = *from;
  query->to = *to;
  if (settings != NULL)
    {
      query->settings = *settings;
      query->settings.time_zone = g_strdup (settings->time_zone);
      query->has_settings = TRUE;
    }
  query->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  query->thread = g_thread_try_new ("kefu-workbook-period", period_thread, query, NULL);
  return query->thread != NULL ? g_steal_pointer (&query) : NULL;
}

/* The period's values by agent and each day's by agent and day, read
 * side by side; the period's again with @store's connection when the
 * thread could not read them. */
static gboolean
query_tables (KefuStore                 *store,
              gint64                     shop_id,
              GStrv                      keys,
              const GDate               *from,
              const GDate               *to,
              const KefuMetricSettings  *settings,
              GCancellable              *cancellable,
              KefuMetricTable          **period,
              KefuMetricTable          **daily,
              GError                   **error)
{
  g_autoptr(PeriodQuery) query = start_period (store, shop_id, keys, from, to, settings, cancellable);

  *daily = kefu_metric_query (store, shop_id, from, to, NULL, 0, (const char * const *) keys,
                              KEFU_GROUP_AGENT_DAY, settings, cancellable, error);
  if (*daily == NULL)
    return FALSE;

  if (query != NULL)
    {
      g_thread_join (g_steal_pointer (&query->thread));
      *period = g_steal_pointer (&query->table);
    }
  if (*period == NULL)
    *period = kefu_metric_query (store, shop_id, from, to, NULL, 0, (const char * const *) keys,
                                 KEFU_GROUP_AGENT, settings, cancellable, error);
  if (*period == NULL)
    {
      g_clear_object (daily);
      return FALSE;
    }
  return TRUE;
}

/* The tables, the names of the files of the period's values, and those
 * names with the shop's buyers masked. */
static gboolean
set_tables (KefuWorkbook     *self,
            KefuStore        *store,
            gint64            shop_id,
            KefuMetricTable  *period,
            KefuMetricTable  *daily,
            GError          **error)
{
  _kefu_workbook_set_tables (self, period, daily);
  add_batches (_kefu_workbook_get_batch_names (self), store, period);
  return mask_names (self, store, shop_id, error);
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
  KefuScoreReport *report;
  g_autoptr(KefuMetricTable) period = NULL;
  g_autoptr(KefuMetricTable) daily = NULL;
  g_auto(GStrv) keys = NULL;
  GDate from, to;

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);

  report = kefu_workbook_get_report (self);
  if (!load_shop_name (self, store, shop_id, error))
    return FALSE;
  keys = kefu_scheme_get_metric_keys (kefu_score_report_get_scheme (report));
  if (keys == NULL || keys[0] == NULL)
    return TRUE;   /* manual items only: nothing by day */

  kefu_score_report_get_period (report, &from, &to);
  return query_tables (store, shop_id, keys, &from, &to, settings, cancellable, &period, &daily, error) &&
         set_tables (self, store, shop_id, period, daily, error);
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
 * values for both, read beside the daily values.
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
  g_autoptr(KefuMetricTable) period = NULL;
  g_autoptr(KefuMetricTable) daily = NULL;
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
    {
      if (!query_tables (store, shop_id, keys, from, to, settings, cancellable, &period, &daily, error))
        return NULL;
    }
  else
    {
      /* Manual items only: nothing by day, but the agents' rows. */
      period = kefu_metric_query (store, shop_id, from, to, NULL, 0, (const char * const *) keys,
                                  KEFU_GROUP_AGENT, settings, cancellable, error);
      if (period == NULL)
        return NULL;
    }

  scores = kefu_store_load_manual_scores (store, kefu_scheme_get_store_id (scheme), from, to, error);
  if (scores == NULL)
    return NULL;
  if (manual != NULL)
    kefu_manual_scores_merge (scores, manual);

  report = kefu_score_report_new (scheme, period, scores);
  self = kefu_workbook_new (report);
  if (!load_shop_name (self, store, shop_id, error) ||
      !set_tables (self, store, shop_id, period, daily, error))
    return NULL;
  return g_steal_pointer (&self);
}
