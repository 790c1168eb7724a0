/* kefu-agent-row.h — one agent of the period, a row of the agents table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_AGENT_ROW (kefu_agent_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuAgentRow, kefu_agent_row, KEFU, AGENT_ROW, GObject)

KefuAgentRow          *kefu_agent_row_new         (KefuMetricTable *table,
                                                   guint            row,
                                                   KefuAgentScore  *score);
gint64                 kefu_agent_row_get_id      (KefuAgentRow    *self);
const char            *kefu_agent_row_get_name    (KefuAgentRow    *self);
const char            *kefu_agent_row_get_account (KefuAgentRow    *self);
const KefuMetricValue *kefu_agent_row_get_value   (KefuAgentRow    *self,
                                                   const char      *key);
KefuAgentScore        *kefu_agent_row_get_score   (KefuAgentRow    *self);
guint                  kefu_agent_row_get_rank    (KefuAgentRow    *self);
double                 kefu_agent_row_get_total   (KefuAgentRow    *self);

G_END_DECLS
