/* test-metrics-events.c — metrics from chat logs, sessions and orders
 *
 * Every expected figure is worked out by hand beside the data. Times are
 * Shanghai wall clock unless a zone is written; 2026-10-05 is a Monday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kefu-metric-test-utils.h"

#define MESSAGES_HEADER "buyer,agent,sent_at,sender\n"
#define ORDERS_HEADER "订单编号,买家,客服,下单时间,付款时间,实付金额,商品数量\n"

static const char *turns_messages =
  MESSAGES_HEADER
  /* b1: the robot neither answers nor ends the turn. */
  "b1,,2026-10-05 10:00:00,买家\n"
  "b1,,2026-10-05 10:00:05,机器人\n"
  "b1,,2026-10-05 10:00:20,买家\n"
  "b1,店:小安,2026-10-05 10:00:40,客服\n"   /* turn 1: 40 s */
  "b1,店:小安,2026-10-05 10:00:50,客服\n"   /* no turn to answer */
  "b1,,2026-10-05 10:02:00,买家\n"          /* turn 2, same conversation */
  "b1,,2026-10-05 10:02:01,自动回复\n"
  "b1,,2026-10-05 10:02:02,系统\n"
  "b1,店:小安,2026-10-05 10:05:30,客服\n"   /* turn 2: 210 s */
  /* b2: two conversations, the second split by a 1480 s gap. */
  "b2,,2026-10-05 11:00:00,买家\n"
  "b2,店:小贝,2026-10-05 11:00:10,客服\n"   /* 10 s, conversation 1 */
  "b2,,2026-10-05 11:05:00,买家\n"          /* 290 s after: same conversation */
  "b2,店:小贝,2026-10-05 11:05:20,客服\n"   /* 20 s */
  "b2,,2026-10-05 11:30:00,买家\n"          /* 1480 s after, answered: conversation 2 */
  "b2,,2026-10-05 11:45:00,买家\n"          /* still waiting: the same turn */
  "b2,店:小贝,2026-10-05 11:46:00,客服\n"; /* 960 s from 11:30:00 */

/* Turns, robot and auto replies, conversations, first response time. */
static void
test_turns (MetricFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "turns.csv", turns_messages);
  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);

  /* 小安: turns 40 s and 210 s. */
  metric_assert_value (table, "小安", NULL, "response_rate_30s", 0, 2, 0);
  metric_assert_value (table, "小安", NULL, "response_rate_3min", 1, 2, 0.5);
  metric_assert_value (table, "小安", NULL, "response_rate_5min", 2, 2, 1);
  metric_assert_value (table, "小安", NULL, "avg_response_time", 250, 2, 125);
  metric_assert_value (table, "小安", NULL, "slow_responses", 1, 1, 1);          /* 210 > 120 */
  metric_assert_value (table, "小安", NULL, "first_response_time", 40, 1, 40);
  metric_assert_value (table, "小安", NULL, "messages_sent", 3, 1, 3);
  metric_assert_value (table, "小安", NULL, "qa_ratio", 3, 3, 1);                /* 3 manual ÷ 3 buyer */
  metric_assert_value (table, "小安", NULL, "sessions_received", 1, 1, 1);

  /* 小贝: turns 10, 20, 960 s; conversations start with 10 and 960 s. */
  metric_assert_value (table, "小贝", NULL, "response_rate_30s", 2, 3, 2.0 / 3);
  metric_assert_value (table, "小贝", NULL, "avg_response_time", 990, 3, 330);
  metric_assert_value (table, "小贝", NULL, "first_response_time", 970, 2, 485);
  metric_assert_value (table, "小贝", NULL, "sessions_received", 2, 1, 2);
  metric_assert_value (table, "小贝", NULL, "slow_responses", 1, 1, 1);

  /* The shop: 5 turns 40, 210, 10, 20, 960; 30 s: 10, 20; 3 min: + 40;
   * 5 min: + 210. Σ = 1240. Conversations 40, 10, 960 s. */
  metric_assert_value (table, NULL, NULL, "response_rate_30s", 2, 5, 0.4);
  metric_assert_value (table, NULL, NULL, "response_rate_3min", 3, 5, 0.6);
  metric_assert_value (table, NULL, NULL, "response_rate_5min", 4, 5, 0.8);
  metric_assert_value (table, NULL, NULL, "avg_response_time", 1240, 5, 248);
  metric_assert_value (table, NULL, NULL, "first_response_time", 1010, 3, 1010.0 / 3);
  metric_assert_value (table, NULL, NULL, "sessions_received", 3, 1, 3);
  metric_assert_value (table, NULL, NULL, "consult_buyers", 2, 1, 2);
  metric_assert_value (table, NULL, NULL, "received_buyers", 2, 1, 2);
  metric_assert_value (table, NULL, NULL, "unreplied_buyers", 0, 1, 0);
  metric_assert_value (table, NULL, NULL, "online_days", 1, 1, 1);
  g_assert_true (metric_get (table, "小安", NULL, "avg_response_time")->from_events);
}

/* A day of a long history is read by time and sorted, not by walking
 * every buyer of the history: the same figures. */
