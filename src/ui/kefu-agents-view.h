/* kefu-agents-view.h — every agent of the period × the chosen metrics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-agent-page.h"
#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AGENTS_VIEW (kefu_agents_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuAgentsView, kefu_agents_view, KEFU, AGENTS_VIEW, GtkWidget)

KefuWorkspace       *kefu_agents_view_get_workspace (KefuAgentsView *self);
void                 kefu_agents_view_set_workspace (KefuAgentsView *self,
                                                     KefuWorkspace  *workspace);
GListModel          *kefu_agents_view_get_model     (KefuAgentsView *self);
GtkColumnView       *kefu_agents_view_get_column_view (KefuAgentsView *self);
GtkColumnViewColumn *kefu_agents_view_get_column    (KefuAgentsView *self,
                                                     const char     *key);
void                 kefu_agents_view_set_search    (KefuAgentsView *self,
                                                     const char     *text);
gboolean             kefu_agents_view_show_agent    (KefuAgentsView *self,
                                                     gint64          agent_id);
void                 kefu_agents_view_show_table    (KefuAgentsView *self);
KefuAgentPage       *kefu_agents_view_get_agent_page (KefuAgentsView *self);
gboolean             kefu_agents_view_is_showing_agent (KefuAgentsView *self);

G_END_DECLS
