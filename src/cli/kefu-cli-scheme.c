/* kefu-cli-scheme.c — kefu-cli scheme and kefu-cli score
 *
 * kefu-cli scheme list
 * kefu-cli scheme show ID|FILE [--format text|json]
 * kefu-cli scheme validate ID|FILE [--format text|json]
 *     exits 1 when the scheme has errors, 0 when it has only warnings
 * kefu-cli scheme save ID|FILE [--shop NAME] [--default]
 *     stores a copy in the database (for the shop, or every shop); prints its number
 * kefu-cli scheme delete NUMBER
 * kefu-cli score [--scheme ID|FILE] --from YYYY-MM-DD --to YYYY-MM-DD
 *     [--shop NAME] [--manual FILE] [--format table|json|csv] [--explain]
 *
 * A scheme is named by a file (a path, or a name ending in .json), by the
 * number of a scheme stored in the database, or by the id of a built-in
 * scheme (or of a stored one). score without --scheme uses the shop's
 * default scheme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "kefu-cli-common.h"
#include "kefu-cli-scheme.h"


/* Parses @args (after the command's words) with @entries. */
static gboolean
parse_options (const char         *command,
               const char         *parameters,
               const GOptionEntry *entries,
               char             ***args,
               GError            **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autofree char *name = g_strdup_printf ("kefu-cli %s", command);
  g_autofree char **argv = NULL;
  int argc;

  argc = g_strv_length (*args) + 1;
  argv = g_new0 (char *, argc + 1);
  argv[0] = name;
  memcpy (argv + 1, *args, (argc - 1) * sizeof (char *));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  /* What is left, without the program name: a new vector of the same strings. */
  *args = g_new0 (char *, argc);
  memcpy (*args, argv + 1, (argc - 1) * sizeof (char *));
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A file, a stored scheme's number, a built-in id, a stored scheme's id. */
static KefuScheme *
resolve_scheme (KefuStore   *store,
                const char  *name,
                GError     **error)
{
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  KefuScheme *scheme;

  if (g_file_test (name, G_FILE_TEST_IS_REGULAR) || g_str_has_suffix (name, ".json") ||
      strchr (name, G_DIR_SEPARATOR) != NULL)
    return kefu_scheme_new_from_file (name, error);

  if (all_digits (name))
    return kefu_store_load_scheme (store, g_ascii_strtoll (name, NULL, 10), error);

  scheme = kefu_scheme_new_builtin (name, &local_error);
  if (scheme != NULL)
    return scheme;

  stored = kefu_store_list_schemes (store, 0, error);
  if (stored == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(KefuScheme) candidate = g_list_model_get_item (stored, i);

      if (g_strcmp0 (kefu_scheme_get_id (candidate), name) == 0)
        return g_steal_pointer (&candidate);
    }

  g_set_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_NOT_FOUND,
               _("“%s” is neither a scheme file nor a scheme Kefu knows; "
                 "kefu-cli scheme list shows them"), name);
  return NULL;
}

static gboolean
check_format (const char   *format,
              const char  **allowed,
              GError      **error)
{
  g_autofree char *list = NULL;

  if (format == NULL || g_strv_contains (allowed, format))
    return TRUE;
  list = g_strjoinv (", ", (char **) allowed);
  USAGE_ERROR (error, _("--format is one of %s"), list);
  return FALSE;
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = kefu_json_to_data (node, TRUE);

  g_print ("%s\n", text);
}

static char *
format_weight (double weight)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", round (weight * 1e6) / 1e6));
}

static char *
format_items (KefuScheme *scheme)
{
  guint n = kefu_scheme_get_n_items (scheme);

  return g_strdup_printf (ngettext ("%u item", "%u items", n), n);
}

