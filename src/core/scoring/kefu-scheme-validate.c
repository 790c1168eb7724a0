/* kefu-scheme-validate.c — what is wrong with a scheme, and how to fix it
 *
 * METRICS.md §5 "Validation": shown live in the editor, and by the CLI
 * before scoring. Errors make a score wrong or impossible for some
 * values: a metric Kefu does not know, an item without rows, a row no
 * value fits, a linear row with an open end, points outside 0–100,
 * values that fall into no row (gaps) or into two (overlaps), a bound in
 * the wrong unit (41 for a rate, which is the fraction 0.41). Warnings are
 * worth a look but score fine: weights that do not add up to 100 %, a
 * weight of 0, rows out of order, the same item twice, a metric the data
 * at hand cannot provide for any agent.
 *
 * Gaps and overlaps are found on display steps (kefu-precision.h), within
 * the values a metric can take: rates 0–100 %, DSR 1–5, manual points
 * 0–100, everything else 0 and up. So "≤ 10" and "(10, 15]" meet, and for
 * counts "≤ 2" and "≥ 3" meet too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scheme.h"
#include "scoring/kefu-scheme-issue.h"
#include "scoring/kefu-scoring-private.h"

typedef struct
{
  GPtrArray      *issues;
  KefuSchemeItem *item;
  guint           index;
  char           *where;     /* "询单转化率 (item 1)" */
  KefuUnit        unit;
  gint64          domain_min;
  gint64          domain_max;
} Check;

typedef struct
{
  guint        position;
  gint64       lo;
  gint64       hi;
  KefuInterval interval;
} Row;

static void
add_issue (Check             *check,
           KefuIssueSeverity  severity,
           KefuIssueKind      kind,
           const guint       *rows,
           guint              n_rows,
           const char        *message,
           const char        *fix)
{
  g_ptr_array_add (check->issues,
                   kefu_scheme_issue_new (severity, kind,
                                          check->item ? (int) check->index : -1,
                                          check->item ? kefu_scheme_item_get_key (check->item) : NULL,
                                          rows, n_rows, message, fix));
}

static char *
describe_row (Check *check,
              guint  position)
{
  KefuInterval interval;

  _kefu_bracket_get_interval (kefu_scheme_item_get_bracket (check->item, position), &interval);
  return _kefu_interval_describe (&interval, check->unit);
}

/* The value at the domain's end, as a bound. */
static void
domain_bound (Check    *check,
              gboolean  lower,
              gboolean *finite,
              double   *value)
{
  gint64 steps = lower ? check->domain_min : check->domain_max;
  guint decimals = kefu_unit_get_decimals (check->unit) + (check->unit == KEFU_UNIT_FRACTION ? 2 : 0);

  *finite = lower || steps < ((gint64) 1 << 60);
  *value = *finite ? (double) steps / pow (10, decimals) : 0;
}

static void
check_points (Check *check)
{
  for (guint j = 0; j < kefu_scheme_item_get_n_brackets (check->item); j++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (check->item, j);
      g_autofree char *points = kefu_bracket_describe_points (bracket);
      g_autofree char *message = NULL;
      gboolean linear = kefu_bracket_get_linear (bracket);
      double values[2] = { kefu_bracket_get_points (bracket), 0 };
      guint n_values = 1;

      if (linear)
        {
          values[0] = kefu_bracket_get_points_low (bracket);
          values[1] = kefu_bracket_get_points_high (bracket);
          n_values = 2;
        }

      for (guint k = 0; k < n_values; k++)
        if (values[k] < 0 || values[k] > 100)
          {
            message = g_strdup_printf (_("%s, row %u: %s points is outside 0–100."),
                                       check->where, j + 1, points);
            add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_POINTS, &j, 1, message,
                       _("Give each row between 0 and 100 points; the weight decides "
                         "how much the item counts."));
            break;
          }

      if (linear && (!kefu_bracket_get_has_lower (bracket) || !kefu_bracket_get_has_upper (bracket)))
        {
          g_autofree char *range = describe_row (check, j);

          g_clear_pointer (&message, g_free);
          message = g_strdup_printf (_("%s, row %u (%s) scores linearly but has an open end: "
                                       "there is nothing to draw the line to."),
                                     check->where, j + 1, range);
          add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_LINEAR, &j, 1, message,
                     _("Give the row both bounds, or make it score flat points."));
        }
    }
}

/* Whether every bound is in the item's unit; reports those that are not.
 * FALSE when the rows are too wrong to look for gaps and overlaps. */
