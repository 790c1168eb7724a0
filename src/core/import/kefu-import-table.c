/* kefu-import-table.c — per-agent and shop tables into measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "import/kefu-import-private.h"
#include "metrics/kefu-metric.h"

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

/**
 * kefu_import_text_is_summary:
 * @text: (nullable): a cell's text
 *
 * Whether @text labels a summary row (汇总, 平均值, 同行同层均值 …) rather
 * than an agent or a day, as the importer reads it.
 */
gboolean
kefu_import_text_is_summary (const char *text)
{
  return summary_kind (text) != SUMMARY_NONE;
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
          _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, parts[i].column, cell->text,
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
      _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, -1, NULL,
                            _("the row says no period and the file gives none"));
      return FALSE;
    }
  if (g_date_compare (from, to) > 0)
    {
      _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, import->col_end, NULL,
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
            _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row, -1, NULL,
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
  g_autofree char *start = _kefu_import_format_date (from);
  g_autofree char *end = _kefu_import_format_date (to);
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

/* One row per agent and period in a sheet: a second one would add up
 * with the first (the same day counted twice), so it is skipped and
 * listed, naming the first. */
static gboolean
first_row_of_agent (Import        *import,
                    const KefuRow *row,
                    const char    *account,
                    gint64         agent,
                    const GDate   *from,
                    const GDate   *to)
{
  g_autofree char *start = _kefu_import_format_date (from);
  g_autofree char *end = _kefu_import_format_date (to);
  g_autofree char *id = g_strdup_printf ("%ld|%s|%s", (long) agent, start, end);
  g_autofree char *message = NULL;
  guint64 *first = g_hash_table_lookup (import->agent_rows, id);

  if (first == NULL)
    {
      g_hash_table_insert (import->agent_rows, g_steal_pointer (&id),
                           g_memdup2 (&row->number, sizeof row->number));
      return TRUE;
    }

  if (g_str_equal (start, end))
    message = g_strdup_printf (_("a second row for “%s” on %s (the first is row %ld); "
                                 "this one was skipped so that the day is not counted twice"),
                               account, start, (long) *first);
  else
    message = g_strdup_printf (_("a second row for “%s” from %s to %s (the first is row %ld); "
                                 "this one was skipped so that the days are not counted twice"),
                               account, start, end, (long) *first);
  _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, import->col_agent,
                        account, message);
  return FALSE;
}

gboolean
_kefu_import_table_row (Import         *import,
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
      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL, note);
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (!_kefu_import_parse_row (import, row) || !row_period (import, row, &from, &to))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (agent_table && summary == SUMMARY_NONE)
    {
      g_autofree char *account = NULL;

      if (import->values[import->match->fields[import->col_agent]].status != KEFU_VALUE_OK)
        {
          _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, import->col_agent, NULL,
                                _("the row names no agent"));
          import->facts->rows_skipped++;
          return TRUE;
        }
      account = g_strstrip (g_strdup (label_cell->text));
      agent = _kefu_import_agent (import, account, error);
      if (agent == 0)
        return FALSE;
      if (!first_row_of_agent (import, row, account, agent, &from, &to))
        {
          import->facts->rows_skipped++;
          return TRUE;
        }
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
      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL,
                            _("the row has no value Kefu could use"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  _kefu_import_extend_seen (import, &from, &to);
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
gboolean
_kefu_import_dsr_row (Import         *import,
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

  if (!_kefu_import_parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!_kefu_import_require_fields (import, row, required, expected))
    return TRUE;
  if (!row_period (import, row, &from, &to))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  indicator = kefu_header_normalise (_kefu_import_field_text (import, "indicator"));
  for (guint i = 0; i < G_N_ELEMENTS (dsr_names) && measure.key == NULL; i++)
    if (g_str_equal (indicator, dsr_names[i].text))
      measure.key = dsr_names[i].key;
  if (measure.key == NULL)
    {
      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number,
                            kefu_import_match_column (import->match, "indicator"), _kefu_import_field_text (import, "indicator"),
                            _("not a DSR dimension Kefu knows (描述相符, 服务态度, 物流服务); the row was left out"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  start = _kefu_import_format_date (&from);
  end = _kefu_import_format_date (&to);
  measure.batch_id = import->batch_id;
  measure.shop_id = import->shop_id;
  measure.period_start = start;
  measure.period_end = end;
  measure.count = 1;

  score = _kefu_import_field_value (import, "score");
  if (score->status == KEFU_VALUE_OK)
    {
      measure.sum = score->number;
      if (!store_measure (import, &measure, row->number, error))
        return FALSE;
      stored++;
    }

  industry = _kefu_import_field_value (import, "industry");
  if (industry->status == KEFU_VALUE_OK)
    {
      measure.sum = industry->number;
      if (!kefu_store_add_peer_measure (import->store, &measure, "行业均值", error))
        return FALSE;
      stored++;
    }

  if (stored == 0)
    {
      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number, -1, NULL,
                            _("the row has no value Kefu could use"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  _kefu_import_extend_seen (import, &from, &to);
  import->facts->rows_imported++;
  return TRUE;
}
