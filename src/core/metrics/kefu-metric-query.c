/* kefu-metric-query.c — metric keys × agents × period → a KefuMetricTable
 *
 * Runs both roads over one read snapshot, then fills every cell of the
 * table: the platform's export when it has the metric (aggregated road),
 * else what the logs give (event road), else a missing reason. When both
 * have it, the export wins and a difference over 1 % becomes a note.
 *
 * The shop row (agent 0) takes the shop's own figures: shop-level
 * measures, else the logs (which see every buyer and silent orders too),
 * else — noted — the total of its agents' measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric-engine-private.h"
#include "metrics/kefu-metric-query.h"
#include "model/kefu-period.h"

#define M KEFU_SOURCE_MESSAGES
#define S KEFU_SOURCE_SESSIONS
#define O KEFU_SOURCE_ORDERS
#define R KEFU_SOURCE_REFUNDS
#define V KEFU_SOURCE_REVIEWS
#define SHOP_ONLY (1u << 30)   /* computed for the shop, never for an agent */
#define SELF      (1u << 31)   /* DSR: its own six months, there when rated */
#define SOURCE_BITS (M | S | O | R | V)

/* What the logs can give, and from which tables; other keys come only
 * from exports. sessions_received counts the session list when there is
 * one, else the conversations of the messages. */
static const struct {
  const char *key;
  guint32     sources;
} event_keys[] = {
  { "response_rate_30s", M }, { "response_rate_3min", M }, { "response_rate_5min", M },
  { "avg_response_time", M }, { "first_response_time", M }, { "effective_reply_rate", M },
  { "unreplied_buyers", M }, { "slow_responses", M }, { "qa_ratio", M },
  { "consult_buyers", M }, { "inquiry_buyers", M }, { "received_buyers", M },
  { "sessions_received", M | S }, { "transfer_sessions", S }, { "pickup_rate", S },
  { "avg_wait_time", S }, { "online_days", M }, { "messages_sent", M },
  { "inquiry_conversion_rate", M | O }, { "payment_rate", O }, { "agent_sales", O },
  { "unit_price", O }, { "unit_price_ratio", O }, { "items_per_buyer", O },
  { "repeat_purchase_rate", O },
  { "monthly_returns", R }, { "return_rate", O | R }, { "quality_return_rate", O | R },
  { "dispute_refund_rate", R }, { "dispute_refunds", R }, { "avg_refund_time", R },
  { "avg_aftersale_time", R }, { "refund_amount", R },
  { "satisfaction_rate", S }, { "dissatisfaction_rate", S },
  { "good_review_rate", V | SHOP_ONLY }, { "bad_review_rate", V | SHOP_ONLY },
  { "low_rating_orders", V | SHOP_ONLY },
  { "dsr_description", V | SHOP_ONLY | SELF }, { "dsr_service", V | SHOP_ONLY | SELF },
  { "dsr_logistics", V | SHOP_ONLY | SELF },
};

static const char * const source_kinds[KEFU_N_SOURCES] = {
  "messages", "sessions", "orders", "refunds", "reviews",
};

typedef struct
{
  gint64  id;
  char   *account;
  char   *name;
} Agent;

typedef enum
{
  ORIGIN_NONE,
  ORIGIN_EXPORT,
  ORIGIN_AGENTS_TOTAL,   /* the shop row, summed over the agents' exports */
  ORIGIN_EVENTS,
} Origin;

typedef struct
{
  KefuMetricContext     ctx;
  GArray               *agents;         /* Agent; dense index = position + 1 */
  const KefuMetricInfo *catalogue;
  guint32              *sources;        /* per catalogue index: event_keys' */
  KefuMetricTable      *table;
} Query;

static void
agent_clear (gpointer data)
{
  Agent *agent = data;

  g_free (agent->account);
  g_free (agent->name);
}

static guint32
event_sources (Query *q,
               int    m)
{
  return q->sources[m];
}

/* ——— coverage ——— */

static void
slot_days (Query  *q,
           guint   slot,
           gint64 *first,
           gint64 *last)
{
  KefuMetricContext *ctx = &q->ctx;

  if (ctx->grouping == KEFU_GROUP_DAY || ctx->grouping == KEFU_GROUP_AGENT_DAY)
    *first = *last = ctx->first_day + slot;
  else
    {
      *first = ctx->first_day;
      *last = ctx->first_day + ctx->n_days - 1;
    }
}

