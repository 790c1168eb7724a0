/* test-scoring.c — composite scoring: schemes, validation, scores (METRICS.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sys/wait.h>

#include "kefu-core.h"
#include "kefu-test-utils.h"

/* The worked example's agents (seed 003), in Kefu's standard template. */
static const char *womenswear =
  "客服,开始日期,结束日期,咨询总人数,成交总人数,下单总笔数,成交笔数,客服客单价,店铺客单价,"
  "首次响应时间(秒),平均响应时间(秒),月退货量,月成交量\n"
  "A,2026-10-01,2026-10-30,275,88,240,228,78.23,66.30,13,21,6,289\n"
  "B,2026-10-01,2026-10-30,1455,582,325,247,76.90,66.30,8,19,23,423\n"
  "C,2026-10-01,2026-10-30,800,232,225,198,82.80,66.30,16,27,0,260\n";

/* ---------------------------------------------------------------- helpers */

static KefuMetricTable *
new_table (void)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&to, 30, G_DATE_OCTOBER, 2026);
  return kefu_metric_table_new (KEFU_GROUP_AGENT, &from, &to);
}

static guint
add_agent (KefuMetricTable *table,
           gint64           id,
           const char      *name)
{
  KefuMetricRowKey key = { id, name, name };

  g_date_clear (&key.day, 1);
  key.hour = -1;
  return kefu_metric_table_add_row (table, &key);
}

static void
set_ratio (KefuMetricTable *table,
           guint            row,
           const char      *key,
           double           numerator,
           double           denominator)
{
  KefuMetricValue value = { numerator / denominator, numerator, denominator };

  kefu_metric_table_set (table, row, key, &value);
}

static void
set_value (KefuMetricTable *table,
           guint            row,
           const char      *key,
           double           number)
{
  KefuMetricValue value = { number, number, 1 };

  kefu_metric_table_set (table, row, key, &value);
}

static void
set_missing (KefuMetricTable   *table,
             guint              row,
             const char        *key,
             KefuMetricMissing  missing)
{
  KefuMetricValue value = { NAN, NAN, NAN, FALSE, missing };

  kefu_metric_table_set (table, row, key, &value);
}

/* The worked example's inputs, filled by hand (METRICS.md §5). */
static KefuMetricTable *
womenswear_table (void)
{
  KefuMetricTable *table = new_table ();
  const struct {
    const char *name;
    double conversion[2], payment[2], price[2], first, average, returns;
  } agents[] = {
    { "A", { 88, 275 }, { 228, 240 }, { 78.23, 66.30 }, 13, 21, 6 },
    { "B", { 582, 1455 }, { 247, 325 }, { 76.90, 66.30 }, 8, 19, 23 },
    { "C", { 232, 800 }, { 198, 225 }, { 82.80, 66.30 }, 16, 27, 0 },
  };

  add_agent (table, 0, NULL);   /* the shop: never scored */
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    {
      guint row = add_agent (table, i + 1, agents[i].name);

      set_ratio (table, row, "inquiry_conversion_rate", agents[i].conversion[0], agents[i].conversion[1]);
      set_ratio (table, row, "payment_rate", agents[i].payment[0], agents[i].payment[1]);
      set_ratio (table, row, "unit_price_ratio", agents[i].price[0], agents[i].price[1]);
      set_value (table, row, "first_response_time", agents[i].first);
      set_value (table, row, "avg_response_time", agents[i].average);
      set_value (table, row, "monthly_returns", agents[i].returns);
    }
  return table;
}

static KefuScheme *
builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  KefuScheme *scheme = kefu_scheme_new_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scheme);
  return scheme;
}

static KefuScheme *
scheme_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  KefuScheme *scheme = kefu_scheme_new_from_data (json, -1, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (scheme);
  return scheme;
}

/* A one-item scheme: @item is the JSON of the item. */
static KefuScheme *
one_item (const char *item)
{
  g_autofree char *json = g_strdup_printf ("{ \"id\": \"t\", \"name\": \"T\", \"items\": [ %s ] }", item);

  return scheme_from_json (json);
}

static KefuBracket *
bracket (const char *range,
         double      points)
{
  g_autoptr(GError) error = NULL;
  KefuBracket *self = kefu_bracket_new_range (range, points, &error);

  g_assert_no_error (error);
  return self;
}

/* The issues of @kind; asserts their number. */
static GPtrArray *
issues_of (GListModel    *issues,
           KefuIssueKind  kind,
           guint          expected)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      KefuSchemeIssue *issue = g_list_model_get_item (issues, i);

      if (kefu_scheme_issue_get_kind (issue) == kind)
        g_ptr_array_add (found, issue);
      else
        g_object_unref (issue);
    }
  if (found->len != expected)
    for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
      {
        g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
        g_autofree char *text = kefu_scheme_issue_to_string (issue);
        g_test_message ("issue: %s", text);
      }
  g_assert_cmpuint (found->len, ==, expected);
  return found;
}

static KefuSchemeIssue *
only_issue (GListModel        *issues,
            KefuIssueKind      kind,
            KefuIssueSeverity  severity)
{
  g_autoptr(GPtrArray) found = issues_of (issues, kind, 1);
  KefuSchemeIssue *issue = g_ptr_array_index (found, 0);

  g_assert_cmpint (kefu_scheme_issue_get_severity (issue), ==, severity);
  return g_object_ref (issue);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

static void
assert_rows (KefuSchemeIssue *issue,
             guint            first,
             ...)
{
  guint n_rows;
  const guint *rows = kefu_scheme_issue_get_rows (issue, &n_rows);
  guint expected = first, i = 0;
  va_list args;

  va_start (args, first);
  for (; expected != G_MAXUINT; expected = va_arg (args, guint), i++)
    {
      g_assert_cmpuint (i, <, n_rows);
      g_assert_cmpuint (rows[i], ==, expected);
    }
  va_end (args);
  g_assert_cmpuint (i, ==, n_rows);
}

static KefuItemScore *
item_score (KefuScoreReport *report,
            const char      *agent,
            const char      *key)
{
  KefuAgentScore *score = kefu_score_report_find_agent (report, agent);

  g_assert_nonnull (score);
  return kefu_agent_score_find_item (score, key);
}

/* ------------------------------------------------------------- precision */

static void
test_precision (void)
{
  g_autofree char *text = NULL;

  /* Rates to 0.01 percentage point: float noise on either side is 41.00%. */
  g_assert_cmpint (kefu_unit_to_steps (KEFU_UNIT_FRACTION, 0.41000000001), ==, 4100);
  g_assert_cmpint (kefu_unit_to_steps (KEFU_UNIT_FRACTION, 0.40999999), ==, 4100);
  g_assert_cmpint (kefu_unit_to_steps (KEFU_UNIT_FRACTION, 0.4099999), ==, 4100);
  g_assert_cmpint (kefu_unit_to_steps (KEFU_UNIT_FRACTION, 0.409949), ==, 4099);
  g_assert_cmpint (kefu_unit_to_steps (KEFU_UNIT_FRACTION, 0.40995), ==, 4100);   /* half: up */
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_FRACTION, 0.4099999), ==, 0.41);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_FRACTION, 582.0 / 1455), ==, 0.4);
  /* Seconds and hours to 0.1, ratios to 0.001, money to 0.01, counts exact. */
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_SECONDS, 10.04), ==, 10.0);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_SECONDS, 10.05), ==, 10.1);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_RATIO, 78.23 / 66.30), ==, 1.18);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_YUAN, 66.295), ==, 66.3);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_COUNT, 23), ==, 23);
  g_assert_cmpfloat (kefu_unit_round (KEFU_UNIT_HOURS, 2.449), ==, 2.4);
  g_assert_true (isnan (kefu_unit_round (KEFU_UNIT_RATIO, NAN)));

  text = kefu_unit_format (KEFU_UNIT_FRACTION, 0.4099999);
  g_assert_cmpstr (text, ==, "41.00%");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format (KEFU_UNIT_SECONDS, 13);
  g_assert_cmpstr (text, ==, "13.0 s");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format (KEFU_UNIT_RATIO, 78.23 / 66.30);
  g_assert_cmpstr (text, ==, "1.180");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format (KEFU_UNIT_YUAN, -12.3);
  g_assert_cmpstr (text, ==, "-¥12.30");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format (KEFU_UNIT_COUNT, NAN);
  g_assert_cmpstr (text, ==, "—");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format_bound (KEFU_UNIT_FRACTION, 0.41);
  g_assert_cmpstr (text, ==, "41%");
  g_clear_pointer (&text, g_free);
  text = kefu_unit_format_bound (KEFU_UNIT_FRACTION, 0.375);
  g_assert_cmpstr (text, ==, "37.5%");
}

/* --------------------------------------------------------------- brackets */

