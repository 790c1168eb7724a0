/* kefu-event-metrics.c — the event-log road: messages and orders, buyer by buyer
 *
 * Messages ordered by (buyer, time) and orders by buyer come merged by
 * buyer from the feed (kefu-event-feed.c, which reads them in threads):
 * one buyer's orders (a handful) first, sorted here by time, then the
 * buyer's messages stream through a small state machine (METRICS.md §1):
 *
 *  - a turn is a run of buyer messages up to the first manual agent reply,
 *    which answers it; robot, auto and system messages never answer;
 *  - a conversation starts when the buyer writes more than the gap after
 *    the previous message (of anyone) and their previous turn was answered;
 *  - an order is attributed to the agent of the buyer's last manual reply
 *    placed before it within the conversion window, unless the export
 *    names its agent; otherwise it is silent and the shop's only.
 *
 * Counts of distinct buyers are kept per buyer as "units" and emitted when
 * the buyer is done, so memory holds one buyer, never a month of messages.
 * Turns and messages of the period are the ones that start in it; the
 * stream also reads the conversion window before it (for attribution and
 * the state at its start) and, for turns still open at its end, answers up
 * to ANSWER_LOOKAHEAD after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "metrics/kefu-event-feed.h"
#include "metrics/kefu-metric-engine-private.h"

#define ANSWER_LOOKAHEAD (3 * 86400)

/* The metrics this road fills, by position in stream_keys. */
enum
{
  K_RATE_30S, K_RATE_3MIN, K_RATE_5MIN, K_AVG_RESPONSE, K_FIRST_RESPONSE,
  K_EFFECTIVE, K_UNREPLIED, K_SLOW, K_QA, K_CONSULT, K_INQUIRY, K_RECEIVED,
  K_SESSIONS, K_ONLINE, K_MESSAGES, K_CONVERSION, K_PAYMENT, K_SALES,
  K_UNIT_PRICE, K_ITEMS, K_REPEAT, K_RETURN_RATE, K_QUALITY_RETURN,
  N_KEYS
};

static const char * const stream_keys[N_KEYS] = {
  "response_rate_30s", "response_rate_3min", "response_rate_5min", "avg_response_time",
  "first_response_time", "effective_reply_rate", "unreplied_buyers", "slow_responses",
  "qa_ratio", "consult_buyers", "inquiry_buyers", "received_buyers", "sessions_received",
  "online_days", "messages_sent", "inquiry_conversion_rate", "payment_rate", "agent_sales",
  "unit_price", "items_per_buyer", "repeat_purchase_rate", "return_rate", "quality_return_rate",
};

/* A per-buyer count of one buyer (or buyer-day) for one agent and slot. */
typedef enum
{
  UNIT_CONSULT,
  UNIT_INQUIRY,     /* first: the buyer's first turn start there */
  UNIT_RECEIVED,
  UNIT_UNREPLIED,
  UNIT_EFFECTIVE,   /* per day; ok: every turn answered within the limit */
  UNIT_PAYING,      /* count: paid orders; ok: some with a known item count */
} UnitKind;

typedef struct
{
  UnitKind  kind;
  guint     agent;
  guint     slot;
  gint64    day;
  gint64    first;
  guint     count;
  gboolean  ok;
} Unit;

typedef struct
{
  gint64    id;
  gint64    time;       /* placed, else paid */
  gint64    paid_at;    /* 0: not paid */
  double    amount;     /* NAN: unknown */
  gint64    items;      /* -1: unknown */
  gint64    agent_id;   /* the export's attribution; 0: none */
  gpointer  refunds;    /* its refunds in the period, or NULL */
} Order;

typedef struct
{
  KefuMetricContext *ctx;
  KefuSheet         *sheet;
  int                k[N_KEYS];
  gint64             window;       /* the conversion window, seconds */
  KefuRefunds       *refunds;
  guint8            *online;       /* bits: (agent, slot, day of the period) had a manual message */

  /* The buyer being read. */
  GArray            *orders;       /* Order, by time */
  guint              next_order;
  GArray            *units;        /* Unit */
  gint64             last_message;
  gboolean           has_reply;
  gint64             last_reply;
  guint              last_reply_agent;

  /* The buyer's open turn. */
  gboolean           turn_open;
  gint64             turn_start;
  guint              turn_hint;    /* the agent the export puts on its buyer messages */
  gboolean           turn_first;   /* the first turn of its conversation */
  guint              turn_in_period;
  gint64             turn_first_in_period;

  /* The buyer's conversation. */
  gboolean           conv_open;
  gint64             conv_start;
  guint              conv_agent;   /* who last replied in it */
  gboolean           conv_replied;
  GArray            *conv_agents;  /* guint: every agent who replied in it */
} Stream;

