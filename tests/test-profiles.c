/* test-profiles.c — the built-in profiles against realistic platform exports
 *
 * One test per profile: the test writes a file shaped like the platform's
 * download (title rows, reordered columns, an unknown column, text values,
 * placeholders, summary rows), imports it without naming the profile, and
 * checks the recognition and the stored sums and counts, worked out by hand
 * in the comments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <xlsxwriter.h>

#include "kefu-core.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"
#include "import/kefu-import-match.h"
#include "store/kefu-store-private.h"

/* Files */

typedef struct
{
  const char         *name;
  const char * const *rows;    /* NULL-terminated; cells split by '|' */
} Sheet;

/* A cell of a row written as text:
 *   ""          blank
 *   "#12.5"     a number
 *   "%0.3316"   a number shown as a percentage (0.00%)
 *   "@2026-10-01" a date (an Excel serial shown as yyyy-mm-dd)
 *   "!11:总"    "总" merged across 11 columns (the next 10 cells stay blank)
 *   anything else, text as it is */
static void
write_cell (lxw_workbook  *workbook,
            lxw_worksheet *sheet,
            lxw_format    *percent,
            lxw_format    *date,
            guint          row,
            guint          column,
            const char    *cell)
{
  if (cell[0] == '\0')
    return;

  if (cell[0] == '#')
    worksheet_write_number (sheet, row, column, g_ascii_strtod (cell + 1, NULL), NULL);
  else if (cell[0] == '%')
    worksheet_write_number (sheet, row, column, g_ascii_strtod (cell + 1, NULL), percent);
  else if (cell[0] == '@')
    {
      int year, month, day;
      lxw_datetime when = { 0 };

      g_assert_cmpint (sscanf (cell + 1, "%d-%d-%d", &year, &month, &day), ==, 3);
      when.year = year;
      when.month = month;
      when.day = day;
      worksheet_write_datetime (sheet, row, column, &when, date);
    }
  else if (cell[0] == '!')
    {
      char *text;
      guint span = strtoul (cell + 1, &text, 10);

      g_assert_true (*text == ':' && span > 1);
      worksheet_merge_range (sheet, row, column, row, column + span - 1, text + 1, NULL);
    }
  else
    worksheet_write_string (sheet, row, column, cell, NULL);
}

static char *
write_workbook (KefuTestStore *fixture,
                const char  *name,
                const Sheet *sheets,
                guint        n_sheets)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_format *percent = workbook_add_format (workbook);
  lxw_format *date = workbook_add_format (workbook);

  format_set_num_format (percent, "0.00%");
  format_set_num_format (date, "yyyy-mm-dd");

  for (guint s = 0; s < n_sheets; s++)
    {
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, sheets[s].name);

      for (guint r = 0; sheets[s].rows[r] != NULL; r++)
        {
          g_auto(GStrv) cells = g_strsplit (sheets[s].rows[r], "|", -1);

          for (guint c = 0; cells[c] != NULL; c++)
            write_cell (workbook, sheet, percent, date, r, c, cells[c]);
        }
    }

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static char *
write_sheet (KefuTestStore      *fixture,
             const char         *name,
             const char         *sheet_name,
             const char * const *rows)
{
  const Sheet sheet = { sheet_name, rows };

  return write_workbook (fixture, name, &sheet, 1);
}

/* Importing and looking */

static KefuImportResult *
import (KefuTestStore *fixture,
        const char *path)
{
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = "测试店铺";
  return kefu_import_file (fixture->store, kefu_profile_registry_get_default (),
                           path, &options, NULL, NULL, NULL);
}

/* The measures of an agent account ("" = the shop) and key, on @day
 * (its period_start) or on any day when @day is NULL. */

static gint64
n_measures (KefuTestStore *fixture,
            const char *account)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM measure m LEFT JOIN agent a "
                                          "ON a.id = m.agent_id WHERE coalesce(a.account, '') = '%s'",
                                          account);
  return kefu_test_count (fixture, sql);
}

/* How many fields of @profile_id the header of @sheet_name names. */
static guint
matched_fields (const char *path,
                const char *sheet_name,
                const char *profile_id)
{
  KefuProfile *profile = kefu_profile_registry_lookup (kefu_profile_registry_get_default (), profile_id);
  g_autoptr(GListStore) one = g_list_store_new (KEFU_TYPE_PROFILE);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(KefuImportMatch) match = NULL;
  g_autoptr(GError) error = NULL;
  guint sheet = 0;

  g_assert_nonnull (profile);
  g_list_store_append (one, profile);
  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  while (g_strcmp0 (kefu_table_reader_get_sheet_name (reader, sheet), sheet_name) != 0)
    g_assert_cmpuint (++sheet, <, kefu_table_reader_get_n_sheets (reader));

  match = kefu_import_match_sheet (reader, sheet, G_LIST_MODEL (one), NULL, &error);
  g_assert_no_error (error);
  return match != NULL ? match->matched : 0;
}

/* Recognised as @profile_id on its own, and what the rows became. */
static KefuImportFacts *
assert_imported (KefuImportResult *result,
                 const char       *path,
                 const char       *profile_id,
                 guint64           header_row,
                 guint64           rows_read,
                 guint64           rows_imported,
                 const char       *period_start,
                 const char       *period_end)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  g_autofree char *text = kefu_import_result_to_text (result);

  g_test_message ("%s", text);
  if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
    g_error ("not imported: %s", kefu_import_result_get_message (result));
  g_assert_cmpstr (facts->profile_id, ==, profile_id);
  g_assert_cmpuint (facts->header_row, ==, header_row);
  g_assert_cmpuint (facts->rows_read, ==, rows_read);
  g_assert_cmpuint (facts->rows_imported, ==, rows_imported);
  g_assert_cmpuint (facts->rows_skipped, ==, rows_read - rows_imported);
  g_assert_cmpstr (facts->period_start, ==, period_start);
  g_assert_cmpstr (facts->period_end, ==, period_end);

  /* and it wins by more than a tie against Kefu's own templates */
  {
    guint own = matched_fields (path, facts->sheet, profile_id);

    g_assert_cmpuint (own, >, matched_fields (path, facts->sheet, "kefu-agent-table"));
    g_assert_cmpuint (own, >, matched_fields (path, facts->sheet, "kefu-shop-table"));
  }
  return facts;
}

/* An export of events beats Kefu's own template of its kind by more
 * than a tie, so neither is ever taken for the other. */
static void
assert_beats_template (const char *path,
                       const char *sheet_name,
                       const char *profile_id,
                       const char *template_id)
{
  g_assert_cmpuint (matched_fields (path, sheet_name, profile_id), >,
                    matched_fields (path, sheet_name, template_id));
}