/* Whether the spans of @spans, together, cover every day of [first, last]. */
static gboolean
spans_cover (GArray *spans,
             gint64  first,
             gint64  last)
{
  gint64 until = first - 1;
  gboolean grew = TRUE;

  while (until < last && grew)
    {
      grew = FALSE;
      for (guint j = 0; j < spans->len; j++)
        {
          const KefuBatchSpan *span = &g_array_index (spans, KefuBatchSpan, j);

          if (span->first_day <= until + 1 && span->last_day > until)
            {
              until = span->last_day;
              grew = TRUE;
            }
        }
    }
  return until >= last;
}

/* Whether every source in @need has an import batch for some of the
 * slot's days: then no event there is a true zero. @whole says whether
 * they cover all of its days. Adds those batches to @batches. */
static gboolean
covers (Query    *q,
        guint32   need,
        guint     slot,
        GArray   *batches,
        gboolean *whole)
{
  gint64 first, last;

  slot_days (q, slot, &first, &last);
  if (whole != NULL)
    *whole = TRUE;
  for (guint i = 0; i < KEFU_N_SOURCES; i++)
    {
      GArray *spans = q->ctx.source_batches[i];
      gboolean found = FALSE;

      if (!(need & (1u << i)))
        continue;
      for (guint j = 0; j < spans->len; j++)
        {
          const KefuBatchSpan *span = &g_array_index (spans, KefuBatchSpan, j);

          if (span->first_day <= last && span->last_day >= first)
            {
              found = TRUE;
              if (batches != NULL)
                _kefu_batches_add (batches, span->id);
            }
        }
      if (!found)
        return FALSE;
      if (whole != NULL)
        *whole &= spans_cover (spans, first, last);
    }
  return TRUE;
}

