/* test-scheme-editor.c — the Scoring view's editor, driven as a user would
 *
 * A shop with the women's-wear sample (agents A, B and C, October 2026)
 * in a fresh database, the Scoring view in a window, and the editor
 * driven through its actions and its widgets' fields. Runs under Xvfb
 * with G_DEBUG=fatal-warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-core.h"
#include "kefu-manual-scores-window.h"
#include "kefu-resources.h"
#include "kefu-scheme-view.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"

typedef struct
{
  KefuTestStore   db;
  KefuWorkspace  *workspace;
  GtkWindow      *window;
  KefuSchemeView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                "womenswear-30d.csv", NULL);
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuPeriod) october = kefu_period_new (KEFU_GRANULARITY_MONTH, day);

  kefu_test_store_set_up (&fixture->db, data);
  kefu_test_add_shop (&fixture->db, "小鹿女装", "taobao");
  kefu_test_import_file (&fixture->db, "小鹿女装", csv);

  fixture->workspace = kefu_workspace_new (fixture->db.store);
  kefu_workspace_set_period (fixture->workspace, october);
  kefu_test_wait_for_update (fixture->workspace);
  g_assert_nonnull (kefu_workspace_get_agent_table (fixture->workspace));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->view = g_object_new (KEFU_TYPE_SCHEME_VIEW, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  kefu_scheme_view_set_workspace (fixture->view, fixture->workspace);
  kefu_test_wait_for_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_wait_for_idle ();
  g_clear_object (&fixture->workspace);
  kefu_test_store_tear_down (&fixture->db, data);
}

static void
activate (Fixture    *fixture,
          GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget != NULL ? widget : GTK_WIDGET (fixture->view),
                                                     action, parameter));
  kefu_test_wait_for_idle ();
}

/* A new scheme of the shop's own, empty, selected. */
static KefuScheme *
new_scheme (Fixture *fixture)
{
  KefuScheme *scheme;

  activate (fixture, NULL, "scheme.new", NULL);
  scheme = kefu_scheme_view_get_scheme (fixture->view);
  g_assert_nonnull (scheme);
  g_assert_false (kefu_scheme_get_builtin (scheme));
  g_assert_cmpint (kefu_scheme_get_store_id (scheme), >, 0);
  g_assert_cmpuint (kefu_scheme_get_n_items (scheme), ==, 0);
  return scheme;
}

static KefuSchemeItemRow *
item_row (Fixture *fixture,
          guint    position)
{
  KefuSchemeItemRow *row = kefu_scheme_editor_get_item_row (kefu_scheme_view_get_editor (fixture->view),
                                                            position);

  g_assert_nonnull (row);
  return row;
}

static KefuBracketEditor *
brackets (Fixture *fixture,
          guint    item)
{
  return kefu_scheme_item_row_get_bracket_editor (item_row (fixture, item));
}

/* Types @text into a field of a row of a bracket table. */
static void
type_bound (Fixture          *fixture,
            guint             item,
            guint             row,
            KefuBracketField  field,
            const char       *text)
{
  KefuBracketRow *bracket_row = kefu_bracket_editor_get_row (brackets (fixture, item), row);

  g_assert_nonnull (bracket_row);
  gtk_editable_set_text (kefu_bracket_row_get_field (bracket_row, field), text);
  if (GTK_IS_SPIN_BUTTON (kefu_bracket_row_get_field (bracket_row, field)))
    gtk_spin_button_update (GTK_SPIN_BUTTON (kefu_bracket_row_get_field (bracket_row, field)));
  kefu_test_wait_for_idle ();
}

/* Adds a metric item as the editor's buttons do, and fills in its
 * weight and label as typed. */
static guint
add_item (Fixture    *fixture,
          const char *key,
          const char *label,
          double      weight)
{
  KefuScheme *scheme = kefu_scheme_view_get_scheme (fixture->view);
  guint position = kefu_scheme_get_n_items (scheme);
  KefuSchemeItemRow *row;

  activate (fixture, GTK_WIDGET (kefu_scheme_view_get_editor (fixture->view)),
            "editor.add-metric", g_variant_new_string (key));
  g_assert_cmpuint (kefu_scheme_get_n_items (scheme), ==, position + 1);
  row = item_row (fixture, position);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  gtk_spin_button_set_value (kefu_scheme_item_row_get_weight_spin (row), weight);
  if (label != NULL)
    gtk_editable_set_text (kefu_scheme_item_row_get_label_entry (row), label);
  kefu_test_wait_for_idle ();
  return position;
}

