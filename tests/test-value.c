/* test-value.c — cells of exports turned into counts, rates, durations, dates
 *
 * Every expected number is worked out by hand in the comments; numbers
 * are compared with ==, since float noise is what the parsers avoid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "kefu-core.h"

#define OK       KEFU_VALUE_OK
#define MISSING  KEFU_VALUE_MISSING
#define INVALID  KEFU_VALUE_INVALID

/* 2026-10-01 00:00:00 UTC: 1970 → 2026 is 56 years with 14 leap days
 * (1972 … 2024), 56 × 365 + 14 = 20454 days; Jan–Sep 2026 add
 * 31+28+31+30+31+30+31+31+30 = 273: 20727 days × 86400 = 1790812800. */
#define OCT1_UTC      1790812800.0
#define OCT1_SHANGHAI (OCT1_UTC - 8 * 3600)           /* 1790784000 */
#define OCT1_080312   (OCT1_SHANGHAI + 8 * 3600 + 3 * 60 + 12)   /* 1790812992 */

/* Excel: 1899-12-30 → 1970-01-01 is 25569 days; + 20727 = 46296. */
#define OCT1_SERIAL   46296.0

typedef enum
{
  TEXT,
  NUMBER,
  DATETIME,
  BOOLEAN,
} Kind;

typedef struct
{
  Kind             kind;
  const char      *text;
  double           number;    /* the cell's number for NUMBER/DATETIME/BOOLEAN */
  KefuValueStatus  status;
  double           expected;  /* when OK */
} Case;

static KefuCell
make_cell (const Case *c)
{
  switch (c->kind)
    {
    case NUMBER:
      return (KefuCell) { KEFU_CELL_NUMBER, "", c->number };
    case DATETIME:
      return (KefuCell) { KEFU_CELL_DATETIME, "", c->number };
    case BOOLEAN:
      return (KefuCell) { KEFU_CELL_BOOLEAN, "TRUE", c->number };
    case TEXT:
    default:
      return (KefuCell) { KEFU_CELL_TEXT, c->text, 0 };
    }
}

static void
check (const Case *c,
       KefuValue   value)
{
  g_test_message ("%s / %.17g", c->text ? c->text : "(null)", c->number);
  g_assert_cmpint (value.status, ==, c->status);
  g_assert_nonnull (value.expected);
  g_assert_cmpuint (strlen (value.expected), >, 0);
  if (c->status == OK)
    g_assert_cmpfloat (value.number, ==, c->expected);
  else
    g_assert_true (isnan (value.number));
}

/* Placeholders */

typedef struct
{
  const char        *text;
  KefuMissingReason  reason;
} Placeholder;

static const Placeholder placeholders[] = {
  { "", KEFU_MISSING_EMPTY },
  { "   ", KEFU_MISSING_EMPTY },
  { "\t \xe3\x80\x80", KEFU_MISSING_EMPTY },            /* tab, space, U+3000 */
  { "-", KEFU_MISSING_PLACEHOLDER },
  { "--", KEFU_MISSING_PLACEHOLDER },
  { " -- ", KEFU_MISSING_PLACEHOLDER },
  { "—", KEFU_MISSING_PLACEHOLDER },
  { "——", KEFU_MISSING_PLACEHOLDER },
  { "–", KEFU_MISSING_PLACEHOLDER },
  { "－－", KEFU_MISSING_PLACEHOLDER },                 /* full-width */
  { "/", KEFU_MISSING_PLACEHOLDER },
  { "／", KEFU_MISSING_PLACEHOLDER },
  { "N/A", KEFU_MISSING_PLACEHOLDER },
  { "n/a", KEFU_MISSING_PLACEHOLDER },
  { "NA", KEFU_MISSING_PLACEHOLDER },
  { "NaN", KEFU_MISSING_PLACEHOLDER },
  { "null", KEFU_MISSING_PLACEHOLDER },
  { "NULL", KEFU_MISSING_PLACEHOLDER },
  { "None", KEFU_MISSING_PLACEHOLDER },
  { "无", KEFU_MISSING_PLACEHOLDER },
  { "暂无", KEFU_MISSING_PLACEHOLDER },
  { "无数据", KEFU_MISSING_PLACEHOLDER },
  { "暂无数据", KEFU_MISSING_PLACEHOLDER },
  { "延迟统计", KEFU_MISSING_NOT_FINAL },
  { " 延迟统计 ", KEFU_MISSING_NOT_FINAL },
  { "统计中", KEFU_MISSING_NOT_FINAL },
  { "统计中...", KEFU_MISSING_NOT_FINAL },
  { "统计中…", KEFU_MISSING_NOT_FINAL },
  { "计算中", KEFU_MISSING_NOT_FINAL },
  { "数据统计中", KEFU_MISSING_NOT_FINAL },
  { "数据计算中", KEFU_MISSING_NOT_FINAL },
  { "待统计", KEFU_MISSING_NOT_FINAL },
  { "待计算", KEFU_MISSING_NOT_FINAL },
  { "更新中", KEFU_MISSING_NOT_FINAL },
  { "数据更新中", KEFU_MISSING_NOT_FINAL },
  { "#DIV/0!", KEFU_MISSING_ERROR },
  { "#N/A", KEFU_MISSING_ERROR },
  { "#VALUE!", KEFU_MISSING_ERROR },
  { "#REF!", KEFU_MISSING_ERROR },
  { "#NAME?", KEFU_MISSING_ERROR },
  { "#NUM!", KEFU_MISSING_ERROR },
  { "#NULL!", KEFU_MISSING_ERROR },
};

