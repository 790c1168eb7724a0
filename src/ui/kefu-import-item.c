/* kefu-import-item.c — one file in the import wizard, and what was chosen for it
 *
 * The wizard checks each file (a whole import, taken back) and shows the
 * result; every choice made here — another profile, an encoding, a
 * column's field, a period, replacing what overlaps — is kept on the item
 * and "changed" says the file wants checking again. The same choices are
 * the options of the real import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "kefu-import-item.h"
#include "kefu-set-str.h"

struct _KefuImportItem
{
  GObject           parent_instance;

  GFile            *file;
  char             *path;
  char             *name;

  KefuImportResult *result;      /* the latest check, or NULL */
  gboolean          checking;

  char             *profile_id;  /* NULL: detect */
  char             *encoding;    /* NULL: detect */
  char             *shop_name;
  gboolean          replace;
  GDate             from;        /* valid when chosen */
  GDate             to;
  GStrv             mapping;     /* NULL: as the headers say */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_RESULT,
  PROP_CHECKING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KefuImportItem, kefu_import_item, G_TYPE_OBJECT)

static void
kefu_import_item_finalize (GObject *object)
{
  KefuImportItem *self = KEFU_IMPORT_ITEM (object);

  g_clear_object (&self->file);
  g_clear_object (&self->result);
  g_free (self->path);
  g_free (self->name);
  g_free (self->profile_id);
  g_free (self->encoding);
  g_free (self->shop_name);
  g_strfreev (self->mapping);

  G_OBJECT_CLASS (kefu_import_item_parent_class)->finalize (object);
}

static void
kefu_import_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuImportItem *self = KEFU_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_import_item_class_init (KefuImportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_import_item_finalize;
  object_class->get_property = kefu_import_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, KEFU_TYPE_IMPORT_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A choice changed: the file wants checking again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_import_item_init (KefuImportItem *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
}

KefuImportItem *
kefu_import_item_new (GFile *file)
{
  KefuImportItem *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (KEFU_TYPE_IMPORT_ITEM, NULL);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  self->name = self->path ? g_filename_display_basename (self->path) : g_file_get_basename (file);
  return self;
}

GFile *
kefu_import_item_get_file (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->file;
}

const char *
kefu_import_item_get_path (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->path;
}

const char *
kefu_import_item_get_name (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->name;
}

/* Returns: (transfer none) (nullable): the latest check of the file */
KefuImportResult *
kefu_import_item_get_result (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->result;
}

void
kefu_import_item_set_result (KefuImportItem   *self,
                             KefuImportResult *result)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  if (g_set_object (&self->result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

gboolean
kefu_import_item_get_checking (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);
  return self->checking;
}

void
kefu_import_item_set_checking (KefuImportItem *self,
                               gboolean        checking)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  checking = !!checking;
  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* Whether the latest check, with the choices made, would import it. */
gboolean
kefu_import_item_is_importable (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);

  return !self->checking && self->result != NULL &&
         kefu_import_result_get_status (self->result) == KEFU_IMPORT_CHECKED;
}

const char *
kefu_import_item_get_profile_id (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->profile_id;
}

/* @profile_id: (nullable): a profile to read the file with; NULL to detect */
void
kefu_import_item_set_profile_id (KefuImportItem *self,
                                 const char     *profile_id)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  if (!kefu_set_str (&self->profile_id, profile_id))
    return;
  /* A mapping names one profile's fields. */
  g_clear_pointer (&self->mapping, g_strfreev);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
kefu_import_item_get_encoding (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->encoding;
}

void
kefu_import_item_set_encoding (KefuImportItem *self,
                               const char     *encoding)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  if (kefu_set_str (&self->encoding, encoding))
    g_signal_emit (self, signals[CHANGED], 0);
}

const char *
kefu_import_item_get_shop_name (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);
  return self->shop_name;
}

void
kefu_import_item_set_shop_name (KefuImportItem *self,
                                const char     *shop_name)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  if (kefu_set_str (&self->shop_name, shop_name))
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
kefu_import_item_get_replace (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);
  return self->replace;
}

void
kefu_import_item_set_replace (KefuImportItem *self,
                              gboolean        replace)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  replace = !!replace;
  if (self->replace == replace)
    return;
  self->replace = replace;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: whether a period was chosen for the file */
gboolean
kefu_import_item_get_period (KefuImportItem *self,
                             GDate          *from,
                             GDate          *to)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);

  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
  return g_date_valid (&self->from);
}