static void
fill_ladder (Fixture      *fixture,
             guint         item,
             double        best,
             double        worst,
             const double *points,
             guint         n_points)
{
  activate (fixture, GTK_WIDGET (brackets (fixture, item)), "bracket.fill-ladder",
            g_variant_new ("(dd@ad)", best, worst,
                           g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, points, n_points,
                                                      sizeof (double))));
}

static guint
count_issues (Fixture       *fixture,
              KefuIssueKind  kind,
              int            item)
{
  GListModel *issues = kefu_scheme_editor_get_issues (kefu_scheme_view_get_editor (fixture->view));
  guint n = 0;

  for (guint i = 0; issues != NULL && i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);

      if (kefu_scheme_issue_get_kind (issue) == kind && kefu_scheme_issue_get_item (issue) == item)
        n++;
    }
  return n;
}

static const double ladder[] = { 100, 90, 80, 70, 60, 0 };

/* Seed 003's women's-wear scheme, typed in from nothing, is the
 * built-in one — its two errors and its 95 % included. */
static void
test_build_womenswear (Fixture       *fixture,
                       gconstpointer  data)
{
  static const double conversion[] = { 100, 90, 80, 70, 60, 50, 0 };
  KefuSchemeEditor *editor = kefu_scheme_view_get_editor (fixture->view);
  g_autoptr(KefuScheme) builtin = kefu_scheme_new_builtin ("womenswear-composite", NULL);
  g_autoptr(KefuScheme) built = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  KefuScheme *scheme = new_scheme (fixture);
  guint item;

  gtk_editable_set_text (kefu_scheme_editor_get_name_entry (editor), kefu_scheme_get_name (builtin));
  gtk_editable_set_text (kefu_scheme_editor_get_description_entry (editor),
                         kefu_scheme_get_description (builtin));

  /* 询单转化率: equal steps of 3 points from 41 % to 26 %, then the
   * printed table's own rows below 32 %: [28 %, 31 %), [25 %, 28 %). */
  item = add_item (fixture, "inquiry_conversion_rate", "询单转化率", 30);
  fill_ladder (fixture, item, 0.41, 0.26, conversion, G_N_ELEMENTS (conversion));
  g_assert_cmpuint (kefu_scheme_item_get_n_brackets (kefu_scheme_get_item (scheme, item)), ==, 7);
  type_bound (fixture, item, 4, KEFU_BRACKET_FIELD_UPPER, "31");
  type_bound (fixture, item, 4, KEFU_BRACKET_FIELD_LOWER, "28");
  type_bound (fixture, item, 5, KEFU_BRACKET_FIELD_UPPER, "28%");
  type_bound (fixture, item, 5, KEFU_BRACKET_FIELD_LOWER, "25");
  type_bound (fixture, item, 6, KEFU_BRACKET_FIELD_UPPER, "25");
  /* The gap the printed table has, [31 %, 32 %), shows at once. */
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_GAP, item), ==, 1);

  /* 支付率: a ladder, and the printed overlap [50 %, 65 %). */
  item = add_item (fixture, "payment_rate", "支付率", 25);
  fill_ladder (fixture, item, 0.9, 0.5, ladder, G_N_ELEMENTS (ladder));
  type_bound (fixture, item, 4, KEFU_BRACKET_FIELD_UPPER, "65");
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_OVERLAP, item), ==, 1);

  item = add_item (fixture, "unit_price_ratio", "落实客单价", 20);
  fill_ladder (fixture, item, 1.23, 1.15, ladder, G_N_ELEMENTS (ladder));

  /* Lower is better: the ladder runs (-∞, 10 s] 100 … (30 s, ∞) 0. */
  item = add_item (fixture, "first_response_time", "首次响应时间", 10);
  fill_ladder (fixture, item, 10, 30, ladder, G_N_ELEMENTS (ladder));
  item = add_item (fixture, "avg_response_time", "平均响应时间", 5);
  fill_ladder (fixture, item, 20, 40, ladder, G_N_ELEMENTS (ladder));

  /* 月退货量 row by row: each new row starts where the last one ends. */
  item = add_item (fixture, "monthly_returns", "月退货量", 5);
  activate (fixture, GTK_WIDGET (brackets (fixture, item)), "bracket.add-row", NULL);
  type_bound (fixture, item, 0, KEFU_BRACKET_FIELD_UPPER, "3");
  type_bound (fixture, item, 0, KEFU_BRACKET_FIELD_POINTS, "100");
  activate (fixture, GTK_WIDGET (brackets (fixture, item)), "bracket.add-row", NULL);
  type_bound (fixture, item, 1, KEFU_BRACKET_FIELD_UPPER, "10");
  type_bound (fixture, item, 1, KEFU_BRACKET_FIELD_POINTS, "80");
  activate (fixture, GTK_WIDGET (brackets (fixture, item)), "bracket.add-row", NULL);
  type_bound (fixture, item, 2, KEFU_BRACKET_FIELD_UPPER, "20");
  type_bound (fixture, item, 2, KEFU_BRACKET_FIELD_POINTS, "60");
  activate (fixture, GTK_WIDGET (brackets (fixture, item)), "bracket.add-row", NULL);

  built = kefu_scheme_copy (scheme);
  kefu_scheme_set_id (built, "womenswear-composite");
  /* A new scheme was stored as a draft (no items yet); saving decides. */
  kefu_scheme_set_draft (built, FALSE);
  expected = kefu_scheme_to_data (builtin);
  got = kefu_scheme_to_data (built);
  g_assert_cmpstr (got, ==, expected);

  /* The same problems as the built-in one: a gap, an overlap, 95 %. */
  g_assert_cmpuint (kefu_scheme_issues_count (kefu_scheme_editor_get_issues (editor), KEFU_ISSUE_ERROR), ==, 2);
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_WEIGHTS, -1), ==, 1);
  g_assert_cmpfloat (kefu_scheme_get_total_weight (scheme), ==, 95);

  /* With errors it is saved, as a draft. */
  g_assert_true (kefu_scheme_view_get_modified (fixture->view));
  activate (fixture, NULL, "scheme.save", NULL);
  g_assert_false (kefu_scheme_view_get_modified (fixture->view));
  g_assert_true (kefu_scheme_get_draft (kefu_scheme_view_get_saved (fixture->view)));
  {
    g_autoptr(KefuScheme) stored = kefu_store_load_scheme (fixture->db.store,
                                                           kefu_scheme_get_store_id (scheme), NULL);

    g_assert_nonnull (stored);
    g_assert_true (kefu_scheme_get_draft (stored));
    g_assert_cmpuint (kefu_scheme_get_n_items (stored), ==, 6);
  }
}

