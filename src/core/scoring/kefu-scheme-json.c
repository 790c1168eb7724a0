/* kefu-scheme-json.c — schemes as JSON files
 *
 * The format is described, with a commented example, in
 * data/schemes/README.md. Loading checks the file's structure and refuses
 * what cannot be a scheme (naming the item and row); whether the scheme
 * makes sense — weights, gaps, overlaps, units — is the validator's job,
 * so that an editor can open a flawed scheme and fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scheme.h"
#include "scoring/kefu-scoring-private.h"

#define FORMAT_VERSION 1

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      const char  *origin,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_INVALID,
               _("The scheme “%s” is not valid: %s"), origin, what);
  return FALSE;
}

static gboolean
only_members (JsonObject          *object,
              const char * const  *allowed,
              const char          *where,
              const char          *origin,
              GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (error, origin, _("%s: unknown member “%s”"), where, (const char *) l->data);
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            double      *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return FALSE;
  *value = json_node_get_double (node);
  return isfinite (*value);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static KefuBracket *
bracket_from_json (JsonNode    *node,
                   const char  *where,
                   const char  *origin,
                   GError     **error)
{
  static const char * const allowed[] = { "range", "points", "points_low", "points_high", NULL };
  g_autoptr(KefuBracket) bracket = kefu_bracket_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *range;
  double points, low, high;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, origin, _("%s: a row must be an object"), where), NULL;
  object = json_node_get_object (node);
  if (!only_members (object, allowed, where, origin, error))
    return NULL;

  range = get_string (object, "range");
  if (range == NULL)
    return fail (error, origin, _("%s: a row needs a “range”, e.g. “[0.38, 0.41)”"), where), NULL;
  if (!kefu_bracket_set_range (bracket, range, &local_error))
    return fail (error, origin, "%s: %s", where, local_error->message), NULL;

  if (json_object_has_member (object, "points"))
    {
      if (json_object_has_member (object, "points_low") ||
          json_object_has_member (object, "points_high"))
        return fail (error, origin, _("%s: give either “points” or “points_low” and "
                                      "“points_high”, not both"), where), NULL;
      if (!get_number (object, "points", &points))
        return fail (error, origin, _("%s: “points” must be a number"), where), NULL;
      kefu_bracket_set_points (bracket, points);
    }
  else if (get_number (object, "points_low", &low) && get_number (object, "points_high", &high))
    {
      kefu_bracket_set_linear (bracket, TRUE);
      kefu_bracket_set_points_low (bracket, low);
      kefu_bracket_set_points_high (bracket, high);
    }
  else
    return fail (error, origin, _("%s: a row needs “points”, or “points_low” and "
                                  "“points_high” (numbers) for a linear row"), where), NULL;

  return g_steal_pointer (&bracket);
}

static KefuSchemeItem *
item_from_json (JsonNode    *node,
                guint        index,
                const char  *origin,
                GError     **error)
{
  static const char * const allowed[] = { "metric", "manual", "label", "weight", "missing",
                                          "brackets", NULL };
  g_autoptr(KefuSchemeItem) item = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonNode *brackets;
  const char *metric, *manual, *missing;
  KefuMissingPolicy policy = KEFU_MISSING_POLICY_INCOMPLETE;
  double weight;

  /* Translators: the place of a problem in a scheme file, e.g. "item 3" */
  where = g_strdup_printf (_("item %u"), index + 1);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, origin, _("%s: an item must be an object"), where), NULL;
  object = json_node_get_object (node);
  if (!only_members (object, allowed, where, origin, error))
    return NULL;

  metric = get_string (object, "metric");
  manual = get_string (object, "manual");
  if ((metric == NULL) == (manual == NULL) || (metric ? metric : manual)[0] == '\0')
    return fail (error, origin, _("%s: an item names either a “metric” (a metric key) or a "
                                  "“manual” item (its id)"), where), NULL;

  g_free (where);
  where = g_strdup_printf (_("item %u (%s)"), index + 1, metric ? metric : manual);

  if (!get_number (object, "weight", &weight))
    return fail (error, origin, _("%s: “weight” must be a number, in percent"), where), NULL;

  missing = get_string (object, "missing");
  if (json_object_has_member (object, "missing") &&
      !kefu_missing_policy_from_string (missing, &policy))
    return fail (error, origin, _("%s: “missing” is one of “incomplete”, “zero” or "
                                  "“exclude”"), where), NULL;

  item = kefu_scheme_item_new (metric ? KEFU_ITEM_KIND_METRIC : KEFU_ITEM_KIND_MANUAL,
                               metric ? metric : manual);
  kefu_scheme_item_set_label (item, get_string (object, "label"));
  kefu_scheme_item_set_weight (item, weight);
  kefu_scheme_item_set_missing_policy (item, policy);

  brackets = json_object_get_member (object, "brackets");
  if (brackets != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (brackets))
        return fail (error, origin, _("%s: “brackets” must be a list of rows"), where), NULL;
      array = json_node_get_array (brackets);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *row_where = g_strdup_printf (_("%s, row %u"), where, i + 1);
          g_autoptr(KefuBracket) bracket =
            bracket_from_json (json_array_get_element (array, i), row_where, origin, error);

          if (bracket == NULL)
            return NULL;
          kefu_scheme_item_append_bracket (item, bracket);
        }
    }

  return g_steal_pointer (&item);
}

/**
 * kefu_scheme_new_from_json:
 * @origin: the file's name, for messages
 *
 * Returns: (transfer full) (nullable): the scheme, or %NULL with @error set
 *   naming what is wrong and where
 */
