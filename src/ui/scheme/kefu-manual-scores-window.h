/* kefu-manual-scores-window.h — the points a manager gives by hand, per agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_MANUAL_SCORES_WINDOW (kefu_manual_scores_window_get_type ())
G_DECLARE_FINAL_TYPE (KefuManualScoresWindow, kefu_manual_scores_window, KEFU, MANUAL_SCORES_WINDOW, AdwPreferencesWindow)

GtkWidget *kefu_manual_scores_window_new       (KefuWorkspace          *workspace,
                                                KefuScheme             *scheme);
gboolean   kefu_manual_scores_window_set_score (KefuManualScoresWindow *self,
                                                gint64                  agent_id,
                                                const char             *item,
                                                double                  points,
                                                const char             *note);

G_END_DECLS