/* The accumulators an event adds to: the shop's and, unless the event is
 * the shop's only, its agent's. */
typedef struct
{
  KefuAcc *accs[2];
  guint    n;
} Target;

static void
target (Stream *s,
        guint   agent,
        guint   slot,
        Target *t)
{
  t->n = 0;
  for (guint i = 0; i < (agent != 0 ? 2 : 1); i++)
    {
      KefuBucket *bucket = _kefu_sheet_bucket (s->sheet, i == 0 ? 0 : agent, slot);

      bucket->touched = TRUE;
      t->accs[t->n++] = bucket->accs;
    }
}

static inline void
add (Stream       *s,
     const Target *t,
     int           key,
     double        num,
     double        den)
{
  for (guint i = 0; i < t->n; i++)
    {
      KefuAcc *acc = &t->accs[i][s->k[key]];

      acc->num += num;
      acc->den += den;
      acc->n++;
    }
}

#define UNIT(s, i) (&g_array_index ((s)->units, Unit, (i)))

static guint
find_unit (Stream   *s,
           UnitKind  kind,
           guint     agent,
           guint     slot,
           gint64    day)
{
  Unit unit = { kind, agent, slot, day, G_MAXINT64, 0, TRUE };

  for (guint i = 0; i < s->units->len; i++)
    {
      const Unit *known = UNIT (s, i);

      if (known->kind == kind && known->agent == agent && known->slot == slot && known->day == day)
        return i;
    }
  g_array_append_val (s->units, unit);
  return s->units->len - 1;
}

/* Marks a unit for the shop and for @agent; returns their indexes. */
static guint
mark_units (Stream   *s,
            UnitKind  kind,
            guint     agent,
            guint     slot,
            gint64    day,
            guint     units[2])
{
  units[0] = find_unit (s, kind, 0, slot, day);
  if (agent == 0)
    return 1;
  units[1] = find_unit (s, kind, agent, slot, day);
  return 2;
}

/* online_days: the days someone sent a manual message, per agent and slot. */
static void
mark_online (Stream *s,
             guint   agent,
             guint   slot,
             gint64  day)
{
  gsize bit = ((gsize) agent * s->ctx->n_slots + slot) * s->ctx->n_days + (day - s->ctx->first_day);

  s->online[bit / 8] |= 1 << (bit % 8);
}

static void
manual_message (Stream *s,
                gint64  t,
                guint   agent)
{
  guint units[2];
  Target to;
  guint slot;
  gint64 day;

  if (!_kefu_metric_slot (s->ctx, t, &slot, &day, NULL))
    return;

  target (s, agent, slot, &to);
  add (s, &to, K_MESSAGES, 1, 0);
  add (s, &to, K_QA, 1, 0);
  mark_units (s, UNIT_RECEIVED, agent, slot, -1, units);
  mark_online (s, 0, slot, day);
  if (agent != 0)
    mark_online (s, agent, slot, day);
}