/* The shop's value of @key over [@from, @to], as the metric engine gives it. */
static KefuMetricValue
shop_metric (KefuTestStore *fixture,
             const char    *key,
             const char    *from,
             const char    *to)
{
  const char * const keys[] = { key, NULL };
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(GError) error = NULL;
  KefuMetricValue value;
  GDate first, last;
  int y, m, d, row;

  g_assert_cmpint (sscanf (from, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, d, m, y);
  g_assert_cmpint (sscanf (to, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, d, m, y);

  table = kefu_metric_query (fixture->store, kefu_store_find_shop (fixture->store, "测试店铺", NULL),
                             &first, &last, NULL, 0, keys, KEFU_GROUP_AGENT, NULL, NULL, &error);
  g_assert_no_error (error);
  row = kefu_metric_table_find_agent (table, 0);
  g_assert_cmpint (row, >=, 0);
  value = *kefu_metric_table_get (table, row, key);
  value.batches = NULL;
  return value;
}

static const KefuImportProblem *
find_problem (KefuImportResult *result,
              guint64           row,
              guint             column)
{
  for (guint i = 0; i < kefu_import_result_get_n_problems (result); i++)
    {
      const KefuImportProblem *problem = kefu_import_result_get_problem (result, i);

      if (problem->row == row && (column == 0 || problem->column == column))
        return problem;
    }
  return NULL;
}

static void
assert_note (KefuImportResult *result,
             guint64           row,
             guint             column)
{
  const KefuImportProblem *problem = find_problem (result, row, column);

  if (problem == NULL)
    g_error ("no note on row %" G_GUINT64_FORMAT " column %u", row, column);
  g_assert_cmpint (problem->severity, ==, KEFU_PROBLEM_NOTE);
}

/* Pinduoduo */

static void
test_pdd_agent_performance (KefuTestStore *fixture,
                            gconstpointer  data)
{
  /* 商家后台 → 客服数据 → 客服绩效, a newer file with both the 8–23点 and
   * the 全天 rates; no title row, the summary label in 客服账号. */
  static const char * const rows[] = {
    "序号|客服账号|咨询人数|询单人数|最终成团人数|询单转化率|客服销售额（元）|去退销售额（元）|"
      "人工接待人数|需要人工回复的咨询人数|3分钟未回复人数|3分钟人工回复率(8-23点)|3分钟人工回复率(全天)|"
      "30秒应答率(8-23点)|30秒应答率(全天)|平均人工响应时长|投诉数|评分≤3订单数|纠纷退款数|客服服务分|客服标签",
    "#1|pdd_xiaoan|#120|#80|#30|37.50%|¥1,234.50|1,100.00|"
      "#95|#100|#3|97.00%|95.50%|80%|78%|9秒|#0|#1|#0|#4.8|金牌",
    "#2|pdd_xiaobei|1.2万|-|#45|--|2,000|1,950.00|"
      "#190|#200|#3|0.9850|98.00%|延迟统计|60%|2分30秒|#1|#2|#1|#4.6|",
    "|店铺总计|#12120|#500|#75|15.00%|¥3,234.50|3,050.00|"
      "#285|#300|#6|98.00%|97.00%|-|65%|1分45秒|#1|#3|#1||",
    "|平均值|#6060|#250|#37.5|15.00%|¥1,617.25|1,525.00|"
      "#142.5|#150|#3|98.00%|97.00%|-|65%|1分45秒|#0.5|#1.5|#0.5||",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服绩效_2026-10-14.xlsx", "Sheet0", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* 小安, 小贝 and 店铺总计; the average row is kept apart. */
  facts = assert_imported (result, path, "pdd-agent-performance", 1, 4, 3, "2026-10-14", "2026-10-14");
  g_assert_cmpstr (facts->sheet, ==, "Sheet0");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "客服标签", NULL }));
  g_assert_cmpfloat_with_epsilon (facts->confidence, 20.0 / 21.0, 1e-9);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 2);

  kefu_test_assert_measure (fixture, "pdd_xiaoan", "consult_buyers", 120, 1, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "inquiry_buyers", 80, 1, FALSE);
  /* 最终成团人数 ÷ 询单人数: 30 / 80, not 37.50% × 80 rebuilt */
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "inquiry_conversion_rate", 30, 80, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "agent_sales", 1234.50, 1, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "unit_price", 1234.50, 30, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "received_buyers", 95, 1, FALSE);
  /* the 8–23点 rates over 需要人工回复的咨询人数: 97% × 100, 80% × 100 */
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "response_rate_3min", 97, 100, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "response_rate_30s", 80, 100, FALSE);
  /* 9 s × 95 buyers received, an estimate */
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "avg_response_time", 9 * 95, 95, TRUE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "low_rating_orders", 1, 1, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "dispute_refunds", 0, 1, FALSE);
  kefu_test_assert_measure (fixture, "pdd_xiaoan", "complaints", 0, 1, FALSE);
  /* twelve keys: the 全天 rates and 3分钟未回复人数 feed nothing */
  g_assert_cmpint (n_measures (fixture, "pdd_xiaoan"), ==, 12);
  kefu_test_assert_no_measure (fixture, "pdd_xiaoan", "unreplied_buyers");

  /* 1.2万 is 12000; 询单人数 "-" leaves the conversion out, never 0 */
  kefu_test_assert_measure (fixture, "pdd_xiaobei", "consult_buyers", 12000, 1, FALSE);
  kefu_test_assert_no_measure (fixture, "pdd_xiaobei", "inquiry_buyers");
  kefu_test_assert_no_measure (fixture, "pdd_xiaobei", "inquiry_conversion_rate");
  kefu_test_assert_measure (fixture, "pdd_xiaobei", "unit_price", 2000, 45, FALSE);
  /* 0.9850 × 200 = 197; the 30-second rate is 延迟统计: missing, noted */
  kefu_test_assert_measure (fixture, "pdd_xiaobei", "response_rate_3min", 197, 200, FALSE);
  kefu_test_assert_no_measure (fixture, "pdd_xiaobei", "response_rate_30s");
  assert_note (result, 3, 14);
  /* 2分30秒 = 150 s × 190 */
  kefu_test_assert_measure (fixture, "pdd_xiaobei", "avg_response_time", 150 * 190, 190, TRUE);
  kefu_test_assert_measure (fixture, "pdd_xiaobei", "complaints", 1, 1, FALSE);

  /* 店铺总计 is the shop's own figure */
  kefu_test_assert_measure (fixture, "", "consult_buyers", 12120, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "inquiry_conversion_rate", 75, 500, FALSE);
  kefu_test_assert_measure (fixture, "", "agent_sales", 3234.50, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "response_rate_3min", 0.98 * 300, 300, FALSE);
  kefu_test_assert_no_measure (fixture, "", "response_rate_30s");
  kefu_test_assert_measure (fixture, "", "avg_response_time", 105 * 285, 285, TRUE);
  kefu_test_assert_measure (fixture, "", "low_rating_orders", 3, 1, FALSE);
}

static void
test_pdd_shop_service (KefuTestStore *fixture,
                       gconstpointer  data)
{
  /* 客服数据 → 服务数据: a title row, a group row and the field row; the
   * complaint counts sit under the 投诉 group; real Excel dates. */
  static const char * const rows[] = {
    "服务数据（数据更新至2026-10-02）",
    "|!3:咨询|||!5:回复|||||!2:售后||!7:投诉",
    "日期|咨询人数|人工接待人数|需要人工回复的咨询人数|3分钟人工回复率(8-23点)|30秒应答率(8-23点)|"
      "3分钟人工回复率(全天)|30秒应答率(全天)|平均响应时长(分)|评分≤3订单数|纠纷退款数|"
      "客服|长时间未回复|态度差|辱骂|骚扰|投诉率|30天投诉率|备注",
    "@2026-10-01|#410|#372|#380|96.32%|81.05%|95.00%|80.00%|#0.52|#2|#1|#3|#1|#1|#0|#0|0.73%|0.61%|国庆",
    "@2026-10-02|#398|#355|#360|-|--|94.00%|79.00%|1.5分钟|#0|#0|#0|#0|#0|#0|#0|0.00%|0.55%|",
    "合计|#808|#727|#740|96.00%|80.00%|94.50%|79.50%|#0.8|#2|#1|#3|#1|#1|#0|#0|0.37%|0.55%|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服_服务数据.xlsx", "客服_服务数据", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* the field row is row 3, data from row 4; 合计 is kept apart */
  facts = assert_imported (result, path, "pdd-shop-service", 3, 3, 2, "2026-10-01", "2026-10-02");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "投诉/备注", NULL }));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 0);

  kefu_test_assert_measure_on (fixture, "", "consult_buyers", "2026-10-01", 410, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "received_buyers", "2026-10-01", 372, 1, FALSE);
  /* 96.32% and 81.05% of the 380 buyers who needed a manual reply */
  kefu_test_assert_measure_on (fixture, "", "response_rate_3min", "2026-10-01", 0.9632 * 380, 380, FALSE);
  kefu_test_assert_measure_on (fixture, "", "response_rate_30s", "2026-10-01", 0.8105 * 380, 380, FALSE);
  /* 0.52 min = 31.2 s, × 372 buyers received */
  kefu_test_assert_measure_on (fixture, "", "avg_response_time", "2026-10-01", 31.2 * 372, 372, TRUE);
  kefu_test_assert_measure_on (fixture, "", "low_rating_orders", "2026-10-01", 2, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "dispute_refunds", "2026-10-01", 1, 1, FALSE);
  /* 投诉/客服, not the reasons below it */
  kefu_test_assert_measure_on (fixture, "", "complaints", "2026-10-01", 3, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE period_start = '2026-10-01'"), ==, 8);

  /* 10-02: the 8–23点 rates are placeholders and the 全天 ones do not
   * stand in for them; 1.5分钟 = 90 s × 355 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE period_start = '2026-10-02' "
                                   "AND key LIKE 'response_rate%'"), ==, 0);
  kefu_test_assert_measure_on (fixture, "", "avg_response_time", "2026-10-02", 90 * 355, 355, TRUE);
  kefu_test_assert_measure_on (fixture, "", "complaints", "2026-10-02", 0, 1, FALSE);
  g_assert_nonnull (find_problem (result, 6, 0));    /* 合计 */
}

static void
test_pdd_shop_sales (KefuTestStore *fixture,
                     gconstpointer  data)
{
  /* The real download is an Excel 97–2003 file named .xlsx (see
   * test-xls-reader.c for how the fixture was made). */
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "客服_销售数据.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text_path = NULL;
  g_autoptr(KefuImportResult) result = NULL;
  g_autoptr(KefuImportResult) again = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture_path, &contents, &length, NULL));
  path = kefu_test_write_file (fixture, "客服_销售数据.xlsx", contents, length);
  result = import (fixture, path);
  assert_imported (result, path, "pdd-shop-sales", 1, 3, 3, "2024-03-01", "2024-03-03");
  g_assert_cmpstr (kefu_import_result_get_facts (result)->format, ==, "xls");

  /* 2024-03-01: 120 consulting, 85 inquiring, 40 grouped, 47.06%, 3456.7 */
  kefu_test_assert_measure_on (fixture, "", "consult_buyers", "2024-03-01", 120, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "inquiry_buyers", "2024-03-01", 85, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "inquiry_conversion_rate", "2024-03-01", 40, 85, FALSE);
  kefu_test_assert_measure_on (fixture, "", "agent_sales", "2024-03-01", 3456.7, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2024-03-01", 3456.7, 40, FALSE);
  /* 2024-03-03: 52 of 101 */
  kefu_test_assert_measure_on (fixture, "", "inquiry_conversion_rate", "2024-03-03", 52, 101, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 3 * 5);

  /* The same page saved as text, still under .xlsx: a title row, text
   * values, a placeholder and a total row. */
  text_path = kefu_test_write_file (fixture, "客服_销售数据(1).xlsx",
                          "客服_销售数据\n"
                          "日期,询单转化率,咨询人数,询单人数,最终成团人数,客服销售额（元）,客服可提升销售额（元）,店铺\n"
                          "2024-03-04,40.00%,131,90,36,\"¥2,880.00\",\"1,200.00\",小鹿\n"
                          "2024-03-05,--,1.1万,-,30,\"2,400\",-,小鹿\n"
                          "合计,,11131,90,66,\"¥5,280.00\",,\n", -1);
  again = import (fixture, text_path);
  assert_imported (again, text_path, "pdd-shop-sales", 2, 3, 2, "2024-03-04", "2024-03-05");
  g_assert_cmpstr (kefu_import_result_get_facts (again)->format, ==, "text");
  kefu_test_assert_measure_on (fixture, "", "inquiry_conversion_rate", "2024-03-04", 36, 90, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2024-03-04", 2880, 36, FALSE);
  /* 1.1万 = 11000; no 询单人数, so no conversion at all */
  kefu_test_assert_measure_on (fixture, "", "consult_buyers", "2024-03-05", 11000, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2024-03-05", 2400, 30, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE period_start = '2024-03-05' "
                                   "AND key LIKE 'inquiry%'"), ==, 0);
}

/* Taobao / Tmall */

