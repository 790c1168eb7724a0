/* kefu-profile-registry.c — every import profile Kefu knows
 *
 * Built-in profiles are compiled into the binaries (GResource), so the app
 * and the CLI work straight from the build directory; a user's own
 * profiles in $XDG_DATA_HOME/kefu/profiles/ are added after them and
 * replace a built-in profile of the same id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "import/kefu-profile-registry.h"
#include "kefu-core-data.h"
#include "scoring/kefu-precision.h"

#define PROFILES_RESOURCE "/org/kefu/Kefu/profiles"

struct _KefuProfileRegistry
{
  GObject     parent_instance;

  GListStore *profiles;
};

G_DEFINE_FINAL_TYPE (KefuProfileRegistry, kefu_profile_registry, G_TYPE_OBJECT)

static void
kefu_profile_registry_dispose (GObject *object)
{
  KefuProfileRegistry *self = KEFU_PROFILE_REGISTRY (object);

  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (kefu_profile_registry_parent_class)->dispose (object);
}

static void
kefu_profile_registry_class_init (KefuProfileRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kefu_profile_registry_dispose;
}

static void
kefu_profile_registry_init (KefuProfileRegistry *self)
{
  self->profiles = g_list_store_new (KEFU_TYPE_PROFILE);
}

KefuProfileRegistry *
kefu_profile_registry_new (void)
{
  return g_object_new (KEFU_TYPE_PROFILE_REGISTRY, NULL);
}

/**
 * kefu_profile_registry_get_default:
 *
 * Returns: (transfer none): the built-in profiles and the user's, loaded
 *   once. A user profile that fails to load is skipped with a warning
 *   message on stderr rather than hiding every other profile.
 */
KefuProfileRegistry *
kefu_profile_registry_get_default (void)
{
  static KefuProfileRegistry *registry;

  if (g_once_init_enter (&registry))
    {
      KefuProfileRegistry *self = kefu_profile_registry_new ();
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "kefu", "profiles", NULL);

      if (!kefu_profile_registry_load_builtin (self, &error))
        g_critical ("%s", error->message);   /* a broken build, not user input */
      kefu_profile_registry_load_dir (self, user_dir, problems);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));

      g_once_init_leave (&registry, self);
    }

  return registry;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_profile (KefuProfileRegistry *self,
             KefuProfile         *profile)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->profiles)); i++)
    {
      g_autoptr(KefuProfile) other = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_str_equal (kefu_profile_get_id (other), kefu_profile_get_id (profile)))
        {
          g_list_store_splice (self->profiles, i, 1, (gpointer *) &profile, 1);
          return;
        }
    }
  g_list_store_append (self->profiles, profile);
}

static gboolean
add_bytes (KefuProfileRegistry  *self,
           GBytes               *bytes,
           const char           *origin,
           GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(KefuProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib quotes the offending text, cut anywhere: even mid-character. */
      char *reason = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = reason;
      g_prefix_error (&local_error, _("The import profile “%s” is not valid JSON: "), origin);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (json_parser_get_root (parser) != NULL && !kefu_json_text_is_valid (json_parser_get_root (parser)))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_BAREWORD,
                   _("The import profile “%s” is not valid JSON: it holds an escape "
                     "JSON does not have, such as \\7"), origin);
      return FALSE;
    }

  profile = kefu_profile_new_from_json (json_parser_get_root (parser), origin, error);
  if (profile == NULL)
    return FALSE;

  add_profile (self, profile);
  return TRUE;
}

gboolean
kefu_profile_registry_load_builtin (KefuProfileRegistry  *self,
                                    GError              **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (KEFU_IS_PROFILE_REGISTRY (self), FALSE);

  kefu_core_ensure_resources ();

  names = g_resources_enumerate_children (PROFILES_RESOURCE, 0, error);
  if (names == NULL)
    return FALSE;

  /* Sorted, so that the order never depends on the build. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", PROFILES_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL || !add_bytes (self, bytes, names[i], error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kefu_profile_registry_add_file (KefuProfileRegistry  *self,
                                const char           *path,
                                GError              **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (KEFU_IS_PROFILE_REGISTRY (self), FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return add_bytes (self, bytes, display, error);
}

/**
 * kefu_profile_registry_load_dir:
 * @problems: (element-type utf8): receives a message per file that failed
 *
 * Adds every `*.json` profile of @dir; a missing folder is not a problem.
 *
 * Returns: %TRUE when every file loaded
 */
gboolean
kefu_profile_registry_load_dir (KefuProfileRegistry *self,
                                const char          *dir,
                                GPtrArray           *problems)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  const char *name;

  g_return_val_if_fail (KEFU_IS_PROFILE_REGISTRY (self), FALSE);

  if (handle == NULL)
    return TRUE;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;

      if (!kefu_profile_registry_add_file (self, path, &error))
        {
          g_ptr_array_add (problems, g_strdup (error->message));
          ok = FALSE;
        }
    }

  return ok;
}

/**
 * kefu_profile_registry_get_profiles:
 *
 * Returns: (transfer none): a list of #KefuProfile
 */
GListModel *
kefu_profile_registry_get_profiles (KefuProfileRegistry *self)
{
  g_return_val_if_fail (KEFU_IS_PROFILE_REGISTRY (self), NULL);
  return G_LIST_MODEL (self->profiles);
}

/**
 * kefu_profile_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the profile with this id
 */
KefuProfile *
kefu_profile_registry_lookup (KefuProfileRegistry *self,
                              const char          *id)
{
  GListModel *model;

  g_return_val_if_fail (KEFU_IS_PROFILE_REGISTRY (self), NULL);

  model = G_LIST_MODEL (self->profiles);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (model, i);

      if (g_strcmp0 (kefu_profile_get_id (profile), id) == 0)
        return profile;   /* the store keeps a reference */
    }
  return NULL;
}
