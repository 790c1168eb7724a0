/* kefu-event-aftersales.c — the event-log road: sessions, refunds, reviews
 *
 * Sessions belong to their agent and to the day they started; they fill
 * a sheet of their own, so that the session list counts received sessions
 * on the days it covers (the messages' conversations elsewhere). Refunds
 * belong to the agent their order was attributed to (kefu-event-metrics.c
 * tells them while it streams the orders; an order older than the stream
 * keeps the agent its export names, else the shop). Reviews and DSR are
 * the shop's only.
 *
 * Refund rows carry the platform's words; they are read by what they
 * contain (see README.md, "How metrics are computed").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "metrics/kefu-metric-engine-private.h"

#define QUALITY_RETURN_DAYS 14
#define HOUR 3600.0

static int
index_of (const char *key)
{
  int m = _kefu_metric_index (key);

  g_assert (m >= 0);
  return m;
}

static gboolean
step_error (KefuMetricContext  *ctx,
            sqlite3_stmt       *stmt,
            int                 rc,
            GError            **error)
{
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    _kefu_store_set_error (ctx->store, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* ——— sessions ——— */

gboolean
_kefu_event_sessions (KefuMetricContext  *ctx,
                      GError            **error)
{
  int transfers = index_of ("transfer_sessions");
  int pickup = index_of ("pickup_rate");
  int wait = index_of ("avg_wait_time");
  int satisfied = index_of ("satisfaction_rate");
  int dissatisfied = index_of ("dissatisfaction_rate");
  int received = index_of ("sessions_received");
  KefuSheet *sheet = ctx->sessions;
  sqlite3_stmt *stmt;
  guint64 n = 0;
  int rc;

  if (!(ctx->wanted & KEFU_SOURCE_SESSIONS) || !(ctx->covered & KEFU_SOURCE_SESSIONS))
    return TRUE;

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT coalesce(agent_id, 0), started_at, queued_at, assigned_at, "
                              "  transferred, rating "
                              "FROM session WHERE shop_id = ?1 AND started_at >= ?2 AND started_at < ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, ctx->start_utc);
  sqlite3_bind_int64 (stmt, 3, ctx->end_utc);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agent_id = sqlite3_column_int64 (stmt, 0);
      guint agent = _kefu_metric_agent (ctx, agent_id);
      gboolean queued = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      gboolean assigned = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      const char *rating = (const char *) sqlite3_column_text (stmt, 5);
      guint slot;

      if (_kefu_metric_cancelled (ctx, ++n, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (!_kefu_metric_slot (ctx, sqlite3_column_int64 (stmt, 1), &slot, NULL, NULL))
        continue;

      if (agent_id != 0 || assigned)
        _kefu_sheet_put (sheet, agent, slot, received, 1, 0);
      if (sqlite3_column_int (stmt, 4) == 1)
        {
          _kefu_sheet_put (sheet, agent, slot, transfers, 1, 0);
          _kefu_sheet_put (sheet, agent, slot, pickup, agent_id != 0 || assigned, 1);
        }
      if (queued && assigned && sqlite3_column_int64 (stmt, 3) >= sqlite3_column_int64 (stmt, 2))
        _kefu_sheet_put (sheet, agent, slot, wait,
                         sqlite3_column_int64 (stmt, 3) - sqlite3_column_int64 (stmt, 2), 1);
      if (rating != NULL)
        {
          _kefu_sheet_put (sheet, agent, slot, satisfied,
                           g_str_equal (rating, "very_satisfied") || g_str_equal (rating, "satisfied"), 1);
          _kefu_sheet_put (sheet, agent, slot, dissatisfied,
                           g_str_equal (rating, "dissatisfied") || g_str_equal (rating, "very_dissatisfied"), 1);
        }
    }

  return step_error (ctx, stmt, rc, error);
}

/* ——— reviews and DSR ——— */

/* DSR: Σ ratings ÷ their number over the six months ending with @last_day. */
static gboolean
dsr_window (KefuMetricContext  *ctx,
            gint64              last_day,
            guint               slot,
            const int           keys[3],
            GError            **error)
{
  gint64 end_day = last_day + 1;
  sqlite3_stmt *stmt;
  GDate start;
  int rc;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, (guint32) (end_day + 719163));
  g_date_subtract_months (&start, 6);

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT total(dsr_description), count(dsr_description), "
                              "  total(dsr_service), count(dsr_service), "
                              "  total(dsr_logistics), count(dsr_logistics) "
                              "FROM review WHERE shop_id = ?1 AND reviewed_at >= ?2 AND reviewed_at < ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, _kefu_metric_day_utc (ctx, (gint64) g_date_get_julian (&start) - 719163));
  sqlite3_bind_int64 (stmt, 3, _kefu_metric_day_utc (ctx, end_day));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    for (guint i = 0; i < 3; i++)
      {
        gint64 count = sqlite3_column_int64 (stmt, 2 * i + 1);
        KefuAcc *acc;

        if (count == 0)
          continue;
        acc = &_kefu_sheet_bucket (ctx->events, 0, slot)->accs[keys[i]];
        acc->num = sqlite3_column_double (stmt, 2 * i);
        acc->den = count;
        acc->n = count;
      }
  return step_error (ctx, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

gboolean
_kefu_event_reviews (KefuMetricContext  *ctx,
                     GError            **error)
{
  const int dsr[3] = { index_of ("dsr_description"), index_of ("dsr_service"), index_of ("dsr_logistics") };
  int good = index_of ("good_review_rate");
  int bad = index_of ("bad_review_rate");
  int low = index_of ("low_rating_orders");
  sqlite3_stmt *stmt;
  int rc;

  if (!(ctx->wanted & KEFU_SOURCE_REVIEWS))
    return TRUE;

  /* DSR looks back six months from the end of the period (or of each day). */
  if (ctx->grouping == KEFU_GROUP_AGENT &&
      !dsr_window (ctx, ctx->first_day + ctx->n_days - 1, 0, dsr, error))
    return FALSE;
  if (ctx->grouping == KEFU_GROUP_DAY || ctx->grouping == KEFU_GROUP_AGENT_DAY)
    for (guint d = 0; d < ctx->n_days; d++)
      if (!dsr_window (ctx, ctx->first_day + d, d, dsr, error))
        return FALSE;

  if (!(ctx->covered & KEFU_SOURCE_REVIEWS))
    return TRUE;

  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT grade, dsr_description, reviewed_at "
                              "FROM review WHERE shop_id = ?1 AND reviewed_at >= ?2 AND reviewed_at < ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, ctx->start_utc);
  sqlite3_bind_int64 (stmt, 3, ctx->end_utc);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *grade = (const char *) sqlite3_column_text (stmt, 0);
      guint slot;

      if (!_kefu_metric_slot (ctx, sqlite3_column_int64 (stmt, 2), &slot, NULL, NULL))
        continue;
      _kefu_sheet_bucket (ctx->events, 0, slot)->touched = TRUE;
      if (grade != NULL)
        {
          _kefu_sheet_put (ctx->events, 0, slot, good, g_str_equal (grade, "good"), 1);
          _kefu_sheet_put (ctx->events, 0, slot, bad, g_str_equal (grade, "bad"), 1);
        }
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        _kefu_sheet_put (ctx->events, 0, slot, low, sqlite3_column_double (stmt, 1) <= 3, 0);
    }

  return step_error (ctx, stmt, rc, error);
}

/* ——— refunds ——— */

typedef struct
{
  double    amount;       /* NAN: unknown */
  gint64    applied_at;   /* 0: unknown */
  gint64    completed_at; /* 0: not completed */
  gint64    paid_at;      /* of its order; 0: unknown */
  guint     owner;
  guint     is_return : 1;
  guint     success : 1;
  guint     closed : 1;
  guint     dispute : 1;
  guint     quality : 1;
} Refund;

struct _KefuRefunds
{
  GHashTable *by_order;   /* order number → GPtrArray of Refund */
  GPtrArray  *all;        /* the same GPtrArrays, for emitting */
};

/* Whether @text (any case) contains one of @words. */
static gboolean
says (const char         *text,
      const char * const *words)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static const char * const return_words[] = { "退货", "return", NULL };
static const char * const success_words[] = { "成功", "完成", "已退款", "success", "complete", "refunded", NULL };
static const char * const closed_words[] = { "关闭", "取消", "撤销", "拒绝", "closed", "cancel", "reject", NULL };
static const char * const dispute_words[] = { "纠纷", "dispute", NULL };
static const char * const quality_words[] = { "质量", "品质", "quality", NULL };

KefuRefunds *
_kefu_refunds_load (KefuMetricContext  *ctx,
                    GError            **error)
{
  g_autoptr(KefuRefunds) refunds = g_new0 (KefuRefunds, 1);
  sqlite3_stmt *stmt;
  int rc;

  refunds->by_order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  refunds->all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* Applied in the period (and 14 days on, for returns of the period's
   * payments), or completed in it. */
  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT r.order_no, r.amount, r.status, r.kind, r.reason, "
                              "  r.applied_at, r.completed_at, coalesce(o.agent_id, 0), o.paid_at "
                              "FROM refund r LEFT JOIN order_ o "
                              "  ON o.shop_id = r.shop_id AND o.order_no = r.order_no "
                              "WHERE r.shop_id = ?1 AND ((r.applied_at >= ?2 AND r.applied_at < ?3) OR "
                              "  (r.completed_at >= ?2 AND r.completed_at < ?4))",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_int64 (stmt, 2, ctx->start_utc);
  sqlite3_bind_int64 (stmt, 3, ctx->end_utc + QUALITY_RETURN_DAYS * 86400);
  sqlite3_bind_int64 (stmt, 4, ctx->end_utc);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *order_no = (const char *) sqlite3_column_text (stmt, 0);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      const char *kind = (const char *) sqlite3_column_text (stmt, 3);
      Refund *refund = g_new0 (Refund, 1);
      GPtrArray *list;

      refund->amount = sqlite3_column_type (stmt, 1) != SQLITE_NULL ? sqlite3_column_double (stmt, 1) : NAN;
      refund->applied_at = sqlite3_column_int64 (stmt, 5);
      refund->completed_at = sqlite3_column_int64 (stmt, 6);
      refund->owner = _kefu_metric_agent (ctx, sqlite3_column_int64 (stmt, 7));
      refund->paid_at = sqlite3_column_int64 (stmt, 8);
      refund->is_return = says (kind, return_words);
      refund->closed = says (status, closed_words);
      refund->success = !refund->closed && says (status, success_words);
      refund->dispute = says (status, dispute_words) || says (kind, dispute_words);
      refund->quality = says ((const char *) sqlite3_column_text (stmt, 4), quality_words);

      list = order_no ? g_hash_table_lookup (refunds->by_order, order_no) : NULL;
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (refunds->all, list);
          if (order_no != NULL)
            g_hash_table_insert (refunds->by_order, g_strdup (order_no), list);
        }
      g_ptr_array_add (list, refund);
    }

  if (!step_error (ctx, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&refunds);
}