static void
close_turn (Stream   *s,
            gboolean  answered,
            gint64    answer_time,
            guint     answer_agent)
{
  KefuMetricContext *ctx = s->ctx;
  const KefuMetricSettings *settings = &ctx->settings;
  guint owner = answered ? answer_agent : s->turn_hint ? s->turn_hint : s->conv_agent;
  gint64 rt = answer_time - s->turn_start;
  guint units[2];
  Target to;
  guint slot, n;
  gint64 day;
  int sod;

  s->turn_open = FALSE;

  if (_kefu_metric_slot (ctx, s->turn_start, &slot, &day, &sod))
    {
      n = mark_units (s, UNIT_INQUIRY, owner, slot, -1, units);
      for (guint i = 0; i < n; i++)
        UNIT (s, units[i])->first = MIN (UNIT (s, units[i])->first, s->turn_start);

      if (kefu_metric_settings_in_window (settings, sod))
        {
          if (ctx->turn_func != NULL)
            ctx->turn_func (ctx, owner, s->turn_start, answered ? rt : -1, ctx->turn_data);
          target (s, owner, slot, &to);
          add (s, &to, K_RATE_30S, answered && rt <= settings->response_30s, 1);
          add (s, &to, K_RATE_3MIN, answered && rt <= settings->response_3min, 1);
          add (s, &to, K_RATE_5MIN, answered && rt <= settings->response_5min, 1);
          add (s, &to, K_SLOW, answered && rt > settings->slow_response, 0);
          if (answered)
            add (s, &to, K_AVG_RESPONSE, rt, 1);
          /* A conversation's first turn starts with its first buyer message. */
          if (answered && s->turn_first)
            add (s, &to, K_FIRST_RESPONSE, rt, 1);

          n = mark_units (s, UNIT_EFFECTIVE, owner, slot, day, units);
          for (guint i = 0; i < n; i++)
            UNIT (s, units[i])->ok &= answered && rt <= settings->effective_reply_limit;
          if (!answered)
            mark_units (s, UNIT_UNREPLIED, owner, slot, -1, units);
        }
    }

  if (s->turn_in_period > 0 &&
      _kefu_metric_slot (ctx, s->turn_first_in_period, &slot, NULL, NULL))
    {
      target (s, owner, slot, &to);
      add (s, &to, K_QA, 0, s->turn_in_period);
      mark_units (s, UNIT_CONSULT, owner, slot, -1, units);
    }
}

static void
close_conversation (Stream *s)
{
  guint slot;

  if (s->conv_open && s->conv_replied &&
      _kefu_metric_slot (s->ctx, s->conv_start, &slot, NULL, NULL))
    {
      Target to;

      target (s, 0, slot, &to);
      add (s, &to, K_SESSIONS, 1, 0);
      /* Once for the shop, once for each agent who replied in it. */
      for (guint i = 0; i < s->conv_agents->len; i++)
        {
          to.accs[0] = _kefu_sheet_bucket (s->sheet, g_array_index (s->conv_agents, guint, i), slot)->accs;
          add (s, &to, K_SESSIONS, 1, 0);
        }
    }
  s->conv_open = FALSE;
  s->conv_replied = FALSE;
  s->conv_agent = 0;
  g_array_set_size (s->conv_agents, 0);
}

static void
process_order (Stream      *s,
               const Order *order)
{
  KefuMetricContext *ctx = s->ctx;
  gboolean paid = order->paid_at != 0;
  guint units[2];
  guint owner, slot, n;
  Target to;

  if (order->agent_id != 0)
    owner = _kefu_metric_agent (ctx, order->agent_id);
  else if (s->has_reply && order->time - s->last_reply <= s->window)
    owner = s->last_reply_agent;
  else
    owner = 0;   /* silent: the shop's only */

  if (order->refunds != NULL)
    _kefu_refunds_attribute (order->refunds, owner);

  if (_kefu_metric_slot (ctx, order->time, &slot, NULL, NULL))
    {
      target (s, owner, slot, &to);
      add (s, &to, K_PAYMENT, paid, 1);
      if (paid)
        {
          double amount = isnan (order->amount) ? 0 : order->amount;

          add (s, &to, K_RETURN_RATE, 0, 1);
          add (s, &to, K_SALES, amount, 0);
          add (s, &to, K_UNIT_PRICE, amount, 0);
          if (order->items >= 0)
            add (s, &to, K_ITEMS, order->items, 0);

          /* ok: some paid order of the buyer there says how many items. */
          n = mark_units (s, UNIT_PAYING, owner, slot, -1, units);
          for (guint i = 0; i < n; i++)
            {
              Unit *unit = UNIT (s, units[i]);

              unit->ok = (unit->count++ > 0 && unit->ok) || order->items >= 0;
            }
        }
    }

  if (paid && _kefu_metric_slot (ctx, order->paid_at, &slot, NULL, NULL))
    {
      target (s, owner, slot, &to);
      add (s, &to, K_QUALITY_RETURN, 0, 1);
    }
}

/* Orders placed before @t go before a message sent at @t: a reply and an
 * order in the same second, the reply came first. */
static void
flush_orders (Stream *s,
              gint64  t)
{
  while (s->next_order < s->orders->len &&
         g_array_index (s->orders, Order, s->next_order).time < t)
    process_order (s, &g_array_index (s->orders, Order, s->next_order++));
}