static void
test_bracket_range (void)
{
  g_autoptr(KefuBracket) row = bracket ("[0.38, 0.41)", 90);
  g_autoptr(KefuBracket) open = bracket (" ( -inf ,25 ] ", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (kefu_bracket_get_has_lower (row));
  g_assert_true (kefu_bracket_get_lower_inclusive (row));
  g_assert_cmpfloat (kefu_bracket_get_lower (row), ==, 0.38);
  g_assert_true (kefu_bracket_get_has_upper (row));
  g_assert_false (kefu_bracket_get_upper_inclusive (row));
  g_assert_cmpfloat (kefu_bracket_get_upper (row), ==, 0.41);

  text = kefu_bracket_get_range (row);
  g_assert_cmpstr (text, ==, "[0.38, 0.41)");
  g_clear_pointer (&text, g_free);
  text = kefu_bracket_describe (row, KEFU_UNIT_FRACTION);
  g_assert_cmpstr (text, ==, "38% ≤ x < 41%");
  g_clear_pointer (&text, g_free);
  text = kefu_bracket_format_interval (row, KEFU_UNIT_FRACTION);
  g_assert_cmpstr (text, ==, "[38%, 41%)");
  g_clear_pointer (&text, g_free);

  g_assert_false (kefu_bracket_get_has_lower (open));
  text = kefu_bracket_get_range (open);
  g_assert_cmpstr (text, ==, "(-inf, 25]");
  g_clear_pointer (&text, g_free);
  text = kefu_bracket_describe (open, KEFU_UNIT_SECONDS);
  g_assert_cmpstr (text, ==, "x ≤ 25 s");
  g_clear_pointer (&text, g_free);

  /* Seed 003's time rows: 10 < ST ≤ 15. */
  g_assert_true (kefu_bracket_set_range (open, "(10, 15]", &error));
  g_assert_no_error (error);
  text = kefu_bracket_describe (open, KEFU_UNIT_SECONDS);
  g_assert_cmpstr (text, ==, "10 s < x ≤ 15 s");
  g_clear_pointer (&text, g_free);

  /* Not ranges: the row stays as it was. */
  g_assert_false (kefu_bracket_set_range (row, "[0.38; 0.41)", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (kefu_bracket_set_range (row, "38% ≤ x < 41%", &error));
  assert_contains (error->message, "fractions");
  g_clear_error (&error);
  g_assert_false (kefu_bracket_set_range (row, "[+inf, 3)", &error));
  g_clear_error (&error);
  g_assert_false (kefu_bracket_set_range (row, "[1, abc)", &error));
  g_clear_error (&error);
  g_assert_cmpfloat (kefu_bracket_get_lower (row), ==, 0.38);
}

static void
test_bracket_boundaries (void)
{
  g_autoptr(KefuBracket) closed_open = bracket ("[0.38, 0.41)", 90);
  g_autoptr(KefuBracket) open_closed = bracket ("(10, 15]", 90);
  g_autoptr(KefuBracket) at_least = bracket ("[0.41, +inf)", 100);
  g_autoptr(KefuBracket) below = bracket ("(-inf, 0.25)", 0);
  g_autoptr(KefuBracket) over = bracket ("(30, +inf)", 0);
  g_autoptr(KefuBracket) everything = kefu_bracket_new ();
  g_autoptr(KefuBracket) point = bracket ("[0, 0]", 100);

  /* Inclusive lower, exclusive upper. */
  g_assert_true (kefu_bracket_contains (closed_open, KEFU_UNIT_FRACTION, 0.38));
  g_assert_true (kefu_bracket_contains (closed_open, KEFU_UNIT_FRACTION, 0.4099));
  g_assert_false (kefu_bracket_contains (closed_open, KEFU_UNIT_FRACTION, 0.41));
  g_assert_false (kefu_bracket_contains (closed_open, KEFU_UNIT_FRACTION, 0.3799));
  /* Exclusive lower, inclusive upper. */
  g_assert_false (kefu_bracket_contains (open_closed, KEFU_UNIT_SECONDS, 10));
  g_assert_true (kefu_bracket_contains (open_closed, KEFU_UNIT_SECONDS, 10.1));
  g_assert_true (kefu_bracket_contains (open_closed, KEFU_UNIT_SECONDS, 15));
  g_assert_false (kefu_bracket_contains (open_closed, KEFU_UNIT_SECONDS, 15.1));
  /* Infinite ends. */
  g_assert_true (kefu_bracket_contains (at_least, KEFU_UNIT_FRACTION, 0.41));
  g_assert_true (kefu_bracket_contains (at_least, KEFU_UNIT_FRACTION, 1e9));
  g_assert_true (kefu_bracket_contains (below, KEFU_UNIT_FRACTION, 0));
  g_assert_true (kefu_bracket_contains (below, KEFU_UNIT_FRACTION, -1e9));
  g_assert_false (kefu_bracket_contains (below, KEFU_UNIT_FRACTION, 0.25));
  g_assert_false (kefu_bracket_contains (over, KEFU_UNIT_SECONDS, 30));
  g_assert_true (kefu_bracket_contains (over, KEFU_UNIT_SECONDS, 30.1));
  g_assert_true (kefu_bracket_contains (everything, KEFU_UNIT_COUNT, 12345));
  g_assert_false (kefu_bracket_contains (everything, KEFU_UNIT_COUNT, NAN));
  g_assert_true (kefu_bracket_contains (point, KEFU_UNIT_COUNT, 0));
  g_assert_false (kefu_bracket_contains (point, KEFU_UNIT_COUNT, 1));
}

static void
test_bracket_display_precision (void)
{
  g_autoptr(KefuBracket) top = bracket ("[0.41, +inf)", 100);
  g_autoptr(KefuBracket) next = bracket ("[0.38, 0.41)", 90);
  g_autoptr(KefuBracket) fast = bracket ("(-inf, 10]", 100);
  g_autoptr(KefuBracket) ratio = bracket ("[1.17, 1.19)", 70);

  /* Shown as 41.00%: in "≥ 41%", never in the row below. */
  g_assert_true (kefu_bracket_contains (top, KEFU_UNIT_FRACTION, 0.41000000001));
  g_assert_true (kefu_bracket_contains (top, KEFU_UNIT_FRACTION, 0.40999999));
  g_assert_true (kefu_bracket_contains (top, KEFU_UNIT_FRACTION, 0.4099999));
  g_assert_false (kefu_bracket_contains (next, KEFU_UNIT_FRACTION, 0.4099999));
  g_assert_true (kefu_bracket_contains (next, KEFU_UNIT_FRACTION, 0.409949));
  /* The same rate computed as a ratio of counts. */
  g_assert_true (kefu_bracket_contains (top, KEFU_UNIT_FRACTION, 41.0 / 100));
  g_assert_true (kefu_bracket_contains (top, KEFU_UNIT_FRACTION, 0.1 * 4.1));
  /* 10.04 s shows as 10.0 s; 10.05 s as 10.1 s. */
  g_assert_true (kefu_bracket_contains (fast, KEFU_UNIT_SECONDS, 10.04));
  g_assert_false (kefu_bracket_contains (fast, KEFU_UNIT_SECONDS, 10.05));
  /* 78.23 ÷ 66.30 = 1.17994 shows as 1.180; 1.18999 as 1.190. */
  g_assert_true (kefu_bracket_contains (ratio, KEFU_UNIT_RATIO, 78.23 / 66.30));
  g_assert_false (kefu_bracket_contains (ratio, KEFU_UNIT_RATIO, 1.18999));
}

static void
test_bracket_linear (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuBracket) row = kefu_bracket_new_linear ("(20, 120]", 90, 50, &error);
  g_autoptr(KefuBracket) open = kefu_bracket_new_linear ("(20, +inf)", 90, 50, &error);
  g_autofree char *points = NULL;

  g_assert_no_error (error);
  g_assert_true (kefu_bracket_get_linear (row));
  g_assert_cmpfloat_with_epsilon (kefu_bracket_get_points_at (row, KEFU_UNIT_SECONDS, 120), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_bracket_get_points_at (row, KEFU_UNIT_SECONDS, 70), 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_bracket_get_points_at (row, KEFU_UNIT_SECONDS, 20), 90, 1e-9);
  /* On the value as shown: 45.04 s is 45.0 s. */
  g_assert_cmpfloat_with_epsilon (kefu_bracket_get_points_at (row, KEFU_UNIT_SECONDS, 45.04), 80, 1e-9);
  g_assert_true (isnan (kefu_bracket_get_points_at (open, KEFU_UNIT_SECONDS, 45)));

  points = kefu_bracket_describe_points (row);
  g_assert_cmpstr (points, ==, "90 → 50");
}

/* ----------------------------------------------------------------- model */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_model_notify (void)
{
  g_autoptr(KefuScheme) scheme = kefu_scheme_new ("s", "S");
  g_autoptr(KefuSchemeItem) item = kefu_scheme_item_new (KEFU_ITEM_KIND_METRIC, "payment_rate");
  g_autoptr(KefuBracket) row = bracket ("[0.9, +inf)", 100);
  guint notified = 0, changed = 0, weight_notified = 0, name_notified = 0;

  g_signal_connect (row, "notify::points", G_CALLBACK (count_notify), &notified);
  kefu_bracket_set_points (row, 100);
  g_assert_cmpuint (notified, ==, 0);          /* no real change */
  kefu_bracket_set_points (row, 95);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (row, "points", 95.0, NULL);
  g_assert_cmpuint (notified, ==, 1);

  g_signal_connect (scheme, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (scheme, "notify::total-weight", G_CALLBACK (count_notify), &weight_notified);
  g_signal_connect (scheme, "notify::name", G_CALLBACK (count_notify), &name_notified);

  kefu_scheme_item_append_bracket (item, row);
  kefu_scheme_append_item (scheme, item);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (weight_notified, ==, 0);   /* still 0 */

  kefu_scheme_item_set_weight (item, 25);
  g_assert_cmpuint (weight_notified, ==, 1);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 25);
  g_assert_cmpuint (changed, ==, 2);

  /* A row's change reaches the scheme. */
  kefu_bracket_set_lower (row, 0.85);
  g_assert_cmpuint (changed, ==, 3);
  kefu_bracket_set_lower (row, 0.85);
  g_assert_cmpuint (changed, ==, 3);

  kefu_scheme_set_name (scheme, "S");
  g_assert_cmpuint (name_notified, ==, 0);
  kefu_scheme_set_name (scheme, "女装");
  g_assert_cmpuint (name_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 4);

  /* The label falls back to the metric's own. */
  g_assert_cmpstr (kefu_scheme_item_get_display_label (item), ==, "Payment rate");
  kefu_scheme_item_set_label (item, "支付率");
  g_assert_cmpstr (kefu_scheme_item_get_display_label (item), ==, "支付率");

  /* A removed row no longer reaches it. */
  kefu_scheme_item_remove_bracket (item, 0);
  changed = 0;
  kefu_bracket_set_upper (row, 2);
  g_assert_cmpuint (changed, ==, 0);

  kefu_scheme_remove_item (scheme, 0);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 0);
  g_assert_cmpuint (weight_notified, ==, 2);
}

static void
test_model_copy (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScheme) copy = kefu_scheme_copy (scheme);
  g_auto(GStrv) keys = kefu_scheme_get_metric_keys (scheme);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (kefu_scheme_get_builtin (scheme));
  g_assert_cmpstrv (keys, ((const char *[]) { "inquiry_conversion_rate", "payment_rate",
                                               "unit_price_ratio", "first_response_time",
                                               "avg_response_time", "monthly_returns", NULL }));

  a = kefu_scheme_to_data (scheme);
  b = kefu_scheme_to_data (copy);
  g_assert_cmpstr (a, ==, b);

  /* A deep copy: changing it leaves the original alone. */
  kefu_bracket_set_points (kefu_scheme_item_get_bracket (kefu_scheme_get_item (copy, 0), 0), 1);
  g_assert_cmpfloat (kefu_bracket_get_points (kefu_scheme_item_get_bracket (kefu_scheme_get_item (scheme, 0), 0)), ==, 100);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* An editor's undo puts an older state back into the scheme it shows. */
static void
test_model_assign (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScheme) other = kefu_scheme_new ("other", "Other");
  g_autoptr(KefuSchemeItem) item = kefu_scheme_item_new (KEFU_ITEM_KIND_MANUAL, "出勤");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KefuSchemeItem *old_first;
  guint changed = 0, items_changed = 0;

  kefu_scheme_set_store_id (scheme, 7);
  old_first = g_object_ref (kefu_scheme_get_item (scheme, 0));
  kefu_scheme_item_set_weight (item, 40);
  kefu_scheme_append_item (other, item);
  kefu_scheme_set_draft (other, TRUE);
  g_signal_connect (scheme, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (kefu_scheme_get_items (scheme), "items-changed",
                    G_CALLBACK (items_changed_cb), &items_changed);

  kefu_scheme_assign (scheme, other);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpstr (kefu_scheme_get_name (scheme), ==, "Other");
  g_assert_cmpstr (kefu_scheme_get_id (scheme), ==, "womenswear-composite");
  g_assert_cmpint (kefu_scheme_get_store_id (scheme), ==, 7);
  g_assert_true (kefu_scheme_get_draft (scheme));
  g_assert_cmpuint (kefu_scheme_get_n_items (scheme), ==, 1);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 40);

  /* A deep copy: the items are the scheme's own … */
  g_assert_true (kefu_scheme_get_item (scheme, 0) != item);
  kefu_scheme_item_set_weight (item, 10);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 40);
  /* … they report their changes, and the old ones no longer do. */
  kefu_scheme_item_set_weight (kefu_scheme_get_item (scheme, 0), 100);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 100);
  kefu_scheme_item_set_weight (old_first, 1);
  g_assert_cmpuint (changed, ==, 2);
  g_object_unref (old_first);

  /* And back, exactly. */
  {
    g_autoptr(KefuScheme) original = builtin ("womenswear-composite");

    before = kefu_scheme_to_data (original);
    kefu_scheme_assign (scheme, original);
    after = kefu_scheme_to_data (scheme);
    g_assert_cmpstr (before, ==, after);
    g_assert_false (kefu_scheme_get_draft (scheme));
  }
}

