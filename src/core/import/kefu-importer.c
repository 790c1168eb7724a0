/* kefu-importer.c — one file into the store, in one transaction
 *
 * Reading, recognising and storing a file happen in one pass over its
 * rows inside one transaction: all of it lands, or none. The same content
 * again is a no-op; data that another file already brought for the same
 * shop, agent, measure and days is refused unless asked to replace it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "import/kefu-import-private.h"
#include "io/kefu-text-reader.h"
#include "model/kefu-shop.h"

void
kefu_import_options_init (KefuImportOptions *options)
{
  memset (options, 0, sizeof *options);
  g_date_clear (&options->period_from, 1);
  g_date_clear (&options->period_to, 1);
}

static gboolean
hash_file (const char  *path,
           char       **sha256,
           gint64      *size,
           GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (1 << 16);
  FILE *file = g_fopen (path, "rb");
  gsize n;

  if (file == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be opened: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  *size = 0;
  while ((n = fread (buffer, 1, 1 << 16, file)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += n;
    }
  fclose (file);

  *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* The file's SHA-256 is computed in a thread of its own while the file
 * is read and stored: hashing a large export costs as much as parsing it. */
typedef struct
{
  char    *path;
  GThread *thread;
  char    *sha256;
  gint64   size;
  GError  *error;
} Hashing;

static gpointer
hashing_thread (gpointer data)
{
  Hashing *hashing = data;

  hash_file (hashing->path, &hashing->sha256, &hashing->size, &hashing->error);
  return NULL;
}

static Hashing *
hashing_start (const char *path)
{
  Hashing *hashing = g_new0 (Hashing, 1);

  hashing->path = g_strdup (path);
  hashing->thread = g_thread_new ("kefu-hash", hashing_thread, hashing);
  return hashing;
}

/* Waits for the hash; the hash (or NULL with @error set). */
static const char *
hashing_wait (Hashing  *hashing,
              GError  **error)
{
  if (hashing->thread != NULL)
    g_thread_join (g_steal_pointer (&hashing->thread));
  if (hashing->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&hashing->error));
      return NULL;
    }
  return hashing->sha256;
}

static void
hashing_free (Hashing *hashing)
{
  if (hashing->thread != NULL)
    g_thread_join (hashing->thread);
  g_clear_error (&hashing->error);
  g_free (hashing->sha256);
  g_free (hashing->path);
  g_free (hashing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hashing, hashing_free)

static gint64
resolve_shop (KefuStore                *store,
              const KefuImportOptions  *options,
              KefuProfile              *profile,
              GError                  **error)
{
  g_autoptr(GListModel) shops = NULL;
  const char *platform;
  gint64 id;

  if (options->shop_name != NULL)
    {
      id = kefu_store_find_shop (store, options->shop_name, error);
      if (id != 0 || (error != NULL && *error != NULL))
        return id;

      platform = options->platform ? options->platform : kefu_profile_get_platform (profile);
      return kefu_store_add_shop (store, options->shop_name, platform, error);
    }

  shops = kefu_store_list_shops (store, error);
  if (shops == NULL)
    return 0;
  if (g_list_model_get_n_items (shops) == 1)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, 0);
      return kefu_shop_get_id (shop);
    }

  /* A first import makes the shop; its name can be changed later. */
  if (g_list_model_get_n_items (shops) == 0)
    {
      platform = options->platform ? options->platform : kefu_profile_get_platform (profile);
      return kefu_store_add_shop (store, _("My Shop"), platform, error);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Which shop is this file from? The database holds several; "
                         "name one (kefu-cli import --shop NAME)."));
  return 0;
}

