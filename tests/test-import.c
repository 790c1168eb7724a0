/* test-import.c — files into the store: recognised, exact, atomic, idempotent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <xlsxwriter.h>

#include "kefu-core.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"
#include "store/kefu-store-private.h"

/* The worked example of METRICS.md §5, as the shared fixture has it. */
static const char *womenswear =
  "客服,开始日期,结束日期,咨询总人数,成交总人数,下单总笔数,成交笔数,客服客单价,店铺客单价,"
  "首次响应时间(秒),平均响应时间(秒),月退货量,月成交量\n"
  "A,2026-10-01,2026-10-30,275,88,240,228,78.23,66.30,13,21,6,289\n"
  "B,2026-10-01,2026-10-30,1455,582,325,247,76.90,66.30,8,19,23,423\n"
  "C,2026-10-01,2026-10-30,800,232,225,198,82.80,66.30,16,27,0,260\n";

static KefuImportResult *
import_with (KefuTestStore           *fixture,
             const char              *path,
             const KefuImportOptions *options)
{
  return kefu_import_file (fixture->store, kefu_profile_registry_get_default (),
                           path, options, NULL, NULL, NULL);
}

static KefuImportResult *
import (KefuTestStore *fixture,
        const char *path)
{
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  options.platform = "taobao";
  return import_with (fixture, path, &options);
}

/* sum and count of one agent's measure; the agent "" is the shop. */

static void
assert_womenswear_measures (KefuTestStore *fixture)
{
  /* Rates keep numerator and denominator (METRICS.md §2). */
  kefu_test_assert_measure (fixture, "A", "inquiry_conversion_rate", 88, 275, FALSE);
  kefu_test_assert_measure (fixture, "B", "inquiry_conversion_rate", 582, 1455, FALSE);
  kefu_test_assert_measure (fixture, "C", "inquiry_conversion_rate", 232, 800, FALSE);
  kefu_test_assert_measure (fixture, "A", "payment_rate", 228, 240, FALSE);
  kefu_test_assert_measure (fixture, "B", "payment_rate", 247, 325, FALSE);
  kefu_test_assert_measure (fixture, "C", "payment_rate", 198, 225, FALSE);
  /* Unit price × paying buyers = the agent's sales. */
  kefu_test_assert_measure (fixture, "A", "unit_price", 78.23 * 88, 88, FALSE);
  kefu_test_assert_measure (fixture, "B", "unit_price", 76.90 * 582, 582, FALSE);
  kefu_test_assert_measure (fixture, "C", "unit_price", 82.80 * 232, 232, FALSE);
  /* The shop's unit price, repeated on each row, is stored once. */
  kefu_test_assert_measure (fixture, "", "unit_price", 66.30, 1, FALSE);
  kefu_test_assert_measure (fixture, "A", "first_response_time", 13, 1, FALSE);
  kefu_test_assert_measure (fixture, "C", "avg_response_time", 27, 1, FALSE);
  kefu_test_assert_measure (fixture, "B", "monthly_returns", 23, 1, FALSE);
  kefu_test_assert_measure (fixture, "C", "monthly_returns", 0, 1, FALSE);   /* a real zero */
  kefu_test_assert_measure (fixture, "A", "return_rate", 6, 289, FALSE);
  kefu_test_assert_measure (fixture, "A", "inquiry_buyers", 275, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 3 * 8 + 1);
}

