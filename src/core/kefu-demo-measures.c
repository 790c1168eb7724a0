/* kefu-demo-measures.c — the demo shop's 生意参谋 downloads
 *
 * The per-agent daily tables a Taobao shop downloads (客服绩效 and
 * 咨询接待, with the shop's own row) are worked out from the demo's own
 * chat log and orders by the metric engine, day by day, so the exports
 * and the logs tell the same story. They are stored as numerator and
 * denominator, as METRICS.md §2 asks, and a month adds up exactly.
 * Satisfaction ratings, which no log here holds, are drawn per agent
 * and day; the shop's DSR is a slow drift around 4.8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-demo-private.h"
#include "metrics/kefu-metric-query.h"
#include "model/kefu-period.h"

static const struct {
  const char   *key;
  KefuDemoKind  kind;
} export_keys[] = {
  { "received_buyers", KEFU_DEMO_PERFORMANCE },
  { "inquiry_buyers", KEFU_DEMO_PERFORMANCE },
  { "inquiry_conversion_rate", KEFU_DEMO_PERFORMANCE },
  { "agent_sales", KEFU_DEMO_PERFORMANCE },
  { "unit_price", KEFU_DEMO_PERFORMANCE },
  { "first_response_time", KEFU_DEMO_PERFORMANCE },
  { "avg_response_time", KEFU_DEMO_PERFORMANCE },
  { "qa_ratio", KEFU_DEMO_PERFORMANCE },
  { "consult_buyers", KEFU_DEMO_RECEPTION },
  { "unreplied_buyers", KEFU_DEMO_RECEPTION },
  { "response_rate_3min", KEFU_DEMO_RECEPTION },
  { "slow_responses", KEFU_DEMO_RECEPTION },
};

/* Ratings of one agent (or the shop) on one day. */
typedef struct
{
  double rated;
  double satisfied;
  double dissatisfied;
} Ratings;

static gboolean
put (KefuDemo    *demo,
     gint64       batch,
     gint64       agent_id,
     const char  *day,
     const char  *key,
     double       sum,
     double       count,
     GError     **error)
{
  KefuMeasure measure = { batch, demo->shop_id, agent_id, day, day, key, sum, count, FALSE };

  return kefu_store_add_measure (demo->store, &measure, error);
}

static void
draw_ratings (guint        agent,
              const GDate *day,
              double       progress,
              double       received,
              Ratings     *ratings)
{
  KefuDemoHabits habits;
  KefuDemoRng rng;
  double share;

  _kefu_demo_agent_habits (agent, progress, &habits);
  _kefu_demo_rng_init (&rng, g_date_get_julian (day), agent, KEFU_DEMO_STREAM_RATING);
  ratings->rated = round (received * (0.22 + 0.10 * _kefu_demo_rng_uniform (&rng)));
  ratings->satisfied = ratings->dissatisfied = 0;
  /* Counted out, as conversions are: a month shows the agent's own rate. */
  share = _kefu_demo_rng_uniform (&rng);
  for (double i = 0; i < ratings->rated; i++)
    {
      share += habits.satisfaction;
      if (share >= 1)
        {
          share -= 1;
          ratings->satisfied++;
        }
      else if (_kefu_demo_rng_chance (&rng, 0.4))
        ratings->dissatisfied++;
    }
}

static gboolean
put_ratings (KefuDemo       *demo,
             gint64          batch,
             gint64          agent_id,
             const char     *day,
             const Ratings  *ratings,
             GError        **error)
{
  if (ratings->rated == 0)
    return TRUE;
  return put (demo, batch, agent_id, day, "satisfaction_rate", ratings->satisfied, ratings->rated, error) &&
         put (demo, batch, agent_id, day, "dissatisfaction_rate", ratings->dissatisfied, ratings->rated, error);
}