static void
handle_message (Stream     *s,
                gint64      t,
                KefuSender  sender,
                guint       agent)
{
  KefuMetricContext *ctx = s->ctx;

  flush_orders (s, t);

  if (sender == KEFU_SENDER_BUYER)
    {
      if (!s->turn_open)
        {
          /* A buyer left waiting stays in the conversation until answered. */
          s->turn_first = !s->conv_open || t - s->last_message > ctx->settings.conversation_gap;
          if (s->turn_first)
            {
              close_conversation (s);
              s->conv_open = TRUE;
              s->conv_start = t;
            }
          s->turn_open = TRUE;
          s->turn_start = t;
          s->turn_hint = 0;
          s->turn_in_period = 0;
        }
      if (agent != 0)
        s->turn_hint = agent;
      if (t >= ctx->start_utc && t < ctx->end_utc && s->turn_in_period++ == 0)
        s->turn_first_in_period = t;
    }
  else if (sender == KEFU_SENDER_AGENT)
    {
      manual_message (s, t, agent);
      if (s->turn_open)
        close_turn (s, TRUE, t, agent);
      if (s->conv_open)
        {
          s->conv_replied = TRUE;
          if (agent != 0)
            {
              guint i;

              s->conv_agent = agent;
              for (i = 0; i < s->conv_agents->len; i++)
                if (g_array_index (s->conv_agents, guint, i) == agent)
                  break;
              if (i == s->conv_agents->len)
                g_array_append_val (s->conv_agents, agent);
            }
        }
      s->has_reply = TRUE;
      s->last_reply = t;
      s->last_reply_agent = agent;
    }

  s->last_message = t;
}

static gboolean
paid_within (Stream *s,
             gint64  from)
{
  for (guint i = 0; i < s->orders->len; i++)
    {
      const Order *order = &g_array_index (s->orders, Order, i);

      if (order->paid_at != 0 && order->paid_at >= from && order->paid_at - from <= s->window)
        return TRUE;
    }
  return FALSE;
}

/* The shop's count of the buyer's paid orders in @slot. */
static guint
shop_paid_orders (Stream *s,
                  guint   slot)
{
  for (guint i = 0; i < s->units->len; i++)
    {
      const Unit *unit = UNIT (s, i);

      if (unit->kind == UNIT_PAYING && unit->agent == 0 && unit->slot == slot)
        return unit->count;
    }
  return 0;
}

