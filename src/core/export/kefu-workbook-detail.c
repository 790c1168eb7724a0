/* kefu-workbook-detail.c — the Details sheet (明细)
 *
 * One long sheet rather than a sheet per agent: a shop of 200 agents would
 * otherwise get 200 tabs, while one table can be filtered by agent (the
 * autofilter on its first column), sorted, pivoted and printed with its
 * heading on every page — and it is written row by row, in constant
 * memory. The whole shop comes first (its daily rows feed the trend
 * charts), then each agent in the Summary's order. A block is:
 *
 *   one row per day       each metric of the scheme, as kefu_metric_query()
 *                         gives it by agent and day (≈ when estimated)
 *   period                the value the Summary scored
 *   numerator, denominator  Σ sum and Σ count it was divided from
 *   estimated             “yes” when a numerator was rebuilt from a rate
 *   source files          the imported files it came from
 *   account               the agent's whole account, when not its name
 *   why missing           for values that are not there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"

#define FIRST_COL 2
#define HEADER_ROW 4

static const char *
missing_text (KefuWorkbookContext *ctx,
              KefuMetricMissing    missing)
{
  /* The same messages as kefu_metric_missing_describe (), in the
   * workbook's language. */
  switch (missing)
    {
    case KEFU_METRIC_MISSING_NO_DATA:
      return TR (ctx, N_("no imported data for this period"));
    case KEFU_METRIC_MISSING_ZERO_DENOMINATOR:
      return TR (ctx, N_("nothing to divide by in this period (for example no inquiries)"));
    case KEFU_METRIC_MISSING_NO_SHOP_FIGURE:
      return TR (ctx, N_("the shop’s own figure for the period is missing"));
    case KEFU_METRIC_MISSING_PARTIAL_PERIOD:
      return TR (ctx, N_("the imported figures cover days outside this period and cannot be split"));
    case KEFU_METRIC_MISSING_NONE:
    default:
      return "";
    }
}

/* The rows of each agent in a table: agent id → GArray of row numbers. */
static GHashTable *
index_rows (KefuMetricTable *table)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_array_unref);

  for (guint row = 0; table != NULL && row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, row);
      GArray *list = g_hash_table_lookup (rows, &key->agent_id);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (rows, g_memdup2 (&key->agent_id, sizeof key->agent_id), list);
        }
      g_array_append_val (list, row);
    }
  return rows;
}

static KefuUnit
key_unit (const char *key)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);

  return info != NULL ? info->unit : KEFU_UNIT_RATIO;
}

static gboolean
any_daily_value (KefuWorkbookContext *ctx,
                 KefuMetricTable     *daily,
                 GArray              *days)
{
  for (guint d = 0; d < days->len; d++)
    for (guint k = 0; k < ctx->detail_keys->len; k++)
      {
        const KefuMetricValue *value = kefu_metric_table_get (daily, g_array_index (days, guint, d),
                                                              g_ptr_array_index (ctx->detail_keys, k));

        if (value != NULL && value->missing == KEFU_METRIC_MISSING_NONE)
          return TRUE;
      }
  return FALSE;
}

/* The block's agent, on each of its rows: @safe_name is the name as
 * _kefu_workbook_safe_text() makes it, once for the block. */
static void
write_name (KefuWorkbookContext *ctx,
            guint                row,
            const char          *safe_name)
{
  if (*safe_name == '\0')
    worksheet_write_blank (ctx->detail, row, 0, ctx->formats.text);
  else
    worksheet_write_string (ctx->detail, row, 0, safe_name, ctx->formats.text);
}

static void
write_label (KefuWorkbookContext *ctx,
             guint                row,
             const char          *safe_name,
             const char          *label)
{
  write_name (ctx, row, safe_name);
  worksheet_write_string (ctx->detail, row, 1, label, ctx->formats.text_bold);
}

/* A block of one agent (or the shop, @agent_id 0, without @score and
 * @items: the agent's item score of each column, or NULL); returns the
 * next row. */