static gboolean
scheme_list (KefuStore  *store,
             char      **args,
             GError    **error)
{
  g_autoptr(GListModel) builtin = kefu_scheme_list_builtin ();
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GListModel) shops = NULL;

  if (args[0] != NULL)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli scheme list"));
      return FALSE;
    }

  stored = kefu_store_list_schemes (store, 0, error);
  shops = stored ? kefu_store_list_shops (store, error) : NULL;
  if (stored == NULL || shops == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (builtin); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (builtin, i);
      g_autofree char *weight = format_weight (kefu_scheme_get_total_weight (scheme));
      g_autofree char *items = format_items (scheme);

      /* Translators: id, where it is from, name, number of items ("5 items"),
       * total weight */
      g_print (_("%s\tbuilt in\t%s\t%s, %s%%\n"), kefu_scheme_get_id (scheme),
               kefu_scheme_get_name (scheme), items, weight);
    }

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (stored, i);
      g_autofree char *weight = format_weight (kefu_scheme_get_total_weight (scheme));
      g_autofree char *items = format_items (scheme);
      g_autoptr(GString) where = g_string_new (_("stored"));

      for (guint j = 0; j < g_list_model_get_n_items (shops); j++)
        {
          g_autoptr(KefuShop) shop = g_list_model_get_item (shops, j);
          gint64 id = kefu_store_get_default_scheme (store, kefu_shop_get_id (shop), NULL);

          if (id == kefu_scheme_get_store_id (scheme))
            g_string_append_printf (where, _(", default of %s"), kefu_shop_get_name (shop));
        }

      /* Translators: store id, where it is from, name (id), number of
       * items ("5 items"), total weight */
      g_print (_("%ld\t%s\t%s (%s)\t%s, %s%%\n"),
               (long) kefu_scheme_get_store_id (scheme), where->str,
               kefu_scheme_get_name (scheme), kefu_scheme_get_id (scheme),
               items, weight);
    }
  return TRUE;
}

/* @text padded to @width terminal columns (CJK characters take two). */
static char *
pad (const char *text,
     guint       width)
{
  GString *padded = g_string_new (text);
  guint used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  while (used++ < width)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

static void
print_scheme (KefuScheme *scheme)
{
  g_autofree char *weight = format_weight (kefu_scheme_get_total_weight (scheme));

  g_print ("%s (%s)%s\n", kefu_scheme_get_name (scheme), kefu_scheme_get_id (scheme),
           kefu_scheme_get_builtin (scheme) ? _(", built in") : "");
  if (kefu_scheme_get_description (scheme) != NULL)
    g_print ("%s\n", kefu_scheme_get_description (scheme));
  g_print (_("Weights: %s%%\n"), weight);

  for (guint i = 0; i < kefu_scheme_get_n_items (scheme); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (scheme, i);
      KefuUnit unit = kefu_scheme_item_get_unit (item);
      g_autofree char *item_weight = format_weight (kefu_scheme_item_get_weight (item));
      guint n = kefu_scheme_item_get_n_brackets (item);

      g_print ("\n%u. %s — %s%s, %s%%, %s: %s\n", i + 1,
               kefu_scheme_item_get_display_label (item),
               kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL ? _("manual ") : "",
               kefu_scheme_item_get_key (item), item_weight, _("when missing"),
               kefu_missing_policy_to_string (kefu_scheme_item_get_missing_policy (item)));
      if (n == 0 && kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
        g_print ("   %s\n", _("the points given by hand, 0–100"));
      for (guint j = 0; j < n; j++)
        {
          KefuBracket *bracket = kefu_scheme_item_get_bracket (item, j);
          g_autofree char *range = kefu_bracket_describe (bracket, unit);
          g_autofree char *points = kefu_bracket_describe_points (bracket);
          g_autofree char *padded = pad (range, 24);

          g_print ("   %s %s\n", padded, points);
        }
    }
}

static gboolean
scheme_show (KefuStore  *store,
             char      **args,
             GError    **error)
{
  static const char *formats[] = { "text", "json", NULL };
  g_autofree char *format = NULL;
  g_autofree char **rest = NULL;
  g_autoptr(KefuScheme) scheme = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json (the scheme file)"), N_("FORMAT") },
    { NULL }
  };

  if (!parse_options ("scheme show", _("ID|FILE — show a scheme"), entries, &args, error))
    return FALSE;
  rest = args;
  if (!check_format (format, formats, error))
    return FALSE;
  if (g_strv_length (rest) != 1)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli scheme show ID|FILE [--format text|json]"));
      return FALSE;
    }

  scheme = resolve_scheme (store, rest[0], error);
  if (scheme == NULL)
    return FALSE;

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *data = kefu_scheme_to_data (scheme);
      g_print ("%s\n", data);
    }
  else
    print_scheme (scheme);
  return TRUE;
}