/* A draft says so in its file, and only then. */
static void
test_json_draft (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuScheme) again = NULL;
  g_autoptr(KefuScheme) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = kefu_scheme_to_data (scheme);
  g_autofree char *draft = NULL;

  g_assert_null (strstr (plain, "\"draft\""));
  kefu_scheme_set_draft (scheme, TRUE);
  draft = kefu_scheme_to_data (scheme);
  g_assert_nonnull (strstr (draft, "\"draft\""));
  copy = kefu_scheme_copy (scheme);
  g_assert_true (kefu_scheme_get_draft (copy));

  again = kefu_scheme_new_from_data (draft, -1, "draft.json", &error);
  g_assert_no_error (error);
  g_assert_true (kefu_scheme_get_draft (again));

  g_clear_object (&again);
  again = kefu_scheme_new_from_data ("{ \"id\": \"a\", \"name\": \"A\", \"draft\": 1, \"items\": [] }",
                                     -1, "bad.json", &error);
  g_assert_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_INVALID);
  g_assert_null (again);
}

/* ------------------------------------------------------------------ JSON */

static void
test_json_builtin_roundtrip (void)
{
  g_autoptr(GListModel) schemes = kefu_scheme_list_builtin ();

  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (schemes); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (schemes, i);
      g_autoptr(KefuScheme) again = NULL;
      g_autoptr(KefuScheme) third = NULL;
      g_autofree char *first = kefu_scheme_to_data (scheme);
      g_autofree char *second = NULL;
      g_autofree char *dir = kefu_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "scheme.json", NULL);
      g_autofree char *third_text = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", kefu_scheme_get_id (scheme));
      g_assert_true (kefu_scheme_get_builtin (scheme));
      g_assert_nonnull (kefu_scheme_get_description (scheme));
      g_assert_cmpuint (kefu_scheme_get_n_items (scheme), >, 0);

      again = kefu_scheme_new_from_data (first, -1, "again", &error);
      g_assert_no_error (error);
      second = kefu_scheme_to_data (again);
      g_assert_cmpstr (first, ==, second);

      /* Through a file, too. */
      g_assert_true (kefu_scheme_save_to_file (again, path, &error));
      g_assert_no_error (error);
      third = kefu_scheme_new_from_file (path, &error);
      g_assert_no_error (error);
      third_text = kefu_scheme_to_data (third);
      g_assert_cmpstr (first, ==, third_text);
      /* Numbers in their shortest form. */
      g_assert_null (strstr (first, "0000000"));
      g_assert_null (strstr (first, "100.0"));

      kefu_test_remove_tree (dir);
    }
}

/* The file is the table printed in METRICS.md §5, fractions for rates. */
static void
test_json_womenswear_table (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  const struct {
    const char *key;
    double weight;
    const char *rows[8];
    double points[8];
  } expected[] = {
    { "inquiry_conversion_rate", 30,
      { "[0.41, +inf)", "[0.38, 0.41)", "[0.35, 0.38)", "[0.32, 0.35)", "[0.28, 0.31)",
        "[0.25, 0.28)", "(-inf, 0.25)" }, { 100, 90, 80, 70, 60, 50, 0 } },
    { "payment_rate", 25,
      { "[0.9, +inf)", "[0.8, 0.9)", "[0.7, 0.8)", "[0.6, 0.7)", "[0.5, 0.65)", "(-inf, 0.5)" },
      { 100, 90, 80, 70, 60, 0 } },
    { "unit_price_ratio", 20,
      { "[1.23, +inf)", "[1.21, 1.23)", "[1.19, 1.21)", "[1.17, 1.19)", "[1.15, 1.17)", "(-inf, 1.15)" },
      { 100, 90, 80, 70, 60, 0 } },
    { "first_response_time", 10,
      { "(-inf, 10]", "(10, 15]", "(15, 20]", "(20, 25]", "(25, 30]", "(30, +inf)" },
      { 100, 90, 80, 70, 60, 0 } },
    { "avg_response_time", 5,
      { "(-inf, 20]", "(20, 25]", "(25, 30]", "(30, 35]", "(35, 40]", "(40, +inf)" },
      { 100, 90, 80, 70, 60, 0 } },
    { "monthly_returns", 5,
      { "(-inf, 3)", "[3, 10)", "[10, 20)", "[20, +inf)" }, { 100, 80, 60, 0 } },
  };

  g_assert_cmpstr (kefu_scheme_get_name (scheme), ==, "女装店 KPI 复合模型");
  g_assert_cmpuint (kefu_scheme_get_n_items (scheme), ==, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 95);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KefuSchemeItem *item = kefu_scheme_get_item (scheme, i);
      guint n = 0;

      g_assert_cmpstr (kefu_scheme_item_get_key (item), ==, expected[i].key);
      g_assert_cmpint (kefu_scheme_item_get_kind (item), ==, KEFU_ITEM_KIND_METRIC);
      g_assert_cmpfloat (kefu_scheme_item_get_weight (item), ==, expected[i].weight);
      g_assert_cmpint (kefu_scheme_item_get_missing_policy (item), ==, KEFU_MISSING_POLICY_INCOMPLETE);
      while (n < G_N_ELEMENTS (expected[i].rows) && expected[i].rows[n] != NULL)
        n++;
      g_assert_cmpuint (kefu_scheme_item_get_n_brackets (item), ==, n);
      for (guint j = 0; j < n; j++)
        {
          KefuBracket *row = kefu_scheme_item_get_bracket (item, j);
          g_autofree char *range = kefu_bracket_get_range (row);

          g_assert_cmpstr (range, ==, expected[i].rows[j]);
          g_assert_false (kefu_bracket_get_linear (row));
          g_assert_cmpfloat (kefu_bracket_get_points (row), ==, expected[i].points[j]);
        }
    }
}

static void
test_json_errors (void)
{
  const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "not a JSON object" },
    { "{ \"id\": \"x\", \"items\": [] }", "needs an “id” and a “name”" },
    { "{ \"id\": \"x\", \"name\": \"X\" }", "“items”" },
    { "{ \"format\": 2, \"id\": \"x\", \"name\": \"X\", \"items\": [] }", "newer Kefu" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"colour\": 1, \"items\": [] }", "unknown member “colour”" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"weight\": 10 } ] }", "item 1" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"manual\": \"m\", \"weight\": 10 } ] }", "either" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"wieght\": 10 } ] }", "unknown member “wieght”" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": \"10\" } ] }", "“weight” must be a number" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": 10, \"missing\": \"skip\" } ] }", "“missing”" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": 10, \"brackets\": [ { \"points\": 1 } ] } ] }", "item 1 (payment_rate), row 1" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": 10, \"brackets\": [ { \"range\": \"[41%, +inf)\", \"points\": 1 } ] } ] }", "fractions" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": 10, \"brackets\": [ { \"range\": \"[0, 1]\", \"points\": 1, \"points_low\": 1, \"points_high\": 2 } ] } ] }", "not both" },
    { "{ \"id\": \"x\", \"name\": \"X\", \"items\": [ { \"metric\": \"payment_rate\", \"weight\": 10, \"brackets\": [ { \"range\": \"[0, 1]\", \"points_low\": 1 } ] } ] }", "“points_high”" },
    { "{ \"id\": ", "not JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KefuScheme) scheme = kefu_scheme_new_from_data (cases[i].json, -1, "bad.json", &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (scheme);
      g_assert_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_INVALID);
      assert_contains (error->message, "bad.json");
      assert_contains (error->message, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KefuScheme) scheme = kefu_scheme_new_builtin ("no-such-scheme", &error);

    g_assert_null (scheme);
    g_assert_error (error, KEFU_SCHEME_ERROR, KEFU_SCHEME_ERROR_NOT_FOUND);
  }
}

/* ------------------------------------------------------------ validation */

static void
test_validate_womenswear (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(KefuSchemeIssue) gap = only_issue (issues, KEFU_ISSUE_GAP, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) overlap = only_issue (issues, KEFU_ISSUE_OVERLAP, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) weights = only_issue (issues, KEFU_ISSUE_WEIGHTS, KEFU_ISSUE_WARNING);

  /* Exactly these three, errors first. */
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 3);
  g_assert_cmpuint (kefu_scheme_issues_count (issues, KEFU_ISSUE_ERROR), ==, 2);
  g_assert_cmpuint (kefu_scheme_issues_count (issues, KEFU_ISSUE_WARNING), ==, 1);

  /* The seed's own gap [31 %, 32 %) in inquiry conversion, between rows 4 and 5. */
  g_assert_cmpint (kefu_scheme_issue_get_item (gap), ==, 0);
  g_assert_cmpstr (kefu_scheme_issue_get_item_key (gap), ==, "inquiry_conversion_rate");
  assert_contains (kefu_scheme_issue_get_message (gap), "[31%, 32%)");
  assert_rows (gap, 3, 4, G_MAXUINT);
  g_assert_nonnull (kefu_scheme_issue_get_fix (gap));

  /* The overlap [60 %, 65 %) of payment rate rows 4 and 5. */
  g_assert_cmpint (kefu_scheme_issue_get_item (overlap), ==, 1);
  g_assert_cmpstr (kefu_scheme_issue_get_item_key (overlap), ==, "payment_rate");
  assert_contains (kefu_scheme_issue_get_message (overlap), "[60%, 65%)");
  assert_rows (overlap, 3, 4, G_MAXUINT);
  assert_contains (kefu_scheme_issue_get_fix (overlap), "[50%, 60%)");

  /* Weights that sum to 95 %: a warning. */
  g_assert_cmpint (kefu_scheme_issue_get_item (weights), ==, -1);
  assert_contains (kefu_scheme_issue_get_message (weights), "95%");
}

