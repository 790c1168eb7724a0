/* kefu-import-row.c — reading and checking the cells of a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "import/kefu-import-private.h"
#include "io/kefu-row-prefetch.h"

char *
_kefu_import_format_date (const GDate *date)
{
  char buffer[16];

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

void
_kefu_import_problem (Import      *import,
                      KefuProblemSeverity severity,
                      guint64      row,
                      int          column,
                      const char  *value,
                      const char  *message)
{
  const char *header = column >= 0 && (guint) column < import->match->n_columns
                     ? import->match->headers[column] : NULL;

  kefu_import_result_add_problem (import->result, severity, import->sheet_name, row,
                                  column >= 0 ? column + 1 : 0, header, value, message);
}

static KefuValue
parse_value (const KefuProfileColumn *column,
             const KefuCell          *cell,
             GTimeZone               *tz)
{
  KefuValue value = { KEFU_VALUE_MISSING, KEFU_MISSING_EMPTY, NAN, "" };
  GDate date;

  switch (column->type)
    {
    case KEFU_COLUMN_COUNT:    return kefu_value_parse_count (cell);
    case KEFU_COLUMN_NUMBER:   return kefu_value_parse_number (cell);
    case KEFU_COLUMN_MONEY:    return kefu_value_parse_money (cell);
    case KEFU_COLUMN_RATE:
      value = kefu_value_parse_rate (cell, column->scale);
      /* 120% parses, but every rate of an export is a share of a whole:
       * above 100 % the column is misread or the file is damaged. */
      if (value.status == KEFU_VALUE_OK && value.number > 1)
        {
          value.status = KEFU_VALUE_INVALID;
          value.number = NAN;
          value.expected = _("a rate from 0% to 100%, such as 36.99%");
        }
      return value;
    case KEFU_COLUMN_DURATION: return kefu_value_parse_duration (cell, column->scale);
    case KEFU_COLUMN_DATETIME: return kefu_value_parse_datetime (cell, tz);
    case KEFU_COLUMN_DATE:     return kefu_value_parse_date (cell, &date);
    case KEFU_COLUMN_AGENT:
    case KEFU_COLUMN_TEXT:
    default:
      if (!kefu_value_is_placeholder (cell->text, &value.missing))
        {
          value.status = KEFU_VALUE_OK;
          value.number = 0;
        }
      return value;
    }
}

gint64
_kefu_import_agent (Import      *import,
                    const char  *account,
                    GError     **error)
{
  gpointer cached = g_hash_table_lookup (import->agents, account);
  gint64 *id;

  if (cached != NULL)
    return *(gint64 *) cached;

  id = g_new (gint64, 1);
  *id = kefu_store_ensure_agent (import->store, import->shop_id, account, error);
  if (*id == 0)
    {
      g_free (id);
      return 0;
    }
  g_hash_table_insert (import->agents, g_strdup (account), id);
  return *id;
}

void
_kefu_import_extend_seen (Import      *import,
                          const GDate *from,
                          const GDate *to)
{
  if (!g_date_valid (&import->seen_from) || g_date_compare (from, &import->seen_from) < 0)
    import->seen_from = *from;
  if (!g_date_valid (&import->seen_to) || g_date_compare (to, &import->seen_to) > 0)
    import->seen_to = *to;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (const KefuRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].type != KEFU_CELL_EMPTY &&
        !(row->cells[i].type == KEFU_CELL_TEXT && text_is_blank (row->cells[i].text)))
      return FALSE;
  return TRUE;
}

/* Parses every mapped cell; FALSE (with a problem) when one is invalid. */
gboolean
_kefu_import_parse_row (Import        *import,
                        const KefuRow *row)
{
  gboolean ok = TRUE;

  for (guint f = 0; f < import->n_fields; f++)
    {
      import->values[f] = (KefuValue) { KEFU_VALUE_MISSING, KEFU_MISSING_EMPTY, NAN, "" };
      import->cells[f] = NULL;
    }

  for (guint i = 0; i < import->match->n_columns; i++)
    {
      const KefuProfileColumn *column;
      const KefuCell *cell;
      int f = import->match->fields[i];

      if (f < 0)
        continue;

      column = kefu_profile_get_column (import->profile, f);
      cell = kefu_row_get_cell (row, i);
      import->cells[f] = cell;
      import->values[f] = parse_value (column, cell, import->tz);

      if (import->values[f].status == KEFU_VALUE_INVALID)
        {
          _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, i, cell->text,
                                import->values[f].expected);
          ok = FALSE;
        }
      else if (import->values[f].status == KEFU_VALUE_MISSING &&
               import->values[f].missing == KEFU_MISSING_NOT_FINAL)
        _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number, i, cell->text,
                              kefu_value_describe_missing (KEFU_MISSING_NOT_FINAL));
    }

  return ok;
}

/* The profile column of @field: rows ask for the same few fields by the
 * same literal names, so those are remembered by address (and checked by
 * content) after the first. */
