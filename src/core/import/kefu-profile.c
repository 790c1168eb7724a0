/* kefu-profile.c — what one kind of export looks like, read from JSON
 *
 * A profile is data, not code (PROFILES.md): header aliases per field,
 * the value type of each field, and the rules that turn a row's fields
 * into measures. data/profiles/README.md describes the file format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import/kefu-profile.h"
#include "import/kefu-value.h"
#include "metrics/kefu-metric.h"
#include "model/kefu-shop.h"

struct _KefuProfile
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  char           *platform;
  KefuImportKind  kind;
  char           *sheet;
  char           *extends;    /* the profile this one was corrected from */
  char           *json;       /* as read, to derive a corrected copy from */
  guint           header_rows;
  GArray         *columns;    /* KefuProfileColumn */
  GArray         *rules;      /* KefuProfileRule */
};

G_DEFINE_FINAL_TYPE (KefuProfile, kefu_profile, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  [KEFU_IMPORT_KIND_AGENT_TABLE] = "agent_table",
  [KEFU_IMPORT_KIND_SHOP_TABLE]  = "shop_table",
  [KEFU_IMPORT_KIND_MESSAGES]    = "messages",
  [KEFU_IMPORT_KIND_SESSIONS]    = "sessions",
  [KEFU_IMPORT_KIND_ORDERS]      = "orders",
  [KEFU_IMPORT_KIND_REFUNDS]     = "refunds",
  [KEFU_IMPORT_KIND_REVIEWS]     = "reviews",
  [KEFU_IMPORT_KIND_DSR]         = "dsr",
};

static const char * const column_type_names[] = {
  [KEFU_COLUMN_AGENT]    = "agent",
  [KEFU_COLUMN_TEXT]     = "text",
  [KEFU_COLUMN_DATE]     = "date",
  [KEFU_COLUMN_DATETIME] = "datetime",
  [KEFU_COLUMN_COUNT]    = "count",
  [KEFU_COLUMN_NUMBER]   = "number",
  [KEFU_COLUMN_MONEY]    = "money",
  [KEFU_COLUMN_RATE]     = "rate",
  [KEFU_COLUMN_DURATION] = "duration",
};

const char *
kefu_import_kind_to_string (KefuImportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return -1;
}

/**
 * kefu_header_normalise:
 * @text: a header cell as the export spells it
 *
 * Header spelling drifts between exports: full-width forms are folded to
 * half-width, letters to lower case, and spaces and `()（）_-·` dropped,
 * so `首次响应时长（秒)` and `首次响应时长(秒)` compare equal.
 *
 * Returns: (transfer full): the normalised text
 */
char *
kefu_header_normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)     /* full-width ASCII */
        c -= 0xFEE0;
      else if (c == 0x3000)               /* ideographic space */
        c = ' ';

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == '_' || c == '-' ||
          c == 0x00B7 || c == 0x30FB || c == 0xFEFF)
        continue;

      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static void
clear_column (gpointer data)
{
  KefuProfileColumn *column = data;

  g_free (column->field);
  g_strfreev (column->aliases);
}

static void
clear_rule (gpointer data)
{
  KefuProfileRule *rule = data;

  g_free (rule->key);
  g_free (rule->value);
  g_free (rule->count);
}

static void
kefu_profile_finalize (GObject *object)
{
  KefuProfile *self = KEFU_PROFILE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->platform);
  g_free (self->sheet);
  g_free (self->extends);
  g_free (self->json);
  g_array_unref (self->columns);
  g_array_unref (self->rules);

  G_OBJECT_CLASS (kefu_profile_parent_class)->finalize (object);
}

static void
kefu_profile_class_init (KefuProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_profile_finalize;
}