static void
test_validate_presets (void)
{
  const char *ids[] = { "pdd-preset", "douyin-preset" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(KefuScheme) scheme = builtin (ids[i]);
      g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);

      g_test_message ("%s", ids[i]);
      g_ptr_array_unref (issues_of (issues, KEFU_ISSUE_WEIGHTS, 0));
      g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
      g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 100);
    }
}

static void
test_validate_weights (void)
{
  g_autoptr(KefuScheme) full = one_item ("{ \"metric\": \"payment_rate\", \"weight\": 100, "
                                         "\"brackets\": [ { \"range\": \"(-inf, +inf)\", \"points\": 50 } ] }");
  g_autoptr(KefuScheme) over = one_item ("{ \"metric\": \"payment_rate\", \"weight\": 110, "
                                         "\"brackets\": [ { \"range\": \"(-inf, +inf)\", \"points\": 50 } ] }");
  g_autoptr(KefuScheme) zero = one_item ("{ \"metric\": \"payment_rate\", \"weight\": 0, "
                                         "\"brackets\": [ { \"range\": \"(-inf, +inf)\", \"points\": 50 } ] }");
  g_autoptr(GListModel) full_issues = kefu_scheme_validate (full, NULL);
  g_autoptr(GListModel) over_issues = kefu_scheme_validate (over, NULL);
  g_autoptr(GListModel) zero_issues = kefu_scheme_validate (zero, NULL);
  g_autoptr(KefuSchemeIssue) sum = NULL;
  g_autoptr(KefuSchemeIssue) range = NULL;
  g_autoptr(KefuSchemeIssue) nothing = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (full_issues), ==, 0);

  sum = only_issue (over_issues, KEFU_ISSUE_WEIGHTS, KEFU_ISSUE_WARNING);
  assert_contains (kefu_scheme_issue_get_message (sum), "110%");
  range = only_issue (over_issues, KEFU_ISSUE_WEIGHT, KEFU_ISSUE_ERROR);
  assert_contains (kefu_scheme_issue_get_message (range), "110%");

  nothing = only_issue (zero_issues, KEFU_ISSUE_WEIGHT, KEFU_ISSUE_WARNING);
  assert_contains (kefu_scheme_issue_get_message (nothing), "counts for nothing");
}

static void
test_validate_gaps (void)
{
  /* Rows must reach the ends of what a rate can be, 0 % and 100 %. */
  g_autoptr(KefuScheme) rates = one_item (
    "{ \"metric\": \"payment_rate\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[0.9, 1)\", \"points\": 100 },"
    "  { \"range\": \"[0.5, 0.9)\", \"points\": 60 },"
    "  { \"range\": \"[0.1, 0.5)\", \"points\": 0 } ] }");
  /* Counts are whole: [0, 2] and [3, 10) meet; seconds meet at (10, 15]. */
  g_autoptr(KefuScheme) counts = one_item (
    "{ \"metric\": \"monthly_returns\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[0, 2]\", \"points\": 100 },"
    "  { \"range\": \"[3, 10)\", \"points\": 80 },"
    "  { \"range\": \"[10, +inf)\", \"points\": 0 } ] }");
  g_autoptr(KefuScheme) seconds = one_item (
    "{ \"metric\": \"avg_response_time\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"(-inf, 10]\", \"points\": 100 },"
    "  { \"range\": \"(10, 15]\", \"points\": 90 },"
    "  { \"range\": \"[15.1, +inf)\", \"points\": 0 } ] }");
  g_autoptr(KefuScheme) seconds_gap = one_item (
    "{ \"metric\": \"avg_response_time\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"(-inf, 10)\", \"points\": 100 },"
    "  { \"range\": \"(10, +inf)\", \"points\": 0 } ] }");
  g_autoptr(GListModel) rate_issues = kefu_scheme_validate (rates, NULL);
  g_autoptr(GListModel) count_issues = kefu_scheme_validate (counts, NULL);
  g_autoptr(GListModel) second_issues = kefu_scheme_validate (seconds, NULL);
  g_autoptr(GListModel) second_gap_issues = kefu_scheme_validate (seconds_gap, NULL);
  g_autoptr(GPtrArray) gaps = issues_of (rate_issues, KEFU_ISSUE_GAP, 2);
  g_autoptr(KefuSchemeIssue) ten = NULL;

  /* Ordered by value: below 10 %, then exactly 100 %. */
  assert_contains (kefu_scheme_issue_get_message (g_ptr_array_index (gaps, 0)), "[0%, 10%)");
  assert_rows (g_ptr_array_index (gaps, 0), 2, G_MAXUINT);
  assert_contains (kefu_scheme_issue_get_message (g_ptr_array_index (gaps, 1)), "[100%, 100%]");
  assert_rows (g_ptr_array_index (gaps, 1), 0, G_MAXUINT);

  g_assert_cmpuint (g_list_model_get_n_items (count_issues), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (second_issues), ==, 0);

  /* Exactly 10 s fits no row. */
  ten = only_issue (second_gap_issues, KEFU_ISSUE_GAP, KEFU_ISSUE_ERROR);
  assert_contains (kefu_scheme_issue_get_message (ten), "[10 s, 10 s]");
}

static void
test_validate_overlap (void)
{
  g_autoptr(KefuScheme) scheme = one_item (
    "{ \"metric\": \"first_response_time\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"(-inf, 10]\", \"points\": 100 },"
    "  { \"range\": \"[10, 20]\", \"points\": 80 },"
    "  { \"range\": \"(20, +inf)\", \"points\": 0 } ] }");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(KefuSchemeIssue) overlap = only_issue (issues, KEFU_ISSUE_OVERLAP, KEFU_ISSUE_ERROR);

  /* Both contain exactly 10 s. */
  assert_contains (kefu_scheme_issue_get_message (overlap), "[10 s, 10 s]");
  assert_rows (overlap, 0, 1, G_MAXUINT);
  g_ptr_array_unref (issues_of (issues, KEFU_ISSUE_GAP, 0));
}

static void
test_validate_order (void)
{
  g_autoptr(KefuScheme) scheme = one_item (
    "{ \"metric\": \"payment_rate\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[0.9, +inf)\", \"points\": 100 },"
    "  { \"range\": \"[0.5, 0.8)\", \"points\": 60 },"
    "  { \"range\": \"[0.8, 0.9)\", \"points\": 90 },"
    "  { \"range\": \"(-inf, 0.5)\", \"points\": 0 } ] }");
  g_autoptr(KefuScheme) ascending = one_item (
    "{ \"metric\": \"avg_response_time\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"(-inf, 20]\", \"points\": 100 },"
    "  { \"range\": \"(20, 40]\", \"points\": 60 },"
    "  { \"range\": \"(40, +inf)\", \"points\": 0 } ] }");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(GListModel) ascending_issues = kefu_scheme_validate (ascending, NULL);
  g_autoptr(KefuSchemeIssue) order = only_issue (issues, KEFU_ISSUE_ORDER, KEFU_ISSUE_WARNING);

  assert_rows (order, 2, G_MAXUINT);
  assert_contains (kefu_scheme_issue_get_message (order), "row 3");
  /* Out of order, but complete and without overlaps. */
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  /* Worst-first or best-first are both in order. */
  g_assert_cmpuint (g_list_model_get_n_items (ascending_issues), ==, 0);
}

static void
test_validate_points (void)
{
  g_autoptr(KefuScheme) scheme = one_item (
    "{ \"metric\": \"payment_rate\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[0.9, +inf)\", \"points\": 120 },"
    "  { \"range\": \"[0.5, 0.9)\", \"points_low\": 0, \"points_high\": 100 },"
    "  { \"range\": \"(-inf, 0.5)\", \"points\": -10 } ] }");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(GPtrArray) points = issues_of (issues, KEFU_ISSUE_POINTS, 2);

  g_assert_cmpint (kefu_scheme_issue_get_severity (g_ptr_array_index (points, 0)), ==, KEFU_ISSUE_ERROR);
  assert_rows (g_ptr_array_index (points, 0), 0, G_MAXUINT);
  assert_contains (kefu_scheme_issue_get_message (g_ptr_array_index (points, 0)), "120");
  assert_rows (g_ptr_array_index (points, 1), 2, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 2);
}

static void
test_validate_unknown_metric (void)
{
  g_autoptr(KefuScheme) scheme = scheme_from_json (
    "{ \"id\": \"t\", \"name\": \"T\", \"items\": ["
    "  { \"metric\": \"conversion\", \"weight\": 50, \"brackets\": [ { \"range\": \"(-inf, +inf)\", \"points\": 1 } ] },"
    "  { \"manual\": \"attendance\", \"label\": \"出勤\", \"weight\": 50 } ] }");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(KefuSchemeIssue) unknown = only_issue (issues, KEFU_ISSUE_UNKNOWN_METRIC, KEFU_ISSUE_ERROR);

  g_assert_cmpint (kefu_scheme_issue_get_item (unknown), ==, 0);
  assert_contains (kefu_scheme_issue_get_message (unknown), "“conversion” is not a metric");
  /* A manual item without rows is fine: its points are given by hand. */
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
}

