/* kefu-workbook-summary.c — the Summary sheet (考核汇总)
 *
 * One row per agent, in the report's order: rank, agent, then for each
 * item its value, points and weighted points, then the total and whether
 * it is complete. Everything after the value is a formula, with Kefu's
 * own result cached beside it (kefu-workbook-formulas.c), so the sheet is
 * right before Excel recalculates and stays right when a value, a weight
 * or a bracket is edited. To the right of the printed table, helper
 * columns show two steps of the computation per item; they are not
 * printed.
 *
 * Above the agents: the shop, the period, the scheme, the generation
 * time, and three heading rows (item labels, their live weights, column
 * names) repeated on every printed page. Below them: sums (for totals
 * such as counts and money), the agents' average, and the shop's own
 * figure. Frozen panes, an autofilter, a 3-colour scale on the totals,
 * fills for high and low points and for errors; landscape A4, one page
 * wide, with signature lines and page numbers in the footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"
#include "scoring/kefu-precision.h"

#define HEADER_ROW 7       /* item labels; then weights, then column names */
#define FIRST_AGENT_ROW SUMMARY_FIRST_AGENT_ROW

static void
summary_clear (KefuWorkbookSummary *s)
{
  for (guint i = 0; s->items != NULL && i < s->ctx->n_items; i++)
    {
      KefuWorkbookColumns *c = &s->items[i];

      g_free (c->lower); g_free (c->lower_in); g_free (c->upper); g_free (c->upper_in);
      g_free (c->pts); g_free (c->pts_high); g_free (c->weight);
    }
  g_clear_pointer (&s->items, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuWorkbookSummary, summary_clear)

/* A workbook-wide name for a range of the item's table on the Scheme
 * sheet, "Item1_Lower" for '方案'!$B$17:$B$23: the formulas read as what
 * they use, and stay short. */
static char *
define_range (KefuWorkbookContext    *ctx,
              guint                   index,
              const char             *what,
              const KefuWorkbookItem *layout,
              guint                   col)
{
  g_autofree char *range = _kefu_workbook_range (layout->first_row, col,
                                                 layout->first_row + layout->n_rows - 1, col);
  g_autofree char *formula = g_strconcat ("=", ctx->scheme_ref, range, NULL);
  char *name = g_strdup_printf ("Item%u_%s", index + 1, what);

  workbook_define_name (ctx->xlsx, name, formula);
  return name;
}

static void
summary_layout (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  guint n = ctx->n_items;

  s->items = g_new0 (KefuWorkbookColumns, MAX (n, 1));
  s->n_agents = ctx->agents->len;
  for (guint i = 0; i < n; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      const KefuWorkbookItem *layout = &ctx->items[i];
      KefuWorkbookColumns *c = &s->items[i];
      g_autofree char *weight = _kefu_workbook_cell (layout->weight_row, SCHEME_COL_WEIGHT, TRUE);
      g_autofree char *weight_ref = g_strconcat ("=", ctx->scheme_ref, weight, NULL);

      c->value = 2 + 3 * i;
      c->points = c->value + 1;
      c->weighted = c->value + 2;
      c->weight = g_strdup_printf ("Item%u_Weight", i + 1);
      workbook_define_name (ctx->xlsx, c->weight, weight_ref);
      if (layout->n_rows > 0)
        {
          c->lower = define_range (ctx, i, "Lower", layout, SCHEME_COL_LOWER);
          c->lower_in = define_range (ctx, i, "LowerIn", layout, SCHEME_COL_LOWER_IN);
          c->upper = define_range (ctx, i, "Upper", layout, SCHEME_COL_UPPER);
          c->upper_in = define_range (ctx, i, "UpperIn", layout, SCHEME_COL_UPPER_IN);
          c->pts = define_range (ctx, i, "Points", layout, SCHEME_COL_POINTS);
          c->pts_high = define_range (ctx, i, "PointsHigh", layout, SCHEME_COL_POINTS_HIGH);
        }
      if (kefu_scheme_item_get_missing_policy (item) == KEFU_MISSING_POLICY_EXCLUDE)
        s->has_exclude = TRUE;
    }

  s->total = 2 + 3 * n;
  s->complete = s->total + 1;
  s->helpers = s->complete + 2;     /* one empty column between */
  for (guint i = 0; i < n; i++)
    {
      s->items[i].rounded = s->helpers + 2 * i;
      s->items[i].row = s->helpers + 2 * i + 1;
    }
  s->factor = s->helpers + 2 * n;
  s->rank_key = s->factor + (s->has_exclude ? 1 : 0);
  s->last = s->rank_key;

  ctx->summary_header_row = HEADER_ROW;
  ctx->summary_first_row = FIRST_AGENT_ROW;
  ctx->summary_total_col = s->total;
}

static void
write_header (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  KefuWorkbookFormats *f = &ctx->formats;
  guint row;

  /* Row 1: item labels (and the helpers' title). In constant-memory
   * mode rows go strictly in order: a row's height before its cells. */
  row = HEADER_ROW;
  worksheet_set_row (sheet, row, 16 * s->label_lines, NULL);
  for (guint c = 0; c < 2; c++)
    worksheet_write_blank (sheet, row, c, f->header);
  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      g_autofree char *label = _kefu_workbook_safe_text (_kefu_workbook_item_label (ctx, item));

      worksheet_merge_range (sheet, row, s->items[i].value, row, s->items[i].weighted, "", f->header);
      worksheet_write_string (sheet, row, s->items[i].value, label, f->header);
    }
  worksheet_write_blank (sheet, row, s->total, f->header);
  worksheet_write_blank (sheet, row, s->complete, f->header);
  worksheet_merge_range (sheet, row, s->helpers, row, s->last,
                         TR (ctx, N_("How the points are computed (not printed)")), f->helper_header);

  /* Row 2: weights, read live from the Scheme sheet. */
  row++;
  for (guint c = 0; c < 2; c++)
    worksheet_write_blank (sheet, row, c, f->header);
  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      g_autofree char *formula = g_strconcat ("=", s->items[i].weight, NULL);
      g_autofree char *label = _kefu_workbook_safe_text (_kefu_workbook_item_label (ctx, item));

      worksheet_merge_range (sheet, row, s->items[i].value, row, s->items[i].weighted, "", f->header_weight);
      worksheet_write_formula_num (sheet, row, s->items[i].value, formula, f->header_weight,
                                   kefu_scheme_item_get_weight (item));
      worksheet_merge_range (sheet, row, s->items[i].rounded, row, s->items[i].row, "", f->helper_header);
      worksheet_write_string (sheet, row, s->items[i].rounded, label, f->helper_header);
    }
  worksheet_write_blank (sheet, row, s->total, f->header);
  worksheet_write_blank (sheet, row, s->complete, f->header);

  /* Row 3: column names; the autofilter's row. */
  row++;
  worksheet_write_string (sheet, row, 0, TR (ctx, N_("Rank")), f->header);
  worksheet_write_string (sheet, row, 1, TR (ctx, N_("Agent")), f->header);
  for (guint i = 0; i < ctx->n_items; i++)
    {
      worksheet_write_string (sheet, row, s->items[i].value, TR (ctx, N_("Value")), f->header);
      worksheet_write_string (sheet, row, s->items[i].points, TR (ctx, N_("Points")), f->header);
      worksheet_write_string (sheet, row, s->items[i].weighted, TR (ctx, N_("Weighted")), f->header);
      worksheet_write_string (sheet, row, s->items[i].rounded, TR (ctx, N_("Value compared")), f->helper_header);
      worksheet_write_string (sheet, row, s->items[i].row, TR (ctx, N_("Row (0: none)")), f->helper_header);
    }
  worksheet_write_string (sheet, row, s->total, TR (ctx, N_("Total")), f->header);
  worksheet_write_string (sheet, row, s->complete, TR (ctx, N_("Complete")), f->header);
  if (s->has_exclude)
    worksheet_write_string (sheet, row, s->factor, TR (ctx, N_("Weight factor")), f->helper_header);
  worksheet_write_string (sheet, row, s->rank_key, TR (ctx, N_("Ranked total")), f->helper_header);
}