/* A gap typed into a table shows next to its rows, in the strip chart,
 * and goes away with Ctrl+Z. */
static void
test_gap (Fixture       *fixture,
          gconstpointer  data)
{
  KefuScheme *scheme = new_scheme (fixture);
  KefuBracketStrip *strip;
  KefuBracketRow *row;
  guint item;

  item = add_item (fixture, "payment_rate", NULL, 100);

  /* The metric is searched by any part of its name or category: every
   * after-sales metric, and only those, for "after-sales". */
  {
    KefuMetricChooser *chooser = kefu_scheme_item_row_get_metric_chooser (item_row (fixture, item));
    GListModel *results = kefu_metric_chooser_get_results (chooser);
    const KefuMetricInfo *all;
    guint n, expected = 0;

    all = kefu_metric_get_all (&n);
    for (guint i = 0; i < n; i++)
      expected += g_str_equal (all[i].category, "aftersales");
    kefu_metric_chooser_set_search (chooser, "AFTER-sales");
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, expected);
    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(GtkStringObject) key = g_list_model_get_item (results, i);

        g_assert_cmpstr (kefu_metric_lookup (gtk_string_object_get_string (key))->category, ==, "aftersales");
      }

    /* "response time" is in two names; the second is the first response. */
    kefu_metric_chooser_set_search (chooser, "response time");
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
    kefu_metric_chooser_choose (chooser, 1);
    kefu_test_wait_for_idle ();
    g_assert_cmpstr (kefu_scheme_item_get_key (kefu_scheme_get_item (scheme, item)), ==, "first_response_time");
  }

  fill_ladder (fixture, item, 10, 30, ladder, G_N_ELEMENTS (ladder));
  strip = kefu_bracket_editor_get_strip (brackets (fixture, item));
  g_assert_cmpuint (kefu_scheme_issues_count (kefu_scheme_editor_get_issues (kefu_scheme_view_get_editor (fixture->view)),
                                              KEFU_ISSUE_ERROR), ==, 0);
  g_assert_cmpuint (kefu_bracket_strip_get_n_gaps (strip), ==, 0);
  g_assert_cmpuint (kefu_bracket_strip_get_n_overlaps (strip), ==, 0);

  /* (10 s, 15 s] becomes (12 s, 15 s]: nothing takes 10.1 s – 12 s. */
  row = kefu_bracket_editor_get_row (brackets (fixture, item), 1);
  g_assert_cmpstr (gtk_editable_get_text (kefu_bracket_row_get_field (row, KEFU_BRACKET_FIELD_LOWER)), ==, "10");
  type_bound (fixture, item, 1, KEFU_BRACKET_FIELD_LOWER, "12");
  g_assert_cmpfloat (kefu_bracket_get_lower (kefu_scheme_item_get_bracket (kefu_scheme_get_item (scheme, 0), 1)), ==, 12);
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_GAP, item), ==, 1);
  g_assert_nonnull (kefu_bracket_row_get_problem (kefu_bracket_editor_get_row (brackets (fixture, item), 0)));
  g_assert_nonnull (kefu_bracket_row_get_problem (row));
  g_assert_null (kefu_bracket_row_get_problem (kefu_bracket_editor_get_row (brackets (fixture, item), 3)));
  g_assert_cmpuint (kefu_bracket_strip_get_n_gaps (strip), ==, 1);

  /* A text that is no number is marked, and changes nothing. */
  type_bound (fixture, item, 1, KEFU_BRACKET_FIELD_LOWER, "12x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kefu_bracket_row_get_field (row, KEFU_BRACKET_FIELD_LOWER)),
                                           "error"));
  g_assert_cmpfloat (kefu_bracket_get_lower (kefu_scheme_item_get_bracket (kefu_scheme_get_item (scheme, 0), 1)), ==, 12);

  /* Undo puts 10 s back (the table's own rows, re-made), redo 12 s. */
  activate (fixture, NULL, "scheme.undo", NULL);
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_GAP, item), ==, 0);
  row = kefu_bracket_editor_get_row (brackets (fixture, item), 1);
  g_assert_cmpstr (gtk_editable_get_text (kefu_bracket_row_get_field (row, KEFU_BRACKET_FIELD_LOWER)), ==, "10");
  g_assert_cmpuint (kefu_bracket_strip_get_n_gaps (kefu_bracket_editor_get_strip (brackets (fixture, item))), ==, 0);
  activate (fixture, NULL, "scheme.redo", NULL);
  g_assert_cmpuint (count_issues (fixture, KEFU_ISSUE_GAP, item), ==, 1);

  /* The whole ladder was one step. */
  activate (fixture, NULL, "scheme.undo", NULL);
  activate (fixture, NULL, "scheme.undo", NULL);
  g_assert_cmpuint (kefu_scheme_item_get_n_brackets (kefu_scheme_get_item (scheme, 0)), ==, 0);
}

