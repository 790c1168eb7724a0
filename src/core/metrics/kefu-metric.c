/* kefu-metric.c — the catalogue of metric keys (METRICS.md §3)
 *
 * Keys are stable identifiers used in profiles, schemes, the CLI's JSON
 * and the database; labels are translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric.h"

#define T KEFU_AGGREGATE_TOTAL
#define R KEFU_AGGREGATE_RATIO
#define UP KEFU_BETTER_HIGHER
#define DOWN KEFU_BETTER_LOWER
#define FLAT KEFU_BETTER_NEITHER

static const KefuMetricInfo metrics[] = {
  /* 3.1 Pre-sales response */
  { "response_rate_30s",       "presales",     N_("30-second response rate"),        KEFU_UNIT_FRACTION, UP,   R },
  { "response_rate_3min",      "presales",     N_("3-minute manual reply rate"),     KEFU_UNIT_FRACTION, UP,   R },
  { "response_rate_5min",      "presales",     N_("5-minute reply rate"),            KEFU_UNIT_FRACTION, UP,   R },
  { "avg_response_time",       "presales",     N_("Average manual response time"),   KEFU_UNIT_SECONDS,  DOWN, R },
  { "first_response_time",     "presales",     N_("First response time"),            KEFU_UNIT_SECONDS,  DOWN, R },
  { "effective_reply_rate",    "presales",     N_("Effective reply rate"),           KEFU_UNIT_FRACTION, UP,   R },
  { "unreplied_buyers",        "presales",     N_("Unreplied buyers"),               KEFU_UNIT_COUNT,    DOWN, T },
  { "slow_responses",          "presales",     N_("Slow responses"),                 KEFU_UNIT_COUNT,    DOWN, T },
  { "qa_ratio",                "presales",     N_("Answer-to-question ratio"),       KEFU_UNIT_RATIO,    UP,   R },
  /* 3.2 Volume and workload */
  { "consult_buyers",          "volume",       N_("Consulting buyers"),              KEFU_UNIT_COUNT,    FLAT, T },
  { "inquiry_buyers",          "volume",       N_("Inquiring buyers"),               KEFU_UNIT_COUNT,    FLAT, T },
  { "received_buyers",         "volume",       N_("Buyers received"),                KEFU_UNIT_COUNT,    FLAT, T },
  { "sessions_received",       "volume",       N_("Conversations received"),         KEFU_UNIT_COUNT,    FLAT, T },
  { "transfer_sessions",       "volume",       N_("Transfers to a person"),          KEFU_UNIT_COUNT,    FLAT, T },
  { "pickup_rate",             "volume",       N_("Pick-up rate"),                   KEFU_UNIT_FRACTION, UP,   R },
  { "avg_wait_time",           "volume",       N_("Average queue time"),             KEFU_UNIT_SECONDS,  DOWN, R },
  { "online_days",             "volume",       N_("Days online"),                    KEFU_UNIT_DAYS,     FLAT, T },
  { "messages_sent",           "volume",       N_("Agent messages"),                 KEFU_UNIT_COUNT,    FLAT, T },
  /* 3.3 Sales and conversion */
  { "inquiry_conversion_rate", "sales",        N_("Inquiry conversion rate"),        KEFU_UNIT_FRACTION, UP,   R },
  { "payment_rate",            "sales",        N_("Payment rate"),                   KEFU_UNIT_FRACTION, UP,   R },
  { "agent_sales",             "sales",        N_("Agent sales"),                    KEFU_UNIT_YUAN,     UP,   T },
  { "unit_price",              "sales",        N_("Unit price per buyer"),           KEFU_UNIT_YUAN,     UP,   R },
  { "unit_price_ratio",        "sales",        N_("Unit price against the shop"),    KEFU_UNIT_RATIO,    UP,   R },
  { "items_per_buyer",         "sales",        N_("Items per buyer"),                KEFU_UNIT_RATIO,    UP,   R },
  { "repeat_purchase_rate",    "sales",        N_("Repeat purchase rate"),           KEFU_UNIT_FRACTION, UP,   R },
  /* 3.4 After-sales */
  { "monthly_returns",         "aftersales",   N_("Returns"),                        KEFU_UNIT_COUNT,    DOWN, T },
  { "return_rate",             "aftersales",   N_("Return rate"),                    KEFU_UNIT_FRACTION, DOWN, R },
  { "quality_return_rate",     "aftersales",   N_("Quality return rate"),            KEFU_UNIT_FRACTION, DOWN, R },
  { "complaint_rate",          "aftersales",   N_("Complaint rate"),                 KEFU_UNIT_FRACTION, DOWN, R },
  { "complaints",              "aftersales",   N_("Complaints"),                     KEFU_UNIT_COUNT,    DOWN, T },
  { "dispute_refund_rate",     "aftersales",   N_("Dispute refund rate"),            KEFU_UNIT_FRACTION, DOWN, R },
  { "dispute_refunds",         "aftersales",   N_("Dispute refunds"),                KEFU_UNIT_COUNT,    DOWN, T },
  { "low_rating_orders",       "aftersales",   N_("Orders rated 3 or lower"),        KEFU_UNIT_COUNT,    DOWN, T },
  { "avg_refund_time",         "aftersales",   N_("Average refund time"),            KEFU_UNIT_HOURS,    DOWN, R },
  { "avg_aftersale_time",      "aftersales",   N_("Average after-sales time"),       KEFU_UNIT_HOURS,    DOWN, R },
  { "refund_amount",           "aftersales",   N_("Refunded amount"),                KEFU_UNIT_YUAN,     DOWN, T },
  /* 3.5 Satisfaction and reviews */
  { "satisfaction_rate",       "satisfaction", N_("Satisfaction rate"),              KEFU_UNIT_FRACTION, UP,   R },
  { "dissatisfaction_rate",    "satisfaction", N_("Dissatisfaction rate"),           KEFU_UNIT_FRACTION, DOWN, R },
  { "review_rate",             "satisfaction", N_("Review rate"),                    KEFU_UNIT_FRACTION, UP,   R },
  { "good_review_rate",        "satisfaction", N_("Good review rate"),               KEFU_UNIT_FRACTION, UP,   R },
  { "bad_review_rate",         "satisfaction", N_("Bad review rate"),                KEFU_UNIT_FRACTION, DOWN, R },
  { "dsr_description",         "satisfaction", N_("DSR: item as described"),        KEFU_UNIT_SCORE,    UP,   R },
  { "dsr_service",             "satisfaction", N_("DSR: service"),                   KEFU_UNIT_SCORE,    UP,   R },
  { "dsr_logistics",           "satisfaction", N_("DSR: logistics"),                 KEFU_UNIT_SCORE,    UP,   R },
  /* 3.6 Shop funnel */
  { "visit_depth",             "funnel",       N_("Visit depth"),                    KEFU_UNIT_RATIO,    UP,   R },
  { "consult_rate",            "funnel",       N_("Consult rate"),                   KEFU_UNIT_FRACTION, UP,   R },
  { "consult_conversion_rate", "funnel",       N_("Consult conversion rate"),        KEFU_UNIT_FRACTION, UP,   R },
};

#undef T
#undef R
#undef UP
#undef DOWN
#undef FLAT

const KefuMetricInfo *
kefu_metric_lookup (const char *key)
{
  static GHashTable *by_key;

  if (key == NULL)
    return NULL;

  /* Asked for every measure a query reads: a table, built once. */
  if (g_once_init_enter (&by_key))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
        g_hash_table_insert (table, (gpointer) metrics[i].key, (gpointer) &metrics[i]);
      g_once_init_leave (&by_key, table);
    }
  return g_hash_table_lookup (by_key, key);
}

const KefuMetricInfo *
kefu_metric_get_all (guint *n_metrics)
{
  *n_metrics = G_N_ELEMENTS (metrics);
  return metrics;
}

const char *
kefu_metric_get_label (const KefuMetricInfo *info)
{
  return g_dgettext (GETTEXT_PACKAGE, info->label);
}