void
kefu_import_item_set_period (KefuImportItem *self,
                             const GDate    *from,
                             const GDate    *to)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));
  g_return_if_fail (from != NULL && to != NULL);

  if (g_date_valid (&self->from) && g_date_compare (&self->from, from) == 0 &&
      g_date_compare (&self->to, to) == 0)
    return;
  self->from = *from;
  self->to = *to;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The field @column (0-based) of the header row feeds, "" for none. */
const char *
kefu_import_item_get_field (KefuImportItem *self,
                            guint           column)
{
  KefuImportFacts *facts;

  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), NULL);

  if (self->mapping != NULL)
    return column < g_strv_length (self->mapping) ? self->mapping[column] : "";
  if (self->result == NULL)
    return "";
  facts = kefu_import_result_get_facts (self->result);
  if (facts->fields == NULL || column >= g_strv_length (facts->fields))
    return "";
  return facts->fields[column];
}

/* @field: (nullable): a field of the file's profile; NULL or "" for none */
void
kefu_import_item_set_field (KefuImportItem *self,
                            guint           column,
                            const char     *field)
{
  KefuImportFacts *facts;

  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));
  g_return_if_fail (self->result != NULL);

  facts = kefu_import_result_get_facts (self->result);
  g_return_if_fail (facts->fields != NULL && column < g_strv_length (facts->fields));

  if (field == NULL)
    field = "";
  if (g_strcmp0 (kefu_import_item_get_field (self, column), field) == 0)
    return;

  /* The mapping is the detected profile's, kept from now on. */
  if (self->mapping == NULL)
    {
      self->mapping = g_strdupv (facts->fields);
      kefu_set_str (&self->profile_id, facts->profile_id);
    }

  /* A field is fed by one column. */
  if (*field != '\0')
    for (guint i = 0; self->mapping[i] != NULL; i++)
      if (g_str_equal (self->mapping[i], field))
        kefu_set_str (&self->mapping[i], "");
  kefu_set_str (&self->mapping[column], field);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Whether a person changed what the headers said. */
gboolean
kefu_import_item_get_mapping_changed (KefuImportItem *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);
  return self->mapping != NULL;
}

/**
 * kefu_import_item_save_profile:
 * @name: what the profile is called
 * @saved_id: (out): the new profile's id
 *
 * Saves the mapping of the latest check as a profile of its own, in
 * $XDG_DATA_HOME/kefu/profiles/, and adds it to the profiles Kefu knows:
 * the next file with these headers is read the same way.
 *
 * Returns: %FALSE with @error set when it could not be written
 */
gboolean
kefu_import_item_save_profile (KefuImportItem  *self,
                               const char      *name,
                               char           **saved_id,
                               GError         **error)
{
  KefuImportFacts *facts;
  KefuProfile *base;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  g_autofree char *id = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kefu", "profiles", NULL);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (KEFU_IS_IMPORT_ITEM (self), FALSE);
  g_return_val_if_fail (name != NULL && saved_id != NULL, FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  facts = kefu_import_result_get_facts (self->result);
  base = facts->profile_id ? kefu_profile_registry_lookup (kefu_profile_registry_get_default (),
                                                           facts->profile_id) : NULL;
  if (base == NULL || facts->headers == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” was not read with a profile, so there is no mapping to save."), self->name);
      return FALSE;
    }

  /* A correction of a correction extends the same built-in profile. */
  id = g_strdup_printf ("%s-%s", kefu_profile_get_extends (base) ? kefu_profile_get_extends (base)
                                                                 : kefu_profile_get_id (base), stamp);
  file = g_strconcat (id, ".json", NULL);
  path = g_build_filename (dir, file, NULL);

  node = kefu_profile_derive_json (base, id, name, (const char * const *) facts->headers,
                                   (const char * const *) facts->fields);
  json = json_to_string (node, TRUE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents (path, json, -1, error) ||
      !kefu_profile_registry_add_file (kefu_profile_registry_get_default (), path, error))
    return FALSE;

  *saved_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * kefu_import_item_get_options:
 * @options: filled in; its strings belong to @self
 *
 * The import options of the choices made (without check_only).
 */
void
kefu_import_item_get_options (KefuImportItem    *self,
                              KefuImportOptions *options)
{
  g_return_if_fail (KEFU_IS_IMPORT_ITEM (self));

  kefu_import_options_init (options);
  options->shop_name = self->shop_name;
  options->profile_id = self->profile_id;
  options->encoding = self->encoding;
  options->replace = self->replace;
  options->mapping = (const char * const *) self->mapping;
  if (g_date_valid (&self->from))
    {
      options->period_from = self->from;
      options->period_to = self->to;
    }
}
