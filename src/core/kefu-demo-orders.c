/* kefu-demo-orders.c — the demo shop's orders and refunds
 *
 * The orders the conversations led to come in from the chat log; to
 * them this adds the silent ones (静默下单), placed without a word, a
 * quarter of them by buyers who had chatted on an earlier day. Silent
 * buyers buy cheaper and fewer pieces than those an agent talked to,
 * which is what makes 落实客单价 worth scoring. Some paid orders are
 * returned or refunded, each agent's buyers at the agent's own rate.
 *
 * Nothing happens after the end of yesterday: orders placed later are
 * not there, refunds still running say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-demo-private.h"

#define DAY 86400
#define SILENT_SHARE 0.30       /* silent orders per conversation of the day */
#define SILENT_RETURNS 0.05
#define SILENT_PAYMENT 0.93

/* By price: silent buyers lean to the cheap end. */
static const double prices[] = {
  59, 79, 99, 119, 129, 139, 159, 169, 189, 219, 259, 299, 399, 459,
};

static const char * const return_reasons[] = {
  "尺码不合适", "七天无理由退换货", "颜色与商品描述不符", "不喜欢/效果不好", "质量问题",
};
static const char * const refund_reasons[] = {
  "拍错/多拍/不想要", "协商一致退款", "未按约定时间发货",
};

static KefuDemoMonth *
month_of_time (KefuDemo *demo,
               gint64    t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, demo->tz);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return _kefu_demo_month (demo, &day);
}

static void
add_silent_orders (KefuDemo *demo)
{
  GDate day = demo->first;

  for (; g_date_compare (&day, &demo->last) <= 0; g_date_add_days (&day, 1))
    {
      guint jd = g_date_get_julian (&day);
      gint64 day_start = _kefu_demo_day_start (demo, &day);
      guint n = (guint) lround (_kefu_demo_conversations (&day) * SILENT_SHARE);

      for (guint i = 0; i < n; i++)
        {
          KefuDemoOrder order = { 0 };
          KefuDemoRng rng;

          _kefu_demo_rng_init (&rng, jd, i, KEFU_DEMO_STREAM_SILENT);
          order.placed_at = day_start + _kefu_demo_pick_hour (&rng) * 3600 +
                            _kefu_demo_rng_below (&rng, 3600);
          order.day = jd;
          order.index = 10000 + i;
          order.agent = -1;
          order.paid = _kefu_demo_rng_chance (&rng, SILENT_PAYMENT);

          /* A buyer of an earlier day coming back, or a new one. */
          if (_kefu_demo_rng_chance (&rng, 0.25))
            {
              GDate earlier = day;
              guint back = 4 + _kefu_demo_rng_below (&rng, 20);

              g_date_subtract_days (&earlier, back);
              _kefu_demo_buyer_name (jd - back,
                                     _kefu_demo_rng_below (&rng, _kefu_demo_conversations (&earlier)),
                                     FALSE, order.buyer, sizeof order.buyer);
            }
          else
            _kefu_demo_buyer_name (jd, i, TRUE, order.buyer, sizeof order.buyer);

          if (order.placed_at < demo->end_utc)
            g_array_append_val (demo->orders, order);
        }
    }
}

static const char *
order_status (KefuDemo *demo,
              gint64    placed_at,
              gint64    paid_at)
{
  gint64 age = demo->end_utc - (paid_at != 0 ? paid_at : placed_at);

  if (paid_at == 0)
    return age > DAY ? "交易关闭" : "等待买家付款";
  if (age < DAY)
    return "买家已付款，等待卖家发货";
  if (age < 8 * DAY)
    return "卖家已发货，等待买家确认";
  return "交易成功";
}