static guint
write_block (KefuWorkbookContext *ctx,
             guint                row,
             gint64               agent_id,
             const char          *name,
             KefuAgentScore      *score,
             KefuItemScore      **items,
             GHashTable          *daily_rows,
             GHashTable          *period_rows)
{
  lxw_worksheet *sheet = ctx->detail;
  KefuWorkbookFormats *f = &ctx->formats;
  KefuMetricTable *daily = _kefu_workbook_get_daily (ctx->workbook);
  KefuMetricTable *period = _kefu_workbook_get_period (ctx->workbook);
  GArray *days = g_hash_table_lookup (daily_rows, &agent_id);
  GArray *own = g_hash_table_lookup (period_rows, &agent_id);
  int period_row = own != NULL && own->len > 0 ? (int) g_array_index (own, guint, 0) : -1;
  guint n_keys = ctx->detail_keys->len;
  g_autofree const KefuMetricValue **values = g_new0 (const KefuMetricValue *, MAX (n_keys, 1));
  g_autofree KefuUnit *units = g_new0 (KefuUnit, MAX (n_keys, 1));
  g_autofree char *safe_name = _kefu_workbook_safe_text (name);
  gboolean any_missing = FALSE;

  for (guint k = 0; k < n_keys; k++)
    units[k] = key_unit (g_ptr_array_index (ctx->detail_keys, k));

  /* Figures for the whole period only (a monthly export): no day rows. */
  if (days != NULL && !any_daily_value (ctx, daily, days))
    days = NULL;

  if (agent_id == 0)
    {
      ctx->detail_shop_first_row = row;
      ctx->detail_shop_n_days = days != NULL ? days->len : 0;
    }

  for (guint d = 0; days != NULL && d < days->len; d++, row++)
    {
      guint r = g_array_index (days, guint, d);
      const KefuMetricRowKey *key = kefu_metric_table_get_row (daily, r);
      lxw_datetime date = { 0 };

      write_name (ctx, row, safe_name);
      if (g_date_valid (&key->day))
        {
          date.year = g_date_get_year (&key->day);
          date.month = g_date_get_month (&key->day);
          date.day = g_date_get_day (&key->day);
          worksheet_write_datetime (sheet, row, 1, &date, f->date);
        }
      for (guint k = 0; k < n_keys; k++)
        {
          const char *metric = g_ptr_array_index (ctx->detail_keys, k);
          const KefuMetricValue *value = kefu_metric_table_get (daily, r, metric);

          /* A day without a value stays empty: the trend charts leave a
           * gap there, where a text would be drawn as 0. */
          if (value != NULL && value->missing == KEFU_METRIC_MISSING_NONE && isfinite (value->value))
            _kefu_workbook_write_value (ctx, sheet, row, FIRST_COL + k, units[k],
                                        value->value, value->estimated);
          else
            worksheet_write_blank (sheet, row, FIRST_COL + k, f->missing);
        }
    }

  /* The period: the values scored, and how they came about. */
  for (guint k = 0; k < n_keys; k++)
    values[k] = period_row >= 0 && period != NULL
                ? kefu_metric_table_get (period, period_row, g_ptr_array_index (ctx->detail_keys, k))
                : NULL;

  write_label (ctx, row, safe_name, TR (ctx, N_("Period")));
  for (guint k = 0; k < n_keys; k++)
    {
      double value = NAN;
      gboolean estimated = FALSE;

      if (values[k] != NULL)
        {
          value = values[k]->missing == KEFU_METRIC_MISSING_NONE ? values[k]->value : NAN;
          estimated = values[k]->estimated;
          any_missing |= values[k]->missing != KEFU_METRIC_MISSING_NONE;
        }
      else if (items != NULL && items[k] != NULL)
        {
          value = kefu_item_score_get_value (items[k]);
          estimated = kefu_item_score_get_estimated (items[k]);
        }
      _kefu_workbook_write_value (ctx, sheet, row, FIRST_COL + k, units[k], value, estimated);
    }
  row++;

  for (guint part = 0; part < 2; part++, row++)
    {
      write_label (ctx, row, safe_name, part == 0 ? TR (ctx, N_("Numerator")) : TR (ctx, N_("Denominator")));
      for (guint k = 0; k < n_keys; k++)
        {
          double number = NAN;

          if (values[k] != NULL)
            number = part == 0 ? values[k]->numerator : values[k]->denominator;
          else if (items != NULL && items[k] != NULL)
            number = part == 0 ? kefu_item_score_get_numerator (items[k])
                               : kefu_item_score_get_denominator (items[k]);
          if (isfinite (number))
            worksheet_write_number (sheet, row, FIRST_COL + k, number, f->number);
          else
            worksheet_write_string (sheet, row, FIRST_COL + k, "—", f->missing);
        }
    }

  write_label (ctx, row, safe_name, TR (ctx, N_("Estimated")));
  for (guint k = 0; k < n_keys; k++)
    {
      gboolean estimated = values[k] != NULL && values[k]->estimated;

      worksheet_write_string (sheet, row, FIRST_COL + k, estimated ? TR (ctx, N_("yes (≈)")) : "", f->center);
    }
  row++;

  write_label (ctx, row, safe_name, TR (ctx, N_("Source files")));
  for (guint k = 0; k < n_keys; k++)
    {
      g_autoptr(GString) files = g_string_new (NULL);

      for (guint b = 0; values[k] != NULL && values[k]->batches != NULL && b < values[k]->batches->len; b++)
        {
          const char *file = _kefu_workbook_get_batch_name (ctx->workbook,
                                                            g_array_index (values[k]->batches, gint64, b));

          if (file == NULL)
            continue;
          if (files->len > 0)
            g_string_append (files, "; ");
          g_string_append (files, file);
        }
      _kefu_workbook_write_text (ctx, sheet, row, FIRST_COL + k, files->str, f->text_wrap);
    }
  row++;

  /* An account such as “店铺:小王” is shown by its name, 小王: the whole
   * account, as imported, says which one it is. */
  if (score != NULL && kefu_agent_score_get_agent_account (score) != NULL &&
      g_strcmp0 (kefu_agent_score_get_agent_account (score), name) != 0)
    {
      write_label (ctx, row, safe_name, TR (ctx, N_("Account")));
      _kefu_workbook_write_text (ctx, sheet, row, FIRST_COL, kefu_agent_score_get_agent_account (score),
                                 f->text);
      row++;
    }

  if (any_missing)
    {
      write_label (ctx, row, safe_name, TR (ctx, N_("Why missing")));
      for (guint k = 0; k < n_keys; k++)
        worksheet_write_string (sheet, row, FIRST_COL + k,
                                values[k] != NULL ? missing_text (ctx, values[k]->missing) : "",
                                f->text_wrap);
      row++;
    }

  return row;
}