/* Rolls back and says so when @sha256 was imported for the shop before. */
static gboolean
already_imported (KefuStore        *store,
                  KefuImportResult *result,
                  gint64            shop_id,
                  const char       *sha256)
{
  g_autofree char *message = NULL;
  gint64 batch = kefu_store_find_batch (store, shop_id, sha256, NULL);

  if (batch == 0)
    return FALSE;

  message = g_strdup_printf (_("Already imported as batch %ld; nothing changed."), (long) batch);
  kefu_store_rollback (store);
  kefu_import_result_set_outcome (result, KEFU_IMPORT_ALREADY_IMPORTED, batch, message);
  return TRUE;
}

static KefuImportResult *
refuse (KefuImportResult *result,
        const char       *message)
{
  kefu_import_result_set_outcome (result, KEFU_IMPORT_REFUSED, 0, message);
  return result;
}

/* A file refused before its rows were read still shows its first rows,
 * so that a person can see what it is. */
static KefuImportResult *
preview (KefuImportResult *result,
         KefuTableReader  *reader,
         guint             sheet)
{
  const KefuRow *row;

  if (kefu_import_result_get_n_preview (result) > 0 ||
      !kefu_table_reader_select_sheet (reader, sheet, NULL))
    return result;

  while (kefu_import_result_get_n_preview (result) < KEFU_IMPORT_PREVIEW_ROWS &&
         (row = kefu_table_reader_next_row (reader, NULL)) != NULL)
    {
      GStrv cells = g_new0 (char *, row->n_cells + 1);

      for (guint i = 0; i < row->n_cells; i++)
        cells[i] = g_strdup (row->cells[i].text ? row->cells[i].text : "");
      kefu_import_result_add_preview (result, row->number, cells);
    }
  return result;
}

static char *
describe_overlap (Import *import)
{
  GString *text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_string_append (text, _("This file repeats data that other imports already brought "
                           "(the same agents, measures and days, the same orders or refunds, "
                           "or the same span of conversations):"));
  g_hash_table_iter_init (&iter, import->overlaps);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *name = kefu_store_get_batch_file_name (import->store, *(gint64 *) key);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "\n    batch %ld (%s): %u value",
                                                 "\n    batch %ld (%s): %u values",
                                                 GPOINTER_TO_UINT (value)),
                              (long) *(gint64 *) key, name ? name : "?", GPOINTER_TO_UINT (value));
    }
  g_string_append (text, _("\n  Nothing was stored. Import again with --replace to replace those values."));
  return g_string_free (text, FALSE);
}

static gboolean
related (KefuProfile *a,
         KefuProfile *b)
{
  return g_strcmp0 (kefu_profile_get_extends (a), kefu_profile_get_id (b)) == 0 ||
         g_strcmp0 (kefu_profile_get_extends (b), kefu_profile_get_id (a)) == 0;
}

/* A profile a person corrected from the best one (kefu_profile_derive_json())
 * is taken instead wherever it matches the sheet at all: it says how this
 * shop's files are meant, even where it names fewer columns. */
static void
prefer_corrected (KefuTableReader     *reader,
                  KefuProfileRegistry *registry,
                  KefuImportMatch    **best,
                  KefuImportMatch    **second)
{
  GListModel *profiles = kefu_profile_registry_get_profiles (registry);

  /* The latest correction first: profiles are added in the order saved. */
  for (guint i = g_list_model_get_n_items (profiles); i > 0; i--)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (profiles, i - 1);
      g_autoptr(GListStore) single = NULL;
      KefuImportMatch *match;

      if (g_strcmp0 (kefu_profile_get_extends (profile), kefu_profile_get_id ((*best)->profile)) != 0)
        continue;

      single = g_list_store_new (KEFU_TYPE_PROFILE);
      g_list_store_append (single, profile);
      match = kefu_import_match_sheet (reader, (*best)->sheet, G_LIST_MODEL (single), NULL, NULL);
      if (match == NULL)
        continue;

      kefu_import_match_free (*second);
      *second = *best;
      *best = match;
      return;
    }
}