static void
write_statistics (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  KefuWorkbookFormats *f = &ctx->formats;
  KefuMetricTable *period = _kefu_workbook_get_period (ctx->workbook);
  guint last_agent = FIRST_AGENT_ROW + s->n_agents - 1;
  guint row = FIRST_AGENT_ROW + s->n_agents + 1;
  gboolean any_sum = FALSE;

  if (s->n_agents == 0)
    return;

  /* Sums, where adding up makes sense: counts, money, days. */
  for (guint i = 0; i < ctx->n_items; i++)
    {
      const KefuMetricInfo *info = kefu_scheme_item_get_metric (kefu_scheme_get_item (ctx->scheme, i));

      any_sum |= info != NULL && info->aggregate == KEFU_AGGREGATE_TOTAL &&
                 kefu_scheme_item_get_kind (kefu_scheme_get_item (ctx->scheme, i)) == KEFU_ITEM_KIND_METRIC;
    }
  if (any_sum)
    {
      worksheet_write_string (sheet, row, 1, TR (ctx, N_("Sum")), f->text_bold);
      for (guint i = 0; i < ctx->n_items; i++)
        {
          KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
          const KefuMetricInfo *info = kefu_scheme_item_get_metric (item);
          g_autofree char *range = NULL;
          g_autofree char *formula = NULL;
          double sum = 0;

          if (info == NULL || info->aggregate != KEFU_AGGREGATE_TOTAL ||
              kefu_scheme_item_get_kind (item) != KEFU_ITEM_KIND_METRIC)
            continue;
          for (guint a = 0; a < s->n_agents; a++)
            {
              g_autoptr(KefuItemScore) score =
                g_list_model_get_item (kefu_agent_score_get_items (g_ptr_array_index (ctx->agents, a)), i);

              if (isfinite (kefu_item_score_get_value (score)))
                sum += kefu_item_score_get_value (score);
            }
          range = _kefu_workbook_range (FIRST_AGENT_ROW, s->items[i].value, last_agent, s->items[i].value);
          formula = g_strdup_printf ("=SUM(%s)", range);
          worksheet_write_formula_num (sheet, row, s->items[i].value, formula,
                                       f->value[kefu_scheme_item_get_unit (item)], sum);
        }
      row++;
    }

  /* The agents' average of every number (not the shop's own rate). */
  worksheet_write_string (sheet, row, 1, TR (ctx, N_("Agents’ average")), f->text_bold);
  for (guint i = 0; i <= ctx->n_items; i++)
    for (guint part = 0; part < (i < ctx->n_items ? 3 : 1); part++)
      {
        KefuUnit unit = i < ctx->n_items ? kefu_scheme_item_get_unit (kefu_scheme_get_item (ctx->scheme, i)) : 0;
        guint col = i < ctx->n_items ? s->items[i].value + part : s->total;
        lxw_format *format = i == ctx->n_items ? f->total
                             : part == 0 ? f->value[unit] : part == 1 ? f->weighted : f->weighted;
        g_autofree char *range = _kefu_workbook_range (FIRST_AGENT_ROW, col, last_agent, col);
        g_autofree char *formula = g_strdup_printf ("{=AVERAGE(IF(ISNUMBER(%1$s),%1$s))}", range);
        double sum = 0;
        guint n = 0;

        for (guint a = 0; a < s->n_agents; a++)
          {
            KefuAgentScore *agent = g_ptr_array_index (ctx->agents, a);
            g_autoptr(KefuItemScore) score = i < ctx->n_items
                                             ? g_list_model_get_item (kefu_agent_score_get_items (agent), i) : NULL;
            double x = score == NULL ? kefu_agent_score_get_total (agent)
                       : part == 0 ? kefu_item_score_get_value (score)
                       : part == 1 ? kefu_item_score_get_points (score)
                       : isfinite (kefu_item_score_get_points (score)) ? kefu_item_score_get_weighted (score) : NAN;

            if (isfinite (x))
              {
                sum += x;
                n++;
              }
          }
        if (n > 0)
          worksheet_write_array_formula_num (sheet, row, col, row, col, formula, format, sum / n);
        else
          worksheet_write_string (sheet, row, col, "—", f->missing);
      }
  row++;

  /* The shop's own figure for the period (METRICS.md §2: the shop row). */
  if (period != NULL && kefu_metric_table_find_agent (period, 0) >= 0)
    {
      int shop = kefu_metric_table_find_agent (period, 0);

      worksheet_write_string (sheet, row, 1, TR (ctx, N_("Whole shop")), f->text_bold);
      for (guint i = 0; i < ctx->n_items; i++)
        {
          KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
          const KefuMetricValue *value = kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_METRIC
                                         ? kefu_metric_table_get (period, shop, kefu_scheme_item_get_key (item))
                                         : NULL;

          if (value != NULL)
            _kefu_workbook_write_value (ctx, sheet, row, s->items[i].value, kefu_scheme_item_get_unit (item),
                                        value->missing == KEFU_METRIC_MISSING_NONE ? value->value : NAN,
                                        value->estimated);
        }
      row++;
    }

  row++;
  worksheet_write_string (sheet, row, 1,
                          TR (ctx, N_("≈ estimated value · — no value · #N/A: the value falls into no row "
                                      "of the item’s table on the scheme sheet · incomplete totals are not "
                                      "ranked")),
                          f->note);
}

