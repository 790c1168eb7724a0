/* kefu-agent-page-private.h — what the agent page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-agent-page.h"

G_BEGIN_DECLS

struct _KefuAgentPage
{
  GtkWidget        parent_instance;

  KefuWorkspace   *workspace;
  gint64           agent_id;
  KefuMetricTable *table;
  int              row;
  KefuMetricTable *previous;
  int              previous_row;
  GHashTable      *shop_average;   /* key → KefuMetricValue */
  GtkStringList   *metrics;        /* the keys listed */
  GListModel      *items;          /* KefuItemScore, or NULL */

  GtkLabel        *name_label;
  GtkLabel        *summary_label;
  GtkWidget       *score_group;
  GtkLabel        *score_label;
  GtkColumnView   *explain_view;
  GtkColumnView   *metrics_view;
  KefuRadarChart  *radar_chart;
  KefuTrendChart  *trend_chart;
};

const KefuMetricValue *_kefu_agent_page_agent_value    (KefuAgentPage *self,
                                                        const char    *key);
const KefuMetricValue *_kefu_agent_page_previous_value (KefuAgentPage *self,
                                                        const char    *key);
void                   _kefu_agent_page_init_columns   (KefuAgentPage *self);

G_END_DECLS
