/* kefu-scoring-enums.h — the enumerations of composite scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a scheme item scores: a metric of the catalogue, or points the
 * manager gives by hand (日常工作, 出勤, 主管评分 …). */
typedef enum
{
  KEFU_ITEM_KIND_METRIC,
  KEFU_ITEM_KIND_MANUAL,
} KefuItemKind;

/* How an item without a value scores (METRICS.md §5). */
typedef enum
{
  KEFU_MISSING_POLICY_INCOMPLETE,  /* reported missing, the total marked incomplete (default) */
  KEFU_MISSING_POLICY_ZERO,        /* scores 0 points */
  KEFU_MISSING_POLICY_EXCLUDE,     /* left out; the other weights rescaled to the scheme's sum */
} KefuMissingPolicy;

typedef enum
{
  KEFU_ISSUE_WARNING,
  KEFU_ISSUE_ERROR,
} KefuIssueSeverity;

typedef enum
{
  KEFU_ISSUE_WEIGHTS,          /* weights do not sum to 100 % */
  KEFU_ISSUE_WEIGHT,           /* a weight below 0, above 100, or 0 */
  KEFU_ISSUE_GAP,              /* values that fall into no row */
  KEFU_ISSUE_OVERLAP,          /* values that fall into two rows */
  KEFU_ISSUE_ORDER,            /* rows out of order */
  KEFU_ISSUE_POINTS,           /* points outside 0–100 */
  KEFU_ISSUE_UNKNOWN_METRIC,   /* not a key of the catalogue */
  KEFU_ISSUE_UNIT,             /* a bound in the wrong unit: 41 for 41 % */
  KEFU_ISSUE_NO_DATA,          /* no agent has a value in the data at hand */
  KEFU_ISSUE_EMPTY_ROW,        /* a row no value can fall into */
  KEFU_ISSUE_NO_ROWS,          /* a metric item without rows */
  KEFU_ISSUE_LINEAR,           /* a linear row with an open end */
  KEFU_ISSUE_DUPLICATE,        /* the same metric or manual item twice */
  KEFU_ISSUE_NO_ITEMS,         /* a scheme without items */
} KefuIssueKind;

/* How one item of one agent was scored. */
typedef enum
{
  KEFU_ITEM_STATUS_SCORED,     /* a row matched */
  KEFU_ITEM_STATUS_MISSING,    /* no value: the total is incomplete */
  KEFU_ITEM_STATUS_ZERO,       /* no value, scored 0 as the scheme says */
  KEFU_ITEM_STATUS_EXCLUDED,   /* no value, left out, weights rescaled */
  KEFU_ITEM_STATUS_ERROR,      /* a value no row contains, or points out of range */
} KefuItemStatus;

#define KEFU_TYPE_ITEM_KIND      (kefu_item_kind_get_type ())
#define KEFU_TYPE_MISSING_POLICY (kefu_missing_policy_get_type ())
#define KEFU_TYPE_ISSUE_SEVERITY (kefu_issue_severity_get_type ())
#define KEFU_TYPE_ISSUE_KIND     (kefu_issue_kind_get_type ())
#define KEFU_TYPE_ITEM_STATUS    (kefu_item_status_get_type ())

GType       kefu_item_kind_get_type        (void) G_GNUC_CONST;
GType       kefu_missing_policy_get_type   (void) G_GNUC_CONST;
GType       kefu_issue_severity_get_type   (void) G_GNUC_CONST;
GType       kefu_issue_kind_get_type       (void) G_GNUC_CONST;
GType       kefu_item_status_get_type      (void) G_GNUC_CONST;

/* Stable names, as written in scheme files and the CLI's JSON. */
const char *kefu_missing_policy_to_string   (KefuMissingPolicy  policy);
gboolean    kefu_missing_policy_from_string (const char        *text,
                                             KefuMissingPolicy *policy);
const char *kefu_issue_severity_to_string   (KefuIssueSeverity  severity);
const char *kefu_issue_kind_to_string       (KefuIssueKind      kind);
const char *kefu_item_status_to_string      (KefuItemStatus     status);

G_END_DECLS
