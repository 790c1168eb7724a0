/* kefu-metric-query.h — metric keys × agents × period → a KefuMetricTable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric-settings.h"
#include "metrics/kefu-metric-table.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The comparisons the seeds ask for, beside a period's own figures. */
typedef enum
{
  KEFU_COMPARE_PREVIOUS_PERIOD,  /* as many days, just before */
  KEFU_COMPARE_LAST_WEEK,        /* the same days one week earlier */
  KEFU_COMPARE_7_DAY_MEAN,       /* the 7 days before: ratios over them, totals per day × the period's days */
} KefuMetricComparison;

KefuMetricTable *kefu_metric_query                  (KefuStore                *store,
                                                     gint64                    shop_id,
                                                     const GDate              *from,
                                                     const GDate              *to,
                                                     const gint64             *agent_ids,
                                                     guint                     n_agents,
                                                     const char * const       *keys,
                                                     KefuGrouping              grouping,
                                                     const KefuMetricSettings *settings,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
KefuMetricTable *kefu_metric_query_compare          (KefuStore                *store,
                                                     gint64                    shop_id,
                                                     const GDate              *from,
                                                     const GDate              *to,
                                                     const gint64             *agent_ids,
                                                     guint                     n_agents,
                                                     const char * const       *keys,
                                                     KefuGrouping              grouping,
                                                     const KefuMetricSettings *settings,
                                                     KefuMetricComparison      comparison,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
void             kefu_metric_comparison_get_period  (KefuMetricComparison      comparison,
                                                     const GDate              *from,
                                                     const GDate              *to,
                                                     GDate                    *compare_from,
                                                     GDate                    *compare_to);
gint64           kefu_metric_query_find_agent       (KefuStore                *store,
                                                     gint64                    shop_id,
                                                     const char               *name,
                                                     GError                  **error);

G_END_DECLS
