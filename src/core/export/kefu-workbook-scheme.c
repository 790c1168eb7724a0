/* kefu-workbook-scheme.c — the Scheme sheet (方案)
 *
 * The scheme as a person reads it, and as the Summary's formulas read it:
 * a table of the items with their weights, then each item's bracket table,
 * one row per bracket, written as the inequality it is:
 *
 *     #   lower   ≤/<   x   ≤/<   upper   points   points at upper bound
 *     2   38.00%   ≤    x    <    41.00%    90
 *     7   −∞       <    x    <    25.00%     0
 *
 * An open end is the text −∞ / +∞ (or an empty cell); whether a bound
 * belongs to the row is the number 1 (shown ≤) or 0 (shown <). A linear
 * row has the points at its lower bound under "points" and those at its
 * upper bound beside them. Editing any of these, or a weight, recomputes
 * the Summary. Last come the validator's findings (gaps, overlaps,
 * weights that do not add up to 100 %).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"
#include "scoring/kefu-precision.h"
#include "scoring/kefu-scheme-issue.h"

#define FIRST_ITEM_ROW 6
#define N_COLUMNS 8

/**
 * _kefu_workbook_layout_scheme:
 *
 * Decides the rows of the Scheme sheet, which the Summary's formulas
 * refer to, before any sheet is written.
 */
void
_kefu_workbook_layout_scheme (KefuWorkbookContext *ctx)
{
  guint row;

  ctx->n_items = kefu_scheme_get_n_items (ctx->scheme);
  ctx->items = g_new0 (KefuWorkbookItem, MAX (ctx->n_items, 1));
  ctx->scheme_items_row = FIRST_ITEM_ROW;

  /* The items table, its total, a blank row. */
  row = FIRST_ITEM_ROW + ctx->n_items + 2;
  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);

      ctx->items[i].weight_row = FIRST_ITEM_ROW + i;
      ctx->items[i].n_rows = kefu_scheme_item_get_n_brackets (item);
      /* A title, a heading, the rows, a blank row. */
      ctx->items[i].first_row = row + 2;
      row += 2 + MAX (ctx->items[i].n_rows, 1) + 1;
    }
}

static const char *
missing_policy_text (KefuWorkbookContext *ctx,
                     KefuMissingPolicy    policy)
{
  switch (policy)
    {
    case KEFU_MISSING_POLICY_ZERO:
      return TR (ctx, N_("no value: 0 points"));
    case KEFU_MISSING_POLICY_EXCLUDE:
      return TR (ctx, N_("no value: left out, other weights rescaled"));
    case KEFU_MISSING_POLICY_INCOMPLETE:
    default:
      return TR (ctx, N_("no value: total incomplete"));
    }
}

static const char *
better_text (KefuWorkbookContext *ctx,
             KefuSchemeItem      *item)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (item);

  if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
    return TR (ctx, N_("points given by hand"));
  if (info == NULL)
    return "";
  switch (info->better)
    {
    case KEFU_BETTER_HIGHER: return TR (ctx, N_("↑ higher is better"));
    case KEFU_BETTER_LOWER:  return TR (ctx, N_("↓ lower is better"));
    case KEFU_BETTER_NEITHER:
    default:                 return "—";
    }
}

static const char *
precision_text (KefuWorkbookContext *ctx,
                KefuUnit             unit)
{
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return TR (ctx, N_("0.01 percentage point"));
    case KEFU_UNIT_SECONDS:  return TR (ctx, N_("0.1 second"));
    case KEFU_UNIT_HOURS:    return TR (ctx, N_("0.1 hour"));
    case KEFU_UNIT_YUAN:     return TR (ctx, N_("¥0.01"));
    case KEFU_UNIT_RATIO:    return "0.001";
    case KEFU_UNIT_SCORE:    return "0.01";
    case KEFU_UNIT_COUNT:
    case KEFU_UNIT_DAYS:
    default:                 return TR (ctx, N_("whole numbers"));
    }
}