static gboolean
check_units (Check *check)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *example = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  gboolean dsr = kefu_scheme_item_get_metric (check->item) != NULL;
  double limit, shown = NAN;

  switch (check->unit)
    {
    case KEFU_UNIT_FRACTION: limit = 1; break;
    case KEFU_UNIT_RATIO:    limit = 10; break;
    case KEFU_UNIT_SCORE:    limit = dsr ? 5 : 100; break;
    default:                 return TRUE;
    }

  for (guint j = 0; j < kefu_scheme_item_get_n_brackets (check->item); j++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (check->item, j);
      double bound = NAN;

      if (kefu_bracket_get_has_lower (bracket) && kefu_bracket_get_lower (bracket) > limit)
        bound = kefu_bracket_get_lower (bracket);
      else if (kefu_bracket_get_has_upper (bracket) && kefu_bracket_get_upper (bracket) > limit)
        bound = kefu_bracket_get_upper (bracket);

      if (isnan (bound))
        continue;
      if (isnan (shown))
        shown = bound;
      g_array_append_val (rows, j);
    }

  if (rows->len == 0)
    return TRUE;

  example = _kefu_format_number (shown);
  switch (check->unit)
    {
    case KEFU_UNIT_FRACTION:
      {
        g_autofree char *fraction = _kefu_format_number (shown / 100);
        g_autofree char *meaning = _kefu_format_number (shown * 100);

        message = g_strdup_printf (_("%s is a rate, which scheme files write as a fraction "
                                     "(0.41 for 41%%), but %u of its rows have bounds like %s, "
                                     "which would mean %s%%."),
                                   check->where, rows->len, example, meaning);
        fix = g_strdup_printf (_("Divide the bounds by 100: write %s for %s%%."), fraction, example);
        add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_UNIT,
                   (guint *) (gpointer) rows->data, rows->len, message, fix);
        return FALSE;
      }

    case KEFU_UNIT_RATIO:
      message = g_strdup_printf (_("%s is a ratio such as 1.18, but %u of its rows have bounds "
                                   "like %s: is that a percentage?"),
                                 check->where, rows->len, example);
      add_issue (check, KEFU_ISSUE_WARNING, KEFU_ISSUE_UNIT,
                 (guint *) (gpointer) rows->data, rows->len, message,
                 _("Write ratios as plain numbers: 1.23 for 123%."));
      return TRUE;   /* maybe meant: the rows are still checked */

    case KEFU_UNIT_SCORE:
    default:
      if (dsr)
        message = g_strdup_printf (_("%s is a DSR rating from 1 to 5, but %u of its rows have "
                                     "bounds like %s."), check->where, rows->len, example);
      else
        message = g_strdup_printf (_("%s is scored by hand from 0 to 100 points, but %u of its "
                                     "rows have bounds like %s."), check->where, rows->len, example);
      add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_UNIT,
                 (guint *) (gpointer) rows->data, rows->len, message,
                 dsr ? _("Write ratings as they are shown: 4.8, not 48.")
                     : _("Keep the bounds within 0–100."));
      return FALSE;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->lo != y->lo)
    return x->lo < y->lo ? -1 : 1;
  if (x->hi != y->hi)
    return x->hi < y->hi ? -1 : 1;
  return (int) x->position - (int) y->position;
}

static void
report_gap (Check     *check,
            const Row *below,
            const Row *above)
{
  KefuInterval gap = { 0 };
  g_autofree char *range = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  guint rows[2], n_rows = 0;

  if (below != NULL)
    {
      gap.has_lower = TRUE;
      gap.lower = below->interval.upper;
      gap.lower_inclusive = !below->interval.upper_inclusive;
      rows[n_rows++] = below->position;
    }
  else
    {
      domain_bound (check, TRUE, &gap.has_lower, &gap.lower);
      gap.lower_inclusive = TRUE;
    }

  if (above != NULL)
    {
      gap.has_upper = TRUE;
      gap.upper = above->interval.lower;
      gap.upper_inclusive = !above->interval.lower_inclusive;
      rows[n_rows++] = above->position;
    }
  else
    {
      domain_bound (check, FALSE, &gap.has_upper, &gap.upper);
      gap.upper_inclusive = gap.has_upper;
    }

  if (n_rows == 2 && rows[0] > rows[1])
    {
      guint swap = rows[0];
      rows[0] = rows[1];
      rows[1] = swap;
    }

  range = _kefu_interval_format (&gap, check->unit);
  if (below != NULL && above != NULL)
    message = g_strdup_printf (_("%s: values in %s fall into no row, between row %u and row %u; "
                                 "an agent with such a value gets an error instead of a score."),
                               check->where, range, rows[0] + 1, rows[1] + 1);
  else
    message = g_strdup_printf (_("%s: values in %s fall into no row; an agent with such a "
                                 "value gets an error instead of a score."),
                               check->where, range);
  fix = g_strdup_printf (_("Add a row for %s, or widen the row next to it to cover it."), range);
  add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_GAP, rows, n_rows, message, fix);
}