static KefuAgentScore *
find_agent (KefuScoreReport *report,
            const char      *name)
{
  KefuAgentScore *agent = kefu_score_report_find_agent (report, name);

  g_assert_nonnull (agent);
  return agent;
}

/* A weight changed re-scores the agents before the next frame, and the
 * preview shows who moved against the scheme as saved. */
static void
test_preview_ranks (Fixture       *fixture,
                    gconstpointer  data)
{
  static const double returns[] = { 100, 50, 0 };
  KefuSchemePreview *preview = kefu_scheme_view_get_preview (fixture->view);
  KefuScoreReport *report;
  guint item;

  new_scheme (fixture);

  /* Returns A 6, B 23, C 0: (-∞, 5] 100, (5, 10] 50, (10, ∞) 0 → A 50, B 0, C 100.
   * First response A 13 s, B 8 s, C 16 s: (-∞, 10] 100, (10, 15] 50,
   * (15, ∞) 0 → A 50, B 100, C 0. */
  item = add_item (fixture, "monthly_returns", NULL, 60);
  fill_ladder (fixture, item, 5, 10, returns, G_N_ELEMENTS (returns));
  item = add_item (fixture, "first_response_time", NULL, 40);
  fill_ladder (fixture, item, 10, 15, returns, G_N_ELEMENTS (returns));

  /* 60/40: A 30 + 20 = 50, B 0 + 40 = 40, C 60 + 0 = 60. */
  report = kefu_scheme_preview_get_report (preview);
  g_assert_nonnull (report);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "A")), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "B")), 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "C")), 60, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "C")), ==, 1);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "A")), ==, 2);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "B")), ==, 3);

  activate (fixture, NULL, "scheme.save", NULL);
  g_assert_false (kefu_scheme_get_draft (kefu_scheme_view_get_saved (fixture->view)));
  report = kefu_scheme_preview_get_report (preview);
  g_assert_cmpint (kefu_scheme_preview_get_rank_change (preview, find_agent (report, "B")), ==, 0);

  /* 20/80: A 10 + 40 = 50, B 0 + 80 = 80, C 20 + 0 = 20: B up two, C down two. */
  gtk_spin_button_set_value (kefu_scheme_item_row_get_weight_spin (item_row (fixture, 0)), 20);
  gtk_spin_button_set_value (kefu_scheme_item_row_get_weight_spin (item_row (fixture, 1)), 80);
  kefu_test_wait_for_idle ();
  report = kefu_scheme_preview_get_report (preview);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "B")), 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "C")), 20, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "B")), ==, 1);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "A")), ==, 2);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "C")), ==, 3);
  g_assert_cmpint (kefu_scheme_preview_get_rank_change (preview, find_agent (report, "B")), ==, 2);
  g_assert_cmpint (kefu_scheme_preview_get_rank_change (preview, find_agent (report, "A")), ==, 0);
  g_assert_cmpint (kefu_scheme_preview_get_rank_change (preview, find_agent (report, "C")), ==, -2);

  /* The other views still score with the scheme as saved. */
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (kefu_workspace_get_report (fixture->workspace), "C")), ==, 1);
}