static void
test_womenswear (KefuTestStore *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "womenswear-30d.csv", womenswear, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  g_autoptr(KefuImportResult) again = NULL;
  KefuImportFacts *facts = kefu_import_result_get_facts (result);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-agent-table");
  g_assert_cmpstr (facts->format, ==, "text");
  g_assert_cmpstr (facts->period_start, ==, "2026-10-01");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-30");
  g_assert_cmpfloat (facts->confidence, ==, 1.0);
  g_assert_cmpuint (facts->rows_read, ==, 3);
  g_assert_cmpuint (facts->rows_imported, ==, 3);
  g_assert_cmpuint (facts->rows_skipped, ==, 0);
  g_assert_cmpuint (kefu_import_result_get_n_problems (result), ==, 0);
  assert_womenswear_measures (fixture);

  /* The same content again changes nothing. */
  again = import (fixture, path);
  g_assert_cmpint (kefu_import_result_get_status (again), ==, KEFU_IMPORT_ALREADY_IMPORTED);
  g_assert_cmpint (kefu_import_result_get_batch_id (again), ==, kefu_import_result_get_batch_id (result));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 1);
  assert_womenswear_measures (fixture);
}

static void
test_encodings_and_formats (KefuTestStore *fixture,
                            gconstpointer  data)
{
  g_autofree char *gbk = g_convert (womenswear, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *gbk_path = NULL;
  g_autofree char *xlsx_path = g_build_filename (fixture->dir, "客服绩效.xlsx", NULL);
  g_auto(GStrv) lines = g_strsplit (womenswear, "\n", -1);
  g_autoptr(KefuImportResult) result = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;

  g_assert_nonnull (gbk);
  gbk_path = kefu_test_write_file (fixture, "womenswear-gbk.csv", gbk, -1);
  result = import (fixture, gbk_path);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (kefu_import_result_get_facts (result)->encoding, ==, "GB18030");
  assert_womenswear_measures (fixture);
  g_clear_object (&result);

  /* The same table as a workbook with a title row above the header:
   * different bytes, same data, so it is an overlap. */
  workbook = workbook_new (xlsx_path);
  sheet = workbook_add_worksheet (workbook, "客服绩效");
  worksheet_write_string (sheet, 0, 0, "客服绩效报表 2026年10月", NULL);
  for (guint r = 0; lines[r] != NULL && lines[r][0] != '\0'; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], ",", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          char *end;
          double number = g_ascii_strtod (cells[c], &end);

          if (r > 0 && c > 2 && *end == '\0')
            worksheet_write_number (sheet, r + 2, c, number, NULL);
          else
            worksheet_write_string (sheet, r + 2, c, cells[c], NULL);
        }
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  result = import (fixture, xlsx_path);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_OVERLAP);
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "womenswear-gbk.csv"));
  g_assert_cmpstr (kefu_import_result_get_facts (result)->format, ==, "xlsx");
  g_assert_cmpuint (kefu_import_result_get_facts (result)->header_row, ==, 3);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 1);
  g_clear_object (&result);

  /* Replacing swaps the old batch's values for the workbook's. */
  {
    KefuImportOptions options;

    kefu_import_options_init (&options);
    options.replace = TRUE;
    result = import_with (fixture, xlsx_path, &options);
  }
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  assert_womenswear_measures (fixture);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(DISTINCT batch_id) FROM measure"), ==, 1);
}

