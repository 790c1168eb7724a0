/* kefu-chart-radar.h — an agent's item points against the shop's average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "scoring/kefu-score-report.h"

G_BEGIN_DECLS

typedef struct
{
  char   *agent_name;
  guint   n_axes;
  GStrv   labels;     /* the scheme's items */
  double *agent;      /* points 0–100 per item; NAN: missing */
  double *average;    /* the mean over the agents who have the item */
} KefuChartRadar;

KefuChartRadar *kefu_chart_radar_from_report (KefuScoreReport *report,
                                              gint64           agent_id);
void            kefu_chart_radar_free        (KefuChartRadar  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuChartRadar, kefu_chart_radar_free)

G_END_DECLS
