/* kefu-demo-messages.c — the demo shop's chat log
 *
 * Conversation by conversation, day by day: a buyer asks in one to four
 * turns, the shop's robot (店小蜜) greets some of them first, an
 * auto-reply says "one moment" when the agent is slow, and the agent
 * answers at their own speed, slower at busy hours. Now and then a
 * buyer's last message goes unanswered or a reply takes minutes; at
 * night only the robot is there and the agent answers after 08:00.
 *
 * Whether a conversation ends in an order is counted out, not drawn:
 * each agent's share of buyers who pay (and of those who order without
 * paying) accumulates through the day, so a month's conversion is the
 * agent's own to within a few tenths of a percent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-demo-private.h"

static const char * const first_questions[] = {
  "在吗？这件连衣裙还有M码吗", "这款大衣是羊毛的吗", "亲，身高160体重100斤穿什么码",
  "这个颜色实物偏黄吗", "今天下单什么时候发货", "这件毛衣起球吗", "有没有优惠券呀",
  "阔腿裤腰围是多少", "这款衬衫会透吗", "羽绒服含绒量多少",
};
static const char * const follow_ups[] = {
  "好的", "那我再看看", "可以便宜一点吗", "发什么快递", "包邮吗", "能开发票吗",
  "洗了会缩水吗", "那就拍S码吧", "有实拍图吗", "退换方便吗", "好的谢谢", "嗯嗯",
};
static const char * const replies[] = {
  "亲，在的呢～M码还有少量现货哦", "是的亲，面料含羊毛70%", "亲亲按您的身高体重建议S码哦",
  "实物颜色和图片一致的，放心拍", "下午四点前付款当天发出哦", "这款用的是精梳棉，不易起球",
  "亲，店铺首页可以领满199减20的券哦", "默认中通快递，全国包邮", "可以开电子发票的亲",
  "支持七天无理由退换，还送运费险", "好的亲，有问题随时找我哦", "已经是活动价啦亲",
};
static const char * const robot_greeting = "您好，我是店小蜜，请问有什么可以帮您？";
static const char * const robot_night = "亲，现在是非工作时间，客服上班后会第一时间回复您～";
static const char * const auto_reply = "亲，咨询的人有点多，客服正在快马加鞭赶来，请稍等哦～";

typedef struct
{
  KefuDemo      *demo;
  KefuDemoMonth *month;
  KefuMessage    message;
} Writer;

static gboolean
put (Writer      *w,
     gint64       t,
     KefuSender   sender,
     const char  *type,
     const char  *content,
     GError     **error)
{
  w->message.sent_at = t;
  w->message.sender = sender;
  w->message.type = type;
  w->message.content = content;
  w->month->rows[KEFU_DEMO_MESSAGES]++;
  return kefu_store_add_message (w->demo->store, &w->message, error);
}

static guint
pick_agent (KefuDemoRng          *rng,
            const KefuDemoHabits *habits,
            const gboolean       *works)
{
  double total = 0, pick;
  guint last = 0;

  for (guint a = 0; a < KEFU_DEMO_N_AGENTS; a++)
    if (works[a])
      total += habits[a].share;
  pick = _kefu_demo_rng_uniform (rng) * total;
  for (guint a = 0; a < KEFU_DEMO_N_AGENTS; a++)
    {
      if (!works[a])
        continue;
      if (pick < habits[a].share)
        return a;
      pick -= habits[a].share;
      last = a;
    }
  return last;
}

static guint
pick_turns (KefuDemoRng *rng)
{
  double u = _kefu_demo_rng_uniform (rng);

  return u < 0.30 ? 1 : u < 0.65 ? 2 : u < 0.87 ? 3 : 4;
}

/* One conversation; returns when it ended in @end. */
static gboolean
converse (Writer               *w,
          KefuDemoRng          *rng,
          gint64                day_start,
          guint                 agent,
          const KefuDemoHabits *habits,
          gint64               *end,
          GError              **error)
{
  gint64 t = day_start + _kefu_demo_pick_hour (rng) * 3600 + _kefu_demo_rng_below (rng, 3600);
  gint64 opens = day_start + 8 * 3600;
  guint turns = pick_turns (rng);

  for (guint turn = 0; turn < turns; turn++)
    {
      gint64 start = t;
      guint asks = 1 + _kefu_demo_rng_chance (rng, 0.45) + _kefu_demo_rng_chance (rng, 0.15);
      int hour = (int) CLAMP ((start - day_start) / 3600, 0, 23);
      gboolean night = start < opens;
      guint n_replies;
      double rt;

      for (guint i = 0; i < asks; i++)
        {
          const char *text = turn == 0 && i == 0
                               ? first_questions[_kefu_demo_rng_below (rng, G_N_ELEMENTS (first_questions))]
                               : follow_ups[_kefu_demo_rng_below (rng, G_N_ELEMENTS (follow_ups))];

          if (!put (w, t, KEFU_SENDER_BUYER, "文字", text, error))
            return FALSE;
          if (turn == 0 && i == 0 && (night || _kefu_demo_rng_chance (rng, 0.35)) &&
              !put (w, t + 1, KEFU_SENDER_ROBOT, "文字", night ? robot_night : robot_greeting, error))
            return FALSE;
          t += 2 + _kefu_demo_rng_below (rng, 7);
        }

      if (turn == turns - 1 && _kefu_demo_rng_chance (rng, habits->unanswered))
        break;

      if (night)
        rt = opens + _kefu_demo_rng_below (rng, 1800) - start;
      else if (_kefu_demo_rng_chance (rng, habits->slow))
        rt = 150 + _kefu_demo_rng_below (rng, 600);
      else
        {
          double spread = exp (0.55 * _kefu_demo_rng_normal (rng));

          rt = MAX (2, habits->speed * _kefu_demo_hour_load (hour) * (turn == 0 ? 0.8 : 1.0) * spread);
        }

      if (!night && rt > 45 && _kefu_demo_rng_chance (rng, 0.5) &&
          !put (w, start + 2, KEFU_SENDER_AUTO, "文字", auto_reply, error))
        return FALSE;

      t = MAX (start + (gint64) rt, t - 1);
      n_replies = 1 + _kefu_demo_rng_chance (rng, habits->chatty) +
                  _kefu_demo_rng_chance (rng, habits->chatty * 0.4);
      for (guint r = 0; r < n_replies; r++)
        {
          double kind = _kefu_demo_rng_uniform (rng);
          const char *type = kind < 0.08 ? "商品卡片" : kind < 0.12 ? "优惠券" : "文字";
          const char *text = replies[_kefu_demo_rng_below (rng, G_N_ELEMENTS (replies))];

          if (!put (w, t, KEFU_SENDER_AGENT, type, text, error))
            return FALSE;
          t += 6 + _kefu_demo_rng_below (rng, 40);
        }
      t += 15 + _kefu_demo_rng_below (rng, 200);
    }

  *end = t;
  return TRUE;
}