static gboolean
scheme_validate (KefuStore  *store,
                 char      **args,
                 GError    **error)
{
  static const char *formats[] = { "text", "json", NULL };
  g_autofree char *format = NULL;
  g_autofree char **rest = NULL;
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(GListModel) issues = NULL;
  guint n_errors, n_warnings;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json"), N_("FORMAT") },
    { NULL }
  };

  if (!parse_options ("scheme validate", _("ID|FILE — check a scheme"), entries, &args, error))
    return FALSE;
  rest = args;
  if (!check_format (format, formats, error))
    return FALSE;
  if (g_strv_length (rest) != 1)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli scheme validate ID|FILE [--format text|json]"));
      return FALSE;
    }

  scheme = resolve_scheme (store, rest[0], error);
  if (scheme == NULL)
    return FALSE;

  issues = kefu_scheme_validate (scheme, NULL);
  n_errors = kefu_scheme_issues_count (issues, KEFU_ISSUE_ERROR);
  n_warnings = kefu_scheme_issues_count (issues, KEFU_ISSUE_WARNING);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scheme");
      json_builder_add_string_value (builder, kefu_scheme_get_id (scheme));
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, n_errors == 0);
      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, n_errors);
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder, n_warnings);
      json_builder_set_member_name (builder, "issues");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
          json_builder_add_value (builder, kefu_scheme_issue_to_json (issue));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
          g_autofree char *line = kefu_scheme_issue_to_string (issue);

          g_print ("%s\n", line);
        }
      if (n_errors == 0 && n_warnings == 0)
        g_print (_("The scheme “%s” is valid.\n"), kefu_scheme_get_name (scheme));
    }

  if (n_errors > 0)
    {
      g_set_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "the scheme “%s” has %u error",
                                "the scheme “%s” has %u errors", n_errors),
                   kefu_scheme_get_name (scheme), n_errors);
      return FALSE;
    }
  return TRUE;
}


static gboolean
scheme_save (KefuStore  *store,
             char      **args,
             GError    **error)
{
  g_autofree char *shop = NULL;
  g_autofree char **rest = NULL;
  g_autoptr(KefuScheme) scheme = NULL;
  gboolean make_default = FALSE;
  gint64 shop_id = 0, id;
  const GOptionEntry entries[] = {
    { "shop", 0, 0, G_OPTION_ARG_STRING, &shop, N_("Store it for this shop (default: for every shop)"), N_("NAME") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &make_default, N_("Make it the shop’s default scheme"), NULL },
    { NULL }
  };

  if (!parse_options ("scheme save", _("ID|FILE — store a copy of a scheme"), entries, &args, error))
    return FALSE;
  rest = args;
  if (g_strv_length (rest) != 1)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli scheme save ID|FILE [--shop NAME] [--default]"));
      return FALSE;
    }

  if (shop != NULL || make_default)
    {
      shop_id = kefu_cli_find_shop (store, shop, NULL, error);
      if (shop_id == 0)
        return FALSE;
    }

  scheme = resolve_scheme (store, rest[0], error);
  if (scheme == NULL)
    return FALSE;
  kefu_scheme_set_store_id (scheme, 0);   /* always a new copy */

  id = kefu_store_save_scheme (store, shop_id, scheme, error);
  if (id == 0 || (make_default && !kefu_store_set_default_scheme (store, shop_id, id, error)))
    return FALSE;

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static gboolean
scheme_delete (KefuStore  *store,
               char      **args,
               GError    **error)
{
  if (g_strv_length (args) != 1 || !all_digits (args[0]))
    {
      USAGE_ERROR (error, _("Usage: kefu-cli scheme delete NUMBER (a stored scheme, from "
                            "kefu-cli scheme list)"));
      return FALSE;
    }
  return kefu_store_delete_scheme (store, g_ascii_strtoll (args[0], NULL, 10), error);
}

/**
 * kefu_cli_scheme:
 *
 * kefu-cli scheme list | show ID|FILE | validate ID|FILE | save ID|FILE | delete NUMBER
 */
gboolean
kefu_cli_scheme (KefuStore  *store,
                 char      **args,
                 GError    **error)
{
  if (args[0] != NULL && g_str_equal (args[0], "list"))
    return scheme_list (store, args + 1, error);
  if (args[0] != NULL && g_str_equal (args[0], "show"))
    return scheme_show (store, args + 1, error);
  if (args[0] != NULL && g_str_equal (args[0], "validate"))
    return scheme_validate (store, args + 1, error);
  if (args[0] != NULL && g_str_equal (args[0], "save"))
    return scheme_save (store, args + 1, error);
  if (args[0] != NULL && g_str_equal (args[0], "delete"))
    return scheme_delete (store, args + 1, error);

  USAGE_ERROR (error, _("Usage: kefu-cli scheme list | show ID|FILE | validate ID|FILE "
                        "[--format json] | save ID|FILE [--shop NAME] [--default] | "
                        "delete NUMBER"));
  return FALSE;
}