static void
kefu_profile_init (KefuProfile *self)
{
  self->header_rows = 1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (KefuProfileColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->rules = g_array_new (FALSE, TRUE, sizeof (KefuProfileRule));
  g_array_set_clear_func (self->rules, clear_rule);
}

static gboolean
fail (GError     **error,
      const char  *origin,
      const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The import profile “%s” is not valid: %s"), origin, what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
parse_column (KefuProfile  *self,
              JsonNode     *node,
              const char   *origin,
              GError      **error)
{
  KefuProfileColumn column = { 0 };
  g_autofree char *what = NULL;
  JsonObject *object;
  JsonArray *aliases;
  const char *type;
  int type_index;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, origin, _("each column must be an object"));
  object = json_node_get_object (node);

  column.field = g_strdup (member_string (object, "field"));
  type = member_string (object, "type");
  type_index = lookup_name (column_type_names, G_N_ELEMENTS (column_type_names), type);
  if (column.field == NULL || type_index < 0)
    {
      g_free (column.field);
      what = g_strdup_printf (_("column “%s” needs a “field” and a “type” "
                                "(agent, text, date, datetime, count, number, money, rate, duration)"),
                              column.field ? column.field : "?");
      return fail (error, origin, what);
    }
  column.type = type_index;
  column.required = json_object_get_boolean_member_with_default (object, "required", FALSE);

  if (column.type == KEFU_COLUMN_RATE)
    {
      const char *scale = member_string (object, "scale");
      column.scale = g_strcmp0 (scale, "percent") == 0 ? KEFU_RATE_PERCENT
                   : g_strcmp0 (scale, "fraction") == 0 ? KEFU_RATE_FRACTION
                   : KEFU_RATE_AUTO;
    }
  else if (column.type == KEFU_COLUMN_DURATION)
    {
      const char *unit = member_string (object, "unit");
      column.scale = g_strcmp0 (unit, "min") == 0 ? KEFU_DURATION_MINUTES
                   : g_strcmp0 (unit, "h") == 0 ? KEFU_DURATION_HOURS
                   : KEFU_DURATION_SECONDS;
    }

  aliases = json_object_has_member (object, "aliases")
          ? json_object_get_array_member (object, "aliases") : NULL;
  if (aliases == NULL || json_array_get_length (aliases) == 0)
    {
      what = g_strdup_printf (_("column “%s” has no header aliases"), column.field);
      clear_column (&column);
      return fail (error, origin, what);
    }

  column.aliases = g_new0 (char *, json_array_get_length (aliases) + 1);
  for (guint i = 0; i < json_array_get_length (aliases); i++)
    column.aliases[i] = kefu_header_normalise (json_array_get_string_element (aliases, i));

  g_array_append_val (self->columns, column);
  return TRUE;
}

static gboolean
parse_rule (KefuProfile  *self,
            JsonNode     *node,
            const char   *origin,
            GError      **error)
{
  KefuProfileRule rule = { 0 };
  g_autofree char *what = NULL;
  JsonObject *object;
  const char *count;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, origin, _("each measure must be an object"));
  object = json_node_get_object (node);

  rule.key = g_strdup (member_string (object, "key"));
  if (kefu_metric_lookup (rule.key) == NULL)
    {
      what = g_strdup_printf (_("measure “%s” is not a known metric key"),
                              rule.key ? rule.key : "?");
      g_free (rule.key);
      return fail (error, origin, what);
    }

  if (member_string (object, "sum") != NULL)
    {
      rule.type = KEFU_RULE_SUM;
      rule.value = g_strdup (member_string (object, "sum"));
    }
  else if (member_string (object, "rate") != NULL)
    {
      rule.type = KEFU_RULE_RATE;
      rule.value = g_strdup (member_string (object, "rate"));
    }
  else if (member_string (object, "mean") != NULL)
    {
      rule.type = KEFU_RULE_MEAN;
      rule.value = g_strdup (member_string (object, "mean"));
    }

  count = member_string (object, "count");
  if (count == NULL)
    count = member_string (object, "weight");
  rule.count = g_strdup (count);
  rule.shop = g_strcmp0 (member_string (object, "scope"), "shop") == 0;
  rule.estimated = json_object_get_boolean_member_with_default (object, "estimated", FALSE);

  if (rule.value == NULL || kefu_profile_get_field (self, rule.value) == NULL ||
      (rule.count != NULL && kefu_profile_get_field (self, rule.count) == NULL) ||
      (rule.type == KEFU_RULE_RATE && rule.count == NULL))
    {
      what = g_strdup_printf (_("measure “%s” must name its columns with “sum”, “rate” "
                                "(with “count”) or “mean” (with an optional “weight”), "
                                "and each must be a field of the profile"), rule.key);
      clear_rule (&rule);
      return fail (error, origin, what);
    }

  g_array_append_val (self->rules, rule);
  return TRUE;
}

