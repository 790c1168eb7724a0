/* kefu-score-report.h — a scheme applied to every agent of a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "metrics/kefu-metric-query.h"
#include "metrics/kefu-metric-table.h"
#include "scoring/kefu-agent-score.h"
#include "scoring/kefu-manual-scores.h"
#include "scoring/kefu-scheme.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCORE_REPORT (kefu_score_report_get_type ())
G_DECLARE_FINAL_TYPE (KefuScoreReport, kefu_score_report, KEFU, SCORE_REPORT, GObject)

KefuScoreReport *kefu_score_report_new           (KefuScheme        *scheme,
                                                  KefuMetricTable   *table,
                                                  KefuManualScores  *manual);
KefuScoreReport *kefu_score_report_new_from_store (KefuStore                *store,
                                                  gint64                    shop_id,
                                                  KefuScheme               *scheme,
                                                  const GDate              *from,
                                                  const GDate              *to,
                                                  const KefuMetricSettings *settings,
                                                  KefuManualScores         *manual,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
KefuScheme      *kefu_score_report_get_scheme    (KefuScoreReport   *self);
void             kefu_score_report_get_period    (KefuScoreReport   *self,
                                                  GDate             *from,
                                                  GDate             *to);
GListModel      *kefu_score_report_get_issues    (KefuScoreReport   *self);
GListModel      *kefu_score_report_get_agents    (KefuScoreReport   *self);
KefuAgentScore  *kefu_score_report_find_agent    (KefuScoreReport   *self,
                                                  const char        *name);
gboolean         kefu_score_report_get_complete  (KefuScoreReport   *self);
guint            kefu_score_report_get_n_errors  (KefuScoreReport   *self);

/* Output (kefu-score-report-format.c) */
JsonNode        *kefu_score_report_to_json       (KefuScoreReport   *self);
char            *kefu_score_report_to_csv        (KefuScoreReport   *self);
char            *kefu_score_report_to_text       (KefuScoreReport   *self,
                                                  gboolean           explain);

G_END_DECLS
