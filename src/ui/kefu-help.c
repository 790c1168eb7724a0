/* kefu-help.c — the user guide shipped with Kefu
 *
 * The guide is one self-contained HTML page per language,
 * HELPDIR/LANG/index.html, opened in the user's browser. Not Mallard:
 * yelp is not on every Debian desktop, and a help: URI from inside the
 * Flatpak sandbox reaches a host yelp that cannot see the application's
 * files; a file:// URI works in both, through the OpenURI portal in the
 * sandbox. Self-contained, because the portal hands over that one file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kefu-help.h"

/**
 * kefu_help_find:
 * @help_dir: where the guide is installed
 * @languages: the user's languages, best first, as g_get_language_names()
 *   gives them (ending with "C")
 *
 * Returns: (transfer full) (nullable): the guide in the first of
 *   @languages it is written in, or %NULL when none is installed
 */
GFile *
kefu_help_find (const char         *help_dir,
                const char * const *languages)
{
  g_return_val_if_fail (help_dir != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (help_dir, languages[i], "index.html", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }
  return NULL;
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Help Could Not Be Opened"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shown (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (parent, error->message);
}

/**
 * kefu_help_show:
 * @parent: the window the guide is opened for
 *
 * Opens the user guide in the user's language, or English.
 */
void
kefu_help_show (GtkWindow *parent)
{
  const char *help_dir = g_getenv ("KEFU_HELPDIR");
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  file = kefu_help_find (help_dir ? help_dir : HELPDIR, g_get_language_names ());
  if (file == NULL)
    {
      show_error (parent, _("The user guide is not installed."));
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown, g_object_ref (parent));
}
