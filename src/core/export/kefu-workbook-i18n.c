/* kefu-workbook-i18n.c — Kefu's translations into one language
 *
 * A workbook is written in the language of the user interface, or in one
 * asked for (kefu-cli export --lang). gettext() translates into the
 * process's language only, caches what it found, and GLib decides once per
 * process whether to translate at all; switching LANGUAGE around a write
 * would race with every other thread. So the workbook reads the very .mo
 * file gettext would use (the directory bound with bindtextdomain()) into
 * a table of its own: any language, any thread, no global state touched.
 *
 * The GNU .mo format: a header of 32-bit words (magic 0x950412de in the
 * file's byte order, revision, N, offset of the originals, offset of the
 * translations), then N (length, offset) pairs in each table. An original
 * with a context is "context\004msgid"; one with plural forms carries its
 * plural after a NUL, and its translation the forms separated by NULs —
 * the workbook uses the first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"

#define MO_MAGIC 0x950412deU

struct _KefuCatalog
{
  char       *language;   /* "zh_CN", "es", "en" */
  GBytes     *data;
  GHashTable *strings;    /* msgid (into data) → msgstr (into data) */
};

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

static gboolean
load_mo (KefuCatalog  *self,
         const char   *path,
         GError      **error)
{
  g_autofree char *contents = NULL;
  const guint8 *data;
  gsize length;
  guint32 n, originals, translations;
  gboolean swap;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  data = (const guint8 *) contents;

  if (length < 28)
    goto invalid;
  swap = read_word (data, 0, FALSE) != MO_MAGIC;
  if (read_word (data, 0, swap) != MO_MAGIC)
    goto invalid;
  n = read_word (data, 8, swap);
  originals = read_word (data, 12, swap);
  translations = read_word (data, 16, swap);
  if ((guint64) originals + (guint64) n * 8 > length ||
      (guint64) translations + (guint64) n * 8 > length)
    goto invalid;

  /* Every string ends with a NUL inside the file. */
  for (guint32 i = 0; i < n; i++)
    {
      guint32 key_length = read_word (data, originals + i * 8, swap);
      guint32 key_offset = read_word (data, originals + i * 8 + 4, swap);
      guint32 value_length = read_word (data, translations + i * 8, swap);
      guint32 value_offset = read_word (data, translations + i * 8 + 4, swap);

      if ((guint64) key_offset + key_length >= length ||
          (guint64) value_offset + value_length >= length ||
          data[key_offset + key_length] != '\0' || data[value_offset + value_length] != '\0')
        goto invalid;
    }

  self->data = g_bytes_new_take (g_steal_pointer (&contents), length);
  data = g_bytes_get_data (self->data, NULL);
  for (guint32 i = 0; i < n; i++)
    {
      const char *key = (const char *) data + read_word (data, originals + i * 8 + 4, swap);
      const char *value = (const char *) data + read_word (data, translations + i * 8 + 4, swap);

      /* Keys stop at the first NUL: the singular of a plural entry. */
      if (*key != '\0' && *value != '\0')
        g_hash_table_insert (self->strings, (gpointer) key, (gpointer) value);
    }
  return TRUE;

invalid:
  g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_LANGUAGE,
               _("The translation file “%s” is damaged; reinstall Kefu"), path);
  return FALSE;
}

/* The .mo file of one locale name, or NULL when there is none. */
static char *
find_mo (const char *name)
{
  const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;

  if (localedir == NULL)
    localedir = LOCALEDIR;
  path = g_build_filename (localedir, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

static gboolean
is_english (const char *name)
{
  return g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_equal (name, "en") || g_str_has_prefix (name, "en_") ||
         g_str_has_prefix (name, "en.") || g_str_has_prefix (name, "C.");
}

/* The language name without codeset or modifier: "zh_CN.UTF-8" → "zh_CN". */
static char *
plain_name (const char *name)
{
  return g_strndup (name, strcspn (name, ".@"));
}

/**
 * _kefu_catalog_new:
 * @language: (nullable): "zh_CN", "es", "en" …; %NULL for the language
 *   gettext translates the user interface into
 *
 * Returns: (transfer full) (nullable): the translations, or %NULL with
 *   @error set when Kefu has none for @language
 */
KefuCatalog *
_kefu_catalog_new (const char  *language,
                   GError     **error)
{
  g_autoptr(KefuCatalog) self = g_new0 (KefuCatalog, 1);
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;

  self->strings = g_hash_table_new (g_str_hash, g_str_equal);

  if (language != NULL)
    {
      g_auto(GStrv) variants = g_get_locale_variants (language);

      for (guint i = 0; variants[i] != NULL && path == NULL; i++)
        if ((path = find_mo (variants[i])) != NULL)
          found = plain_name (variants[i]);

      if (path == NULL && !is_english (language))
        {
          const char *localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);

          g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_LANGUAGE,
                       _("No translation of Kefu into “%s” was found in %s; the workbook can "
                         "be written in zh_CN, en or es"),
                       language, localedir ? localedir : LOCALEDIR);
          return NULL;
        }
    }
  else
    {
      /* As gettext does: LANGUAGE (unless the locale is "C"), LC_ALL,
       * LC_MESSAGES, LANG; the first name with a catalog wins. */
      const char *messages = setlocale (LC_MESSAGES, NULL);
      const char * const *names = g_get_language_names ();

      if (messages == NULL || !g_str_equal (messages, "C"))
        for (guint i = 0; names[i] != NULL && path == NULL; i++)
          {
            if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
              break;
            if ((path = find_mo (names[i])) != NULL)
              found = plain_name (names[i]);
          }
    }

  if (path != NULL)
    {
      if (!load_mo (self, path, error))
        return NULL;
      self->language = g_steal_pointer (&found);
    }
  else
    self->language = g_strdup ("en");

  return g_steal_pointer (&self);
}

void
_kefu_catalog_free (KefuCatalog *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->language);
  g_free (self);
}

const char *
_kefu_catalog_get_language (KefuCatalog *self)
{
  return self->language;
}

/**
 * _kefu_catalog_gettext:
 *
 * Returns: (transfer none): the translation of @msgid, or @msgid
 */
const char *
_kefu_catalog_gettext (KefuCatalog *self,
                       const char  *msgid)
{
  const char *msgstr = g_hash_table_lookup (self->strings, msgid);

  return msgstr != NULL ? msgstr : msgid;
}

/**
 * _kefu_catalog_pgettext:
 *
 * Returns: (transfer none): the translation of @msgid in @context (as
 *   C_() marks it), or @msgid
 */
const char *
_kefu_catalog_pgettext (KefuCatalog *self,
                        const char  *context,
                        const char  *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *msgstr = g_hash_table_lookup (self->strings, key);

  return msgstr != NULL ? msgstr : msgid;
}
