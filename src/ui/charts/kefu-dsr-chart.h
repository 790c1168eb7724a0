/* kefu-dsr-chart.h — the shop's DSR per month against the industry's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-chart.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DSR_CHART (kefu_dsr_chart_get_type ())
G_DECLARE_FINAL_TYPE (KefuDsrChart, kefu_dsr_chart, KEFU, DSR_CHART, KefuChart)

GtkWidget *kefu_dsr_chart_new         (void);
void       kefu_dsr_chart_set_history (KefuDsrChart   *self,
                                       KefuDsrHistory *history);

G_END_DECLS
