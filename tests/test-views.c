/* test-views.c — the Overview and Agents views over a workspace
 *
 * Runs under Xvfb with G_DEBUG=fatal-warnings, so any warning fails it.
 * The views are driven as a user would — sort by a column, type a
 * search, change the period, open an agent — and their models checked
 * against values worked out by hand from the rows imported below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-agent-row.h"
#include "kefu-agents-view.h"
#include "kefu-metric-card.h"
#include "kefu-overview-view.h"
#include "kefu-period-picker.h"
#include "kefu-resources.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"
#include "kefu-window-private.h"

/* October: 甲 (4 + 5) / (10 + 20) = 30.00 %, 乙 (3 + 4) / (10 + 10) =
 * 35.00 %, 丙 8 / 40 = 20.00 %; the shop 24 / 90 = 26.67 %.
 * September: 甲 1 / 10 = 10.00 %, the others nothing. */
static const char *daily_agents =
  "客服,日期,询单人数,询单付款人数\n"
  "甲,2026-09-30,10,1\n"
  "甲,2026-10-01,10,4\n"
  "甲,2026-10-02,20,5\n"
  "乙,2026-10-01,10,3\n"
  "乙,2026-10-03,10,4\n"
  "丙,2026-10-02,40,8\n";

/* A Douyin shop: 丁 replies within 3 minutes to 85 %, below Douyin's 90 %. */
static const char *douyin_agents =
  "客服,日期,询单人数,询单付款人数,人工接待人数,3分钟人工回复率\n"
  "丁,2026-10-01,10,2,10,85.00%\n"
  "戊,2026-10-01,10,2,10,95.00%\n";

/* 35 % and up: 100 points; 30 % up to 35 %: 80; below: 0. */
static const char *conversion_scheme =
  "{ \"id\": \"conversion\", \"name\": \"Conversion\", \"items\": ["
  "  { \"metric\": \"inquiry_conversion_rate\", \"weight\": 100, \"brackets\": ["
  "      { \"range\": \"[0.35, +inf)\", \"points\": 100 },"
  "      { \"range\": \"[0.30, 0.35)\", \"points\": 80 },"
  "      { \"range\": \"[0, 0.30)\", \"points\": 0 } ] } ] }";

typedef struct
{
  KefuTestStore     db;
  KefuWorkspace    *workspace;
  GtkWindow        *window;
  KefuOverviewView *overview;
  KefuAgentsView   *agents;
} Fixture;

static void
set_month (Fixture *fixture,
           guint    month)
{
  g_autoptr(GDate) day = g_date_new_dmy (1, month, 2026);
  g_autoptr(KefuPeriod) period = kefu_period_new (KEFU_GRANULARITY_MONTH, day);

  kefu_workspace_set_period (fixture->workspace, period);
  kefu_test_wait_for_update (fixture->workspace);
  kefu_test_wait_for_idle ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = NULL;
  GtkWidget *stack;

  kefu_test_store_set_up (&fixture->db, data);
  kefu_test_add_shop (&fixture->db, "小鹿女装", "taobao");
  kefu_test_add_shop (&fixture->db, "抖店", "douyin");
  kefu_test_import_text (&fixture->db, "小鹿女装", "daily.csv", daily_agents);
  kefu_test_import_text (&fixture->db, "抖店", "douyin.csv", douyin_agents);

  fixture->workspace = kefu_workspace_new (fixture->db.store);
  scheme = kefu_scheme_new_from_data (conversion_scheme, -1, "test", &error);
  g_assert_no_error (error);
  kefu_workspace_set_scheme (fixture->workspace, scheme);

  fixture->overview = g_object_new (KEFU_TYPE_OVERVIEW_VIEW, NULL);
  fixture->agents = g_object_new (KEFU_TYPE_AGENTS_VIEW, NULL);
  stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (fixture->overview), "overview");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (fixture->agents), "agents");
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, stack);
  gtk_window_present (fixture->window);

  kefu_overview_view_set_workspace (fixture->overview, fixture->workspace);
  kefu_agents_view_set_workspace (fixture->agents, fixture->workspace);
  set_month (fixture, G_DATE_OCTOBER);
  /* The first shop, by id, is the one shown. */
  g_assert_cmpstr (kefu_shop_get_name (kefu_workspace_get_shop (fixture->workspace)), ==, "小鹿女装");
  kefu_workspace_set_scheme (fixture->workspace, scheme);
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

