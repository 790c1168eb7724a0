/* kefu-chart-fixtures.h — a shop's month made up for charts: tests,
 * screenshots and the benchmark draw the same figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

KefuMetricTable    *kefu_chart_fixture_daily     (guint            n_agents,
                                                  guint            n_days);
KefuMetricTable    *kefu_chart_fixture_agents    (guint            n_agents);
KefuScoreReport    *kefu_chart_fixture_report    (KefuMetricTable *agents);
void                kefu_chart_fixture_grid      (KefuChartGrid   *grid,
                                                  gboolean         response_time);
KefuResponseTimes  *kefu_chart_fixture_times     (void);
KefuDsrHistory     *kefu_chart_fixture_dsr       (void);
void                kefu_chart_fixture_first_day (GDate           *day);

G_END_DECLS
