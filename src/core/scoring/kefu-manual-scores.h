/* kefu-manual-scores.h — the points a manager gives by hand, per agent and item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KEFU_TYPE_MANUAL_SCORES (kefu_manual_scores_get_type ())
G_DECLARE_FINAL_TYPE (KefuManualScores, kefu_manual_scores, KEFU, MANUAL_SCORES, GObject)

KefuManualScores *kefu_manual_scores_new         (void);
void              kefu_manual_scores_set         (KefuManualScores  *self,
                                                  gint64             agent_id,
                                                  const char        *agent,
                                                  const char        *item,
                                                  double             points,
                                                  const char        *note);
gboolean          kefu_manual_scores_lookup      (KefuManualScores  *self,
                                                  gint64             agent_id,
                                                  const char        *agent_name,
                                                  const char        *agent_account,
                                                  const char        *item,
                                                  double            *points,
                                                  const char       **note);
guint             kefu_manual_scores_get_n_scores (KefuManualScores *self);
void              kefu_manual_scores_merge       (KefuManualScores  *self,
                                                  KefuManualScores  *other);
gboolean          kefu_manual_scores_load_file   (KefuManualScores  *self,
                                                  const char        *path,
                                                  GError           **error);

G_END_DECLS