gpointer
_kefu_refunds_find (KefuRefunds *refunds,
                    const char  *order_no)
{
  return order_no ? g_hash_table_lookup (refunds->by_order, order_no) : NULL;
}

/* The stream attributed the refunds' order to @owner. */
void
_kefu_refunds_attribute (gpointer found,
                         guint    owner)
{
  GPtrArray *list = found;

  for (guint i = 0; i < list->len; i++)
    ((Refund *) g_ptr_array_index (list, i))->owner = owner;
}

void
_kefu_refunds_emit (KefuMetricContext *ctx,
                    KefuRefunds       *refunds)
{
  int returns = index_of ("monthly_returns");
  int return_rate = index_of ("return_rate");
  int quality = index_of ("quality_return_rate");
  int dispute_rate = index_of ("dispute_refund_rate");
  int disputes = index_of ("dispute_refunds");
  int refund_time = index_of ("avg_refund_time");
  int aftersale_time = index_of ("avg_aftersale_time");
  int amount = index_of ("refund_amount");
  KefuSheet *sheet = ctx->events;

  for (guint i = 0; i < refunds->all->len; i++)
    {
      GPtrArray *list = g_ptr_array_index (refunds->all, i);

      for (guint j = 0; j < list->len; j++)
        {
          const Refund *r = g_ptr_array_index (list, j);
          guint slot;

          if (r->applied_at != 0 && _kefu_metric_slot (ctx, r->applied_at, &slot, NULL, NULL))
            {
              _kefu_sheet_put (sheet, r->owner, slot, dispute_rate, r->dispute, 1);
              _kefu_sheet_put (sheet, r->owner, slot, disputes, r->dispute, 0);
              if (r->is_return && !r->closed)
                {
                  _kefu_sheet_put (sheet, r->owner, slot, returns, 1, 0);
                  _kefu_sheet_put (sheet, r->owner, slot, return_rate, 1, 0);
                }
            }

          if (r->success && r->completed_at != 0 &&
              _kefu_metric_slot (ctx, r->completed_at, &slot, NULL, NULL))
            {
              _kefu_sheet_put (sheet, r->owner, slot, amount, isnan (r->amount) ? 0 : r->amount, 0);
              if (r->applied_at != 0 && r->completed_at >= r->applied_at)
                {
                  double hours = (r->completed_at - r->applied_at) / HOUR;

                  _kefu_sheet_put (sheet, r->owner, slot, aftersale_time, hours, 1);
                  if (!r->is_return)
                    _kefu_sheet_put (sheet, r->owner, slot, refund_time, hours, 1);
                }
            }

          /* Douyin: returns for quality within 14 days of the payment,
           * counted on the day of the payment. */
          if (r->quality && r->is_return && !r->closed && r->paid_at != 0 &&
              r->applied_at >= r->paid_at &&
              r->applied_at - r->paid_at <= QUALITY_RETURN_DAYS * 86400 &&
              _kefu_metric_slot (ctx, r->paid_at, &slot, NULL, NULL))
            _kefu_sheet_put (sheet, r->owner, slot, quality, 1, 0);
        }
    }
}

void
_kefu_refunds_free (KefuRefunds *refunds)
{
  if (refunds == NULL)
    return;
  g_clear_pointer (&refunds->by_order, g_hash_table_unref);
  g_clear_pointer (&refunds->all, g_ptr_array_unref);
  g_free (refunds);
}