static void
test_undo (KefuTestStore *fixture,
           gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "womenswear-30d.csv", womenswear, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  g_autoptr(KefuImportResult) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_store_delete_batch (fixture->store, kefu_import_result_get_batch_id (result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);

  /* Once undone, the same file imports again. */
  again = import (fixture, path);
  g_assert_cmpint (kefu_import_result_get_status (again), ==, KEFU_IMPORT_IMPORTED);
  assert_womenswear_measures (fixture);
}

static const KefuImportProblem *
find_problem (KefuImportResult *result,
              guint64           row)
{
  for (guint i = 0; i < kefu_import_result_get_n_problems (result); i++)
    if (kefu_import_result_get_problem (result, i)->row == row)
      return kefu_import_result_get_problem (result, i);
  return NULL;
}

static void
test_messy_table (KefuTestStore *fixture,
                  gconstpointer  data)
{
  /* A title row, reordered and unknown columns, text values, placeholders,
   * a bad cell, and summary rows of every kind. The date is in the name. */
  static const char *messy =
    "客服绩效（导出于 2026-10-15）\n"
    "\n"
    "备注,平均响应时长,客服昵称,询单人数,询单转化率,接待人数,满意率\n"
    "x,9秒,店铺:小安,120,36.99%,100,98%\n"
    "y,2分30秒,店铺:小贝,-,--,80,延迟统计\n"
    "z,15,店铺:小橙,abc,40%,60,95%\n"
    ",,,,,,\n"
    "w,20,汇总,400,38.00%,240,97%\n"
    "w,20,平均值,133,38.00%,80,97%\n"
    "w,18,同行同层均值,150,35.00%,90,96%\n";
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv", messy, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  const KefuImportProblem *problem;

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpuint (facts->header_row, ==, 3);
  g_assert_cmpstr (facts->period_start, ==, "2026-10-14");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-14");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "备注", NULL }));
  g_assert_cmpuint (facts->rows_read, ==, 6);
  g_assert_cmpuint (facts->rows_imported, ==, 4);    /* 小安, 小贝, 汇总, 同行同层均值 */
  g_assert_cmpuint (facts->rows_skipped, ==, 2);     /* 小橙's bad cell, 平均值 */

  /* 36.99% of 120 inquiries: numerator and denominator. */
  kefu_test_assert_measure (fixture, "小安", "inquiry_conversion_rate", 0.3699 * 120, 120, FALSE);
  kefu_test_assert_measure (fixture, "小安", "avg_response_time", 9 * 100, 100, TRUE);
  kefu_test_assert_measure (fixture, "小贝", "avg_response_time", 150 * 80, 80, TRUE);
  /* Placeholders are missing, never zero: no measure at all. */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure m JOIN agent a ON a.id = m.agent_id "
                                   "WHERE a.display_name = '小贝' AND m.key IN "
                                   "('inquiry_buyers', 'inquiry_conversion_rate', 'satisfaction_rate')"), ==, 0);
  /* The total row is the shop's figure; the industry's is stored apart;
   * the shop's average row is not additive and is left out. */
  kefu_test_assert_measure (fixture, "", "inquiry_buyers", 400, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT sum FROM peer_measure WHERE label = '同行同层均值' "
                                   "AND key = 'inquiry_buyers'"), ==, 150);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure WHERE key = 'inquiry_conversion_rate' "
                                   "AND abs(sum - 0.35 * 150) < 1e-9 AND count = 150"), ==, 1);

  problem = find_problem (result, 6);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, KEFU_PROBLEM_ERROR);
  g_assert_cmpuint (problem->column, ==, 4);
  g_assert_cmpstr (problem->header, ==, "询单人数");
  g_assert_cmpstr (problem->value, ==, "abc");
  g_assert_cmpstr (problem->message, !=, "");

  problem = find_problem (result, 5);     /* 延迟统计: noted, not an error */
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, KEFU_PROBLEM_NOTE);
  g_assert_cmpuint (problem->column, ==, 7);

  g_assert_nonnull (find_problem (result, 9));       /* 平均值 */
  g_assert_null (find_problem (result, 10));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch WHERE json_array_length(issues) > 0"), ==, 1);
}

static void
test_check_only (KefuTestStore *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "womenswear-30d.csv", womenswear, -1);
  g_autoptr(KefuImportResult) result = NULL;
  g_autoptr(KefuImportResult) real = NULL;
  KefuImportOptions options;
  const char * const *cells;
  guint64 row;

  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  options.check_only = TRUE;
  result = import_with (fixture, path, &options);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_CHECKED);
  g_assert_cmpuint (kefu_import_result_get_facts (result)->rows_imported, ==, 3);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM shop"), ==, 0);

  /* The preview holds the header and the rows, as read. */
  g_assert_cmpuint (kefu_import_result_get_n_preview (result), ==, 4);
  cells = kefu_import_result_get_preview (result, 0, &row);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpstr (cells[0], ==, "客服");
  cells = kefu_import_result_get_preview (result, 3, &row);
  g_assert_cmpuint (row, ==, 4);
  g_assert_cmpstr (cells[7], ==, "82.80");

  /* A check leaves the file importable. */
  real = import (fixture, path);
  g_assert_cmpint (kefu_import_result_get_status (real), ==, KEFU_IMPORT_IMPORTED);
}

