/* main.c — the Kefu window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "kefu-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KefuApplication) app = NULL;
  /* Set by `make run` to use the translations of the build tree. */
  const char *localedir = g_getenv ("KEFU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kefu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