/* The agents as the table shows them, top to bottom: "丙,甲,乙". */
static char *
agent_order (Fixture *fixture)
{
  GListModel *model = kefu_agents_view_get_model (fixture->agents);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KefuAgentRow) row = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, kefu_agent_row_get_name (row));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
assert_order (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *order = agent_order (fixture);

  g_assert_cmpstr (order, ==, expected);
}

static void
sort_by (Fixture     *fixture,
         const char  *key,
         GtkSortType  direction)
{
  GtkColumnViewColumn *column = kefu_agents_view_get_column (fixture->agents, key);

  g_assert_nonnull (column);
  gtk_column_view_sort_by_column (kefu_agents_view_get_column_view (fixture->agents), column, direction);
  kefu_test_wait_for_idle ();
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  /* By rank at first: 乙 100 points, 甲 80, 丙 0. */
  assert_order (fixture, "乙,甲,丙");

  sort_by (fixture, "inquiry_conversion_rate", GTK_SORT_ASCENDING);
  assert_order (fixture, "丙,甲,乙");
  sort_by (fixture, "inquiry_conversion_rate", GTK_SORT_DESCENDING);
  assert_order (fixture, "乙,甲,丙");
  sort_by (fixture, "total", GTK_SORT_ASCENDING);
  assert_order (fixture, "丙,甲,乙");

  /* A column chosen from the catalogue: 乙 20 inquiring buyers, 甲 30, 丙 40. */
  g_assert_null (kefu_agents_view_get_column (fixture->agents, "inquiry_buyers"));
  {
    g_autoptr(GSettings) settings = g_settings_new ("org.kefu.Kefu");
    const char *keys[] = { "inquiry_buyers", "inquiry_conversion_rate", NULL };

    g_settings_set_strv (settings, "agent-columns", keys);
    kefu_test_wait_for_idle ();
    sort_by (fixture, "inquiry_buyers", GTK_SORT_ASCENDING);
    assert_order (fixture, "乙,甲,丙");
    g_assert_null (kefu_agents_view_get_column (fixture->agents, "consult_buyers"));

    g_settings_reset (settings, "agent-columns");
    kefu_test_wait_for_idle ();
    g_assert_null (kefu_agents_view_get_column (fixture->agents, "inquiry_buyers"));
    g_assert_nonnull (kefu_agents_view_get_column (fixture->agents, "consult_buyers"));
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  kefu_agents_view_set_search (fixture->agents, "乙");
  kefu_test_wait_for_idle ();
  assert_order (fixture, "乙");

  kefu_agents_view_set_search (fixture->agents, "nobody");
  kefu_test_wait_for_idle ();
  assert_order (fixture, "");

  kefu_agents_view_set_search (fixture->agents, "");
  kefu_test_wait_for_idle ();
  assert_order (fixture, "乙,甲,丙");
}

static KefuMetricCard *
find_card (Fixture    *fixture,
           const char *key)
{
  GListModel *cards = kefu_overview_view_get_cards (fixture->overview);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(KefuMetricCard) card = g_list_model_get_item (cards, i);

      if (g_str_equal (kefu_metric_card_get_key (card), key))
        return card;
    }
  g_assert_not_reached ();
}

static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  KefuMetricCard *card = find_card (fixture, "inquiry_conversion_rate");

  /* October against September: 26.67 % after 10.00 %. */
  g_assert_false (kefu_overview_view_is_empty (fixture->overview));
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "26.67%");
  g_assert_cmpstr (kefu_metric_card_get_change (card), ==, "↑ 16.67 pp");

  /* September: only 甲 has figures; the others sort last, as missing. */
  sort_by (fixture, "inquiry_conversion_rate", GTK_SORT_ASCENDING);
  set_month (fixture, G_DATE_SEPTEMBER);
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "10.00%");
  g_assert_cmpstr (kefu_metric_card_get_change (card), ==, "");
  {
    GListModel *model = kefu_agents_view_get_model (fixture->agents);
    g_autoptr(KefuAgentRow) first = g_list_model_get_item (model, 0);
    g_autoptr(KefuAgentRow) last = g_list_model_get_item (model, 2);
    const KefuMetricValue *value = kefu_agent_row_get_value (first, "inquiry_conversion_rate");

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    g_assert_cmpstr (kefu_agent_row_get_name (first), ==, "甲");
    g_assert_cmpfloat_with_epsilon (value->value, 0.10, 1e-9);
    value = kefu_agent_row_get_value (last, "inquiry_conversion_rate");
    g_assert_cmpint (value->missing, ==, KEFU_METRIC_MISSING_NO_DATA);
  }

  /* December: nothing imported, the views say so. */
  set_month (fixture, G_DATE_DECEMBER);
  g_assert_true (kefu_overview_view_is_empty (fixture->overview));
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "—");

  set_month (fixture, G_DATE_OCTOBER);
  g_assert_false (kefu_overview_view_is_empty (fixture->overview));
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "26.67%");
}

