/* kefu-agent-page.h — one agent: metrics against the shop and the previous period, score explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AGENT_PAGE (kefu_agent_page_get_type ())
G_DECLARE_FINAL_TYPE (KefuAgentPage, kefu_agent_page, KEFU, AGENT_PAGE, GtkWidget)

gboolean    kefu_agent_page_set_agent         (KefuAgentPage *self,
                                               KefuWorkspace *workspace,
                                               gint64         agent_id);
gint64      kefu_agent_page_get_agent_id      (KefuAgentPage *self);
GListModel *kefu_agent_page_get_items         (KefuAgentPage *self);
GListModel *kefu_agent_page_get_metrics       (KefuAgentPage *self);
char       *kefu_agent_page_get_cell_text     (KefuAgentPage *self,
                                               const char    *key,
                                               const char    *column);
char       *kefu_agent_page_get_item_sources  (KefuAgentPage *self,
                                               KefuItemScore *item);

G_END_DECLS
