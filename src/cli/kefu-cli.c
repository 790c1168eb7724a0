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

#include "kefu-core.h"

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
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Usage: kefu-cli add-shop NAME PLATFORM "
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
cmd_delete_batch (KefuStore  *store,
                  char      **args,
                  GError    **error)
{
  guint64 id;

  if (g_strv_length (args) != 1 ||
      !g_ascii_string_to_unsigned (args[0], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Usage: kefu-cli delete-batch ID (a positive number)"));
      return FALSE;
    }

  return kefu_store_delete_batch (store, (gint64) id, error);
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *help;
} commands[] = {
  { "info",         cmd_info,         N_("Show the database’s location, version and contents") },
  { "shops",        cmd_shops,        N_("List the shops") },
  { "add-shop",     cmd_add_shop,     N_("Add a shop: NAME PLATFORM") },
  { "delete-batch", cmd_delete_batch, N_("Delete an import batch and all the data it imported: ID") },
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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
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
      return EXIT_FAILURE;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_FAILURE;
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
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  g_printerr (_("kefu-cli: unknown command “%s”; see kefu-cli --help\n"), argv[1]);
  return EXIT_FAILURE;
}
