/* kefu-bench-metrics-gen.c — a month of chat and orders for the metrics benchmark
 *
 * kefu-bench-metrics-gen MESSAGES ORDERS OUT-聊天记录.csv OUT-订单.csv
 *
 * Writes Kefu's standard templates (the headers of data/samples/聊天记录.csv
 * and 订单.csv) for October 2026: MESSAGES chat messages in conversations
 * of one buyer and one of 40 agents, listed conversation by conversation
 * as chat exports do, and ORDERS orders — some placed within three days of
 * a conversation, the rest silent. Buyers come back across the month; some
 * turns are left unanswered, some answered the next morning. A fixed
 * linear congruential generator makes every run write the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_AGENTS 40
#define CHAT_BUYERS 100000
#define ALL_BUYERS 150000
#define MONTH (31L * 86400)

static unsigned int state = 20261001;

static unsigned int
next (unsigned int bound)
{
  state = state * 1103515245u + 12345u;
  return (state >> 8) % bound;
}

typedef struct
{
  long         created;   /* seconds after 2026-10-01 00:00, Shanghai */
  unsigned int buyer;
} Order;

static const char *buyer_lines[] = {
  "在吗？这件大衣有M码吗", "今天能发货吗", "有优惠券吗", "这个颜色会不会掉色", "身高165穿什么码",
  "可以便宜点吗", "好的", "什么时候到货", "面料是纯棉的吗", "退货地址是哪里",
};
static const char *agent_lines[] = {
  "亲，在的，M码有货哦", "今天下午四点前付款当天发货", "亲，店铺首页可以领券哦", "不会的亲，放心",
  "建议拍M码", "已经是活动价了亲", "好的亲，有问题随时联系", "预计两到三天送达", "是的，百分百纯棉",
};
static const char *robot_line = "您好，我是智能客服，请问有什么可以帮您？";

/* Local wall clock; times past October run on into November. */
static void
format_time (char *out,
             size_t size,
             long   t)
{
  long day = t / 86400, s = t % 86400;
  int month = day < 31 ? 10 : 11;
  int dom = day < 31 ? (int) day + 1 : (int) day - 30;

  snprintf (out, size, "2026-%02d-%02d %02ld:%02ld:%02ld", month, dom, s / 3600, s / 60 % 60, s % 60);
}

static int
compare_orders (const void *a,
                const void *b)
{
  const Order *x = a, *y = b;

  return x->created < y->created ? -1 : x->created > y->created;
}

static long written;
static long limit;

static int
message (FILE         *csv,
         unsigned int  conversation,
         unsigned int  buyer,
         int           agent,
         long          t,
         const char   *sender,
         const char   *content)
{
  char time[32], agent_name[48] = "";

  if (written >= limit)
    return 0;
  if (agent >= 0)
    snprintf (agent_name, sizeof agent_name, "小鹿女装旗舰店:客服%02d", agent);
  format_time (time, sizeof time, t);
  fprintf (csv, "c%07u,买家%06u,%s,%s,%s,文字,%s\n", conversation, buyer, agent_name, time, sender, content);
  written++;
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  long n_orders, n_chat_orders = 0;
  unsigned int conversation = 0;
  Order *orders;
  FILE *chat, *out;

  if (argc != 5 || (limit = strtol (argv[1], NULL, 10)) <= 0 ||
      (n_orders = strtol (argv[2], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: kefu-bench-metrics-gen MESSAGES ORDERS OUT-chat.csv OUT-orders.csv\n");
      return 2;
    }

  chat = fopen (argv[3], "w");
  orders = calloc (n_orders, sizeof (Order));
  if (chat == NULL || orders == NULL)
    {
      fprintf (stderr, "kefu-bench-metrics-gen: cannot write %s\n", argv[3]);
      return 1;
    }
  fprintf (chat, "会话ID,买家,客服,发送时间,发送方,消息类型,内容\n");

  while (written < limit)
    {
      /* Days fill in order as messages are written; most chats by day. */
      long day = written * 31 / limit;
      long tod = next (10) < 8 ? 8 * 3600 + next (15 * 3600) : (next (9) * 3600 + 23 * 3600 + next (3600)) % 86400;
      long t = day * 86400 + tod;
      unsigned int buyer = next (CHAT_BUYERS);
      int agent = next (N_AGENTS);
      int turns = 1 + next (6);

      conversation++;
      for (int turn = 0; turn < turns && written < limit; turn++)
        {
          int asks = 1 + next (3), replies = 1 + next (2);
          long start = t, rt;
          unsigned int r = next (100);

          for (int i = 0; i < asks; i++)
            {
              message (chat, conversation, buyer, agent, t, "买家", buyer_lines[next (10)]);
              if (i == 0 && next (5) == 0)
                message (chat, conversation, buyer, -1, t + 1, "机器人", robot_line);
              t += 2 + next (18);
            }

          /* The last turn goes unanswered now and then. */
          if (turn == turns - 1 && next (25) == 0)
            break;

          if (start % 86400 >= 22 * 3600 + 1800)
            rt = 86400 - start % 86400 + 8 * 3600 + next (900);   /* the next morning */
          else
            rt = r < 60 ? 3 + next (28) : r < 85 ? 30 + next (150) : r < 97 ? 180 + next (600) : 780 + next (3600);
          t = start + rt > t ? start + rt : t + 1;
          for (int i = 0; i < replies; i++)
            {
              message (chat, conversation, buyer, agent, t, "客服", agent_lines[next (9)]);
              t += 5 + next (25);
            }
          t += 20 + next (280);
        }

      /* Some conversations end in an order within three days. */
      if (n_chat_orders < n_orders && next (100) < 45)
        {
          long created = t + next (72 * 3600);

          if (created < MONTH)
            orders[n_chat_orders++] = (Order) { created, buyer };
        }
    }
  fclose (chat);

  /* The rest are silent: any buyer, any time. */
  for (long i = n_chat_orders; i < n_orders; i++)
    orders[i] = (Order) { next (MONTH), next (ALL_BUYERS) };
  qsort (orders, n_orders, sizeof (Order), compare_orders);

  out = fopen (argv[4], "w");
  if (out == NULL)
    {
      fprintf (stderr, "kefu-bench-metrics-gen: cannot write %s\n", argv[4]);
      return 1;
    }
  fprintf (out, "订单编号,买家,客服,订单状态,下单时间,付款时间,订单金额,实付金额,商品数量,售后状态\n");
  for (long i = 0; i < n_orders; i++)
    {
      char created[32], paid[32] = "";
      double amount = 30 + next (50000) / 100.0;
      double paid_amount = amount - next (1000) / 100.0;
      int is_paid = next (100) < 88;

      format_time (created, sizeof created, orders[i].created);
      if (is_paid)
        format_time (paid, sizeof paid, orders[i].created + 1 + next (900));
      fprintf (out, "%ld,买家%06u,,%s,%s,%s,%.2f,", 3200000000000000L + i * 7919, orders[i].buyer,
               is_paid ? "交易成功" : next (2) ? "等待买家付款" : "交易关闭", created, paid, amount);
      if (is_paid)
        fprintf (out, "%.2f", paid_amount);
      fprintf (out, ",%u,\n", 1 + next (4));
    }
  fclose (out);
  free (orders);
  return 0;
}
