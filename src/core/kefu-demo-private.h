/* kefu-demo-private.h — the parts of the demo shop's generator
 *
 * The demo is generated, not shipped: two full months before the
 * current one and the current month up to yesterday, so that the
 * default period has data whatever the date. Every number comes from a
 * small generator seeded by the day's date and the agent, never from
 * the clock or g_random: the same day gives the same figures on every
 * start. The data goes in the way imports put it: import batches (one
 * per kind and month) holding chat messages, orders, refunds, and the
 * per-agent daily tables of 生意参谋 worked out from those logs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_DEMO_SHOP_NAME "小鹿女装旗舰店"
#define KEFU_DEMO_N_AGENTS 12

/* splitmix64, seeded by (day, index, stream) */
typedef struct
{
  guint64 state;
} KefuDemoRng;

typedef enum
{
  KEFU_DEMO_STREAM_DAY = 1,
  KEFU_DEMO_STREAM_CONVERSATION,
  KEFU_DEMO_STREAM_ACCUMULATOR,
  KEFU_DEMO_STREAM_SILENT,
  KEFU_DEMO_STREAM_ORDER,
  KEFU_DEMO_STREAM_RATING,
  KEFU_DEMO_STREAM_DSR,
  KEFU_DEMO_STREAM_NAME,
} KefuDemoStream;

void     _kefu_demo_rng_init    (KefuDemoRng *rng,
                                 guint32      day,
                                 guint32      index,
                                 guint32      stream);
guint64  _kefu_demo_rng_next    (KefuDemoRng *rng);
double   _kefu_demo_rng_uniform (KefuDemoRng *rng);
guint    _kefu_demo_rng_below   (KefuDemoRng *rng,
                                 guint        bound);
double   _kefu_demo_rng_normal  (KefuDemoRng *rng);
gboolean _kefu_demo_rng_chance  (KefuDemoRng *rng,
                                 double       p);

/* An agent's habits on one day. */
typedef struct
{
  double share;          /* of the day's conversations, relative */
  double speed;          /* median seconds to a reply at a calm hour */
  double slow;           /* replies that take minutes */
  double unanswered;     /* last turns left without a reply */
  double chatty;         /* chance of a further reply message */
  double conversion;     /* inquiring buyers who pay within the window */
  double payment;        /* paid orders of the orders placed */
  double upsell;         /* chance of one item more */
  double returns;        /* paid orders returned */
  double satisfaction;   /* rated conversations rated (very) satisfied */
} KefuDemoHabits;

const char *_kefu_demo_agent_nick   (guint        agent);
gboolean    _kefu_demo_agent_works  (guint        agent,
                                     const GDate *day);
void        _kefu_demo_agent_habits (guint        agent,
                                     double       progress,
                                     KefuDemoHabits *habits);

typedef enum
{
  KEFU_DEMO_MESSAGES,
  KEFU_DEMO_ORDERS,
  KEFU_DEMO_REFUNDS,
  KEFU_DEMO_PERFORMANCE,   /* 生意参谋 客服绩效, by day */
  KEFU_DEMO_RECEPTION,     /* 生意参谋 咨询接待, by day */
  KEFU_DEMO_DSR,
  KEFU_DEMO_N_KINDS
} KefuDemoKind;

/* The days of one calendar month that are generated, and its batches. */
typedef struct
{
  GDate  first;
  GDate  last;
  gint64 batch[KEFU_DEMO_N_KINDS];
  gint64 rows[KEFU_DEMO_N_KINDS];
} KefuDemoMonth;

/* An order a conversation (or nobody) leads to. */
typedef struct
{
  gint64 placed_at;
  guint  day;            /* julian day of the conversation (or order) */
  guint  index;          /* its number that day */
  int    agent;          /* who talked the buyer into it; -1: silent */
  gboolean paid;
  char   buyer[40];
} KefuDemoOrder;

typedef struct
{
  KefuStore     *store;
  gint64         shop_id;
  gint64         agent_ids[KEFU_DEMO_N_AGENTS];
  GTimeZone     *tz;
  GDate          first;       /* the first day generated */
  GDate          last;        /* the last: yesterday */
  guint          span;        /* days from first to the end of the current month */
  gint64         end_utc;     /* the end of the last day: nothing happens later */
  KefuDemoMonth *months;
  guint          n_months;
  GArray        *orders;      /* KefuDemoOrder */
} KefuDemo;

gint64         _kefu_demo_day_start       (KefuDemo     *demo,
                                           const GDate  *day);
double         _kefu_demo_progress        (KefuDemo     *demo,
                                           const GDate  *day);
KefuDemoMonth *_kefu_demo_month           (KefuDemo     *demo,
                                           const GDate  *day);
guint          _kefu_demo_conversations   (const GDate  *day);
void           _kefu_demo_buyer_name      (guint         day,
                                           guint         index,
                                           gboolean      silent,
                                           char         *out,
                                           gsize         size);
int            _kefu_demo_pick_hour       (KefuDemoRng  *rng);
double         _kefu_demo_hour_load       (int           hour);

gboolean       _kefu_demo_add_messages    (KefuDemo     *demo,
                                           GError      **error);
gboolean       _kefu_demo_add_orders      (KefuDemo     *demo,
                                           GError      **error);
gboolean       _kefu_demo_add_measures    (KefuDemo     *demo,
                                           GError      **error);

gboolean       _kefu_demo_populate        (KefuStore    *store,
                                           const GDate  *today,
                                           GError      **error);

G_END_DECLS
