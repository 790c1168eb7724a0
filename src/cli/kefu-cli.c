/* kefu-cli.c — Kefu from the command line
 *
 * A thin front on libkefu-core: what the window does to data, the CLI
 * does too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "kefu-cli-common.h"
#include "kefu-cli-export.h"
#include "kefu-cli-metrics.h"
#include "kefu-cli-scheme.h"


typedef gboolean (*CommandFunc) (KefuStore  *store,
                                 char      **args,
                                 GError    **error);


static gboolean
cmd_info (KefuStore  *store,
          char      **args,
          GError    **error)
{
  g_autoptr(GListModel) shops = kefu_store_list_shops (store, error);

  if (shops == NULL)
    return FALSE;

  g_print (_("Database: %s\n"), kefu_store_get_path (store));
  g_print (_("Schema version: %d\n"), kefu_store_get_schema_version (store));
  if (kefu_store_get_backup_path (store) != NULL)
    g_print (_("The database was upgraded; the previous version was kept as %s\n"),
             kefu_store_get_backup_path (store));
  g_print (g_dngettext (NULL, "%u shop\n", "%u shops\n",
                        g_list_model_get_n_items (shops)),
           g_list_model_get_n_items (shops));
  return TRUE;
}

static gboolean
cmd_shops (KefuStore  *store,
           char      **args,
           GError    **error)
{
  g_autoptr(GListModel) shops = kefu_store_list_shops (store, error);

  if (shops == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (shops); i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n",
               kefu_shop_get_id (shop),
               kefu_platform_get_label (kefu_shop_get_platform (shop)),
               kefu_shop_get_name (shop));
    }
  return TRUE;
}

static gboolean
cmd_add_shop (KefuStore  *store,
              char      **args,
              GError    **error)
{
  gint64 id;

  if (g_strv_length (args) != 2)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli add-shop NAME PLATFORM "
                            "(PLATFORM is one of pdd, taobao, tmall, douyin, jd, other)"));
      return FALSE;
    }

  id = kefu_store_add_shop (store, args[0], args[1], error);
  if (id == 0)
    return FALSE;

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TRUE;
}

static gboolean
cmd_undo (KefuStore  *store,
          char      **args,
          GError    **error)
{
  guint64 id;

  if (g_strv_length (args) != 1 ||
      !g_ascii_string_to_unsigned (args[0], 10, 1, G_MAXINT64, &id, NULL))
    {
      USAGE_ERROR (error, _("Usage: kefu-cli undo BATCH (a batch number from kefu-cli batches)"));
      return FALSE;
    }

  if (!kefu_store_delete_batch (store, (gint64) id, error))
    return FALSE;

  g_print (_("Batch %lu and all the data it imported were removed.\n"), (gulong) id);
  return TRUE;
}

static gboolean
cmd_batches (KefuStore  *store,
             char      **args,
             GError    **error)
{
  g_autoptr(GListModel) batches = kefu_store_list_batches (store, 0, error);

  if (batches == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(KefuBatch) batch = g_list_model_get_item (batches, i);
      long imported = (long) kefu_batch_get_rows_imported (batch);
      guint n_problems = kefu_batch_get_n_problems (batch);
      g_autofree char *rows = g_strdup_printf (ngettext ("%ld row", "%ld rows", imported), imported);
      g_autofree char *problems = g_strdup_printf (ngettext ("%u problem", "%u problems", n_problems),
                                                   n_problems);

      /* Translators: batch id, import time, kind, first day, last day,
       * rows imported ("12 rows"), rows skipped, problems ("3 problems"),
       * file name */
      g_print (_("%ld\t%s\t%s\t%s..%s\t%s, %ld skipped, %s\t%s\n"),
               (long) kefu_batch_get_id (batch),
               kefu_batch_get_imported_at (batch),
               kefu_batch_get_kind (batch),
               kefu_batch_get_period_start (batch) ? kefu_batch_get_period_start (batch) : "-",
               kefu_batch_get_period_end (batch) ? kefu_batch_get_period_end (batch) : "-",
               rows,
               (long) kefu_batch_get_rows_skipped (batch),
               problems,
               kefu_batch_get_file_name (batch));
    }
  return TRUE;
}

static gboolean
cmd_profiles (KefuStore  *store,
              char      **args,
              GError    **error)
{
  GListModel *profiles = kefu_profile_registry_get_profiles (kefu_profile_registry_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (profiles, i);

      g_print ("%s\t%s\t%s\t%s\n",
               kefu_profile_get_id (profile),
               kefu_platform_get_label (kefu_profile_get_platform (profile)),
               kefu_profile_get_kind_name (profile),
               kefu_profile_get_name (profile));
    }
  return TRUE;
}

