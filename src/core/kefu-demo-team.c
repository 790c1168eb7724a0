/* kefu-demo-team.c — the demo shop's twelve agents, and the dice they use
 *
 * The agents differ in speed, care and salesmanship so that a ranking
 * has something to rank: 小安 sells best, 小贝 answers fastest but many
 * of her buyers return what they bought, 木木 works part-time and it
 * shows. 小雪 joined recently and gets better month by month, 小鹿 gets
 * worse; 小七 takes the 12th to the 14th of every month off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-demo-private.h"

typedef struct
{
  const char     *nick;
  KefuDemoHabits  habits;
  int             trend;     /* +1 improving over the months, -1 declining */
} Agent;

static const Agent team[KEFU_DEMO_N_AGENTS] = {
  /*          share speed slow   unans  chatty conv  pay   upsell ret    sat */
  { "小安", { 1.10,  9,  0.010, 0.010, 0.55, 0.43, 0.92, 0.34, 0.020, 0.97 }, 0 },
  { "小贝", { 1.30,  7,  0.006, 0.008, 0.40, 0.39, 0.80, 0.22, 0.110, 0.95 }, 0 },
  { "小橙", { 0.90, 14,  0.015, 0.015, 0.60, 0.36, 0.90, 0.42, 0.010, 0.96 }, 0 },
  { "小鹿", { 1.00, 11,  0.012, 0.012, 0.50, 0.41, 0.88, 0.30, 0.040, 0.96 }, -1 },
  { "小雪", { 1.00, 17,  0.020, 0.020, 0.45, 0.39, 0.85, 0.28, 0.050, 0.93 }, +1 },
  { "阿紫", { 1.20, 12,  0.010, 0.012, 0.50, 0.38, 0.87, 0.27, 0.050, 0.95 }, 0 },
  { "小雨", { 0.80, 16,  0.025, 0.025, 0.35, 0.27, 0.76, 0.20, 0.080, 0.90 }, 0 },
  { "糖糖", { 1.00, 10,  0.008, 0.010, 0.55, 0.40, 0.91, 0.32, 0.030, 0.97 }, 0 },
  { "小七", { 0.90, 13,  0.015, 0.015, 0.45, 0.35, 0.84, 0.26, 0.060, 0.94 }, 0 },
  { "木木", { 0.70, 21,  0.030, 0.030, 0.30, 0.26, 0.72, 0.18, 0.100, 0.89 }, 0 },
  { "小满", { 1.10, 10,  0.010, 0.010, 0.50, 0.42, 0.89, 0.31, 0.040, 0.96 }, 0 },
  { "阿宁", { 1.00, 15,  0.018, 0.018, 0.45, 0.37, 0.86, 0.25, 0.060, 0.94 }, 0 },
};

#define ON_LEAVE 8   /* 小七 */

const char *
_kefu_demo_agent_nick (guint agent)
{
  g_return_val_if_fail (agent < KEFU_DEMO_N_AGENTS, NULL);

  return team[agent].nick;
}

gboolean
_kefu_demo_agent_works (guint        agent,
                        const GDate *day)
{
  guint dom = g_date_get_day (day);

  return agent != ON_LEAVE || dom < 12 || dom > 14;
}

/**
 * _kefu_demo_agent_habits:
 * @progress: 0 at the first day generated, 1 at the end of the current
 *   month
 */
void
_kefu_demo_agent_habits (guint           agent,
                         double          progress,
                         KefuDemoHabits *habits)
{
  double f;

  g_return_if_fail (agent < KEFU_DEMO_N_AGENTS);

  *habits = team[agent].habits;
  f = team[agent].trend * (progress - 0.5);
  if (f == 0)
    return;

  habits->speed *= 1 - 0.9 * f;
  habits->slow *= 1 - 1.2 * f;
  habits->unanswered *= 1 - 1.2 * f;
  habits->conversion += 0.10 * f;
  habits->upsell += 0.10 * f;
  habits->satisfaction += 0.05 * f;
}

/* ——— the dice ——— */

void
_kefu_demo_rng_init (KefuDemoRng *rng,
                     guint32      day,
                     guint32      index,
                     guint32      stream)
{
  rng->state = ((guint64) day << 40) ^ ((guint64) stream << 32) ^ index;
  /* Neighbouring seeds must not give neighbouring first draws. */
  _kefu_demo_rng_next (rng);
}

guint64
_kefu_demo_rng_next (KefuDemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* In [0, 1). */
double
_kefu_demo_rng_uniform (KefuDemoRng *rng)
{
  return (_kefu_demo_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

guint
_kefu_demo_rng_below (KefuDemoRng *rng,
                      guint        bound)
{
  return (guint) (_kefu_demo_rng_uniform (rng) * bound);
}

gboolean
_kefu_demo_rng_chance (KefuDemoRng *rng,
                       double       p)
{
  return _kefu_demo_rng_uniform (rng) < p;
}

/* Standard normal (Box–Muller). */
double
_kefu_demo_rng_normal (KefuDemoRng *rng)
{
  double u = 1.0 - _kefu_demo_rng_uniform (rng);
  double v = _kefu_demo_rng_uniform (rng);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}