static void
report_overlap (Check     *check,
                const Row *earlier,
                const Row *later)
{
  KefuInterval overlap = later->interval;
  const Row *shorter = later->hi <= earlier->hi ? later : earlier;
  const Row *first = earlier->position < later->position ? earlier : later;
  KefuBracket *first_bracket = kefu_scheme_item_get_bracket (check->item, first->position);
  g_autofree char *range = NULL;
  g_autofree char *points = kefu_bracket_describe_points (first_bracket);
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  guint rows[2] = { MIN (earlier->position, later->position), MAX (earlier->position, later->position) };

  if (!overlap.has_lower)
    {
      domain_bound (check, TRUE, &overlap.has_lower, &overlap.lower);
      overlap.lower_inclusive = TRUE;
    }
  overlap.has_upper = shorter->interval.has_upper;
  overlap.upper = shorter->interval.upper;
  overlap.upper_inclusive = shorter->interval.upper_inclusive;
  if (!overlap.has_upper)
    {
      domain_bound (check, FALSE, &overlap.has_upper, &overlap.upper);
      overlap.upper_inclusive = overlap.has_upper;
    }

  range = _kefu_interval_format (&overlap, check->unit);
  message = g_strdup_printf (_("%s: rows %u and %u both contain %s; a value there scores "
                               "row %u’s %s points, the first of the two."),
                             check->where, rows[0] + 1, rows[1] + 1, range,
                             first->position + 1, points);

  /* Suggest ending the lower row where the higher one starts. */
  if (later->lo > earlier->lo && later->hi > earlier->hi && later->interval.has_lower)
    {
      KefuInterval shortened = earlier->interval;
      g_autofree char *suggested = NULL;

      shortened.has_upper = TRUE;
      shortened.upper = later->interval.lower;
      shortened.upper_inclusive = !later->interval.lower_inclusive;
      suggested = _kefu_interval_format (&shortened, check->unit);
      fix = g_strdup_printf (_("Make the rows meet without overlapping: for example change "
                               "row %u to %s."), earlier->position + 1, suggested);
    }
  else
    fix = g_strdup (_("Change the bounds so that no value lies in two rows."));

  add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_OVERLAP, rows, 2, message, fix);
}

static void
check_rows (Check *check)
{
  guint n = kefu_scheme_item_get_n_brackets (check->item);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) out_of_order = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 cursor, reach;
  const Row *furthest = NULL;
  int direction = 0;
  gint64 previous_lo = 0, previous_hi = 0;
  gboolean have_previous = FALSE;

  for (guint j = 0; j < n; j++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (check->item, j);
      Row row = { j };

      _kefu_bracket_get_interval (bracket, &row.interval);
      if (!_kefu_interval_to_steps (&row.interval, check->unit, &row.lo, &row.hi))
        {
          g_autofree char *range = describe_row (check, j);
          g_autofree char *message =
            g_strdup_printf (_("%s, row %u (%s) contains no value."), check->where, j + 1, range);

          add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_EMPTY_ROW, &j, 1, message,
                     _("Check its bounds: the lower one must be below the upper one."));
          continue;
        }

      /* In order means from one end to the other: best first or worst first. */
      if (have_previous && (row.lo != previous_lo || row.hi != previous_hi))
        {
          int step = row.lo != previous_lo ? (row.lo > previous_lo ? 1 : -1)
                                           : (row.hi > previous_hi ? 1 : -1);

          if (direction == 0)
            direction = step;
          else if (step != direction)
            g_array_append_val (out_of_order, j);
        }
      previous_lo = row.lo;
      previous_hi = row.hi;
      have_previous = TRUE;

      /* Only values the metric can take count for gaps and overlaps. */
      row.lo = MAX (row.lo, check->domain_min);
      row.hi = MIN (row.hi, check->domain_max);
      if (row.lo <= row.hi)
        g_array_append_val (rows, row);
    }

  if (out_of_order->len > 0)
    {
      guint first = g_array_index (out_of_order, guint, 0);
      g_autofree char *range = describe_row (check, first);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s: the rows are not in order; row %u (%s) is out of place.",
                                      "%s: the rows are not in order; rows %u (%s) and %u more are "
                                      "out of place.", out_of_order->len),
                         check->where, first + 1, range, out_of_order->len - 1);

      add_issue (check, KEFU_ISSUE_WARNING, KEFU_ISSUE_ORDER,
                 (guint *) (gpointer) out_of_order->data, out_of_order->len, message,
                 _("Sort the rows from the best values to the worst (or the other way round), "
                   "so the table reads like the one in your appraisal rules."));
    }

  g_array_sort (rows, compare_rows);
  cursor = check->domain_min;
  reach = check->domain_min - 1;
  for (guint k = 0; k < rows->len; k++)
    {
      const Row *row = &g_array_index (rows, Row, k);

      if (row->lo > cursor)
        report_gap (check, furthest, row);
      else if (furthest != NULL && row->lo <= reach)
        report_overlap (check, furthest, row);

      if (row->hi > reach)
        {
          reach = row->hi;
          furthest = row;
        }
      cursor = reach + 1;
    }
  if (rows->len > 0 && reach < check->domain_max)
    report_gap (check, furthest, NULL);
}