/* When the buyer orders after the talk: mostly at once, some days later. */
static gint64
order_delay (KefuDemoRng *rng)
{
  double u = _kefu_demo_rng_uniform (rng);

  if (u < 0.65)
    return 60 + _kefu_demo_rng_below (rng, 2400);
  if (u < 0.90)
    return 3600 + _kefu_demo_rng_below (rng, 11 * 3600);
  return 12 * 3600 + _kefu_demo_rng_below (rng, 48 * 3600);
}

static gboolean
add_day (KefuDemo     *demo,
         const GDate  *day,
         GError      **error)
{
  guint jd = g_date_get_julian (day);
  gint64 day_start = _kefu_demo_day_start (demo, day);
  KefuDemoHabits habits[KEFU_DEMO_N_AGENTS];
  gboolean works[KEFU_DEMO_N_AGENTS];
  double paying[KEFU_DEMO_N_AGENTS], unpaid[KEFU_DEMO_N_AGENTS];
  guint n = _kefu_demo_conversations (day);
  Writer w = { demo, _kefu_demo_month (demo, day) };

  for (guint a = 0; a < KEFU_DEMO_N_AGENTS; a++)
    {
      KefuDemoRng rng;

      _kefu_demo_agent_habits (a, _kefu_demo_progress (demo, day), &habits[a]);
      works[a] = _kefu_demo_agent_works (a, day);
      _kefu_demo_rng_init (&rng, jd, a, KEFU_DEMO_STREAM_ACCUMULATOR);
      paying[a] = _kefu_demo_rng_uniform (&rng);
      unpaid[a] = _kefu_demo_rng_uniform (&rng);
    }

  w.message.batch_id = w.month->batch[KEFU_DEMO_MESSAGES];
  w.message.shop_id = demo->shop_id;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *conversation = g_strdup_printf ("%u%04u", jd, i);
      KefuDemoOrder order = { 0 };
      KefuDemoRng rng;
      guint agent;
      gint64 end;

      _kefu_demo_rng_init (&rng, jd, i, KEFU_DEMO_STREAM_CONVERSATION);
      agent = pick_agent (&rng, habits, works);
      _kefu_demo_buyer_name (jd, i, FALSE, order.buyer, sizeof order.buyer);
      w.message.agent_id = demo->agent_ids[agent];
      w.message.buyer = order.buyer;
      w.message.conversation = conversation;
      if (!converse (&w, &rng, day_start, agent, &habits[agent], &end, error))
        return FALSE;

      paying[agent] += habits[agent].conversion;
      if (paying[agent] >= 1)
        {
          paying[agent] -= 1;
          order.paid = TRUE;
        }
      else
        {
          unpaid[agent] += habits[agent].conversion * (1 / habits[agent].payment - 1) /
                           (1 - habits[agent].conversion);
          if (unpaid[agent] < 1)
            continue;
          unpaid[agent] -= 1;
        }

      order.placed_at = end + order_delay (&rng);
      order.day = jd;
      order.index = i;
      order.agent = agent;
      if (order.placed_at < demo->end_utc)
        g_array_append_val (demo->orders, order);
    }
  return TRUE;
}

gboolean
_kefu_demo_add_messages (KefuDemo  *demo,
                         GError   **error)
{
  GDate day = demo->first;

  for (; g_date_compare (&day, &demo->last) <= 0; g_date_add_days (&day, 1))
    if (!add_day (demo, &day, error))
      return FALSE;
  return TRUE;
}
