/* kefu-import-match.c — which profile a sheet is, and which column is what
 *
 * The header row is any of the first ten rows; every profile is tried on
 * each of them and scored by how many of its fields the row names. A
 * group row above the header (merged cells such as 总 / 邀请 / 自主) is
 * forward-filled, so a two-row header matches aliases written
 * "group/field".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import/kefu-import-match.h"

typedef struct
{
  guint64  number;
  guint    n_cells;
  char   **texts;     /* normalised; NULL for empty cells */
  char   **raw;
} HeaderRow;

static void
header_row_clear (HeaderRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_free (row->texts[i]);
      g_free (row->raw[i]);
    }
  g_free (row->texts);
  g_free (row->raw);
}

void
kefu_import_match_free (KefuImportMatch *match)
{
  if (match == NULL)
    return;

  g_clear_object (&match->profile);
  g_free (match->fields);
  g_strfreev (match->headers);
  g_free (match);
}

static char *
cell_text (const KefuCell *cell)
{
  if (cell->type == KEFU_CELL_EMPTY || cell->text == NULL)
    return NULL;
  return g_strstrip (g_strdup (cell->text));
}

/* Scores @profile on header row @index, with the row above as its group
 * row when the profile has two header rows. */
static KefuImportMatch *
match_row (KefuProfile     *profile,
           const HeaderRow *rows,
           guint            index,
           guint            sheet)
{
  KefuImportMatch *match = g_new0 (KefuImportMatch, 1);
  const HeaderRow *row = &rows[index];
  const HeaderRow *group = NULL;
  g_autofree gboolean *taken = g_new0 (gboolean, kefu_profile_get_n_columns (profile));
  g_autofree char *group_text = NULL;

  if (kefu_profile_get_header_rows (profile) == 2 && index > 0)
    group = &rows[index - 1];

  match->profile = g_object_ref (profile);
  match->sheet = sheet;
  match->header_row = row->number;
  match->n_columns = row->n_cells;
  match->fields = g_new (int, MAX (row->n_cells, 1));
  match->headers = g_new0 (char *, row->n_cells + 1);

  for (guint i = 0; i < row->n_cells; i++)
    {
      const KefuProfileColumn *column = NULL;

      match->fields[i] = -1;
      if (group != NULL && i < group->n_cells && group->texts[i] != NULL)
        {
          g_free (group_text);
          group_text = g_strdup (group->texts[i]);
        }

      if (row->texts[i] == NULL)
        {
          match->headers[i] = g_strdup ("");
          continue;
        }

      match->n_headers++;
      if (group_text != NULL)
        {
          g_autofree char *both = g_strconcat (group_text, "/", row->texts[i], NULL);

          column = kefu_profile_find_column (profile, both);
          match->headers[i] = g_strconcat (i < group->n_cells && group->raw[i] ? group->raw[i] : group_text, "/",
                                           row->raw[i], NULL);
        }
      else
        match->headers[i] = g_strdup (row->raw[i]);

      if (column == NULL)
        column = kefu_profile_find_column (profile, row->texts[i]);

      if (column != NULL)
        {
          guint field = column - kefu_profile_get_column (profile, 0);

          /* A field named twice keeps its first column. */
          if (!taken[field])
            {
              taken[field] = TRUE;
              match->fields[i] = field;
              match->matched++;
            }
        }
    }

  for (guint f = 0; f < kefu_profile_get_n_columns (profile); f++)
    if (kefu_profile_get_column (profile, f)->required && !taken[f])
      {
        match->matched = 0;
        break;
      }

  match->confidence = match->n_headers > 0 ? (double) match->matched / match->n_headers : 0;
  return match;
}

static gboolean
better (const KefuImportMatch *a,
        const KefuImportMatch *b)
{
  if (b == NULL)
    return a->matched > 0;
  if (a->matched != b->matched)
    return a->matched > b->matched;
  return a->confidence > b->confidence;
}

/**
 * kefu_import_match_sheet:
 * @profiles: the #KefuProfile candidates
 * @runner_up: (out) (optional): the best match of another profile, to
 *   tell ambiguity
 *
 * Returns: (transfer full) (nullable): the best profile and header row of
 *   @sheet, or %NULL (without @error) when no profile matches at all
 */
