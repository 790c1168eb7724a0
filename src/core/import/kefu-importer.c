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

#include "import/kefu-import-match.h"
#include "import/kefu-importer.h"
#include "import/kefu-value.h"
#include "io/kefu-text-reader.h"
#include "metrics/kefu-metric.h"
#include "model/kefu-shop.h"

typedef enum
{
  SUMMARY_NONE,
  SUMMARY_TOTAL,      /* the shop's own total: kept as a shop figure */
  SUMMARY_AVERAGE,    /* not additive: kept apart */
  SUMMARY_PEER,       /* the industry's figures: stored apart, for comparison */
} SummaryKind;

/* Recognised by label, never by position (PROFILES.md). */
static const struct {
  const char  *label;
  SummaryKind  kind;
} summary_labels[] = {
  { "汇总", SUMMARY_TOTAL }, { "汇总值", SUMMARY_TOTAL }, { "合计", SUMMARY_TOTAL },
  { "总计", SUMMARY_TOTAL }, { "全店汇总值", SUMMARY_TOTAL }, { "店铺汇总值", SUMMARY_TOTAL },
  { "店铺总计", SUMMARY_TOTAL }, { "店铺汇总", SUMMARY_TOTAL }, { "全店汇总", SUMMARY_TOTAL },
  { "平均值", SUMMARY_AVERAGE }, { "均值", SUMMARY_AVERAGE }, { "平均", SUMMARY_AVERAGE },
  { "全店平均值", SUMMARY_AVERAGE }, { "店铺平均值", SUMMARY_AVERAGE }, { "店铺均值", SUMMARY_AVERAGE },
  { "同行同层优秀", SUMMARY_PEER }, { "同行同层均值", SUMMARY_PEER }, { "同行同层平均", SUMMARY_PEER },
  { "行业均值", SUMMARY_PEER }, { "行业平均", SUMMARY_PEER },
};

typedef struct
{
  KefuStore         *store;
  KefuImportResult  *result;
  KefuImportFacts   *facts;
  KefuImportMatch   *match;
  KefuProfile       *profile;
  const char        *sheet_name;
  GCancellable      *cancellable;
  KefuImportProgress progress;
  gpointer           progress_data;

  gint64             shop_id;
  gint64             batch_id;
  gboolean           replace;
  GDate              file_from;      /* valid when the file as a whole has a period */
  GDate              file_to;
  GDate              seen_from;      /* the days the rows covered */
  GDate              seen_to;
  GTimeZone         *tz;

  int                col_agent;      /* file columns, or -1 */
  int                col_date;
  int                col_start;
  int                col_end;
  guint              n_fields;
  KefuValue         *values;         /* per profile column, for the current row */
  const KefuCell   **cells;
  GHashTable        *agents;         /* account → agent id */
  GHashTable        *shop_figures;   /* "key|from|to" → double sum, stored once */
  GHashTable        *keys_done;      /* per row */
  GHashTable        *overlaps;       /* other batch id → measures */
  GHashTable        *seen_numbers;   /* refund or sub-order numbers of this file */
  GHashTable        *seen_orders;    /* order numbers of this file, when lines merge */
} Import;

void
kefu_import_options_init (KefuImportOptions *options)
{
  memset (options, 0, sizeof *options);
  g_date_clear (&options->period_from, 1);
  g_date_clear (&options->period_to, 1);
}

static SummaryKind
summary_kind (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return SUMMARY_NONE;

  normal = kefu_header_normalise (text);
  for (guint i = 0; i < G_N_ELEMENTS (summary_labels); i++)
    if (g_str_equal (normal, summary_labels[i].label))
      return summary_labels[i].kind;
  return SUMMARY_NONE;
}