static void
test_validate_unit (void)
{
  /* 41 for 41 %: a rate is the fraction 0.41. */
  g_autoptr(KefuScheme) percent = one_item (
    "{ \"metric\": \"inquiry_conversion_rate\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[41, +inf)\", \"points\": 100 },"
    "  { \"range\": \"[38, 41)\", \"points\": 90 },"
    "  { \"range\": \"(-inf, 38)\", \"points\": 0 } ] }");
  g_autoptr(KefuScheme) ratio = one_item (
    "{ \"metric\": \"unit_price_ratio\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[123, +inf)\", \"points\": 100 },"
    "  { \"range\": \"(-inf, 123)\", \"points\": 0 } ] }");
  g_autoptr(KefuScheme) dsr = one_item (
    "{ \"metric\": \"dsr_service\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"[48, +inf)\", \"points\": 100 },"
    "  { \"range\": \"(-inf, 48)\", \"points\": 0 } ] }");
  g_autoptr(GListModel) percent_issues = kefu_scheme_validate (percent, NULL);
  g_autoptr(GListModel) ratio_issues = kefu_scheme_validate (ratio, NULL);
  g_autoptr(GListModel) dsr_issues = kefu_scheme_validate (dsr, NULL);
  g_autoptr(KefuSchemeIssue) unit = only_issue (percent_issues, KEFU_ISSUE_UNIT, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) ratio_unit = only_issue (ratio_issues, KEFU_ISSUE_UNIT, KEFU_ISSUE_WARNING);
  g_autoptr(KefuSchemeIssue) dsr_unit = only_issue (dsr_issues, KEFU_ISSUE_UNIT, KEFU_ISSUE_ERROR);

  assert_rows (unit, 0, 1, 2, G_MAXUINT);
  assert_contains (kefu_scheme_issue_get_message (unit), "41");
  assert_contains (kefu_scheme_issue_get_fix (unit), "0.41");
  /* The gap/overlap checks would only repeat the same mistake. */
  g_assert_cmpuint (g_list_model_get_n_items (percent_issues), ==, 1);

  assert_contains (kefu_scheme_issue_get_fix (ratio_unit), "1.23");
  assert_contains (kefu_scheme_issue_get_message (dsr_unit), "1 to 5");
}

static void
test_validate_rows (void)
{
  g_autoptr(KefuScheme) scheme = scheme_from_json (
    "{ \"id\": \"t\", \"name\": \"T\", \"items\": ["
    "  { \"metric\": \"payment_rate\", \"weight\": 40 },"
    "  { \"metric\": \"avg_response_time\", \"weight\": 30, \"brackets\": ["
    "    { \"range\": \"(-inf, 20]\", \"points\": 100 },"
    "    { \"range\": \"[40, 30)\", \"points\": 50 },"
    "    { \"range\": \"(20, +inf)\", \"points_low\": 90, \"points_high\": 0 } ] },"
    "  { \"metric\": \"payment_rate\", \"weight\": 30, \"brackets\": ["
    "    { \"range\": \"(-inf, +inf)\", \"points\": 1 } ] } ] }");
  g_autoptr(GListModel) issues = kefu_scheme_validate (scheme, NULL);
  g_autoptr(KefuSchemeIssue) no_rows = only_issue (issues, KEFU_ISSUE_NO_ROWS, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) empty = only_issue (issues, KEFU_ISSUE_EMPTY_ROW, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) linear = only_issue (issues, KEFU_ISSUE_LINEAR, KEFU_ISSUE_ERROR);
  g_autoptr(KefuSchemeIssue) duplicate = only_issue (issues, KEFU_ISSUE_DUPLICATE, KEFU_ISSUE_WARNING);
  g_autoptr(KefuScheme) empty_scheme = kefu_scheme_new ("e", "E");
  g_autoptr(GListModel) empty_issues = kefu_scheme_validate (empty_scheme, NULL);

  g_assert_cmpint (kefu_scheme_issue_get_item (no_rows), ==, 0);
  g_assert_cmpint (kefu_scheme_issue_get_item (empty), ==, 1);
  assert_rows (empty, 1, G_MAXUINT);
  assert_rows (linear, 2, G_MAXUINT);
  g_assert_cmpint (kefu_scheme_issue_get_item (duplicate), ==, 2);

  g_object_unref (only_issue (empty_issues, KEFU_ISSUE_NO_ITEMS, KEFU_ISSUE_ERROR));
}

static void
test_validate_no_data (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuMetricTable) table = new_table ();
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GPtrArray) no_data = NULL;
  guint a, b;

  add_agent (table, 0, NULL);
  a = add_agent (table, 1, "A");
  b = add_agent (table, 2, "B");
  set_ratio (table, a, "inquiry_conversion_rate", 1, 3);
  set_missing (table, b, "inquiry_conversion_rate", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  set_missing (table, a, "payment_rate", KEFU_METRIC_MISSING_NO_DATA);
  set_missing (table, b, "payment_rate", KEFU_METRIC_MISSING_NO_DATA);
  set_value (table, a, "first_response_time", 10);
  set_value (table, a, "avg_response_time", 10);
  set_value (table, b, "monthly_returns", 1);
  /* unit_price_ratio: not in the table at all. */

  issues = kefu_scheme_validate (scheme, table);
  no_data = issues_of (issues, KEFU_ISSUE_NO_DATA, 2);
  g_assert_cmpstr (kefu_scheme_issue_get_item_key (g_ptr_array_index (no_data, 0)), ==, "payment_rate");
  g_assert_cmpint (kefu_scheme_issue_get_severity (g_ptr_array_index (no_data, 0)), ==, KEFU_ISSUE_WARNING);
  assert_contains (kefu_scheme_issue_get_message (g_ptr_array_index (no_data, 0)), "no imported data");
  g_assert_cmpstr (kefu_scheme_issue_get_item_key (g_ptr_array_index (no_data, 1)), ==, "unit_price_ratio");
}

/* --------------------------------------------------------------- scoring */

static void
test_score_worked_example (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuMetricTable) table = womenswear_table ();
  g_autoptr(KefuScoreReport) report = kefu_score_report_new (scheme, table, NULL);
  GListModel *agents = kefu_score_report_get_agents (report);
  const struct {
    const char *name;
    double total;
    guint rank;
    double weighted[6];
  } expected[] = {
    { "A", 77.5, 1, { 21, 25, 14, 9, 4.5, 4 } },
    { "B", 74.0, 3, { 27, 20, 12, 10, 5, 0 } },
    { "C", 77.5, 1, { 18, 22.5, 20, 8, 4, 5 } },
  };
  KefuItemScore *item;
  GDate from, to;

  /* Agents only, by rank; ties in the table's order. */
  g_assert_cmpuint (g_list_model_get_n_items (agents), ==, 3);
  {
    g_autoptr(KefuAgentScore) first = g_list_model_get_item (agents, 0);
    g_autoptr(KefuAgentScore) second = g_list_model_get_item (agents, 1);
    g_autoptr(KefuAgentScore) third = g_list_model_get_item (agents, 2);

    g_assert_cmpstr (kefu_agent_score_get_agent_name (first), ==, "A");
    g_assert_cmpstr (kefu_agent_score_get_agent_name (second), ==, "C");
    g_assert_cmpstr (kefu_agent_score_get_agent_name (third), ==, "B");
  }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KefuAgentScore *agent = kefu_score_report_find_agent (report, expected[i].name);
      GListModel *items = kefu_agent_score_get_items (agent);

      g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (agent), expected[i].total, 1e-9);
      g_assert_cmpuint (kefu_agent_score_get_rank (agent), ==, expected[i].rank);
      g_assert_true (kefu_agent_score_get_complete (agent));
      g_assert_cmpuint (kefu_agent_score_get_n_errors (agent), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, 6);
      for (guint j = 0; j < 6; j++)
        {
          g_autoptr(KefuItemScore) score = g_list_model_get_item (items, j);

          g_assert_cmpint (kefu_item_score_get_status (score), ==, KEFU_ITEM_STATUS_SCORED);
          g_assert_cmpfloat_with_epsilon (kefu_item_score_get_weighted (score), expected[i].weighted[j], 1e-9);
        }
    }

  /* B's 23 returns score 0 (≥ 20), not the 60 the seed prints. */
  item = item_score (report, "B", "monthly_returns");
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 0);
  g_assert_cmpstr (kefu_item_score_get_bracket (item), ==, "x ≥ 20");
  g_assert_cmpint (kefu_item_score_get_bracket_index (item), ==, 3);

  /* The explanation: value with numerator and denominator, row, points, weight. */
  item = item_score (report, "A", "inquiry_conversion_rate");
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 70);
  g_assert_cmpfloat (kefu_item_score_get_weight (item), ==, 30);
  g_assert_cmpfloat (kefu_item_score_get_numerator (item), ==, 88);
  g_assert_cmpfloat (kefu_item_score_get_denominator (item), ==, 275);
  g_assert_cmpstr (kefu_item_score_get_value_text (item), ==, "32.00%");
  g_assert_cmpstr (kefu_item_score_get_bracket (item), ==, "32% ≤ x < 35%");
  assert_contains (kefu_item_score_get_explanation (item), "32.00% (88 ÷ 275)");
  assert_contains (kefu_item_score_get_explanation (item), "32% ≤ x < 35%");
  assert_contains (kefu_item_score_get_explanation (item), "70 points × 30% = 21.00");

  /* 78.23 ÷ 66.30 = 1.17994: shown as 1.180, in [1.17, 1.19). */
  item = item_score (report, "A", "unit_price_ratio");
  g_assert_cmpfloat (kefu_item_score_get_shown_value (item), ==, 1.18);
  g_assert_cmpstr (kefu_item_score_get_bracket (item), ==, "1.17 ≤ x < 1.19");

  item = item_score (report, "A", "first_response_time");
  g_assert_cmpstr (kefu_item_score_get_bracket (item), ==, "10 s < x ≤ 15 s");

  /* The report keeps the scheme's issues and the period. */
  g_assert_cmpuint (kefu_scheme_issues_count (kefu_score_report_get_issues (report), KEFU_ISSUE_ERROR), ==, 2);
  g_assert_true (kefu_score_report_get_complete (report));
  kefu_score_report_get_period (report, &from, &to);
  g_assert_cmpuint (g_date_get_day (&to), ==, 30);
  g_assert_null (kefu_score_report_find_agent (report, "Nobody"));
}

