/* kefu-workbook-formulas.c — the Summary's formulas, one agent's row
 *
 * Per item, from its value V (as the metric engine gave it), two helper
 * cells to the right of the printed table:
 *
 *   rounded  R = ROUND(V + SIGN(V)·MAX(step·1e-9, |V|·1e-12), d)
 *              the value at display precision, rounded as
 *              kefu_unit_to_steps() rounds: halves away from zero, with the
 *              same tolerance for binary noise (d = 4 for rates, 1 for
 *              seconds and hours, 2 for money and ratings, 3 for ratios,
 *              0 for counts and days)
 *   row      M = {IFERROR(MATCH(1, lower_ok × upper_ok, 0), 0)}, an array
 *              formula over the item's bracket rows on the Scheme sheet:
 *              lower_ok = IF(ISNUMBER(lo), (R>lo)+(R=lo)·lo_in, 1), upper_ok
 *              alike; an open end (−∞/+∞ or an empty cell) always passes.
 *              MATCH(…, 0) finds the first row that holds R, as Kefu scores
 *              overlapping rows by the first; 0 when none does.
 *
 * Comparing R with a bound is comparing display steps as Kefu does: both
 * are the doubles nearest their decimals, so R ≥ 0.41 exactly when R is
 * 41.00% or more; a bound finer than a step (0.41005) admits the steps on
 * its side, as _kefu_interval_to_steps() does.
 *
 * and in the printed table:
 *
 *   points   P = NA() when M = 0 — a value in a gap never scores silently:
 *              it shows #N/A —, else INDEX(points, M); for an item with a
 *              linear row, a row with points at its upper bound scores the
 *              straight line from its points at the lower bound to those at
 *              the upper one (at R), and one with an open end gives
 *              #VALUE!, as Kefu reports it. (Which items have linear rows
 *              is decided when the workbook is written.) A manual item without
 *              rows takes R itself (0–100). Without a value: "—", or 0
 *              when the scheme says a missing value scores 0.
 *   weighted W = P × weight ÷ 100, × the rescaling F of items left out
 *              (Σ weights ÷ Σ weights of the items not left out) when the
 *              scheme leaves missing values out; #N/A after an error.
 *   total    T = ROUND(Σ of the numeric W, 2), as Kefu's total
 *   complete K = 1 when every item scored (or was left out), else 0
 *   rank       IF(K = 1, RANK(T, totals of complete agents, 0), "—"): ties
 *              share a rank and the next one skips (1, 1, 3); an
 *              incomplete total is shown but not ranked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "export/kefu-workbook-private.h"
#include "scoring/kefu-precision.h"

/* The decimals of a unit in stored units: a rate's 0.01 % is 4. */
static guint
stored_decimals (KefuUnit unit)
{
  return kefu_unit_get_decimals (unit) + (unit == KEFU_UNIT_FRACTION ? 2 : 0);
}

/* P for an item with bracket rows; a linear row's straight line only
 * for the items that have one. */
static char *
points_formula (KefuWorkbookColumns *c,
                const char          *R,
                const char          *M,
                const char          *missing,
                gboolean             linear)
{
  if (!linear)
    return g_strdup_printf ("=IF(ISNUMBER(%1$s),IF(%2$s=0,NA(),INDEX(%3$s,%2$s)),%4$s)",
                            R, M, c->pts, missing);

  return g_strdup_printf ("=IF(ISNUMBER(%1$s),IF(%2$s=0,NA(),"
                          "IF(ISNUMBER(INDEX(%3$s,%2$s)),"
                          "IF(INDEX(%4$s,%2$s)=INDEX(%5$s,%2$s),INDEX(%6$s,%2$s),"
                          "INDEX(%6$s,%2$s)+(INDEX(%3$s,%2$s)-INDEX(%6$s,%2$s))"
                          "*(%1$s-INDEX(%5$s,%2$s))/(INDEX(%4$s,%2$s)-INDEX(%5$s,%2$s))),"
                          "INDEX(%6$s,%2$s))),%7$s)",
                          R, M, c->pts_high, c->upper, c->lower, c->pts, missing);
}

static gboolean
has_linear_row (KefuSchemeItem *item)
{
  for (guint j = 0; j < kefu_scheme_item_get_n_brackets (item); j++)
    if (kefu_bracket_get_linear (kefu_scheme_item_get_bracket (item, j)))
      return TRUE;
  return FALSE;
}

