/* kefu-cli-export.c — kefu-cli export
 *
 * kefu-cli export [--scheme ID|FILE] --from YYYY-MM-DD --to YYYY-MM-DD
 *     [--shop NAME] [--manual FILE] [--lang zh_CN|en|es] [--mask-buyers]
 *     -o FILE.xlsx
 *
 * Scores the period as kefu-cli score does and writes the appraisal
 * workbook (src/core/export/kefu-workbook.c). Without --lang the workbook
 * is in the language of the user's locale; with it, the workbook and the
 * command's own messages are in that language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kefu-cli-common.h"
#include "kefu-cli-export.h"
#include "kefu-cli-scheme.h"

static const char * const languages[] = { "zh_CN", "en", "es", NULL };

/* The command's own messages in @language too. Nothing has asked GLib to
 * translate yet at this point, so LANGUAGE, with the message catalogs
 * reloaded (textdomain () does that), still decides. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (GETTEXT_PACKAGE);
}

static KefuScheme *
find_scheme (KefuStore   *store,
             gint64       shop_id,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (name != NULL)
    return kefu_cli_resolve_scheme (store, name, error);

  id = kefu_store_get_default_scheme (store, shop_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (id == 0)
    {
      USAGE_ERROR (error, _("The shop has no default scheme; name one with --scheme "
                            "(kefu-cli scheme list shows them)"));
      return NULL;
    }
  return kefu_store_load_scheme (store, id, error);
}

/**
 * kefu_cli_export:
 *
 * Writes the Excel appraisal workbook of a period.
 */
gboolean
kefu_cli_export (KefuStore  *store,
                 char      **args,
                 GError    **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write the Excel appraisal workbook"));
  g_autofree char *scheme_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *shop = NULL;
  g_autofree char *manual_path = NULL;
  g_autofree char *language = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char **argv = NULL;
  gboolean mask_buyers = FALSE;
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(KefuManualScores) manual = NULL;
  g_autoptr(KefuWorkbook) workbook = NULL;
  KefuScoreReport *report;
  GDate from, to;
  gint64 shop_id;
  int argc;
  const GOptionEntry entries[] = {
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme_name, N_("The scheme: a built-in id, a stored scheme’s number, or a file (default: the shop’s default scheme)"), N_("ID|FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The period’s first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The period’s last day"), N_("YYYY-MM-DD") },
    { "shop", 0, 0, G_OPTION_ARG_STRING, &shop, N_("The shop (default: the database’s only shop)"), N_("NAME") },
    { "manual", 0, 0, G_OPTION_ARG_FILENAME, &manual_path, N_("Points given by hand: a sheet with 客服, 项目, 得分 (agent, item, points)"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("The workbook’s language: zh_CN, en or es (default: the user’s)"), N_("LANGUAGE") },
    { "mask-buyers", 0, 0, G_OPTION_ARG_NONE, &mask_buyers, N_("For a workbook that leaves the shop: buyers’ identifiers written in it show only their first character, the rest as * (tb_8831 → t******). The sheets give figures by agent, never by buyer; a buyer can only appear in the names of the imported files the Details sheet lists as sources, such as a chat log exported per buyer, and is masked there"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("FILE.xlsx") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  argc = g_strv_length (args) + 1;
  argv = g_new0 (char *, argc + 1);
  argv[0] = (char *) "kefu-cli export";
  memcpy (argv + 1, args, (argc - 1) * sizeof (char *));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;

  if (language != NULL)
    {
      if (!g_strv_contains (languages, language))
        {
          USAGE_ERROR (error, _("--lang is one of zh_CN, en, es"));
          return FALSE;
        }
      use_language (language);
    }

  if ((rest != NULL && rest[0] != NULL) || from_text == NULL || to_text == NULL || output == NULL)
    {
      USAGE_ERROR (error, _("Usage: kefu-cli export [--scheme ID|FILE] --from YYYY-MM-DD "
                            "--to YYYY-MM-DD [--shop NAME] [--manual FILE] [--lang zh_CN|en|es] "
                            "[--mask-buyers] -o FILE.xlsx"));
      return FALSE;
    }
  if (!kefu_cli_parse_day (from_text, &from, error) ||
      !kefu_cli_parse_day (to_text, &to, error))
    return FALSE;
  if (g_date_compare (&from, &to) > 0)
    {
      USAGE_ERROR (error, _("--to is before --from"));
      return FALSE;
    }

  shop_id = kefu_cli_find_shop (store, shop, NULL, error);
  if (shop_id == 0)
    return FALSE;
  scheme = find_scheme (store, shop_id, scheme_name, error);
  if (scheme == NULL)
    return FALSE;
  if (manual_path != NULL)
    {
      manual = kefu_manual_scores_new ();
      if (!kefu_manual_scores_load_file (manual, manual_path, error))
        return FALSE;
    }

  /* Scored as kefu-cli score does, with the daily values beside. */
  workbook = kefu_workbook_new_from_store (store, shop_id, scheme, &from, &to, NULL, manual,
                                           NULL, error);
  if (workbook == NULL)
    return FALSE;
  report = kefu_workbook_get_report (workbook);
  kefu_workbook_set_mask_buyers (workbook, mask_buyers);
  if (!kefu_workbook_set_language (workbook, language, error) ||
      !kefu_workbook_write (workbook, output, NULL, error))
    return FALSE;

  g_print (g_dngettext (NULL, "Wrote %s: %u agent, scheme “%s”.\n",
                        "Wrote %s: %u agents, scheme “%s”.\n",
                        g_list_model_get_n_items (kefu_score_report_get_agents (report))),
           output, g_list_model_get_n_items (kefu_score_report_get_agents (report)),
           kefu_scheme_get_name (kefu_score_report_get_scheme (report)));
  return TRUE;
}
