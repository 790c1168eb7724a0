/* kefu-agent-score.h — one agent's composite score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "scoring/kefu-item-score.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AGENT_SCORE (kefu_agent_score_get_type ())
G_DECLARE_FINAL_TYPE (KefuAgentScore, kefu_agent_score, KEFU, AGENT_SCORE, GObject)

gint64         kefu_agent_score_get_agent_id      (KefuAgentScore *self);
const char    *kefu_agent_score_get_agent_name    (KefuAgentScore *self);
const char    *kefu_agent_score_get_agent_account (KefuAgentScore *self);
double         kefu_agent_score_get_total         (KefuAgentScore *self);
guint          kefu_agent_score_get_rank          (KefuAgentScore *self);
gboolean       kefu_agent_score_get_complete      (KefuAgentScore *self);
guint          kefu_agent_score_get_n_errors      (KefuAgentScore *self);
GListModel    *kefu_agent_score_get_items         (KefuAgentScore *self);
KefuItemScore *kefu_agent_score_find_item         (KefuAgentScore *self,
                                                   const char     *key);
char          *kefu_agent_score_explain           (KefuAgentScore *self);
JsonNode      *kefu_agent_score_to_json           (KefuAgentScore *self);

G_END_DECLS
