/* kefu-event-metrics.c — the event-log road: messages and orders, buyer by buyer
 *
 * Two SQL cursors, messages ordered by (buyer, time) and orders by buyer,
 * are merged like a join: one buyer's orders (a handful) are read ahead
 * and sorted by time, then the buyer's messages stream through a small
 * state machine (METRICS.md §1):
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
  GString           *buyer;
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
                const char *sender,
                guint       agent)
{
  KefuMetricContext *ctx = s->ctx;

  flush_orders (s, t);

  if (g_str_equal (sender, "buyer"))
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
  else if (g_str_equal (sender, "agent"))
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
read_order (Stream       *s,
            sqlite3_stmt *stmt)
{
  Order order = { 0 };
  gboolean paid_at_known = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  double paid_amount = sqlite3_column_type (stmt, 3) != SQLITE_NULL ? sqlite3_column_double (stmt, 3) : NAN;

  order.time = sqlite3_column_int64 (stmt, 1);
  /* Without a payment time, a paid amount says it was paid. */
  order.paid_at = paid_at_known ? sqlite3_column_int64 (stmt, 2)
                : paid_amount > 0 ? order.time : 0;
  order.amount = !isnan (paid_amount) ? paid_amount
               : sqlite3_column_type (stmt, 4) != SQLITE_NULL ? sqlite3_column_double (stmt, 4) : NAN;
  order.items = sqlite3_column_type (stmt, 5) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 5) : -1;
  order.agent_id = sqlite3_column_int64 (stmt, 6);
  order.id = sqlite3_column_int64 (stmt, 7);
  if (s->refunds != NULL)
    order.refunds = _kefu_refunds_find (s->refunds, (const char *) sqlite3_column_text (stmt, 8));
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

static gboolean
step (KefuMetricContext  *ctx,
      sqlite3_stmt       *stmt,
      int                *rc,
      GError            **error)
{
  if (stmt == NULL)
    {
      *rc = SQLITE_DONE;
      return TRUE;
    }
  *rc = sqlite3_step (stmt);
  if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
    {
      _kefu_store_set_error (ctx->store, error);
      return FALSE;
    }
  return TRUE;
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

/* Grouped by buyer only: a buyer's few orders are sorted by time here. */
static sqlite3_stmt *
prepare_orders (KefuMetricContext  *ctx,
                GError            **error)
{
  gint64 window = ctx->settings.conversion_days * (gint64) 86400;
  sqlite3_stmt *stmt;

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT buyer, coalesce(created_at, paid_at), paid_at, paid_amount, "
                              "  amount, items, agent_id, id, order_no "
                              "FROM order_ "
                              "WHERE shop_id = ?1 AND ((created_at >= ?2 AND created_at < ?3) OR "
                              "  (created_at IS NULL AND paid_at >= ?2 AND paid_at < ?3)) "
                              "ORDER BY buyer", error);
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

static gboolean
run (Stream             *s,
     sqlite3_stmt       *messages,
     sqlite3_stmt       *orders,
     GError            **error)
{
  KefuMetricContext *ctx = s->ctx;
  int msg_rc, ord_rc;
  guint64 n = 0;

  if (!step (ctx, messages, &msg_rc, error) || !step (ctx, orders, &ord_rc, error))
    return FALSE;

  while (msg_rc == SQLITE_ROW || ord_rc == SQLITE_ROW)
    {
      const char *buyer;

      if (_kefu_metric_cancelled (ctx, ++n, error))
        return FALSE;

      /* Orders without a buyer come first; each is a buyer of its own. */
      if (ord_rc == SQLITE_ROW && sqlite3_column_type (orders, 0) == SQLITE_NULL)
        {
          read_order (s, orders);
          end_buyer (s);
          if (!step (ctx, orders, &ord_rc, error))
            return FALSE;
          continue;
        }

      /* The next buyer in either stream; SQLite's BINARY order is strcmp's. */
      if (msg_rc != SQLITE_ROW)
        buyer = (const char *) sqlite3_column_text (orders, 0);
      else if (ord_rc != SQLITE_ROW)
        buyer = (const char *) sqlite3_column_text (messages, 0);
      else
        {
          const char *a = (const char *) sqlite3_column_text (messages, 0);
          const char *b = (const char *) sqlite3_column_text (orders, 0);

          buyer = strcmp (a, b) <= 0 ? a : b;
        }
      g_string_assign (s->buyer, buyer);

      while (ord_rc == SQLITE_ROW &&
             g_str_equal ((const char *) sqlite3_column_text (orders, 0), s->buyer->str))
        {
          read_order (s, orders);
          if (!step (ctx, orders, &ord_rc, error))
            return FALSE;
        }
      g_array_sort (s->orders, compare_orders);

      while (msg_rc == SQLITE_ROW &&
             g_str_equal ((const char *) sqlite3_column_text (messages, 0), s->buyer->str))
        {
          if (_kefu_metric_cancelled (ctx, ++n, error))
            return FALSE;
          handle_message (s, sqlite3_column_int64 (messages, 1),
                          (const char *) sqlite3_column_text (messages, 2),
                          _kefu_metric_agent (ctx, sqlite3_column_int64 (messages, 3)));
          if (!step (ctx, messages, &msg_rc, error))
            return FALSE;
        }

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

  if ((ctx->wanted & KEFU_SOURCE_REFUNDS) && (ctx->covered & KEFU_SOURCE_REFUNDS) &&
      (refunds = _kefu_refunds_load (ctx, error)) == NULL)
    return FALSE;

  /* Messages also attribute orders; orders also convert inquiries. */
  if ((messages = prepare_messages (ctx, error)) == NULL)
    return FALSE;
  if (ctx->wanted & (KEFU_SOURCE_ORDERS | KEFU_SOURCE_REFUNDS))
    {
      if ((orders = prepare_orders (ctx, error)) == NULL)
        {
          sqlite3_reset (messages);
          return FALSE;
        }
    }

  s.refunds = refunds;
  s.online = g_malloc0 (online_bits (ctx) / 8 + 1);
  s.buyer = g_string_new (NULL);
  s.orders = g_array_new (FALSE, FALSE, sizeof (Order));
  s.units = g_array_new (FALSE, FALSE, sizeof (Unit));
  s.conv_agents = g_array_new (FALSE, FALSE, sizeof (guint));

  ok = run (&s, messages, orders, error);

  sqlite3_reset (messages);
  if (orders != NULL)
    sqlite3_reset (orders);
  if (ok && refunds != NULL)
    _kefu_refunds_emit (ctx, refunds);

  g_free (s.online);
  g_string_free (s.buyer, TRUE);
  g_array_unref (s.orders);
  g_array_unref (s.units);
  g_array_unref (s.conv_agents);
  return ok;
}