/* Set when any file of an import was refused. */
static gboolean import_refused;

/* The column --map names: a 1-based number, or a header as written. */
static int
find_column (char       **headers,
             const char  *column)
{
  g_autofree char *wanted = kefu_header_normalise (column);
  char *end = NULL;
  guint64 number = g_ascii_strtoull (column, &end, 10);

  if (end != column && *end == '\0')
    return number >= 1 && number <= g_strv_length (headers) ? (int) number - 1 : -1;
  for (guint i = 0; headers[i] != NULL; i++)
    {
      g_autofree char *header = kefu_header_normalise (headers[i]);

      if (*header != '\0' && g_str_equal (header, wanted))
        return i;
    }
  return -1;
}

/* The mapping of @path as its headers say it, corrected by --map
 * COLUMN=FIELD (FIELD empty: the column is read into none): a check
 * finds the profile and the columns first. */
static GStrv
corrected_mapping (KefuStore                *store,
                   const char               *path,
                   const KefuImportOptions  *options,
                   char                    **maps,
                   char                    **profile_id,
                   GError                  **error)
{
  KefuImportOptions check = *options;
  g_autoptr(KefuImportResult) result = NULL;
  g_auto(GStrv) mapping = NULL;
  KefuImportFacts *facts;

  check.check_only = TRUE;
  check.mapping = NULL;
  result = kefu_import_file (store, kefu_profile_registry_get_default (), path, &check, NULL, NULL, NULL);
  facts = kefu_import_result_get_facts (result);
  if (facts->fields == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s",
                   kefu_import_result_get_file_name (result), kefu_import_result_get_message (result));
      return NULL;
    }

  mapping = g_strdupv (facts->fields);
  for (guint m = 0; maps[m] != NULL; m++)
    {
      g_auto(GStrv) parts = g_strsplit (maps[m], "=", 2);
      int column = g_strv_length (parts) == 2 ? find_column (facts->headers, parts[0]) : -1;

      if (g_strv_length (parts) != 2)
        {
          USAGE_ERROR (error, _("--map is COLUMN=FIELD, e.g. 2=inquiry_buyers or 备注="));
          return NULL;
        }
      if (column < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a column of the header row of “%s”"),
                       parts[0], kefu_import_result_get_file_name (result));
          return NULL;
        }
      /* A field is fed by one column. */
      for (guint i = 0; *parts[1] != '\0' && mapping[i] != NULL; i++)
        if (g_str_equal (mapping[i], parts[1]))
          {
            g_free (mapping[i]);
            mapping[i] = g_strdup ("");
          }
      g_free (mapping[column]);
      mapping[column] = g_strdup (parts[1]);
    }

  *profile_id = g_strdup (facts->profile_id);
  return g_steal_pointer (&mapping);
}