static void
test_taobao_agent_performance (KefuTestStore *fixture,
                               gconstpointer  data)
{
  /* 生意参谋 客服绩效: the date only in the name, a title row and a blank
   * row, six summary rows at the end. */
  static const char * const rows[] = {
    "客服绩效",
    "",
    "旺旺昵称|询单人数|询单最终付款人数|询单最终付款金额|询单最终付款转化率|客户满意率|"
      "首次响应时长（秒)|平均响应时长（秒)|旺旺回复率|成功退款金额|接待时长占比",
    "小鹿女装旗舰店:小安|#275|#88|¥6,884.24|32.00%|98.50%|13|21|99.71%|¥120.00|35%",
    "小鹿女装旗舰店:小贝|#1455|#582|4.48万|40.00%|延迟统计|8秒|19秒|0.9971|-|41%",
    "汇总|#1730|#670|¥51,684.24|38.73%|98.50%|9|19.5|99.80%|¥120.00|",
    "均值|#865|#335|¥25,842.12|38.73%|98.50%|9|19.5|99.80%|¥60.00|",
    "全店汇总值|#1800|#690|¥52,000.00|38.33%|98.40%|9|19.5|99.80%|¥120.00|",
    "全店平均值|#900|#345|¥26,000.00|38.33%|98.40%|9|19.5|99.80%|¥60.00|",
    "同行同层优秀|#2100|#900|¥80,000.00|42.86%|99.00%|6|12|99.90%|¥300.00|",
    "同行同层均值|#1200|#400|¥40,000.00|33.33%|97.00%|12|25|99.50%|¥500.00|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服绩效_20261014.xlsx", "客服绩效", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* read: 2 agents + 6 summary rows; imported: the 2 agents, 汇总 and
   * 全店汇总值 (whose figures are not stored again: the first total is
   * kept) and the two 同行同层 rows (stored apart as peer figures);
   * skipped: the two averages */
  facts = assert_imported (result, path, "taobao-agent-performance", 3, 8, 6, "2026-10-14", "2026-10-14");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "接待时长占比", NULL }));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent WHERE display_name = '小安'"), ==, 1);

  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "inquiry_buyers", 275, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "inquiry_conversion_rate", 88, 275, FALSE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "agent_sales", 6884.24, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "unit_price", 6884.24, 88, FALSE);
  /* no denominator in the file: weighted by 询单人数, estimated */
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "first_response_time", 13 * 275, 275, TRUE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "avg_response_time", 21 * 275, 275, TRUE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "satisfaction_rate", 0.985 * 275, 275, TRUE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小安", "refund_amount", 120, 1, FALSE);

  /* 4.48万 = 44800; 8秒 × 1455; 延迟统计 and "-" are left out */
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小贝", "agent_sales", 44800, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小贝", "unit_price", 44800, 582, FALSE);
  kefu_test_assert_measure (fixture, "小鹿女装旗舰店:小贝", "first_response_time", 8 * 1455, 1455, TRUE);
  kefu_test_assert_no_measure (fixture, "小鹿女装旗舰店:小贝", "satisfaction_rate");
  kefu_test_assert_no_measure (fixture, "小鹿女装旗舰店:小贝", "refund_amount");

  /* 汇总 comes first and is the shop's figure; 全店汇总值 differs and is
   * noted, not stored; the averages and peer rows are kept apart. */
  kefu_test_assert_measure (fixture, "", "inquiry_buyers", 1730, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "inquiry_conversion_rate", 670, 1730, FALSE);
  kefu_test_assert_measure (fixture, "", "agent_sales", 51684.24, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "avg_response_time", 19.5 * 1730, 1730, TRUE);
  assert_note (result, 8, 0);
  assert_note (result, 7, 0);
  assert_note (result, 9, 0);
  /* the peers are the industry's, never agents nor the shop */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(DISTINCT label) FROM peer_measure"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT sum FROM peer_measure WHERE label = '同行同层均值' "
                                   "AND key = 'inquiry_buyers'"), ==, 1200);
}

static void
test_taobao_agent_performance_daily (KefuTestStore *fixture,
                                     gconstpointer  data)
{
  static const char * const rows[] = {
    "日期|旺旺分组|旺旺昵称|当日询单人数|询单最终付款转化率|销售人数|销售额|客单价|净销售额|询单流失人数|"
      "有效接待人数|首次响应时长（秒)|平均响应时长（秒)|答问比|客户满意率|店铺名称",
    "2026-10-01|售前组|小鹿:小安|#50|36.00%|#18|¥1,404.00|78.00|1,300.00|#32|#60|12|25|1.35|97.00%|小鹿女装",
    "2026-10-02|售前组|小鹿:小安|#40|30%|#12|936|78|900|#28|#45|10秒|22秒|1.2|-|小鹿女装",
    "2026-10-01|售前组|小鹿:小贝|-|-|#0|0.00|-|0|-|#30|15|30|1.1|--|小鹿女装",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服绩效_分日.xlsx", "Sheet1", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-agent-performance-daily", 1, 3, 3, "2026-10-01", "2026-10-02");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "店铺名称", NULL }));

  kefu_test_assert_measure_on (fixture, "小鹿:小安", "received_buyers", "2026-10-01", 60, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "inquiry_buyers", "2026-10-01", 50, 1, FALSE);
  /* 36% × 50 = 18, an estimate (the file does not name its denominator) */
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "inquiry_conversion_rate", "2026-10-01", 18, 50, TRUE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "agent_sales", "2026-10-01", 1404, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "unit_price", "2026-10-01", 1404, 18, FALSE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "first_response_time", "2026-10-01", 12 * 60, 60, TRUE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "avg_response_time", "2026-10-01", 25 * 60, 60, TRUE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "qa_ratio", "2026-10-01", 1.35 * 60, 60, TRUE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "satisfaction_rate", "2026-10-01", 0.97 * 60, 60, TRUE);

  /* 30% × 40 = 12; 10秒 × 45 */
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "inquiry_conversion_rate", "2026-10-02", 12, 40, TRUE);
  kefu_test_assert_measure_on (fixture, "小鹿:小安", "first_response_time", "2026-10-02", 10 * 45, 45, TRUE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE key = 'satisfaction_rate'"), ==, 1);

  /* 小贝 sold nothing: sales 0 is a real zero, a unit price over 0 buyers
   * is left out */
  kefu_test_assert_measure (fixture, "小鹿:小贝", "agent_sales", 0, 1, FALSE);
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "unit_price");
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "inquiry_conversion_rate");
}

