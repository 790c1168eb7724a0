/* kefu-metric.h — the catalogue of metric keys (METRICS.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_UNIT_FRACTION,   /* a rate, 0..1, shown as % */
  KEFU_UNIT_SECONDS,
  KEFU_UNIT_HOURS,
  KEFU_UNIT_YUAN,
  KEFU_UNIT_COUNT,
  KEFU_UNIT_RATIO,      /* a plain ratio such as 1.18 */
  KEFU_UNIT_DAYS,
  KEFU_UNIT_SCORE,      /* DSR ratings, 1..5 */
} KefuUnit;

typedef enum
{
  KEFU_BETTER_NEITHER,
  KEFU_BETTER_HIGHER,
  KEFU_BETTER_LOWER,
} KefuBetter;

/* How a metric's value comes from its summed measure (METRICS.md §2):
 * a total (Σ sum), or a ratio of sums (Σ sum ÷ Σ count) — rates store
 * numerator and denominator, averages store total and number. */
typedef enum
{
  KEFU_AGGREGATE_TOTAL,
  KEFU_AGGREGATE_RATIO,
} KefuAggregate;

typedef struct
{
  const char    *key;
  const char    *category;   /* presales, volume, sales, aftersales, satisfaction, funnel */
  const char    *label;      /* untranslated; use kefu_metric_get_label() */
  KefuUnit       unit;
  KefuBetter     better;
  KefuAggregate  aggregate;
} KefuMetricInfo;

const KefuMetricInfo *kefu_metric_lookup    (const char           *key);
const KefuMetricInfo *kefu_metric_get_all   (guint                *n_metrics);
const char           *kefu_metric_get_label (const KefuMetricInfo *info);

G_END_DECLS