static void
check_data (Check           *check,
            KefuMetricTable *table)
{
  const char *key = kefu_scheme_item_get_key (check->item);
  const KefuMetricValue *example = NULL;
  g_autofree char *message = NULL;
  const char *reason, *consequence;
  guint n_agents = 0;

  for (guint r = 0; r < kefu_metric_table_get_n_rows (table); r++)
    {
      const KefuMetricValue *value;

      if (kefu_metric_table_get_row (table, r)->agent_id == 0)
        continue;
      n_agents++;
      value = kefu_metric_table_get (table, r, key);
      if (value != NULL && value->missing == KEFU_METRIC_MISSING_NONE && isfinite (value->value))
        return;
      if (example == NULL && value != NULL)
        example = value;
    }

  if (n_agents == 0)
    return;

  reason = example != NULL && example->missing != KEFU_METRIC_MISSING_NONE
         ? kefu_metric_missing_describe (example->missing)
         : _("the data at hand does not provide it");
  switch (kefu_scheme_item_get_missing_policy (check->item))
    {
    case KEFU_MISSING_POLICY_ZERO:
      consequence = _("every agent scores 0 for it");
      break;
    case KEFU_MISSING_POLICY_EXCLUDE:
      consequence = _("it is left out and the other weights are rescaled");
      break;
    case KEFU_MISSING_POLICY_INCOMPLETE:
    default:
      consequence = _("every agent’s total is incomplete");
      break;
    }

  message = g_strdup_printf (_("%s: no agent has a value in this period (%s), so %s."),
                             check->where, reason, consequence);
  add_issue (check, KEFU_ISSUE_WARNING, KEFU_ISSUE_NO_DATA, NULL, 0, message,
             _("Import an export that has this figure for the period, pick another period, "
               "or change what the item does when a value is missing."));
}

static void
check_item (Check           *check,
            KefuMetricTable *table)
{
  KefuSchemeItem *item = check->item;
  const char *key = kefu_scheme_item_get_key (item);
  gboolean manual = kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL;
  double weight = kefu_scheme_item_get_weight (item);
  g_autofree char *message = NULL;
  gboolean known = TRUE;

  if (key == NULL || *key == '\0')
    {
      message = g_strdup_printf (manual ? _("%s has no id.") : _("%s names no metric."),
                                 check->where);
      add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_UNKNOWN_METRIC, NULL, 0, message,
                 manual ? _("Give the manual item a short id, such as attendance.")
                        : _("Pick the metric the item scores."));
      known = FALSE;
    }
  else if (!manual && kefu_metric_lookup (key) == NULL)
    {
      message = g_strdup_printf (_("%s: “%s” is not a metric Kefu knows."), check->where, key);
      add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_UNKNOWN_METRIC, NULL, 0, message,
                 _("Pick a metric from the list (kefu-cli scheme show lists the keys of the "
                   "built-in schemes; docs/METRICS.md lists them all), or make it a manual item."));
      known = FALSE;
    }
  g_clear_pointer (&message, g_free);

  if (weight < 0 || weight > 100)
    {
      g_autofree char *number = _kefu_format_number (weight);

      message = g_strdup_printf (_("%s has a weight of %s%%; weights are between 0 and 100%%."),
                                 check->where, number);
      add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_WEIGHT, NULL, 0, message,
                 _("Give the item its share of the total, in percent."));
    }
  else if (weight == 0)
    {
      message = g_strdup_printf (_("%s has a weight of 0%%: it counts for nothing."), check->where);
      add_issue (check, KEFU_ISSUE_WARNING, KEFU_ISSUE_WEIGHT, NULL, 0, message,
                 _("Give it a weight, or remove it."));
    }
  g_clear_pointer (&message, g_free);

  if (kefu_scheme_item_get_n_brackets (item) == 0)
    {
      if (!manual)
        {
          message = g_strdup_printf (_("%s has no rows: no value can be scored."), check->where);
          add_issue (check, KEFU_ISSUE_ERROR, KEFU_ISSUE_NO_ROWS, NULL, 0, message,
                     _("Add the rows of its table: ranges of values and their points."));
        }
      return;
    }

  check_points (check);
  if (known && check_units (check))
    check_rows (check);

  if (known && !manual && table != NULL)
    check_data (check, table);
}

