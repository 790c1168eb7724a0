/* kefu-scheme-issue.h — one problem the validator found in a scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "scoring/kefu-scoring-enums.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_ISSUE (kefu_scheme_issue_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeIssue, kefu_scheme_issue, KEFU, SCHEME_ISSUE, GObject)

KefuSchemeIssue   *kefu_scheme_issue_new          (KefuIssueSeverity  severity,
                                                   KefuIssueKind      kind,
                                                   int                item,
                                                   const char        *item_key,
                                                   const guint       *rows,
                                                   guint              n_rows,
                                                   const char        *message,
                                                   const char        *fix);
KefuIssueSeverity  kefu_scheme_issue_get_severity (KefuSchemeIssue   *self);
KefuIssueKind      kefu_scheme_issue_get_kind     (KefuSchemeIssue   *self);
int                kefu_scheme_issue_get_item     (KefuSchemeIssue   *self);
const char        *kefu_scheme_issue_get_item_key (KefuSchemeIssue   *self);
const guint       *kefu_scheme_issue_get_rows     (KefuSchemeIssue   *self,
                                                   guint             *n_rows);
const char        *kefu_scheme_issue_get_message  (KefuSchemeIssue   *self);
const char        *kefu_scheme_issue_get_fix      (KefuSchemeIssue   *self);
char              *kefu_scheme_issue_to_string    (KefuSchemeIssue   *self);
JsonNode          *kefu_scheme_issue_to_json      (KefuSchemeIssue   *self);

guint              kefu_scheme_issues_count       (GListModel        *issues,
                                                   KefuIssueSeverity  severity);

G_END_DECLS