static void
write_items (KefuWorkbookContext *ctx)
{
  lxw_worksheet *sheet = ctx->scheme_sheet;
  KefuWorkbookFormats *f = &ctx->formats;
  const char *headings[N_COLUMNS] = {
    "#", TR (ctx, N_("Item")), TR (ctx, N_("Weight")), TR (ctx, N_("Unit")),
    TR (ctx, N_("Better")), TR (ctx, N_("Missing values")), TR (ctx, N_("Compared at")),
    TR (ctx, N_("Metric")),
  };
  g_autofree char *sum = NULL;
  double total = kefu_scheme_get_total_weight (ctx->scheme);
  guint row = FIRST_ITEM_ROW - 1;

  for (guint c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, row, c, headings[c], c == SCHEME_COL_LABEL ? f->header_left : f->header);

  for (guint i = 0; i < ctx->n_items; i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      KefuUnit unit = kefu_scheme_item_get_unit (item);
      const char *key = kefu_scheme_item_get_key (item);
      g_autofree char *metric = NULL;

      row = ctx->items[i].weight_row;
      worksheet_write_number (sheet, row, SCHEME_COL_NUMBER, i + 1, f->center);
      _kefu_workbook_write_text (ctx, sheet, row, SCHEME_COL_LABEL, _kefu_workbook_item_label (ctx, item), f->text_bold);
      worksheet_write_number (sheet, row, SCHEME_COL_WEIGHT, kefu_scheme_item_get_weight (item), f->weight);
      worksheet_write_string (sheet, row, 3, _kefu_workbook_unit_name (ctx, unit), f->text);
      worksheet_write_string (sheet, row, 4, better_text (ctx, item), f->text);
      worksheet_write_string (sheet, row, 5,
                              missing_policy_text (ctx, kefu_scheme_item_get_missing_policy (item)), f->text);
      worksheet_write_string (sheet, row, 6, precision_text (ctx, unit), f->text);
      if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
        metric = g_strdup_printf ("%s: %s", TR (ctx, N_("manual")), key ? key : "");
      else
        metric = g_strdup (key ? key : "");
      _kefu_workbook_write_text (ctx, sheet, row, 7, metric, f->text);
    }

  /* The weights' sum, live: seed 003's own scheme adds up to 95 %. */
  row = FIRST_ITEM_ROW + ctx->n_items;
  worksheet_write_blank (sheet, row, SCHEME_COL_NUMBER, f->text_bold);
  worksheet_write_string (sheet, row, SCHEME_COL_LABEL, TR (ctx, N_("Total weight")), f->text_bold);
  if (ctx->n_items > 0)
    {
      g_autofree char *range = _kefu_workbook_range (FIRST_ITEM_ROW, SCHEME_COL_WEIGHT,
                                                     FIRST_ITEM_ROW + ctx->n_items - 1,
                                                     SCHEME_COL_WEIGHT);
      sum = g_strdup_printf ("=SUM(%s)", range);
      worksheet_write_formula_num (sheet, row, SCHEME_COL_WEIGHT, sum, f->weight, total);
    }
  if (total != 100)
    worksheet_write_string (sheet, row, 3, TR (ctx, N_("The weights do not add up to 100%.")), f->note);
}

static void
write_bound (KefuWorkbookContext *ctx,
             guint                row,
             guint                col,
             KefuUnit             unit,
             gboolean             finite,
             double               bound,
             const char          *infinity)
{
  if (finite)
    worksheet_write_number (ctx->scheme_sheet, row, col, bound, ctx->formats.value[unit]);
  else
    worksheet_write_string (ctx->scheme_sheet, row, col, infinity, ctx->formats.center);
}