static void
test_score_ties (void)
{
  g_autoptr(KefuScheme) scheme = one_item (
    "{ \"metric\": \"monthly_returns\", \"weight\": 100, \"brackets\": ["
    "  { \"range\": \"(-inf, 3)\", \"points\": 100 },"
    "  { \"range\": \"[3, 10)\", \"points\": 80 },"
    "  { \"range\": \"[10, +inf)\", \"points\": 0 } ] }");
  g_autoptr(KefuMetricTable) table = new_table ();
  g_autoptr(KefuScoreReport) report = NULL;
  const struct { const char *name; double returns; guint rank; } agents[] = {
    { "小安", 5, 3 }, { "小贝", 1, 1 }, { "小橙", 2, 1 }, { "小丁", 12, 5 }, { "小鹅", 9, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    set_value (table, add_agent (table, i + 1, agents[i].name), "monthly_returns", agents[i].returns);

  report = kefu_score_report_new (scheme, table, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    g_assert_cmpuint (kefu_agent_score_get_rank (kefu_score_report_find_agent (report, agents[i].name)),
                      ==, agents[i].rank);
}

/* Three agents, one item each missing, under each policy. */
static KefuScoreReport *
score_with_policy (const char *policy)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"id\": \"t\", \"name\": \"T\", \"items\": ["
    "  { \"metric\": \"payment_rate\", \"weight\": 60, \"brackets\": ["
    "    { \"range\": \"[0.9, +inf)\", \"points\": 100 }, { \"range\": \"(-inf, 0.9)\", \"points\": 50 } ] },"
    "  { \"metric\": \"satisfaction_rate\", \"weight\": 20, \"missing\": \"%s\", \"brackets\": ["
    "    { \"range\": \"[0.9, +inf)\", \"points\": 100 }, { \"range\": \"(-inf, 0.9)\", \"points\": 50 } ] },"
    "  { \"metric\": \"monthly_returns\", \"weight\": 20, \"brackets\": ["
    "    { \"range\": \"(-inf, 3)\", \"points\": 100 }, { \"range\": \"[3, +inf)\", \"points\": 0 } ] } ] }",
    policy);
  g_autoptr(KefuScheme) scheme = scheme_from_json (json);
  g_autoptr(KefuMetricTable) table = new_table ();
  guint a = add_agent (table, 1, "A"), b = add_agent (table, 2, "B");

  set_ratio (table, a, "payment_rate", 95, 100);
  set_ratio (table, a, "satisfaction_rate", 95, 100);
  set_value (table, a, "monthly_returns", 1);
  set_ratio (table, b, "payment_rate", 95, 100);
  set_missing (table, b, "satisfaction_rate", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);
  set_value (table, b, "monthly_returns", 5);

  return kefu_score_report_new (scheme, table, NULL);
}

static void
test_score_missing_incomplete (void)
{
  g_autoptr(KefuScoreReport) report = score_with_policy ("incomplete");
  KefuAgentScore *b = kefu_score_report_find_agent (report, "B");
  KefuItemScore *item = kefu_agent_score_find_item (b, "satisfaction_rate");

  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_MISSING);
  g_assert_true (isnan (kefu_item_score_get_points (item)));
  g_assert_true (isnan (kefu_item_score_get_value (item)));
  assert_contains (kefu_item_score_get_missing (item), "nothing to divide by");
  assert_contains (kefu_item_score_get_explanation (item), "incomplete");
  /* Reported, not ranked: 60 of what is there. */
  g_assert_false (kefu_agent_score_get_complete (b));
  g_assert_cmpuint (kefu_agent_score_get_rank (b), ==, 0);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (b), 60, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (kefu_score_report_find_agent (report, "A")), ==, 1);
  g_assert_false (kefu_score_report_get_complete (report));

  /* Unranked agents come last. */
  {
    g_autoptr(KefuAgentScore) last = g_list_model_get_item (kefu_score_report_get_agents (report), 1);
    g_assert_true (last == b);
  }
}

static void
test_score_missing_zero (void)
{
  g_autoptr(KefuScoreReport) report = score_with_policy ("zero");
  KefuAgentScore *b = kefu_score_report_find_agent (report, "B");
  KefuItemScore *item = kefu_agent_score_find_item (b, "satisfaction_rate");

  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_ZERO);
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 0);
  assert_contains (kefu_item_score_get_explanation (item), "0 points");
  g_assert_true (kefu_agent_score_get_complete (b));
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (b), 60, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (b), ==, 2);
}

static void
test_score_missing_exclude (void)
{
  g_autoptr(KefuScoreReport) report = score_with_policy ("exclude");
  KefuAgentScore *a = kefu_score_report_find_agent (report, "A");
  KefuAgentScore *b = kefu_score_report_find_agent (report, "B");
  KefuItemScore *item = kefu_agent_score_find_item (b, "satisfaction_rate");
  KefuItemScore *payment = kefu_agent_score_find_item (b, "payment_rate");
  KefuItemScore *returns = kefu_agent_score_find_item (b, "monthly_returns");

  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_EXCLUDED);
  g_assert_cmpfloat (kefu_item_score_get_weight (item), ==, 0);
  /* 60 and 20 rescaled to the scheme's 100: 75 and 25. */
  g_assert_cmpfloat_with_epsilon (kefu_item_score_get_weight (payment), 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_item_score_get_weight (returns), 25, 1e-9);
  g_assert_cmpfloat (kefu_item_score_get_scheme_weight (payment), ==, 60);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (b), 75, 1e-9);
  g_assert_true (kefu_agent_score_get_complete (b));
  g_assert_cmpuint (kefu_agent_score_get_rank (b), ==, 2);
  /* A has every value: untouched weights. */
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (a), 100, 1e-9);
  g_assert_cmpfloat (kefu_item_score_get_weight (kefu_agent_score_find_item (a, "payment_rate")), ==, 60);
}

static void
test_score_gap_error (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuMetricTable) table = womenswear_table ();
  g_autoptr(KefuScoreReport) report = NULL;
  KefuAgentScore *c;
  KefuItemScore *item;
  int row = kefu_metric_table_find_agent (table, 3);

  /* C's conversion 31.5 %: in the seed's gap. */
  set_ratio (table, row, "inquiry_conversion_rate", 252, 800);
  report = kefu_score_report_new (scheme, table, NULL);
  c = kefu_score_report_find_agent (report, "C");
  item = kefu_agent_score_find_item (c, "inquiry_conversion_rate");

  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_ERROR);
  g_assert_true (isnan (kefu_item_score_get_points (item)));   /* never a silent 0 */
  assert_contains (kefu_item_score_get_error (item), "31.50%");
  assert_contains (kefu_item_score_get_error (item), "[31%, 32%)");
  g_assert_false (kefu_agent_score_get_complete (c));
  g_assert_cmpuint (kefu_agent_score_get_n_errors (c), ==, 1);
  g_assert_cmpuint (kefu_agent_score_get_rank (c), ==, 0);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (c), 59.5, 1e-9);
  /* 2 scheme errors + C's. */
  g_assert_cmpuint (kefu_score_report_get_n_errors (report), ==, 3);
  /* The others rank among themselves. */
  g_assert_cmpuint (kefu_agent_score_get_rank (kefu_score_report_find_agent (report, "A")), ==, 1);
  g_assert_cmpuint (kefu_agent_score_get_rank (kefu_score_report_find_agent (report, "B")), ==, 2);
}

static void
test_score_overlap (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuMetricTable) table = womenswear_table ();
  g_autoptr(KefuScoreReport) report = NULL;
  KefuItemScore *item;

  /* A's payment rate 62 %: in [60, 70) and in [50, 65); the first row counts. */
  set_ratio (table, kefu_metric_table_find_agent (table, 1), "payment_rate", 155, 250);
  report = kefu_score_report_new (scheme, table, NULL);
  item = item_score (report, "A", "payment_rate");
  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_SCORED);
  g_assert_cmpint (kefu_item_score_get_bracket_index (item), ==, 3);
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 70);
  assert_contains (kefu_item_score_get_note (item), "row 5");
  assert_contains (kefu_item_score_get_explanation (item), "overlap");
}

static void
test_score_linear (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("douyin-preset");
  g_autoptr(KefuMetricTable) table = new_table ();
  g_autoptr(KefuScoreReport) report = NULL;
  guint row = add_agent (table, 7, "小王");
  KefuItemScore *item;

  set_ratio (table, row, "response_rate_3min", 96, 100);
  set_value (table, row, "avg_response_time", 70.04);   /* 70.0 s: halfway from 20 s to 120 s */
  set_ratio (table, row, "satisfaction_rate", 90, 100);
  set_ratio (table, row, "inquiry_conversion_rate", 45, 100);
  set_ratio (table, row, "payment_rate", 80, 100);
  set_missing (table, row, "dissatisfaction_rate", KEFU_METRIC_MISSING_ZERO_DENOMINATOR);

  report = kefu_score_report_new (scheme, table, NULL);
  item = item_score (report, "小王", "avg_response_time");
  g_assert_cmpfloat_with_epsilon (kefu_item_score_get_points (item), 70, 1e-9);
  assert_contains (kefu_item_score_get_explanation (item), "linearly from 90 to 50");
  /* Dissatisfaction excluded: 90 points of weight rescaled to 100. */
  g_assert_cmpfloat_with_epsilon (kefu_item_score_get_weight (item), 15 * 100.0 / 90, 1e-9);
  g_assert_true (kefu_agent_score_get_complete (kefu_score_report_find_agent (report, "小王")));
  /* (25×90 + 15×70 + 20×85 + 20×85 + 10×80) ÷ 90 = 83.33 */
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (kefu_score_report_find_agent (report, "小王")),
                                  83.33, 1e-9);
}

static const char *manual_scheme =
  "{ \"id\": \"m\", \"name\": \"M\", \"items\": ["
  "  { \"metric\": \"monthly_returns\", \"weight\": 50, \"brackets\": ["
  "    { \"range\": \"(-inf, 3)\", \"points\": 100 }, { \"range\": \"[3, +inf)\", \"points\": 0 } ] },"
  "  { \"manual\": \"supervisor\", \"label\": \"主管评分\", \"weight\": 30 },"
  "  { \"manual\": \"attendance\", \"label\": \"出勤\", \"weight\": 20, \"brackets\": ["
  "    { \"range\": \"[95, +inf)\", \"points\": 100 }, { \"range\": \"(-inf, 95)\", \"points\": 60 } ] } ] }";

