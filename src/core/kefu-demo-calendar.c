/* kefu-demo-calendar.c — when the demo shop's buyers come
 *
 * About 85 conversations a day, a quarter more at the weekend and far
 * more on the shopping festivals (618, 双11, 双12), each a function of
 * its date alone. Within a day the load peaks late in the morning and
 * again in the evening, as Taobao shops see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-demo-private.h"

/* Relative load of each hour of the day. */
static const double hour_weights[24] = {
  1.0, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.5, 4.5, 6.5, 6.8,
  5.0, 4.6, 5.0, 5.2, 5.0, 4.6, 4.4, 5.5, 6.8, 7.0, 5.8, 3.2,
};

gint64
_kefu_demo_day_start (KefuDemo    *demo,
                      const GDate *day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (demo->tz, g_date_get_year (day),
                                                   g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

double
_kefu_demo_progress (KefuDemo    *demo,
                     const GDate *day)
{
  return (double) g_date_days_between (&demo->first, day) / demo->span;
}

KefuDemoMonth *
_kefu_demo_month (KefuDemo    *demo,
                  const GDate *day)
{
  for (guint i = 0; i < demo->n_months; i++)
    if (g_date_compare (day, &demo->months[i].first) >= 0 &&
        g_date_compare (day, &demo->months[i].last) <= 0)
      return &demo->months[i];
  return NULL;
}

guint
_kefu_demo_conversations (const GDate *day)
{
  GDateMonth month = g_date_get_month (day);
  guint dom = g_date_get_day (day);
  GDateWeekday weekday = g_date_get_weekday (day);
  double n = 85;
  KefuDemoRng rng;
  double noise;

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    n *= 1.25;
  else if (weekday == G_DATE_FRIDAY)
    n *= 1.1;
  if (month == G_DATE_NOVEMBER && dom == 11)
    n *= 2.2;
  else if ((month == G_DATE_NOVEMBER && (dom == 10 || dom == 12)) ||
           (month == G_DATE_DECEMBER && dom == 12))
    n *= 1.4;
  else if (month == G_DATE_JUNE && dom == 18)
    n *= 1.8;

  _kefu_demo_rng_init (&rng, g_date_get_julian (day), 0, KEFU_DEMO_STREAM_DAY);
  noise = _kefu_demo_rng_normal (&rng);
  n *= 1 + 0.08 * CLAMP (noise, -2.5, 2.5);
  return (guint) lround (n);
}

/* Buyers' nicknames as Taobao shows them; the number makes each unique. */
void
_kefu_demo_buyer_name (guint     day,
                       guint     index,
                       gboolean  silent,
                       char     *out,
                       gsize     size)
{
  static const char * const prefixes[] = {
    "tb", "jojo", "小鱼儿", "momo", "阿花", "sunny", "橘子", "lily", "甜甜圈", "kiki",
    "云朵", "nana", "喵喵", "yoyo", "柠檬", "小熊",
  };
  KefuDemoRng rng;

  _kefu_demo_rng_init (&rng, day, index, KEFU_DEMO_STREAM_NAME);
  g_snprintf (out, size, "%s%s%05u%03u", prefixes[_kefu_demo_rng_below (&rng, G_N_ELEMENTS (prefixes))],
              silent ? "_" : "", day % 100000, index % 1000);
}

int
_kefu_demo_pick_hour (KefuDemoRng *rng)
{
  double total = 0, pick;

  for (int h = 0; h < 24; h++)
    total += hour_weights[h];
  pick = _kefu_demo_rng_uniform (rng) * total;
  for (int h = 0; h < 24; h++)
    {
      if (pick < hour_weights[h])
        return h;
      pick -= hour_weights[h];
    }
  return 23;
}

/* How much slower replies come at this hour: 1 when calm. */
double
_kefu_demo_hour_load (int hour)
{
  return 0.8 + 0.5 * hour_weights[hour] / 7.0;
}