static void
test_long_history (MetricFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) messages = g_string_new (turns_messages);
  g_autoptr(KefuMetricTable) table = NULL;

  g_string_append (messages, "b0,,2026-01-05 10:00:00,买家\n"
                             "b0,店:小安,2026-01-05 10:00:10,客服\n"
                             "b3,,2026-12-31 10:00:00,买家\n");
  metric_import (fixture, "history.csv", messages->str);
  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (table, NULL, NULL, "response_rate_5min", 4, 5, 0.8);
  metric_assert_value (table, NULL, NULL, "first_response_time", 1010, 3, 1010.0 / 3);
  metric_assert_value (table, "小贝", NULL, "avg_response_time", 990, 3, 330);
  metric_assert_value (table, "小安", NULL, "messages_sent", 3, 1, 3);
}

/* The window is [08:00, 23:00): a turn counts by its start. */
static void
test_window_edges (MetricFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) late = NULL;
  g_autoptr(KefuMetricTable) all_day = NULL;
  KefuMetricSettings settings;

  metric_import (fixture, "window.csv",
                 MESSAGES_HEADER
                 "w1,,2026-10-06 07:59:59,买家\n"           /* before the window */
                 "w1,店:小安,2026-10-06 08:00:09,客服\n"
                 "w2,,2026-10-06 08:00:00,买家\n"           /* first second of it */
                 "w2,店:小安,2026-10-06 08:00:10,客服\n"
                 "w3,,2026-10-06 22:59:59,买家\n"           /* last second; answered after 23:00 */
                 "w3,店:小安,2026-10-06 23:00:09,客服\n"
                 "w4,,2026-10-06 23:00:00,买家\n"           /* the window has ended */
                 "w4,店:小安,2026-10-06 23:00:10,客服\n");

  /* In the window: w2 and w3, each answered in 10 s. */
  table = metric_query (fixture, "2026-10-06", "2026-10-06", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (table, NULL, NULL, "response_rate_30s", 2, 2, 1);
  metric_assert_value (table, NULL, NULL, "avg_response_time", 20, 2, 10);
  metric_assert_value (table, NULL, NULL, "effective_reply_rate", 2, 2, 1);
  /* Buyers are counted whatever the clock. */
  metric_assert_value (table, NULL, NULL, "consult_buyers", 4, 1, 4);
  metric_assert_value (table, NULL, NULL, "inquiry_buyers", 4, 1, 4);
  metric_assert_value (table, "小安", NULL, "messages_sent", 4, 1, 4);

  /* Taobao's 08:00–24:00 takes w4 in too. */
  kefu_metric_settings_init (&settings);
  settings.window_end = 24 * 3600;
  late = metric_query (fixture, "2026-10-06", "2026-10-06", KEFU_GROUP_AGENT, &settings);
  metric_assert_value (late, NULL, NULL, "response_rate_30s", 3, 3, 1);

  /* Equal start and end: the whole day. */
  settings.window_start = settings.window_end = 0;
  all_day = metric_query (fixture, "2026-10-06", "2026-10-06", KEFU_GROUP_AGENT, &settings);
  metric_assert_value (all_day, NULL, NULL, "response_rate_30s", 4, 4, 1);
}

/* A turn started in the window counts with its full time, however late
 * the answer; the next day's figures do not see it. */
