/* kefu-metric-engine-private.h — what the metric engine's two roads share
 *
 * Both roads fill a KefuSheet: one accumulator (Σ numerator, Σ denominator)
 * per agent, slot and catalogue metric. A slot is the whole period, a day
 * of it, or a weekday × hour, by the grouping. kefu-metric-query.c then
 * turns both sheets into one KefuMetricTable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "metrics/kefu-metric.h"
#include "metrics/kefu-metric-settings.h"
#include "metrics/kefu-metric-table.h"
#include "store/kefu-store-private.h"

G_BEGIN_DECLS

/* Event tables, as bits: which a metric needs, which the period has. */
typedef enum
{
  KEFU_SOURCE_MESSAGES = 1 << 0,
  KEFU_SOURCE_SESSIONS = 1 << 1,
  KEFU_SOURCE_ORDERS   = 1 << 2,
  KEFU_SOURCE_REFUNDS  = 1 << 3,
  KEFU_SOURCE_REVIEWS  = 1 << 4,
} KefuSource;

#define KEFU_N_SOURCES 5

typedef struct
{
  double    num;
  double    den;
  guint     n;             /* rows or events that fed it; 0: nothing did */
  gboolean  estimated;
  gboolean  partial;       /* a measure only partly inside the period was left out */
  GArray   *batches;       /* gint64, sorted, unique; measures only */
} KefuAcc;

typedef struct
{
  gboolean  touched;       /* some event of the period belongs here */
  KefuAcc   accs[];        /* one per catalogue metric */
} KefuBucket;

typedef struct
{
  guint        n_agents;   /* the shop (0) included */
  guint        n_slots;
  guint        n_metrics;
  KefuBucket **buckets;    /* n_agents × n_slots, made when first touched */
} KefuSheet;

typedef struct
{
  gint64 start;            /* UTC, inclusive */
  gint64 end;              /* UTC, exclusive */
  gint32 offset;           /* local − UTC, seconds */
} KefuZoneSpan;

/* An import batch of events and the local days it covers. */
typedef struct
{
  gint64 id;
  gint64 first_day;
  gint64 last_day;
} KefuBatchSpan;

typedef struct _KefuMetricContext KefuMetricContext;

/* Told of every turn the response metrics count: @agent is the dense
 * index of its owner (0: the shop's only), @response_time its answer's
 * delay in seconds, or -1 when it was never answered. */
typedef void (*KefuTurnFunc) (KefuMetricContext *ctx,
                              guint              agent,
                              gint64             start,
                              gint64             response_time,
                              gpointer           data);

struct _KefuMetricContext
{
  KefuStore           *store;
  gint64               shop_id;
  KefuMetricSettings   settings;
  KefuGrouping         grouping;
  GCancellable        *cancellable;

  GTimeZone           *tz;
  GArray              *spans;        /* KefuZoneSpan over every time the roads read */
  guint                last_span;
  GDate                from;
  GDate                to;
  gint64               first_day;    /* local day number of @from (days since 1970-01-01) */
  guint                n_days;
  gint64               start_utc;    /* local midnight starting @from */
  gint64               end_utc;      /* local midnight ending @to */

  GHashTable          *agent_index;  /* agent id (gint64*) → dense index ≥ 1; the shop is 0 */
  gint64               last_agent_id;
  guint                last_agent;
  guint                n_agents;     /* the shop included */
  guint                n_slots;

  guint32              wanted;       /* sources the requested metrics need */
  guint32              covered;      /* sources an import batch brings for the period */
  GArray              *source_batches[KEFU_N_SOURCES];  /* KefuBatchSpan */

  KefuSheet           *measures;     /* the aggregated road */
  KefuSheet           *events;       /* the event-log road: messages, orders, refunds, reviews */
  KefuSheet           *sessions;     /* the event-log road: the session list */

  KefuTurnFunc         turn_func;    /* optional, see KefuTurnFunc */
  gpointer             turn_data;
};

/* kefu-metric-context.c */
KefuSheet  *_kefu_sheet_new            (guint              n_agents,
                                        guint              n_slots);
void        _kefu_sheet_free           (KefuSheet         *sheet);
KefuBucket *_kefu_sheet_bucket         (KefuSheet         *sheet,
                                        guint              agent,
                                        guint              slot);
KefuBucket *_kefu_sheet_peek           (KefuSheet         *sheet,
                                        guint              agent,
                                        guint              slot);
void        _kefu_sheet_put            (KefuSheet         *sheet,
                                        guint              agent,
                                        guint              slot,
                                        int                metric,
                                        double             num,
                                        double             den);
void        _kefu_batches_add          (GArray            *batches,
                                        gint64             batch_id);
void        _kefu_acc_add_batch        (KefuAcc           *acc,
                                        gint64             batch_id);
int         _kefu_metric_index         (const char        *key);
gboolean    _kefu_metric_parse_day     (const char        *text,
                                        gint64            *day);

gboolean    _kefu_metric_context_init  (KefuMetricContext *ctx,
                                        GError           **error);
void        _kefu_metric_context_clear (KefuMetricContext *ctx);
gint64      _kefu_metric_local         (KefuMetricContext *ctx,
                                        gint64             utc);
gint64      _kefu_metric_day_utc       (KefuMetricContext *ctx,
                                        gint64             day);
gboolean    _kefu_metric_slot          (KefuMetricContext *ctx,
                                        gint64             utc,
                                        guint             *slot,
                                        gint64            *day,
                                        int               *seconds_of_day);
guint       _kefu_metric_agent         (KefuMetricContext *ctx,
                                        gint64             agent_id);
gboolean    _kefu_metric_cancelled     (KefuMetricContext *ctx,
                                        guint64            n,
                                        GError           **error);

static inline gint64
_kefu_floor_div (gint64 a,
                 gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* kefu-metric-query.c: kefu_metric_query(), each window turn told to @turn_func */
KefuMetricTable *_kefu_metric_query_turns (KefuStore                *store,
                                           gint64                    shop_id,
                                           const GDate              *from,
                                           const GDate              *to,
                                           const gint64             *agent_ids,
                                           guint                     n_agents,
                                           const char * const       *keys,
                                           KefuGrouping              grouping,
                                           const KefuMetricSettings *settings,
                                           KefuTurnFunc              turn_func,
                                           gpointer                  turn_data,
                                           GCancellable             *cancellable,
                                           GError                  **error);

/* kefu-measure-aggregator.c */
gboolean    _kefu_measure_aggregate    (KefuMetricContext *ctx,
                                        GError           **error);

/* kefu-event-metrics.c: messages and orders, streamed by buyer */
gboolean    _kefu_event_stream         (KefuMetricContext *ctx,
                                        GError           **error);

/* kefu-event-aftersales.c */
typedef struct _KefuRefunds KefuRefunds;

gboolean    _kefu_event_sessions       (KefuMetricContext *ctx,
                                        GError           **error);
gboolean    _kefu_event_reviews        (KefuMetricContext *ctx,
                                        GError           **error);
KefuRefunds *_kefu_refunds_load        (KefuMetricContext *ctx,
                                        GError           **error);
gpointer    _kefu_refunds_find         (KefuRefunds       *refunds,
                                        const char        *order_no);
void        _kefu_refunds_attribute    (gpointer           found,
                                        guint              owner);
void        _kefu_refunds_emit         (KefuMetricContext *ctx,
                                        KefuRefunds       *refunds);
void        _kefu_refunds_free         (KefuRefunds       *refunds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuRefunds, _kefu_refunds_free)

G_END_DECLS