/* A range picked by its first and last day, and the range before it. */
static void
test_range (Fixture       *fixture,
            gconstpointer  data)
{
  KefuMetricCard *card = find_card (fixture, "inquiry_conversion_rate");
  KefuPeriodPicker *picker = g_object_new (KEFU_TYPE_PERIOD_PICKER, NULL);
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr(GDate) last = g_date_new_dmy (2, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuPeriod) range = kefu_period_new_range (first, last);
  g_autoptr(KefuPeriod) earlier = NULL;
  GDate day;

  g_object_ref_sink (picker);
  kefu_period_picker_set_period (picker, range);
  kefu_workspace_set_period (fixture->workspace, kefu_period_picker_get_period (picker));
  kefu_test_wait_for_update (fixture->workspace);
  kefu_test_wait_for_idle ();

  /* 1–2 October: (4 + 5 + 3 + 8) / (10 + 20 + 10 + 40) = 25.00 %;
   * 29–30 September: 1 / 10 = 10.00 %. */
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "25.00%");
  g_assert_cmpstr (kefu_metric_card_get_change (card), ==, "↑ 15.00 pp");
  /* 丙 8 / 40 = 20 % first; 甲 9 / 30 and 乙 3 / 10 tie at 30 %. */
  sort_by (fixture, "inquiry_conversion_rate", GTK_SORT_ASCENDING);
  {
    g_autofree char *order = agent_order (fixture);

    g_assert_true (g_str_equal (order, "丙,甲,乙") || g_str_equal (order, "丙,乙,甲"));
  }

  /* Back by the range's own length: 29–30 September. */
  kefu_period_picker_shift (picker, -1);
  earlier = kefu_period_copy (kefu_period_picker_get_period (picker));
  kefu_period_get_first (earlier, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 29);
  g_assert_cmpuint (kefu_period_get_n_days (earlier), ==, 2);
  kefu_workspace_set_period (fixture->workspace, earlier);
  kefu_test_wait_for_update (fixture->workspace);
  kefu_test_wait_for_idle ();
  g_assert_cmpstr (kefu_metric_card_get_text (card), ==, "10.00%");
  assert_order (fixture, "甲,丙,乙");

  g_object_unref (picker);
}