static void
test_overnight (MetricFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) next_day = NULL;

  metric_import (fixture, "overnight.csv",
                 MESSAGES_HEADER
                 "o1,,2026-10-06 22:59:00,买家\n"
                 "o1,店:小贝,2026-10-07 08:05:00,客服\n"    /* 61 min + 8 h 5 min = 32760 s */
                 "o2,,2026-10-06 22:39:00,买家\n"
                 "o2,店:小贝,2026-10-07 08:05:00,客服\n");  /* 81 min + 8 h 5 min = 33960 s */

  table = metric_query (fixture, "2026-10-06", "2026-10-06", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (table, "小贝", NULL, "avg_response_time", 32760 + 33960, 2, 33360);
  metric_assert_value (table, "小贝", NULL, "first_response_time", 32760 + 33960, 2, 33360);
  metric_assert_value (table, "小贝", NULL, "response_rate_5min", 0, 2, 0);
  metric_assert_value (table, "小贝", NULL, "effective_reply_rate", 0, 2, 0);  /* > 60 min */
  metric_assert_value (table, "小贝", NULL, "unreplied_buyers", 0, 1, 0);
  metric_assert_value (table, NULL, NULL, "slow_responses", 2, 1, 2);
  /* The answers were sent the next day. */
  metric_assert_value (table, "小贝", NULL, "messages_sent", 0, 1, 0);

  next_day = metric_query (fixture, "2026-10-07", "2026-10-07", KEFU_GROUP_AGENT, NULL);
  metric_assert_missing (next_day, NULL, NULL, "response_rate_30s", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  metric_assert_missing (next_day, "小贝", NULL, "avg_response_time", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  metric_assert_value (next_day, "小贝", NULL, "messages_sent", 2, 1, 2);
}

/* Unanswered turns count in every rate's denominator, never in the
 * average; an unanswered turn belongs to its conversation's agent. */
static void
test_unanswered (MetricFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "unanswered.csv",
                 MESSAGES_HEADER
                 "u1,,2026-10-05 10:00:00,买家\n"
                 "u1,店:小安,2026-10-05 10:00:20,客服\n"    /* 20 s */
                 "u2,,2026-10-05 10:10:00,买家\n"           /* never answered, nobody's: the shop's */
                 "u2,,2026-10-05 10:10:01,机器人\n"
                 "u3,,2026-10-05 11:00:00,买家\n"
                 "u3,店:小安,2026-10-05 11:00:10,客服\n"    /* 10 s */
                 "u3,,2026-10-05 11:02:00,买家\n");         /* never answered: 小安's conversation */

  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);

  /* Shop: 4 turns, 2 answered (20 s, 10 s). */
  metric_assert_value (table, NULL, NULL, "response_rate_30s", 2, 4, 0.5);
  metric_assert_value (table, NULL, NULL, "response_rate_5min", 2, 4, 0.5);
  metric_assert_value (table, NULL, NULL, "avg_response_time", 30, 2, 15);
  metric_assert_value (table, NULL, NULL, "unreplied_buyers", 2, 1, 2);       /* u2, u3 */
  metric_assert_value (table, NULL, NULL, "effective_reply_rate", 1, 3, 1.0 / 3);
  metric_assert_value (table, NULL, NULL, "sessions_received", 2, 1, 2);       /* u2's had no reply */

  /* 小安: u1 (20 s), u3 (10 s) and u3's unanswered turn. */
  metric_assert_value (table, "小安", NULL, "response_rate_30s", 2, 3, 2.0 / 3);
  metric_assert_value (table, "小安", NULL, "avg_response_time", 30, 2, 15);
  metric_assert_value (table, "小安", NULL, "unreplied_buyers", 1, 1, 1);
  metric_assert_value (table, "小安", NULL, "effective_reply_rate", 1, 2, 0.5);
  metric_assert_value (table, "小安", NULL, "qa_ratio", 2, 3, 2.0 / 3);        /* 2 replies ÷ 3 buyer messages */
}

/* PDD: a buyer-day is effective when every turn in the window that day
 * was answered within 60 minutes. */
static void
test_effective_reply (MetricFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) by_day = NULL;

  metric_import (fixture, "effective.csv",
                 MESSAGES_HEADER
                 "e1,,2026-10-08 09:00:00,买家\n"
                 "e1,店:小安,2026-10-08 10:00:00,客服\n"    /* 3600 s: within 60 min */
                 "e1,,2026-10-08 12:00:00,买家\n"
                 "e1,店:小安,2026-10-08 12:00:30,客服\n"    /* e1 on 10-08: effective */
                 "e2,,2026-10-08 09:00:00,买家\n"
                 "e2,店:小安,2026-10-08 10:00:01,客服\n"    /* 3601 s: not */
                 "e3,,2026-10-08 14:00:00,买家\n"
                 "e3,店:小安,2026-10-08 14:10:00,客服\n"
                 "e3,,2026-10-08 22:30:00,买家\n"
                 "e3,店:小安,2026-10-08 23:45:00,客服\n"    /* 75 min: e3 is not */
                 "e4,,2026-10-08 14:00:00,买家\n"
                 "e4,店:小安,2026-10-08 14:01:00,客服\n"    /* e4 on 10-08: effective */
                 "e4,,2026-10-09 14:00:00,买家\n"
                 "e4,店:小安,2026-10-09 16:00:00,客服\n");  /* e4 on 10-09: not */

  /* Buyer-days: e1 ✓, e2 ✗, e3 ✗, e4 ✓ on 10-08; e4 ✗ on 10-09: 2 of 5. */
  table = metric_query (fixture, "2026-10-08", "2026-10-09", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (table, NULL, NULL, "effective_reply_rate", 2, 5, 0.4);
  metric_assert_value (table, "小安", NULL, "effective_reply_rate", 2, 5, 0.4);
  metric_assert_value (table, "小安", NULL, "online_days", 2, 1, 2);

  by_day = metric_query (fixture, "2026-10-08", "2026-10-09", KEFU_GROUP_AGENT_DAY, NULL);
  metric_assert_value (by_day, NULL, "2026-10-08", "effective_reply_rate", 2, 4, 0.5);
  metric_assert_value (by_day, "小安", "2026-10-09", "effective_reply_rate", 0, 1, 0);
  metric_assert_value (by_day, "小安", "2026-10-09", "online_days", 1, 1, 1);
}

static const char *attribution_messages =
  MESSAGES_HEADER
  "p1,,2026-10-10 10:00:00,买家\n"
  "p1,店:小安,2026-10-10 10:00:10,客服\n"
  "p2,,2026-10-10 10:00:00,买家\n"
  "p2,店:小贝,2026-10-10 10:00:10,客服\n"
  "p2,,2026-10-10 15:00:00,买家\n"
  "p2,店:小安,2026-10-10 15:00:20,客服\n"   /* p2's last reply: 小安 */
  "p3,,2026-10-10 10:00:00,买家\n"
  "p3,店:小贝,2026-10-10 10:00:10,客服\n"
  "p5,,2026-10-11 11:00:00,买家\n"
  "p5,店:小安,2026-10-11 11:00:30,客服\n";