static void
test_damaged_workbook (KefuTestStore *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "客服绩效.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KefuImportResult) result = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  gsize length;

  for (guint r = 0; r < 2000; r++)
    {
      worksheet_write_string (sheet, r, 0, r == 0 ? "客服" : "小安", NULL);
      worksheet_write_string (sheet, r, 1, r == 0 ? "日期" : "2026-10-01", NULL);
      if (r == 0)
        worksheet_write_string (sheet, r, 2, "询单人数", NULL);
      else
        worksheet_write_number (sheet, r, 2, r, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  /* Cut in half, as an interrupted download leaves it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));

  result = import (fixture, path);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "客服绩效.xlsx"));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM shop"), ==, 0);
}

static void
test_summary_label_elsewhere (KefuTestStore *fixture,
                              gconstpointer  data)
{
  /* Pinduoduo writes its total in the 序号 column, the agent left blank. */
  static const char *table =
    "序号,客服账号,询单人数\n"
    "1,小安,120\n"
    "2,小贝,80\n"
    "店铺总计,,200\n";
  g_autofree char *path = kefu_test_write_file (fixture, "客服绩效_20261014.csv", table, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpuint (kefu_import_result_get_facts (result)->rows_imported, ==, 3);
  kefu_test_assert_measure (fixture, "", "inquiry_buyers", 200, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 2);
}

static void
test_peer_figures_replaced (KefuTestStore *fixture,
                            gconstpointer  data)
{
  /* Two downloads of the industry's figure for one day: the newest wins. */
  g_autofree char *first = kefu_test_write_file (fixture, "客服绩效_20261014.csv",
                                                 "客服,询单人数\n同行同层均值,150\n", -1);
  g_autofree char *second = kefu_test_write_file (fixture, "客服绩效_2026-10-14.csv",
                                                  "客服,询单人数\n同行同层均值,160\n", -1);
  g_autoptr(KefuImportResult) one = import (fixture, first);
  g_autoptr(KefuImportResult) two = import (fixture, second);

  g_assert_cmpint (kefu_import_result_get_status (one), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_import_result_get_status (two), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT sum FROM peer_measure"), ==, 160);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 0);
}

static void
test_refusals (KefuTestStore *fixture,
               gconstpointer  data)
{
  g_autofree char *no_date = kefu_test_write_file (fixture, "绩效.csv",
                                         "客服,询单人数\n小安,12\n", -1);
  g_autofree char *unknown = kefu_test_write_file (fixture, "list.csv",
                                         "name,colour,size\nshirt,red,M\n", -1);
  g_autofree char *empty = kefu_test_write_file (fixture, "empty.csv", "", 0);
  g_autoptr(KefuImportResult) result = NULL;
  KefuImportOptions options;

  result = import (fixture, no_date);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "--date"));
  g_clear_object (&result);

  result = import (fixture, unknown);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_clear_object (&result);

  result = import (fixture, empty);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_clear_object (&result);

  /* Nothing of a refused file is stored, not even its shop. */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 0);

  /* With the period given, the dateless file imports. */
  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  g_date_set_dmy (&options.period_from, 1, 10, 2026);
  result = import_with (fixture, no_date, &options);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (kefu_import_result_get_facts (result)->period_start, ==, "2026-10-01");
  g_assert_cmpstr (kefu_import_result_get_facts (result)->period_end, ==, "2026-10-01");
  kefu_test_assert_measure (fixture, "小安", "inquiry_buyers", 12, 1, FALSE);
}

static void
test_no_shop (KefuTestStore *fixture,
              gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "womenswear-30d.csv", womenswear, -1);
  g_autoptr(KefuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KefuImportOptions options;

  /* The first import without a shop makes one. */
  kefu_import_options_init (&options);
  result = import_with (fixture, path, &options);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM shop WHERE name = 'My Shop' AND platform = 'other'"), ==, 1);
  g_clear_object (&result);

  /* With two shops, the file must say which. */
  g_assert_cmpint (kefu_store_add_shop (fixture->store, "抖音小店", "douyin", &error), >, 0);
  g_assert_true (kefu_store_delete_batch (fixture->store, 1, &error));
  result = import_with (fixture, path, &options);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "--shop"));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
}