/* Built-in schemes are read-only templates; duplicating makes an
 * editable copy of the shop's own, which can become its default. */
static void
test_builtin_duplicate (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *schemes = kefu_scheme_view_get_schemes (fixture->view);
  KefuScheme *scheme;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 3);
  kefu_scheme_view_select (fixture->view, 0);
  kefu_test_wait_for_idle ();
  scheme = kefu_scheme_view_get_scheme (fixture->view);
  g_assert_true (kefu_scheme_get_builtin (scheme));
  /* Disabled: nothing is stored. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scheme.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "scheme.set-default", NULL);
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 3);
  {
    g_autoptr(GListModel) stored = kefu_store_list_schemes (fixture->db.store, 0, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  }

  activate (fixture, NULL, "scheme.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 4);
  scheme = kefu_scheme_view_get_scheme (fixture->view);
  g_assert_false (kefu_scheme_get_builtin (scheme));
  id = kefu_scheme_get_store_id (scheme);
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_str_has_suffix (kefu_scheme_get_name (scheme), ")"));
  /* The workspace scores with the selected scheme. */
  g_assert_cmpint (kefu_scheme_get_store_id (kefu_workspace_get_scheme (fixture->workspace)), ==, id);

  activate (fixture, NULL, "scheme.set-default", NULL);
  {
    g_autoptr(GListModel) shops = kefu_store_list_shops (fixture->db.store, NULL);
    g_autoptr(KefuShop) shop = g_list_model_get_item (shops, 0);

    g_assert_cmpint (kefu_store_get_default_scheme (fixture->db.store, kefu_shop_get_id (shop), NULL), ==, id);
  }
}

static KefuManualScoresWindow *
find_manual_scores_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KEFU_IS_MANUAL_SCORES_WINDOW (window))
        return KEFU_MANUAL_SCORES_WINDOW (window);
    }
  return NULL;
}

