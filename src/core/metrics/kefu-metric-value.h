/* kefu-metric-value.h — one metric of one agent (or the shop) in one cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a metric has no value. Missing is never zero (METRICS.md §2). */
typedef enum
{
  KEFU_METRIC_MISSING_NONE,
  KEFU_METRIC_MISSING_NO_DATA,          /* nothing imported feeds it for this agent and period */
  KEFU_METRIC_MISSING_ZERO_DENOMINATOR, /* a ratio over nothing: 0 inquiries, 0 turns… */
  KEFU_METRIC_MISSING_NO_SHOP_FIGURE,   /* unit_price_ratio without the shop's unit price */
  KEFU_METRIC_MISSING_PARTIAL_PERIOD,   /* only figures for a longer span, which cannot be split */
} KefuMetricMissing;

typedef struct
{
  double       value;        /* NAN when missing */
  double       numerator;    /* Σ sum; NAN when missing */
  double       denominator;  /* Σ count (1 per row for totals); NAN when missing */
  gboolean     estimated;    /* some numerator was rebuilt from a weight */
  KefuMetricMissing missing;
  gboolean     from_events;  /* computed from logs, not read from an export */
  GArray      *batches;      /* gint64 batch ids it came from, sorted, unique; may be NULL */
} KefuMetricValue;

const char *kefu_metric_missing_describe (KefuMetricMissing missing);
const char *kefu_metric_missing_to_string (KefuMetricMissing missing);

G_END_DECLS
