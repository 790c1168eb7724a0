/* kefu-charts-view.h — the Charts page: every chart of a shop's period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CHARTS_VIEW (kefu_charts_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuChartsView, kefu_charts_view, KEFU, CHARTS_VIEW, GtkWidget)

GtkWidget *kefu_charts_view_new        (void);
void       kefu_charts_view_set_data   (KefuChartsView   *self,
                                        KefuStore        *store,
                                        KefuShop         *shop,
                                        const KefuPeriod *period,
                                        KefuMetricTable  *daily_by_agent_day,
                                        KefuMetricTable  *by_agent,
                                        KefuScoreReport  *report);
void       kefu_charts_view_set_metric (KefuChartsView   *self,
                                        const char       *key);
GtkWidget *kefu_charts_view_get_chart  (KefuChartsView   *self,
                                        const char       *name);

G_END_DECLS
