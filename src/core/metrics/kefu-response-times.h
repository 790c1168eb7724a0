/* kefu-response-times.h — every turn's response time, for a distribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric-settings.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

/* The turns avg_response_time and the response rates count (METRICS.md
 * §1): window turns of the period, by their owner. */
typedef struct
{
  GArray *times;          /* double: seconds of each answered turn, ascending */
  guint   n_unanswered;   /* window turns never answered */
} KefuResponseTimes;

KefuResponseTimes *kefu_response_times_query    (KefuStore                *store,
                                                 gint64                    shop_id,
                                                 const GDate              *from,
                                                 const GDate              *to,
                                                 gint64                    agent_id,
                                                 const KefuMetricSettings *settings,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);
KefuResponseTimes *kefu_response_times_new      (void);
void               kefu_response_times_add      (KefuResponseTimes        *self,
                                                 double                    seconds);
void               kefu_response_times_free     (KefuResponseTimes        *self);
double             kefu_response_times_quantile (const KefuResponseTimes  *self,
                                                 double                    q);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuResponseTimes, kefu_response_times_free)

G_END_DECLS