static KefuChart *
find_chart (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return KEFU_CHART (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KefuChart *found = find_chart (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_agent_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KefuAgentRow) row = g_list_model_get_item (kefu_agents_view_get_model (fixture->agents), 0);
  KefuAgentPage *page = kefu_agents_view_get_agent_page (fixture->agents);
  g_autoptr(KefuItemScore) item = NULL;
  g_autofree char *sources = NULL;
  GListModel *items;

  g_assert_cmpstr (kefu_agent_row_get_name (row), ==, "乙");
  g_assert_cmpuint (kefu_agent_row_get_rank (row), ==, 1);
  g_assert_false (kefu_agents_view_is_showing_agent (fixture->agents));

  /* Double-click or Enter on the row. */
  g_signal_emit_by_name (kefu_agents_view_get_column_view (fixture->agents), "activate", 0);
  kefu_test_wait_for_idle ();
  g_assert_true (kefu_agents_view_is_showing_agent (fixture->agents));
  g_assert_cmpint (kefu_agent_page_get_agent_id (page), ==, kefu_agent_row_get_id (row));

  /* 乙: 7 ÷ 20 = 35.00 %, row 1 “x ≥ 35%”: 100 points × 100 % = 100. */
  items = kefu_agent_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (kefu_item_score_get_value_text (item), ==, "35.00%");
  g_assert_cmpfloat (kefu_item_score_get_numerator (item), ==, 7);
  g_assert_cmpfloat (kefu_item_score_get_denominator (item), ==, 20);
  g_assert_cmpint (kefu_item_score_get_bracket_index (item), ==, 0);
  g_assert_cmpfloat (kefu_item_score_get_points (item), ==, 100);
  g_assert_cmpfloat (kefu_item_score_get_weighted (item), ==, 100);
  sources = kefu_agent_page_get_item_sources (page, item);
  g_assert_cmpstr (sources, ==, "daily.csv");

  /* Against the shop (26.67 %) and September (nothing for 乙). */
  {
    g_autofree char *agent = kefu_agent_page_get_cell_text (page, "inquiry_conversion_rate", "agent");
    g_autofree char *shop = kefu_agent_page_get_cell_text (page, "inquiry_conversion_rate", "shop");
    g_autofree char *vs_shop = kefu_agent_page_get_cell_text (page, "inquiry_conversion_rate", "vs-shop");
    g_autofree char *previous = kefu_agent_page_get_cell_text (page, "inquiry_conversion_rate", "previous");
    g_autofree char *change = kefu_agent_page_get_cell_text (page, "inquiry_conversion_rate", "change");
    /* A total is shared out over the agents: (30 + 20 + 40) / 3 = 30. */
    g_autofree char *buyers = kefu_agent_page_get_cell_text (page, "inquiry_buyers", "shop");

    g_assert_cmpstr (agent, ==, "35.00%");
    g_assert_cmpstr (shop, ==, "26.67%");
    g_assert_cmpstr (vs_shop, ==, "↑ 8.33 pp");
    g_assert_cmpstr (previous, ==, "—");
    g_assert_null (change);
    g_assert_cmpstr (buyers, ==, "30");
  }

  /* The scheme's one metric drawn day by day; a radar needs three items. */
  {
    KefuChart *trend = find_chart (GTK_WIDGET (page), KEFU_TYPE_TREND_CHART);
    KefuChart *radar = find_chart (GTK_WIDGET (page), KEFU_TYPE_RADAR_CHART);

    g_assert_cmpstr (kefu_chart_get_title (trend), ==,
                     kefu_metric_get_label (kefu_metric_lookup ("inquiry_conversion_rate")));
    g_assert_false (kefu_chart_is_empty (trend));
    g_assert_true (kefu_chart_is_empty (radar));
  }

  /* A new period keeps the page, with that period's figures. */
  set_month (fixture, G_DATE_SEPTEMBER);
  g_assert_true (kefu_agents_view_is_showing_agent (fixture->agents));
  g_assert_cmpuint (g_list_model_get_n_items (kefu_agent_page_get_items (page)), ==, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (kefu_agent_page_get_items (page), 0);
  g_assert_cmpstr (kefu_item_score_get_value_text (item), ==, "—");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agents.back", NULL));
  kefu_test_wait_for_idle ();
  g_assert_false (kefu_agents_view_is_showing_agent (fixture->agents));
}

static void
test_thresholds (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *shops = kefu_workspace_get_shops (fixture->workspace);
  g_autoptr(KefuShop) douyin = g_list_model_get_item (shops, 1);

  /* Taobao has no fixed thresholds. */
  g_assert_cmpuint (kefu_overview_view_get_n_warnings (fixture->overview), ==, 0);

  /* 丁's 85 % breaks Douyin's 3-minute rule, though the shop's 90 % keeps it. */
  g_assert_cmpstr (kefu_shop_get_platform (douyin), ==, "douyin");
  kefu_workspace_set_shop (fixture->workspace, douyin);
  kefu_test_wait_for_update (fixture->workspace);
  kefu_test_wait_for_idle ();
  g_assert_cmpuint (kefu_overview_view_get_n_warnings (fixture->overview), ==, 1);
  assert_order (fixture, "丁,戊");
}

/* The picker's popover opens on a range, with a calendar for each end. */
static void
test_picker_popover (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  KefuPeriodPicker *picker = g_object_new (KEFU_TYPE_PERIOD_PICKER, NULL);
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr(GDate) last = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuPeriod) range = kefu_period_new_range (first, last);
  GtkWidget *button;

  gtk_window_set_child (window, GTK_WIDGET (picker));
  gtk_window_present (window);
  kefu_test_wait_for_idle ();

  kefu_period_picker_set_period (picker, range);
  for (button = gtk_widget_get_first_child (GTK_WIDGET (picker)); button != NULL && !GTK_IS_MENU_BUTTON (button);
       button = gtk_widget_get_next_sibling (button) ? gtk_widget_get_next_sibling (button)
                                                     : gtk_widget_get_first_child (button))
    ;
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  kefu_test_wait_for_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));

  kefu_period_picker_shift (picker, 1);
  kefu_test_wait_for_idle ();
  {
    g_autofree char *text = kefu_period_to_string (kefu_period_picker_get_period (picker));

    g_assert_cmpstr (text, ==, "range:2026-10-16..2026-10-30");
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_window_destroy (window);
  kefu_test_wait_for_idle ();
}

