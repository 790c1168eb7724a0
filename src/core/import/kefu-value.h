/* kefu-value.h — one cell of an export turned into a typed value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "io/kefu-cell.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_VALUE_OK,
  KEFU_VALUE_MISSING,     /* no value, for the reason in `missing` */
  KEFU_VALUE_INVALID,     /* a value, but not the kind `expected` names */
} KefuValueStatus;

typedef enum
{
  KEFU_MISSING_EMPTY,        /* blank cell, or only spaces */
  KEFU_MISSING_PLACEHOLDER,  /* -, --, —, /, N/A, NaN, null, 无, 暂无 … */
  KEFU_MISSING_NOT_FINAL,    /* 延迟统计, 统计中, 计算中 …: not counted yet */
  KEFU_MISSING_ERROR,        /* a spreadsheet error: #DIV/0!, #N/A … */
} KefuMissingReason;

typedef struct
{
  KefuValueStatus    status;
  KefuMissingReason  missing;   /* meaningful when status is MISSING */
  /* When OK: seconds, a fraction, yuan, a count, a plain number or unix
   * seconds, by parser. Otherwise NAN, so that a missing value can never
   * be summed as a zero by accident. */
  double             number;
  /* The parser's translated phrase for what it accepts, e.g. "a duration
   * such as 2分30秒, 00:02:30 or 150", for messages naming the file, row
   * and column of an INVALID cell. Static, never NULL. */
  const char        *expected;
} KefuValue;

/* How a plain number (no % sign) in a rate column is to be read. */
typedef enum
{
  KEFU_RATE_AUTO,       /* by magnitude: ≤ 1 a fraction, ≤ 100 a percentage */
  KEFU_RATE_FRACTION,   /* 0.3699 */
  KEFU_RATE_PERCENT,    /* 36.99 */
} KefuRateScale;

/* The unit of a plain number (no unit written) in a duration column. */
typedef enum
{
  KEFU_DURATION_SECONDS,
  KEFU_DURATION_MINUTES,
  KEFU_DURATION_HOURS,
} KefuDurationUnit;

/* Every parser accepts a NULL cell as EMPTY, turns ERROR cells and
 * placeholder texts into MISSING and never reads a missing value as 0.
 * The exact forms each accepts are listed in kefu-value.c and README.md. */

/* A whole number ≥ 0: 1234, 1,234, 12.0, 1.2万. 12.5 is INVALID. */
KefuValue    kefu_value_parse_count         (const KefuCell    *cell);

/* Any decimal: -1,234.5, 1.2万, 3.4亿, 1.5E+3. */
KefuValue    kefu_value_parse_number        (const KefuCell    *cell);

/* Yuan: ¥1,234.50, ￥1234.5, 1234.50元, 1.2万, -12.30, (12.30) = -12.30. */
KefuValue    kefu_value_parse_money         (const KefuCell    *cell);

/* A fraction: 36.99% → 0.3699 always; plain numbers by @scale. Above 1
 * only when written with %, e.g. 120%. Negative rates are INVALID. */
KefuValue    kefu_value_parse_rate          (const KefuCell    *cell,
                                             KefuRateScale      scale);

/* Seconds: 2分30秒, 7小时41分52秒, 1.5分钟, 00:02:30, 02:30 (mm:ss), 2.5min,
 * [h]:mm:ss date-time cells; plain numbers are in @unit. */
KefuValue    kefu_value_parse_duration      (const KefuCell    *cell,
                                             KefuDurationUnit   unit);

/* A calendar day, stored in @date (cleared unless OK); number is NAN.
 * 2026-10-01, 2026/10/1, 2026.10.01, 20261001, 2026年10月1日, Excel serials;
 * a date-time gives the day as written. */
KefuValue    kefu_value_parse_date          (const KefuCell    *cell,
                                             GDate             *date);

/* Unix seconds. Texts and serials without a zone are wall-clock times
 * in @tz, the shop's zone; a written zone (+08:00, Z) wins. */
KefuValue    kefu_value_parse_datetime      (const KefuCell    *cell,
                                             GTimeZone         *tz);

/* Whether @text is blank, a placeholder, not final or a spreadsheet error,
 * after trimming and folding full-width forms; @reason says which. */
gboolean     kefu_value_is_placeholder      (const char        *text,
                                             KefuMissingReason *reason);

/* A translated phrase for @reason, e.g. "not final yet". */
const char  *kefu_value_describe_missing    (KefuMissingReason  reason);

/* The day or range of days written in a file name (years 2000–2099):
 * 客服绩效_20261014.xlsx → one day; …_2026-10-01至2026-10-31.xlsx,
 * 20261001-20261031, 2026-10-01~2026-10-31 → a range; 2026年10月 → that
 * month. FALSE when there is no date or the dates do not say one day or
 * one range; @from and @to are set only on TRUE. */
gboolean     kefu_value_parse_date_in_text  (const char        *text,
                                             GDate             *from,
                                             GDate             *to);

G_END_DECLS