/**
 * _kefu_workbook_layout_detail:
 *
 * Sets the Details sheet's columns, the scheme's metrics once each, and
 * finds each agent's item score of each column. The sheets are then
 * written from two threads (kefu-workbook-write.c), and a GListStore
 * remembers the last position asked for: the scheme's and the scores'
 * lists are read here, before, so that the Details sheet does not read
 * them beside the Summary.
 */
void
_kefu_workbook_layout_detail (KefuWorkbookContext *ctx)
{
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);   /* key → column + 1 */
  guint n_keys;

  ctx->detail_keys = g_ptr_array_new ();
  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      const char *key = kefu_scheme_item_get_key (item);

      if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_METRIC && key != NULL &&
          kefu_metric_lookup (key) != NULL && !g_hash_table_contains (columns, key))
        {
          g_ptr_array_add (ctx->detail_keys, (gpointer) key);
          g_hash_table_insert (columns, (gpointer) key, GUINT_TO_POINTER (ctx->detail_keys->len));
        }
    }
  ctx->detail_first_col = FIRST_COL;

  n_keys = ctx->detail_keys->len;
  ctx->detail_scores = g_new0 (KefuItemScore *, MAX (ctx->agents->len * n_keys, 1));
  for (guint a = 0; a < ctx->agents->len; a++)
    {
      GListModel *items = kefu_agent_score_get_items (g_ptr_array_index (ctx->agents, a));
      KefuItemScore **scores = ctx->detail_scores + (gsize) a * n_keys;

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(KefuItemScore) item = g_list_model_get_item (items, i);
          const char *key = kefu_item_score_get_key (item);
          guint column = key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (columns, key)) : 0;

          /* The first item of the key, as kefu_agent_score_find_item()
           * finds it; the scores keep their items. */
          if (column > 0 && scores[column - 1] == NULL)
            scores[column - 1] = item;
        }
    }
}