static gboolean
load_batches (Query   *q,
              GError **error)
{
  KefuMetricContext *ctx = &q->ctx;
  g_autofree char *from = kefu_day_to_string (&ctx->from);
  g_autofree char *to = kefu_day_to_string (&ctx->to);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT id, kind, period_start, period_end FROM import_batch "
                              "WHERE shop_id = ?1 AND period_start <= ?3 AND period_end >= ?2 "
                              "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      KefuBatchSpan span = { sqlite3_column_int64 (stmt, 0) };

      if (!_kefu_metric_parse_day ((const char *) sqlite3_column_text (stmt, 2), &span.first_day) ||
          !_kefu_metric_parse_day ((const char *) sqlite3_column_text (stmt, 3), &span.last_day))
        continue;
      for (guint i = 0; i < KEFU_N_SOURCES; i++)
        if (g_strcmp0 (kind, source_kinds[i]) == 0)
          {
            g_array_append_val (ctx->source_batches[i], span);
            ctx->covered |= 1u << i;
          }
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (ctx->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* ——— values ——— */

static void
set_missing (KefuMetricValue   *value,
             KefuMetricMissing  missing)
{
  value->value = value->numerator = value->denominator = NAN;
  value->missing = missing;
}

/* A value from Σ numerator and Σ denominator. Totals from the logs have
 * one denominator: the period. */
static void
value_from_acc (KefuMetricValue      *value,
                const KefuMetricInfo *info,
                const KefuAcc        *acc,
                gboolean              from_events)
{
  *value = (KefuMetricValue) { 0 };
  value->estimated = acc->estimated;
  value->from_events = from_events;

  if (info->aggregate == KEFU_AGGREGATE_TOTAL)
    {
      value->value = value->numerator = acc->num;
      value->denominator = from_events ? 1 : acc->den;
    }
  else if (acc->den == 0)
    set_missing (value, KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  else
    {
      value->numerator = acc->num;
      value->denominator = acc->den;
      value->value = acc->num / acc->den;
    }
}

/* The shop's measure, else the sum of its agents' (flagged). */
static const KefuAcc *
export_acc (Query   *q,
            guint    agent,
            guint    slot,
            int      m,
            KefuAcc *total,
            Origin  *origin)
{
  KefuBucket *bucket = _kefu_sheet_peek (q->ctx.measures, agent, slot);

  *origin = ORIGIN_EXPORT;
  if (bucket != NULL && bucket->accs[m].n > 0)
    return &bucket->accs[m];
  if (agent != 0)
    return bucket != NULL ? &bucket->accs[m] : NULL;

  *total = (KefuAcc) { 0 };
  if (bucket != NULL)
    total->partial = bucket->accs[m].partial;
  for (guint a = 1; a < q->ctx.n_agents; a++)
    {
      KefuBucket *agent_bucket = _kefu_sheet_peek (q->ctx.measures, a, slot);
      const KefuAcc *acc;

      if (agent_bucket == NULL)
        continue;
      acc = &agent_bucket->accs[m];
      total->num += acc->num;
      total->den += acc->den;
      total->n += acc->n;
      total->estimated |= acc->estimated;
      total->partial |= acc->partial;
      for (guint i = 0; acc->batches != NULL && i < acc->batches->len; i++)
        _kefu_acc_add_batch (total, g_array_index (acc->batches, gint64, i));
    }
  *origin = total->n > 0 ? ORIGIN_AGENTS_TOTAL : ORIGIN_EXPORT;
  return total;
}

/* The logs' value, when they can speak for this cell; @whole says
 * whether they cover all of its days. */
static gboolean
event_value (Query           *q,
             guint            agent,
             guint            slot,
             int              m,
             KefuMetricValue *value,
             gboolean        *whole)
{
  guint32 need = event_sources (q, m);
  g_autoptr(GArray) batches = NULL;
  static const KefuAcc nothing = { 0 };
  KefuBucket *bucket;

  if ((need & SOURCE_BITS) == 0 || (agent != 0 && (need & SHOP_ONLY)))
    return FALSE;
  if ((need & (M | S)) == (M | S))
    need = covers (q, S, slot, NULL, NULL) ? S : M;
  bucket = _kefu_sheet_peek (need == S ? q->ctx.sessions : q->ctx.events, agent, slot);

  if (need & SELF)
    {
      if (bucket == NULL || bucket->accs[m].n == 0)
        return FALSE;
      *whole = TRUE;
    }
  else
    {
      KefuBucket *messages = _kefu_sheet_peek (q->ctx.events, agent, slot);
      KefuBucket *sessions = _kefu_sheet_peek (q->ctx.sessions, agent, slot);

      if (!covers (q, need & SOURCE_BITS, slot, NULL, whole))
        return FALSE;
      /* An agent the logs never mention may not be in them at all. */
      if (agent != 0 && !(messages != NULL && messages->touched) &&
          !(sessions != NULL && sessions->touched))
        return FALSE;
    }
  /* The logs' files, once the value is known to come from them: most
   * cells of a shop's export tables have no logs at all. */
  batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  covers (q, need & SOURCE_BITS, slot, batches, NULL);

  value_from_acc (value, &q->catalogue[m], bucket != NULL ? &bucket->accs[m] : &nothing, TRUE);
  if (batches->len > 0)
    value->batches = g_array_ref (batches);
  return TRUE;
}

static void
add_note (Query              *q,
          guint               row,
          const char         *key,
          KefuMetricNoteKind  kind,
          char               *message,
          double              export_value,
          double              event_value)
{
  KefuMetricNote note = { kind, key, message, export_value, event_value };

  kefu_metric_table_add_note (q->table, row, &note);
  g_free (message);
}

/* The cell's value by the precedence of the file's header comment. */
static Origin
resolve (Query           *q,
         guint            row,
         guint            agent,
         guint            slot,
         int              m,
         KefuMetricValue *value)
{
  const KefuMetricInfo *info = &q->catalogue[m];
  KefuMetricValue events = { 0 };
  gboolean whole = FALSE;
  gboolean have_events = event_value (q, agent, slot, m, &events, &whole);
  KefuAcc total = { 0 };
  Origin origin;
  const KefuAcc *acc = export_acc (q, agent, slot, m, &total, &origin);
  gboolean have_export = acc != NULL && acc->n > 0;

  /* The agents' total gives way only to logs of the whole period. */
  if (have_export && (origin == ORIGIN_EXPORT || !have_events || !whole))
    {
      value_from_acc (value, info, acc, FALSE);
      if (acc->batches != NULL)
        value->batches = g_array_ref (acc->batches);

      if (row != G_MAXUINT && origin == ORIGIN_AGENTS_TOTAL)
        add_note (q, row, info->key, KEFU_METRIC_NOTE_AGENTS_TOTAL,
                  g_strdup (_("The shop’s own figure is not in the imports: this is the total of its agents.")),
                  NAN, NAN);
      if (row != G_MAXUINT && acc->partial)
        add_note (q, row, info->key, KEFU_METRIC_NOTE_PARTIAL_PERIOD,
                  g_strdup (_("Figures that also cover days outside this period were left out: "
                              "they cannot be split.")), NAN, NAN);
      /* Logs of some days only would differ for that reason alone. */
      if (row != G_MAXUINT && origin == ORIGIN_EXPORT && have_events && whole &&
          value->missing == KEFU_METRIC_MISSING_NONE && events.missing == KEFU_METRIC_MISSING_NONE)
        {
          double difference = fabs (events.value - value->value);

          if (value->value == 0 ? difference > 0 : difference / fabs (value->value) > 0.01)
            add_note (q, row, info->key, KEFU_METRIC_NOTE_DISAGREEMENT,
                      g_strdup_printf (_("The export says %.6g; the chat and order logs give %.6g. "
                                         "The export’s figure is kept."),
                                       value->value, events.value),
                      value->value, events.value);
        }
      g_clear_pointer (&events.batches, g_array_unref);
      g_clear_pointer (&total.batches, g_array_unref);
      return origin;
    }

  g_clear_pointer (&total.batches, g_array_unref);
  if (have_events)
    {
      if (row != G_MAXUINT && !whole)
        add_note (q, row, info->key, KEFU_METRIC_NOTE_PARTIAL_PERIOD,
                  g_strdup (_("The imported logs cover only some days of this period.")), NAN, NAN);
      *value = events;
      return ORIGIN_EVENTS;
    }

  *value = (KefuMetricValue) { 0 };
  set_missing (value, acc != NULL && acc->partial ? KEFU_METRIC_MISSING_PARTIAL_PERIOD
                                                  : KEFU_METRIC_MISSING_NO_DATA);
  return ORIGIN_NONE;
}

static void
merge_batches (KefuMetricValue       *value,
               const KefuMetricValue *other)
{
  if (other->batches == NULL)
    return;
  if (value->batches == NULL)
    value->batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < other->batches->len; i++)
    _kefu_batches_add (value->batches, g_array_index (other->batches, gint64, i));
}

/* unit_price_ratio: the agent's own export figure, else the agent's unit
 * price over the shop's — a real shop figure, never the agents' total. */
static void
resolve_unit_price_ratio (Query           *q,
                          guint            row,
                          guint            agent,
                          guint            slot,
                          int              m,
                          KefuMetricValue *value)
{
  KefuBucket *bucket = _kefu_sheet_peek (q->ctx.measures, agent, slot);
  int unit_price = _kefu_metric_index ("unit_price");
  KefuMetricValue own = { 0 }, shop = { 0 };
  Origin shop_origin;

  if (agent != 0 && bucket != NULL && bucket->accs[m].n > 0)
    {
      resolve (q, row, agent, slot, m, value);
      return;
    }

  resolve (q, G_MAXUINT, agent, slot, unit_price, &own);
  shop_origin = resolve (q, G_MAXUINT, 0, slot, unit_price, &shop);

  *value = (KefuMetricValue) { 0 };
  if (own.missing != KEFU_METRIC_MISSING_NONE)
    set_missing (value, own.missing);
  else if (shop.missing != KEFU_METRIC_MISSING_NONE || shop_origin == ORIGIN_AGENTS_TOTAL)
    set_missing (value, KEFU_METRIC_MISSING_NO_SHOP_FIGURE);
  else if (shop.value == 0)
    set_missing (value, KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  else
    {
      value->numerator = own.value;
      value->denominator = shop.value;
      value->value = own.value / shop.value;
      value->estimated = own.estimated || shop.estimated;
      value->from_events = own.from_events || shop.from_events;
      value->batches = g_steal_pointer (&own.batches);
      merge_batches (value, &shop);
    }
  g_clear_pointer (&own.batches, g_array_unref);
  g_clear_pointer (&shop.batches, g_array_unref);
}

/* ——— the table ——— */

static void
add_row (Query  *q,
         guint   agent,
         guint   slot,
         GArray *keys)
{
  KefuMetricContext *ctx = &q->ctx;
  KefuMetricRowKey key = { 0 };
  int unit_price_ratio = _kefu_metric_index ("unit_price_ratio");
  guint row;

  g_date_clear (&key.day, 1);
  key.hour = -1;
  if (agent > 0)
    {
      const Agent *a = &g_array_index (q->agents, Agent, agent - 1);

      key.agent_id = a->id;
      key.agent_name = a->name;
      key.agent_account = a->account;
    }
  if (ctx->grouping == KEFU_GROUP_DAY || ctx->grouping == KEFU_GROUP_AGENT_DAY)
    g_date_set_julian (&key.day, (guint32) (ctx->first_day + slot + 719163));
  if (ctx->grouping == KEFU_GROUP_HOUR_WEEKDAY)
    {
      key.weekday = slot / 24 + 1;
      key.hour = slot % 24;
    }

  row = kefu_metric_table_add_row (q->table, &key);
  for (guint i = 0; i < keys->len; i++)
    {
      int m = g_array_index (keys, int, i);
      KefuMetricValue value = { 0 };

      if (m == unit_price_ratio)
        resolve_unit_price_ratio (q, row, agent, slot, m, &value);
      else
        resolve (q, row, agent, slot, m, &value);
      kefu_metric_table_set (q->table, row, q->catalogue[m].key, &value);
      g_clear_pointer (&value.batches, g_array_unref);
    }
}

static gboolean
load_agents (Query   *q,
             GError **error)
{
  KefuMetricContext *ctx = &q->ctx;
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  stmt = _kefu_store_prepare (ctx->store, "SELECT 1 FROM shop WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no shop number %ld in the database."), (long) ctx->shop_id);
      return FALSE;
    }

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT id, account, display_name FROM agent WHERE shop_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Agent agent = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
      };
      g_array_append_val (q->agents, agent);
    }
  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (ctx->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  ctx->n_agents = q->agents->len + 1;
  for (guint i = 0; i < q->agents->len; i++)
    g_hash_table_insert (ctx->agent_index, &g_array_index (q->agents, Agent, i).id,
                         GUINT_TO_POINTER (i + 1));
  return TRUE;
}