/**
 * kefu_profile_new_from_json:
 * @origin: where the JSON came from, for messages
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
KefuProfile *
kefu_profile_new_from_json (JsonNode    *node,
                            const char  *origin,
                            GError     **error)
{
  g_autoptr(KefuProfile) self = g_object_new (KEFU_TYPE_PROFILE, NULL);
  JsonObject *object;
  JsonArray *array;
  int kind;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, origin, _("it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  self->id = g_strdup (member_string (object, "id"));
  self->name = g_strdup (member_string (object, "name"));
  self->platform = g_strdup (member_string (object, "platform"));
  self->sheet = g_strdup (member_string (object, "sheet"));
  self->extends = g_strdup (member_string (object, "extends"));
  self->json = json_to_string (node, FALSE);
  self->header_rows = json_object_get_int_member_with_default (object, "header_rows", 1);
  kind = lookup_name (kind_names, G_N_ELEMENTS (kind_names), member_string (object, "kind"));

  if (self->id == NULL || self->name == NULL)
    {
      fail (error, origin, _("it needs an “id” and a “name”"));
      return NULL;
    }
  if (!kefu_platform_is_valid (self->platform))
    {
      fail (error, origin, _("“platform” must be one of pdd, taobao, tmall, douyin, jd, other"));
      return NULL;
    }
  if (kind < 0)
    {
      fail (error, origin, _("“kind” must be one of agent_table, shop_table, messages, "
                             "sessions, orders, refunds, reviews, dsr"));
      return NULL;
    }
  self->kind = kind;
  if (self->header_rows < 1 || self->header_rows > 2)
    {
      fail (error, origin, _("“header_rows” must be 1 or 2"));
      return NULL;
    }

  array = json_object_has_member (object, "columns")
        ? json_object_get_array_member (object, "columns") : NULL;
  if (array == NULL || json_array_get_length (array) == 0)
    {
      fail (error, origin, _("it has no “columns”"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_column (self, json_array_get_element (array, i), origin, error))
      return NULL;

  array = json_object_has_member (object, "measures")
        ? json_object_get_array_member (object, "measures") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!parse_rule (self, json_array_get_element (array, i), origin, error))
      return NULL;

  return g_steal_pointer (&self);
}

const char *
kefu_profile_get_id (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
kefu_profile_get_name (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return self->name;
}

const char *
kefu_profile_get_platform (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return self->platform;
}

KefuImportKind
kefu_profile_get_kind (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), 0);
  return self->kind;
}

const char *
kefu_profile_get_kind_name (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return kind_names[self->kind];
}

/* The sheet to read, by name; NULL for the first one. */
const char *
kefu_profile_get_sheet (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return self->sheet;
}

/* The id of the profile a person corrected into this one, or NULL. */
const char *
kefu_profile_get_extends (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  return self->extends;
}