static void
test_taobao_consult_reception (KefuTestStore *fixture,
                               gconstpointer  data)
{
  /* CSV with a BOM, a title row and a blank line; the range in the name. */
  static const char *csv =
    "\xEF\xBB\xBF" "咨询接待分析\n"
    "\n"
    "旺旺昵称,旺旺分组,咨询人数,接待人数,有效接待人数,未回复人数,慢响应人数,平均响应时长,首次响应时长,"
      "3分钟人工响应率,旺旺回复率,答问比,客服工号\n"
    "小鹿:小安,售前,300,280,270,5,12,35秒,18秒,95.36%,99.00%,1.45,A001\n"
    "小鹿:小贝,售后,150,140,138,0,3,1分05秒,20,88%,-,1.10,A002\n"
    "汇总,,450,420,408,5,15,42秒,19秒,93.00%,99.50%,1.33,\n"
    "平均值,,225,210,204,2.5,7.5,42秒,19秒,93.00%,99.50%,1.33,\n";
  g_autofree char *path = kefu_test_write_file (fixture, "咨询接待分析_2026-10-01_2026-10-07.csv", csv, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-consult-reception", 3, 4, 3, "2026-10-01", "2026-10-07");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "客服工号", NULL }));

  kefu_test_assert_measure (fixture, "小鹿:小安", "consult_buyers", 300, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "received_buyers", 280, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "unreplied_buyers", 5, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "slow_responses", 12, 1, FALSE);
  /* weighted by 接待人数 280: 35 s, 18 s, 95.36%, 1.45 */
  kefu_test_assert_measure (fixture, "小鹿:小安", "avg_response_time", 35 * 280, 280, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "first_response_time", 18 * 280, 280, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "response_rate_3min", 0.9536 * 280, 280, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "qa_ratio", 1.45 * 280, 280, TRUE);
  g_assert_cmpint (n_measures (fixture, "小鹿:小安"), ==, 8);

  /* 1分05秒 = 65 s × 140; 88% × 140 = 123.2 */
  kefu_test_assert_measure (fixture, "小鹿:小贝", "avg_response_time", 65 * 140, 140, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小贝", "response_rate_3min", 0.88 * 140, 140, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小贝", "unreplied_buyers", 0, 1, FALSE);

  kefu_test_assert_measure (fixture, "", "consult_buyers", 450, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "avg_response_time", 42 * 420, 420, TRUE);
  kefu_test_assert_measure (fixture, "", "slow_responses", 15, 1, FALSE);
}

static void
test_taobao_shop_inquiry (KefuTestStore *fixture,
                          gconstpointer  data)
{
  /* Excel dates and rates stored as numbers shown as percentages. */
  static const char * const rows[] = {
    "客服业绩-询单",
    "日期|询单人数|最终付款人数|最终付款金额|询单最终付款转化率|当日询单人数|当日付款人数|当日付款金额|"
      "询单当日付款转化率|备注",
    "@2026-10-01|#380|#126|#9876.5|%0.3316|#370|#100|#8000|%0.2632|",
    "@2026-10-02|#361|-|¥8,765.40|32.69%|#350|#96|¥7,000.00|26.59%|活动",
    "合计|#741|#244|#18641.9|%0.3293|#720|#196|#15000|%0.2645|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服业绩_询单.xlsx", "询单", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-shop-inquiry", 2, 3, 2, "2026-10-01", "2026-10-02");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "备注", NULL }));

  kefu_test_assert_measure_on (fixture, "", "inquiry_buyers", "2026-10-01", 380, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "inquiry_conversion_rate", "2026-10-01", 126, 380, FALSE);
  kefu_test_assert_measure_on (fixture, "", "agent_sales", "2026-10-01", 9876.5, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2026-10-01", 9876.5, 126, FALSE);
  /* no 最终付款人数: 32.69% × 361 = 118.0109, still over its own
   * denominator; no unit price */
  kefu_test_assert_measure_on (fixture, "", "inquiry_conversion_rate", "2026-10-02", 0.3269 * 361, 361, FALSE);
  kefu_test_assert_measure_on (fixture, "", "agent_sales", "2026-10-02", 8765.40, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE key = 'unit_price'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 4 + 3);
}

static void
test_taobao_shop_reception (KefuTestStore *fixture,
                            gconstpointer  data)
{
  static const char *csv =
    "日期,咨询人数,接待人数,未回复人数,有效接待人数,平均响应时长,3分钟人工响应率,咨询客服人次,客服回复人次,"
      "客服未回复人次,旺旺回复率,首次响应时长,慢响应人数,长接待人数,买家发起人数,客服主动跟进人数,总消息数,"
      "买家消息条数,客服消息条数,答问比,客服字数,平均接待时长,数据来源\n"
    "2026/10/1,412,400,3,395,28秒,96.5%,520,505,15,97.12%,15,20,8,380,30,9000,3600,5400,1.50,12.3万,7分30秒,生意参谋\n"
    "2026/10/2,390,380,0,377,00:00:31,-,480,470,10,97.92%,16秒,18,6,360,25,8100,-,4900,1.4,11万,7分,生意参谋\n"
    "合计,802,780,3,772,29秒,96.5%,1000,975,25,97.5%,15,38,14,740,55,17100,,10300,1.45,23.3万,7分15秒,\n";
  g_autofree char *path = kefu_test_write_file (fixture, "咨询接待_店铺.csv", csv, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-shop-reception", 1, 3, 2, "2026-10-01", "2026-10-02");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "数据来源", NULL }));

  kefu_test_assert_measure_on (fixture, "", "consult_buyers", "2026-10-01", 412, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "received_buyers", "2026-10-01", 400, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unreplied_buyers", "2026-10-01", 3, 1, FALSE);
  /* 28 s × 505 replies; 15 s × 400 received; 96.5% × 400 = 386 */
  kefu_test_assert_measure_on (fixture, "", "avg_response_time", "2026-10-01", 28 * 505, 505, TRUE);
  kefu_test_assert_measure_on (fixture, "", "first_response_time", "2026-10-01", 15 * 400, 400, TRUE);
  kefu_test_assert_measure_on (fixture, "", "response_rate_3min", "2026-10-01", 386, 400, TRUE);
  kefu_test_assert_measure_on (fixture, "", "slow_responses", "2026-10-01", 20, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "messages_sent", "2026-10-01", 5400, 1, FALSE);
  /* 答问比 rebuilt exactly: 5400 agent messages ÷ 3600 buyer messages */
  kefu_test_assert_measure_on (fixture, "", "qa_ratio", "2026-10-01", 5400, 3600, FALSE);

  /* 00:00:31 = 31 s × 470; no buyer message count: 1.4 × 380, estimated */
  kefu_test_assert_measure_on (fixture, "", "avg_response_time", "2026-10-02", 31 * 470, 470, TRUE);
  kefu_test_assert_measure_on (fixture, "", "qa_ratio", "2026-10-02", 1.4 * 380, 380, TRUE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure WHERE key = 'response_rate_3min'"), ==, 1);
}

static void
test_taobao_shop_unit_price (KefuTestStore *fixture,
                             gconstpointer  data)
{
  static const char *csv =
    "客单价（客服）\n"
    "日期,客单价,销售额,销售人数,销售量,客件数,件均价,统计口径\n"
    "2026-10-01,66.30,\"¥18,564.00\",280,350,1.25,53.04,下单\n"
    "2026-10-02,-,1.72万,260,-,1.3,-,下单\n"
    "汇总,67.33,\"¥35,764.00\",540,688,1.27,53.00,\n";
  g_autofree char *gbk = g_convert (csv, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = kefu_test_write_file (fixture, "客单价_客服.csv", gbk, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-shop-unit-price", 2, 3, 2, "2026-10-01", "2026-10-02");
  g_assert_cmpstr (facts->encoding, ==, "GB18030");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "统计口径", NULL }));

  /* 18564 ÷ 280 buyers; 350 items ÷ 280 buyers */
  kefu_test_assert_measure_on (fixture, "", "agent_sales", "2026-10-01", 18564, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2026-10-01", 18564, 280, FALSE);
  kefu_test_assert_measure_on (fixture, "", "items_per_buyer", "2026-10-01", 350, 280, FALSE);
  /* 1.72万 = 17200 ÷ 260; no 销售量: 客件数 1.3 × 260 = 338 */
  kefu_test_assert_measure_on (fixture, "", "unit_price", "2026-10-02", 17200, 260, FALSE);
  kefu_test_assert_measure_on (fixture, "", "items_per_buyer", "2026-10-02", 1.3 * 260, 260, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 6);
}

/* 千牛 服务体验: the same workbook, the detail sheet first. */
static char *
write_qianniu_workbook (KefuTestStore *fixture,
                        const char *name,
                        gboolean    both)
{
  static const char * const by_agent[] = {
    "旺旺账号名称|人工接待会话量|3分钟人工响应率|平均响应时长|客服分组",
    "小鹿:小安|#320|92.50%|32秒|售前",
    "小鹿:小贝|#210|-|1分2秒|售后",
    NULL
  };
  static const char * const detail[] = {
    "旺旺账号名称|满意评价量|旺旺评价量|咨询人数",
    "小鹿:小安|#45|#50|#400",
    "小鹿:小贝|延迟统计|#30|#260",
    "小鹿:小橙|#0|#0|#12",
    NULL
  };
  const Sheet sheets[] = {
    { "旺旺账号咨询接待能力明细", detail },
    { "按客服查看", by_agent },
  };

  return write_workbook (fixture, name, sheets, both ? 2 : 1);
}

static void
test_taobao_qianniu_experience (KefuTestStore *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = write_qianniu_workbook (fixture, "服务体验_2026-10-01至2026-10-31.xlsx", TRUE);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* The sheet naming more fields leads: 按客服查看, by its own profile;
   * the other sheet is imported into the same batch by its own. Rows:
   * 2 of 按客服查看 and 3 of the detail sheet, whose 小贝 (延迟统计) and
   * 小橙 (0 rated) give nothing. */
  facts = assert_imported (result, path, "taobao-qianniu-experience", 1, 5, 3, "2026-10-01", "2026-10-31");
  g_assert_cmpstr (facts->sheet, ==, "按客服查看");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "客服分组", NULL }));
  kefu_test_assert_measure (fixture, "小鹿:小安", "satisfaction_rate", 45, 50, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(DISTINCT batch_id) FROM measure"), ==, 1);

  kefu_test_assert_measure (fixture, "小鹿:小安", "sessions_received", 320, 1, FALSE);
  /* 32 s × 320 sessions; 92.50% × 320 = 296, estimates */
  kefu_test_assert_measure (fixture, "小鹿:小安", "avg_response_time", 32 * 320, 320, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "response_rate_3min", 296, 320, TRUE);
  /* 1分2秒 = 62 s × 210 */
  kefu_test_assert_measure (fixture, "小鹿:小贝", "avg_response_time", 62 * 210, 210, TRUE);
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "response_rate_3min");
}

static void
test_taobao_qianniu_experience_detail (KefuTestStore *fixture,
                                       gconstpointer  data)
{
  g_autofree char *both_path = write_qianniu_workbook (fixture, "服务体验_两页.xlsx", TRUE);
  g_autofree char *path = write_qianniu_workbook (fixture, "服务体验_明细_2026-10-01至2026-10-31.xlsx", FALSE);
  KefuProfileRegistry *registry = kefu_profile_registry_get_default ();
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(KefuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KefuImportFacts *facts;

  /* In the two-sheet workbook each sheet is recognised as its own. */
  reader = kefu_table_reader_open (both_path, NULL, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(KefuImportMatch) match =
        kefu_import_match_sheet (reader, s, kefu_profile_registry_get_profiles (registry), NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (match);
      g_assert_cmpstr (kefu_profile_get_id (match->profile), ==,
                       s == 0 ? "taobao-qianniu-experience-detail" : "taobao-qianniu-experience");
    }

  /* The detail sheet downloaded on its own. */
  result = import (fixture, path);
  facts = assert_imported (result, path, "taobao-qianniu-experience-detail", 1, 3, 1, "2026-10-01", "2026-10-31");
  g_assert_cmpstr (facts->sheet, ==, "旺旺账号咨询接待能力明细");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "咨询人数", NULL }));

  /* 45 satisfied of 50 rated, exact */
  kefu_test_assert_measure (fixture, "小鹿:小安", "satisfaction_rate", 45, 50, FALSE);
  /* 延迟统计: missing; 0 of 0 rated: no rate — both rows skipped */
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "satisfaction_rate");
  kefu_test_assert_no_measure (fixture, "小鹿:小橙", "satisfaction_rate");
  assert_note (result, 3, 2);
}

static void
test_taobao_reception_rating (KefuTestStore *fixture,
                              gconstpointer  data)
{
  /* Two header rows: 总, 邀请 and 自主 merged over eleven fields each. */
  static const char * const rows[] = {
    "||!11:总|||||||||||!11:邀请|||||||||||!11:自主|||||||||||",
    "旺旺分组|旺旺昵称|发出|收到|很满意|满意|一般|不满|很不满|发送率|返回率|满意率|服务度|"
      "发出|收到|很满意|满意|一般|不满|很不满|发送率|返回率|满意率|服务度|"
      "发出|收到|很满意|满意|一般|不满|很不满|发送率|返回率|满意率|服务度|备注",
    "售前|小鹿:小安|#200|#80|#60|#12|#4|#3|#1|95.00%|40.00%|90.00%|4.9|"
      "#150|#50|#38|#8|#2|#1|#1|71.43%|33.33%|92.00%|4.9|"
      "#50|#30|#22|#4|#2|#2|#0|23.81%|60.00%|86.67%|4.8|",
    "售前|小鹿:小贝|#20|#0|#0|#0|#0|#0|#0|10.00%|0.00%|0.00%|-|"
      "#20|#0|#0|#0|#0|#0|#0|10.00%|0.00%|0.00%|-|"
      "#0|#0|#0|#0|#0|#0|#0|0.00%|-|-|-|",
    "|汇总|#220|#80|#60|#12|#4|#3|#1|52.38%|36.36%|90.00%|4.9|"
      "#170|#50|#38|#8|#2|#1|#1|40.48%|29.41%|92.00%|4.9|"
      "#50|#30|#22|#4|#2|#2|#0|11.90%|60.00%|86.67%|4.8|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "接待评价_2026-10-01至2026-10-31.xlsx", "接待评价", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* 小贝 has no rating: the row has nothing to store */
  facts = assert_imported (result, path, "taobao-reception-rating", 2, 3, 2, "2026-10-01", "2026-10-31");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "自主/备注", NULL }));
  g_assert_cmpfloat_with_epsilon (facts->confidence, 35.0 / 36.0, 1e-9);

  /* 总/满意率 90% × 总/收到 80 = 72 = 很满意 60 + 满意 12: exact */
  kefu_test_assert_measure (fixture, "小鹿:小安", "satisfaction_rate", 72, 80, FALSE);
  g_assert_cmpint (n_measures (fixture, "小鹿:小安"), ==, 1);
  /* 0.00% of 0 received is no rate at all */
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "satisfaction_rate");
  kefu_test_assert_measure (fixture, "", "satisfaction_rate", 72, 80, FALSE);
}

