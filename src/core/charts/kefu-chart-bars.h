/* kefu-chart-bars.h — agents side by side: one metric, or stacked points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "metrics/kefu-metric-table.h"
#include "scoring/kefu-score-report.h"

G_BEGIN_DECLS

typedef struct
{
  char              *label;
  gint64             agent_id;
  double             value;      /* NAN when missing */
  KefuMetricMissing  missing;
  double            *segments;   /* n_segments values (NAN: none), or NULL */
} KefuChartBar;

typedef struct
{
  KefuUnit   unit;
  GPtrArray *bars;            /* KefuChartBar, best first, missing last */
  GStrv      segment_labels;  /* stacked bars: one per segment; else NULL */
  guint      n_segments;
  double     reference;       /* the shop's value (a line across), or NAN */
  char      *reference_label;
} KefuChartBars;

KefuChartBars *kefu_chart_bars_from_table  (KefuMetricTable *table,
                                            const char      *key);
KefuChartBars *kefu_chart_bars_from_report (KefuScoreReport *report);
void           kefu_chart_bars_free        (KefuChartBars   *self);
double         kefu_chart_bars_get_max     (KefuChartBars   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuChartBars, kefu_chart_bars_free)

G_END_DECLS