/* Picks the best sheet and profile; NULL with a message in @result. */
static KefuImportMatch *
recognise (KefuTableReader     *reader,
           KefuProfileRegistry *registry,
           const char          *profile_id,
           KefuImportResult    *result)
{
  g_autoptr(GListStore) forced = NULL;
  g_autoptr(KefuImportMatch) best = NULL;
  g_autoptr(KefuImportMatch) second = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles = kefu_profile_registry_get_profiles (registry);

  if (profile_id != NULL)
    {
      KefuProfile *profile = kefu_profile_registry_lookup (registry, profile_id);
      g_autofree char *message = NULL;

      if (profile == NULL)
        {
          message = g_strdup_printf (_("There is no import profile “%s”; "
                                       "kefu-cli profiles lists them."), profile_id);
          refuse (result, message);
          return NULL;
        }
      forced = g_list_store_new (KEFU_TYPE_PROFILE);
      g_list_store_append (forced, profile);
      profiles = G_LIST_MODEL (forced);
    }

  for (guint s = 0; s < kefu_table_reader_get_n_sheets (reader); s++)
    {
      KefuImportMatch *runner_up = NULL;
      KefuImportMatch *match = kefu_import_match_sheet (reader, s, profiles, &runner_up, &error);

      if (error != NULL)
        {
          refuse (result, error->message);
          kefu_import_match_free (runner_up);
          return NULL;
        }

      if (match != NULL && (best == NULL || match->matched > best->matched ||
                            (match->matched == best->matched && match->confidence > best->confidence)))
        {
          kefu_import_match_free (best);
          kefu_import_match_free (second);
          best = match;
          second = runner_up;
        }
      else
        {
          kefu_import_match_free (match);
          kefu_import_match_free (runner_up);
        }
    }

  if (best != NULL && profile_id == NULL)
    prefer_corrected (reader, registry, &best, &second);

  if (best == NULL)
    {
      refuse (result, profile_id
              ? _("The file’s columns do not match the chosen profile: "
                  "a column it requires is missing from the first ten rows.")
              : _("Kefu does not recognise this file: no import profile matches "
                  "the columns in its first ten rows."));
      return NULL;
    }

  if (profile_id == NULL && best->confidence < KEFU_MIN_CONFIDENCE)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Kefu is not sure what this file is: it looks most like “%s”, "
                                      "but only %u of its %u column is known to that profile. "
                                      "Choose the profile (kefu-cli import --profile %s) if that is right.",
                                      "Kefu is not sure what this file is: it looks most like “%s”, "
                                      "but only %u of its %u columns are known to that profile. "
                                      "Choose the profile (kefu-cli import --profile %s) if that is right.",
                                      best->n_headers),
                         kefu_profile_get_name (best->profile), best->matched, best->n_headers,
                         kefu_profile_get_id (best->profile));
      refuse (result, message);
      return NULL;
    }

  if (profile_id == NULL && second != NULL && second->matched == best->matched &&
      second->confidence == best->confidence &&
      !related (best->profile, second->profile))
    {
      g_autofree char *message =
        g_strdup_printf (_("This file fits two import profiles equally well, “%s” and “%s”; "
                           "choose one with --profile."),
                         kefu_profile_get_id (best->profile), kefu_profile_get_id (second->profile));
      refuse (result, message);
      return NULL;
    }

  return g_steal_pointer (&best);
}

/* Points the import at one matched sheet. */
static void
use_match (Import           *import,
           KefuImportMatch  *match,
           const char       *sheet_name)
{
  import->match = match;
  import->profile = match->profile;
  import->sheet_name = sheet_name;
  import->col_agent = kefu_import_match_column (match, "agent");
  import->col_date = kefu_import_match_column (match, "date");
  import->col_start = kefu_import_match_column (match, "period_start");
  import->col_end = kefu_import_match_column (match, "period_end");
  import->n_fields = kefu_profile_get_n_columns (match->profile);
  import->n_fields_known = 0;
  g_free (import->values);
  g_free (import->cells);
  if (import->agent_rows != NULL)
    g_hash_table_remove_all (import->agent_rows);
  import->values = g_new0 (KefuValue, import->n_fields);
  import->cells = g_new0 (const KefuCell *, import->n_fields);
}