static void
test_chitu_custom_report (KefuTestStore *fixture,
                          gconstpointer  data)
{
  static const char * const rows[] = {
    "赤兔名品 自定义报表（下单优先判定）",
    "客服昵称|上班天数|接待人数|询单人数|询单->最终付款转化率|平均响应(秒)|回复率|客户满意率|"
      "服务满意度评价参与率|服务满意度评价(很满意)|服务满意度评价(满意)|服务满意度评价(一般)|"
      "服务满意度评价(不满)|服务满意度评价(很不满)|分组",
    "小鹿:小安|#30|#1200|#275|32.00%|21|99.50%|97.00%|30.00%|#300|#49|#8|#2|#1|售前",
    "小鹿:小贝|#28|#900|-|40%|延迟统计|98.80%|95.50%|25.00%|#200|#15|#7|#2|#1|售前",
    "汇总|#58|#2100|#275|35.67%|延迟统计|99.20%|96.36%|27.86%|#500|#64|#15|#4|#2|",
    "均值|#29|#1050|#275|35.67%|延迟统计|99.15%|96.25%|27.50%|#250|#32|#7.5|#2|#1|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "自定义报表_售前_下单优先判定_2026-10-01至2026-10-31.xlsx",
                                       "自定义报表", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "chitu-custom-report", 2, 4, 3, "2026-10-01", "2026-10-31");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "分组", NULL }));

  kefu_test_assert_measure (fixture, "小鹿:小安", "online_days", 30, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "received_buyers", 1200, 1, FALSE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "inquiry_buyers", 275, 1, FALSE);
  /* 32% × 275 询单人数 = 88: over its own denominator */
  kefu_test_assert_measure (fixture, "小鹿:小安", "inquiry_conversion_rate", 88, 275, FALSE);
  /* 21 s and 97% weighted by 接待人数 1200, estimated */
  kefu_test_assert_measure (fixture, "小鹿:小安", "avg_response_time", 21 * 1200, 1200, TRUE);
  kefu_test_assert_measure (fixture, "小鹿:小安", "satisfaction_rate", 0.97 * 1200, 1200, TRUE);
  g_assert_cmpint (n_measures (fixture, "小鹿:小安"), ==, 6);

  /* no 询单人数: 40% weighted by 接待人数 900, estimated; 延迟统计 noted */
  kefu_test_assert_measure (fixture, "小鹿:小贝", "inquiry_conversion_rate", 0.40 * 900, 900, TRUE);
  kefu_test_assert_no_measure (fixture, "小鹿:小贝", "avg_response_time");
  kefu_test_assert_measure (fixture, "小鹿:小贝", "satisfaction_rate", 0.955 * 900, 900, TRUE);
  assert_note (result, 4, 6);

  kefu_test_assert_measure (fixture, "", "received_buyers", 2100, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "inquiry_conversion_rate", 0.3567 * 275, 275, FALSE);
  kefu_test_assert_no_measure (fixture, "", "avg_response_time");
  g_assert_nonnull (find_problem (result, 6, 0));    /* 均值 */
}

/* Douyin */

static void
test_douyin_agent_data (KefuTestStore *fixture,
                        gconstpointer  data)
{
  static const char * const rows[] = {
    "客服账号|客服昵称|客服在线天数|已接待人数|接待会话量|待回复会话量|转出会话量|有效评价数|有效好评数|"
      "有效差评数|全天满意率|全天不满意率|全天平响时长|全天首响时长|全天3分钟回复率|工作时间平响时长|"
      "工作时间3分钟回复率|服务问题会话数|询单人数|下单人数|支付人数|询单转化率|客服询单支付额|退款人数|"
      "退款金额|退款后销售额|质检得分",
    "dy_0001|小安|#7|#480|#520|#2|#10|#100|#92|#3|92.00%|3.00%|35秒|12秒|95.00%|28秒|97.50%|#4|"
      "#200|#80|#70|35.00%|¥8,400.00|#5|¥600.00|7,800.00|98",
    "dy_0002|小贝|#6|#300|#330|#0|#4|#0|#0|#0|-|-|40秒|15秒|93%|-|96%|#1|"
      "#120|#50|#40|33.33%|4800|#2|¥200.00|4,600.00|95",
    "店铺汇总值|-|#7|#780|#850|#2|#14|#100|#92|#3|92.00%|3.00%|37秒|13秒|94.30%|30秒|96.90%|#5|"
      "#320|#130|#110|34.38%|¥13,200.00|#7|¥800.00|12,400.00|",
    "店铺平均值|-|#6.5|#390|#425|#1|#7|#50|#46|#1.5|92.00%|3.00%|37秒|13秒|94.30%|30秒|96.90%|#2.5|"
      "#160|#65|#55|34.38%|¥6,600.00|#3.5|¥400.00|6,200.00|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "客服数据_2026-10-01至2026-10-07.xlsx", "客服数据", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "douyin-agent-data", 1, 4, 3, "2026-10-01", "2026-10-07");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "质检得分", NULL }));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 2);

  kefu_test_assert_measure (fixture, "dy_0001", "online_days", 7, 1, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "sessions_received", 520, 1, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "received_buyers", 480, 1, FALSE);
  /* counts, exact: 92 good and 3 bad of 100 rated */
  kefu_test_assert_measure (fixture, "dy_0001", "satisfaction_rate", 92, 100, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "dissatisfaction_rate", 3, 100, FALSE);
  /* the 工作时间 figures, weighted by 520 sessions: 28 s, 97.50% → 507 */
  kefu_test_assert_measure (fixture, "dy_0001", "avg_response_time", 28 * 520, 520, TRUE);
  kefu_test_assert_measure (fixture, "dy_0001", "response_rate_3min", 507, 520, TRUE);
  kefu_test_assert_measure (fixture, "dy_0001", "first_response_time", 12 * 520, 520, TRUE);
  /* 70 paying of 200 inquiring and of 80 ordering */
  kefu_test_assert_measure (fixture, "dy_0001", "inquiry_conversion_rate", 70, 200, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "payment_rate", 70, 80, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "agent_sales", 8400, 1, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "unit_price", 8400, 70, FALSE);
  kefu_test_assert_measure (fixture, "dy_0001", "refund_amount", 600, 1, FALSE);
  g_assert_cmpint (n_measures (fixture, "dy_0001"), ==, 14);

  /* no rating: no satisfaction (0 of 0); 工作时间平响 "-" and the 全天
   * average does not stand in */
  kefu_test_assert_no_measure (fixture, "dy_0002", "satisfaction_rate");
  kefu_test_assert_no_measure (fixture, "dy_0002", "dissatisfaction_rate");
  kefu_test_assert_no_measure (fixture, "dy_0002", "avg_response_time");
  kefu_test_assert_measure (fixture, "dy_0002", "response_rate_3min", 0.96 * 330, 330, TRUE);

  kefu_test_assert_measure (fixture, "", "sessions_received", 850, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "agent_sales", 13200, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "inquiry_conversion_rate", 110, 320, FALSE);
}

static void
test_douyin_agent_data_legacy (KefuTestStore *fixture,
                               gconstpointer  data)
{
  static const char *csv =
    "客服昵称,账号名称,人工已接待人数,人工已接待会话量,CPD,满意率,不满意率,3分钟人工回复率（会话）,"
      "首次响应时长（秒）,平均响应时长（秒）,客服销售额（元）,询单人数,下单人数,支付人数,询单转化率,预警会话量,"
      "PC在线时长（时）,PC小休时长（时）,PC离线时长（时）,备注\n"
    "小安,xiaoan@dy,300,320,45.7,91.00%,2.00%,98.75%,10,25,\"¥5,600.00\",150,60,54,36.00%,2,8.5,0.5,1,\n"
    "小贝,xiaobei@dy,210,250,35.7,-,-,96%,12秒,1分,3200,90,40,30,33.33%,0,7小时41分52秒,0.8,1.2,\n"
    "店铺汇总值,-,510,570,81.4,89.5%,2.2%,97.54%,11,27,\"8,800.00\",240,100,84,35.00%,2,16.2,1.3,2.2,\n"
    "店铺平均值,-,255,285,40.7,89.5%,2.2%,97.54%,11,27,\"4,400.00\",120,50,42,35.00%,1,8.1,0.65,1.1,\n";
  g_autofree char *path = kefu_test_write_file (fixture, "客服数据_20261001-20261007.csv", csv, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "douyin-agent-data-legacy", 1, 4, 3, "2026-10-01", "2026-10-07");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "备注", NULL }));

  kefu_test_assert_measure (fixture, "小安", "received_buyers", 300, 1, FALSE);
  kefu_test_assert_measure (fixture, "小安", "sessions_received", 320, 1, FALSE);
  /* the (会话) rate over 人工已接待会话量: 98.75% × 320 = 316 */
  kefu_test_assert_measure (fixture, "小安", "response_rate_3min", 316, 320, FALSE);
  kefu_test_assert_measure (fixture, "小安", "first_response_time", 10 * 320, 320, TRUE);
  kefu_test_assert_measure (fixture, "小安", "avg_response_time", 25 * 320, 320, TRUE);
  /* no rated count in this layout: weighted by sessions, estimated */
  kefu_test_assert_measure (fixture, "小安", "satisfaction_rate", 0.91 * 320, 320, TRUE);
  kefu_test_assert_measure (fixture, "小安", "dissatisfaction_rate", 0.02 * 320, 320, TRUE);
  kefu_test_assert_measure (fixture, "小安", "agent_sales", 5600, 1, FALSE);
  kefu_test_assert_measure (fixture, "小安", "inquiry_conversion_rate", 54, 150, FALSE);
  kefu_test_assert_measure (fixture, "小安", "payment_rate", 54, 60, FALSE);
  kefu_test_assert_measure (fixture, "小安", "unit_price", 5600, 54, FALSE);
  g_assert_cmpint (n_measures (fixture, "小安"), ==, 12);

  /* 1分 = 60 s × 250; 7小时41分52秒 in a column that feeds nothing */
  kefu_test_assert_measure (fixture, "小贝", "avg_response_time", 60 * 250, 250, TRUE);
  kefu_test_assert_no_measure (fixture, "小贝", "satisfaction_rate");

  kefu_test_assert_measure (fixture, "", "received_buyers", 510, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "payment_rate", 84, 100, FALSE);
}