static void
end_buyer (Stream *s)
{
  flush_orders (s, G_MAXINT64);
  if (s->turn_open)
    close_turn (s, FALSE, 0, 0);
  close_conversation (s);

  for (guint i = 0; i < s->units->len; i++)
    {
      const Unit *unit = UNIT (s, i);
      Target to = { { _kefu_sheet_bucket (s->sheet, unit->agent, unit->slot)->accs }, 1 };

      switch (unit->kind)
        {
        case UNIT_CONSULT:
          add (s, &to, K_CONSULT, 1, 0);
          break;
        case UNIT_INQUIRY:
          add (s, &to, K_INQUIRY, 1, 0);
          add (s, &to, K_CONVERSION, paid_within (s, unit->first), 1);
          break;
        case UNIT_RECEIVED:
          add (s, &to, K_RECEIVED, 1, 0);
          break;
        case UNIT_UNREPLIED:
          add (s, &to, K_UNREPLIED, 1, 0);
          break;
        case UNIT_EFFECTIVE:
          add (s, &to, K_EFFECTIVE, unit->ok, 1);
          break;
        case UNIT_PAYING:
          add (s, &to, K_UNIT_PRICE, 0, 1);
          if (unit->ok)
            add (s, &to, K_ITEMS, 0, 1);
          /* The buyer came back: two paid orders in the shop, whoever took them. */
          add (s, &to, K_REPEAT, shop_paid_orders (s, unit->slot) >= 2, 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_array_set_size (s->orders, 0);
  g_array_set_size (s->units, 0);
  s->next_order = 0;
  s->has_reply = FALSE;
  s->turn_open = FALSE;
  s->last_message = 0;
}

static void
read_order (Stream             *s,
            const KefuFeedItem *item,
            const char         *order_no)
{
  Order order = {
    .id = item->id,
    .time = item->time,
    .paid_at = item->paid_at,
    .amount = item->amount,
    .items = item->items,
    .agent_id = item->agent_id,
  };

  if (s->refunds != NULL)
    order.refunds = _kefu_refunds_find (s->refunds, order_no);
  g_array_append_val (s->orders, order);
}

static int
compare_orders (gconstpointer a,
                gconstpointer b)
{
  const Order *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The share of the shop's message days that [@from, @to) reads. */
static double
share_of_messages (KefuMetricContext *ctx,
                   gint64             from,
                   gint64             to)
{
  sqlite3_stmt *stmt;
  double share = 1;
  gint64 first, last;

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT min(period_start), max(period_end) FROM import_batch "
                              "WHERE shop_id = ?1 AND kind = 'messages'", NULL);
  if (stmt == NULL)
    return share;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      _kefu_metric_parse_day ((const char *) sqlite3_column_text (stmt, 0), &first) &&
      _kefu_metric_parse_day ((const char *) sqlite3_column_text (stmt, 1), &last))
    share = (to - from) / (86400.0 * (last - first + 1));
  sqlite3_reset (stmt);
  return share;
}

static sqlite3_stmt *
prepare_messages (KefuMetricContext  *ctx,
                  GError            **error)
{
  gint64 from = ctx->start_utc - ctx->settings.conversion_days * (gint64) 86400;
  gint64 to = ctx->end_utc + ANSWER_LOOKAHEAD;
  sqlite3_stmt *stmt;

  /* Most of the shop's messages: walk an index in (buyer, time) order —
   * "+sent_at" keeps the planner off the time index, so a covering index
   * on (shop_id, buyer, sent_at, id, …) is taken when there is one. A
   * short period of a long history: its rows by time, sorted by SQLite
   * (which spills to disk beyond its cache, so memory stays bounded). */
  if (share_of_messages (ctx, from, to) > 0.25)
    stmt = _kefu_store_prepare (ctx->store,
                                "SELECT buyer, sent_at, sender, agent_id FROM message "
                                "WHERE shop_id = ?1 AND +sent_at >= ?2 AND +sent_at < ?3 "
                                "ORDER BY buyer, sent_at, id", error);
  else
    stmt = _kefu_store_prepare (ctx->store,
                                "SELECT buyer, sent_at, sender, agent_id "
                                "FROM message INDEXED BY message_shop_time "
                                "WHERE shop_id = ?1 AND sent_at >= ?2 AND sent_at < ?3 "
                                "ORDER BY buyer, sent_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return stmt;
}

/* Grouped by buyer only: a buyer's few orders are sorted by time here.
 * On @reader, when there is one, for a thread of its own. */
static sqlite3_stmt *
prepare_orders (KefuMetricContext  *ctx,
                sqlite3            *reader,
                GError            **error)
{
  static const char sql[] =
    "SELECT buyer, coalesce(created_at, paid_at), paid_at, paid_amount, "
    "  amount, items, agent_id, id, order_no "
    "FROM order_ "
    "WHERE shop_id = ?1 AND ((created_at >= ?2 AND created_at < ?3) OR "
    "  (created_at IS NULL AND paid_at >= ?2 AND paid_at < ?3)) "
    "ORDER BY buyer";
  gint64 window = ctx->settings.conversion_days * (gint64) 86400;
  sqlite3_stmt *stmt = NULL;

  if (reader == NULL)
    stmt = _kefu_store_prepare (ctx->store, sql, error);
  else if (sqlite3_prepare_v2 (reader, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _kefu_store_set_read_error (ctx->store, reader, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, ctx->start_utc - window);
  sqlite3_bind_int64 (stmt, 3, ctx->end_utc + window);
  return stmt;
}

static gsize
online_bits (KefuMetricContext *ctx)
{
  return (gsize) ctx->n_agents * ctx->n_slots * ctx->n_days;
}

static void
emit_online (Stream *s)
{
  KefuMetricContext *ctx = s->ctx;

  for (gsize bit = 0; bit < online_bits (ctx); bit++)
    if (s->online[bit / 8] & (1 << (bit % 8)))
      {
        gsize cell = bit / ctx->n_days;
        Target to = { { _kefu_sheet_bucket (s->sheet, cell / ctx->n_slots, cell % ctx->n_slots)->accs }, 1 };

        add (s, &to, K_ONLINE, 1, 0);
      }
}

/* The buyers of the feed one by one: their orders (sorted by time here,
 * as SQLite groups them by buyer only), then their messages. */
static gboolean
run (Stream         *s,
     KefuEventFeed  *feed,
     GError        **error)
{
  const KefuFeedItem *item;
  const char *order_no;
  gboolean in_buyer = FALSE;
  gboolean orders_sorted = FALSE;
  guint64 n = 0;

  while ((item = _kefu_event_feed_next (feed, &order_no)) != NULL)
    {
      if (_kefu_metric_cancelled (s->ctx, ++n, error))
        return FALSE;

      switch ((KefuFeedKind) item->kind)
        {
        case KEFU_FEED_BUYER:
          if (in_buyer)
            {
              if (!orders_sorted)
                g_array_sort (s->orders, compare_orders);
              end_buyer (s);
            }
          in_buyer = TRUE;
          orders_sorted = FALSE;
          break;
        case KEFU_FEED_ORDER:
          read_order (s, item, order_no);
          break;
        case KEFU_FEED_MESSAGE:
          if (!orders_sorted)
            {
              g_array_sort (s->orders, compare_orders);
              orders_sorted = TRUE;
            }
          handle_message (s, item->time, item->sender, _kefu_metric_agent (s->ctx, item->agent_id));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (in_buyer)
    {
      if (!orders_sorted)
        g_array_sort (s->orders, compare_orders);
      end_buyer (s);
    }

  emit_online (s);
  return TRUE;
}

/**
 * _kefu_event_stream:
 *
 * Fills @ctx->events with every metric of messages and orders (and the
 * returns of refunds, which need the orders' attribution).
 */
gboolean
_kefu_event_stream (KefuMetricContext  *ctx,
                    GError            **error)
{
  g_autoptr(KefuRefunds) refunds = NULL;
  sqlite3_stmt *messages = NULL;
  sqlite3_stmt *orders = NULL;
  KefuEventFeed *feed;
  sqlite3 *reader = NULL;
  gboolean began = FALSE;
  gboolean ok;
  Stream s = {
    .ctx = ctx,
    .sheet = ctx->events,
    .window = ctx->settings.conversion_days * (gint64) 86400,
  };

  if ((ctx->wanted & (KEFU_SOURCE_MESSAGES | KEFU_SOURCE_ORDERS | KEFU_SOURCE_REFUNDS)) == 0)
    return TRUE;

  for (guint i = 0; i < N_KEYS; i++)
    s.k[i] = _kefu_metric_index (stream_keys[i]);

  /* Messages also attribute orders; orders also convert inquiries and
   * carry the refunds. Messages and orders are read by threads of their
   * own, all at one snapshot. */
  if (ctx->wanted & (KEFU_SOURCE_ORDERS | KEFU_SOURCE_REFUNDS))
    reader = _kefu_store_begin_snapshot (ctx->store, &began);
  if ((ctx->wanted & KEFU_SOURCE_REFUNDS) && (ctx->covered & KEFU_SOURCE_REFUNDS) &&
      (refunds = _kefu_refunds_load (ctx, error)) == NULL)
    {
      _kefu_store_end_snapshot (ctx->store, began, reader);
      return FALSE;
    }
  if ((messages = prepare_messages (ctx, error)) != NULL &&
      (ctx->wanted & (KEFU_SOURCE_ORDERS | KEFU_SOURCE_REFUNDS)))
    orders = prepare_orders (ctx, reader, error);
  if (messages == NULL || ((ctx->wanted & (KEFU_SOURCE_ORDERS | KEFU_SOURCE_REFUNDS)) && orders == NULL))
    {
      if (messages != NULL)
        sqlite3_reset (messages);
      _kefu_store_end_snapshot (ctx->store, began, reader);
      return FALSE;
    }

  s.refunds = refunds;
  s.online = g_malloc0 (online_bits (ctx) / 8 + 1);
  s.orders = g_array_new (FALSE, FALSE, sizeof (Order));
  s.units = g_array_new (FALSE, FALSE, sizeof (Unit));
  s.conv_agents = g_array_new (FALSE, FALSE, sizeof (guint));

  feed = _kefu_event_feed_start (ctx->store, messages, orders);
  ok = run (&s, feed, error);
  /* A database error ends the feed early: it is the error to report. */
  if (!_kefu_event_feed_finish (feed, ok ? error : NULL))
    ok = FALSE;

  sqlite3_reset (messages);
  if (reader != NULL)
    sqlite3_finalize (orders);
  else if (orders != NULL)
    sqlite3_reset (orders);
  _kefu_store_end_snapshot (ctx->store, began, reader);
  if (ok && refunds != NULL)
    _kefu_refunds_emit (ctx, refunds);

  g_free (s.online);
  g_array_unref (s.orders);
  g_array_unref (s.units);
  g_array_unref (s.conv_agents);
  return ok;
}