static char *
format_date (const GDate *date)
{
  char buffer[16];

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
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

static void
problem (Import      *import,
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
    case KEFU_COLUMN_RATE:     return kefu_value_parse_rate (cell, column->scale);
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

static gint64
agent_id (Import      *import,
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

/* The row's period, from its date columns or the file's. */
static gboolean
row_period (Import        *import,
            const KefuRow *row,
            GDate         *from,
            GDate         *to)
{
  const struct { int column; GDate *date; } parts[] = {
    { import->col_date, from }, { import->col_start, from }, { import->col_end, to },
  };

  *from = import->file_from;
  *to = import->file_to;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const KefuCell *cell;
      KefuValue value;

      if (parts[i].column < 0)
        continue;

      cell = kefu_row_get_cell (row, parts[i].column);
      value = kefu_value_parse_date (cell, parts[i].date);
      if (value.status != KEFU_VALUE_OK)
        {
          problem (import, KEFU_PROBLEM_ERROR, row->number, parts[i].column, cell->text,
                   value.status == KEFU_VALUE_MISSING
                   ? _("the row has no date; expected a date such as 2026-10-01")
                   : value.expected);
          return FALSE;
        }
      if (parts[i].column == import->col_date)
        *to = *from;
    }

  if (!g_date_valid (from) || !g_date_valid (to))
    {
      problem (import, KEFU_PROBLEM_ERROR, row->number, -1, NULL,
               _("the row says no period and the file gives none"));
      return FALSE;
    }
  if (g_date_compare (from, to) > 0)
    {
      problem (import, KEFU_PROBLEM_ERROR, row->number, import->col_end, NULL,
               _("the period ends before it starts"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_measure (Import             *import,
               const KefuMeasure  *measure,
               guint64             row,
               GError            **error)
{
  if (measure->agent_id == 0)
    {
      g_autofree char *id = g_strdup_printf ("%s|%s|%s", measure->key,
                                             measure->period_start, measure->period_end);
      double *known = g_hash_table_lookup (import->shop_figures, id);

      /* A shop figure repeated on every agent row is stored once. */
      if (known != NULL)
        {
          if (fabs (*known - measure->sum) > 1e-9 * MAX (1.0, fabs (*known)))
            problem (import, KEFU_PROBLEM_NOTE, row, -1, NULL,
                     _("a shop figure differs from the one on an earlier row; the first was kept"));
          return TRUE;
        }
      g_hash_table_insert (import->shop_figures, g_steal_pointer (&id),
                           g_memdup2 (&measure->sum, sizeof (double)));
    }

  if (import->replace)
    {
      if (!kefu_store_delete_overlapping (import->store, measure, error))
        return FALSE;
    }
  else if (!kefu_store_measure_overlaps (import->store, measure, import->overlaps, error))
    return FALSE;

  return kefu_store_add_measure (import->store, measure, error);
}

/* Applies the profile's measure rules to the parsed row. Returns the
 * number of measures stored, or -1 on a store error. */
static int
store_row_measures (Import       *import,
                    guint64       row,
                    gint64        agent,
                    const char   *peer_label,
                    const GDate  *from,
                    const GDate  *to,
                    GError      **error)
{
  g_autofree char *start = format_date (from);
  g_autofree char *end = format_date (to);
  int stored = 0;

  g_hash_table_remove_all (import->keys_done);

  for (guint r = 0; r < kefu_profile_get_n_rules (import->profile); r++)
    {
      const KefuProfileRule *rule = kefu_profile_get_rule (import->profile, r);
      const KefuProfileColumn *value_column = kefu_profile_get_field (import->profile, rule->value);
      const KefuProfileColumn *count_column = rule->count ? kefu_profile_get_field (import->profile, rule->count) : NULL;
      guint value_index = value_column - kefu_profile_get_column (import->profile, 0);
      const KefuMetricInfo *info = kefu_metric_lookup (rule->key);
      gboolean shop = rule->shop || agent == 0;
      g_autofree char *done_key = g_strconcat (shop ? "shop:" : "agent:", rule->key, NULL);
      KefuMeasure measure = { 0 };
      double value, count = 1;

      if (g_hash_table_contains (import->keys_done, done_key))
        continue;
      if (import->values[value_index].status != KEFU_VALUE_OK)
        continue;
      value = import->values[value_index].number;

      if (count_column != NULL)
        {
          guint count_index = count_column - kefu_profile_get_column (import->profile, 0);

          if (import->values[count_index].status != KEFU_VALUE_OK)
            continue;
          count = import->values[count_index].number;
        }

      g_hash_table_add (import->keys_done, g_steal_pointer (&done_key));

      /* A ratio over nothing (0 inquiries) has no value: missing, not 0. */
      if (info->aggregate == KEFU_AGGREGATE_RATIO && count == 0)
        continue;

      measure.batch_id = import->batch_id;
      measure.shop_id = import->shop_id;
      measure.agent_id = shop ? 0 : agent;
      measure.period_start = start;
      measure.period_end = end;
      measure.key = rule->key;
      measure.estimated = rule->estimated;
      switch (rule->type)
        {
        case KEFU_RULE_SUM:
          measure.sum = value;
          measure.count = count;
          break;
        case KEFU_RULE_RATE:
        case KEFU_RULE_MEAN:
          measure.sum = value * count;
          measure.count = count;
          break;
        default:
          g_assert_not_reached ();
        }

      if (peer_label != NULL
          ? !kefu_store_add_peer_measure (import->store, &measure, peer_label, error)
          : !store_measure (import, &measure, row, error))
        return -1;
      stored++;
    }

  return stored;
}

static void
extend_seen (Import      *import,
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
static gboolean
parse_row (Import        *import,
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
          problem (import, KEFU_PROBLEM_ERROR, row->number, i, cell->text,
                   import->values[f].expected);
          ok = FALSE;
        }
      else if (import->values[f].status == KEFU_VALUE_MISSING &&
               import->values[f].missing == KEFU_MISSING_NOT_FINAL)
        problem (import, KEFU_PROBLEM_NOTE, row->number, i, cell->text,
                 kefu_value_describe_missing (KEFU_MISSING_NOT_FINAL));
    }

  return ok;
}

static gboolean
import_table_row (Import         *import,
                  const KefuRow  *row,
                  GError        **error)
{
  gboolean agent_table = kefu_profile_get_kind (import->profile) == KEFU_IMPORT_KIND_AGENT_TABLE;
  const KefuCell *label_cell = NULL;
  SummaryKind summary;
  gint64 agent = 0;
  GDate from, to;
  int stored;

  if (agent_table)
    label_cell = kefu_row_get_cell (row, import->col_agent);
  summary = label_cell ? summary_kind (label_cell->text) : SUMMARY_NONE;

  /* A row's label is its agent; a summary row may carry its label in
   * another column (序号: 店铺总计), and a shop table's is its first text. */
  if (label_cell == NULL || label_cell->type == KEFU_CELL_EMPTY)
    for (guint i = 0; i < row->n_cells; i++)
      if (row->cells[i].type == KEFU_CELL_TEXT &&
          (!agent_table || summary_kind (row->cells[i].text) != SUMMARY_NONE))
        {
          label_cell = &row->cells[i];
          summary = summary_kind (label_cell->text);
          break;
        }

  /* Averages are not additive, and a shop table's totals add up rows
   * already stored: both kept apart. */
  if (summary == SUMMARY_AVERAGE || (summary != SUMMARY_NONE && !agent_table))
    {
      g_autofree char *note = g_strdup_printf (_("summary row “%s” kept apart: "
                                                 "it is not an agent’s own figure"),
                                               label_cell->text);
      problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL, note);
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (!parse_row (import, row) || !row_period (import, row, &from, &to))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (agent_table && summary == SUMMARY_NONE)
    {
      g_autofree char *account = NULL;

      if (import->values[import->match->fields[import->col_agent]].status != KEFU_VALUE_OK)
        {
          problem (import, KEFU_PROBLEM_ERROR, row->number, import->col_agent, NULL,
                   _("the row names no agent"));
          import->facts->rows_skipped++;
          return TRUE;
        }
      account = g_strstrip (g_strdup (label_cell->text));
      agent = agent_id (import, account, error);
      if (agent == 0)
        return FALSE;
    }

  {
    g_autofree char *peer_label = summary == SUMMARY_PEER
                                ? g_strstrip (g_strdup (label_cell->text)) : NULL;

    stored = store_row_measures (import, row->number, agent, peer_label, &from, &to, error);
  }
  if (stored < 0)
    return FALSE;

  if (stored == 0)
    {
      problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL,
               _("the row has no value Kefu could use"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  extend_seen (import, &from, &to);
  import->facts->rows_imported++;
  return TRUE;
}

static const struct {
  const char *text;
  KefuSender  sender;
} sender_names[] = {
  { "买家", KEFU_SENDER_BUYER }, { "buyer", KEFU_SENDER_BUYER }, { "顾客", KEFU_SENDER_BUYER },
  { "客户", KEFU_SENDER_BUYER }, { "客服", KEFU_SENDER_AGENT }, { "agent", KEFU_SENDER_AGENT },
  { "人工", KEFU_SENDER_AGENT }, { "机器人", KEFU_SENDER_ROBOT }, { "robot", KEFU_SENDER_ROBOT },
  { "智能客服", KEFU_SENDER_ROBOT }, { "自动回复", KEFU_SENDER_AUTO }, { "auto", KEFU_SENDER_AUTO },
  { "系统", KEFU_SENDER_SYSTEM }, { "system", KEFU_SENDER_SYSTEM },
};

static const char *
field_text (Import     *import,
            const char *field)
{
  const KefuProfileColumn *column = kefu_profile_get_field (import->profile, field);
  guint index;

  if (column == NULL)
    return NULL;
  index = column - kefu_profile_get_column (import->profile, 0);
  if (import->values[index].status != KEFU_VALUE_OK || import->cells[index] == NULL)
    return NULL;
  return import->cells[index]->text;
}

static const KefuValue *
field_value (Import     *import,
             const char *field)
{
  static const KefuValue missing = { KEFU_VALUE_MISSING, KEFU_MISSING_EMPTY, NAN, "" };
  const KefuProfileColumn *column = kefu_profile_get_field (import->profile, field);

  if (column == NULL)
    return &missing;
  return &import->values[column - kefu_profile_get_column (import->profile, 0)];
}

static void
extend_seen_time (Import *import,
                  gint64  time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, import->tz);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  extend_seen (import, &day, &day);
}

/* Reports the first of @fields the row lacks; TRUE when it has them all. */
static gboolean
require_fields (Import             *import,
                const KefuRow      *row,
                const char * const *fields,
                const char * const *expected)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (field_value (import, fields[i])->status != KEFU_VALUE_OK)
      {
        int column = kefu_import_match_column (import->match, fields[i]);

        problem (import, KEFU_PROBLEM_ERROR, row->number, column,
                 column >= 0 ? kefu_row_get_cell (row, column)->text : NULL, expected[i]);
        import->facts->rows_skipped++;
        return FALSE;
      }
  return TRUE;
}

static gint64
row_agent (Import      *import,
           GError     **error)
{
  g_autofree char *account = NULL;
  const char *text = field_text (import, "agent");

  if (text == NULL)
    return 0;
  account = g_strstrip (g_strdup (text));
  return agent_id (import, account, error);
}

static gint64
time_or_zero (Import     *import,
              const char *field)
{
  const KefuValue *value = field_value (import, field);

  return value->status == KEFU_VALUE_OK ? (gint64) value->number : 0;
}

static gboolean
import_order_row (Import         *import,
                  const KefuRow  *row,
                  GError        **error)
{
  static const char * const required[] = { "order_no", NULL };
  const char * const expected[] = { _("expected the order number"), NULL };
  g_autofree char *order_no = NULL;
  KefuOrder order = { 0 };
  const KefuValue *items;
  gboolean merge = FALSE;

  if (!parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!require_fields (import, row, required, expected))
    return TRUE;

  order_no = g_strstrip (g_strdup (field_text (import, "order_no")));

  /* An export of order lines (抖店: one row per 子订单) makes one order of
   * the lines of each order number; a line listed twice counts once. */
  if (kefu_import_match_column (import->match, "sub_order") >= 0)
    {
      const char *line = field_text (import, "sub_order");

      if (line != NULL)
        {
          g_autofree char *number = g_strstrip (g_strdup (line));

          if (!g_hash_table_add (import->seen_numbers, g_steal_pointer (&number)))
            {
              problem (import, KEFU_PROBLEM_NOTE, row->number,
                       kefu_import_match_column (import->match, "sub_order"), line,
                       _("the same order line as an earlier row; this row was left out"));
              import->facts->rows_skipped++;
              return TRUE;
            }
        }
      merge = !g_hash_table_add (import->seen_orders, g_strdup (order_no));
    }

  order.batch_id = import->batch_id;
  order.shop_id = import->shop_id;
  if (field_text (import, "agent") != NULL && (order.agent_id = row_agent (import, error)) == 0)
    return FALSE;
  order.order_no = order_no;
  order.buyer = field_text (import, "buyer");
  order.status = field_text (import, "status");
  order.after_sale = field_text (import, "after_sale");
  order.created_at = time_or_zero (import, "created_at");
  order.paid_at = time_or_zero (import, "paid_at");
  order.amount = field_value (import, "amount")->number;
  order.paid_amount = field_value (import, "paid_amount")->number;
  items = field_value (import, "items");
  order.items = items->status == KEFU_VALUE_OK ? (gint64) items->number : -1;

  if (merge ? !kefu_store_merge_order (import->store, &order, error)
            : !kefu_store_add_order (import->store, &order, error))
    return FALSE;

  if (order.created_at != 0 || order.paid_at != 0)
    extend_seen_time (import, order.created_at != 0 ? order.created_at : order.paid_at);
  import->facts->rows_imported++;
  return TRUE;
}

static gboolean
import_refund_row (Import         *import,
                   const KefuRow  *row,
                   GError        **error)
{
  static const char * const required[] = { "refund_no", NULL };
  const char * const expected[] = { _("expected the refund number"), NULL };
  g_autofree char *refund_no = NULL;
  g_autofree char *order_no = NULL;
  KefuRefund refund = { 0 };

  if (!parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!require_fields (import, row, required, expected))
    return TRUE;

  /* A refund listed twice counts once. */
  refund_no = g_strstrip (g_strdup (field_text (import, "refund_no")));
  if (g_hash_table_contains (import->seen_numbers, refund_no))
    {
      problem (import, KEFU_PROBLEM_NOTE, row->number,
               kefu_import_match_column (import->match, "refund_no"), refund_no,
               _("the same refund number as an earlier row; this row was left out"));
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (field_text (import, "order_no") != NULL)
    order_no = g_strstrip (g_strdup (field_text (import, "order_no")));

  /* The platform's words as they are: the metric engine reads them. */
  refund.batch_id = import->batch_id;
  refund.shop_id = import->shop_id;
  refund.refund_no = refund_no;
  refund.order_no = order_no;
  refund.amount = field_value (import, "amount")->number;
  refund.status = field_text (import, "status");
  refund.goods_status = field_text (import, "goods_status");
  refund.kind = field_text (import, "kind");
  refund.reason = field_text (import, "reason");
  refund.applied_at = time_or_zero (import, "applied_at");
  refund.completed_at = time_or_zero (import, "completed_at");

  if (!kefu_store_add_refund (import->store, &refund, error))
    return FALSE;
  g_hash_table_add (import->seen_numbers, g_steal_pointer (&refund_no));

  if (refund.applied_at != 0 || refund.completed_at != 0)
    extend_seen_time (import, refund.applied_at != 0 ? refund.applied_at : refund.completed_at);
  import->facts->rows_imported++;
  return TRUE;
}

/* The rating dimensions of a DSR export (指标), old and new names. */
static const struct {
  const char *text;
  const char *key;
} dsr_names[] = {
  { "描述相符", "dsr_description" }, { "宝贝与描述相符", "dsr_description" },
  { "服务态度", "dsr_service" }, { "卖家服务态度", "dsr_service" }, { "卖家的服务态度", "dsr_service" },
  { "物流服务", "dsr_logistics" }, { "物流服务的质量", "dsr_logistics" },
  { "发货速度", "dsr_logistics" }, { "卖家发货的速度", "dsr_logistics" },
};

/* One row per rating dimension: its score is the shop's measure for the
 * file's period (sum = score, count = 1), the industry's average a peer
 * figure beside it. */
static gboolean
import_dsr_row (Import         *import,
                const KefuRow  *row,
                GError        **error)
{
  static const char * const required[] = { "indicator", NULL };
  const char * const expected[] = { _("expected the DSR dimension: 描述相符, 服务态度 or 物流服务"), NULL };
  g_autofree char *indicator = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const KefuValue *score, *industry;
  KefuMeasure measure = { 0 };
  GDate from, to;
  int stored = 0;

  if (!parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!require_fields (import, row, required, expected))
    return TRUE;
  if (!row_period (import, row, &from, &to))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  indicator = kefu_header_normalise (field_text (import, "indicator"));
  for (guint i = 0; i < G_N_ELEMENTS (dsr_names) && measure.key == NULL; i++)
    if (g_str_equal (indicator, dsr_names[i].text))
      measure.key = dsr_names[i].key;
  if (measure.key == NULL)
    {
      problem (import, KEFU_PROBLEM_NOTE, row->number,
               kefu_import_match_column (import->match, "indicator"), field_text (import, "indicator"),
               _("not a DSR dimension Kefu knows (描述相符, 服务态度, 物流服务); the row was left out"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  start = format_date (&from);
  end = format_date (&to);
  measure.batch_id = import->batch_id;
  measure.shop_id = import->shop_id;
  measure.period_start = start;
  measure.period_end = end;
  measure.count = 1;

  score = field_value (import, "score");
  if (score->status == KEFU_VALUE_OK)
    {
      measure.sum = score->number;
      if (!store_measure (import, &measure, row->number, error))
        return FALSE;
      stored++;
    }

  industry = field_value (import, "industry");
  if (industry->status == KEFU_VALUE_OK)
    {
      measure.sum = industry->number;
      if (!kefu_store_add_peer_measure (import->store, &measure, "行业均值", error))
        return FALSE;
      stored++;
    }

  if (stored == 0)
    {
      problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL,
               _("the row has no value Kefu could use"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  extend_seen (import, &from, &to);
  import->facts->rows_imported++;
  return TRUE;
}

static const struct {
  const char *text;
  const char *rating;
} rating_names[] = {
  { "很满意", "very_satisfied" }, { "非常满意", "very_satisfied" },
  { "满意", "satisfied" }, { "一般", "neutral" },
  { "不满", "dissatisfied" }, { "不满意", "dissatisfied" },
  { "很不满", "very_dissatisfied" }, { "很不满意", "very_dissatisfied" },
  { "非常不满意", "very_dissatisfied" },
};

static gboolean
import_session_row (Import         *import,
                    const KefuRow  *row,
                    GError        **error)
{
  static const char * const required[] = { "started_at", NULL };
  const char * const expected[] = { _("expected the time the conversation started, such as 2026-10-01 08:03:12"), NULL };
  g_autofree char *rating = NULL;
  g_autofree char *transferred = NULL;
  KefuSession session = { 0 };

  if (!parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!require_fields (import, row, required, expected))
    return TRUE;

  session.batch_id = import->batch_id;
  session.shop_id = import->shop_id;
  if (field_text (import, "agent") != NULL && (session.agent_id = row_agent (import, error)) == 0)
    return FALSE;
  session.conversation = field_text (import, "conversation");
  session.buyer = field_text (import, "buyer");
  session.started_at = time_or_zero (import, "started_at");
  session.ended_at = time_or_zero (import, "ended_at");
  session.queued_at = time_or_zero (import, "queued_at");
  session.assigned_at = time_or_zero (import, "assigned_at");

  transferred = kefu_header_normalise (field_text (import, "transferred"));
  session.transferred = g_strv_contains ((const char *[]) { "是", "yes", "true", "1", "y", NULL }, transferred) ? 1
                      : g_strv_contains ((const char *[]) { "否", "no", "false", "0", "n", NULL }, transferred) ? 0
                      : -1;

  rating = kefu_header_normalise (field_text (import, "rating"));
  for (guint i = 0; i < G_N_ELEMENTS (rating_names); i++)
    if (g_str_equal (rating, rating_names[i].text))
      session.rating = rating_names[i].rating;
  if (session.rating == NULL && *rating != '\0')
    {
      int column = kefu_import_match_column (import->match, "rating");

      problem (import, KEFU_PROBLEM_NOTE, row->number, column, field_text (import, "rating"),
               _("not a rating Kefu knows (很满意, 满意, 一般, 不满, 很不满); stored as unrated"));
    }

  if (!kefu_store_add_session (import->store, &session, error))
    return FALSE;

  extend_seen_time (import, session.started_at);
  import->facts->rows_imported++;
  return TRUE;
}

static gboolean
import_message_row (Import         *import,
                    const KefuRow  *row,
                    GError        **error)
{
  const KefuProfileColumn *sent_column = kefu_profile_get_field (import->profile, "sent_at");
  g_autofree char *buyer = NULL;
  g_autofree char *sender_text = NULL;
  KefuMessage message = { 0 };
  gboolean known_sender = FALSE;
  KefuValue sent;

  if (!parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  sent = import->values[sent_column - kefu_profile_get_column (import->profile, 0)];
  buyer = g_strdup (field_text (import, "buyer"));
  sender_text = kefu_header_normalise (field_text (import, "sender"));

  for (guint i = 0; i < G_N_ELEMENTS (sender_names); i++)
    if (g_strcmp0 (sender_text, sender_names[i].text) == 0)
      {
        message.sender = sender_names[i].sender;
        known_sender = TRUE;
      }

  if (sent.status != KEFU_VALUE_OK || buyer == NULL || !known_sender)
    {
      int column = kefu_import_match_column (import->match,
                                             sent.status != KEFU_VALUE_OK ? "sent_at"
                                             : buyer == NULL ? "buyer" : "sender");
      problem (import, KEFU_PROBLEM_ERROR, row->number, column,
               column >= 0 ? kefu_row_get_cell (row, column)->text : NULL,
               sent.status != KEFU_VALUE_OK ? _("expected the time the message was sent, such as 2026-10-01 08:03:12")
               : buyer == NULL ? _("expected the buyer who wrote or was written to")
               : _("expected who sent it: 买家, 客服, 机器人, 自动回复 or 系统 (buyer, agent, robot, auto, system)"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (field_text (import, "agent") != NULL && (message.agent_id = row_agent (import, error)) == 0)
    return FALSE;

  message.batch_id = import->batch_id;
  message.shop_id = import->shop_id;
  message.buyer = g_strstrip (buyer);
  message.sent_at = (gint64) sent.number;
  message.conversation = field_text (import, "conversation");
  message.type = field_text (import, "type");
  message.content = field_text (import, "content");

  if (!kefu_store_add_message (import->store, &message, error))
    return FALSE;

  extend_seen_time (import, message.sent_at);

  import->facts->rows_imported++;
  return TRUE;
}

static gboolean
import_rows (Import           *import,
             KefuTableReader  *reader,
             GError          **error)
{
  KefuImportKind kind = kefu_profile_get_kind (import->profile);
  const KefuRow *row;
  guint64 n = 0;

  if (!kefu_table_reader_select_sheet (reader, import->match->sheet, error))
    return FALSE;

  while ((row = kefu_table_reader_next_row (reader, error)) != NULL)
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
            import->progress (kefu_table_reader_get_progress (reader), import->progress_data);
        }

      import->facts->rows_read++;
      switch (kind)
        {
        case KEFU_IMPORT_KIND_MESSAGES:
          ok = import_message_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_ORDERS:
          ok = import_order_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_SESSIONS:
          ok = import_session_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_REFUNDS:
          ok = import_refund_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_DSR:
          ok = import_dsr_row (import, row, error);
          break;
        case KEFU_IMPORT_KIND_AGENT_TABLE:
        case KEFU_IMPORT_KIND_SHOP_TABLE:
          ok = import_table_row (import, row, error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

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

static KefuImportResult *
refuse (KefuImportResult *result,
        const char       *message)
{
  kefu_import_result_set_outcome (result, KEFU_IMPORT_REFUSED, 0, message);
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
        g_strdup_printf (_("Kefu is not sure what this file is: it looks most like “%s”, "
                           "but only %u of its %u columns are known to that profile. "
                           "Choose the profile (kefu-cli import --profile %s) if that is right."),
                         kefu_profile_get_name (best->profile), best->matched, best->n_headers,
                         kefu_profile_get_id (best->profile));
      refuse (result, message);
      return NULL;
    }

  if (profile_id == NULL && second != NULL && second->matched == best->matched &&
      second->confidence == best->confidence)
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
  g_free (import->values);
  g_free (import->cells);
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
  g_autoptr(GError) error = NULL;
  g_autofree char *issues = NULL;
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  KefuImportKind kind;
  Import import = { 0 };
  KefuBatchInfo info = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  if (!hash_file (path, &facts->sha256, &facts->file_size, &error))
    return refuse (g_steal_pointer (&result), error->message);

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
    return g_steal_pointer (&result);

  kind = kefu_profile_get_kind (match->profile);
  facts->sheet = g_strdup (kefu_table_reader_get_sheet_name (reader, match->sheet));
  facts->profile_id = g_strdup (kefu_profile_get_id (match->profile));
  facts->profile_name = g_strdup (kefu_profile_get_name (match->profile));
  facts->platform = g_strdup (kefu_profile_get_platform (match->profile));
  facts->kind = g_strdup (kefu_profile_get_kind_name (match->profile));
  facts->confidence = match->confidence;
  facts->header_row = match->header_row;
  facts->unmatched = kefu_import_match_unmatched (match);

  if (kind == KEFU_IMPORT_KIND_AGENT_TABLE && kefu_import_match_column (match, "agent") < 0)
    return refuse (g_steal_pointer (&result),
                   _("The import profile describes a per-agent table but names no agent column."));

  if (kind == KEFU_IMPORT_KIND_REVIEWS)
    {
      g_autofree char *message = g_strdup_printf (_("Recognised as “%s”, but this version of Kefu "
                                                    "cannot store %s files yet."),
                                                  facts->profile_name, facts->kind);
      return refuse (g_steal_pointer (&result), message);
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
      return refuse (g_steal_pointer (&result),
                     _("The file says no period: it has no date column and its name carries "
                       "no date. Give the period (kefu-cli import --date YYYY-MM-DD or "
                       "--period FROM..TO)."));
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

  import.batch_id = kefu_store_find_batch (store, import.shop_id, facts->sha256, &error);
  if (import.batch_id != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Already imported as batch %ld; nothing changed."),
                                                  (long) import.batch_id);
      kefu_store_rollback (store);
      kefu_import_result_set_outcome (result, KEFU_IMPORT_ALREADY_IMPORTED, import.batch_id, message);
      import_clear (&import);
      return g_steal_pointer (&result);
    }
  if (error != NULL)
    goto failed;

  info.shop_id = import.shop_id;
  info.file_name = display;
  info.file_size = facts->file_size;
  info.sha256 = facts->sha256;
  info.profile = facts->profile_id;
  info.platform = facts->platform;
  info.kind = facts->kind;
  import.batch_id = kefu_store_add_batch (store, &info, &error);

  if (import.batch_id == 0 || !import_rows (&import, reader, &error))
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
          else if (!import_rows (&import, reader, &error))
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
      kefu_store_rollback (store);
      import_clear (&import);
      return refuse (g_steal_pointer (&result),
                     _("No row of the file could be imported; the problems below say why."));
    }

  /* Events without any time (orders not yet paid, in a Pinduoduo list)
   * cover no day. */
  if (g_date_valid (&import.seen_from))
    {
      facts->period_start = format_date (&import.seen_from);
      facts->period_end = format_date (&import.seen_to);
    }
  issues = kefu_import_result_problems_to_json (result);
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