static void
test_messages (KefuTestStore *fixture,
               gconstpointer  data)
{
  static const char *log =
    "会话ID,买家,客服,发送时间,发送方,内容\n"
    "c1,x**,店铺:小安,2026-10-01 08:03:12,买家,在吗\n"
    "c1,x**,,2026-10-01 08:03:13,机器人,您好，我是智能客服\n"
    "c1,x**,店铺:小安,2026-10-01 08:03:40,客服,亲，在的\n"
    "c1,x**,店铺:小安,2026-10-01 08:04:00,路人,?\n"
    "c2,y**,店铺:小贝,2026/10/2 23:59,买家,发货了吗\n";
  g_autofree char *path = kefu_test_write_file (fixture, "messages.csv", log, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  const KefuImportProblem *problem;

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->kind, ==, "messages");
  g_assert_cmpuint (facts->rows_imported, ==, 4);
  g_assert_cmpuint (facts->rows_skipped, ==, 1);
  g_assert_cmpstr (facts->period_start, ==, "2026-10-01");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-02");

  /* 2026-10-01 08:03:12 in Shanghai is 00:03:12 UTC. */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT sent_at FROM message WHERE sender = 'buyer' AND buyer = 'x**'"),
                   ==, 1790812992);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM message WHERE sender = 'robot' AND agent_id IS NULL"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM message WHERE sender = 'agent'"), ==, 1);

  problem = find_problem (result, 5);
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->column, ==, 5);
  g_assert_cmpstr (problem->value, ==, "路人");
}

static void
test_orders (KefuTestStore *fixture,
             gconstpointer  data)
{
  static const char *orders =
    "订单编号,买家会员名,订单状态,订单创建时间,订单付款时间,总金额,买家实际支付金额,宝贝总数量,售后状态\n"
    "P1001,x**,交易成功,2026-10-01 09:00:00,2026-10-01 09:05:00,¥128.00,¥118.00,2,无售后或售后取消\n"
    "P1002,y**,等待买家付款,2026-10-02 21:30:00,-,59.9,-,1,\n"
    "P1003,z**,交易成功,2026/10/3 10:00,2026/10/3 10:01,1.2万,11800,three,\n";
  /* The same orders exported again with one more: a different file. */
  static const char *again =
    "订单编号,买家会员名,订单状态,订单创建时间,订单付款时间,总金额,买家实际支付金额,宝贝总数量,售后状态\n"
    "P1001,x**,交易成功,2026-10-01 09:00:00,2026-10-01 09:05:00,¥128.00,¥118.00,2,退款成功\n"
    "P1004,w**,交易成功,2026-10-04 11:00:00,2026-10-04 11:02:00,88,88,1,\n";
  g_autofree char *path = kefu_test_write_file (fixture, "orders.csv", orders, -1);
  g_autofree char *path2 = kefu_test_write_file (fixture, "orders-2.csv", again, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  g_autoptr(KefuImportResult) second = NULL;
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  KefuImportOptions options;

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-orders");
  g_assert_cmpuint (facts->rows_imported, ==, 2);
  g_assert_cmpuint (facts->rows_skipped, ==, 1);          /* "three" items */
  g_assert_cmpstr (facts->period_start, ==, "2026-10-01");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-02");
  g_assert_nonnull (find_problem (result, 4));
  /* ¥118.00 paid; the unpaid order has no paid time and no paid amount. */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT paid_amount * 100 FROM order_ WHERE order_no = 'P1001'"), ==, 11800);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = 'P1002' "
                                   "AND paid_at IS NULL AND paid_amount IS NULL AND items = 1"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT created_at FROM order_ WHERE order_no = 'P1001'"),
                   ==, 1790816400);   /* 2026-10-01 09:00 +08:00 */

  /* P1001 again, from another file: refused, nothing stored. */
  second = import (fixture, path2);
  g_assert_cmpint (kefu_import_result_get_status (second), ==, KEFU_IMPORT_OVERLAP);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_"), ==, 2);
  g_clear_object (&second);

  kefu_import_options_init (&options);
  options.replace = TRUE;
  second = import_with (fixture, path2, &options);
  g_assert_cmpint (kefu_import_result_get_status (second), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_"), ==, 3);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = 'P1001' "
                                   "AND after_sale = '退款成功'"), ==, 1);
}