/* JD */

static void
test_jd_reception (KefuTestStore *fixture,
                   gconstpointer  data)
{
  static const char * const overall[] = {
    "客服|UID|技能组|接待量|售前接待人数|促成下单人数|促成下单商品金额|30s应答率|客服3分钟人工回复率|"
      "平均响应时长（新）|首次平均响应时间|平均响应时间|评价量|好评量|非常满意|满意|不满意|非常不满意|"
      "客户总消息数|客服总消息数|在线时长",
    "jd_xiaoan|1001|售前|#200|#150|#45|¥12,345.60|85.5%|99%|18|10秒|20秒|#64|#60|#50|#10|#3|#1|"
      "#1500|#2100|8小时",
    "jd_xiaobei|1002|售后|#120|#0|#0|0.00|90.00%|100.00%|-|15|25|#0|#0|#0|#0|#0|#0|#900|#1000|7小时",
    "合计|||#320|#150|#45|¥12,345.60|87.19%|99.38%|18|12|22|#64|#60|#50|#10|#3|#1|#2400|#3100|",
    NULL
  };
  static const char * const hourly[] = {
    "时段|接待量|咨询量",
    "00:00-01:00|#3|#4",
    NULL
  };
  const Sheet sheets[] = {
    { "分时数据", hourly },
    { "整体数据", overall },
  };
  g_autofree char *path = write_workbook (fixture, "接待数据_2026-10-01_2026-10-31.xlsx", sheets, 2);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "jd-reception", 1, 3, 3, "2026-10-01", "2026-10-31");
  g_assert_cmpstr (facts->sheet, ==, "整体数据");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "在线时长", NULL }));

  kefu_test_assert_measure (fixture, "jd_xiaoan", "agent_sales", 12345.60, 1, FALSE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "inquiry_buyers", 150, 1, FALSE);
  /* 促成下单人数 ÷ 售前接待人数 */
  kefu_test_assert_measure (fixture, "jd_xiaoan", "inquiry_conversion_rate", 45, 150, FALSE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "sessions_received", 200, 1, FALSE);
  /* 85.5% and 99% of 200 sessions = 171 and 198, estimated */
  kefu_test_assert_measure (fixture, "jd_xiaoan", "response_rate_30s", 171, 200, TRUE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "response_rate_3min", 198, 200, TRUE);
  /* 平均响应时长（新） first: 18 s × 200 */
  kefu_test_assert_measure (fixture, "jd_xiaoan", "avg_response_time", 18 * 200, 200, TRUE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "first_response_time", 10 * 200, 200, TRUE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "satisfaction_rate", 60, 64, FALSE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "messages_sent", 2100, 1, FALSE);
  kefu_test_assert_measure (fixture, "jd_xiaoan", "qa_ratio", 2100, 1500, FALSE);
  g_assert_cmpint (n_measures (fixture, "jd_xiaoan"), ==, 11);

  /* no 新 figure: 平均响应时间 25 s × 120; 0 of 0 pre-sales, no conversion */
  kefu_test_assert_measure (fixture, "jd_xiaobei", "avg_response_time", 25 * 120, 120, TRUE);
  kefu_test_assert_measure (fixture, "jd_xiaobei", "inquiry_buyers", 0, 1, FALSE);
  kefu_test_assert_no_measure (fixture, "jd_xiaobei", "inquiry_conversion_rate");
  kefu_test_assert_no_measure (fixture, "jd_xiaobei", "satisfaction_rate");

  kefu_test_assert_measure (fixture, "", "sessions_received", 320, 1, FALSE);
  kefu_test_assert_measure (fixture, "", "qa_ratio", 3100, 2400, FALSE);
}

/* Orders, refunds and DSR */

static void
test_pdd_orders (KefuTestStore *fixture,
                 gconstpointer  data)
{
  /* 商家后台 → 订单查询 → 导出: no buyer column; 订单成交时间 last and
   * blank for an order never paid; a column Kefu does not know. */
  static const char * const rows[] = {
    "商品|订单号|订单状态|商品总价(元)|邮费(元)|店铺优惠折扣(元)|平台优惠折扣(元)|多多支付立减金额(元)|"
      "用户实付金额(元)|商家实收金额(元)|商品数量(件)|发货时间|确认收货时间|商品id|商品规格|商家备注|"
      "售后状态|快递单号|快递公司|是否审核中|订单成交时间",
    "碎花连衣裙|261001-0123|已签收|129.00|0.00|10.00|5.00|2.00|"
      "112.00|119.00|1|2026-10-01 15:00:00|2026-10-03 10:00:00|600123|红色 M||"
      "无售后或售后取消|YT1234|圆通快递|否|2026-10-01 09:00:00",
    "纯棉T恤|261002-0456|已发货，待签收|#119.8|#0|#0|#0|#0|"
      "#119.8|#119.8|#2|2026-10-03 09:00:00||600124|白色 L|加急|"
      "退款成功|ZT5678|中通快递|否|2026/10/2 21:30",
    "渔夫帽|261003-0789|已取消|39.00|0.00|0.00|0.00|0.00|"
      "0.00|0.00|1|||600125|黑色||"
      "无售后或售后取消|||否|",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "订单导出.xlsx", "Sheet1", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  /* the unpaid order is stored too, but covers no day */
  facts = assert_imported (result, path, "pdd-orders", 1, 3, 3, "2026-10-01", "2026-10-02");
  g_assert_cmpstr (facts->kind, ==, "orders");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "是否审核中", NULL }));
  assert_beats_template (path, facts->sheet, "pdd-orders", "kefu-orders");

  /* 订单成交时间 is the payment time; 商品总价 the amount, 用户实付金额 paid */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT paid_at FROM order_ WHERE order_no = '261001-0123' "
                                   "AND created_at IS NULL"), ==, 1790816400);   /* 10-01 09:00 +08:00 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '261001-0123' "
                                   "AND amount = 129 AND paid_amount = 112 AND items = 1 "
                                   "AND after_sale = '无售后或售后取消' AND status = '已签收'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT paid_at - 1790816400 FROM order_ "
                                   "WHERE order_no = '261002-0456'"), ==, 36 * 3600 + 1800);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '261002-0456' "
                                   "AND abs(paid_amount - 119.8) < 1e-9 AND items = 2 AND after_sale = '退款成功'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '261003-0789' "
                                   "AND paid_at IS NULL AND created_at IS NULL AND paid_amount = 0"), ==, 1);
  /* no buyer, no agent: the shop's orders */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE buyer IS NULL AND agent_id IS NULL"), ==, 3);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 0);
}