static void
write_brackets (KefuWorkbookContext *ctx,
                guint                index)
{
  lxw_worksheet *sheet = ctx->scheme_sheet;
  KefuWorkbookFormats *f = &ctx->formats;
  KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, index);
  KefuWorkbookItem *layout = &ctx->items[index];
  KefuUnit unit = kefu_scheme_item_get_unit (item);
  g_autofree char *title = NULL;
  const char *headings[N_COLUMNS] = {
    TR (ctx, N_("Row")), TR (ctx, N_("Lower bound")), "", "x", "", TR (ctx, N_("Upper bound")),
    TR (ctx, N_("Points")), TR (ctx, N_("Points at the upper bound (linear rows)")),
  };
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_INTEGER,
    .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
    .minimum_number = 0,
    .maximum_number = 1,
    .input_title = (char *) TR (ctx, N_("Bound included?")),
    .input_message = (char *) TR (ctx, N_("1: the bound belongs to the row (≤). 0: it does not (<).")),
  };
  guint row = layout->first_row - 2;

  title = g_strdup_printf ("%u. %s", index + 1, _kefu_workbook_item_label (ctx, item));
  _kefu_workbook_write_text (ctx, sheet, row, 0, title, f->subtitle);
  row++;
  for (guint c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, row, c, headings[c], f->header);
  row++;

  if (layout->n_rows == 0)
    {
      worksheet_write_string (sheet, row, 0,
                              kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL
                              ? TR (ctx, N_("No rows: the points given by hand (0–100) are the item’s points."))
                              : TR (ctx, N_("No rows: the item cannot be scored.")),
                              f->note);
      return;
    }

  for (guint j = 0; j < layout->n_rows; j++, row++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (item, j);
      gboolean has_lower = kefu_bracket_get_has_lower (bracket);
      gboolean has_upper = kefu_bracket_get_has_upper (bracket);

      worksheet_write_number (sheet, row, SCHEME_COL_NUMBER, j + 1, f->center);
      write_bound (ctx, row, SCHEME_COL_LOWER, unit, has_lower, kefu_bracket_get_lower (bracket), "−∞");
      worksheet_write_number (sheet, row, SCHEME_COL_LOWER_IN,
                              has_lower && kefu_bracket_get_lower_inclusive (bracket), f->inclusive);
      worksheet_write_string (sheet, row, SCHEME_COL_X, "x", f->center);
      worksheet_write_number (sheet, row, SCHEME_COL_UPPER_IN,
                              has_upper && kefu_bracket_get_upper_inclusive (bracket), f->inclusive);
      write_bound (ctx, row, SCHEME_COL_UPPER, unit, has_upper, kefu_bracket_get_upper (bracket), "+∞");
      if (kefu_bracket_get_linear (bracket))
        {
          worksheet_write_number (sheet, row, SCHEME_COL_POINTS, kefu_bracket_get_points_low (bracket), f->points);
          worksheet_write_number (sheet, row, SCHEME_COL_POINTS_HIGH, kefu_bracket_get_points_high (bracket), f->points);
        }
      else
        {
          worksheet_write_number (sheet, row, SCHEME_COL_POINTS, kefu_bracket_get_points (bracket), f->points);
          worksheet_write_blank (sheet, row, SCHEME_COL_POINTS_HIGH, f->points);
        }
    }

  worksheet_data_validation_range (sheet, layout->first_row, SCHEME_COL_LOWER_IN,
                                   layout->first_row + layout->n_rows - 1, SCHEME_COL_LOWER_IN,
                                   &validation);
  worksheet_data_validation_range (sheet, layout->first_row, SCHEME_COL_UPPER_IN,
                                   layout->first_row + layout->n_rows - 1, SCHEME_COL_UPPER_IN,
                                   &validation);
}