/* The catalogue indexes of @keys (NULL: all), unit_price_ratio's inputs
 * included in what the roads must compute. */
static GArray *
resolve_keys (Query              *q,
              const char * const *keys,
              GError            **error)
{
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_metrics;

  q->catalogue = kefu_metric_get_all (&n_metrics);
  q->sources = g_new0 (guint32, n_metrics);
  for (guint i = 0; i < G_N_ELEMENTS (event_keys); i++)
    q->sources[_kefu_metric_index (event_keys[i].key)] = event_keys[i].sources;

  for (guint i = 0; keys == NULL ? i < n_metrics : keys[i] != NULL; i++)
    {
      int m = keys == NULL ? (int) i : _kefu_metric_index (keys[i]);
      gboolean known = FALSE;

      if (m < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a metric Kefu knows; see the metric catalogue."), keys[i]);
          return NULL;
        }
      for (guint j = 0; j < indexes->len; j++)
        known |= g_array_index (indexes, int, j) == m;
      if (!known)
        g_array_append_val (indexes, m);
      q->ctx.wanted |= event_sources (q, m) & SOURCE_BITS;
    }
  return g_steal_pointer (&indexes);
}

static gboolean
run_roads (Query   *q,
           GError **error)
{
  KefuMetricContext *ctx = &q->ctx;

  return load_batches (q, error) &&
         _kefu_measure_aggregate (ctx, error) &&
         _kefu_event_stream (ctx, error) &&
         _kefu_event_sessions (ctx, error) &&
         _kefu_event_reviews (ctx, error);
}