static gboolean
has_period (Import *import)
{
  return g_date_valid (&import->file_from) || import->col_date >= 0 ||
         (import->col_start >= 0 && import->col_end >= 0);
}

/* A workbook may hold more than one table Kefu knows (千牛 服务体验 has
 * one per sheet): the other sheets whose per-agent or shop tables match
 * as surely as the first are imported into the same batch. */
static GPtrArray *
other_tables (KefuTableReader     *reader,
              KefuProfileRegistry *registry,
              KefuImportMatch     *best)
{
  GPtrArray *others = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_import_match_free);
  GListModel *profiles = kefu_profile_registry_get_profiles (registry);

  for (guint s = 0; s < kefu_table_reader_get_n_sheets (reader); s++)
    {
      KefuImportMatch *match;
      KefuImportKind kind;

      if (s == best->sheet)
        continue;

      match = kefu_import_match_sheet (reader, s, profiles, NULL, NULL);
      if (match == NULL)
        continue;

      kind = kefu_profile_get_kind (match->profile);
      if (match->confidence >= KEFU_MIN_CONFIDENCE &&
          (kind == KEFU_IMPORT_KIND_AGENT_TABLE || kind == KEFU_IMPORT_KIND_SHOP_TABLE) &&
          (kind != KEFU_IMPORT_KIND_AGENT_TABLE || kefu_import_match_column (match, "agent") >= 0))
        g_ptr_array_add (others, match);
      else
        kefu_import_match_free (match);
    }

  return others;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->agents, g_hash_table_unref);
  g_clear_pointer (&import->shop_figures, g_hash_table_unref);
  g_clear_pointer (&import->keys_done, g_hash_table_unref);
  g_clear_pointer (&import->overlaps, g_hash_table_unref);
  g_clear_pointer (&import->seen_numbers, g_hash_table_unref);
  g_clear_pointer (&import->seen_orders, g_hash_table_unref);
  g_clear_pointer (&import->agent_rows, g_hash_table_unref);
  g_clear_pointer (&import->tz, g_time_zone_unref);
  g_clear_pointer (&import->values, g_free);
  g_clear_pointer (&import->cells, g_free);
}

static GTimeZone *
shop_time_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  /* Without tzdata, China's fixed offset (no daylight saving since 1991). */
  return tz != NULL ? tz : g_time_zone_new_offset (8 * 3600);
}

/* A file whose days all lie after today in the shop's zone is refused:
 * its dates or the computer's clock are wrong, and figures stored for
 * the future would show up in no period anyone looks at. A period that
 * only ends after today (a month still running) is noted. */
static gboolean
check_not_future (Import     *import,
                  const char *display)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (import->tz);
  g_autofree char *today_text = NULL;
  GDate today;

  if (!g_date_valid (&import->seen_from))
    return TRUE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  today_text = _kefu_import_format_date (&today);

  if (g_date_compare (&import->seen_from, &today) > 0)
    {
      g_autofree char *from = _kefu_import_format_date (&import->seen_from);
      g_autofree char *to = _kefu_import_format_date (&import->seen_to);
      g_autofree char *message = g_strdup_printf (_("“%s” covers %s to %s, after today (%s): "
                                                    "check the dates in the file and this "
                                                    "computer’s clock. Nothing was stored."),
                                                  display, from, to, today_text);

      kefu_import_result_set_outcome (import->result, KEFU_IMPORT_REFUSED, 0, message);
      return FALSE;
    }
  if (g_date_compare (&import->seen_to, &today) > 0)
    {
      g_autofree char *note = g_strdup_printf (_("the period runs past today (%s): the figures "
                                                 "of its last days may still change"),
                                               today_text);

      kefu_import_result_add_problem (import->result, KEFU_PROBLEM_NOTE, NULL, 0, 0,
                                      NULL, NULL, note);
    }
  return TRUE;
}