static const char *attribution_orders =
  ORDERS_HEADER
  "o1,p1,,2026-10-12 09:00:00,2026-10-12 09:01:00,100.00,1\n"  /* 47 h after 小安's reply */
  "o2,p2,,2026-10-11 09:00:00,2026-10-11 09:00:30,200.00,2\n"  /* 小安, the last to reply */
  "o3,p3,,2026-10-13 10:00:11,2026-10-13 10:00:30,50.00,1\n"   /* 3 days + 1 s after 小贝 */
  "o4,p4,,2026-10-11 12:00:00,2026-10-11 12:01:00,80.00,1\n"   /* p4 never wrote: silent */
  "o5,p5,,2026-10-11 12:00:00,,,1\n";                          /* 小安; not paid */

/* An order is the agent's of the buyer's last manual reply within the
 * window; a buyer converts when paying within it after the first inquiry. */
static void
test_attribution (MetricFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuMetricTable) wider = NULL;
  KefuMetricSettings settings;

  metric_import (fixture, "chat.csv", attribution_messages);
  metric_import (fixture, "orders.csv", attribution_orders);

  table = metric_query (fixture, "2026-10-10", "2026-10-13", KEFU_GROUP_AGENT, NULL);

  /* 小安: o1, o2 paid of o1, o2, o5; ¥300 from p1 and p2; 3 items. */
  metric_assert_value (table, "小安", NULL, "payment_rate", 2, 3, 2.0 / 3);
  metric_assert_value (table, "小安", NULL, "agent_sales", 300, 1, 300);
  metric_assert_value (table, "小安", NULL, "unit_price", 300, 2, 150);
  metric_assert_value (table, "小安", NULL, "items_per_buyer", 3, 2, 1.5);
  /* 小贝 took no order: a true zero, and no payment rate to speak of. */
  metric_assert_value (table, "小贝", NULL, "agent_sales", 0, 1, 0);
  metric_assert_missing (table, "小贝", NULL, "payment_rate", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  /* The shop has every order, silent ones too: 4 paid of 5, ¥430 from
   * 4 buyers, 5 items. */
  metric_assert_value (table, NULL, NULL, "payment_rate", 4, 5, 0.8);
  metric_assert_value (table, NULL, NULL, "agent_sales", 430, 1, 430);
  metric_assert_value (table, NULL, NULL, "unit_price", 430, 4, 107.5);
  metric_assert_value (table, NULL, NULL, "items_per_buyer", 5, 4, 1.25);
  /* 小安's unit price against the shop's: 150 ÷ 107.5. */
  metric_assert_value (table, "小安", NULL, "unit_price_ratio", 150, 107.5, 150 / 107.5);

  /* Conversion: 小安's inquirers p1 ✓ (paid 47 h after), p2 ✓, p5 ✗;
   * 小贝's p2 ✓, p3 ✗ (paid 3 days 30 s after 10:00:00). Shop: p1, p2 of
   * p1, p2, p3, p5. */
  metric_assert_value (table, "小安", NULL, "inquiry_conversion_rate", 2, 3, 2.0 / 3);
  metric_assert_value (table, "小贝", NULL, "inquiry_conversion_rate", 1, 2, 0.5);
  metric_assert_value (table, NULL, NULL, "inquiry_conversion_rate", 2, 4, 0.5);
  metric_assert_value (table, "小安", NULL, "inquiry_buyers", 3, 1, 3);

  /* A 4-day window reaches o3: 小贝's order, and p3 converts. */
  kefu_metric_settings_init (&settings);
  settings.conversion_days = 4;
  wider = metric_query (fixture, "2026-10-10", "2026-10-13", KEFU_GROUP_AGENT, &settings);
  metric_assert_value (wider, "小贝", NULL, "agent_sales", 50, 1, 50);
  metric_assert_value (wider, "小贝", NULL, "payment_rate", 1, 1, 1);
  metric_assert_value (wider, "小贝", NULL, "inquiry_conversion_rate", 2, 2, 1);
  metric_assert_value (wider, NULL, NULL, "inquiry_conversion_rate", 3, 4, 0.75);
}

/* A buyer with two paid orders in the period repeats, whoever took the
 * second; the export's own agent column beats the chat. */