static int
field_index (Import     *import,
             const char *field)
{
  const KefuProfileColumn *column;
  int index;

  for (guint i = 0; i < import->n_fields_known; i++)
    if (import->fields_known[i].name == field && strcmp (field, import->fields_known[i].name) == 0)
      return import->fields_known[i].index;

  column = kefu_profile_get_field (import->profile, field);
  index = column != NULL ? column - kefu_profile_get_column (import->profile, 0) : -1;
  if (import->n_fields_known < G_N_ELEMENTS (import->fields_known))
    {
      import->fields_known[import->n_fields_known].name = field;
      import->fields_known[import->n_fields_known++].index = index;
    }
  return index;
}

const char *
_kefu_import_field_text (Import     *import,
                         const char *field)
{
  int index = field_index (import, field);

  if (index < 0)
    return NULL;
  if (import->values[index].status != KEFU_VALUE_OK || import->cells[index] == NULL)
    return NULL;
  return import->cells[index]->text;
}

const KefuValue *
_kefu_import_field_value (Import     *import,
                          const char *field)
{
  static const KefuValue missing = { KEFU_VALUE_MISSING, KEFU_MISSING_EMPTY, NAN, "" };
  int index = field_index (import, field);

  if (index < 0)
    return &missing;
  return &import->values[index];
}

/* Events' times are kept as a span; their days are worked out once, by
 * _kefu_import_settle_seen_times(). */
void
_kefu_import_extend_seen_time (Import *import,
                               gint64  time)
{
  if (!import->seen_times || time < import->seen_first)
    import->seen_first = time;
  if (!import->seen_times || time > import->seen_last)
    import->seen_last = time;
  import->seen_times = TRUE;
}

static void
local_day (Import *import,
           gint64  time,
           GDate  *day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, import->tz);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/* Adds the days of the events' times to the days the rows covered. */
void
_kefu_import_settle_seen_times (Import *import)
{
  GDate first, last;

  if (!import->seen_times)
    return;
  local_day (import, import->seen_first, &first);
  local_day (import, import->seen_last, &last);
  _kefu_import_extend_seen (import, &first, &last);
}

/* Reports the first of @fields the row lacks; TRUE when it has them all. */
gboolean
_kefu_import_require_fields (Import             *import,
                             const KefuRow      *row,
                             const char * const *fields,
                             const char * const *expected)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (_kefu_import_field_value (import, fields[i])->status != KEFU_VALUE_OK)
      {
        int column = kefu_import_match_column (import->match, fields[i]);

        _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, column,
                              column >= 0 ? kefu_row_get_cell (row, column)->text : NULL, expected[i]);
        import->facts->rows_skipped++;
        return FALSE;
      }
  return TRUE;
}

gint64
_kefu_import_row_agent (Import      *import,
                        GError     **error)
{
  g_autofree char *account = NULL;
  const char *text = _kefu_import_field_text (import, "agent");

  if (text == NULL)
    return 0;
  account = g_strstrip (g_strdup (text));
  return _kefu_import_agent (import, account, error);
}

gint64
_kefu_import_time_or_zero (Import     *import,
                           const char *field)
{
  const KefuValue *value = _kefu_import_field_value (import, field);

  return value->status == KEFU_VALUE_OK ? (gint64) value->number : 0;
}

gboolean
_kefu_import_rows (Import           *import,
                   KefuTableReader  *reader,
                   GError          **error)
{
  KefuImportKind kind = kefu_profile_get_kind (import->profile);
  g_autoptr(KefuRowPrefetch) rows = NULL;
  const KefuRow *row;
  guint64 n = 0;

  if (!kefu_table_reader_select_sheet (reader, import->match->sheet, error))
    return FALSE;

  /* Reading overlaps storing: the rows come from a thread of their own. */
  rows = kefu_row_prefetch_start (reader);
  while ((row = kefu_row_prefetch_next (rows, error)) != NULL)
    {
      gboolean ok;

      if (kefu_import_result_get_n_preview (import->result) < KEFU_IMPORT_PREVIEW_ROWS)
        {
          GStrv cells = g_new0 (char *, row->n_cells + 1);

          for (guint i = 0; i < row->n_cells; i++)
            cells[i] = g_strdup (row->cells[i].text ? row->cells[i].text : "");
          kefu_import_result_add_preview (import->result, row->number, cells);
        }

      if (row->number <= import->match->header_row || row_is_blank (row))
        continue;

      if ((++n & 1023) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          if (import->progress != NULL)
            import->progress (kefu_row_prefetch_get_progress (rows), import->progress_data);
        }

      import->facts->rows_read++;
      switch (kind)
        {
        case KEFU_IMPORT_KIND_MESSAGES:
          ok = _kefu_import_message_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_ORDERS:
          ok = _kefu_import_order_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_SESSIONS:
          ok = _kefu_import_session_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_REFUNDS:
          ok = _kefu_import_refund_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_DSR:
          ok = _kefu_import_dsr_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_AGENT_TABLE:
        case KEFU_IMPORT_KIND_SHOP_TABLE:
          ok = _kefu_import_table_row (import, row, error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return error == NULL || *error == NULL;
}