KefuScheme *
kefu_scheme_new_from_json (JsonNode    *root,
                           const char  *origin,
                           GError     **error)
{
  static const char * const allowed[] = { "format", "id", "name", "description", "draft", "items",
                                          NULL };
  g_autoptr(KefuScheme) scheme = NULL;
  JsonObject *object;
  JsonNode *items;
  const char *id, *name;
  double format = FORMAT_VERSION;

  g_return_val_if_fail (root != NULL, NULL);

  if (origin == NULL)
    origin = "?";

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, origin, _("it is not a JSON object")), NULL;
  object = json_node_get_object (root);
  if (!only_members (object, allowed, _("the scheme"), origin, error))
    return NULL;

  if (json_object_has_member (object, "format") &&
      (!get_number (object, "format", &format) || format < 1))
    return fail (error, origin, _("“format” must be 1")), NULL;
  if (format > FORMAT_VERSION)
    return fail (error, origin, _("it was written by a newer Kefu (format %g); update Kefu "
                                  "to read it"), format), NULL;

  id = get_string (object, "id");
  name = get_string (object, "name");
  if (id == NULL || *id == '\0' || name == NULL || *name == '\0')
    return fail (error, origin, _("it needs an “id” and a “name”")), NULL;

  scheme = kefu_scheme_new (id, name);
  kefu_scheme_set_description (scheme, get_string (object, "description"));
  if (json_object_has_member (object, "draft"))
    {
      JsonNode *draft = json_object_get_member (object, "draft");

      if (!JSON_NODE_HOLDS_VALUE (draft) || json_node_get_value_type (draft) != G_TYPE_BOOLEAN)
        return fail (error, origin, _("“draft” must be true or false")), NULL;
      kefu_scheme_set_draft (scheme, json_node_get_boolean (draft));
    }

  items = json_object_get_member (object, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return fail (error, origin, _("it needs “items”, a list")), NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      g_autoptr(KefuSchemeItem) item =
        item_from_json (json_array_get_element (json_node_get_array (items), i), i, origin, error);

      if (item == NULL)
        return NULL;
      kefu_scheme_append_item (scheme, item);
    }

  return g_steal_pointer (&scheme);
}

/**
 * kefu_scheme_new_from_data:
 * @length: the length of @data, or -1 when it is NUL-terminated
 *
 * Returns: (transfer full) (nullable): the scheme in @data
 */
KefuScheme *
kefu_scheme_new_from_data (const char  *data,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the offending text, cut anywhere: even mid-character. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      fail (error, origin ? origin : "?", _("it is not JSON (%s)"), reason);
      return NULL;
    }
  /* json-glib accepts an empty or blank text, with no root. */
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      fail (error, origin ? origin : "?", _("it is empty"));
      return NULL;
    }
  if (!kefu_json_text_is_valid (root))
    {
      fail (error, origin ? origin : "?", _("it holds an escape JSON does not have, such as \\7"));
      return NULL;
    }
  return kefu_scheme_new_from_json (root, origin, error);
}

/**
 * kefu_scheme_new_from_file:
 *
 * Returns: (transfer full) (nullable): the scheme in the file at @path
 */
KefuScheme *
kefu_scheme_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  display = g_filename_display_basename (path);
  return kefu_scheme_new_from_data (contents, length, display, error);
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/**
 * kefu_scheme_to_json:
 *
 * Returns: (transfer full): the scheme as data/schemes/README.md describes
 */
JsonNode *
kefu_scheme_to_json (KefuScheme *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, kefu_scheme_get_id (self));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, kefu_scheme_get_name (self));
  if (kefu_scheme_get_description (self) != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, kefu_scheme_get_description (self));
    }
  if (kefu_scheme_get_draft (self))
    {
      json_builder_set_member_name (builder, "draft");
      json_builder_add_boolean_value (builder, TRUE);
    }

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (self, i);
      KefuMissingPolicy policy = kefu_scheme_item_get_missing_policy (item);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder,
                                    kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL
                                    ? "manual" : "metric");
      json_builder_add_string_value (builder, kefu_scheme_item_get_key (item));
      if (kefu_scheme_item_get_label (item) != NULL)
        {
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, kefu_scheme_item_get_label (item));
        }
      json_builder_set_member_name (builder, "weight");
      add_number (builder, kefu_scheme_item_get_weight (item));
      if (policy != KEFU_MISSING_POLICY_INCOMPLETE)
        {
          json_builder_set_member_name (builder, "missing");
          json_builder_add_string_value (builder, kefu_missing_policy_to_string (policy));
        }

      json_builder_set_member_name (builder, "brackets");
      json_builder_begin_array (builder);
      for (guint j = 0; j < kefu_scheme_item_get_n_brackets (item); j++)
        {
          KefuBracket *bracket = kefu_scheme_item_get_bracket (item, j);
          g_autofree char *range = kefu_bracket_get_range (bracket);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "range");
          json_builder_add_string_value (builder, range);
          if (kefu_bracket_get_linear (bracket))
            {
              json_builder_set_member_name (builder, "points_low");
              add_number (builder, kefu_bracket_get_points_low (bracket));
              json_builder_set_member_name (builder, "points_high");
              add_number (builder, kefu_bracket_get_points_high (bracket));
            }
          else
            {
              json_builder_set_member_name (builder, "points");
              add_number (builder, kefu_bracket_get_points (bracket));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * kefu_scheme_to_data:
 *
 * Returns: (transfer full): the scheme as JSON text, indented
 */
char *
kefu_scheme_to_data (KefuScheme *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);

  root = kefu_scheme_to_json (self);
  return kefu_json_to_data (root, TRUE);
}

gboolean
kefu_scheme_save_to_file (KefuScheme  *self,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (KEFU_IS_SCHEME (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = kefu_scheme_to_data (self);
  text = g_strconcat (data, "\n", NULL);
  return g_file_set_contents (path, text, -1, error);
}