static void
test_taobao_orders (KefuTestStore *fixture,
                    gconstpointer  data)
{
  /* 已卖出的宝贝 → 批量导出: a GBK CSV; Excel's ="…" around a number, a
   * full-width comma in a status, headers with trailing spaces, an
   * unpaid order, and a column Kefu does not know. */
  static const char *csv =
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,"
      "买家留言,收货人姓名,收货地址 ,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类,物流单号 ,物流公司,"
      "订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,是否主动赔付\n"
    "=\"3200000000012345\",tb_xiaoan**,a***@163.com,128.00,0.00,128.00,118.00,交易成功,"
      ",张*,浙江省 杭州市 西湖区,2026-10-05 10:00:00,2026-10-05 10:02:11,春款碎花连衣裙,1,No:YT1,圆通速递,"
      ",2,123456,小鹿女装旗舰店,订单未关闭,否\n"
    "3200000000023456,m**a,,59.90,10.00,69.90,0.00,交易关闭,"
      "尽快发货,李*,上海 上海市 浦东新区,2026-10-06 21:00:00,,纯棉T恤,1,,,"
      ",1,123456,小鹿女装旗舰店,买家未付款,否\n"
    "3200000000034567,k**2,k***@qq.com,299.00,0.00,299.00,299.00,卖家已发货，等待买家确认,"
      ",王*,广东省 深圳市 南山区,2026/10/7 8:05,2026/10/7 8:06,风衣,2,No:ZT9,中通快递,"
      "送礼,3,123456,小鹿女装旗舰店,订单未关闭,否\n";
  g_autofree char *gbk = g_convert (csv, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = kefu_test_write_file (fixture, "ExportOrderList202610071200.csv", gbk, -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "taobao-orders", 1, 3, 3, "2026-10-05", "2026-10-07");
  g_assert_cmpstr (facts->encoding, ==, "GB18030");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "是否主动赔付", NULL }));
  assert_beats_template (path, facts->sheet, "taobao-orders", "kefu-orders");

  /* 总金额 128 is the amount, 买家实际支付金额 118 the paid amount */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '3200000000012345' "
                                   "AND buyer = 'tb_xiaoan**' AND amount = 128 AND paid_amount = 118 "
                                   "AND items = 2 AND status = '交易成功'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT created_at FROM order_ WHERE order_no = '3200000000012345'"),
                   ==, 1791165600);   /* 2026-10-05 10:00 +08:00 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT paid_at - created_at FROM order_ "
                                   "WHERE order_no = '3200000000012345'"), ==, 131);
  /* closed unpaid: no payment time, paid 0.00 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '3200000000023456' "
                                   "AND paid_at IS NULL AND paid_amount = 0 AND abs(amount - 69.9) < 1e-9"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '3200000000034567' "
                                   "AND status = '卖家已发货，等待买家确认' AND items = 3"), ==, 1);
}

static void
test_douyin_orders (KefuTestStore *fixture,
                    gconstpointer  data)
{
  /* 订单管理 → 批量导出: one row per 子订单; the 主订单 6920001 has two
   * lines, one of them listed twice; 6920002 was never paid. */
  static const char * const rows[] = {
    "主订单编号|子订单编号|支付方式|选购商品|商品ID|商家编码|商品数量|商品金额|订单提交时间|支付完成时间|"
      "订单完成时间|订单状态|发货时间|订单应付金额|运费|优惠总金额|取消原因|售后状态|旗帜颜色",
    "6920001|69200011|微信|碎花连衣裙 红 M|3600001|DR-01|#1|#129|2026-10-08 10:00:00|2026-10-08 10:00:30|"
      "2026-10-12 09:00:00|已完成|2026-10-08 18:00:00|#119|#0|#10||-|灰",
    "6920001|69200012|微信|腰带|3600002|BT-01|#2|#15|2026-10-08 10:00:00|2026-10-08 10:00:30|"
      "2026-10-12 09:00:00|已完成|2026-10-08 18:00:00|#30|#0|#0||售后完成|",
    "6920001|69200012|微信|腰带|3600002|BT-01|#2|#15|2026-10-08 10:00:00|2026-10-08 10:00:30|"
      "2026-10-12 09:00:00|已完成|2026-10-08 18:00:00|#30|#0|#0||售后完成|",
    "6920002|69200021||纯棉T恤|3600003|TS-01|#1|#59|2026-10-09 20:00:00||"
      "|已关闭||#59|#0|#0|超时未支付||",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "订单导出_20261010.xlsx", "Sheet1", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;
  KefuMetricValue value;

  /* the repeated line is left out, with a note */
  facts = assert_imported (result, path, "douyin-orders", 1, 4, 3, "2026-10-08", "2026-10-09");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "旗帜颜色", NULL }));
  assert_beats_template (path, facts->sheet, "douyin-orders", "kefu-orders");
  assert_note (result, 4, 2);

  /* 主订单编号 is the order: 119 + 30 yuan, 1 + 2 items, paid at 10:00:30;
   * the after-sales state of the line that has one */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_"), ==, 2);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '6920001' "
                                   "AND amount = 149 AND paid_amount IS NULL AND items = 3 "
                                   "AND paid_at - created_at = 30 AND status = '已完成' AND after_sale = '售后完成'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT created_at FROM order_ WHERE order_no = '6920001'"),
                   ==, 1791424800);   /* 2026-10-08 10:00 +08:00 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM order_ WHERE order_no = '6920002' "
                                   "AND paid_at IS NULL AND amount = 59 AND status = '已关闭'"), ==, 1);

  /* The engine sees two placed orders, one paid for 149 yuan. */
  value = shop_metric (fixture, "payment_rate", "2026-10-08", "2026-10-09");
  g_assert_cmpfloat (value.numerator, ==, 1);
  g_assert_cmpfloat (value.denominator, ==, 2);
  value = shop_metric (fixture, "agent_sales", "2026-10-08", "2026-10-09");
  g_assert_cmpfloat_with_epsilon (value.value, 149, 1e-9);
}

static void
test_kefu_refunds (KefuTestStore *fixture,
                   gconstpointer  data)
{
  /* Kefu's template with English headers, reordered, and an unknown column. */
  g_autofree char *path = kefu_test_write_file (fixture, "refunds.csv",
    "refund_no,order_no,kind,status,goods_status,reason,refund_amount,applied_at,completed_at,note\n"
    "R1,P1,退货退款,退款成功,买家已退货,质量问题,¥118.00,2026-10-08 09:00:00,2026-10-10 15:30:00,\n"
    "R2,,仅退款,退款关闭,买家未收到货,不想要了,59.9,2026-10-09 11:00,2026-10-09 12:00,x\n", -1);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;

  facts = assert_imported (result, path, "kefu-refunds", 1, 2, 2, "2026-10-08", "2026-10-09");
  g_assert_cmpstr (facts->kind, ==, "refunds");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "note", NULL }));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = 'R1' AND order_no = 'P1' "
                                   "AND amount = 118 AND kind = '退货退款' AND status = '退款成功' "
                                   "AND goods_status = '买家已退货' AND reason = '质量问题' "
                                   "AND completed_at - applied_at = 54 * 3600 + 1800"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT applied_at FROM refund WHERE refund_no = 'R1'"),
                   ==, 1791421200);   /* 2026-10-08 09:00 +08:00 */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = 'R2' "
                                   "AND order_no IS NULL AND abs(amount - 59.9) < 1e-9"), ==, 1);
}

static void
test_taobao_refunds (KefuTestStore *fixture,
                     gconstpointer  data)
{
  /* 退款管理 → 导出 (an excerpt of its 53 columns): one refund applied,
   * returned and completed, one closed, one still waiting; a row without
   * its refund number. */
  static const char * const rows[] = {
    "订单编号|退款编号|支付宝交易号|订单付款时间|商品id|商家编码|退款完结时间|买家实际支付金额|宝贝标题|"
      "退款总额|手工退款/系统退款|是否需要退货|退款申请时间|超时时间|退款状态|货物状态|客服介入状态|"
      "买家会员名称|买家退款原因|买家退款说明|售后类型|是否零秒响应|退款阶段",
    "3200000000012345|180000001|2026100522001|2026-10-05 10:02:11|600001|DR-01|2026-10-10 15:30:00|118.00|春款碎花连衣裙|"
      "118.00|系统退款|是|2026-10-08 09:00:00|2026-10-15 09:00:00|退款成功|买家已退货|不需要客服介入|"
      "tb_xiaoan**|质量问题|开线了|退货退款|否|售后",
    "3200000000023456|180000002|2026100622002|2026-10-06 21:05:00|600002|TS-01|2026-10-09 12:00:00|#59.9|纯棉T恤|"
      "#59.9|手工退款|否|2026-10-09 11:00:00||退款关闭|买家未收到货|不需要客服介入|"
      "m**a|不想要了||仅退款|是|售中",
    "3200000000034567|180000003|2026100722003|2026/10/7 8:06|600003|FY-01|-|¥299.00|风衣|"
      "¥299.00|系统退款|否|2026/10/11 8:00|2026/10/13 8:00|买家已经申请退款，等待卖家同意|买家未收到货|需要客服介入|"
      "k**2|七天无理由||仅退款|否|售中",
    "3200000000045678||2026100822004|2026-10-08 09:00:00|600004|FY-02||#10|围巾|"
      "#10|系统退款|否|2026-10-12 08:00:00||退款成功|买家未收到货|不需要客服介入|"
      "z**3|拍错了||仅退款|否|售中",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "退款管理_20261012.xlsx", "Sheet1", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuImportFacts *facts;
  KefuMetricValue value;
  const KefuImportProblem *problem;

  facts = assert_imported (result, path, "taobao-refunds", 1, 4, 3, "2026-10-08", "2026-10-11");
  g_assert_cmpstrv (facts->unmatched, ((const char *[]) { "退款阶段", NULL }));
  assert_beats_template (path, facts->sheet, "taobao-refunds", "kefu-refunds");
  problem = find_problem (result, 5, 2);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, KEFU_PROBLEM_ERROR);

  /* 退款总额, 退款申请时间 → 退款完结时间 (54.5 h), the words as written */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = '180000001' "
                                   "AND order_no = '3200000000012345' AND amount = 118 AND kind = '退货退款' "
                                   "AND status = '退款成功' AND goods_status = '买家已退货' AND reason = '质量问题' "
                                   "AND completed_at - applied_at = 54 * 3600 + 1800"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = '180000002' "
                                   "AND kind = '仅退款' AND status = '退款关闭' AND abs(amount - 59.9) < 1e-9"), ==, 1);
  /* not completed yet: 退款完结时间 "-" is no time */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM refund WHERE refund_no = '180000003' "
                                   "AND completed_at IS NULL AND amount = 299 "
                                   "AND status = '买家已经申请退款，等待卖家同意'"), ==, 1);

  /* What the engine reads of them: one return not closed, one refund
   * completed after 54.5 hours for 118 yuan, no dispute among three. */
  value = shop_metric (fixture, "monthly_returns", "2026-10-01", "2026-10-31");
  g_assert_cmpfloat (value.value, ==, 1);
  value = shop_metric (fixture, "avg_aftersale_time", "2026-10-01", "2026-10-31");
  g_assert_cmpfloat_with_epsilon (value.value, 54.5, 1e-9);
  value = shop_metric (fixture, "refund_amount", "2026-10-01", "2026-10-31");
  g_assert_cmpfloat_with_epsilon (value.value, 118, 1e-9);
  value = shop_metric (fixture, "dispute_refund_rate", "2026-10-01", "2026-10-31");
  g_assert_cmpfloat (value.numerator, ==, 0);
  g_assert_cmpfloat (value.denominator, ==, 3);
}

