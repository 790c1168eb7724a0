/* kefu-response-times.c — every turn's response time, for a distribution
 *
 * The turns are the event road's own (kefu-event-metrics.c): the query
 * runs the metric engine for avg_response_time and listens to each window
 * turn it counts, so a distribution can never disagree with the average
 * and the rates shown beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "metrics/kefu-metric-engine-private.h"
#include "metrics/kefu-response-times.h"

typedef struct
{
  KefuResponseTimes *times;
  gint64             agent_id;   /* 0: every turn, the shop's */
} Listener;

static void
on_turn (KefuMetricContext *ctx,
         guint              agent,
         gint64             start,
         gint64             response_time,
         gpointer           data)
{
  Listener *listener = data;

  /* Turns of the period only: the stream also reads the days around it. */
  if (start < ctx->start_utc || start >= ctx->end_utc)
    return;
  if (listener->agent_id != 0 && agent != _kefu_metric_agent (ctx, listener->agent_id))
    return;
  if (response_time < 0)
    listener->times->n_unanswered++;
  else
    kefu_response_times_add (listener->times, response_time);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * kefu_response_times_query:
 * @agent_id: an agent of the shop, or 0 for every turn of the shop
 * @settings: (nullable): %NULL for the defaults of METRICS.md
 *
 * Reads the response time of every window turn starting in [@from, @to]
 * from the message log.
 *
 * Returns: (transfer full): the times, or %NULL with @error set
 */
KefuResponseTimes *
kefu_response_times_query (KefuStore                 *store,
                           gint64                     shop_id,
                           const GDate               *from,
                           const GDate               *to,
                           gint64                     agent_id,
                           const KefuMetricSettings  *settings,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  static const char * const keys[] = { "avg_response_time", NULL };
  g_autoptr(KefuResponseTimes) times = kefu_response_times_new ();
  g_autoptr(KefuMetricTable) table = NULL;
  Listener listener = { times, agent_id };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = _kefu_metric_query_turns (store, shop_id, from, to,
                                    agent_id != 0 ? &agent_id : NULL, agent_id != 0 ? 1 : 0,
                                    keys, KEFU_GROUP_AGENT, settings,
                                    on_turn, &listener, cancellable, error);
  if (table == NULL)
    return NULL;

  g_array_sort (times->times, compare_doubles);
  return g_steal_pointer (&times);
}

KefuResponseTimes *
kefu_response_times_new (void)
{
  KefuResponseTimes *self = g_new0 (KefuResponseTimes, 1);

  self->times = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

/* Times added by hand must come in ascending order. */
void
kefu_response_times_add (KefuResponseTimes *self,
                         double             seconds)
{
  g_return_if_fail (self != NULL);

  g_array_append_val (self->times, seconds);
}

void
kefu_response_times_free (KefuResponseTimes *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->times);
  g_free (self);
}

/**
 * kefu_response_times_quantile:
 * @q: 0..1: 0.5 for the median, 0.9 for the 90th percentile
 *
 * The nearest-rank quantile of the answered turns: the smallest time at
 * least @q of them do not exceed, so it is always a real turn's time.
 *
 * Returns: the time in seconds, or NAN when no turn was answered
 */
double
kefu_response_times_quantile (const KefuResponseTimes *self,
                              double                   q)
{
  guint n, rank;

  g_return_val_if_fail (self != NULL, NAN);

  n = self->times->len;
  if (n == 0)
    return NAN;
  rank = (guint) ceil (CLAMP (q, 0, 1) * n - 1e-9);
  return g_array_index (self->times, double, CLAMP (rank, 1, n) - 1);
}
