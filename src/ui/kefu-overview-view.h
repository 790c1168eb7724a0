/* kefu-overview-view.h — the period at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_OVERVIEW_VIEW (kefu_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuOverviewView, kefu_overview_view, KEFU, OVERVIEW_VIEW, GtkWidget)

KefuWorkspace *kefu_overview_view_get_workspace (KefuOverviewView *self);
void           kefu_overview_view_set_workspace (KefuOverviewView *self,
                                                 KefuWorkspace    *workspace);
gboolean       kefu_overview_view_is_empty      (KefuOverviewView *self);
GListModel    *kefu_overview_view_get_cards     (KefuOverviewView *self);
guint          kefu_overview_view_get_n_warnings (KefuOverviewView *self);

G_END_DECLS
