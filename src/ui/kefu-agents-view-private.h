/* kefu-agents-view-private.h — what the agents view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-agents-view.h"

G_BEGIN_DECLS

struct _KefuAgentsView
{
  GtkWidget            parent_instance;

  KefuWorkspace       *workspace;
  GSettings           *settings;
  GListStore          *rows;           /* KefuAgentRow */
  GtkCustomFilter     *filter;
  GtkSortListModel    *sorted;
  GPtrArray           *metric_columns; /* GtkColumnViewColumn, "key" data */
  GHashTable          *check_buttons;  /* key → GtkCheckButton */

  AdwLeaflet          *leaflet;
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkColumnView       *column_view;
  GtkBox              *columns_box;
  KefuAgentPage       *agent_page;
  GtkLabel            *count_label;
  GtkColumnViewColumn *rank_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *total_column;
};

void _kefu_agents_view_init_columns (KefuAgentsView *self);

G_END_DECLS