static gboolean
add_refund (KefuDemo     *demo,
            KefuDemoRng  *rng,
            const char   *order_no,
            double        paid_amount,
            gint64        paid_at,
            GError      **error)
{
  gboolean is_return = _kefu_demo_rng_chance (rng, 0.8);
  g_autofree char *refund_no = g_strdup_printf ("R%s", order_no + 1);
  KefuRefund refund = { 0 };
  KefuDemoMonth *month;

  refund.applied_at = paid_at + (is_return ? 2 * DAY + _kefu_demo_rng_below (rng, 7 * DAY)
                                           : 600 + _kefu_demo_rng_below (rng, 2 * DAY));
  if (refund.applied_at >= demo->end_utc || (month = month_of_time (demo, refund.applied_at)) == NULL)
    return TRUE;

  refund.completed_at = refund.applied_at + 3600 + _kefu_demo_rng_below (rng, 4 * DAY);
  if (refund.completed_at >= demo->end_utc)
    {
      refund.completed_at = 0;
      refund.status = is_return ? "退款中，等待卖家确认收货" : "退款中，等待卖家处理";
    }
  else
    refund.status = _kefu_demo_rng_chance (rng, 0.15) ? "退款关闭" : "退款成功";

  refund.batch_id = month->batch[KEFU_DEMO_REFUNDS];
  refund.shop_id = demo->shop_id;
  refund.refund_no = refund_no;
  refund.order_no = order_no;
  refund.amount = paid_amount;
  refund.kind = is_return ? "退货退款" : "仅退款";
  refund.goods_status = is_return ? "买家已退货" : "买家未收到货";
  refund.reason = is_return ? return_reasons[_kefu_demo_rng_below (rng, G_N_ELEMENTS (return_reasons))]
                            : refund_reasons[_kefu_demo_rng_below (rng, G_N_ELEMENTS (refund_reasons))];
  month->rows[KEFU_DEMO_REFUNDS]++;
  return kefu_store_add_refund (demo->store, &refund, error);
}

static gboolean
add_order (KefuDemo             *demo,
           const KefuDemoOrder  *plan,
           GError              **error)
{
  KefuDemoMonth *month = month_of_time (demo, plan->placed_at);
  g_autofree char *order_no = NULL;
  KefuDemoHabits habits = { 0 };
  KefuOrder order = { 0 };
  gboolean silent = plan->agent < 0;
  double upsell, refunds;
  KefuDemoRng rng;

  if (month == NULL)
    return TRUE;

  _kefu_demo_rng_init (&rng, plan->day, plan->index, KEFU_DEMO_STREAM_ORDER);
  if (!silent)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, plan->day);
      _kefu_demo_agent_habits (plan->agent, _kefu_demo_progress (demo, &day), &habits);
    }
  upsell = silent ? 0.08 : habits.upsell;
  refunds = silent ? SILENT_RETURNS : habits.returns;

  /* Taobao's order numbers: 19 digits. */
  order_no = g_strdup_printf ("3%07u%05u%06u", plan->day, plan->index,
                              (guint) (_kefu_demo_rng_next (&rng) % 1000000));
  order.batch_id = month->batch[KEFU_DEMO_ORDERS];
  order.shop_id = demo->shop_id;
  order.order_no = order_no;
  order.buyer = plan->buyer;
  order.created_at = plan->placed_at;
  order.items = 1 + _kefu_demo_rng_chance (&rng, upsell) + _kefu_demo_rng_chance (&rng, upsell * 0.3);
  order.amount = 0;
  for (gint64 i = 0; i < order.items; i++)
    {
      guint pick = _kefu_demo_rng_below (&rng, G_N_ELEMENTS (prices));

      /* The cheaper of two looks. */
      for (guint look = 0; silent && look < 1; look++)
        {
          guint other = _kefu_demo_rng_below (&rng, G_N_ELEMENTS (prices));

          pick = MIN (pick, other);
        }
      order.amount += prices[pick];
    }
  order.paid_amount = NAN;
  if (plan->paid)
    {
      order.paid_at = plan->placed_at + 10 + _kefu_demo_rng_below (&rng, 600);
      if (order.paid_at >= demo->end_utc)
        order.paid_at = 0;
      else
        order.paid_amount = order.amount - (order.amount >= 199 && _kefu_demo_rng_chance (&rng, 0.4) ? 20 : 0);
    }
  order.status = order_status (demo, order.created_at, order.paid_at);

  month->rows[KEFU_DEMO_ORDERS]++;
  if (!kefu_store_add_order (demo->store, &order, error))
    return FALSE;

  if (order.paid_at != 0 && _kefu_demo_rng_chance (&rng, refunds))
    return add_refund (demo, &rng, order_no, order.paid_amount, order.paid_at, error);
  return TRUE;
}

gboolean
_kefu_demo_add_orders (KefuDemo  *demo,
                       GError   **error)
{
  add_silent_orders (demo);
  for (guint i = 0; i < demo->orders->len; i++)
    if (!add_order (demo, &g_array_index (demo->orders, KefuDemoOrder, i), error))
      return FALSE;
  return TRUE;
}
