/* kefu-workspace.h — a shop, a period and a scheme, and their figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric-settings.h"
#include "metrics/kefu-metric-table.h"
#include "model/kefu-coverage.h"
#include "model/kefu-period.h"
#include "model/kefu-shop.h"
#include "scoring/kefu-manual-scores.h"
#include "scoring/kefu-scheme.h"
#include "scoring/kefu-score-report.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_WORKSPACE (kefu_workspace_get_type ())

G_DECLARE_FINAL_TYPE (KefuWorkspace, kefu_workspace, KEFU, WORKSPACE, GObject)

KefuWorkspace            *kefu_workspace_new                (KefuStore        *store);
KefuStore                *kefu_workspace_get_store          (KefuWorkspace    *self);

GListModel               *kefu_workspace_get_shops          (KefuWorkspace    *self);
KefuShop                 *kefu_workspace_get_shop           (KefuWorkspace    *self);
void                      kefu_workspace_set_shop           (KefuWorkspace    *self,
                                                             KefuShop         *shop);
const KefuPeriod         *kefu_workspace_get_period         (KefuWorkspace    *self);
void                      kefu_workspace_set_period         (KefuWorkspace    *self,
                                                             const KefuPeriod *period);
void                      kefu_workspace_get_range          (KefuWorkspace    *self,
                                                             GDate            *from,
                                                             GDate            *to);
KefuScheme               *kefu_workspace_get_scheme         (KefuWorkspace    *self);
void                      kefu_workspace_set_scheme         (KefuWorkspace    *self,
                                                             KefuScheme       *scheme);
const KefuMetricSettings *kefu_workspace_get_settings       (KefuWorkspace    *self);

void                      kefu_workspace_reload             (KefuWorkspace    *self);
void                      kefu_workspace_rescore            (KefuWorkspace    *self);

gboolean                  kefu_workspace_get_busy           (KefuWorkspace    *self);
const GError             *kefu_workspace_get_error          (KefuWorkspace    *self);
KefuMetricTable          *kefu_workspace_get_agent_table    (KefuWorkspace    *self);
KefuMetricTable          *kefu_workspace_get_previous_table (KefuWorkspace    *self);
KefuMetricTable          *kefu_workspace_get_daily_table    (KefuWorkspace    *self);
KefuCoverage             *kefu_workspace_get_coverage       (KefuWorkspace    *self);
KefuManualScores         *kefu_workspace_get_manual_scores  (KefuWorkspace    *self);
KefuScoreReport          *kefu_workspace_get_report         (KefuWorkspace    *self);

G_END_DECLS