static void
test_repeat_buyers (MetricFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "chat.csv",
                 MESSAGES_HEADER
                 "r1,,2026-10-14 10:00:00,买家\n"
                 "r1,店:小安,2026-10-14 10:00:05,客服\n"
                 "r2,,2026-10-14 12:00:00,买家\n"
                 "r2,店:小安,2026-10-14 12:00:05,客服\n"
                 "r3,,2026-10-14 12:00:00,买家\n"
                 "r3,店:小安,2026-10-14 12:00:05,客服\n");
  metric_import (fixture, "orders.csv",
                 ORDERS_HEADER
                 "q1,r1,,2026-10-14 11:00:00,2026-10-14 11:00:10,10,1\n"
                 "q2,r1,,2026-10-15 09:00:00,2026-10-15 09:00:10,20,1\n"
                 "q3,r2,,2026-10-14 13:00:00,2026-10-14 13:00:10,30,1\n"
                 "q4,r2,店:小贝,2026-10-15 13:00:00,2026-10-15 13:00:10,40,1\n"
                 "q5,r3,,2026-10-14 13:00:00,2026-10-14 13:00:10,50,1\n"
                 "q6,r4,,2026-10-14 13:00:00,,,1\n"
                 "q7,r4,,2026-10-15 13:00:00,2026-10-15 13:00:10,60,1\n");

  table = metric_query (fixture, "2026-10-14", "2026-10-15", KEFU_GROUP_AGENT, NULL);
  /* 小安's paying buyers r1 (2 orders), r2 (q3 here, q4 小贝's), r3. */
  metric_assert_value (table, "小安", NULL, "repeat_purchase_rate", 2, 3, 2.0 / 3);
  metric_assert_value (table, "小安", NULL, "agent_sales", 110, 1, 110);
  metric_assert_value (table, "小贝", NULL, "repeat_purchase_rate", 1, 1, 1);
  metric_assert_value (table, "小贝", NULL, "agent_sales", 40, 1, 40);
  /* The shop: r1, r2 repeat; r3 and r4 (one paid order) do not. */
  metric_assert_value (table, NULL, NULL, "repeat_purchase_rate", 2, 4, 0.5);
  metric_assert_value (table, NULL, NULL, "payment_rate", 6, 7, 6.0 / 7);
}

/* Sessions: pick-up, queue, satisfaction, and received sessions from the
 * platform's list rather than from the messages. */
static void
test_sessions (MetricFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;

  metric_import (fixture, "sessions.csv",
                 "会话ID,买家,客服,开始时间,进入排队时间,分配时间,是否转人工,满意度评价\n"
                 "s1,a,店:小安,2026-10-05 10:00:00,2026-10-05 10:00:00,2026-10-05 10:00:30,是,很满意\n"
                 "s2,b,店:小安,2026-10-05 11:00:00,2026-10-05 11:00:00,2026-10-05 11:02:00,是,不满\n"
                 "s3,c,,2026-10-05 12:00:00,2026-10-05 12:00:00,,是,\n"
                 "s4,d,店:小贝,2026-10-05 13:00:00,,,否,满意\n");

  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  /* Shop: s1–s3 transferred, s1 and s2 picked up; queues 30 s and 120 s;
   * rated s1 (很满意), s2 (不满), s4 (满意). */
  metric_assert_value (table, NULL, NULL, "transfer_sessions", 3, 1, 3);
  metric_assert_value (table, NULL, NULL, "pickup_rate", 2, 3, 2.0 / 3);
  metric_assert_value (table, NULL, NULL, "avg_wait_time", 150, 2, 75);
  metric_assert_value (table, NULL, NULL, "satisfaction_rate", 2, 3, 2.0 / 3);
  metric_assert_value (table, NULL, NULL, "dissatisfaction_rate", 1, 3, 1.0 / 3);
  metric_assert_value (table, NULL, NULL, "sessions_received", 3, 1, 3);
  metric_assert_value (table, "小安", NULL, "pickup_rate", 2, 2, 1);
  metric_assert_value (table, "小安", NULL, "satisfaction_rate", 1, 2, 0.5);
  metric_assert_value (table, "小安", NULL, "sessions_received", 2, 1, 2);
  metric_assert_value (table, "小贝", NULL, "satisfaction_rate", 1, 1, 1);
  metric_assert_missing (table, "小贝", NULL, "avg_wait_time", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  /* No messages were imported: the chat metrics have nothing to say. */
  metric_assert_missing (table, NULL, NULL, "response_rate_30s", KEFU_METRIC_MISSING_NO_DATA);
}

static void
insert_batch (MetricFixture *fixture,
              int            id,
              const char    *kind,
              const char    *from,
              const char    *to)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO import_batch (id, shop_id, file_name, file_size, sha256, kind, "
                     "  period_start, period_end, imported_at) "
                     "VALUES (%d, %ld, '%s.csv', 0, printf('%%064d', %d), '%s', '%s', '%s', '2026-11-01')",
                     id, (long) fixture->shop_id, kind, id, kind, from, to);
  metric_exec (fixture, sql);
}