static gboolean
cmd_import (KefuStore  *store,
            char      **args,
            GError    **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — import exports"));
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *shop = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *date = NULL;
  g_autofree char *period = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean replace = FALSE;
  gboolean check = FALSE;
  KefuImportOptions options;
  g_autofree char **argv = NULL;
  int argc;
  const GOptionEntry entries[] = {
    { "shop", 0, 0, G_OPTION_ARG_STRING, &shop, N_("The shop the files are from (created if new)"), N_("NAME") },
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform, N_("The platform of a new shop"), N_("PLATFORM") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile, N_("Read the files with this profile instead of recognising them"), N_("ID") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("The text encoding of CSV files, e.g. GBK"), N_("ENCODING") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day a file without dates covers"), N_("YYYY-MM-DD") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The days a file without dates covers"), N_("FROM..TO") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace what earlier imports brought for the same days"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Read the files and report, but store nothing"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Read a column (its number or header) into a field of the profile, or into none"), N_("COLUMN=FIELD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Report as text or json"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  argc = g_strv_length (args) + 1;
  argv = g_new0 (char *, argc + 1);
  argv[0] = (char *) "kefu-cli import";
  memcpy (argv + 1, args, (argc - 1) * sizeof (char *));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  if (files == NULL || files[0] == NULL)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli import [OPTION…] FILE…; see kefu-cli import --help"));
      return FALSE;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      USAGE_ERROR (error, _("--format is text or json"));
      return FALSE;
    }
  if (platform != NULL && !kefu_platform_is_valid (platform))
    {
      USAGE_ERROR (error, _("--platform is one of pdd, taobao, tmall, douyin, jd, other"));
      return FALSE;
    }

  kefu_import_options_init (&options);
  options.shop_name = shop;
  options.platform = platform;
  options.profile_id = profile;
  options.encoding = encoding;
  options.replace = replace;
  options.check_only = check;

  if (date != NULL && !kefu_cli_parse_day (date, &options.period_from, error))
    return FALSE;
  if (period != NULL)
    {
      g_auto(GStrv) ends = g_strsplit (period, "..", 2);

      if (g_strv_length (ends) != 2)
        {
          USAGE_ERROR (error, _("--period is FROM..TO, e.g. 2026-10-01..2026-10-31"));
          return FALSE;
        }
      if (!kefu_cli_parse_day (ends[0], &options.period_from, error) ||
          !kefu_cli_parse_day (ends[1], &options.period_to, error))
        return FALSE;
      if (g_date_compare (&options.period_from, &options.period_to) > 0)
        {
          USAGE_ERROR (error, _("--period ends before it starts"));
          return FALSE;
        }
    }

  json_builder_begin_array (json);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(KefuImportResult) result = NULL;
      g_auto(GStrv) mapping = NULL;
      g_autofree char *mapped_profile = NULL;
      KefuImportOptions file_options = options;
      KefuImportStatus status;

      if (maps != NULL)
        {
          mapping = corrected_mapping (store, files[i], &options, maps, &mapped_profile, error);
          if (mapping == NULL)
            return FALSE;
          file_options.mapping = (const char * const *) mapping;
          file_options.profile_id = mapped_profile;
        }
      result = kefu_import_file (store, kefu_profile_registry_get_default (), files[i],
                                 &file_options, NULL, NULL, NULL);
      status = kefu_import_result_get_status (result);

      if (status == KEFU_IMPORT_REFUSED || status == KEFU_IMPORT_OVERLAP)
        import_refused = TRUE;

      if (g_strcmp0 (format, "json") == 0)
        json_builder_add_value (json, kefu_import_result_to_json (result));
      else
        {
          g_autofree char *text = kefu_import_result_to_text (result);
          g_print ("%s", text);
        }
    }
  json_builder_end_array (json);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (json);
      g_autofree char *text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }

  return TRUE;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "info",         cmd_info,         N_("Show the database’s location, version and contents") },
  { "shops",        cmd_shops,        N_("List the shops") },
  { "add-shop",     cmd_add_shop,     N_("Add a shop: NAME PLATFORM") },
  { "import",       cmd_import,       N_("Import exports: [OPTION…] FILE… (see import --help)") },
  { "batches",      cmd_batches,      N_("List the import batches") },
  { "undo",         cmd_undo,         N_("Remove an import batch and all the data it imported: BATCH") },
  { "profiles",     cmd_profiles,     N_("List the import profiles") },
  { "metrics",      kefu_cli_metrics, N_("Show a period’s metrics: --from DAY --to DAY [OPTION…] (see metrics --help)") },
  { "scheme",       kefu_cli_scheme,  N_("Scoring schemes: list | show ID|FILE | validate ID|FILE | save ID|FILE | delete NUMBER") },
  { "score",        kefu_cli_score,   N_("Score a period’s agents: [--scheme ID|FILE] --from DAY --to DAY [OPTION…] (see score --help)") },
  { "export",       kefu_cli_export,  N_("Write the Excel appraisal workbook: --scheme ID|FILE --from DAY --to DAY -o FILE.xlsx (see export --help)") },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *db_path = NULL;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use this database file instead of the default"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Use the demo shop’s database (demo.db beside the database)"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Set by `make run` and the tests to use the translations of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_LOCALEDIR") ? g_getenv ("KEFU_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_string_append (summary, _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "\n  %-14s %s", commands[i].name, _(commands[i].help));

  context = g_option_context_new (_("COMMAND [ARGUMENTS…] — customer-service performance"));
  g_option_context_set_summary (context, summary->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("kefu-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) != 0)
        continue;

      if (demo)
        {
          g_autofree char *demo_path = kefu_store_get_demo_path (db_path);
          store = kefu_demo_open (demo_path, &error);
        }
      else
        {
          if (db_path == NULL)
            db_path = kefu_store_get_default_path ();
          store = kefu_store_open (db_path, &error);
        }

      if (store == NULL || !commands[i].func (store, argv + 2, &error))
        {
          g_printerr ("kefu-cli: %s\n", error->message);
          return error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_REFUSED;
        }
      return import_refused ? EXIT_REFUSED : EXIT_SUCCESS;
    }

  g_printerr (_("kefu-cli: unknown command “%s”; see kefu-cli --help\n"), argv[1]);
  return EXIT_USAGE;
}