static void
check_duplicates (KefuScheme *self,
                  Check      *check)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (self, i);
      const char *key = kefu_scheme_item_get_key (item);
      g_autofree char *id = NULL;
      gpointer first;

      if (key == NULL || *key == '\0')
        continue;
      id = g_strdup_printf ("%d:%s", kefu_scheme_item_get_kind (item), key);
      if (g_hash_table_lookup_extended (seen, id, NULL, &first))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s (item %u) scores “%s” again, as item %u does."),
                             kefu_scheme_item_get_display_label (item), i + 1, key,
                             GPOINTER_TO_UINT (first) + 1);

          check->item = item;
          check->index = i;
          add_issue (check, KEFU_ISSUE_WARNING, KEFU_ISSUE_DUPLICATE, NULL, 0, message,
                     _("Merge the two items into one, with their weights added."));
          check->item = NULL;
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&id), GUINT_TO_POINTER (i));
    }
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  KefuSchemeIssue *x = *(KefuSchemeIssue * const *) a;
  KefuSchemeIssue *y = *(KefuSchemeIssue * const *) b;

  return (int) kefu_scheme_issue_get_severity (y) - (int) kefu_scheme_issue_get_severity (x);
}

/**
 * kefu_scheme_validate:
 * @table: (nullable): the metric values the scheme is about to score, to
 *   warn about items no agent has a value for
 *
 * Returns: (transfer full): a new GListModel of #KefuSchemeIssue, errors
 *   first, then warnings, each in the order of the items
 */
GListModel *
kefu_scheme_validate (KefuScheme      *self,
                      KefuMetricTable *table)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  Check check = { issues };
  double total;

  g_return_val_if_fail (KEFU_IS_SCHEME (self), NULL);
  g_return_val_if_fail (table == NULL || KEFU_IS_METRIC_TABLE (table), NULL);

  if (kefu_scheme_get_n_items (self) == 0)
    add_issue (&check, KEFU_ISSUE_ERROR, KEFU_ISSUE_NO_ITEMS, NULL, 0,
               _("The scheme has no items."),
               _("Add the metrics (and manual items) it scores, with their weights."));

  for (guint i = 0; i < kefu_scheme_get_n_items (self); i++)
    {
      check.item = kefu_scheme_get_item (self, i);
      check.index = i;
      check.unit = kefu_scheme_item_get_unit (check.item);
      _kefu_scheme_item_get_domain (check.item, &check.domain_min, &check.domain_max);
      check.where = g_strdup_printf (_("%s (item %u)"),
                                     kefu_scheme_item_get_display_label (check.item), i + 1);
      check_item (&check, table);
      g_clear_pointer (&check.where, g_free);
    }
  check.item = NULL;

  check_duplicates (self, &check);

  total = kefu_scheme_get_total_weight (self);
  if (kefu_scheme_get_n_items (self) > 0 && fabs (total - 100) > 1e-9)
    {
      g_autofree char *sum = _kefu_format_number (round (total * 1e6) / 1e6);
      g_autofree char *message =
        g_strdup_printf (_("The weights add up to %s%%, not 100%%: a perfect agent scores %s."),
                         sum, sum);
      g_autofree char *difference = _kefu_format_number (fabs (round ((100 - total) * 1e6) / 1e6));
      g_autofree char *fix = NULL;

      if (total < 100)
        fix = g_strdup_printf (_("Give the items %s%% more weight between them, or leave it "
                                 "so if the shop means it."), difference);
      else
        fix = g_strdup_printf (_("Take %s%% of weight off the items, or leave it so if the "
                                 "shop means it."), difference);

      add_issue (&check, KEFU_ISSUE_WARNING, KEFU_ISSUE_WEIGHTS, NULL, 0, message, fix);
    }

  /* Stable: errors first, each group in the order found. */
  g_ptr_array_sort (issues, compare_severity);

  store = g_list_store_new (KEFU_TYPE_SCHEME_ISSUE);
  g_list_store_splice (store, 0, 0, issues->pdata, issues->len);
  return G_LIST_MODEL (store);
}