/* Refunds and reviews have no import profile yet: rows by SQL. */
static void
test_refunds_reviews (MetricFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(KefuMetricTable) table = NULL;
  g_autofree char *refunds = NULL;
  g_autofree char *reviews = NULL;

  metric_import (fixture, "orders.csv",
                 ORDERS_HEADER
                 "x1,a,店:小安,2026-10-05 10:00:00,2026-10-05 10:00:10,100,1\n"
                 "x2,b,店:小安,2026-10-06 10:00:00,2026-10-06 10:00:10,200,1\n"
                 "x3,c,店:小贝,2026-10-06 10:00:00,2026-10-06 10:00:10,50,1\n");
  insert_batch (fixture, 50, "refunds", "2026-10-07", "2026-10-10");
  insert_batch (fixture, 51, "reviews", "2026-05-01", "2026-10-07");

  refunds = g_strdup_printf (
    "INSERT INTO refund (batch_id, shop_id, order_no, amount, status, kind, reason, applied_at, completed_at) VALUES "
    "(50, %1$ld, 'x1', 100, '退款成功', '退货退款', '质量问题', %2$ld, %3$ld),"
    "(50, %1$ld, 'x2', 50, '退款成功', '仅退款', '不想要了', %4$ld, %5$ld),"
    "(50, %1$ld, 'x3', 50, '退款关闭', '退货退款', '尺码不合适', %6$ld, NULL),"
    "(50, %1$ld, 'x3', 10, '纠纷退款成功', '仅退款', '未按约定时间发货', %7$ld, %8$ld)",
    (long) fixture->shop_id,
    (long) metric_time ("2026-10-07 10:00:00"), (long) metric_time ("2026-10-08 10:00:00"),
    (long) metric_time ("2026-10-07 12:00:00"), (long) metric_time ("2026-10-07 14:00:00"),
    (long) metric_time ("2026-10-08 09:00:00"),
    (long) metric_time ("2026-10-09 09:00:00"), (long) metric_time ("2026-10-10 09:00:00"));
  metric_exec (fixture, refunds);

  reviews = g_strdup_printf (
    "INSERT INTO review (batch_id, shop_id, order_no, reviewed_at, grade, dsr_description, dsr_service, dsr_logistics) VALUES "
    "(51, %1$ld, 'x1', %2$ld, 'good', 5, 5, 5),"
    "(51, %1$ld, 'x2', %3$ld, 'bad', 2, 3, 4),"
    "(51, %1$ld, 'x3', %4$ld, 'neutral', 4, NULL, 5),"
    "(51, %1$ld, 'y1', %5$ld, 'good', 5, 5, 5),"
    "(51, %1$ld, 'y2', %6$ld, 'bad', 1, 1, 1)",
    (long) fixture->shop_id,
    (long) metric_time ("2026-10-05 12:00:00"), (long) metric_time ("2026-10-06 12:00:00"),
    (long) metric_time ("2026-10-07 12:00:00"),
    (long) metric_time ("2026-05-01 00:00:00"),    /* the first day of the six months to 10-31 */
    (long) metric_time ("2026-04-30 23:59:59"));   /* the day before: out */
  metric_exec (fixture, reviews);

  table = metric_query (fixture, "2026-10-01", "2026-10-31", KEFU_GROUP_AGENT, NULL);

  /* 小安: x1 returned for quality 2 days after payment; x2 refunded only. */
  metric_assert_value (table, "小安", NULL, "monthly_returns", 1, 1, 1);
  metric_assert_value (table, "小安", NULL, "return_rate", 1, 2, 0.5);
  metric_assert_value (table, "小安", NULL, "quality_return_rate", 1, 2, 0.5);
  metric_assert_value (table, "小安", NULL, "avg_refund_time", 2, 1, 2);            /* x2: 2 h */
  metric_assert_value (table, "小安", NULL, "avg_aftersale_time", 26, 2, 13);       /* 24 h + 2 h */
  metric_assert_value (table, "小安", NULL, "refund_amount", 150, 1, 150);
  metric_assert_value (table, "小安", NULL, "dispute_refund_rate", 0, 2, 0);
  /* 小贝: the return was closed; the dispute was lost. */
  metric_assert_value (table, "小贝", NULL, "monthly_returns", 0, 1, 0);
  metric_assert_value (table, "小贝", NULL, "return_rate", 0, 1, 0);
  metric_assert_value (table, "小贝", NULL, "dispute_refund_rate", 1, 2, 0.5);
  metric_assert_value (table, "小贝", NULL, "dispute_refunds", 1, 1, 1);
  metric_assert_value (table, "小贝", NULL, "avg_refund_time", 24, 1, 24);
  /* The shop. */
  metric_assert_value (table, NULL, NULL, "return_rate", 1, 3, 1.0 / 3);
  metric_assert_value (table, NULL, NULL, "dispute_refund_rate", 1, 4, 0.25);
  metric_assert_value (table, NULL, NULL, "avg_aftersale_time", 50, 3, 50.0 / 3);
  metric_assert_value (table, NULL, NULL, "refund_amount", 160, 1, 160);

  /* Reviews of October: x1 good, x2 bad, x3 neutral; x2 rated 2 ≤ 3. */
  metric_assert_value (table, NULL, NULL, "good_review_rate", 1, 3, 1.0 / 3);
  metric_assert_value (table, NULL, NULL, "bad_review_rate", 1, 3, 1.0 / 3);
  metric_assert_value (table, NULL, NULL, "low_rating_orders", 1, 1, 1);
  /* DSR over 2026-05-01 … 10-31: description 5+2+4+5, service 5+3+5
   * (x3 has none), logistics 5+4+5+5. */
  metric_assert_value (table, NULL, NULL, "dsr_description", 16, 4, 4);
  metric_assert_value (table, NULL, NULL, "dsr_service", 13, 3, 13.0 / 3);
  metric_assert_value (table, NULL, NULL, "dsr_logistics", 19, 4, 4.75);
  /* Reviews are the shop's. */
  metric_assert_missing (table, "小安", NULL, "good_review_rate", KEFU_METRIC_MISSING_NO_DATA);
  metric_assert_missing (table, "小安", NULL, "dsr_service", KEFU_METRIC_MISSING_NO_DATA);
  /* Nothing tells complaints or receipt times. */
  metric_assert_missing (table, NULL, NULL, "complaint_rate", KEFU_METRIC_MISSING_NO_DATA);
  metric_assert_missing (table, NULL, NULL, "review_rate", KEFU_METRIC_MISSING_NO_DATA);
}