/**
 * _kefu_workbook_write_detail:
 *
 * Writes the Details sheet as _kefu_workbook_layout_detail() laid it out.
 */
gboolean
_kefu_workbook_write_detail (KefuWorkbookContext  *ctx,
                             GError              **error)
{
  lxw_worksheet *sheet = ctx->detail;
  KefuWorkbookFormats *f = &ctx->formats;
  KefuMetricTable *period = _kefu_workbook_get_period (ctx->workbook);
  g_autoptr(GHashTable) daily_rows = index_rows (_kefu_workbook_get_daily (ctx->workbook));
  g_autoptr(GHashTable) period_rows = index_rows (period);
  g_autofree char *period_text = _kefu_workbook_period_text (ctx);
  g_autofree char *title = NULL;
  double agent_width = _kefu_workbook_text_width (TR (ctx, N_("Whole shop")));
  guint row;

  /* Translators: the title of the workbook's Details sheet, with its period */
  title = g_strdup_printf (TR (ctx, N_("Daily values, %s")), period_text);
  worksheet_write_string (sheet, 0, 0, title, f->title);
  worksheet_write_string (sheet, 1, 0,
                          TR (ctx, N_("Each agent: a row per day, then the period’s value, the "
                                      "numerator and denominator it was divided from, whether it was "
                                      "estimated (≈) and the imported files it came from. An empty day "
                                      "has no value; without days, the files covered the whole period.")),
                          f->note);

  worksheet_write_string (sheet, HEADER_ROW, 0, TR (ctx, N_("Agent")), f->header);
  worksheet_write_string (sheet, HEADER_ROW, 1, TR (ctx, N_("Day")), f->header);
  for (guint k = 0; k < ctx->detail_keys->len; k++)
    {
      const char *key = g_ptr_array_index (ctx->detail_keys, k);
      g_autofree char *heading = g_strdup_printf ("%s\n%s", _kefu_workbook_metric_label (ctx, key),
                                                  _kefu_workbook_unit_name (ctx, key_unit (key)));

      worksheet_write_string (sheet, HEADER_ROW, FIRST_COL + k, heading, f->header);
      worksheet_set_column (sheet, FIRST_COL + k, FIRST_COL + k,
                            CLAMP (_kefu_workbook_text_width (_kefu_workbook_metric_label (ctx, key)), 12, 24),
                            NULL);
    }
  worksheet_set_row (sheet, HEADER_ROW, 32, NULL);

  row = HEADER_ROW + 1;
  if (period != NULL)
    row = write_block (ctx, row, 0, TR (ctx, N_("Whole shop")), NULL, NULL, daily_rows, period_rows);
  for (guint a = 0; a < ctx->agents->len; a++)
    {
      KefuAgentScore *agent = g_ptr_array_index (ctx->agents, a);

      if (a % 16 == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      agent_width = MAX (agent_width, _kefu_workbook_text_width (kefu_agent_score_get_agent_name (agent)));
      row = write_block (ctx, row, kefu_agent_score_get_agent_id (agent),
                         kefu_agent_score_get_agent_name (agent), agent,
                         ctx->detail_scores + (gsize) a * ctx->detail_keys->len, daily_rows, period_rows);
    }

  worksheet_set_column (sheet, 0, 0, CLAMP (agent_width, 10, 30), NULL);
  worksheet_set_column (sheet, 1, 1,
                        MAX (12, _kefu_workbook_text_width (TR (ctx, N_("Denominator")))), NULL);
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, FIRST_COL);
  worksheet_autofilter (sheet, HEADER_ROW, 0, MAX (row, HEADER_ROW + 2) - 1,
                        FIRST_COL + MAX (ctx->detail_keys->len, 1) - 1);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_footer (sheet, "&C&P / &N");
  return TRUE;
}