/**
 * kefu_import_file:
 * @registry: the profiles to recognise the file with
 * @progress: (nullable) (scope call): told how far reading has come
 *
 * Imports one file as one batch, in one transaction.
 *
 * Returns: (transfer full): what happened; never %NULL
 */
KefuImportResult *
kefu_import_file (KefuStore               *store,
                  KefuProfileRegistry     *registry,
                  const char              *path,
                  const KefuImportOptions *options,
                  GCancellable            *cancellable,
                  KefuImportProgress       progress,
                  gpointer                 user_data)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr(KefuImportResult) result = kefu_import_result_new (display);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(KefuImportMatch) match = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(Hashing) hashing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *issues = NULL;
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  KefuImportKind kind;
  Import import = { 0 };
  KefuBatchInfo info = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  {
    GStatBuf buf;

    if (g_stat (path, &buf) != 0)
      {
        int saved_errno = errno;
        g_autofree char *message = g_strdup_printf (_("“%s” could not be opened: %s"),
                                                    display, g_strerror (saved_errno));
        return refuse (g_steal_pointer (&result), message);
      }
    facts->file_size = buf.st_size;
  }
  if (facts->file_size == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is empty (0 bytes): there is nothing "
                                                    "to import. Download the export again."),
                                                  display);
      return refuse (g_steal_pointer (&result), message);
    }
  hashing = hashing_start (path);

  reader = kefu_table_reader_open (path, options->encoding, &error);
  if (reader == NULL)
    return refuse (g_steal_pointer (&result), error->message);

  facts->format = g_strdup (kefu_table_reader_get_format (reader) == KEFU_FILE_FORMAT_XLSX ? "xlsx"
                            : kefu_table_reader_get_format (reader) == KEFU_FILE_FORMAT_XLS ? "xls"
                            : "text");
  if (KEFU_IS_TEXT_READER (reader))
    facts->encoding = g_strdup (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)));

  match = recognise (reader, registry, options->profile_id, result);
  if (match == NULL)
    return preview (g_steal_pointer (&result), reader, 0);

  if (!kefu_import_match_apply (match, options->mapping, &error))
    return preview (refuse (g_steal_pointer (&result), error->message), reader, match->sheet);

  kind = kefu_profile_get_kind (match->profile);
  facts->sheet = g_strdup (kefu_table_reader_get_sheet_name (reader, match->sheet));
  facts->profile_id = g_strdup (kefu_profile_get_id (match->profile));
  facts->profile_name = g_strdup (kefu_profile_get_name (match->profile));
  facts->platform = g_strdup (kefu_profile_get_platform (match->profile));
  facts->kind = g_strdup (kefu_profile_get_kind_name (match->profile));
  facts->confidence = match->confidence;
  facts->header_row = match->header_row;
  facts->unmatched = kefu_import_match_unmatched (match);
  facts->headers = g_strdupv (match->headers);
  facts->fields = g_new0 (char *, match->n_columns + 1);
  for (guint i = 0; i < match->n_columns; i++)
    facts->fields[i] = g_strdup (match->fields[i] >= 0
                                 ? kefu_profile_get_column (match->profile, match->fields[i])->field
                                 : "");

  if (kind == KEFU_IMPORT_KIND_AGENT_TABLE && kefu_import_match_column (match, "agent") < 0)
    return preview (refuse (g_steal_pointer (&result),
                            _("The import profile describes a per-agent table but names no agent column.")),
                    reader, match->sheet);

  if (kind == KEFU_IMPORT_KIND_REVIEWS)
    {
      g_autofree char *message = g_strdup_printf (_("Recognised as “%s”, but this version of Kefu "
                                                    "cannot store %s files yet."),
                                                  facts->profile_name, facts->kind);
      return preview (refuse (g_steal_pointer (&result), message), reader, match->sheet);
    }

  import.store = store;
  import.result = result;
  import.facts = facts;
  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = user_data;
  import.replace = options->replace;
  import.tz = shop_time_zone ();
  use_match (&import, match, facts->sheet);
  import.agents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.shop_figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.keys_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.overlaps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  import.seen_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.seen_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.agent_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_date_clear (&import.file_from, 1);
  g_date_clear (&import.file_to, 1);
  g_date_clear (&import.seen_from, 1);
  g_date_clear (&import.seen_to, 1);

  /* A file-wide period: given by the user, else written in the name. */
  if (g_date_valid (&options->period_from))
    {
      import.file_from = options->period_from;
      import.file_to = g_date_valid (&options->period_to) ? options->period_to : options->period_from;
    }
  else
    kefu_value_parse_date_in_text (display, &import.file_from, &import.file_to);

  if ((kind == KEFU_IMPORT_KIND_AGENT_TABLE || kind == KEFU_IMPORT_KIND_SHOP_TABLE ||
       kind == KEFU_IMPORT_KIND_DSR) &&
      !has_period (&import))
    {
      import_clear (&import);
      facts->needs_period = TRUE;
      return preview (refuse (g_steal_pointer (&result),
                              _("The file says no period: it has no date column and its name carries "
                                "no date. Give the period (kefu-cli import --date YYYY-MM-DD or "
                                "--period FROM..TO).")),
                      reader, match->sheet);
    }

  /* From here on the store changes — even a new shop — only if all of
   * the file lands. */
  if (!kefu_store_begin (store, &error))
    {
      import_clear (&import);
      return refuse (g_steal_pointer (&result), error->message);
    }

  import.shop_id = resolve_shop (store, options, match->profile, &error);
  if (import.shop_id == 0)
    goto failed;

  /* The same content again is a no-op. It can only be a file of a size
   * already imported: for those the hash is awaited before reading on. */
  if (kefu_store_has_batch_of_size (store, facts->file_size, &error))
    {
      const char *sha256 = hashing_wait (hashing, &error);

      if (sha256 == NULL)
        goto failed;
      facts->sha256 = g_strdup (sha256);
      if (already_imported (store, result, import.shop_id, sha256))
        {
          import_clear (&import);
          return g_steal_pointer (&result);
        }
    }
  if (error != NULL)
    goto failed;

  info.shop_id = import.shop_id;
  info.file_name = display;
  info.file_size = facts->file_size;
  /* Unique per shop: stands in until the hash is known. */
  info.sha256 = facts->sha256 ? facts->sha256
                              : "0000000000000000000000000000000000000000000000000000000000000000";
  info.profile = facts->profile_id;
  info.platform = facts->platform;
  info.kind = facts->kind;
  import.batch_id = kefu_store_add_batch (store, &info, &error);

  if (import.batch_id == 0 || !_kefu_import_rows (&import, reader, &error))
    goto failed;

  if (options->profile_id == NULL &&
      (kind == KEFU_IMPORT_KIND_AGENT_TABLE || kind == KEFU_IMPORT_KIND_SHOP_TABLE))
    {
      others = other_tables (reader, registry, match);
      for (guint i = 0; i < others->len; i++)
        {
          KefuImportMatch *other = g_ptr_array_index (others, i);
          const char *sheet = kefu_table_reader_get_sheet_name (reader, other->sheet);
          g_autofree char *note = NULL;

          use_match (&import, other, sheet);
          if (!has_period (&import))
            note = g_strdup_printf (_("sheet “%s” looks like “%s” but says no period; it was left out"),
                                    sheet, kefu_profile_get_name (other->profile));
          else if (!_kefu_import_rows (&import, reader, &error))
            goto failed;
          else
            note = g_strdup_printf (_("sheet “%s” was imported too, as “%s”"),
                                    sheet, kefu_profile_get_name (other->profile));
          kefu_import_result_add_problem (result, KEFU_PROBLEM_NOTE, sheet, 0, 0, NULL, NULL, note);
        }
    }

  /* Events are checked against other batches once all are in. */
  if ((kind == KEFU_IMPORT_KIND_MESSAGES || kind == KEFU_IMPORT_KIND_ORDERS ||
       kind == KEFU_IMPORT_KIND_SESSIONS || kind == KEFU_IMPORT_KIND_REFUNDS) &&
      !kefu_store_event_overlaps (store, facts->kind, import.batch_id, options->replace,
                                  import.overlaps, &error))
    goto failed;

  /* A size never imported before: the content is new, whatever its hash. */
  if (facts->sha256 == NULL)
    {
      const char *sha256 = hashing_wait (hashing, &error);

      if (sha256 == NULL)
        goto failed;
      facts->sha256 = g_strdup (sha256);
    }

  if (g_hash_table_size (import.overlaps) > 0)
    {
      g_autofree char *message = describe_overlap (&import);

      kefu_store_rollback (store);
      kefu_import_result_set_outcome (result, KEFU_IMPORT_OVERLAP, 0, message);
      import_clear (&import);
      return g_steal_pointer (&result);
    }

  if (facts->rows_imported == 0)
    {
      g_autofree char *message = NULL;

      if (facts->rows_read == 0)
        message = g_strdup_printf (_("“%s” has its header on row %ld but no rows below it: "
                                     "there is nothing to import."),
                                   display, (long) facts->header_row);
      kefu_store_rollback (store);
      import_clear (&import);
      return refuse (g_steal_pointer (&result), message != NULL ? message :
                     _("No row of the file could be imported; the problems below say why."));
    }

  if (!check_not_future (&import, display))
    {
      kefu_store_rollback (store);
      import_clear (&import);
      return g_steal_pointer (&result);
    }

  /* Events without any time (orders not yet paid, in a Pinduoduo list)
   * cover no day. */
  _kefu_import_settle_seen_times (&import);
  if (g_date_valid (&import.seen_from))
    {
      facts->period_start = _kefu_import_format_date (&import.seen_from);
      facts->period_end = _kefu_import_format_date (&import.seen_to);
    }
  issues = kefu_import_result_problems_to_json (result);
  info.sha256 = facts->sha256;
  info.period_start = facts->period_start;
  info.period_end = facts->period_end;
  info.rows_read = facts->rows_read;
  info.rows_imported = facts->rows_imported;
  info.rows_skipped = facts->rows_skipped;
  info.issues_json = issues;

  if (!kefu_store_finish_batch (store, &info, import.batch_id, &error))
    goto failed;

  /* A check runs the whole import, then takes it back. */
  if (options->check_only)
    {
      kefu_store_rollback (store);
      kefu_import_result_set_outcome (result, KEFU_IMPORT_CHECKED, 0,
                                      _("Checked; nothing was stored."));
      import_clear (&import);
      return g_steal_pointer (&result);
    }

  if (!kefu_store_commit (store, &error))
    goto failed;

  kefu_import_result_set_outcome (result, KEFU_IMPORT_IMPORTED, import.batch_id, NULL);
  import_clear (&import);
  return g_steal_pointer (&result);

failed:
  kefu_store_rollback (store);
  import_clear (&import);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return refuse (g_steal_pointer (&result), _("The import was cancelled; nothing was stored."));
  if (import.shop_id == 0)    /* which shop: a question, not a failure */
    return refuse (g_steal_pointer (&result), error->message);
  {
    g_autofree char *message = g_strdup_printf (_("Nothing was stored: %s"), error->message);
    return refuse (g_steal_pointer (&result), message);
  }
}