static void
wait_for_figures (KefuWorkspace *workspace)
{
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while ((kefu_workspace_get_busy (workspace) || kefu_workspace_get_agent_table (workspace) == NULL) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  kefu_test_wait_for_idle ();
}

static void
check_window (KefuApplication *app,
              Fixture         *fixture)
{
  KefuWindow *window = KEFU_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  KefuWorkspace *workspace = kefu_window_get_workspace (window);
  g_autoptr(KefuShop) douyin = g_list_model_get_item (kefu_workspace_get_shops (workspace), 1);
  g_autofree char *path = g_build_filename (fixture->db.dir, "考核表.xlsx", NULL);
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  wait_for_figures (workspace);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "小鹿女装");

  /* Two shops: the header offers the other. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->shop_button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shop", "x",
                                             kefu_shop_get_id (douyin)));
  wait_for_figures (workspace);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "抖店");

  /* From an empty December to the month of the shop's last data, 1 October. */
  {
    g_autoptr(GDate) december = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
    g_autoptr(KefuPeriod) period = kefu_period_new (KEFU_GRANULARITY_MONTH, december);
    g_autofree char *shown = NULL;

    kefu_period_picker_set_period (window->period_picker, period);
    wait_for_figures (workspace);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-latest-data", NULL));
    wait_for_figures (workspace);
    shown = kefu_period_to_string (kefu_workspace_get_period (workspace));
    g_assert_cmpstr (shown, ==, "month:2026-10-01");
  }

  /* An agent chosen in the overview's ranking opens in Agents. */
  {
    KefuMetricTable *table = kefu_workspace_get_agent_table (workspace);
    const KefuMetricRowKey *key = kefu_metric_table_get_row (table, 1);

    g_assert_cmpint (key->agent_id, >, 0);
    kefu_window_set_view (window, "overview");
    g_signal_emit_by_name (window->overview_view, "agent-activated", key->agent_id);
    kefu_test_wait_for_idle ();
    g_assert_cmpstr (kefu_window_get_view (window), ==, "agents");
    g_assert_true (kefu_agents_view_is_showing_agent (window->agents_view));
    g_assert_cmpint (kefu_agent_page_get_agent_id (kefu_agents_view_get_agent_page (window->agents_view)),
                     ==, key->agent_id);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->agents_view), "agents.back", NULL));
  }

  /* A range's longer label still fits the header. */
  {
    g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
    g_autoptr(GDate) last = g_date_new_dmy (15, G_DATE_OCTOBER, 2026);
    g_autoptr(KefuPeriod) range = kefu_period_new_range (first, last);

    kefu_window_set_view (window, "agents");
    kefu_period_picker_set_period (window->period_picker, range);
    wait_for_figures (workspace);
  }

  /* The period's workbook, written in a thread; the action is back after. */
  _kefu_window_export_to (window, path);
  while (window->export_cancellable != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window->export_cancellable);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_close (GTK_WINDOW (window));
}

/* The window: the shop switcher and Ctrl+E's export. */
static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KefuApplication) app = NULL;
  char *argv[] = { (char *) "kefu", (char *) "--db", NULL, NULL };

  g_setenv ("XDG_DATA_HOME", fixture->db.dir, TRUE);
  argv[2] = (char *) kefu_store_get_path (fixture->db.store);
  app = kefu_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (check_window), fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kefu_register_resource ();

  g_test_add ("/views/Agents/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/views/Agents/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/views/Views/periods", Fixture, NULL, fixture_set_up, test_periods, fixture_tear_down);
  g_test_add ("/views/Views/range", Fixture, NULL, fixture_set_up, test_range, fixture_tear_down);
  g_test_add ("/views/Agents/page", Fixture, NULL, fixture_set_up, test_agent_page, fixture_tear_down);
  g_test_add ("/views/Window/shops-and-export", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  g_test_add_func ("/views/PeriodPicker/range-popover", test_picker_popover);
  g_test_add ("/views/Overview/thresholds", Fixture, NULL, fixture_set_up, test_thresholds, fixture_tear_down);

  return g_test_run ();
}