static void
test_score_manual (void)
{
  g_autoptr(KefuScheme) scheme = scheme_from_json (manual_scheme);
  g_autoptr(KefuMetricTable) table = new_table ();
  g_autoptr(KefuManualScores) manual = kefu_manual_scores_new ();
  g_autoptr(KefuScoreReport) report = NULL;
  guint a = add_agent (table, 1, "A"), b = add_agent (table, 2, "B");
  KefuItemScore *item;
  double points;

  set_value (table, a, "monthly_returns", 0);
  set_value (table, b, "monthly_returns", 0);

  kefu_manual_scores_set (manual, 1, NULL, "supervisor", 80, "耐心");
  kefu_manual_scores_set (manual, 0, "A", "出勤", 98, NULL);          /* by name and label */
  kefu_manual_scores_set (manual, 0, "B", "supervisor", 70, NULL);
  kefu_manual_scores_set (manual, 0, "B", "supervisor", 90, NULL);    /* the later one wins */
  g_assert_true (kefu_manual_scores_lookup (manual, 2, "B", "B", "supervisor", &points, NULL));
  g_assert_cmpfloat (points, ==, 90);

  report = kefu_score_report_new (scheme, table, manual);

  /* Without rows the points given are the item's points. */
  item = item_score (report, "A", "supervisor");
  g_assert_cmpint (kefu_item_score_get_kind (item), ==, KEFU_ITEM_KIND_MANUAL);
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 80);
  g_assert_cmpfloat (kefu_item_score_get_weighted (item), ==, 24);
  g_assert_cmpstr (kefu_item_score_get_note (item), ==, "耐心");
  assert_contains (kefu_item_score_get_explanation (item), "by hand");
  /* With rows they are scored like a value. */
  item = item_score (report, "A", "attendance");
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 100);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (kefu_score_report_find_agent (report, "A")), 94, 1e-9);
  g_assert_true (kefu_agent_score_get_complete (kefu_score_report_find_agent (report, "A")));

  /* B has no attendance: missing, incomplete. */
  item = item_score (report, "B", "attendance");
  g_assert_cmpint (kefu_item_score_get_status (item), ==, KEFU_ITEM_STATUS_MISSING);
  assert_contains (kefu_item_score_get_missing (item), "by hand");
  g_assert_false (kefu_agent_score_get_complete (kefu_score_report_find_agent (report, "B")));
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (kefu_score_report_find_agent (report, "B")), 77, 1e-9);
}

static void
test_manual_file (void)
{
  g_autofree char *dir = kefu_test_make_tmpdir ();
  g_autofree char *longform = g_build_filename (dir, "manual.csv", NULL);
  g_autofree char *wide = g_build_filename (dir, "wide.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(KefuManualScores) scores = kefu_manual_scores_new ();
  g_autoptr(GError) error = NULL;
  const char *note = NULL;
  double points;

  g_assert_true (g_file_set_contents (longform, "客服,项目,得分,备注\nA,supervisor,85,好\nB,supervisor,-,\n", -1, NULL));
  g_assert_true (g_file_set_contents (wide, "agent,出勤,supervisor\nB,90,75\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "客服,项目,得分\nA,supervisor,120\n", -1, NULL));

  g_assert_true (kefu_manual_scores_load_file (scores, longform, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 1);   /* "-" gives none */
  g_assert_true (kefu_manual_scores_lookup (scores, 9, "A", NULL, "supervisor", &points, &note));
  g_assert_cmpfloat (points, ==, 85);
  g_assert_cmpstr (note, ==, "好");

  g_assert_true (kefu_manual_scores_load_file (scores, wide, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_manual_scores_lookup (scores, 0, "B", NULL, "出勤", &points, NULL));
  g_assert_cmpfloat (points, ==, 90);
  g_assert_true (kefu_manual_scores_lookup (scores, 0, "B", NULL, "supervisor", &points, NULL));
  g_assert_cmpfloat (points, ==, 75);

  g_assert_false (kefu_manual_scores_load_file (scores, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_contains (error->message, "row 2");
  assert_contains (error->message, "120");
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 3);   /* nothing of it kept */

  kefu_test_remove_tree (dir);
}

static void
test_report_output (void)
{
  g_autoptr(KefuScheme) scheme = builtin ("womenswear-composite");
  g_autoptr(KefuMetricTable) table = womenswear_table ();
  g_autoptr(KefuScoreReport) report = kefu_score_report_new (scheme, table, NULL);
  g_autoptr(JsonNode) root = kefu_score_report_to_json (report);
  g_autofree char *json = kefu_json_to_data (root, FALSE);
  g_autofree char *csv = kefu_score_report_to_csv (report);
  g_autofree char *text = kefu_score_report_to_text (report, TRUE);
  JsonObject *object = json_node_get_object (root);
  JsonObject *agent, *item;

  g_assert_cmpstr (json_object_get_string_member (object, "scheme"), ==, "womenswear-composite");
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-10-01");
  g_assert_cmpstr (json_object_get_string_member (object, "to"), ==, "2026-10-30");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "issues")), ==, 3);
  agent = json_array_get_object_element (json_object_get_array_member (object, "agents"), 0);
  g_assert_cmpstr (json_object_get_string_member (agent, "agent"), ==, "A");
  g_assert_cmpfloat (json_object_get_double_member (agent, "total"), ==, 77.5);
  g_assert_cmpint (json_object_get_int_member (agent, "rank"), ==, 1);
  g_assert_true (json_object_get_boolean_member (agent, "complete"));
  item = json_array_get_object_element (json_object_get_array_member (agent, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "key"), ==, "inquiry_conversion_rate");
  g_assert_cmpfloat (json_object_get_double_member (item, "value"), ==, 0.32);
  g_assert_cmpfloat (json_object_get_double_member (item, "points"), ==, 70);
  g_assert_cmpfloat (json_object_get_double_member (item, "weight"), ==, 30);
  g_assert_cmpfloat (json_object_get_double_member (item, "weighted"), ==, 21);
  g_assert_cmpstr (json_object_get_string_member (item, "bracket"), ==, "32% ≤ x < 35%");
  g_assert_true (json_object_get_null_member (item, "error"));
  /* Numbers without float noise. */
  assert_contains (json, "\"value\":0.32,");
  g_assert_null (strstr (json, "0000000"));

  g_assert_true (g_str_has_prefix (csv, "agent,rank,total,complete,inquiry_conversion_rate.value,"));
  assert_contains (csv, "\nA,1,77.5,true,0.32,70,21,0.95,100,25,1.18,70,14,");
  assert_contains (csv, "\nB,3,74,true,0.4,90,27,");

  assert_contains (text, "77.50");
  assert_contains (text, "[31%, 32%)");
  assert_contains (text, "32.00% (88 ÷ 275) is in row 4, 32% ≤ x < 35%");
}

/* ----------------------------------------------------------------- store */

typedef struct
{
  char      *dir;
  KefuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = kefu_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_store_schemes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = builtin ("pdd-preset");
  g_autoptr(KefuScheme) global = builtin ("douyin-preset");
  g_autoptr(KefuScheme) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  gint64 shop, other, id, global_id;

  shop = kefu_store_add_shop (fixture->store, "小鹿女装", "pdd", &error);
  other = kefu_store_add_shop (fixture->store, "抖音小店", "douyin", &error);
  g_assert_no_error (error);

  /* A built-in saved is the shop's own copy from then on. */
  id = kefu_store_save_scheme (fixture->store, shop, scheme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (kefu_scheme_get_store_id (scheme), ==, id);
  g_assert_false (kefu_scheme_get_builtin (scheme));

  global_id = kefu_store_save_scheme (fixture->store, 0, global, &error);
  g_assert_no_error (error);

  loaded = kefu_store_load_scheme (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_scheme_get_store_id (loaded), ==, id);
  saved = kefu_scheme_to_data (scheme);
  again = kefu_scheme_to_data (loaded);
  g_assert_cmpstr (saved, ==, again);

  /* Saving again updates the row. */
  kefu_scheme_item_set_weight (kefu_scheme_get_item (loaded, 0), 25);
  kefu_scheme_set_name (loaded, "我的方案");
  g_assert_cmpint (kefu_store_save_scheme (fixture->store, shop, loaded, &error), ==, id);
  g_clear_object (&loaded);
  loaded = kefu_store_load_scheme (fixture->store, id, &error);
  g_assert_cmpstr (kefu_scheme_get_name (loaded), ==, "我的方案");
  g_assert_cmpfloat (kefu_scheme_item_get_weight (kefu_scheme_get_item (loaded, 0)), ==, 25);

  /* A shop sees its own and the shared ones; the other shop the shared only. */
  list = kefu_store_list_schemes (fixture->store, shop, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);
  list = kefu_store_list_schemes (fixture->store, other, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* Defaults: one per shop, its own scheme only. */
  g_assert_cmpint (kefu_store_get_default_scheme (fixture->store, shop, &error), ==, 0);
  g_assert_true (kefu_store_set_default_scheme (fixture->store, shop, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_store_get_default_scheme (fixture->store, shop, &error), ==, id);
  g_assert_false (kefu_store_set_default_scheme (fixture->store, other, id, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (kefu_store_set_default_scheme (fixture->store, shop, 999, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kefu_store_set_default_scheme (fixture->store, shop, 0, &error));
  g_assert_cmpint (kefu_store_get_default_scheme (fixture->store, shop, &error), ==, 0);

  g_assert_true (kefu_store_delete_scheme (fixture->store, global_id, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_store_delete_scheme (fixture->store, global_id, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kefu_store_load_scheme (fixture->store, global_id, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
}

static void
test_store_manual_scores (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = scheme_from_json (manual_scheme);
  g_autoptr(KefuManualScores) scores = NULL;
  g_autofree char *note = NULL;
  gint64 shop, agent, id;
  double points;
  GDate from, to, other;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_clear (&other, 1);
  g_date_set_dmy (&from, 1, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&to, 31, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&other, 30, G_DATE_OCTOBER, 2026);

  shop = kefu_store_add_shop (fixture->store, "小鹿女装", "taobao", &error);
  agent = kefu_store_ensure_agent (fixture->store, shop, "小鹿女装:小王", &error);
  id = kefu_store_save_scheme (fixture->store, shop, scheme, &error);
  g_assert_no_error (error);

  g_assert_true (kefu_store_set_manual_score (fixture->store, id, agent, "supervisor", &from, &to, 70, NULL, &error));
  g_assert_true (kefu_store_set_manual_score (fixture->store, id, agent, "supervisor", &from, &to, 85, "主动", &error));
  g_assert_true (kefu_store_set_manual_score (fixture->store, id, agent, "attendance", &from, &to, 100, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (kefu_store_get_manual_score (fixture->store, id, agent, "supervisor", &from, &to, &points, &note, &error));
  g_assert_cmpfloat (points, ==, 85);
  g_assert_cmpstr (note, ==, "主动");
  g_clear_pointer (&note, g_free);
  /* Another period has none. */
  g_assert_true (kefu_store_get_manual_score (fixture->store, id, agent, "supervisor", &from, &other, &points, &note, &error));
  g_assert_true (isnan (points));
  g_assert_null (note);

  g_assert_false (kefu_store_set_manual_score (fixture->store, id, agent, "supervisor", &from, &to, 101, NULL, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  scores = kefu_store_load_manual_scores (fixture->store, id, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 2);
  g_assert_true (kefu_manual_scores_lookup (scores, agent, NULL, NULL, "supervisor", &points, NULL));
  g_assert_cmpfloat (points, ==, 85);
  /* Known by the display name too. */
  g_assert_true (kefu_manual_scores_lookup (scores, 0, "小王", NULL, "attendance", &points, NULL));
  g_clear_object (&scores);

  /* A scheme that is not stored (built in, or a file) has none. */
  scores = kefu_store_load_manual_scores (fixture->store, 0, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 0);
  g_clear_object (&scores);

  /* NAN removes; deleting the scheme removes them all. */
  g_assert_true (kefu_store_set_manual_score (fixture->store, id, agent, "attendance", &from, &to, NAN, NULL, &error));
  scores = kefu_store_load_manual_scores (fixture->store, id, &from, &to, &error);
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 1);
  g_clear_object (&scores);
  g_assert_true (kefu_store_delete_scheme (fixture->store, id, &error));
  scores = kefu_store_load_manual_scores (fixture->store, id, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_manual_scores_get_n_scores (scores), ==, 0);
}

/* ------------------------------------------------------------------- CLI */

/* Runs kefu-cli --db DB ARGS…; returns its exit status. */
static int
run_cli (Fixture     *fixture,
         char       **out,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "cli.db", NULL);
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("KEFU_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("stderr: %s", err);

  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_cli_scheme (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "mine.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli (fixture, &out, "scheme", "list", NULL), ==, 0);
  assert_contains (out, "womenswear-composite\t");
  assert_contains (out, "pdd-preset\t");
  assert_contains (out, "douyin-preset\t");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "scheme", "show", "womenswear-composite", NULL), ==, 0);
  assert_contains (out, "女装店 KPI 复合模型");
  assert_contains (out, "38% ≤ x < 41%");
  g_clear_pointer (&out, g_free);

  /* The seed's scheme: the gap, the overlap and 95 %; errors exit 1. */
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "validate", "womenswear-composite", NULL), ==, 1);
  assert_contains (out, "[31%, 32%)");
  assert_contains (out, "[60%, 65%)");
  assert_contains (out, "95%");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "scheme", "validate", "womenswear-composite",
                            "--format", "json", NULL), ==, 1);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "valid"));
  g_assert_cmpint (json_object_get_int_member (object, "errors"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "warnings"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "issues"), 0), "item"),
                   ==, "inquiry_conversion_rate");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "scheme", "validate", "pdd-preset", NULL), ==, 0);
  assert_contains (out, "is valid");
  g_clear_pointer (&out, g_free);

  /* A file with only warnings: printed, exit 0. */
  g_assert_true (g_file_set_contents (path,
                                      "{ \"id\": \"mine\", \"name\": \"Mine\", \"items\": ["
                                      "  { \"metric\": \"payment_rate\", \"weight\": 90, \"brackets\": ["
                                      "    { \"range\": \"(-inf, +inf)\", \"points\": 100 } ] } ] }", -1, NULL));
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "validate", path, NULL), ==, 0);
  assert_contains (out, "warning: ");
  assert_contains (out, "90%");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "scheme", "validate", "no-such-scheme", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "frobnicate", NULL), ==, 2);
}

static void
test_cli_score (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "womenswear-30d.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *agents;
  const struct { const char *name; double total; gint64 rank; } expected[] = {
    { "A", 77.5, 1 }, { "C", 77.5, 1 }, { "B", 74.0, 3 },
  };

  g_assert_true (g_file_set_contents (csv, womenswear, -1, NULL));
  g_assert_cmpint (run_cli (fixture, &out, "import", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", "womenswear-composite",
                            "--from", "2026-10-01", "--to", "2026-10-30", "--format", "json", NULL), ==, 0);
  root = parse_json (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "scheme"), ==, "womenswear-composite");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "from"), ==, "2026-10-01");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "to"), ==, "2026-10-30");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "issues")), ==, 3);
  agents = json_object_get_array_member (json_node_get_object (root), "agents");
  g_assert_cmpuint (json_array_get_length (agents), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *agent = json_array_get_object_element (agents, i);
      JsonArray *items = json_object_get_array_member (agent, "items");

      g_assert_cmpstr (json_object_get_string_member (agent, "agent"), ==, expected[i].name);
      g_assert_cmpfloat (json_object_get_double_member (agent, "total"), ==, expected[i].total);
      g_assert_cmpint (json_object_get_int_member (agent, "rank"), ==, expected[i].rank);
      g_assert_true (json_object_get_boolean_member (agent, "complete"));
      g_assert_cmpuint (json_array_get_length (items), ==, 6);
      for (guint j = 0; j < 6; j++)
        {
          JsonObject *item = json_array_get_object_element (items, j);
          static const char *members[] = { "key", "value", "points", "weight", "weighted", "bracket", "error" };

          for (guint k = 0; k < G_N_ELEMENTS (members); k++)
            g_assert_true (json_object_has_member (item, members[k]));
          g_assert_true (json_object_get_null_member (item, "error"));
        }
    }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", "womenswear-composite",
                            "--from", "2026-10-01", "--to", "2026-10-30", "--format", "csv", NULL), ==, 0);
  assert_contains (out, "\nA,1,77.5,true,");
  assert_contains (out, "\nB,3,74,true,");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", "womenswear-composite",
                            "--from", "2026-10-01", "--to", "2026-10-30", "--explain", NULL), ==, 0);
  assert_contains (out, "77.50");
  assert_contains (out, "23 is in row 4, x ≥ 20: 0 points");
  g_clear_pointer (&out, g_free);

  /* Stored as the shop's default, it needs no --scheme. */
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "save", "womenswear-composite", "--default", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "list", NULL), ==, 0);
  assert_contains (out, "1\tstored, default of ");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "score", "--from", "2026-10-01", "--to", "2026-10-30",
                            "--format", "csv", NULL), ==, 0);
  assert_contains (out, "\nC,1,77.5,true,");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "delete", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "scheme", "delete", "1", NULL), ==, 1);
  g_clear_pointer (&out, g_free);

  /* Usage mistakes exit 2. */
  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", "womenswear-composite", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "score", "--from", "2026-10-01", "--to", "2026-10-30", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", "womenswear-composite", "--from", "2026-10-01",
                            "--to", "2026-10-30", "--format", "xml", NULL), ==, 2);
}

