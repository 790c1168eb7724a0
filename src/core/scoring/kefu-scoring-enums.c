/* kefu-scoring-enums.c — the enumerations of composite scoring
 *
 * The nicks are the stable names scheme files and the CLI's JSON use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "scoring/kefu-scoring-enums.h"

G_DEFINE_ENUM_TYPE (KefuItemKind, kefu_item_kind,
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_KIND_METRIC, "metric"),
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_KIND_MANUAL, "manual"))

G_DEFINE_ENUM_TYPE (KefuMissingPolicy, kefu_missing_policy,
  G_DEFINE_ENUM_VALUE (KEFU_MISSING_POLICY_INCOMPLETE, "incomplete"),
  G_DEFINE_ENUM_VALUE (KEFU_MISSING_POLICY_ZERO, "zero"),
  G_DEFINE_ENUM_VALUE (KEFU_MISSING_POLICY_EXCLUDE, "exclude"))

G_DEFINE_ENUM_TYPE (KefuIssueSeverity, kefu_issue_severity,
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_ERROR, "error"))

G_DEFINE_ENUM_TYPE (KefuIssueKind, kefu_issue_kind,
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_WEIGHTS, "weights"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_WEIGHT, "weight"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_GAP, "gap"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_OVERLAP, "overlap"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_ORDER, "order"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_POINTS, "points"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_UNKNOWN_METRIC, "unknown-metric"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_UNIT, "unit"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_NO_DATA, "no-data"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_EMPTY_ROW, "empty-row"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_NO_ROWS, "no-rows"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_LINEAR, "linear"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_DUPLICATE, "duplicate"),
  G_DEFINE_ENUM_VALUE (KEFU_ISSUE_NO_ITEMS, "no-items"))

G_DEFINE_ENUM_TYPE (KefuItemStatus, kefu_item_status,
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_STATUS_SCORED, "scored"),
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_STATUS_MISSING, "missing"),
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_STATUS_ZERO, "zero"),
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_STATUS_EXCLUDED, "excluded"),
  G_DEFINE_ENUM_VALUE (KEFU_ITEM_STATUS_ERROR, "error"))

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_type_class_unref (klass);   /* static types: the class stays */
  return found != NULL ? found->value_nick : NULL;
}

const char *
kefu_missing_policy_to_string (KefuMissingPolicy policy)
{
  return enum_nick (KEFU_TYPE_MISSING_POLICY, policy);
}

gboolean
kefu_missing_policy_from_string (const char        *text,
                                 KefuMissingPolicy *policy)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (text == NULL)
    return FALSE;

  klass = g_type_class_ref (KEFU_TYPE_MISSING_POLICY);
  found = g_enum_get_value_by_nick (klass, text);
  g_type_class_unref (klass);

  if (found == NULL)
    return FALSE;
  *policy = found->value;
  return TRUE;
}

const char *
kefu_issue_severity_to_string (KefuIssueSeverity severity)
{
  return enum_nick (KEFU_TYPE_ISSUE_SEVERITY, severity);
}

const char *
kefu_issue_kind_to_string (KefuIssueKind kind)
{
  return enum_nick (KEFU_TYPE_ISSUE_KIND, kind);
}

const char *
kefu_item_status_to_string (KefuItemStatus status)
{
  return enum_nick (KEFU_TYPE_ITEM_STATUS, status);
}
