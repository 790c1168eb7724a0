/* kefu-scheme-builtin.c — the schemes shipped with Kefu
 *
 * The files of data/schemes/ are compiled into the binaries (GResource, under
 * /org/kefu/Kefu/schemes/), like the import profiles, so the app and the
 * CLI work straight from the build directory. They are parsed once;
 * callers always get copies, which they may change freely (the copy
 * keeps builtin = TRUE until it is saved as the shop's own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "kefu-core-data.h"
#include "scoring/kefu-scheme.h"

#define SCHEMES_RESOURCE "/org/kefu/Kefu/schemes/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Parsed once; never handed out. */
static GPtrArray *
get_builtin (void)
{
  static GPtrArray *schemes;

  if (g_once_init_enter (&schemes))
    {
      GPtrArray *loaded = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = NULL;

      kefu_core_ensure_resources ();
      names = g_resources_enumerate_children (SCHEMES_RESOURCE, 0, &error);

      if (names == NULL)
        g_critical ("%s", error->message);   /* a broken build, not user input */
      else
        {
          /* Sorted, so that the order never depends on the build. */
          qsort (names, g_strv_length (names), sizeof (char *), compare_names);
          for (guint i = 0; names[i] != NULL; i++)
            {
              g_autofree char *path = g_strconcat (SCHEMES_RESOURCE, names[i], NULL);
              g_autoptr(GBytes) bytes = NULL;
              g_autoptr(KefuScheme) scheme = NULL;
              gsize size;
              const char *data;

              if (!g_str_has_suffix (names[i], ".json"))
                continue;

              bytes = g_resources_lookup_data (path, 0, &error);
              if (bytes == NULL)
                {
                  g_critical ("%s", error->message);
                  g_clear_error (&error);
                  continue;
                }

              data = g_bytes_get_data (bytes, &size);
              scheme = kefu_scheme_new_from_data (data, size, names[i], &error);
              if (scheme == NULL)
                {
                  g_critical ("%s", error->message);
                  g_clear_error (&error);
                  continue;
                }
              kefu_scheme_set_builtin (scheme, TRUE);
              g_ptr_array_add (loaded, g_steal_pointer (&scheme));
            }
        }

      g_once_init_leave (&schemes, loaded);
    }

  return schemes;
}

/**
 * kefu_scheme_list_builtin:
 *
 * Returns: (transfer full): a new GListModel of #KefuScheme, copies of
 *   the built-in schemes, by file name
 */
GListModel *
kefu_scheme_list_builtin (void)
{
  GPtrArray *schemes = get_builtin ();
  GListStore *store = g_list_store_new (KEFU_TYPE_SCHEME);

  for (guint i = 0; i < schemes->len; i++)
    {
      g_autoptr(KefuScheme) copy = kefu_scheme_copy (g_ptr_array_index (schemes, i));
      g_list_store_append (store, copy);
    }
  return G_LIST_MODEL (store);
}

/**
 * kefu_scheme_new_builtin:
 * @id: a built-in scheme's id, e.g. womenswear-composite
 *
 * Returns: (transfer full) (nullable): a copy of the built-in scheme, or
 *   %NULL with %KEFU_SCHEME_ERROR_NOT_FOUND
 */
KefuScheme *
kefu_scheme_new_builtin (const char  *id,
                         GError     **error)
{
  GPtrArray *schemes = get_builtin ();

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < schemes->len; i++)
    {
      KefuScheme *scheme = g_ptr_array_index (schemes, i);

      if (g_str_equal (kefu_scheme_get_id (scheme), id))
        return kefu_scheme_copy (scheme);
    }

  g_set_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_NOT_FOUND,
               _("There is no built-in scheme “%s”."), id);
  return NULL;
}