/* Drops @header from @aliases (compared normalised); adds it when @add. */
static void
edit_aliases (JsonArray  *aliases,
              const char *field,
              const char *header,
              gboolean    add)
{
  g_autofree char *wanted = kefu_header_normalise (header);
  gboolean present = FALSE;

  for (guint i = json_array_get_length (aliases); i > 0; i--)
    {
      g_autofree char *alias = kefu_header_normalise (json_array_get_string_element (aliases, i - 1));

      if (!g_str_equal (alias, wanted))
        continue;
      if (add)
        present = TRUE;
      else
        json_array_remove_element (aliases, i - 1);
    }

  /* A profile column needs an alias: its field's own name then. */
  if (json_array_get_length (aliases) == 0)
    json_array_add_string_element (aliases, field);

  if (add && !present)
    json_array_add_string_element (aliases, header);
}

/**
 * kefu_profile_derive_json:
 * @id: the new profile's id
 * @name: its name, shown to people
 * @headers: header texts of a file, as written
 * @fields: (array zero-terminated=1): per header, the field it feeds, or ""
 *
 * Writes a copy of the profile in which each of @headers names its field
 * of @fields and no other: the mapping a person corrected, kept for the
 * next file of the kind. The copy "extends" this profile (or the one this
 * one extends), so it is preferred to it wherever it matches
 * (data/profiles/README.md).
 *
 * Returns: (transfer full): the new profile as JSON
 */
JsonNode *
kefu_profile_derive_json (KefuProfile        *self,
                          const char         *id,
                          const char         *name,
                          const char * const *headers,
                          const char * const *fields)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *columns;

  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  g_return_val_if_fail (id != NULL && name != NULL, NULL);
  g_return_val_if_fail (headers != NULL && fields != NULL, NULL);

  /* A deep copy: json_node_copy() shares the objects inside. */
  root = json_from_string (self->json, NULL);
  object = json_node_get_object (root);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);
  /* A correction of a correction extends the same profile. */
  json_object_set_string_member (object, "extends", self->extends ? self->extends : self->id);
  json_object_remove_member (object, "description");
  columns = json_object_get_array_member (object, "columns");

  for (guint h = 0; headers[h] != NULL && fields[h] != NULL; h++)
    {
      if (headers[h][0] == '\0')
        continue;

      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          JsonObject *column = json_array_get_object_element (columns, c);

          edit_aliases (json_object_get_array_member (column, "aliases"),
                        member_string (column, "field"), headers[h],
                        g_strcmp0 (member_string (column, "field"), fields[h]) == 0);
        }
    }

  return g_steal_pointer (&root);
}

/* 2 when a group row sits above the field row (接待评价). */
guint
kefu_profile_get_header_rows (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), 1);
  return self->header_rows;
}

guint
kefu_profile_get_n_columns (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), 0);
  return self->columns->len;
}

const KefuProfileColumn *
kefu_profile_get_column (KefuProfile *self,
                         guint        index)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return &g_array_index (self->columns, KefuProfileColumn, index);
}

/**
 * kefu_profile_find_column:
 * @normalised_header: a header cell passed through kefu_header_normalise()
 *
 * Returns: (nullable): the column this header feeds
 */
const KefuProfileColumn *
kefu_profile_find_column (KefuProfile *self,
                          const char  *normalised_header)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);

  if (normalised_header == NULL || *normalised_header == '\0')
    return NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      const KefuProfileColumn *column = &g_array_index (self->columns, KefuProfileColumn, i);

      if (g_strv_contains ((const char * const *) column->aliases, normalised_header))
        return column;
    }
  return NULL;
}

const KefuProfileColumn *
kefu_profile_get_field (KefuProfile *self,
                        const char  *field)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      const KefuProfileColumn *column = &g_array_index (self->columns, KefuProfileColumn, i);

      if (g_strcmp0 (column->field, field) == 0)
        return column;
    }
  return NULL;
}

guint
kefu_profile_get_n_rules (KefuProfile *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), 0);
  return self->rules->len;
}

const KefuProfileRule *
kefu_profile_get_rule (KefuProfile *self,
                       guint        index)
{
  g_return_val_if_fail (KEFU_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return &g_array_index (self->rules, KefuProfileRule, index);
}