/**
 * _kefu_workbook_write_agent:
 * @index: the agent's place in the Summary, from 0
 *
 * Writes one agent's row of the Summary: the values, and everything
 * computed from them as formulas with Kefu's results cached.
 */
void
_kefu_workbook_write_agent (KefuWorkbookSummary *s,
                            guint                index,
                            KefuAgentScore      *agent)
{
  KefuWorkbookContext *ctx = s->ctx;
  lxw_worksheet *sheet = ctx->summary;
  KefuWorkbookFormats *f = &ctx->formats;
  GListModel *scores = kefu_agent_score_get_items (agent);
  guint row = SUMMARY_FIRST_AGENT_ROW + index;
  g_autoptr(GString) total = g_string_new ("=ROUND(0");
  g_autoptr(GString) complete = g_string_new ("=IF(AND(TRUE");
  g_autoptr(GString) excluded = g_string_new ("0");
  g_autofree char *T = _kefu_workbook_cell (row, s->total, FALSE);
  g_autofree char *K = _kefu_workbook_cell (row, s->complete, FALSE);
  g_autofree char *F = _kefu_workbook_cell (row, s->factor, FALSE);
  g_autofree char *keys = _kefu_workbook_range (SUMMARY_FIRST_AGENT_ROW, s->rank_key,
                                                SUMMARY_FIRST_AGENT_ROW + MAX (s->n_agents, 1) - 1, s->rank_key);
  g_autofree char *formula = NULL;
  double scheme_weight = kefu_scheme_get_total_weight (ctx->scheme), excluded_weight = 0;
  guint rank = kefu_agent_score_get_rank (agent);
  gboolean is_complete = kefu_agent_score_get_complete (agent);

  _kefu_workbook_write_text (ctx, sheet, row, 1, kefu_agent_score_get_agent_name (agent), f->text_bold);

  for (guint i = 0; i < ctx->n_items; i++)
    {
      g_autoptr(KefuItemScore) score = g_list_model_get_item (scores, i);
      KefuSchemeItem *item = kefu_scheme_get_item (ctx->scheme, i);
      KefuWorkbookColumns *c = &s->items[i];
      KefuUnit unit = kefu_scheme_item_get_unit (item);
      KefuItemStatus status = kefu_item_score_get_status (score);
      KefuMissingPolicy policy = kefu_scheme_item_get_missing_policy (item);
      double value = kefu_item_score_get_value (score);
      double points = kefu_item_score_get_points (score);
      guint decimals = stored_decimals (unit);
      const char *missing = policy == KEFU_MISSING_POLICY_ZERO ? "0" : "\"—\"";
      g_autofree char *V = _kefu_workbook_cell (row, c->value, FALSE);
      g_autofree char *P = _kefu_workbook_cell (row, c->points, FALSE);
      g_autofree char *W = _kefu_workbook_cell (row, c->weighted, FALSE);
      g_autofree char *R = _kefu_workbook_cell (row, c->rounded, FALSE);
      g_autofree char *M = _kefu_workbook_cell (row, c->row, FALSE);
      g_autofree char *rounded = NULL;
      g_autofree char *match = NULL;
      g_autofree char *points_text = NULL;
      g_autofree char *weighted = NULL;

      /* The value, as the metric engine gave it. */
      _kefu_workbook_write_value (ctx, sheet, row, c->value, unit, value,
                                  kefu_item_score_get_estimated (score));

      /* R: at display precision, rounded as Kefu rounds. */
      rounded = g_strdup_printf ("=IF(ISNUMBER(%1$s),ROUND(%1$s+SIGN(%1$s)*MAX(1E-%2$u,ABS(%1$s)*1E-12),%3$u),\"\")",
                                 V, decimals + 9, decimals);
      _kefu_workbook_write_formula (sheet, row, c->rounded, rounded, f->helper_value[unit],
                                    kefu_item_score_get_shown_value (score),
                                    isfinite (value) ? NULL : "");

      /* M and P. */
      if (ctx->items[i].n_rows > 0)
        {
          int bracket = kefu_item_score_get_bracket_index (score);

          match = g_strdup_printf ("{=IF(ISNUMBER(%1$s),IFERROR(MATCH(1,"
                                   "IF(ISNUMBER(%2$s),(%1$s>%2$s)+(%1$s=%2$s)*%3$s,1)*"
                                   "IF(ISNUMBER(%4$s),(%1$s<%4$s)+(%1$s=%4$s)*%5$s,1),0),0),0)}",
                                   R, c->lower, c->lower_in, c->upper, c->upper_in);
          worksheet_write_array_formula_num (sheet, row, c->row, row, c->row, match, f->helper,
                                             bracket >= 0 ? bracket + 1 : 0);
          formula = points_formula (c, R, M, missing, has_linear_row (item));
        }
      else
        {
          worksheet_write_blank (sheet, row, c->row, f->helper);
          if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
            formula = g_strdup_printf ("=IF(ISNUMBER(%1$s),IF(AND(%1$s>=0,%1$s<=100),%1$s,NA()),%2$s)",
                                       R, missing);
          else
            formula = g_strdup_printf ("=IF(ISNUMBER(%s),NA(),%s)", R, missing);
        }
      if (status == KEFU_ITEM_STATUS_ERROR)
        points_text = g_strdup (kefu_item_score_get_bracket_index (score) >= 0 ? "#VALUE!" : "#N/A");
      else if (!isfinite (points))
        points_text = g_strdup ("—");
      _kefu_workbook_write_formula (sheet, row, c->points, formula, f->points, points, points_text);
      g_clear_pointer (&formula, g_free);

      /* W. */
      formula = g_strdup_printf ("=IF(ISNUMBER(%1$s),%1$s*%2$s/100%3$s%4$s,IF(ISNUMBER(%5$s),NA(),\"—\"))",
                                 P, c->weight, s->has_exclude ? "*" : "", s->has_exclude ? F : "", R);
      if (points_text != NULL)
        weighted = g_strdup (status == KEFU_ITEM_STATUS_ERROR ? "#N/A" : "—");
      _kefu_workbook_write_formula (sheet, row, c->weighted, formula, f->weighted,
                                    kefu_item_score_get_weighted (score), weighted);
      g_clear_pointer (&formula, g_free);

      /* Their share of T, K and the factor. */
      g_string_append_printf (total, "+IF(ISNUMBER(%1$s),%1$s,0)", W);
      if (policy == KEFU_MISSING_POLICY_EXCLUDE)
        {
          g_string_append_printf (complete, ",OR(ISNUMBER(%s),NOT(ISNUMBER(%s)))", P, R);
          g_string_append_printf (excluded, "+IF(ISNUMBER(%s),0,%s)", R, c->weight);
          if (status == KEFU_ITEM_STATUS_EXCLUDED)
            excluded_weight += kefu_scheme_item_get_weight (item);
        }
      else
        g_string_append_printf (complete, ",ISNUMBER(%s)", P);
    }

  if (s->has_exclude)
    {
      g_autofree char *weights = _kefu_workbook_range (ctx->scheme_items_row, SCHEME_COL_WEIGHT,
                                                       ctx->scheme_items_row + ctx->n_items - 1,
                                                       SCHEME_COL_WEIGHT);
      double factor = scheme_weight - excluded_weight > 0
                      ? scheme_weight / (scheme_weight - excluded_weight) : 0;

      formula = g_strdup_printf ("=IF(SUM(%1$s%2$s)-(%3$s)>0,SUM(%1$s%2$s)/(SUM(%1$s%2$s)-(%3$s)),0)",
                                 ctx->scheme_ref, weights, excluded->str);
      worksheet_write_formula_num (sheet, row, s->factor, formula, f->helper, factor);
      g_clear_pointer (&formula, g_free);
      g_string_append_printf (complete, ",%s>0", F);
    }

  g_string_append (total, ",2)");
  worksheet_write_formula_num (sheet, row, s->total, total->str, f->total, kefu_agent_score_get_total (agent));
  g_string_append (complete, "),1,0)");
  worksheet_write_formula_num (sheet, row, s->complete, complete->str, f->complete, is_complete);

  formula = g_strdup_printf ("=IF(%s=1,%s,\"\")", K, T);
  _kefu_workbook_write_formula (sheet, row, s->rank_key, formula, f->helper,
                                kefu_agent_score_get_total (agent), is_complete ? NULL : "");
  g_clear_pointer (&formula, g_free);

  /* The rank comes first in the row, but reads T and K: written last. */
  formula = g_strdup_printf ("=IF(%1$s=1,RANK(%2$s,%3$s,0),\"—\")", K, T, keys);
  _kefu_workbook_write_formula (sheet, row, 0, formula, f->rank, rank, rank > 0 ? NULL : "—");
  g_clear_pointer (&formula, g_free);
}