/* One row of the table: an agent's (or the shop's) day. */
static gboolean
put_row (KefuDemo         *demo,
         KefuMetricTable  *table,
         guint             row,
         Ratings          *shop_ratings,
         GError          **error)
{
  const KefuMetricRowKey *key = kefu_metric_table_get_row (table, row);
  KefuDemoMonth *month = _kefu_demo_month (demo, &key->day);
  g_autofree char *day = kefu_day_to_string (&key->day);
  gboolean any[KEFU_DEMO_N_KINDS] = { FALSE };
  const KefuMetricValue *received;

  if (month == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (export_keys); i++)
    {
      const KefuMetricValue *value = kefu_metric_table_get (table, row, export_keys[i].key);
      KefuDemoKind kind = export_keys[i].kind;

      if (value == NULL || value->missing != KEFU_METRIC_MISSING_NONE)
        continue;
      /* The summary row has no 客单价: the shop's comes from the logs,
       * which count a buyer of several days once. */
      if (key->agent_id == 0 && g_str_equal (export_keys[i].key, "unit_price"))
        continue;
      if (!put (demo, month->batch[kind], key->agent_id, day, export_keys[i].key,
                value->numerator, value->denominator, error))
        return FALSE;
      any[kind] = TRUE;
    }

  received = kefu_metric_table_get (table, row, "received_buyers");
  if (key->agent_id != 0 && received != NULL && received->missing == KEFU_METRIC_MISSING_NONE)
    {
      Ratings ratings = { 0 };

      for (guint a = 0; a < KEFU_DEMO_N_AGENTS; a++)
        if (demo->agent_ids[a] == key->agent_id)
          draw_ratings (a, &key->day, _kefu_demo_progress (demo, &key->day),
                        received->numerator, &ratings);
      if (!put_ratings (demo, month->batch[KEFU_DEMO_PERFORMANCE], key->agent_id, day, &ratings, error))
        return FALSE;
      shop_ratings->rated += ratings.rated;
      shop_ratings->satisfied += ratings.satisfied;
      shop_ratings->dissatisfied += ratings.dissatisfied;
    }

  for (guint kind = 0; kind < KEFU_DEMO_N_KINDS; kind++)
    month->rows[kind] += any[kind];
  return TRUE;
}

static gboolean
put_dsr (KefuDemo     *demo,
         const GDate  *day,
         GError      **error)
{
  static const struct {
    const char *key;
    double      level;
    double      industry;
  } dsr[] = {
    { "dsr_description", 4.79, 4.76 },
    { "dsr_service", 4.83, 4.77 },
    { "dsr_logistics", 4.80, 4.78 },
  };
  KefuDemoMonth *month = _kefu_demo_month (demo, day);
  g_autofree char *text = kefu_day_to_string (day);
  guint jd = g_date_get_julian (day);
  KefuDemoRng rng;

  _kefu_demo_rng_init (&rng, jd, 0, KEFU_DEMO_STREAM_DSR);
  for (guint i = 0; i < G_N_ELEMENTS (dsr); i++)
    {
      /* A six-month average moves slowly. */
      double score = round (100 * (dsr[i].level + 0.03 * sin (jd / 23.0 + i) +
                                   0.005 * _kefu_demo_rng_normal (&rng))) / 100;
      KefuMeasure industry = { month->batch[KEFU_DEMO_DSR], demo->shop_id, 0, text, text,
                               dsr[i].key, dsr[i].industry, 1, FALSE };

      if (!put (demo, month->batch[KEFU_DEMO_DSR], 0, text, dsr[i].key, score, 1, error) ||
          !kefu_store_add_peer_measure (demo->store, &industry, "行业均值", error))
        return FALSE;
    }
  month->rows[KEFU_DEMO_DSR] += G_N_ELEMENTS (dsr);
  return TRUE;
}

gboolean
_kefu_demo_add_measures (KefuDemo  *demo,
                         GError   **error)
{
  const char *keys[G_N_ELEMENTS (export_keys) + 1] = { NULL };
  g_autoptr(KefuMetricTable) table = NULL;
  g_autofree Ratings *shop = NULL;
  guint n_days = g_date_days_between (&demo->first, &demo->last) + 1;
  GDate day = demo->first;

  for (guint i = 0; i < G_N_ELEMENTS (export_keys); i++)
    keys[i] = export_keys[i].key;

  table = kefu_metric_query (demo->store, demo->shop_id, &demo->first, &demo->last, NULL, 0,
                             keys, KEFU_GROUP_AGENT_DAY, NULL, NULL, error);
  if (table == NULL)
    return FALSE;

  shop = g_new0 (Ratings, n_days);
  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, row);
      guint offset = g_date_days_between (&demo->first, &key->day);

      if (!put_row (demo, table, row, &shop[offset], error))
        return FALSE;
    }

  for (guint i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *text = kefu_day_to_string (&day);
      KefuDemoMonth *month = _kefu_demo_month (demo, &day);

      if (!put_ratings (demo, month->batch[KEFU_DEMO_PERFORMANCE], 0, text, &shop[i], error) ||
          !put_dsr (demo, &day, error))
        return FALSE;
    }
  return TRUE;
}