static KefuValue
parse_with (guint           parser,
            const KefuCell *cell)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDate date;

  switch (parser)
    {
    case 0: return kefu_value_parse_count (cell);
    case 1: return kefu_value_parse_number (cell);
    case 2: return kefu_value_parse_money (cell);
    case 3: return kefu_value_parse_rate (cell, KEFU_RATE_AUTO);
    case 4: return kefu_value_parse_rate (cell, KEFU_RATE_PERCENT);
    case 5: return kefu_value_parse_duration (cell, KEFU_DURATION_SECONDS);
    case 6: return kefu_value_parse_date (cell, &date);
    case 7: return kefu_value_parse_datetime (cell, utc);
    default: g_assert_not_reached ();
    }
}
#define N_PARSERS 8

static void
test_placeholders (void)
{
  const KefuCell empty = { KEFU_CELL_EMPTY, NULL, 0 };
  const KefuCell error = { KEFU_CELL_ERROR, "#DIV/0!", 0 };
  const char *values[] = { "0", "0%", "0秒", "abc", "-5", "- 5", "无效", "#", "na na" };

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      const KefuCell cell = { KEFU_CELL_TEXT, placeholders[i].text, 0 };
      KefuMissingReason reason = -1;

      g_test_message ("'%s'", placeholders[i].text);
      g_assert_true (kefu_value_is_placeholder (placeholders[i].text, &reason));
      g_assert_cmpint (reason, ==, placeholders[i].reason);

      /* Missing for every parser, and never a zero. */
      for (guint p = 0; p < N_PARSERS; p++)
        {
          KefuValue value = parse_with (p, &cell);

          g_assert_cmpint (value.status, ==, MISSING);
          g_assert_cmpint (value.missing, ==, placeholders[i].reason);
          g_assert_true (isnan (value.number));
        }
    }

  for (guint p = 0; p < N_PARSERS; p++)
    {
      KefuValue value = parse_with (p, &empty);

      g_assert_cmpint (value.status, ==, MISSING);
      g_assert_cmpint (value.missing, ==, KEFU_MISSING_EMPTY);
      value = parse_with (p, NULL);
      g_assert_cmpint (value.status, ==, MISSING);
      g_assert_cmpint (value.missing, ==, KEFU_MISSING_EMPTY);
      value = parse_with (p, &error);
      g_assert_cmpint (value.status, ==, MISSING);
      g_assert_cmpint (value.missing, ==, KEFU_MISSING_ERROR);
      g_assert_true (isnan (value.number));
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_false (kefu_value_is_placeholder (values[i], NULL));
  g_assert_true (kefu_value_is_placeholder (NULL, NULL));

  for (KefuMissingReason r = KEFU_MISSING_EMPTY; r <= KEFU_MISSING_ERROR; r++)
    g_assert_cmpuint (strlen (kefu_value_describe_missing (r)), >, 0);
}