static gboolean
parse_day (const char  *text,
           const char  *option,
           GDate       *date,
           GError     **error)
{
  if (text == NULL)
    {
      USAGE_ERROR (error, _("kefu-cli score needs %s YYYY-MM-DD"), option);
      return FALSE;
    }
  return kefu_cli_parse_day (text, date, error);
}

/**
 * kefu_cli_score:
 *
 * Scores a period's agents with a scheme: the metric engine's values
 * (kefu_metric_query(), grouped by agent, for the scheme's metric keys),
 * the manual scores stored with the scheme and those of --manual, which
 * win (kefu_score_report_new_from_store()).
 */
gboolean
kefu_cli_score (KefuStore  *store,
                char      **args,
                GError    **error)
{
  static const char *formats[] = { "table", "json", "csv", NULL };
  g_autofree char *scheme_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *shop = NULL;
  g_autofree char *manual_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char **rest = NULL;
  gboolean explain = FALSE;
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(KefuManualScores) manual = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  GDate from, to;
  gint64 shop_id;
  const GOptionEntry entries[] = {
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme_name, N_("The scheme: a built-in id, a stored scheme’s number, or a file (default: the shop’s default scheme)"), N_("ID|FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The period’s first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The period’s last day"), N_("YYYY-MM-DD") },
    { "shop", 0, 0, G_OPTION_ARG_STRING, &shop, N_("The shop (default: the database’s only shop)"), N_("NAME") },
    { "manual", 0, 0, G_OPTION_ARG_FILENAME, &manual_path, N_("Points given by hand: a sheet with 客服, 项目, 得分 (agent, item, points)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table, json or csv"), N_("FORMAT") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_("Explain every agent’s points, item by item"), NULL },
    { NULL }
  };

  if (!parse_options ("score", _("— score the agents of a period with a scheme"), entries, &args, error))
    return FALSE;
  rest = args;
  if (rest[0] != NULL)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli score [--scheme ID|FILE] --from YYYY-MM-DD "
                            "--to YYYY-MM-DD [--shop NAME] [--manual FILE] "
                            "[--format table|json|csv] [--explain]"));
      return FALSE;
    }
  if (!check_format (format, formats, error) ||
      !parse_day (from_text, "--from", &from, error) ||
      !parse_day (to_text, "--to", &to, error))
    return FALSE;
  if (g_date_compare (&from, &to) > 0)
    {
      USAGE_ERROR (error, _("--to is before --from"));
      return FALSE;
    }

  shop_id = kefu_cli_find_shop (store, shop, NULL, error);
  if (shop_id == 0)
    return FALSE;

  if (scheme_name != NULL)
    scheme = resolve_scheme (store, scheme_name, error);
  else
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = kefu_store_get_default_scheme (store, shop_id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (id == 0)
        {
          USAGE_ERROR (error, _("The shop has no default scheme; name one with --scheme "
                                "(kefu-cli scheme list shows them)"));
          return FALSE;
        }
      scheme = kefu_store_load_scheme (store, id, error);
    }
  if (scheme == NULL)
    return FALSE;

  if (manual_path != NULL)
    {
      manual = kefu_manual_scores_new ();
      if (!kefu_manual_scores_load_file (manual, manual_path, error))
        return FALSE;
    }

  /* The metric engine's values for the scheme's keys, per agent. */
  report = kefu_score_report_new_from_store (store, shop_id, scheme, &from, &to, NULL,
                                             manual, NULL, error);
  if (report == NULL)
    return FALSE;

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = kefu_score_report_to_json (report);
      print_json (root);
    }
  else if (g_strcmp0 (format, "csv") == 0)
    {
      g_autofree char *csv = kefu_score_report_to_csv (report);
      g_print ("%s", csv);
    }
  else
    {
      g_autofree char *text = kefu_score_report_to_text (report, explain);
      g_print ("%s", text);
    }
  return TRUE;
}

/**
 * kefu_cli_resolve_scheme:
 * @name: a scheme file, a stored scheme's number, or a built-in or stored id
 *
 * Returns: (transfer full) (nullable): the scheme, as kefu-cli score finds it
 */
KefuScheme *
kefu_cli_resolve_scheme (KefuStore   *store,
                         const char  *name,
                         GError     **error)
{
  return resolve_scheme (store, name, error);
}