/* The same instants in Berlin and in Shanghai: windows and days follow
 * the shop's clock. 2026-10-25 is the Sunday Berlin leaves summer time
 * (03:00 CEST → 02:00 CET): a day of 25 hours. */
static void
test_time_zones (MetricFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuMetricTable) berlin = NULL;
  g_autoptr(KefuMetricTable) shanghai = NULL;
  g_autoptr(KefuMetricTable) fixed = NULL;
  g_autoptr(KefuMetricTable) hours = NULL;
  g_autoptr(GError) error = NULL;
  KefuMetricSettings settings;
  const KefuMetricValue *value;
  GDate day;
  int row = -1;

  metric_import (fixture, "zones.csv",
                 MESSAGES_HEADER
                 /* Berlin 07:59:59 (Shanghai 14:59:59), never answered. */
                 "z1,,2026-10-25T07:59:59+01:00,买家\n"
                 /* Berlin 08:00:00 (Shanghai 15:00:00), answered in 15 s. */
                 "z2,,2026-10-25T08:00:00+01:00,买家\n"
                 "z2,店:小安,2026-10-25T08:00:15+01:00,客服\n"
                 /* Berlin 10-24 23:30 (Shanghai 10-25 05:30). */
                 "z3,,2026-10-24T23:30:00+02:00,买家\n"
                 "z3,店:小安,2026-10-24T23:30:15+02:00,客服\n"
                 /* Berlin 10-25 00:30 CEST (Shanghai 06:30). */
                 "z4,,2026-10-25T00:30:00+02:00,买家\n"
                 "z4,店:小安,2026-10-25T00:30:15+02:00,客服\n"
                 /* Berlin 22:59 CET, the 25th hour's day (Shanghai 10-26 05:59). */
                 "z5,,2026-10-25T22:59:00+01:00,买家\n"
                 "z5,店:小安,2026-10-25T22:59:15+01:00,客服\n");

  /* Berlin: in the window z2, z5 (both 15 s); on the day z1, z2, z4, z5. */
  kefu_metric_settings_init (&settings);
  settings.time_zone = "Europe/Berlin";
  berlin = metric_query (fixture, "2026-10-25", "2026-10-25", KEFU_GROUP_AGENT, &settings);
  metric_assert_value (berlin, NULL, NULL, "response_rate_30s", 2, 2, 1);
  metric_assert_value (berlin, NULL, NULL, "unreplied_buyers", 0, 1, 0);
  metric_assert_value (berlin, NULL, NULL, "consult_buyers", 4, 1, 4);

  /* Shanghai: in the window z1 (unanswered) and z2; on the day z1–z4. */
  shanghai = metric_query (fixture, "2026-10-25", "2026-10-25", KEFU_GROUP_AGENT, NULL);
  metric_assert_value (shanghai, NULL, NULL, "response_rate_30s", 1, 2, 0.5);
  metric_assert_value (shanghai, NULL, NULL, "unreplied_buyers", 1, 1, 1);
  metric_assert_value (shanghai, NULL, NULL, "consult_buyers", 4, 1, 4);

  /* A fixed offset is the same as Shanghai's zone. */
  settings.time_zone = "+08:00";
  fixed = metric_query (fixture, "2026-10-25", "2026-10-25", KEFU_GROUP_AGENT, &settings);
  metric_assert_value (fixed, NULL, NULL, "response_rate_30s", 1, 2, 0.5);

  /* By hour: z2 opens Sunday 08:00 in Berlin. */
  settings.time_zone = "Europe/Berlin";
  hours = metric_query (fixture, "2026-10-25", "2026-10-25", KEFU_GROUP_HOUR_WEEKDAY, &settings);
  g_assert_cmpuint (kefu_metric_table_get_n_rows (hours), ==, 7 * 24);
  for (guint i = 0; i < kefu_metric_table_get_n_rows (hours); i++)
    if (kefu_metric_table_get_row (hours, i)->weekday == 7 &&
        kefu_metric_table_get_row (hours, i)->hour == 8)
      row = i;
  g_assert_cmpint (row, >=, 0);
  value = kefu_metric_table_get (hours, row, "response_rate_30s");
  g_assert_cmpfloat (value->numerator, ==, 1);
  g_assert_cmpfloat (value->denominator, ==, 1);

  /* Not a zone at all. */
  settings.time_zone = "Mars/Olympus_Mons";
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 25, 10, 2026);
  g_assert_null (kefu_metric_query (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                    KEFU_GROUP_AGENT, &settings, NULL, &error));
  g_assert_error (error, KEFU_METRIC_SETTINGS_ERROR, KEFU_METRIC_SETTINGS_ERROR_INVALID);
}