/* Points given by hand for the period: stored, and scored at once. */
static void
test_manual_scores (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuSchemePreview *preview = kefu_scheme_view_get_preview (fixture->view);
  KefuScheme *scheme = new_scheme (fixture);
  KefuManualScoresWindow *window;
  KefuScoreReport *report;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  gint64 a;
  double points = 0;

  activate (fixture, GTK_WIDGET (kefu_scheme_view_get_editor (fixture->view)),
            "editor.add-manual", g_variant_new_string ("日常工作"));
  gtk_spin_button_set_value (kefu_scheme_item_row_get_weight_spin (item_row (fixture, 0)), 100);
  kefu_test_wait_for_idle ();
  activate (fixture, NULL, "scheme.save", NULL);
  g_assert_false (kefu_scheme_get_draft (kefu_scheme_view_get_saved (fixture->view)));

  /* No points yet: every total is incomplete, nobody ranked. */
  report = kefu_scheme_preview_get_report (preview);
  g_assert_false (kefu_agent_score_get_complete (find_agent (report, "A")));
  a = kefu_agent_score_get_agent_id (find_agent (report, "A"));

  activate (fixture, NULL, "scheme.manual-scores", NULL);
  window = find_manual_scores_window ();
  g_assert_nonnull (window);
  g_assert_true (kefu_manual_scores_window_set_score (window, a, "日常工作", 90, "按时完成"));
  kefu_test_wait_for_idle ();

  kefu_workspace_get_range (fixture->workspace, &from, &to);
  g_assert_true (kefu_store_get_manual_score (fixture->db.store, kefu_scheme_get_store_id (scheme), a,
                                              "日常工作", &from, &to, &points, &note, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (points, ==, 90);
  g_assert_cmpstr (note, ==, "按时完成");

  /* A's 90 points are the item's, × 100 %; the others have none. */
  report = kefu_scheme_preview_get_report (preview);
  g_assert_true (kefu_agent_score_get_complete (find_agent (report, "A")));
  g_assert_cmpfloat_with_epsilon (kefu_agent_score_get_total (find_agent (report, "A")), 90, 1e-9);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "A")), ==, 1);
  g_assert_cmpuint (kefu_agent_score_get_rank (find_agent (report, "B")), ==, 0);

  /* Out of 0–100: refused, nothing stored. */
  g_assert_false (kefu_manual_scores_window_set_score (window, a, "日常工作", 120, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_wait_for_idle ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers @dialog as a click would, and sees it gone. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (dialog, response);
  kefu_test_wait_for_idle ();
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), &weak);
      gtk_window_destroy (GTK_WINDOW (dialog));
      kefu_test_wait_for_idle ();
    }
}

/* Rename takes a new name; delete asks first, and Cancel keeps it. */
static void
test_rename_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *schemes = kefu_scheme_view_get_schemes (fixture->view);
  AdwMessageDialog *dialog;
  gint64 id = kefu_scheme_get_store_id (new_scheme (fixture));

  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 4);

  activate (fixture, NULL, "scheme.rename", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "夏季考核");
  respond (dialog, "rename");
  g_assert_cmpstr (kefu_scheme_get_name (kefu_scheme_view_get_saved (fixture->view)), ==, "夏季考核");
  g_assert_cmpstr (kefu_scheme_get_name (kefu_scheme_view_get_scheme (fixture->view)), ==, "夏季考核");
  {
    g_autoptr(KefuScheme) stored = kefu_store_load_scheme (fixture->db.store, id, NULL);

    g_assert_cmpstr (kefu_scheme_get_name (stored), ==, "夏季考核");
  }

  activate (fixture, NULL, "scheme.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 4);

  activate (fixture, NULL, "scheme.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (schemes), ==, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KefuScheme) stored = kefu_store_load_scheme (fixture->db.store, id, &error);

    g_assert_null (stored);
    g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  }
  /* A scheme is still shown: the first built-in one. */
  g_assert_true (kefu_scheme_get_builtin (kefu_scheme_view_get_scheme (fixture->view)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kefu_register_resource ();

  g_test_add ("/scheme-editor/build-womenswear", Fixture, NULL,
              fixture_set_up, test_build_womenswear, fixture_tear_down);
  g_test_add ("/scheme-editor/gap", Fixture, NULL, fixture_set_up, test_gap, fixture_tear_down);
  g_test_add ("/scheme-editor/preview-ranks", Fixture, NULL,
              fixture_set_up, test_preview_ranks, fixture_tear_down);
  g_test_add ("/scheme-editor/manual-scores", Fixture, NULL,
              fixture_set_up, test_manual_scores, fixture_tear_down);
  g_test_add ("/scheme-editor/rename-delete", Fixture, NULL,
              fixture_set_up, test_rename_delete, fixture_tear_down);
  g_test_add ("/scheme-editor/builtin-duplicate", Fixture, NULL,
              fixture_set_up, test_builtin_duplicate, fixture_tear_down);

  return g_test_run ();
}
