/* kefu-scheme-issue.c — one problem the validator found in a scheme
 *
 * An issue names its severity (an error makes scores wrong or impossible
 * for some values; a warning is worth a look), the item (its position,
 * or -1 for the whole scheme) and rows (positions from 0) it concerns,
 * what is wrong and how to fix it, in words a shop manager understands.
 * Messages number items and rows from 1, as the editor shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "scoring/kefu-scheme-issue.h"

struct _KefuSchemeIssue
{
  GObject            parent_instance;

  KefuIssueSeverity  severity;
  KefuIssueKind      kind;
  int                item;
  char              *item_key;
  GArray            *rows;
  char              *message;
  char              *fix;
};

G_DEFINE_FINAL_TYPE (KefuSchemeIssue, kefu_scheme_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_KIND,
  PROP_ITEM,
  PROP_ITEM_KEY,
  PROP_ROWS,
  PROP_MESSAGE,
  PROP_FIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_scheme_issue_finalize (GObject *object)
{
  KefuSchemeIssue *self = KEFU_SCHEME_ISSUE (object);

  g_free (self->item_key);
  g_array_unref (self->rows);
  g_free (self->message);
  g_free (self->fix);

  G_OBJECT_CLASS (kefu_scheme_issue_parent_class)->finalize (object);
}

static void
kefu_scheme_issue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuSchemeIssue *self = KEFU_SCHEME_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_KIND:     g_value_set_enum (value, self->kind); break;
    case PROP_ITEM:     g_value_set_int (value, self->item); break;
    case PROP_ITEM_KEY: g_value_set_string (value, self->item_key); break;
    case PROP_ROWS:     g_value_set_boxed (value, self->rows); break;
    case PROP_MESSAGE:  g_value_set_string (value, self->message); break;
    case PROP_FIX:      g_value_set_string (value, self->fix); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_issue_class_init (KefuSchemeIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kefu_scheme_issue_finalize;
  object_class->get_property = kefu_scheme_issue_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, KEFU_TYPE_ISSUE_SEVERITY, KEFU_ISSUE_WARNING, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KEFU_TYPE_ISSUE_KIND, KEFU_ISSUE_WEIGHTS, flags);
  /* The item's position, or -1 for the whole scheme. */
  properties[PROP_ITEM] =
    g_param_spec_int ("item", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_ITEM_KEY] =
    g_param_spec_string ("item-key", NULL, NULL, NULL, flags);
  /* A GArray of guint: the rows' positions, from 0. */
  properties[PROP_ROWS] =
    g_param_spec_boxed ("rows", NULL, NULL, G_TYPE_ARRAY, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_FIX] =
    g_param_spec_string ("fix", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_scheme_issue_init (KefuSchemeIssue *self)
{
  self->item = -1;
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * kefu_scheme_issue_new:
 * @item: the item's position, or -1
 * @rows: (array length=n_rows) (nullable): the rows' positions
 * @fix: (nullable): how to fix it
 *
 * Returns: (transfer full): a new issue
 */
KefuSchemeIssue *
kefu_scheme_issue_new (KefuIssueSeverity  severity,
                       KefuIssueKind      kind,
                       int                item,
                       const char        *item_key,
                       const guint       *rows,
                       guint              n_rows,
                       const char        *message,
                       const char        *fix)
{
  KefuSchemeIssue *self = g_object_new (KEFU_TYPE_SCHEME_ISSUE, NULL);

  self->severity = severity;
  self->kind = kind;
  self->item = item;
  self->item_key = g_strdup (item_key);
  if (rows != NULL)
    g_array_append_vals (self->rows, rows, n_rows);
  self->message = g_strdup (message);
  self->fix = g_strdup (fix);
  return self;
}

KefuIssueSeverity
kefu_scheme_issue_get_severity (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), KEFU_ISSUE_ERROR);
  return self->severity;
}

KefuIssueKind
kefu_scheme_issue_get_kind (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), KEFU_ISSUE_WEIGHTS);
  return self->kind;
}

int
kefu_scheme_issue_get_item (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), -1);
  return self->item;
}

const char *
kefu_scheme_issue_get_item_key (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);
  return self->item_key;
}

/**
 * kefu_scheme_issue_get_rows:
 * @n_rows: (out): the number of rows
 *
 * Returns: (array length=n_rows): the rows' positions, from 0
 */
const guint *
kefu_scheme_issue_get_rows (KefuSchemeIssue *self,
                            guint           *n_rows)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);

  *n_rows = self->rows->len;
  return (const guint *) (gpointer) self->rows->data;
}

const char *
kefu_scheme_issue_get_message (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);
  return self->message;
}

const char *
kefu_scheme_issue_get_fix (KefuSchemeIssue *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);
  return self->fix;
}

/**
 * kefu_scheme_issue_to_string:
 *
 * Returns: (transfer full): one line: "error: MESSAGE Fix: FIX"
 */
char *
kefu_scheme_issue_to_string (KefuSchemeIssue *self)
{
  const char *severity;

  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);

  severity = self->severity == KEFU_ISSUE_ERROR ? _("error") : _("warning");
  if (self->fix != NULL)
    /* Translators: severity, what is wrong, how to fix it */
    return g_strdup_printf (_("%s: %s Fix: %s"), severity, self->message, self->fix);
  return g_strdup_printf ("%s: %s", severity, self->message);
}

/**
 * kefu_scheme_issue_to_json:
 *
 * Returns: (transfer full): {"severity", "kind", "item", "item_index",
 *   "rows", "message", "fix"}; rows from 0, item_index -1 for the scheme
 */
JsonNode *
kefu_scheme_issue_to_json (KefuSchemeIssue *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KEFU_IS_SCHEME_ISSUE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, kefu_issue_severity_to_string (self->severity));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kefu_issue_kind_to_string (self->kind));
  json_builder_set_member_name (builder, "item");
  if (self->item_key != NULL)
    json_builder_add_string_value (builder, self->item_key);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "item_index");
  json_builder_add_int_value (builder, self->item);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    json_builder_add_int_value (builder, g_array_index (self->rows, guint, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, self->message);
  json_builder_set_member_name (builder, "fix");
  if (self->fix != NULL)
    json_builder_add_string_value (builder, self->fix);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * kefu_scheme_issues_count:
 * @issues: a GListModel of #KefuSchemeIssue
 *
 * Returns: how many of @issues have @severity
 */
guint
kefu_scheme_issues_count (GListModel        *issues,
                          KefuIssueSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (issues), 0);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);

      if (issue->severity == severity)
        count++;
    }
  return count;
}
