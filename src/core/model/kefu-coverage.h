/* kefu-coverage.h — which kinds of data a shop has for each day of a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric-settings.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

/* What an import can bring, as a manager tells them apart. */
typedef enum
{
  KEFU_DATA_AGENT_FIGURES,   /* per-agent exports (客服绩效) */
  KEFU_DATA_SHOP_FIGURES,    /* the shop's own figures (店铺指标) */
  KEFU_DATA_MESSAGES,        /* chat logs */
  KEFU_DATA_SESSIONS,        /* conversation details, ratings */
  KEFU_DATA_ORDERS,
  KEFU_DATA_REFUNDS,
  KEFU_DATA_REVIEWS,
} KefuDataKind;

#define KEFU_N_DATA_KINDS (KEFU_DATA_REVIEWS + 1)

typedef enum
{
  KEFU_COVERED_NONE,   /* nothing of this kind for the day */
  KEFU_COVERED_DAY,    /* figures or events of the day itself */
  KEFU_COVERED_SPAN,   /* only a figure for a longer span that holds the day */
} KefuCovered;

#define KEFU_TYPE_COVERAGE (kefu_coverage_get_type ())
G_DECLARE_FINAL_TYPE (KefuCoverage, kefu_coverage, KEFU, COVERAGE, GObject)

KefuCoverage *kefu_coverage_query          (KefuStore                *store,
                                            gint64                    shop_id,
                                            const GDate              *from,
                                            const GDate              *to,
                                            const KefuMetricSettings *settings,
                                            GError                  **error);
guint         kefu_coverage_get_n_days     (KefuCoverage  *self);
void          kefu_coverage_get_day        (KefuCoverage  *self,
                                            guint          index,
                                            GDate         *day);
KefuCovered   kefu_coverage_get            (KefuCoverage  *self,
                                            KefuDataKind   kind,
                                            guint          index);
guint         kefu_coverage_count_days     (KefuCoverage  *self,
                                            KefuDataKind   kind);
gboolean      kefu_coverage_is_empty       (KefuCoverage  *self);
const char   *kefu_data_kind_get_label     (KefuDataKind   kind);
gboolean      kefu_coverage_find_last_day  (KefuStore                *store,
                                            gint64                    shop_id,
                                            const KefuMetricSettings *settings,
                                            GDate                    *day,
                                            GError                  **error);

G_END_DECLS
