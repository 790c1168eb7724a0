/* kefu-bench-gen.c — deterministic order exports for the import benchmark
 *
 * kefu-bench-gen ROWS OUT.xlsx OUT.csv
 *
 * Writes the same ROWS orders (12 columns, Taobao-like) as a workbook (in
 * libxlsxwriter's constant-memory mode) and as UTF-8 CSV. A fixed linear
 * congruential generator makes every run write the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static unsigned int state = 20261130;

static unsigned int
next (unsigned int bound)
{
  state = state * 1103515245u + 12345u;
  return (state >> 8) % bound;
}

static const char *headers[] = {
  "订单编号", "买家会员名", "客服", "订单状态", "订单创建时间", "订单付款时间",
  "总金额", "买家实际支付金额", "宝贝总数量", "售后状态", "宝贝标题", "收货地址",
};

static const char *statuses[] = { "交易成功", "交易成功", "交易成功", "等待买家付款", "交易关闭" };
static const char *titles[] = { "秋冬新款羊毛大衣女", "高腰阔腿牛仔裤", "针织开衫外套", "真丝连衣裙" };
static const char *cities[] = { "浙江省杭州市西湖区", "广东省深圳市南山区", "上海市浦东新区", "四川省成都市武侯区" };

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  FILE *csv;
  long rows;

  if (argc != 4 || (rows = strtol (argv[1], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: kefu-bench-gen ROWS OUT.xlsx OUT.csv\n");
      return 2;
    }

  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, "订单");
  csv = fopen (argv[3], "w");
  if (workbook == NULL || sheet == NULL || csv == NULL)
    {
      fprintf (stderr, "kefu-bench-gen: cannot write the outputs\n");
      return 1;
    }

  for (int c = 0; c < 12; c++)
    {
      worksheet_write_string (sheet, 0, c, headers[c], NULL);
      fprintf (csv, "%s%s", c ? "," : "", headers[c]);
    }
  fputc ('\n', csv);

  for (long r = 1; r <= rows; r++)
    {
      char order_no[32], buyer[16], agent[32], created[32], paid[32];
      const char *status = statuses[next (5)];
      unsigned int day = 1 + next (31), hour = next (24), minute = next (60);
      double total = 30 + next (50000) / 100.0;
      double paid_amount = total - next (1000) / 100.0;
      unsigned int items = 1 + next (4);
      int is_paid = status == statuses[0];

      snprintf (order_no, sizeof order_no, "%ld", 3200000000000000L + r * 7919);
      snprintf (buyer, sizeof buyer, "b%u**", next (50000));
      snprintf (agent, sizeof agent, "小鹿女装旗舰店:客服%02u", next (40));
      snprintf (created, sizeof created, "2026-10-%02u %02u:%02u:%02u", day, hour, minute, next (60));
      snprintf (paid, sizeof paid, "2026-10-%02u %02u:%02u:%02u", day, hour, minute, 59);

      worksheet_write_string (sheet, r, 0, order_no, NULL);
      worksheet_write_string (sheet, r, 1, buyer, NULL);
      worksheet_write_string (sheet, r, 2, agent, NULL);
      worksheet_write_string (sheet, r, 3, status, NULL);
      worksheet_write_string (sheet, r, 4, created, NULL);
      worksheet_write_string (sheet, r, 5, is_paid ? paid : "", NULL);
      worksheet_write_number (sheet, r, 6, total, NULL);
      if (is_paid)
        worksheet_write_number (sheet, r, 7, paid_amount, NULL);
      worksheet_write_number (sheet, r, 8, items, NULL);
      worksheet_write_string (sheet, r, 9, "无售后或售后取消", NULL);
      worksheet_write_string (sheet, r, 10, titles[r % 4], NULL);
      worksheet_write_string (sheet, r, 11, cities[r % 4], NULL);

      fprintf (csv, "%s,%s,%s,%s,%s,%s,%.2f,", order_no, buyer, agent, status, created,
               is_paid ? paid : "", total);
      if (is_paid)
        fprintf (csv, "%.2f", paid_amount);
      fprintf (csv, ",%u,无售后或售后取消,%s,%s\n", items, titles[r % 4], cities[r % 4]);
    }

  fclose (csv);
  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}