static void
test_count (void)
{
  static const Case cases[] = {
    { TEXT, "1234", 0, OK, 1234 },
    { TEXT, "1,234", 0, OK, 1234 },
    { TEXT, "1,234,567", 0, OK, 1234567 },
    { TEXT, "12.0", 0, OK, 12 },
    { TEXT, "1.2万", 0, OK, 12000 },
    { TEXT, "3.4亿", 0, OK, 340000000 },
    { TEXT, "１，２３４", 0, OK, 1234 },                  /* full-width */
    { TEXT, " 42　", 0, OK, 42 },
    { TEXT, "+5", 0, OK, 5 },
    { TEXT, "0", 0, OK, 0 },
    { TEXT, "1.5E+3", 0, OK, 1500 },
    { NUMBER, NULL, 12.0, OK, 12 },
    { NUMBER, NULL, 7, OK, 7 },
    { TEXT, "12.5", 0, INVALID, 0 },
    { TEXT, "1.23456万", 0, INVALID, 0 },                 /* 12345.6 */
    { TEXT, "-3", 0, INVALID, 0 },
    { TEXT, "12%", 0, INVALID, 0 },
    { TEXT, "12人", 0, INVALID, 0 },
    { TEXT, "1,23", 0, INVALID, 0 },
    { TEXT, "1234,567", 0, INVALID, 0 },
    { TEXT, "1.2.3", 0, INVALID, 0 },
    { TEXT, "abc", 0, INVALID, 0 },
    { NUMBER, NULL, 12.5, INVALID, 0 },
    { NUMBER, NULL, -1, INVALID, 0 },
    { DATETIME, NULL, 3, INVALID, 0 },
    { BOOLEAN, NULL, 1, INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i]);

      check (&cases[i], kefu_value_parse_count (&cell));
    }
}

static void
test_number (void)
{
  static const Case cases[] = {
    { TEXT, "1234.5", 0, OK, 1234.5 },
    { TEXT, "1,234.5", 0, OK, 1234.5 },
    { TEXT, "-1,234.5", 0, OK, -1234.5 },
    { TEXT, "1.2万", 0, OK, 12000 },
    { TEXT, "3.4亿", 0, OK, 340000000 },
    { TEXT, "0.1", 0, OK, 0.1 },
    { TEXT, ".5", 0, OK, 0.5 },
    { TEXT, "+3", 0, OK, 3 },
    { TEXT, "1.5E+3", 0, OK, 1500 },
    { TEXT, "－１２．５", 0, OK, -12.5 },
    { TEXT, "−7", 0, OK, -7 },                           /* U+2212 */
    { NUMBER, NULL, 3.25, OK, 3.25 },
    { TEXT, "12%", 0, INVALID, 0 },
    { TEXT, "1,2345", 0, INVALID, 0 },
    { TEXT, "1 234", 0, INVALID, 0 },
    { TEXT, "¥12", 0, INVALID, 0 },
    { TEXT, "--5", 0, INVALID, 0 },
    { TEXT, "abc", 0, INVALID, 0 },
    { BOOLEAN, NULL, 0, INVALID, 0 },
    { DATETIME, NULL, 1.5, INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i]);

      check (&cases[i], kefu_value_parse_number (&cell));
    }
}

static void
test_money (void)
{
  static const Case cases[] = {
    { TEXT, "¥1,234.50", 0, OK, 1234.5 },
    { TEXT, "￥1234.5", 0, OK, 1234.5 },
    { TEXT, "¥ 1,234.50", 0, OK, 1234.5 },
    { TEXT, "1234.50元", 0, OK, 1234.5 },
    { TEXT, "1.2万", 0, OK, 12000 },
    { TEXT, "1.2万元", 0, OK, 12000 },
    { TEXT, "-12.30", 0, OK, -12.3 },
    { TEXT, "-¥12.30", 0, OK, -12.3 },
    { TEXT, "¥-12.30", 0, OK, -12.3 },
    { TEXT, "(12.30)", 0, OK, -12.3 },
    { TEXT, "(¥12.30)", 0, OK, -12.3 },
    { TEXT, "（１２．３０）", 0, OK, -12.3 },             /* full-width */
    { TEXT, "0.1", 0, OK, 0.1 },
    { TEXT, "0", 0, OK, 0 },
    { NUMBER, NULL, -12.3, OK, -12.3 },
    { TEXT, "$12", 0, INVALID, 0 },
    { TEXT, "12.30USD", 0, INVALID, 0 },
    { TEXT, "(-12.30)", 0, INVALID, 0 },
    { TEXT, "12.3.4", 0, INVALID, 0 },
    { TEXT, "1,23.4", 0, INVALID, 0 },
    { TEXT, "¥", 0, INVALID, 0 },
    { TEXT, "元", 0, INVALID, 0 },
    { TEXT, "12元元", 0, INVALID, 0 },
    { TEXT, "12%", 0, INVALID, 0 },
    { BOOLEAN, NULL, 1, INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i]);

      check (&cases[i], kefu_value_parse_money (&cell));
    }
}