static void
add_conditional_formats (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  KefuWorkbookFormats *f = &ctx->formats;
  guint first = FIRST_AGENT_ROW, last = FIRST_AGENT_ROW + s->n_agents - 1;
  lxw_conditional_format scale = {
    .type = LXW_CONDITIONAL_3_COLOR_SCALE,
    .min_color = 0xF8696B, .mid_color = 0xFFEB84, .max_color = 0x63BE7B,
  };
  lxw_conditional_format incomplete = {
    .type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
    .value = 0, .format = f->incomplete,
  };

  if (s->n_agents == 0)
    return;

  worksheet_conditional_format_range (sheet, first, s->total, last, s->total, &scale);
  worksheet_conditional_format_range (sheet, first, s->complete, last, s->complete, &incomplete);

  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuWorkbookColumns *c = &s->items[i];
      lxw_conditional_format error = { .type = LXW_CONDITIONAL_TYPE_ERRORS, .format = f->error };
      lxw_conditional_format good = {
        .type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
        .value = 90, .format = f->good,
      };
      lxw_conditional_format poor = {
        .type = LXW_CONDITIONAL_TYPE_CELL, .criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN,
        .value = 60, .format = f->poor,
      };

      worksheet_conditional_format_range (sheet, first, c->points, last, c->weighted, &error);
      worksheet_conditional_format_range (sheet, first, c->points, last, c->points, &good);
      worksheet_conditional_format_range (sheet, first, c->points, last, c->points, &poor);
    }
}