/**
 * kefu_metric_query:
 * @shop_id: the shop
 * @from: the first day of the period, in the shop's time zone
 * @to: the last day, inclusive
 * @agent_ids: (nullable) (array length=n_agents): the agents to show; %NULL: all
 * @keys: (nullable) (array zero-terminated=1): metric keys; %NULL: every key
 * @settings: (nullable): %NULL for the defaults of METRICS.md
 *
 * Computes metrics for a shop, its agents and a period from whatever has
 * been imported. Every agent asked for gets a row even without data (its
 * values missing), and so does the shop (agent id 0); every cell has each
 * key, with a value or a reason why not.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
KefuMetricTable *
kefu_metric_query (KefuStore                 *store,
                   gint64                     shop_id,
                   const GDate               *from,
                   const GDate               *to,
                   const gint64              *agent_ids,
                   guint                      n_agents,
                   const char * const        *keys,
                   KefuGrouping               grouping,
                   const KefuMetricSettings  *settings,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  return _kefu_metric_query_turns (store, shop_id, from, to, agent_ids, n_agents, keys,
                                   grouping, settings, NULL, NULL, cancellable, error);
}

KefuMetricTable *
_kefu_metric_query_turns (KefuStore                 *store,
                          gint64                     shop_id,
                          const GDate               *from,
                          const GDate               *to,
                          const gint64              *agent_ids,
                          guint                      n_agents,
                          const char * const        *keys,
                          KefuGrouping               grouping,
                          const KefuMetricSettings  *settings,
                          KefuTurnFunc               turn_func,
                          gpointer                   turn_data,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GArray) indexes = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3 *db;
  gboolean ok;
  Query q = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (agent_ids != NULL || n_agents == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (settings != NULL)
    q.ctx.settings = *settings;
  else
    kefu_metric_settings_init (&q.ctx.settings);
  if (!kefu_metric_settings_validate (&q.ctx.settings, error))
    return NULL;
  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The period ends before it starts."));
      return NULL;
    }

  q.ctx.store = store;
  q.ctx.shop_id = shop_id;
  q.ctx.grouping = grouping;
  q.ctx.cancellable = cancellable;
  q.ctx.turn_func = turn_func;
  q.ctx.turn_data = turn_data;
  q.ctx.from = *from;
  q.ctx.to = *to;
  q.ctx.agent_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  q.agents = g_array_new (FALSE, FALSE, sizeof (Agent));
  g_array_set_clear_func (q.agents, agent_clear);

  ok = (indexes = resolve_keys (&q, keys, error)) != NULL &&
       load_agents (&q, error);

  /* The agents to show, by their dense index. */
  for (guint i = 0; ok && i < (agent_ids ? n_agents : q.agents->len); i++)
    {
      guint index = agent_ids ? _kefu_metric_agent (&q.ctx, agent_ids[i]) : i + 1;

      if (index == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The shop has no agent number %ld."), (long) agent_ids[i]);
          ok = FALSE;
        }
      else
        g_array_append_val (shown, index);
    }

  ok = ok && _kefu_metric_context_init (&q.ctx, error);

  /* One read snapshot for every query of both roads. */
  db = _kefu_store_get_db (store);
  if (ok)
    {
      sqlite3_exec (db, "SAVEPOINT kefu_metrics", NULL, NULL, NULL);
      ok = run_roads (&q, error);
      sqlite3_exec (db, "RELEASE kefu_metrics", NULL, NULL, NULL);
    }

  if (ok)
    {
      KefuMetricContext *ctx = &q.ctx;
      gboolean per_agent = grouping == KEFU_GROUP_AGENT || grouping == KEFU_GROUP_AGENT_DAY;

      q.table = kefu_metric_table_new (grouping, from, to);
      for (guint slot = 0; slot < ctx->n_slots; slot++)
        {
          add_row (&q, 0, slot, indexes);
          for (guint i = 0; per_agent && i < shown->len; i++)
            add_row (&q, g_array_index (shown, guint, i), slot, indexes);
        }
      kefu_metric_table_sort (q.table);
    }

  _kefu_metric_context_clear (&q.ctx);
  g_hash_table_unref (q.ctx.agent_index);
  g_array_unref (q.agents);
  g_free (q.sources);
  return q.table;
}