typedef struct
{
  KefuRateScale scale;
  Case          c;
} RateCase;

static void
test_rate (void)
{
  static const RateCase cases[] = {
    /* A % sign decides, whatever the scale. */
    { KEFU_RATE_AUTO, { TEXT, "36.99%", 0, OK, 0.3699 } },
    { KEFU_RATE_FRACTION, { TEXT, "36.99%", 0, OK, 0.3699 } },
    { KEFU_RATE_PERCENT, { TEXT, "36.99%", 0, OK, 0.3699 } },
    { KEFU_RATE_AUTO, { TEXT, "３６．９９％", 0, OK, 0.3699 } },
    { KEFU_RATE_AUTO, { TEXT, "36.99 %", 0, OK, 0.3699 } },
    { KEFU_RATE_AUTO, { TEXT, "57.01%", 0, OK, 0.5701 } },
    { KEFU_RATE_AUTO, { TEXT, "0.07%", 0, OK, 0.0007 } },
    { KEFU_RATE_AUTO, { TEXT, "120%", 0, OK, 1.2 } },
    { KEFU_RATE_FRACTION, { TEXT, "120%", 0, OK, 1.2 } },
    { KEFU_RATE_AUTO, { TEXT, "100%", 0, OK, 1 } },
    { KEFU_RATE_AUTO, { TEXT, "0%", 0, OK, 0 } },
    /* AUTO: ≤ 1 a fraction, ≤ 100 a percentage. */
    { KEFU_RATE_AUTO, { TEXT, "0.9971", 0, OK, 0.9971 } },
    { KEFU_RATE_AUTO, { TEXT, "99.71", 0, OK, 0.9971 } },
    { KEFU_RATE_AUTO, { TEXT, "1", 0, OK, 1 } },          /* the ambiguity */
    { KEFU_RATE_AUTO, { TEXT, "0.5", 0, OK, 0.5 } },
    { KEFU_RATE_AUTO, { TEXT, "100", 0, OK, 1 } },
    { KEFU_RATE_AUTO, { TEXT, "0", 0, OK, 0 } },
    { KEFU_RATE_AUTO, { NUMBER, NULL, 0.3699, OK, 0.3699 } },
    { KEFU_RATE_AUTO, { NUMBER, NULL, 36.99, OK, 0.3699 } },
    { KEFU_RATE_AUTO, { NUMBER, NULL, 57.01, OK, 0.5701 } },
    { KEFU_RATE_AUTO, { TEXT, "101", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { NUMBER, NULL, 100.5, INVALID, 0 } },
    /* FRACTION: as is, at most 1. */
    { KEFU_RATE_FRACTION, { TEXT, "0.3699", 0, OK, 0.3699 } },
    { KEFU_RATE_FRACTION, { TEXT, "1", 0, OK, 1 } },
    { KEFU_RATE_FRACTION, { NUMBER, NULL, 0.5, OK, 0.5 } },
    { KEFU_RATE_FRACTION, { TEXT, "36.99", 0, INVALID, 0 } },
    { KEFU_RATE_FRACTION, { NUMBER, NULL, 1.5, INVALID, 0 } },
    /* PERCENT: ÷ 100, at most 100. */
    { KEFU_RATE_PERCENT, { TEXT, "36.99", 0, OK, 0.3699 } },
    { KEFU_RATE_PERCENT, { TEXT, "28.56", 0, OK, 0.2856 } },
    { KEFU_RATE_PERCENT, { TEXT, "1", 0, OK, 0.01 } },
    { KEFU_RATE_PERCENT, { TEXT, "0.5", 0, OK, 0.005 } },
    { KEFU_RATE_PERCENT, { TEXT, "100", 0, OK, 1 } },
    { KEFU_RATE_PERCENT, { NUMBER, NULL, 57.01, OK, 0.5701 } },
    { KEFU_RATE_PERCENT, { TEXT, "100.5", 0, INVALID, 0 } },
    /* Never negative, never anything else. */
    { KEFU_RATE_AUTO, { TEXT, "-5%", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { TEXT, "-0.1", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { NUMBER, NULL, -0.5, INVALID, 0 } },
    { KEFU_RATE_AUTO, { TEXT, "36.99%%", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { TEXT, "abc", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { TEXT, "1.2万", 0, INVALID, 0 } },
    { KEFU_RATE_AUTO, { BOOLEAN, NULL, 1, INVALID, 0 } },
    { KEFU_RATE_AUTO, { DATETIME, NULL, 0.5, INVALID, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i].c);

      check (&cases[i].c, kefu_value_parse_rate (&cell, cases[i].scale));
    }
}

static void
test_rate_exact (void)
{
  const KefuCell cell = { KEFU_CELL_TEXT, "36.99%", 0 };
  const KefuCell noisy = { KEFU_CELL_TEXT, "57.01%", 0 };
  volatile double x = 57.01;

  g_assert_cmpfloat (kefu_value_parse_rate (&cell, KEFU_RATE_AUTO).number, ==, 0.3699);
  /* Dividing would not do: 57.01 / 100 is one ulp off 0.5701. */
  g_assert_cmpfloat (x / 100, !=, 0.5701);
  g_assert_cmpfloat (kefu_value_parse_rate (&noisy, KEFU_RATE_AUTO).number, ==, 0.5701);
}

typedef struct
{
  KefuDurationUnit unit;
  Case             c;
} DurationCase;

static void
test_duration (void)
{
  static const DurationCase cases[] = {
    { KEFU_DURATION_SECONDS, { TEXT, "9秒", 0, OK, 9 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2分30秒", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2分钟30秒", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2 分 30 秒", 0, OK, 150 } },
    /* 7 × 3600 + 41 × 60 + 52 = 25200 + 2460 + 52 */
    { KEFU_DURATION_SECONDS, { TEXT, "7小时41分52秒", 0, OK, 27712 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1.5分钟", 0, OK, 90 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1.5分", 0, OK, 90 } },
    { KEFU_DURATION_SECONDS, { TEXT, "3小时", 0, OK, 10800 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1天2小时", 0, OK, 93600 } },  /* 86400 + 7200 */
    { KEFU_DURATION_SECONDS, { TEXT, "1分30.5秒", 0, OK, 90.5 } },
    { KEFU_DURATION_SECONDS, { TEXT, "4.1分钟", 0, OK, 246 } },      /* not 245.99999999999997 */
    { KEFU_DURATION_SECONDS, { TEXT, "1.1小时", 0, OK, 3960 } },     /* not 3960.0000000000005 */
    { KEFU_DURATION_SECONDS, { TEXT, "0秒", 0, OK, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "00:02:30", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "02:30", 0, OK, 150 } },        /* mm:ss */
    { KEFU_DURATION_SECONDS, { TEXT, "1:02:03", 0, OK, 3723 } },
    { KEFU_DURATION_SECONDS, { TEXT, "31:05:00", 0, OK, 111900 } },  /* 31 × 3600 + 300 */
    { KEFU_DURATION_SECONDS, { TEXT, "00:00:09.5", 0, OK, 9.5 } },
    { KEFU_DURATION_SECONDS, { TEXT, "０２：３０", 0, OK, 150 } },     /* full-width */
    { KEFU_DURATION_SECONDS, { TEXT, "150", 0, OK, 150 } },
    { KEFU_DURATION_MINUTES, { TEXT, "150", 0, OK, 9000 } },
    { KEFU_DURATION_HOURS, { TEXT, "1.5", 0, OK, 5400 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1,234", 0, OK, 1234 } },
    { KEFU_DURATION_SECONDS, { TEXT, "150s", 0, OK, 150 } },
    { KEFU_DURATION_MINUTES, { TEXT, "150s", 0, OK, 150 } },         /* unit written */
    { KEFU_DURATION_SECONDS, { TEXT, "2.5min", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2.5 MIN", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1h", 0, OK, 3600 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1h30m", 0, OK, 5400 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2m30s", 0, OK, 150 } },
    { KEFU_DURATION_SECONDS, { TEXT, "500ms", 0, OK, 0.5 } },
    { KEFU_DURATION_SECONDS, { NUMBER, NULL, 150, OK, 150 } },
    { KEFU_DURATION_MINUTES, { NUMBER, NULL, 2.5, OK, 150 } },
    { KEFU_DURATION_MINUTES, { NUMBER, NULL, 4.1, OK, 246 } },
    /* [h]:mm:ss cells: fractions of a day */
    { KEFU_DURATION_SECONDS, { DATETIME, NULL, 150.0 / 86400, OK, 150 } },
    { KEFU_DURATION_SECONDS, { DATETIME, NULL, 27712.0 / 86400, OK, 27712 } },
    { KEFU_DURATION_MINUTES, { DATETIME, NULL, 1.5, OK, 129600 } },  /* 36 h */
    { KEFU_DURATION_SECONDS, { TEXT, "-5秒", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "-00:02:30", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "-150", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2分30", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "30秒2分", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "2分2分", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "00:60:00", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "00:2:30", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "1:02:03:04", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "5 apples", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { TEXT, "36.99%", 0, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { NUMBER, NULL, -1, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { DATETIME, NULL, OCT1_SERIAL + 0.5, INVALID, 0 } },
    { KEFU_DURATION_SECONDS, { BOOLEAN, NULL, 1, INVALID, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i].c);

      check (&cases[i].c, kefu_value_parse_duration (&cell, cases[i].unit));
    }
}

typedef struct
{
  Kind        kind;
  const char *text;
  double      number;
  const char *day;     /* YYYY-MM-DD, or NULL for INVALID */
} DateCase;

static void
test_date (void)
{
  static const DateCase cases[] = {
    { TEXT, "2026-10-01", 0, "2026-10-01" },
    { TEXT, "2026/10/1", 0, "2026-10-01" },
    { TEXT, "2026.10.01", 0, "2026-10-01" },
    { TEXT, "20261001", 0, "2026-10-01" },
    { TEXT, "2026年10月1日", 0, "2026-10-01" },
    { TEXT, "2026年10月1号", 0, "2026-10-01" },
    { TEXT, " ２０２６－１０－０１ ", 0, "2026-10-01" },
    { TEXT, "2024-02-29", 0, "2024-02-29" },
    { TEXT, "2026/10/1 8:03", 0, "2026-10-01" },
    { TEXT, "2026-10-01 08:03:12", 0, "2026-10-01" },
    { TEXT, "2026-10-01T23:30:00-05:00", 0, "2026-10-01" },   /* as written */
    { DATETIME, NULL, OCT1_SERIAL, "2026-10-01" },
    { DATETIME, NULL, OCT1_SERIAL + 0.99, "2026-10-01" },
    { NUMBER, NULL, OCT1_SERIAL, "2026-10-01" },
    { NUMBER, NULL, 20261001, "2026-10-01" },
    { TEXT, "2026-02-30", 0, NULL },
    { TEXT, "2025-02-29", 0, NULL },
    { TEXT, "2026-13-01", 0, NULL },
    { TEXT, "10/1/2026", 0, NULL },
    { TEXT, "1/10/2026", 0, NULL },
    { TEXT, "26-10-01", 0, NULL },
    { TEXT, "2026-10", 0, NULL },
    { TEXT, "2026年10月", 0, NULL },
    { TEXT, "2026-10/01", 0, NULL },
    { TEXT, "202610011", 0, NULL },
    { TEXT, "2026-10-01 foo", 0, NULL },
    { TEXT, "2026-10-01 24:00", 0, NULL },
    { TEXT, "1899-12-31", 0, NULL },
    { TEXT, "46296", 0, NULL },
    { TEXT, "abc", 0, NULL },
    { DATETIME, NULL, 0.5, NULL },       /* a time of day, no date */
    { NUMBER, NULL, 19999, NULL },
    { NUMBER, NULL, 80001, NULL },
    { NUMBER, NULL, 20261032, NULL },
    { BOOLEAN, NULL, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case c = { cases[i].kind, cases[i].text, cases[i].number, 0, 0 };
      KefuCell cell = make_cell (&c);
      GDate date;
      KefuValue value = kefu_value_parse_date (&cell, &date);

      g_test_message ("%s / %.17g", c.text ? c.text : "(null)", c.number);
      g_assert_true (isnan (value.number));
      g_assert_cmpuint (strlen (value.expected), >, 0);
      if (cases[i].day != NULL)
        {
          char buffer[16];

          g_assert_cmpint (value.status, ==, OK);
          g_assert_true (g_date_valid (&date));
          g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
          g_assert_cmpstr (buffer, ==, cases[i].day);
        }
      else
        {
          g_assert_cmpint (value.status, ==, INVALID);
          g_assert_false (g_date_valid (&date));
        }
    }
}

static GTimeZone *
shanghai (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  /* Without tzdata: no DST since 1991, so +08:00 is the same. */
  return tz != NULL ? tz : g_time_zone_new_offset (8 * 3600);
}

static void
test_datetime (void)
{
  static const Case cases[] = {
    { TEXT, "2026-10-01 08:03:12", 0, OK, OCT1_080312 },          /* 1790812992 */
    { TEXT, "2026/10/1 8:03", 0, OK, OCT1_080312 - 12 },
    { TEXT, "2026/10/01 08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "2026.10.01 08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "20261001 08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "2026年10月1日 08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "2026年10月1日08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "2026-10-01T08:03:12", 0, OK, OCT1_080312 },
    { TEXT, "２０２６－１０－０１　０８：０３：１２", 0, OK, OCT1_080312 },
    { TEXT, "2026-10-01 08:03:12.5", 0, OK, OCT1_080312 + 0.5 },
    { TEXT, "2026-10-01", 0, OK, OCT1_SHANGHAI },                 /* midnight */
    /* A written zone wins over the shop's. */
    { TEXT, "2026-10-01T08:03:12+08:00", 0, OK, OCT1_080312 },
    { TEXT, "2026-10-01T00:03:12Z", 0, OK, OCT1_080312 },
    { TEXT, "2026-10-01 02:03:12 +0200", 0, OK, OCT1_080312 },
    { TEXT, "2026-09-30T19:03:12-05", 0, OK, OCT1_080312 },
    /* Serials are wall-clock times in the shop's zone. */
    { DATETIME, NULL, OCT1_SERIAL + 28992.0 / 86400, OK, OCT1_080312 },
    { DATETIME, NULL, OCT1_SERIAL, OK, OCT1_SHANGHAI },
    { NUMBER, NULL, OCT1_SERIAL, OK, OCT1_SHANGHAI },
    { NUMBER, NULL, 20261001, OK, OCT1_SHANGHAI },
    { TEXT, "2026-02-30 08:00", 0, INVALID, 0 },
    { TEXT, "2026-10-01 24:00", 0, INVALID, 0 },
    { TEXT, "2026-10-01 08:60", 0, INVALID, 0 },
    { TEXT, "2026-10-01 08:03:61", 0, INVALID, 0 },
    { TEXT, "2026-10-01 8", 0, INVALID, 0 },
    { TEXT, "10/1/2026 08:03", 0, INVALID, 0 },
    { TEXT, "2026-10-01 08:03:12+25:00", 0, INVALID, 0 },
    { TEXT, "2026-10-0108:03", 0, INVALID, 0 },
    { TEXT, "08:03:12", 0, INVALID, 0 },
    { DATETIME, NULL, 0.33, INVALID, 0 },
    { BOOLEAN, NULL, 1, INVALID, 0 },
  };
  g_autoptr(GTimeZone) tz = shanghai ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const KefuCell local = { KEFU_CELL_TEXT, "2026-10-01 00:03:12", 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KefuCell cell = make_cell (&cases[i]);

      check (&cases[i], kefu_value_parse_datetime (&cell, tz));
    }

  g_assert_cmpfloat (OCT1_080312, ==, 1790812992.0);
  /* The zone given is the one used. */
  g_assert_cmpfloat (kefu_value_parse_datetime (&local, utc).number, ==, OCT1_080312);
}

typedef struct
{
  const char *text;
  const char *from;   /* NULL: no date */
  const char *to;
} NameCase;

static void
test_date_in_text (void)
{
  static const NameCase cases[] = {
    { "客服绩效_20261014.xlsx", "2026-10-14", "2026-10-14" },
    { "自定义报表_售前_下单优先判定_2026-10-01至2026-10-31.xlsx", "2026-10-01", "2026-10-31" },
    { "咨询接待_2026-10-01~2026-10-31.xlsx", "2026-10-01", "2026-10-31" },
    { "咨询接待_2026-10-01～2026-10-31.xlsx", "2026-10-01", "2026-10-31" },
    { "客服数据_20261001-20261031.xlsx", "2026-10-01", "2026-10-31" },
    { "客服数据_2026-10-01 至 2026-10-07.csv", "2026-10-01", "2026-10-07" },
    { "客服数据_2026-10-01_2026-10-07.csv", "2026-10-01", "2026-10-07" },
    { "接待数据2026年10月1日-2026年10月7日.xlsx", "2026-10-01", "2026-10-07" },
    { "接待数据_2026年10月1日.xlsx", "2026-10-01", "2026-10-01" },
    { "月报_2026年10月.xlsx", "2026-10-01", "2026-10-31" },
    { "月报_2026年2月.xlsx", "2026-02-01", "2026-02-28" },
    { "咨询接待_2026.10.14.xlsx", "2026-10-14", "2026-10-14" },
    { "咨询接待_2026_10_14.xlsx", "2026-10-14", "2026-10-14" },
    { "２０２６－１０－０１至２０２６－１０－３１.xlsx", "2026-10-01", "2026-10-31" },
    { "v2_客服绩效_20261014(1).xlsx", "2026-10-14", "2026-10-14" },
    { "客服绩效.xlsx", NULL, NULL },
    { "订单_1696000000123.xlsx", NULL, NULL },          /* a timestamp, not a date */
    { "客服绩效_20261332.xlsx", NULL, NULL },
    { "客服绩效_19991014.xlsx", NULL, NULL },
    { "2026-10-31至2026-10-01.xlsx", NULL, NULL },       /* backwards */
    { "20261001_导出_20261005.xlsx", NULL, NULL },      /* two dates, no range */
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;
      gboolean found;

      g_test_message ("%s", cases[i].text);
      found = kefu_value_parse_date_in_text (cases[i].text, &from, &to);
      if (cases[i].from != NULL)
        {
          char buffer[16];

          g_assert_true (found);
          g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &from);
          g_assert_cmpstr (buffer, ==, cases[i].from);
          g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &to);
          g_assert_cmpstr (buffer, ==, cases[i].to);
        }
      else
        g_assert_false (found);
    }

  {
    GDate from, to;

    g_assert_false (kefu_value_parse_date_in_text (NULL, &from, &to));
  }
}

/* A number cell reads as the shortest decimal that gives back its double
 * (36.99, not 36.990000000000002): the same as the text Excel shows for
 * it, here the shortest of "%.15g", "%.16g", "%.17g" that reads back. */
static void
check_number_as_text (double x)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  KefuCell number = { KEFU_CELL_NUMBER, "", x };
  KefuCell written = { KEFU_CELL_TEXT, text, 0 };
  KefuValue a, b;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], x);
      if (g_ascii_strtod (text, NULL) == x)
        break;
    }
  if (strchr (text, 'e') != NULL)
    return;   /* no export writes a rate or an amount so */

  a = kefu_value_parse_rate (&number, KEFU_RATE_PERCENT);
  b = kefu_value_parse_rate (&written, KEFU_RATE_PERCENT);
  g_assert_cmpint (a.status, ==, b.status);
  if (a.status == KEFU_VALUE_OK && a.number != b.number)
    g_error ("%.17g as a percentage: %.17g, as the text “%s”: %.17g", x, a.number, text, b.number);
  a = kefu_value_parse_money (&number);
  b = kefu_value_parse_money (&written);
  g_assert_cmpint (a.status, ==, b.status);
  if (a.status == KEFU_VALUE_OK && a.number != b.number)
    g_error ("%.17g as money: %.17g, as the text “%s”: %.17g", x, a.number, text, b.number);
}

static void
test_number_cells (void)
{
  static const double odd[] = {
    0.1 + 0.2, 1.005, 2.675, 0.3699, 36.99, 99.995, 123456789.125, 999999999999999.9,
    1e15, 1e15 + 1, 9007199254740993.0, 1234567.1234567, 0.000001, 0.0000015, 5e-7, 1e-7,
    -0.0, 0, 1, 100, 33.333333333333336, 2.0 / 3, 1e-300, 4.35, 8.675, 1.0 / 3 * 100,
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    check_number_as_text (odd[i]);
  for (guint i = 0; i <= 2000000; i += 7)
    {
      check_number_as_text (i / 100.0);     /* amounts in cents */
      check_number_as_text (i / 10000.0);   /* rates of four decimals */
      check_number_as_text (i * 0.01);      /* the same, with binary noise */
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value/Value/placeholders", test_placeholders);
  g_test_add_func ("/value/Value/count", test_count);
  g_test_add_func ("/value/Value/number", test_number);
  g_test_add_func ("/value/Value/money", test_money);
  g_test_add_func ("/value/Value/rate", test_rate);
  g_test_add_func ("/value/Value/rate-exact", test_rate_exact);
  g_test_add_func ("/value/Value/number-cells", test_number_cells);
  g_test_add_func ("/value/Value/duration", test_duration);
  g_test_add_func ("/value/Value/date", test_date);
  g_test_add_func ("/value/Value/datetime", test_datetime);
  g_test_add_func ("/value/Value/date-in-text", test_date_in_text);

  return g_test_run ();
}