static void
set_widths (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  double agent = _kefu_workbook_text_width (TR (ctx, N_("Agents’ average")));
  double tall = 1;

  for (guint a = 0; a < s->n_agents; a++)
    agent = MAX (agent, _kefu_workbook_text_width (
                          kefu_agent_score_get_agent_name (g_ptr_array_index (ctx->agents, a))));

  worksheet_set_column (sheet, 0, 0, MAX (6, _kefu_workbook_text_width (TR (ctx, N_("Rank")))), NULL);
  worksheet_set_column (sheet, 1, 1, CLAMP (agent, 10, 36), NULL);
  for (guint i = 0; i < ctx->n_items; i++)
    {
      const char *label = _kefu_workbook_item_label (ctx, kefu_scheme_get_item (ctx->scheme, i));
      double width = _kefu_workbook_text_width (label);
      double value = MAX (11, _kefu_workbook_text_width (TR (ctx, N_("Value"))));
      double points = MAX (8, _kefu_workbook_text_width (TR (ctx, N_("Points"))));
      double weighted = MAX (9, _kefu_workbook_text_width (TR (ctx, N_("Weighted"))));

      tall = MAX (tall, ceil (width / (value + points + weighted)));
      worksheet_set_column (sheet, s->items[i].value, s->items[i].value, value, NULL);
      worksheet_set_column (sheet, s->items[i].points, s->items[i].points, points, NULL);
      worksheet_set_column (sheet, s->items[i].weighted, s->items[i].weighted, weighted, NULL);
    }
  worksheet_set_column (sheet, s->total, s->total, MAX (9, _kefu_workbook_text_width (TR (ctx, N_("Total")))), NULL);
  worksheet_set_column (sheet, s->complete, s->complete,
                        MAX (_kefu_workbook_text_width (TR (ctx, N_("incomplete"))),
                             _kefu_workbook_text_width (TR (ctx, N_("Complete")))), NULL);
  worksheet_set_column (sheet, s->complete + 1, s->complete + 1, 3, NULL);
  worksheet_set_column (sheet, s->helpers, s->last, 11, NULL);
  s->label_lines = MIN (tall, 4);
}