static void
test_taobao_dsr (KefuTestStore *fixture,
                 gconstpointer  data)
{
  /* 服务 → 评价 → DSR: a title row, one row per dimension, the date only
   * in the name, a placeholder for an industry average and a dimension
   * Kefu does not know. */
  static const char * const rows[] = {
    "店铺DSR评分（近180天）",
    "指标|得分|趋势|行业均值|与行业对比|目标值|距目标值差距",
    "描述相符|#4.85|↑|#4.79|高于 1.25%|#4.9|-0.05",
    "服务态度|4.86|持平|4.80|高于 1.25%|4.9|-0.04",
    "物流服务|#4.83|↓|--|-|4.9|-0.07",
    "综合体验|#4.8|持平|#4.7|高于 2.13%|4.9|-0.1",
    NULL
  };
  g_autofree char *path = write_sheet (fixture, "DSR_2026-10-31.xlsx", "Sheet1", rows);
  g_autoptr(KefuImportResult) result = import (fixture, path);
  KefuMetricValue value;

  assert_imported (result, path, "taobao-dsr", 2, 4, 3, "2026-10-31", "2026-10-31");
  assert_note (result, 6, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM agent"), ==, 0);

  /* 得分 is the shop's figure for the day the file is of */
  kefu_test_assert_measure_on (fixture, "", "dsr_description", "2026-10-31", 4.85, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "dsr_service", "2026-10-31", 4.86, 1, FALSE);
  kefu_test_assert_measure_on (fixture, "", "dsr_logistics", "2026-10-31", 4.83, 1, FALSE);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM measure"), ==, 3);
  /* 行业均值 stored apart; the logistics one is missing */
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure WHERE label = '行业均值' "
                                   "AND key = 'dsr_description' AND abs(sum - 4.79) < 1e-9 AND count = 1 "
                                   "AND period_start = '2026-10-31' AND period_end = '2026-10-31'"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure WHERE key = 'dsr_service' "
                                   "AND abs(sum - 4.80) < 1e-9"), ==, 1);
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM peer_measure"), ==, 2);

  /* The metric engine gives the shop the export's DSR for October. */
  value = shop_metric (fixture, "dsr_description", "2026-10-01", "2026-10-31");
  g_assert_cmpint (value.missing, ==, KEFU_METRIC_MISSING_NONE);
  g_assert_false (value.from_events);
  g_assert_cmpfloat_with_epsilon (value.value, 4.85, 1e-9);
  value = shop_metric (fixture, "dsr_service", "2026-10-01", "2026-10-31");
  g_assert_cmpfloat_with_epsilon (value.value, 4.86, 1e-9);
  value = shop_metric (fixture, "dsr_logistics", "2026-10-31", "2026-10-31");
  g_assert_cmpfloat_with_epsilon (value.value, 4.83, 1e-9);
}

/* Every built-in profile */

static void
test_builtin (void)
{
  static const char * const platform_profiles[] = {
    "pdd-agent-performance", "pdd-shop-service", "pdd-shop-sales",
    "taobao-agent-performance", "taobao-agent-performance-daily", "taobao-consult-reception",
    "taobao-shop-inquiry", "taobao-shop-reception", "taobao-shop-unit-price",
    "taobao-qianniu-experience", "taobao-qianniu-experience-detail", "taobao-reception-rating",
    "chitu-custom-report", "douyin-agent-data", "douyin-agent-data-legacy", "jd-reception",
    "pdd-orders", "taobao-orders", "douyin-orders", "kefu-refunds", "taobao-refunds", "taobao-dsr",
  };
  KefuProfileRegistry *registry = kefu_profile_registry_get_default ();
  GListModel *profiles = kefu_profile_registry_get_profiles (registry);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (platform_profiles); i++)
    if (kefu_profile_registry_lookup (registry, platform_profiles[i]) == NULL)
      g_error ("no built-in profile %s", platform_profiles[i]);

  for (guint p = 0; p < g_list_model_get_n_items (profiles); p++)
    {
      g_autoptr(KefuProfile) profile = g_list_model_get_item (profiles, p);
      g_autoptr(GHashTable) aliases = g_hash_table_new (g_str_hash, g_str_equal);
      const char *id = kefu_profile_get_id (profile);

      g_assert_nonnull (kefu_profile_get_name (profile));

      /* every measure is a metric of the catalogue, from fields of the
       * profile */
      for (guint r = 0; r < kefu_profile_get_n_rules (profile); r++)
        {
          const KefuProfileRule *rule = kefu_profile_get_rule (profile, r);

          if (kefu_metric_lookup (rule->key) == NULL)
            g_error ("%s: unknown metric %s", id, rule->key);
          g_assert_nonnull (kefu_profile_get_field (profile, rule->value));
          if (rule->count != NULL)
            g_assert_nonnull (kefu_profile_get_field (profile, rule->count));
        }

      /* a header names one field only */
      for (guint c = 0; c < kefu_profile_get_n_columns (profile); c++)
        {
          const KefuProfileColumn *column = kefu_profile_get_column (profile, c);

          for (guint a = 0; column->aliases[a] != NULL; a++)
            {
              const char *other = g_hash_table_lookup (aliases, column->aliases[a]);

              if (other != NULL && g_strcmp0 (other, column->field) != 0)
                g_error ("%s: the header “%s” names both %s and %s", id,
                         column->aliases[a], other, column->field);
              g_hash_table_insert (aliases, column->aliases[a], column->field);
            }
        }
    }

  /* and every built-in profile file says what it is for */
  names = g_resources_enumerate_children ("/org/kefu/Kefu/profiles", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = g_strconcat ("/org/kefu/Kefu/profiles/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), &error));
      object = json_node_get_object (json_parser_get_root (parser));
      if (strlen (json_object_get_string_member_with_default (object, "description", "")) < 20)
        g_error ("%s has no description", names[i]);
    }
}

/* Kefu's own templates stay Kefu's: headers every profile shares do not
 * make a template file look like a platform export. */
static void
test_templates_stay_generic (KefuTestStore *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *csv;
    const char *profile_id;
  } cases[] = {
    { "a_2026-10-01.csv", "客服,询单人数\n小安,12\n", "kefu-agent-table" },
    { "b_2026-10-02.csv", "客服账号,咨询人数,询单人数,询单转化率,人工接待人数,3分钟人工回复率,30秒应答率\n"
                          "小安,20,12,50%,18,90%,80%\n", "kefu-agent-table" },
    { "c_2026-10-03.csv", "客服账号,日期,接待会话量,询单人数,询单转化率,有效评价数,满意率\n"
                          "小安,2026-10-03,20,12,50%,5,80%\n", "kefu-agent-table" },
    { "d_2026-10-04.csv", "客服,日期,30s应答率,满意率,评价量\n小安,2026-10-04,90%,80%,5\n", "kefu-agent-table" },
    { "e.csv", "日期,咨询人数,询单人数,销售额,付款人数\n2026-10-05,20,12,300,3\n", "kefu-shop-table" },
    { "f.csv", "日期,询单人数,最终付款人数,销售额,销售人数,客单价\n2026-10-06,12,3,300,3,100\n", "kefu-shop-table" },
    /* orders and refunds with some of a platform's headers, not the one it alone has */
    { "g.csv", "订单编号,买家会员名,订单状态,订单创建时间,订单付款时间,总金额,买家实际支付金额,宝贝总数量,售后状态\n"
               "P1,x**,交易成功,2026-10-07 09:00:00,2026-10-07 09:05:00,10,10,1,\n", "kefu-orders" },
    { "h.csv", "订单号,订单状态,商品数量,售后状态,付款时间\nP2,已签收,1,退款成功,2026-10-08 10:00\n", "kefu-orders" },
    { "i.csv", "退款编号,订单编号,退款金额,退款状态,货物状态,售后类型,退款原因,申请时间,完结时间\n"
               "R1,P1,10,退款成功,买家已退货,退货退款,质量问题,2026-10-08 10:00,2026-10-09 10:00\n", "kefu-refunds" },
    { "j.csv", "退款编号,订单编号,退款金额,退款状态,售后类型,退款申请时间,退款完结时间,买家实际支付金额\n"
               "R2,P2,10,退款成功,仅退款,2026-10-08 10:00,2026-10-08 12:00,10\n", "kefu-refunds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = kefu_test_write_file (fixture, cases[i].name, cases[i].csv, -1);
      g_autoptr(KefuImportResult) result = import (fixture, path);

      if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
        g_error ("%s: %s", cases[i].name, kefu_import_result_get_message (result));
      g_assert_cmpstr (kefu_import_result_get_facts (result)->profile_id, ==, cases[i].profile_id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(id, func) \
  g_test_add ("/profiles/" id "/import", KefuTestStore, NULL, kefu_test_store_set_up, func, kefu_test_store_tear_down)

  ADD ("pdd-agent-performance", test_pdd_agent_performance);
  ADD ("pdd-shop-service", test_pdd_shop_service);
  ADD ("pdd-shop-sales", test_pdd_shop_sales);
  ADD ("taobao-agent-performance", test_taobao_agent_performance);
  ADD ("taobao-agent-performance-daily", test_taobao_agent_performance_daily);
  ADD ("taobao-consult-reception", test_taobao_consult_reception);
  ADD ("taobao-shop-inquiry", test_taobao_shop_inquiry);
  ADD ("taobao-shop-reception", test_taobao_shop_reception);
  ADD ("taobao-shop-unit-price", test_taobao_shop_unit_price);
  ADD ("taobao-qianniu-experience", test_taobao_qianniu_experience);
  ADD ("taobao-qianniu-experience-detail", test_taobao_qianniu_experience_detail);
  ADD ("taobao-reception-rating", test_taobao_reception_rating);
  ADD ("chitu-custom-report", test_chitu_custom_report);
  ADD ("douyin-agent-data", test_douyin_agent_data);
  ADD ("douyin-agent-data-legacy", test_douyin_agent_data_legacy);
  ADD ("jd-reception", test_jd_reception);
  ADD ("pdd-orders", test_pdd_orders);
  ADD ("taobao-orders", test_taobao_orders);
  ADD ("douyin-orders", test_douyin_orders);
  ADD ("kefu-refunds", test_kefu_refunds);
  ADD ("taobao-refunds", test_taobao_refunds);
  ADD ("taobao-dsr", test_taobao_dsr);
  g_test_add_func ("/profiles/builtin", test_builtin);
  g_test_add ("/profiles/templates-stay-generic", KefuTestStore, NULL,
              kefu_test_store_set_up, test_templates_stay_generic, kefu_test_store_tear_down);

#undef ADD

  return g_test_run ();
}