static void
test_sessions (KefuTestStore *fixture,
               gconstpointer  data)
{
  static const char *sessions =
    "会话ID,买家,客服,开始时间,结束时间,进入排队时间,分配时间,是否转人工,满意度评价\n"
    "s1,x**,小安,2026-10-01 08:00:00,2026-10-01 08:10:00,2026-10-01 08:00:05,2026-10-01 08:00:35,是,很满意\n"
    "s2,y**,小贝,2026-10-01 09:00:00,,,,否,\n"
    "s3,z**,小贝,2026-10-01 10:00:00,,,,否,好评\n"
    "s4,w**,小贝,,,,,否,\n";
  g_autofree char *path = kefu_test_write_file (fixture, "sessions.csv", sessions, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-sessions");
  g_assert_cmpuint (facts->rows_imported, ==, 3);
  g_assert_cmpuint (facts->rows_skipped, ==, 1);          /* no start time */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT assigned_at - queued_at FROM session WHERE conversation = 's1'"), ==, 30);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM session WHERE rating = 'very_satisfied' AND transferred = 1"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM session WHERE rating IS NULL"), ==, 2);
  g_assert_cmpint (find_problem (result, 4)->severity, ==, KEFU_PROBLEM_NOTE);   /* 好评 */
  g_assert_cmpint (find_problem (result, 5)->severity, ==, KEFU_PROBLEM_ERROR);
}

static void
test_refunds (KefuTestStore *fixture,
              gconstpointer  data)
{
  static const char *refunds =
    "退款编号,订单编号,退款金额,退款状态,货物状态,售后类型,退款原因,申请时间,完结时间\n"
    "R1,P1001,¥118.00,退款成功,买家已退货,退货退款,质量问题,2026-10-03 10:00:00,2026-10-05 10:00:00\n"
    "R2,P1003,50,买家已经申请退款，等待卖家同意,买家未收到货,仅退款,不想要了,2026-10-04 09:00:00,\n"
    "R1,P1001,¥118.00,退款成功,买家已退货,退货退款,质量问题,2026-10-03 10:00:00,2026-10-05 10:00:00\n"
    ",P1004,10,退款成功,买家未收到货,仅退款,拍错了,2026-10-04 10:00:00,2026-10-04 11:00:00\n";
  /* A later export: R2 has been completed since, R3 is new. */
  static const char *later =
    "退款编号,订单编号,退款金额,退款状态,货物状态,售后类型,退款原因,申请时间,完结时间\n"
    "R2,P1003,50,退款成功,买家未收到货,仅退款,不想要了,2026-10-04 09:00:00,2026-10-04 15:00:00\n"
    "R3,P1005,30,退款成功,买家未收到货,仅退款,拍错了,2026-10-06 09:00:00,2026-10-06 09:30:00\n";
  g_autofree char *path = kefu_test_write_file (fixture, "退款.csv", refunds, -1);
  g_autofree char *path2 = kefu_test_write_file (fixture, "退款-2.csv", later, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  g_autoptr(KefuImportResult) second = NULL;
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  KefuImportOptions options;

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-refunds");
  g_assert_cmpstr (facts->kind, ==, "refunds");
  g_assert_cmpuint (facts->rows_imported, ==, 2);
  g_assert_cmpuint (facts->rows_skipped, ==, 2);          /* R1 again, no number */
  g_assert_cmpint (find_problem (result, 4)->severity, ==, KEFU_PROBLEM_NOTE);
  g_assert_cmpint (find_problem (result, 5)->severity, ==, KEFU_PROBLEM_ERROR);
  g_assert_cmpstr (facts->period_start, ==, "2026-10-03");
  g_assert_cmpstr (facts->period_end, ==, "2026-10-04");
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = 'R2' "
                                   "AND completed_at IS NULL AND amount = 50"), ==, 1);

  /* R2 again, from another file: refused, nothing stored. */
  second = import (fixture, path2);
  g_assert_cmpint (kefu_import_result_get_status (second), ==, KEFU_IMPORT_OVERLAP);
  g_assert_nonnull (strstr (kefu_import_result_get_message (second), "退款.csv"));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 1);
  g_clear_object (&second);

  /* Replacing takes the later state of R2 and keeps R1. */
  kefu_import_options_init (&options);
  options.replace = TRUE;
  second = import_with (fixture, path2, &options);
  g_assert_cmpint (kefu_import_result_get_status (second), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund"), ==, 3);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = 'R2'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT completed_at - applied_at FROM refund "
                                   "WHERE refund_no = 'R2' AND status = '退款成功'"), ==, 6 * 3600);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = 'R1' "
                                   "AND batch_id = 1"), ==, 1);
}