static void
test_cli_manual (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "womenswear-30d.csv", NULL);
  g_autofree char *scheme = g_build_filename (fixture->dir, "manual.json", NULL);
  g_autofree char *manual = g_build_filename (fixture->dir, "主管评分.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *agents;

  g_assert_true (g_file_set_contents (csv, womenswear, -1, NULL));
  g_assert_true (g_file_set_contents (scheme, manual_scheme, -1, NULL));
  g_assert_true (g_file_set_contents (manual, "客服,主管评分,出勤\nA,80,98\nB,90,90\nC,70,\n", -1, NULL));
  g_assert_cmpint (run_cli (fixture, &out, "import", csv, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "score", "--scheme", scheme, "--manual", manual,
                            "--from", "2026-10-01", "--to", "2026-10-30", "--format", "json", NULL), ==, 0);
  root = parse_json (out);
  agents = json_object_get_array_member (json_node_get_object (root), "agents");
  /* A: 6 returns → 0; 80 × 30 %; 98 → 100 × 20 %. B: 23 → 0; 27 + 12. C: no attendance. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agents, 0), "agent"), ==, "A");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (agents, 0), "total"), ==, 44);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agents, 1), "agent"), ==, "B");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (agents, 1), "total"), ==, 39);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (agents, 2), "agent"), ==, "C");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (agents, 2), "complete"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (agents, 2), "rank"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/Precision/round", test_precision);
  g_test_add_func ("/scoring/Bracket/range", test_bracket_range);
  g_test_add_func ("/scoring/Bracket/boundaries", test_bracket_boundaries);
  g_test_add_func ("/scoring/Bracket/display-precision", test_bracket_display_precision);
  g_test_add_func ("/scoring/Bracket/linear", test_bracket_linear);
  g_test_add_func ("/scoring/Scheme/notify", test_model_notify);
  g_test_add_func ("/scoring/Scheme/copy", test_model_copy);
  g_test_add_func ("/scoring/Scheme/assign", test_model_assign);
  g_test_add_func ("/scoring/Json/builtin-roundtrip", test_json_builtin_roundtrip);
  g_test_add_func ("/scoring/Json/draft", test_json_draft);
  g_test_add_func ("/scoring/Json/womenswear-table", test_json_womenswear_table);
  g_test_add_func ("/scoring/Json/errors", test_json_errors);
  g_test_add_func ("/scoring/Validate/womenswear", test_validate_womenswear);
  g_test_add_func ("/scoring/Validate/presets", test_validate_presets);
  g_test_add_func ("/scoring/Validate/weights", test_validate_weights);
  g_test_add_func ("/scoring/Validate/gaps", test_validate_gaps);
  g_test_add_func ("/scoring/Validate/overlap", test_validate_overlap);
  g_test_add_func ("/scoring/Validate/order", test_validate_order);
  g_test_add_func ("/scoring/Validate/points", test_validate_points);
  g_test_add_func ("/scoring/Validate/unknown-metric", test_validate_unknown_metric);
  g_test_add_func ("/scoring/Validate/unit", test_validate_unit);
  g_test_add_func ("/scoring/Validate/rows", test_validate_rows);
  g_test_add_func ("/scoring/Validate/no-data", test_validate_no_data);
  g_test_add_func ("/scoring/Score/worked-example", test_score_worked_example);
  g_test_add_func ("/scoring/Score/ties", test_score_ties);
  g_test_add_func ("/scoring/Score/missing-incomplete", test_score_missing_incomplete);
  g_test_add_func ("/scoring/Score/missing-zero", test_score_missing_zero);
  g_test_add_func ("/scoring/Score/missing-exclude", test_score_missing_exclude);
  g_test_add_func ("/scoring/Score/gap-error", test_score_gap_error);
  g_test_add_func ("/scoring/Score/overlap-first-row", test_score_overlap);
  g_test_add_func ("/scoring/Score/linear", test_score_linear);
  g_test_add_func ("/scoring/Score/manual", test_score_manual);
  g_test_add_func ("/scoring/Manual/file", test_manual_file);
  g_test_add_func ("/scoring/Report/output", test_report_output);
  g_test_add ("/scoring/Store/schemes", Fixture, NULL, fixture_set_up, test_store_schemes, fixture_tear_down);
  g_test_add ("/scoring/Store/manual-scores", Fixture, NULL, fixture_set_up, test_store_manual_scores, fixture_tear_down);
  g_test_add ("/scoring/Cli/scheme", Fixture, NULL, fixture_set_up, test_cli_scheme, fixture_tear_down);
  g_test_add ("/scoring/Cli/score", Fixture, NULL, fixture_set_up, test_cli_score, fixture_tear_down);
  g_test_add ("/scoring/Cli/manual", Fixture, NULL, fixture_set_up, test_cli_manual, fixture_tear_down);

  return g_test_run ();
}
