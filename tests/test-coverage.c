/* test-coverage.c — which kinds of data a shop has for each day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-core.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"

typedef struct
{
  KefuTestStore db;
  gint64        shop_id;
} Fixture;

static void
import_sample (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);

  kefu_test_import_file (&fixture->db, "小鹿女装", path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kefu_test_store_set_up (&fixture->db, data);
  fixture->shop_id = kefu_test_add_shop (&fixture->db, "小鹿女装", "taobao");

  /* 甲's own figures for 1 and 2 October; A's for 1–30 October. */
  kefu_test_import_text (&fixture->db, "小鹿女装", "daily.csv",
                         "客服,日期,咨询总人数,成交总人数\n"
                         "甲,2026-10-01,10,4\n"
                         "甲,2026-10-02,20,5\n");
  kefu_test_import_text (&fixture->db, "小鹿女装", "span.csv",
                         "客服,开始日期,结束日期,咨询总人数,成交总人数\n"
                         "A,2026-10-01,2026-10-30,275,88\n");
  import_sample (fixture, "店铺每日指标.csv");
  import_sample (fixture, "聊天记录.csv");
  import_sample (fixture, "会话明细.csv");
  import_sample (fixture, "订单.csv");
  import_sample (fixture, "退款.csv");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kefu_test_store_tear_down (&fixture->db, data);
}

/* One letter per day: '.' none, 'D' the day's own, 'S' a longer span. */
static void
assert_days (KefuCoverage *coverage,
             KefuDataKind  kind,
             const char   *expected)
{
  g_autoptr(GString) days = g_string_new (NULL);

  for (guint i = 0; i < kefu_coverage_get_n_days (coverage); i++)
    switch (kefu_coverage_get (coverage, kind, i))
      {
      case KEFU_COVERED_DAY:  g_string_append_c (days, 'D'); break;
      case KEFU_COVERED_SPAN: g_string_append_c (days, 'S'); break;
      case KEFU_COVERED_NONE:
      default:                g_string_append_c (days, '.'); break;
      }
  g_assert_cmpstr (days->str, ==, expected);
}

static void
test_days (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (5, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuCoverage) coverage = NULL;
  GDate day;

  coverage = kefu_coverage_query (fixture->db.store, fixture->shop_id, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_coverage_get_n_days (coverage), ==, 6);
  kefu_coverage_get_day (coverage, 5, &day);
  g_assert_cmpuint (g_date_get_day (&day), ==, 5);
  g_assert_cmpuint (g_date_get_month (&day), ==, G_DATE_OCTOBER);

  /*                                       9-30 10-1 … 10-5 */
  assert_days (coverage, KEFU_DATA_AGENT_FIGURES, ".DDSSS");
  assert_days (coverage, KEFU_DATA_SHOP_FIGURES,  ".DD...");
  /* 22:59 on 1 October is still the 1st in Shanghai; the answer came on the 2nd. */
  assert_days (coverage, KEFU_DATA_MESSAGES,      ".DD...");
  assert_days (coverage, KEFU_DATA_SESSIONS,      ".D....");
  assert_days (coverage, KEFU_DATA_ORDERS,        ".DDD..");
  assert_days (coverage, KEFU_DATA_REFUNDS,       "...DD.");
  assert_days (coverage, KEFU_DATA_REVIEWS,       "......");

  g_assert_cmpuint (kefu_coverage_count_days (coverage, KEFU_DATA_AGENT_FIGURES), ==, 5);
  g_assert_cmpuint (kefu_coverage_count_days (coverage, KEFU_DATA_REVIEWS), ==, 0);
  g_assert_false (kefu_coverage_is_empty (coverage));
}

static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (2, G_DATE_OCTOBER, 2026);
  g_autoptr(KefuCoverage) coverage = NULL;
  KefuMetricSettings settings;

  /* In Los Angeles (UTC−7), 08:02 on 1 October in Shanghai is 17:02 on
   * 30 September, and 08:05 on the 2nd is 17:05 on the 1st. */
  kefu_metric_settings_init (&settings);
  settings.time_zone = "America/Los_Angeles";
  coverage = kefu_coverage_query (fixture->db.store, fixture->shop_id, from, to, &settings, &error);
  g_assert_no_error (error);
  assert_days (coverage, KEFU_DATA_MESSAGES, "DD.");
  /* Figures are of calendar days: no zone moves them. */
  assert_days (coverage, KEFU_DATA_SHOP_FIGURES, ".DD");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (31, G_DATE_DECEMBER, 2026);
  g_autoptr(KefuCoverage) coverage = NULL;

  coverage = kefu_coverage_query (fixture->db.store, fixture->shop_id, from, to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kefu_coverage_get_n_days (coverage), ==, 31);
  g_assert_true (kefu_coverage_is_empty (coverage));
  for (guint kind = 0; kind < KEFU_N_DATA_KINDS; kind++)
    {
      g_assert_cmpuint (kefu_coverage_count_days (coverage, kind), ==, 0);
      g_assert_nonnull (kefu_data_kind_get_label (kind));
    }
}

static void
test_last_day (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 empty_shop;
  GDate day;

  /* A's figures run to 30 October, later than any event. */
  g_assert_true (kefu_coverage_find_last_day (fixture->db.store, fixture->shop_id, NULL, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&day), ==, 30);
  g_assert_cmpuint (g_date_get_month (&day), ==, G_DATE_OCTOBER);

  empty_shop = kefu_store_add_shop (fixture->db.store, "空店", "jd", &error);
  g_assert_no_error (error);
  g_assert_false (kefu_coverage_find_last_day (fixture->db.store, empty_shop, NULL, &day, &error));
  g_assert_no_error (error);
}

static void
test_last_event (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  /* 23:30 on 5 November in Shanghai is 15:30 UTC, still the 5th there. */
  kefu_test_import_text (&fixture->db, "小鹿女装", "late.csv",
                         "退款编号,订单编号,退款金额,退款状态,货物状态,售后类型,退款原因,申请时间,完结时间\n"
                         "RF1,O1,¥10.00,退款成功,买家未收到货,仅退款,不想要了,2026-11-05 23:30:00,2026-11-06 10:00:00\n");

  g_assert_true (kefu_coverage_find_last_day (fixture->db.store, fixture->shop_id, NULL, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&day), ==, 5);
  g_assert_cmpuint (g_date_get_month (&day), ==, G_DATE_NOVEMBER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/coverage/Coverage/days", Fixture, NULL,
              fixture_set_up, test_days, fixture_tear_down);
  g_test_add ("/coverage/Coverage/time-zone", Fixture, NULL,
              fixture_set_up, test_time_zone, fixture_tear_down);
  g_test_add ("/coverage/Coverage/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);

  g_test_add ("/coverage/Coverage/last-day", Fixture, NULL,
              fixture_set_up, test_last_day, fixture_tear_down);
  g_test_add ("/coverage/Coverage/last-event", Fixture, NULL,
              fixture_set_up, test_last_event, fixture_tear_down);

  return g_test_run ();
}
