/* kefu-table-reader.c — rows of cells from CSV, XLSX or .xls, streamed
 *
 * The base class sniffs a file's content (never its name) and hands it to
 * the reader for its format; everything above reads rows format-blind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "io/kefu-table-reader.h"
#include "io/kefu-text-reader.h"
#include "io/kefu-xls-reader.h"
#include "io/kefu-xlsx-reader.h"

typedef struct
{
  char *path;
  char *display_name;
} KefuTableReaderPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KefuTableReader, kefu_table_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (kefu-reader-error-quark, kefu_reader_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kefu_sniff_format:
 * @head: the first bytes of a file
 *
 * Returns: the format the bytes say, whatever the file's extension
 */
KefuFileFormat
kefu_sniff_format (const guint8 *head,
                   gsize         length)
{
  static const guint8 zip[] = { 'P', 'K', 0x03, 0x04 };
  static const guint8 ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  if (length >= sizeof zip && memcmp (head, zip, sizeof zip) == 0)
    return KEFU_FILE_FORMAT_XLSX;
  if (length >= sizeof ole2 && memcmp (head, ole2, sizeof ole2) == 0)
    return KEFU_FILE_FORMAT_XLS;
  return KEFU_FILE_FORMAT_TEXT;
}

/**
 * kefu_table_reader_open:
 * @path: the file
 * @encoding: (nullable): for text files, the encoding to use instead of
 *   the detected one
 *
 * Returns: (transfer full): a reader on the file's first sheet, or %NULL
 *   with @error set
 */
KefuTableReader *
kefu_table_reader_open (const char  *path,
                        const char  *encoding,
                        GError     **error)
{
  g_autofree char *display_name = NULL;
  guint8 head[8];
  gsize length = 0;
  FILE *file;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);
  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
                   _("“%s” could not be opened: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  length = fread (head, 1, sizeof head, file);
  fclose (file);

  switch (kefu_sniff_format (head, length))
    {
    case KEFU_FILE_FORMAT_XLSX:
      return kefu_xlsx_reader_new (path, error);
    case KEFU_FILE_FORMAT_XLS:
      return kefu_xls_reader_new (path, error);
    case KEFU_FILE_FORMAT_TEXT:
    default:
      return kefu_text_reader_new (path, encoding, error);
    }
}

static void
kefu_table_reader_finalize (GObject *object)
{
  KefuTableReaderPrivate *priv =
    kefu_table_reader_get_instance_private (KEFU_TABLE_READER (object));

  g_free (priv->path);
  g_free (priv->display_name);

  G_OBJECT_CLASS (kefu_table_reader_parent_class)->finalize (object);
}

static void
kefu_table_reader_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuTableReaderPrivate *priv =
    kefu_table_reader_get_instance_private (KEFU_TABLE_READER (object));

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, priv->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_table_reader_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KefuTableReaderPrivate *priv =
    kefu_table_reader_get_instance_private (KEFU_TABLE_READER (object));

  switch (prop_id)
    {
    case PROP_PATH:
      priv->path = g_value_dup_string (value);
      priv->display_name = priv->path ? g_filename_display_basename (priv->path) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_table_reader_class_init (KefuTableReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_table_reader_finalize;
  object_class->get_property = kefu_table_reader_get_property;
  object_class->set_property = kefu_table_reader_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_table_reader_init (KefuTableReader *self)
{
}

const char *
kefu_table_reader_get_path (KefuTableReader *self)
{
  KefuTableReaderPrivate *priv = kefu_table_reader_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), NULL);
  return priv->path;
}

/* The file's name as messages to the user show it. */
const char *
kefu_table_reader_get_display_name (KefuTableReader *self)
{
  KefuTableReaderPrivate *priv = kefu_table_reader_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), NULL);
  return priv->display_name;
}

KefuFileFormat
kefu_table_reader_get_format (KefuTableReader *self)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), KEFU_FILE_FORMAT_TEXT);

  if (KEFU_IS_XLSX_READER (self))
    return KEFU_FILE_FORMAT_XLSX;
  if (KEFU_IS_XLS_READER (self))
    return KEFU_FILE_FORMAT_XLS;
  return KEFU_FILE_FORMAT_TEXT;
}

guint
kefu_table_reader_get_n_sheets (KefuTableReader *self)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), 0);
  return KEFU_TABLE_READER_GET_CLASS (self)->get_n_sheets (self);
}

const char *
kefu_table_reader_get_sheet_name (KefuTableReader *self,
                                  guint            index)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), NULL);
  g_return_val_if_fail (index < kefu_table_reader_get_n_sheets (self), NULL);
  return KEFU_TABLE_READER_GET_CLASS (self)->get_sheet_name (self, index);
}

/**
 * kefu_table_reader_select_sheet:
 *
 * Makes the next row read the first row of sheet @index.
 */
gboolean
kefu_table_reader_select_sheet (KefuTableReader  *self,
                                guint             index,
                                GError          **error)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), FALSE);

  if (index >= kefu_table_reader_get_n_sheets (self))
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_NO_SHEET,
                   _("“%s” has no sheet %u."),
                   kefu_table_reader_get_display_name (self), index + 1);
      return FALSE;
    }
  return KEFU_TABLE_READER_GET_CLASS (self)->select_sheet (self, index, error);
}

/**
 * kefu_table_reader_next_row:
 *
 * Returns: (transfer none) (nullable): the next row of the current sheet,
 *   valid until the next call; %NULL at the end of the sheet, or with
 *   @error set when the file is damaged
 */
const KefuRow *
kefu_table_reader_next_row (KefuTableReader  *self,
                            GError          **error)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), NULL);
  return KEFU_TABLE_READER_GET_CLASS (self)->next_row (self, error);
}

/* How far through the file reading has come, 0 to 1, for progress bars. */
double
kefu_table_reader_get_progress (KefuTableReader *self)
{
  g_return_val_if_fail (KEFU_IS_TABLE_READER (self), 0);
  return KEFU_TABLE_READER_GET_CLASS (self)->get_progress (self);
}