/* Enough buyers for the rows to cross the chunks the reading threads hand
 * over: 6,000 buyers, each writing once and answered 20 s later, by 小安
 * (even) or 小贝 (odd), and paying ¥10 for one item an hour later; and
 * five buyers who paid without a word (silent orders, the shop's only). */
static void
many_buyers_import (MetricFixture *fixture)
{
  g_autoptr(GString) messages = g_string_new (MESSAGES_HEADER);
  g_autoptr(GString) orders = g_string_new (ORDERS_HEADER);

  for (guint i = 0; i < 6000; i++)
    {
      guint second = i % 3000;   /* 10:00:00 to 10:49:59 */

      g_string_append_printf (messages, "b%04u,,2026-10-05 10:%02u:%02u,买家\n", i, second / 60, second % 60);
      second += 20;
      g_string_append_printf (messages, "b%04u,店:%s,2026-10-05 10:%02u:%02u,客服\n",
                              i, i % 2 == 0 ? "小安" : "小贝", second / 60, second % 60);
      g_string_append_printf (orders, "o%04u,b%04u,,2026-10-05 11:%02u:%02u,2026-10-05 11:%02u:%02u,10.00,1\n",
                              i, i, second / 60, second % 60, second / 60, second % 60);
    }
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (orders, "s%u,s%u,,2026-10-05 12:00:00,2026-10-05 12:00:00,10.00,1\n", i, i);

  metric_import (fixture, "chat.csv", messages->str);
  metric_import (fixture, "orders.csv", orders->str);
}

static void
many_buyers_assert (KefuMetricTable *table)
{
  for (guint i = 0; i < 2; i++)
    {
      const char *agent = i == 0 ? "小安" : "小贝";

      metric_assert_value (table, agent, NULL, "consult_buyers", 3000, 1, 3000);
      metric_assert_value (table, agent, NULL, "response_rate_30s", 3000, 3000, 1);
      metric_assert_value (table, agent, NULL, "avg_response_time", 60000, 3000, 20);
      metric_assert_value (table, agent, NULL, "inquiry_conversion_rate", 3000, 3000, 1);
      metric_assert_value (table, agent, NULL, "payment_rate", 3000, 3000, 1);
      metric_assert_value (table, agent, NULL, "agent_sales", 30000, 1, 30000);
    }
  metric_assert_value (table, NULL, NULL, "consult_buyers", 6000, 1, 6000);
  metric_assert_value (table, NULL, NULL, "agent_sales", 60050, 1, 60050);
  metric_assert_value (table, NULL, NULL, "unit_price", 60050, 6005, 10);
  metric_assert_value (table, NULL, NULL, "items_per_buyer", 6005, 6005, 1);
}

/* Messages and orders are read by threads of their own, on a second
 * connection; inside a write transaction of the store (whose changes
 * only its own connection sees) on the store's alone: the same figures. */
static void
test_many_buyers (MetricFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuMetricTable) apart = NULL;
  g_autoptr(KefuMetricTable) together = NULL;
  g_autoptr(GError) error = NULL;

  many_buyers_import (fixture);
  apart = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  many_buyers_assert (apart);

  g_assert_true (kefu_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  metric_exec (fixture, "UPDATE shop SET name = name");
  together = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  kefu_store_rollback (fixture->store);
  many_buyers_assert (together);
}

/* Cancelled while the threads read: an error, the threads stopped, and
 * the store as usable as before. */
static void
test_cancel_while_reading (MetricFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  many_buyers_import (fixture);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, G_DATE_OCTOBER, 2026);
  g_cancellable_cancel (cancellable);
  g_assert_null (kefu_metric_query (fixture->store, fixture->shop_id, &day, &day, NULL, 0, NULL,
                                    KEFU_GROUP_AGENT, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  table = metric_query (fixture, "2026-10-05", "2026-10-05", KEFU_GROUP_AGENT, NULL);
  many_buyers_assert (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/metrics/Events/" path, MetricFixture, NULL, metric_fixture_set_up, func, metric_fixture_tear_down)

  ADD ("turns", test_turns);
  ADD ("long-history", test_long_history);
  ADD ("window-edges", test_window_edges);
  ADD ("overnight", test_overnight);
  ADD ("unanswered", test_unanswered);
  ADD ("effective-reply", test_effective_reply);
  ADD ("attribution", test_attribution);
  ADD ("repeat-buyers", test_repeat_buyers);
  ADD ("sessions", test_sessions);
  ADD ("refunds-reviews", test_refunds_reviews);
  ADD ("time-zones", test_time_zones);
  ADD ("many-buyers", test_many_buyers);
  ADD ("cancel-while-reading", test_cancel_while_reading);

#undef ADD

  return g_test_run ();
}