static void
set_print (KefuWorkbookSummary *s)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  const char *shop = _kefu_workbook_get_shop_name (ctx->workbook);
  g_autofree char *valid = g_utf8_make_valid (shop != NULL ? shop : "", -1);
  g_autofree char *short_shop = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));
  g_autofree char *shop_text = _kefu_workbook_escape_header (short_shop);
  g_autofree char *period = _kefu_workbook_period_text (ctx);
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.7, 0.9);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW + 2);
  worksheet_print_area (sheet, 0, 0, FIRST_AGENT_ROW + s->n_agents + 5, s->complete);

  header = g_strdup_printf ("&L%s&C&\"-,Bold\"%s&R%s", shop_text,
                            TR (ctx, N_("Customer service appraisal")), period);
  footer = g_strdup_printf ("&L%s&C%s&R%s    %s",
                            /* Translators: a signature line in the printed footer, for
                             * the appraiser (考核人) */
                            TR (ctx, N_("Appraiser: ______________")),
                            /* Translators: the page number in the printed footer: keep
                             * &P (this page) and &N (the number of pages) */
                            TR (ctx, N_("Page &P of &N")),
                            /* Translators: a signature line in the printed footer, for
                             * the appraisee (被考核人) */
                            TR (ctx, N_("Appraisee: ______________")),
                            /* Translators: the date line beside the signatures */
                            TR (ctx, N_("Date: ____________")));
  worksheet_set_header (sheet, header);
  worksheet_set_footer (sheet, footer);
}

/**
 * _kefu_workbook_write_summary:
 *
 * Writes the Summary sheet.
 */
gboolean
_kefu_workbook_write_summary (KefuWorkbookContext  *ctx,
                              GError              **error)
{
  g_auto(KefuWorkbookSummary) s = { ctx };
  lxw_worksheet *sheet = ctx->summary;
  KefuWorkbookFormats *f = &ctx->formats;
  const char *shop = _kefu_workbook_get_shop_name (ctx->workbook);
  GDateTime *created = kefu_workbook_get_created (ctx->workbook);
  g_autoptr(GDateTime) now = created ? g_date_time_ref (created) : g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *period = _kefu_workbook_period_text (ctx);
  g_autofree char *line = NULL;

  summary_layout (&s);
  set_widths (&s);

  worksheet_write_string (sheet, 0, 0, TR (ctx, N_("Customer service appraisal")), f->title);
  /* Translators: the heading lines of the workbook's summary */
  line = g_strdup_printf (TR (ctx, N_("Shop: %s")), shop ? shop : "—");
  _kefu_workbook_write_text (ctx, sheet, 1, 0, line, f->info);
  g_free (line);
  line = g_strdup_printf (TR (ctx, N_("Period: %s")), period);
  _kefu_workbook_write_text (ctx, sheet, 2, 0, line, f->info);
  g_free (line);
  line = g_strdup_printf (TR (ctx, N_("Scheme: %s")), kefu_scheme_get_name (ctx->scheme));
  _kefu_workbook_write_text (ctx, sheet, 3, 0, line, f->info);
  g_free (line);
  line = g_strdup_printf (TR (ctx, N_("Generated: %s")), when);
  _kefu_workbook_write_text (ctx, sheet, 4, 0, line, f->info);
  worksheet_write_string (sheet, 5, 0,
                          TR (ctx, N_("Points, weighted points, totals and ranks are formulas over the "
                                      "bracket tables of the scheme sheet: edit a value there or here "
                                      "and they follow.")),
                          f->note);

  write_header (&s);
  for (guint a = 0; a < s.n_agents; a++)
    {
      if (a % 64 == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      _kefu_workbook_write_agent (&s, a, g_ptr_array_index (ctx->agents, a));
    }
  write_statistics (&s);
  add_conditional_formats (&s);

  worksheet_freeze_panes (sheet, FIRST_AGENT_ROW, 2);
  if (s.n_agents > 0)
    worksheet_autofilter (sheet, HEADER_ROW + 2, 0, FIRST_AGENT_ROW + s.n_agents - 1, s.complete);
  set_print (&s);
  worksheet_activate (sheet);
  return TRUE;
}