static void
test_dsr (KefuTestStore *fixture,
          gconstpointer  data)
{
  static const char *dsr =
    "指标,得分,趋势,行业均值,与行业对比,目标值,距目标值差距\n"
    "描述相符,4.85,↑,4.79,高于 1.25%,4.9,-0.05\n"
    "服务态度,4.86,持平,4.80,高于 1.25%,4.9,-0.04\n"
    "物流服务,4.83,↓,4.81,高于 0.42%,4.9,-0.07\n";
  g_autofree char *path = kefu_test_write_file (fixture, "DSR.csv", dsr, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportOptions options;

  /* A score is of some period: without one, refused, as per-agent tables. */
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_cmpstr (kefu_import_result_get_facts (result)->profile_id, ==, "taobao-dsr");
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "--date"));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM shop"), ==, 0);
  g_clear_object (&result);

  /* With the period given, the scores are the shop's for it. */
  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  g_date_set_dmy (&options.period_from, 1, 10, 2026);
  g_date_set_dmy (&options.period_to, 31, 10, 2026);
  result = import_with (fixture, path, &options);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (kefu_import_result_get_facts (result)->period_start, ==, "2026-10-01");
  g_assert_cmpstr (kefu_import_result_get_facts (result)->period_end, ==, "2026-10-31");
  g_assert_cmpuint (kefu_import_result_get_facts (result)->rows_imported, ==, 3);
  kefu_test_assert_measure_on (fixture, "", "dsr_logistics", "2026-10-01", 4.83, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure WHERE label = '行业均值' "
                                   "AND period_end = '2026-10-31'"), ==, 3);
  g_clear_object (&result);

  /* The same scores for the same days from another file are an overlap. */
  {
    g_autofree char *titled = g_strconcat ("店铺DSR评分\n", dsr, NULL);
    g_autofree char *copy = kefu_test_write_file (fixture, "DSR_2026-10-31.csv", titled, -1);

    result = import (fixture, copy);
    g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_OVERLAP);
    g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 3);
  }
}

static void
test_cancel (KefuTestStore *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("客服,日期,询单人数\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KefuImportResult) result = NULL;
  g_autofree char *path = NULL;
  KefuImportOptions options;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (big, "客服%u,2026-10-%02u,%u\n", i % 40, 1 + i % 28, i);
  path = kefu_test_write_file (fixture, "big.csv", big->str, big->len);

  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  g_cancellable_cancel (cancellable);
  result = kefu_import_file (fixture->store, kefu_profile_registry_get_default (), path,
                             &options, cancellable, NULL, NULL);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 0);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_false (kefu_store_in_transaction (fixture->store));
}