/* ——— comparisons ——— */

void
kefu_metric_comparison_get_period (KefuMetricComparison  comparison,
                                   const GDate          *from,
                                   const GDate          *to,
                                   GDate                *compare_from,
                                   GDate                *compare_to)
{
  guint n_days = g_date_days_between (from, to) + 1;

  *compare_from = *from;
  *compare_to = *to;
  switch (comparison)
    {
    case KEFU_COMPARE_PREVIOUS_PERIOD:
      g_date_subtract_days (compare_from, n_days);
      g_date_subtract_days (compare_to, n_days);
      break;
    case KEFU_COMPARE_LAST_WEEK:
      g_date_subtract_days (compare_from, 7);
      g_date_subtract_days (compare_to, 7);
      break;
    case KEFU_COMPARE_7_DAY_MEAN:
      *compare_to = *from;
      g_date_subtract_days (compare_from, 7);
      g_date_subtract_days (compare_to, 1);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * kefu_metric_query_compare:
 * @comparison: which period to compare [@from, @to] with
 *
 * Like kefu_metric_query(), for the period @comparison names. The 7-day
 * mean keeps ratios as Σ numerator ÷ Σ denominator over the 7 days and
 * scales totals to the length of [@from, @to] (numerator Σ, denominator
 * 7 ÷ days): by agent only.
 *
 * Returns: (transfer full): the comparison's table, or %NULL with @error set
 */
KefuMetricTable *
kefu_metric_query_compare (KefuStore                 *store,
                           gint64                     shop_id,
                           const GDate               *from,
                           const GDate               *to,
                           const gint64              *agent_ids,
                           guint                      n_agents,
                           const char * const        *keys,
                           KefuGrouping               grouping,
                           const KefuMetricSettings  *settings,
                           KefuMetricComparison       comparison,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_auto(GStrv) table_keys = NULL;
  GDate compare_from, compare_to;
  double days;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (comparison == KEFU_COMPARE_7_DAY_MEAN && grouping != KEFU_GROUP_AGENT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The 7-day mean is compared by agent only."));
      return NULL;
    }

  kefu_metric_comparison_get_period (comparison, from, to, &compare_from, &compare_to);
  table = kefu_metric_query (store, shop_id, &compare_from, &compare_to, agent_ids, n_agents,
                             keys, grouping, settings, cancellable, error);
  if (table == NULL || comparison != KEFU_COMPARE_7_DAY_MEAN)
    return g_steal_pointer (&table);

  days = g_date_days_between (from, to) + 1;
  table_keys = kefu_metric_table_get_keys (table);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    for (guint i = 0; table_keys[i] != NULL; i++)
      {
        const KefuMetricInfo *info = kefu_metric_lookup (table_keys[i]);
        KefuMetricValue value = *kefu_metric_table_get (table, row, table_keys[i]);

        if (info->aggregate != KEFU_AGGREGATE_TOTAL || value.missing != KEFU_METRIC_MISSING_NONE)
          continue;
        value.denominator = 7 / days;
        value.value = value.numerator / value.denominator;
        kefu_metric_table_set (table, row, table_keys[i], &value);
      }
  return g_steal_pointer (&table);
}

/**
 * kefu_metric_query_find_agent:
 * @name: an agent's account, or its display name when that is unique
 *
 * Returns: the agent's id, or 0 with @error set
 */
gint64
kefu_metric_query_find_agent (KefuStore   *store,
                              gint64       shop_id,
                              const char  *name,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint n = 0;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  /* The account first: display names may repeat across sub-accounts. */
  stmt = _kefu_store_prepare (store,
                              "SELECT id, account = ?2 FROM agent "
                              "WHERE shop_id = ?1 AND (account = ?2 OR display_name = ?2) "
                              "ORDER BY account = ?2 DESC, id",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, shop_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_int (stmt, 1))
        break;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _kefu_store_set_error (store, error);
      return 0;
    }
  if (n == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The shop has no agent “%s”."), name);
  else if (n > 1 && rc != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Several agents are called “%s”; name one by its account."), name);
      return 0;
    }
  return n > 0 ? id : 0;
}