static char *
issue_rows (KefuSchemeIssue *issue)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_rows = 0;
  const guint *rows = kefu_scheme_issue_get_rows (issue, &n_rows);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, i > 0 ? ", %u" : "%u", rows[i] + 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_issues (KefuWorkbookContext *ctx,
              guint                row)
{
  lxw_worksheet *sheet = ctx->scheme_sheet;
  KefuWorkbookFormats *f = &ctx->formats;
  GListModel *issues = kefu_score_report_get_issues (ctx->report);
  guint n = g_list_model_get_n_items (issues);

  worksheet_write_string (sheet, row++, 0, TR (ctx, N_("Checks of the scheme")), f->subtitle);
  if (n == 0)
    {
      worksheet_write_string (sheet, row, 0, TR (ctx, N_("The scheme has no problems.")), f->note);
      return;
    }

  worksheet_write_string (sheet, row, 0, "#", f->header);
  worksheet_write_string (sheet, row, 1, TR (ctx, N_("Item")), f->header_left);
  worksheet_write_string (sheet, row, 2, TR (ctx, N_("Rows")), f->header);
  worksheet_merge_range (sheet, row, 3, row, N_COLUMNS - 1, TR (ctx, N_("Problem")), f->header_left);
  row++;

  for (guint i = 0; i < n; i++, row++)
    {
      g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
      int index = kefu_scheme_issue_get_item (issue);
      g_autofree char *rows = issue_rows (issue);
      g_autofree char *message = NULL;
      const char *fix = kefu_scheme_issue_get_fix (issue);
      const char *severity = kefu_scheme_issue_get_severity (issue) == KEFU_ISSUE_ERROR
                             ? TR (ctx, N_("Error")) : TR (ctx, N_("Warning"));

      message = g_strdup_printf ("%s: %s%s%s", severity, kefu_scheme_issue_get_message (issue),
                                 fix ? " " : "", fix ? fix : "");
      worksheet_write_number (sheet, row, 0, i + 1, f->center);
      if (index >= 0 && (guint) index < ctx->n_items)
        _kefu_workbook_write_text (ctx, sheet, row, 1,
                                   _kefu_workbook_item_label (ctx, kefu_scheme_get_item (ctx->scheme, index)),
                                   f->text);
      else
        worksheet_write_string (sheet, row, 1, "—", f->text);
      _kefu_workbook_write_text (ctx, sheet, row, 2, rows, f->center);
      worksheet_merge_range (sheet, row, 3, row, N_COLUMNS - 1, "", f->text_wrap);
      _kefu_workbook_write_text (ctx, sheet, row, 3, message, f->text_wrap);
      worksheet_set_row (sheet, row, 15 * MAX (1.0, _kefu_workbook_text_width (message) / 70 + 1), NULL);
    }
}

/**
 * _kefu_workbook_write_scheme:
 *
 * Writes the Scheme sheet as _kefu_workbook_layout_scheme() laid it out.
 */
gboolean
_kefu_workbook_write_scheme (KefuWorkbookContext  *ctx,
                             GError              **error)
{
  lxw_worksheet *sheet = ctx->scheme_sheet;
  KefuWorkbookFormats *f = &ctx->formats;
  const char *description = kefu_scheme_get_description (ctx->scheme);
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  static const double widths[N_COLUMNS] = { 7, 24, 9, 12, 16, 24, 16, 22 };

  for (guint c = 0; c < N_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);

  /* Translators: the title of the workbook's Scheme sheet */
  title = g_strdup_printf (TR (ctx, N_("Scoring scheme: %s")), kefu_scheme_get_name (ctx->scheme));
  _kefu_workbook_write_text (ctx, sheet, 0, 0, title, f->title);
  id = g_strdup_printf ("%s: %s", TR (ctx, N_("Identifier")), kefu_scheme_get_id (ctx->scheme));
  _kefu_workbook_write_text (ctx, sheet, 1, 0, id, f->info);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *safe = _kefu_workbook_safe_text (description);

      worksheet_merge_range (sheet, 2, 0, 2, N_COLUMNS - 1, "", f->note);
      worksheet_write_string (sheet, 2, 0, safe, f->note);
      worksheet_set_row (sheet, 2, 15 * (_kefu_workbook_text_width (safe) / 120 + 1), NULL);
    }
  worksheet_merge_range (sheet, 3, 0, 3, N_COLUMNS - 1,
                         TR (ctx, N_("Edit a weight, a bound, whether a bound is included (1 = ≤, "
                                     "0 = <) or the points: the summary sheet recalculates. An empty "
                                     "bound or −∞/+∞ leaves that end open. A value is rounded to the "
                                     "precision shown before it is compared; the first row that "
                                     "contains it gives the points; a value in no row shows #N/A.")),
                         f->note);
  worksheet_set_row (sheet, 3, 45, NULL);

  write_items (ctx);

  for (guint i = 0; i < ctx->n_items; i++)
    write_brackets (ctx, i);

  write_issues (ctx, ctx->n_items > 0
                     ? ctx->items[ctx->n_items - 1].first_row + MAX (ctx->items[ctx->n_items - 1].n_rows, 1) + 1
                     : FIRST_ITEM_ROW + 2);

  worksheet_set_portrait (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  return TRUE;
}