/* Every sample the README documents imports with its template. */
static void
test_samples (KefuTestStore *fixture,
              gconstpointer  data)
{
  static const struct { const char *file, *profile; guint64 rows; } samples[] = {
    { "客服指标表_2026-10-01至2026-10-31.csv", "kefu-agent-table", 3 },
    { "聊天记录.csv", "kefu-messages", 7 },
    { "订单.csv", "kefu-orders", 3 },
    { "退款.csv", "kefu-refunds", 2 },
    { "会话明细.csv", "kefu-sessions", 2 },
    { "店铺每日指标.csv", "kefu-shop-table", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                     samples[i].file, NULL);
      g_autoptr(KefuImportResult) result = import (fixture, path);
      KefuImportFacts *facts = kefu_import_result_get_facts (result);

      g_test_message ("%s: %s", samples[i].file, kefu_import_result_get_message (result));
      g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
      g_assert_cmpstr (facts->profile_id, ==, samples[i].profile);
      g_assert_cmpuint (facts->rows_imported, ==, samples[i].rows);
      g_assert_cmpuint (facts->rows_skipped, ==, 0);
      g_assert_cmpuint (kefu_import_result_get_n_problems (result), ==, 0);
    }

  /* The per-agent sample carries its period in its name. */
  kefu_test_assert_measure (fixture, "小安", "inquiry_conversion_rate", 88, 275, FALSE);
  kefu_test_assert_measure (fixture, "小安", "response_rate_3min", 0.965 * 260, 260, TRUE);
  kefu_test_assert_measure (fixture, "小贝", "agent_sales", 44755.80, 1, FALSE);
}

static void
test_profiles_load (void)
{
  KefuProfileRegistry *registry = kefu_profile_registry_get_default ();
  GListModel *profiles = kefu_profile_registry_get_profiles (registry);

  g_assert_cmpuint (g_list_model_get_n_items (profiles), >=, 3);
  g_assert_nonnull (kefu_profile_registry_lookup (registry, "kefu-agent-table"));
  g_assert_nonnull (kefu_profile_registry_lookup (registry, "kefu-messages"));
  g_assert_null (kefu_profile_registry_lookup (registry, "no-such-profile"));
}

static void
test_header_normalise (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "首次响应时长（秒)", "首次响应时长秒" },
    { "首次响应时长(秒）", "首次响应时长秒" },
    { "3分钟人工回复率(8-23点)", "3分钟人工回复率823点" },
    { "ＡＢＣ　询单_人数·", "abc询单人数" },
    { " Agent Sales ", "agentsales" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kefu_header_normalise (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/import/Import/" path, KefuTestStore, NULL, kefu_test_store_set_up, func, kefu_test_store_tear_down)

  ADD ("womenswear", test_womenswear);
  ADD ("encodings-and-formats", test_encodings_and_formats);
  ADD ("undo", test_undo);
  ADD ("messy-table", test_messy_table);
  ADD ("refusals", test_refusals);
  ADD ("peer-figures-replaced", test_peer_figures_replaced);
  ADD ("summary-label-elsewhere", test_summary_label_elsewhere);
  ADD ("check-only", test_check_only);
  ADD ("damaged-workbook", test_damaged_workbook);
  ADD ("no-shop", test_no_shop);
  ADD ("messages", test_messages);
  ADD ("orders", test_orders);
  ADD ("sessions", test_sessions);
  ADD ("refunds", test_refunds);
  ADD ("dsr", test_dsr);
  ADD ("cancel", test_cancel);
  ADD ("samples", test_samples);
  g_test_add_func ("/import/Profile/builtin", test_profiles_load);
  g_test_add_func ("/import/Profile/header-normalise", test_header_normalise);

#undef ADD

  return g_test_run ();
}