KefuImportMatch *
kefu_import_match_sheet (KefuTableReader  *reader,
                         guint             sheet,
                         GListModel       *profiles,
                         KefuImportMatch **runner_up,
                         GError          **error)
{
  HeaderRow rows[KEFU_HEADER_SEARCH_ROWS];
  KefuImportMatch *best = NULL;
  KefuImportMatch *second = NULL;
  guint n_rows = 0;
  const KefuRow *row;

  if (!kefu_table_reader_select_sheet (reader, sheet, error))
    return NULL;

  while (n_rows < KEFU_HEADER_SEARCH_ROWS &&
         (row = kefu_table_reader_next_row (reader, error)) != NULL)
    {
      HeaderRow *copy = &rows[n_rows++];

      copy->number = row->number;
      copy->n_cells = row->n_cells;
      copy->texts = g_new0 (char *, MAX (row->n_cells, 1));
      copy->raw = g_new0 (char *, MAX (row->n_cells, 1));
      for (guint i = 0; i < row->n_cells; i++)
        {
          copy->raw[i] = cell_text (&row->cells[i]);
          copy->texts[i] = copy->raw[i] ? kefu_header_normalise (copy->raw[i]) : NULL;
          if (copy->texts[i] != NULL && *copy->texts[i] == '\0')
            g_clear_pointer (&copy->texts[i], g_free);
        }
    }

  if (error != NULL && *error != NULL)
    goto out;

  for (guint p = 0; p < g_list_model_get_n_items (profiles); p++)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (profiles, p);
      KefuImportMatch *profile_best = NULL;
      const char *wanted_sheet = kefu_profile_get_sheet (profile);

      /* A profile that names its sheet matches only that sheet. */
      if (wanted_sheet != NULL &&
          g_strcmp0 (wanted_sheet, kefu_table_reader_get_sheet_name (reader, sheet)) != 0 &&
          kefu_table_reader_get_n_sheets (reader) > 1)
        continue;

      for (guint r = 0; r < n_rows; r++)
        {
          KefuImportMatch *candidate = match_row (profile, rows, r, sheet);

          if (better (candidate, profile_best))
            {
              kefu_import_match_free (profile_best);
              profile_best = candidate;
            }
          else
            kefu_import_match_free (candidate);
        }

      if (profile_best == NULL)
        continue;

      if (better (profile_best, best))
        {
          kefu_import_match_free (second);
          second = best;
          best = profile_best;
        }
      else if (better (profile_best, second))
        {
          kefu_import_match_free (second);
          second = profile_best;
        }
      else
        kefu_import_match_free (profile_best);
    }

out:
  for (guint r = 0; r < n_rows; r++)
    header_row_clear (&rows[r]);

  if (error != NULL && *error != NULL)
    {
      kefu_import_match_free (best);
      kefu_import_match_free (second);
      return NULL;
    }

  if (runner_up != NULL)
    *runner_up = second;
  else
    kefu_import_match_free (second);
  return best;
}

/* The file column (0-based) feeding @field, or -1. */
int
kefu_import_match_column (const KefuImportMatch *match,
                          const char            *field)
{
  for (guint i = 0; i < match->n_columns; i++)
    if (match->fields[i] >= 0 &&
        g_strcmp0 (kefu_profile_get_column (match->profile, match->fields[i])->field, field) == 0)
      return i;
  return -1;
}

/* Returns: (transfer full): the non-empty headers no field took */
char **
kefu_import_match_unmatched (const KefuImportMatch *match)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; i < match->n_columns; i++)
    if (match->fields[i] < 0 && match->headers[i][0] != '\0')
      g_strv_builder_add (builder, match->headers[i]);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
recount (KefuImportMatch *match)
{
  match->matched = 0;
  for (guint i = 0; i < match->n_columns; i++)
    if (match->fields[i] >= 0)
      match->matched++;
  match->confidence = match->n_headers > 0 ? (double) match->matched / match->n_headers : 0;
}

/**
 * kefu_import_match_set_field:
 * @column: a column of the header row, 0-based
 * @field: (nullable): a field of the match's profile; %NULL or "" to
 *   leave the column out
 *
 * Overrides what the header said: @column feeds @field from now on. A
 * field is fed by one column, so a column that fed @field before is left
 * out.
 *
 * Returns: %FALSE with @error set when @column or @field is unknown
 */
gboolean
kefu_import_match_set_field (KefuImportMatch  *match,
                             guint             column,
                             const char       *field,
                             GError          **error)
{
  const KefuProfileColumn *target = NULL;
  int index = -1;

  g_return_val_if_fail (match != NULL, FALSE);

  if (column >= match->n_columns)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no column %u: the header row ends at column %u."),
                   column + 1, match->n_columns);
      return FALSE;
    }

  if (field != NULL && *field != '\0')
    {
      target = kefu_profile_get_field (match->profile, field);
      if (target == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The import profile “%s” has no field “%s”."),
                       kefu_profile_get_id (match->profile), field);
          return FALSE;
        }
      index = target - kefu_profile_get_column (match->profile, 0);
      for (guint i = 0; i < match->n_columns; i++)
        if (match->fields[i] == index)
          match->fields[i] = -1;
    }

  match->fields[column] = index;
  recount (match);
  return TRUE;
}

/**
 * kefu_import_match_apply:
 * @fields: per column of the header row, the field it feeds ("" for
 *   none); columns past its end keep what the header said
 *
 * Applies a whole mapping, as a person corrected it, and checks that the
 * profile's required fields are still fed.
 *
 * Returns: %FALSE with @error set when the mapping cannot be used
 */
gboolean
kefu_import_match_apply (KefuImportMatch    *match,
                         const char * const *fields,
                         GError            **error)
{
  g_return_val_if_fail (match != NULL, FALSE);

  if (fields == NULL)
    return TRUE;

  /* Cleared first, so that a field moved between columns is not lost
   * to the order they are set in. */
  for (guint i = 0; fields[i] != NULL && i < match->n_columns; i++)
    match->fields[i] = -1;
  for (guint i = 0; fields[i] != NULL; i++)
    if (!kefu_import_match_set_field (match, i, fields[i], error))
      return FALSE;

  for (guint f = 0; f < kefu_profile_get_n_columns (match->profile); f++)
    {
      const KefuProfileColumn *column = kefu_profile_get_column (match->profile, f);
      gboolean fed = FALSE;

      for (guint i = 0; i < match->n_columns && !fed; i++)
        fed = match->fields[i] == (int) f;
      if (column->required && !fed)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("No column is mapped to “%s”, which the import profile requires."),
                       column->field);
          return FALSE;
        }
    }
  return TRUE;
}
