/* kefu-value.c — one cell of an export turned into a typed value
 *
 * The platforms write the same quantity in many ways (PROFILES.md,
 * "Values as text"), and a value they do not have is written as a dash,
 * a word or nothing at all. That is *missing*, never zero (METRICS.md §2).
 *
 * Every text first loses its surrounding spaces (ASCII, U+3000 and
 * no-break), and full-width forms U+FF01–U+FF5E (０-９，．％：（）－ …) are
 * folded to ASCII; U+2212 (−) is a minus and a BOM is dropped. Then:
 *
 * Missing (all parsers)
 *   EMPTY        an EMPTY cell, or a text that is blank after trimming
 *   PLACEHOLDER  one or more dashes (- – — ―), /, N/A, NA, NaN, null,
 *                none (any case), 无, 暂无, 无数据, 暂无数据
 *   NOT_FINAL    延迟统计, 统计中, 计算中, 数据统计中, 数据计算中, 待统计,
 *                待计算, 更新中, 数据更新中, each also with a trailing … or ...
 *   ERROR        an ERROR cell, or a text that is a spreadsheet error:
 *                #NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #N/A
 *                #GETTING_DATA #SPILL! #CALC!
 *
 * A decimal is digits with an optional fraction (12, 12.5, .5, 12.) and
 * exponent (1.5E+3); the integer part may be grouped by commas in threes
 * (1,234,567.8). BOOLEAN cells are INVALID everywhere.
 *
 * Count     [+] decimal [万|亿], whole and ≥ 0: 1,234  12.0  1.2万 (12000).
 *           NUMBER cells likewise. 12.5 and -3 are INVALID.
 * Number    [+|-] decimal [万|亿]: -1,234.5  3.4亿. NUMBER cells as is.
 * Money     [+|-] [¥|￥] [+|-] decimal [万|亿] [元], or the same inside
 *           parentheses for an accounting negative: ¥1,234.50  ￥1234.5
 *           1234.50元  1.2万元  -¥12.30  (12.30) = -12.30. In yuan;
 *           negatives are allowed (refunds).
 * Rate      decimal% → decimal ÷ 100, whatever the scale, and the only
 *           way to exceed 1 (120% = 1.2). A plain text or a NUMBER cell
 *           is read by the scale: FRACTION as is (must be ≤ 1); PERCENT
 *           ÷ 100 (must be ≤ 100); AUTO by magnitude: ≤ 1 a fraction,
 *           1 < x ≤ 100 a percentage, > 100 INVALID. The one ambiguity
 *           of AUTO: a plain 1 is 100 % and 0.5 is 50 %, never 1 % or
 *           0.5 % — a profile whose column is in percent must say PERCENT.
 *           Negative rates are INVALID.
 * Duration  to seconds; spaces between parts are ignored; never negative:
 *           - units, largest first, each at most once, any of them with
 *             a decimal: 天 d day days; 小时 小時 时 時 h hr hrs hour hours;
 *             分钟 分鐘 分 m min mins minute minutes; 秒 秒钟 秒鐘 s sec secs
 *             second seconds; 毫秒 ms (ASCII units in any case):
 *             9秒  2分30秒  2分钟30秒  7小时41分52秒  1.5分钟  3小时  1天2小时
 *             150s  2.5min  1h30m
 *           - clock: h:mm:ss or mm:ss, the first field any length, the
 *             others two digits below 60, an optional .fraction of the
 *             last: 00:02:30  02:30 (2 min 30 s)  31:05:00
 *           - a plain decimal, or a NUMBER cell, in the caller's unit
 *           - a DATETIME cell below 10000 days ([h]:mm:ss): × 86400,
 *             rounded to the millisecond; from 10000 on it is a calendar
 *             date, INVALID.
 * Date      YYYY-M-D, YYYY/M/D, YYYY.M.D (one separator, month and day 1
 *           or 2 digits), YYYYMMDD, YYYY年M月D日 (日 or 号 optional), years
 *           1900–9999, the day must exist (2026-02-30 is INVALID);
 *           optionally followed by a time (see below), of which a date
 *           keeps only the day as written. Day-first or month-first
 *           forms such as 10/1/2026 are INVALID: they are ambiguous.
 *           DATETIME cells of at least 1 (day 1 = 1899-12-31) and NUMBER
 *           cells from 20000 to 80000 (1954–2119) are Excel serials;
 *           whole NUMBER cells from 19000101 to 99991231 are YYYYMMDD.
 * Date-time a date as above, then T or spaces (nothing after 日), then
 *           H:MM or H:MM:SS[.fraction] (hour 0–23), then optionally a
 *           zone: Z, ±HH, ±HHMM or ±HH:MM. Without a zone, texts and
 *           serials are wall-clock times in the shop's zone. A date alone
 *           is its midnight. Serials are rounded to the second.
 *           → unix seconds.
 *
 * Numbers are never parsed through the locale, nor through binary
 * arithmetic: texts and NUMBER cells (as their shortest decimal form)
 * become exact decimals, scaled and summed as integers, and only the
 * result is rounded once to a double. So 36.99% gives exactly the double
 * nearest 0.3699, and 4.1分钟 exactly 246 seconds (4.1 × 60 in doubles is
 * 245.99999999999997).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kefu-value.h"

/* ±digits × 10^exp */
typedef struct
{
  guint64  digits;
  int      exp;
  gboolean negative;
} Decimal;

#define EXP_LIMIT 400   /* past any double */

static void
decimal_push_digit (Decimal  *d,
                    int       digit,
                    gboolean  fraction)
{
  if (d->digits <= (G_MAXUINT64 - 9) / 10)
    {
      d->digits = d->digits * 10 + digit;
      if (fraction)
        d->exp--;
    }
  else if (!fraction)
    {
      /* Past 19 digits the precision is gone anyway; keep the magnitude. */
      d->exp++;
    }
}

/* Reads an unsigned decimal at *pp and moves past it. */
static gboolean
read_decimal (const char **pp,
              Decimal     *d)
{
  const char *p = *pp;
  gboolean any = FALSE;
  guint group = 0;
  guint n_groups = 0;

  *d = (Decimal) { 0, 0, FALSE };

  for (;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          decimal_push_digit (d, *p - '0', FALSE);
          group++;
          any = TRUE;
        }
      else if (*p == ',' && any && g_ascii_isdigit (p[1]))
        {
          /* Thousands groups: 1,234,567 — not 12,34 nor 1234,567. */
          if ((n_groups == 0 && group > 3) || (n_groups > 0 && group != 3))
            return FALSE;
          n_groups++;
          group = 0;
        }
      else
        break;
    }
  if (n_groups > 0 && group != 3)
    return FALSE;

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          decimal_push_digit (d, *p - '0', TRUE);
          any = TRUE;
        }
    }
  if (!any)
    return FALSE;

  if ((*p == 'e' || *p == 'E')
      && (g_ascii_isdigit (p[1])
          || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      gboolean negative;
      int exp = 0;

      p++;
      negative = *p == '-';
      if (*p == '+' || *p == '-')
        p++;
      for (; g_ascii_isdigit (*p); p++)
        if (exp < EXP_LIMIT)
          exp = exp * 10 + (*p - '0');
      d->exp += negative ? -exp : exp;
    }

  d->exp = CLAMP (d->exp, -2 * EXP_LIMIT, 2 * EXP_LIMIT);
  *pp = p;
  return TRUE;
}

static void
decimal_multiply (Decimal *d,
                  guint64  factor)
{
  while (d->digits > G_MAXUINT64 / factor)
    {
      d->digits /= 10;
      d->exp++;
    }
  d->digits *= factor;
}

/* @a += @b, both non-negative */
static void
decimal_add (Decimal       *a,
             const Decimal *b)
{
  Decimal c = *b;

  while (a->exp > c.exp && a->digits <= G_MAXUINT64 / 10)
    {
      a->digits *= 10;
      a->exp--;
    }
  while (c.exp > a->exp && c.digits <= G_MAXUINT64 / 10)
    {
      c.digits *= 10;
      c.exp--;
    }
  /* Only when one is ~10^19 times the other: drop the small one's tail. */
  while (a->exp < c.exp)
    {
      a->digits /= 10;
      a->exp++;
    }
  while (c.exp < a->exp)
    {
      c.digits /= 10;
      c.exp++;
    }
  if (a->digits > G_MAXUINT64 - c.digits)
    {
      a->digits /= 10;
      c.digits /= 10;
      a->exp++;
    }
  a->digits += c.digits;
}

static gboolean
decimal_is_integer (const Decimal *d)
{
  guint64 digits = d->digits;
  int exp = d->exp;

  if (digits == 0)
    return TRUE;
  while (exp < 0 && digits % 10 == 0)
    {
      digits /= 10;
      exp++;
    }
  return exp >= 0;
}

/* The one rounding: strtod rounds "3699e-4" correctly. So does one
 * multiplication or division of two exact doubles — digits below 2^53
 * and a power of ten up to 10^22 — which most values are (Clinger's fast
 * path), without printing and reading back. */
static double
decimal_to_double (const Decimal *d)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  char buffer[64];

  if (d->digits == 0)
    return 0.0;
  if (d->digits <= (G_GUINT64_CONSTANT (1) << 53) && d->exp >= -22 && d->exp <= 22)
    {
      double x = d->exp < 0 ? (double) d->digits / powers[-d->exp]
                            : (double) d->digits * powers[d->exp];

      return d->negative ? -x : x;
    }
  g_snprintf (buffer, sizeof buffer, "%s%" G_GUINT64_FORMAT "e%d",
              d->negative ? "-" : "", d->digits, d->exp);
  return g_ascii_strtod (buffer, NULL);
}

/* A NUMBER cell as the shortest decimal that reads back as the same
 * double: 36.99 is "36.99", not 36.990000000000002. */
static gboolean
decimal_from_double (double   x,
                     Decimal *d)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *p = buffer;
  gboolean negative;

  if (!isfinite (x))
    return FALSE;

  /* Money and rates have a few decimals: the fewest that read back as
   * @x, found without printing. With at most 15 significant digits that
   * is what "%.15g" prints (only one such decimal lies within half a
   * unit in the last place of a double). */
  for (int k = 0; k <= 6; k++)
    {
      static const double scale[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
      double m = nearbyint (x * scale[k]);

      if (fabs (m) >= 1e15)
        break;
      if (m / scale[k] == x)
        {
          *d = (Decimal) { (guint64) fabs (m), -k, m < 0 };
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], x);
      if (g_ascii_strtod (buffer, NULL) == x)
        break;
    }

  negative = *p == '-';
  if (negative)
    p++;
  if (!read_decimal (&p, d) || *p != '\0')
    return FALSE;
  d->negative = negative && d->digits != 0;
  return TRUE;
}

/* Text handling */

static char *
normalize (const char *text)
{
  gsize length = strlen (text);
  char *out, *q;
  const char *p;

  if (!g_utf8_validate (text, length, NULL))
    return NULL;

  /* Folding never lengthens the text: one buffer, and characters that
   * need no folding (nearly all) are copied byte by byte. */
  out = q = g_malloc (length + 1);
  for (p = text; *p != '\0'; )
    {
      guchar lead = (guchar) *p;
      const char *next;
      gunichar c;

      if (lead < 0x80 || (lead != 0xC2 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF))
        {
          next = g_utf8_next_char (p);
          while (p < next)
            *q++ = *p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)          /* full-width ASCII */
        *q++ = (char) (c - 0xFEE0);
      else if (c == 0x3000 || c == 0x00A0)     /* ideographic, no-break */
        *q++ = ' ';
      else if (c == 0x2212)                    /* minus sign */
        *q++ = '-';
      else if (c != 0xFEFF)                    /* a stray BOM */
        while (p < next)
          *q++ = *p++;
      p = next;
    }
  *q = '\0';

  return g_strstrip (out);
}

static void
skip_spaces (const char **pp)
{
  while (**pp == ' ' || **pp == '\t')
    (*pp)++;
}

static gboolean
skip_prefix (const char **pp,
             const char  *prefix)
{
  gsize length = strlen (prefix);

  if (g_ascii_strncasecmp (*pp, prefix, length) != 0)
    return FALSE;
  *pp += length;
  return TRUE;
}

static gboolean
in_list (const char         *text,
         gsize               length,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == length && g_ascii_strncasecmp (text, list[i], length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_dashes (const char *text)
{
  const char *p;

  if (*text == '\0')
    return FALSE;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '-' && c != 0x2013 && c != 0x2014 && c != 0x2015)
        return FALSE;
    }
  return TRUE;
}

static gboolean
may_start_placeholder (gunichar c)
{
  switch (c)
    {
    case '\0': case '/': case '#': case '-': case 'n': case 'N':
    case 0x2013: case 0x2014: case 0x2015:          /* dashes */
    case 0x65E0: case 0x6682:                        /* 无 暂 */
    case 0x5EF6: case 0x7EDF: case 0x8BA1:           /* 延 统 计 */
    case 0x6570: case 0x5F85: case 0x66F4:           /* 数 待 更 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether normalize() may drop or change @c at the start of a text. */
static gboolean
normalize_may_change (gunichar c)
{
  return (c < 0x80 && g_ascii_isspace (c)) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF ||
         c == 0x2212 || (c >= 0xFF01 && c <= 0xFF5E);
}

/* Whether normalize() would give @text back as it is (and it is UTF-8):
 * no lead byte of a character it folds, no space at either end. */
static gboolean
is_normal (const char *text)
{
  gsize length = strlen (text);

  if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF)
        return FALSE;
    }
  return g_utf8_validate (text, length, NULL);
}

static gboolean
classify (const char        *text,
          KefuMissingReason *reason)
{
  static const char * const placeholders[] = {
    "/", "N/A", "NA", "NaN", "null", "none", "无", "暂无", "无数据", "暂无数据",
  };
  static const char * const not_final[] = {
    "延迟统计", "统计中", "计算中", "数据统计中", "数据计算中", "待统计", "待计算",
    "更新中", "数据更新中",
  };
  static const char * const errors[] = {
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
    "#GETTING_DATA", "#SPILL!", "#CALC!",
  };
  gsize length;

  /* Every placeholder starts with one of a few characters: most values
   * are told apart by their first one. */
  if (!may_start_placeholder (g_utf8_get_char (text)))
    return FALSE;

  length = strlen (text);
  if (length == 0)
    *reason = KEFU_MISSING_EMPTY;
  else if (is_dashes (text) || in_list (text, length, placeholders, G_N_ELEMENTS (placeholders)))
    *reason = KEFU_MISSING_PLACEHOLDER;
  else if (in_list (text, length, errors, G_N_ELEMENTS (errors)))
    *reason = KEFU_MISSING_ERROR;
  else
    {
      /* 统计中… / 统计中... */
      if (g_str_has_suffix (text, "…"))
        length -= strlen ("…");
      else
        while (length > 0 && text[length - 1] == '.')
          length--;

      if (!in_list (text, length, not_final, G_N_ELEMENTS (not_final)))
        return FALSE;
      *reason = KEFU_MISSING_NOT_FINAL;
    }

  return TRUE;
}

gboolean
kefu_value_is_placeholder (const char        *text,
                           KefuMissingReason *reason)
{
  g_autofree char *normal = NULL;
  KefuMissingReason dummy;

  if (reason == NULL)
    reason = &dummy;
  if (text == NULL)
    {
      *reason = KEFU_MISSING_EMPTY;
      return TRUE;
    }

  /* Most cells are numbers, dates or names: no placeholder starts with an
   * ASCII digit or letter but n/N (N/A, NaN, null, none). */
  if (g_ascii_isdigit (text[0]) ||
      (g_ascii_isalpha (text[0]) && text[0] != 'n' && text[0] != 'N'))
    return FALSE;

  /* Likewise any first character that normalizing leaves as it is, such
   * as the first of a name in Chinese: no copy needed to tell. (A text
   * that is not UTF-8 is no placeholder either way.) */
  {
    gunichar first = g_utf8_get_char_validated (text, -1);

    if (first < 0x110000 && !normalize_may_change (first) && !may_start_placeholder (first))
      return FALSE;
  }

  if (is_normal (text))
    return classify (text, reason);
  normal = normalize (text);
  return normal != NULL && classify (normal, reason);
}

const char *
kefu_value_describe_missing (KefuMissingReason reason)
{
  switch (reason)
    {
    case KEFU_MISSING_EMPTY:
      return _("blank");
    case KEFU_MISSING_PLACEHOLDER:
      return _("a placeholder");
    case KEFU_MISSING_NOT_FINAL:
      return _("not final yet");
    case KEFU_MISSING_ERROR:
      return _("a spreadsheet error");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What each parser accepts, for error messages. The examples are formats
 * found in the files: they stay as they are in every language. */

static const char *
expected_count (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("a whole number such as 1,234 or 1.2万");
}

static const char *
expected_number (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("a number such as 1,234.5 or 1.2万");
}

static const char *
expected_money (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("an amount such as ¥1,234.50, 1234.50元 or -12.30");
}

static const char *
expected_rate (KefuRateScale scale)
{
  switch (scale)
    {
    case KEFU_RATE_FRACTION:
      /* Translators: shown alone as what an import expected in a cell */
      /* xgettext:no-c-format */
      return _("a rate such as 36.99% or 0.3699");
    case KEFU_RATE_PERCENT:
      /* Translators: shown alone as what an import expected in a cell */
      /* xgettext:no-c-format */
      return _("a rate such as 36.99% or 36.99");
    case KEFU_RATE_AUTO:
    default:
      /* Translators: shown alone as what an import expected in a cell */
      return _("a rate such as 36.99%, 0.3699 or 36.99");
    }
}

static const char *
expected_duration (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("a duration such as 2分30秒, 00:02:30 or 150");
}

static const char *
expected_date (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("a date such as 2026-10-01, 2026/10/1 or 2026年10月1日");
}

static const char *
expected_datetime (void)
{
  /* Translators: shown alone as what an import expected in a cell */
  return _("a date and time such as 2026-10-01 08:03:12 or 2026/10/1 8:03");
}

/* Whether normalize() would return @text unchanged: ASCII only (nothing
 * to fold) and no space at either end (nothing to trim). */
static gboolean
is_plain_ascii (const char *text)
{
  const guchar *p = (const guchar *) text;

  if (*p == '\0' || g_ascii_isspace (*p))
    return FALSE;
  for (; p[1] != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return *p < 0x80 && !g_ascii_isspace (*p);
}

/* The common start of every parser: sets @value to INVALID and returns
 * TRUE when the cell is settled (missing, or not UTF-8). Otherwise @text
 * is the normalized text of a TEXT cell, or NULL for the other types;
 * it is the cell's own text when that needs no normalizing (most cells),
 * else a copy that @owned holds. */
static gboolean
begin (const KefuCell  *cell,
       const char      *expected,
       KefuValue       *value,
       const char     **text,
       char           **owned)
{
  KefuMissingReason reason;

  *value = (KefuValue) { KEFU_VALUE_INVALID, KEFU_MISSING_EMPTY, NAN, expected };
  *text = NULL;
  *owned = NULL;

  if (cell == NULL || cell->type == KEFU_CELL_EMPTY
      || (cell->type == KEFU_CELL_TEXT && cell->text == NULL))
    reason = KEFU_MISSING_EMPTY;
  else if (cell->type == KEFU_CELL_ERROR)
    reason = KEFU_MISSING_ERROR;
  else if (cell->type != KEFU_CELL_TEXT)
    return FALSE;
  else
    {
      if (is_plain_ascii (cell->text))
        *text = cell->text;
      else if ((*text = *owned = normalize (cell->text)) == NULL)
        return TRUE;
      if (!classify (*text, &reason))
        return FALSE;
      *text = NULL;
      g_clear_pointer (owned, g_free);
    }

  value->status = KEFU_VALUE_MISSING;
  value->missing = reason;
  return TRUE;
}

static KefuValue
finish (KefuValue value,
        double    number)
{
  if (isfinite (number))
    {
      value.status = KEFU_VALUE_OK;
      value.number = number == 0 ? 0.0 : number;   /* no -0 */
    }
  return value;
}

static gboolean
read_sign (const char **pp,
           gboolean    *negative)
{
  if (**pp != '-' && **pp != '+')
    return FALSE;
  *negative = **pp == '-';
  (*pp)++;
  return TRUE;
}

static void
read_multiplier (const char **pp,
                 Decimal     *d)
{
  if (skip_prefix (pp, "万"))
    d->exp += 4;
  else if (skip_prefix (pp, "亿"))
    d->exp += 8;
}

/* [+|-] decimal [万|亿] */
static gboolean
read_number_text (const char *text,
                  Decimal    *d)
{
  const char *p = text;
  gboolean negative = FALSE;

  read_sign (&p, &negative);
  skip_spaces (&p);
  if (!read_decimal (&p, d))
    return FALSE;
  skip_spaces (&p);
  read_multiplier (&p, d);
  d->negative = negative && d->digits != 0;
  return *p == '\0';
}

KefuValue
kefu_value_parse_count (const KefuCell *cell)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  Decimal d;

  if (begin (cell, expected_count (), &value, &text, &owned))
    return value;

  if (text != NULL ? !read_number_text (text, &d)
                   : cell->type != KEFU_CELL_NUMBER || !decimal_from_double (cell->number, &d))
    return value;
  if (d.negative || !decimal_is_integer (&d))
    return value;

  return finish (value, decimal_to_double (&d));
}

KefuValue
kefu_value_parse_number (const KefuCell *cell)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  Decimal d;

  if (begin (cell, expected_number (), &value, &text, &owned))
    return value;

  if (text == NULL)
    return cell->type == KEFU_CELL_NUMBER ? finish (value, cell->number) : value;
  if (!read_number_text (text, &d))
    return value;

  return finish (value, decimal_to_double (&d));
}

KefuValue
kefu_value_parse_money (const KefuCell *cell)
{
  g_autofree char *owned = NULL;
  g_autofree char *inner = NULL;
  const char *text;
  KefuValue value;
  const char *p;
  gboolean accounting = FALSE;
  gboolean has_sign;
  gboolean negative = FALSE;
  gsize length;
  Decimal d;

  if (begin (cell, expected_money (), &value, &text, &owned))
    return value;

  if (text == NULL)
    return cell->type == KEFU_CELL_NUMBER ? finish (value, cell->number) : value;

  /* (12.30): the accounting way of writing -12.30 */
  length = strlen (text);
  if (length >= 2 && text[0] == '(' && text[length - 1] == ')')
    {
      accounting = TRUE;
      inner = g_strndup (text + 1, length - 2);
      text = inner;
    }

  p = text;
  skip_spaces (&p);
  has_sign = read_sign (&p, &negative);
  skip_spaces (&p);
  if (skip_prefix (&p, "¥") || skip_prefix (&p, "￥"))
    {
      skip_spaces (&p);
      if (!has_sign)
        has_sign = read_sign (&p, &negative);
    }
  if (!read_decimal (&p, &d))
    return value;
  skip_spaces (&p);
  read_multiplier (&p, &d);
  skip_prefix (&p, "元");
  skip_spaces (&p);
  if (*p != '\0' || (accounting && has_sign))
    return value;

  d.negative = (negative || accounting) && d.digits != 0;
  return finish (value, decimal_to_double (&d));
}

KefuValue
kefu_value_parse_rate (const KefuCell *cell,
                       KefuRateScale   scale)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  gboolean percent = FALSE;
  gboolean negative = FALSE;
  double magnitude;
  Decimal d;

  if (begin (cell, expected_rate (scale), &value, &text, &owned))
    return value;

  if (text != NULL)
    {
      const char *p = text;

      read_sign (&p, &negative);
      skip_spaces (&p);
      if (!read_decimal (&p, &d))
        return value;
      skip_spaces (&p);
      percent = *p == '%';
      if (percent)
        p++;
      if (*p != '\0')
        return value;
    }
  else if (cell->type != KEFU_CELL_NUMBER || !decimal_from_double (cell->number, &d))
    return value;
  else
    negative = d.negative;

  if (negative && d.digits != 0)
    return value;
  d.negative = FALSE;

  if (!percent)
    {
      magnitude = decimal_to_double (&d);
      switch (scale)
        {
        case KEFU_RATE_FRACTION:
          if (magnitude > 1)
            return value;
          break;
        case KEFU_RATE_PERCENT:
          if (magnitude > 100)
            return value;
          percent = TRUE;
          break;
        case KEFU_RATE_AUTO:
        default:
          if (magnitude > 100)
            return value;
          percent = magnitude > 1;
          break;
        }
    }

  /* Shift the decimal point, don't divide: 36.99 / 100 is not always
   * the double nearest 0.3699 (57.01 / 100 is not). */
  if (percent)
    d.exp -= 2;

  return finish (value, decimal_to_double (&d));
}

typedef struct
{
  const char *name;
  guint       rank;     /* a larger unit has a larger rank */
  guint64     factor;   /* seconds … */
  int         exp;      /* … × 10^exp */
} DurationUnit;

static const DurationUnit duration_units[] = {
  { "天", 4, 86400, 0 }, { "days", 4, 86400, 0 }, { "day", 4, 86400, 0 },
  { "d", 4, 86400, 0 },
  { "小时", 3, 3600, 0 }, { "小時", 3, 3600, 0 }, { "时", 3, 3600, 0 },
  { "時", 3, 3600, 0 }, { "hours", 3, 3600, 0 }, { "hour", 3, 3600, 0 },
  { "hrs", 3, 3600, 0 }, { "hr", 3, 3600, 0 }, { "h", 3, 3600, 0 },
  { "分钟", 2, 60, 0 }, { "分鐘", 2, 60, 0 }, { "分", 2, 60, 0 },
  { "minutes", 2, 60, 0 }, { "minute", 2, 60, 0 }, { "mins", 2, 60, 0 },
  { "min", 2, 60, 0 }, { "m", 2, 60, 0 },
  { "秒钟", 1, 1, 0 }, { "秒鐘", 1, 1, 0 }, { "秒", 1, 1, 0 },
  { "seconds", 1, 1, 0 }, { "second", 1, 1, 0 }, { "secs", 1, 1, 0 },
  { "sec", 1, 1, 0 }, { "s", 1, 1, 0 },
  { "毫秒", 0, 1, -3 }, { "ms", 0, 1, -3 },
};

/* The longest unit name at *pp: "ms" before "m", "mins" before "min". */
static const DurationUnit *
read_duration_unit (const char **pp)
{
  const DurationUnit *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (duration_units); i++)
    {
      gsize length = strlen (duration_units[i].name);

      if (length > best_length
          && g_ascii_strncasecmp (*pp, duration_units[i].name, length) == 0)
        {
          best = &duration_units[i];
          best_length = length;
        }
    }

  *pp += best_length;
  return best;
}

static gboolean
read_two_digits (const char **pp,
                 guint64     *value)
{
  const char *p = *pp;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || g_ascii_isdigit (p[2]))
    return FALSE;
  *value = (p[0] - '0') * 10 + (p[1] - '0');
  *pp += 2;
  return TRUE;
}

/* h:mm:ss or mm:ss */
static gboolean
read_clock_duration (const char *p,
                     Decimal    *seconds)
{
  guint64 fields[3] = { 0, };
  guint n = 0;
  guint n_digits = 0;
  Decimal fraction = { 0, 0, FALSE };

  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_digits > 12)
        return FALSE;
      fields[0] = fields[0] * 10 + (*p - '0');
    }
  if (n_digits == 0)
    return FALSE;
  n = 1;

  while (*p == ':' && n < 3)
    {
      p++;
      if (!read_two_digits (&p, &fields[n]) || fields[n] > 59)
        return FALSE;
      n++;
    }
  if (n < 2)
    return FALSE;

  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      decimal_push_digit (&fraction, *p - '0', TRUE);
  if (*p != '\0')
    return FALSE;

  if (n == 3)
    seconds->digits = fields[0] * 3600 + fields[1] * 60 + fields[2];
  else
    seconds->digits = fields[0] * 60 + fields[1];
  seconds->exp = 0;
  seconds->negative = FALSE;
  decimal_add (seconds, &fraction);
  return TRUE;
}

static guint64
unit_seconds (KefuDurationUnit unit)
{
  switch (unit)
    {
    case KEFU_DURATION_HOURS:
      return 3600;
    case KEFU_DURATION_MINUTES:
      return 60;
    case KEFU_DURATION_SECONDS:
    default:
      return 1;
    }
}

static gboolean
read_duration_text (const char       *text,
                    KefuDurationUnit  unit,
                    Decimal          *seconds)
{
  const char *p = text;
  guint last_rank = G_MAXUINT;
  guint n = 0;

  if (*p == '+')
    p++;
  skip_spaces (&p);
  if (strchr (p, ':') != NULL)
    return read_clock_duration (p, seconds);

  *seconds = (Decimal) { 0, 0, FALSE };
  while (*p != '\0')
    {
      const DurationUnit *u;
      Decimal part;

      if (!read_decimal (&p, &part))
        return FALSE;
      skip_spaces (&p);
      u = read_duration_unit (&p);
      if (u == NULL)
        {
          /* A bare number is only allowed alone: "2分30" is not 2分30秒. */
          if (n > 0 || *p != '\0')
            return FALSE;
          decimal_multiply (&part, unit_seconds (unit));
        }
      else
        {
          if (u->rank >= last_rank)
            return FALSE;
          last_rank = u->rank;
          decimal_multiply (&part, u->factor);
          part.exp += u->exp;
        }
      decimal_add (seconds, &part);
      n++;
      skip_spaces (&p);
    }

  return n > 0;
}

KefuValue
kefu_value_parse_duration (const KefuCell   *cell,
                           KefuDurationUnit  unit)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  Decimal d;

  if (begin (cell, expected_duration (), &value, &text, &owned))
    return value;

  if (text != NULL)
    {
      if (!read_duration_text (text, unit, &d))
        return value;
    }
  else if (cell->type == KEFU_CELL_NUMBER)
    {
      if (!decimal_from_double (cell->number, &d) || d.negative)
        return value;
      decimal_multiply (&d, unit_seconds (unit));
    }
  else if (cell->type == KEFU_CELL_DATETIME)
    {
      /* [h]:mm:ss: a fraction of a day, with binary noise; milliseconds
       * are the finest any export shows. */
      if (!(cell->number >= 0 && cell->number < 10000))
        return value;
      d = (Decimal) { (guint64) (cell->number * 86400000.0 + 0.5), -3, FALSE };
    }
  else
    return value;

  return finish (value, decimal_to_double (&d));
}

/* Dates */

typedef struct
{
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  int      second;
  double   fraction;   /* of the second */
  gboolean has_zone;
  int      zone;       /* seconds east of UTC */
} Stamp;

/* A run of @min_length to @max_length digits, not followed by another. */
static gboolean
read_digits (const char **pp,
             guint        min_length,
             guint        max_length,
             int         *value)
{
  const char *p = *pp;
  guint length = 0;

  *value = 0;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++length > max_length)
        return FALSE;
      *value = *value * 10 + (*p - '0');
    }
  if (length < min_length)
    return FALSE;
  *pp = p;
  return TRUE;
}

static guint
count_digits (const char *p)
{
  guint n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

/* YYYY<sep>M<sep>D with one of @separators, YYYYMMDD or YYYY年M月D日.
 * With @month_only, YYYY年M月 is accepted too, as day 1. */
static gboolean
read_date (const char **pp,
           const char  *separators,
           int          min_year,
           int          max_year,
           Stamp       *stamp,
           gboolean    *month_only)
{
  const char *p = *pp;
  int year, month, day;

  if (month_only != NULL)
    *month_only = FALSE;

  switch (count_digits (p))
    {
    case 8:
      read_digits (&p, 8, 8, &year);
      day = year % 100;
      month = year / 100 % 100;
      year /= 10000;
      break;

    case 4:
      read_digits (&p, 4, 4, &year);
      if (*p != '\0' && strchr (separators, *p) != NULL)
        {
          char separator = *p++;

          if (!read_digits (&p, 1, 2, &month) || *p++ != separator
              || !read_digits (&p, 1, 2, &day))
            return FALSE;
        }
      else if (skip_prefix (&p, "年"))
        {
          if (!read_digits (&p, 1, 2, &month) || !skip_prefix (&p, "月"))
            return FALSE;
          if (read_digits (&p, 1, 2, &day))
            {
              if (!skip_prefix (&p, "日"))
                skip_prefix (&p, "号");
            }
          else if (month_only != NULL)
            {
              *month_only = TRUE;
              day = 1;
            }
          else
            return FALSE;
        }
      else
        return FALSE;
      break;

    default:
      return FALSE;
    }

  if (year < min_year || year > max_year
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  stamp->year = year;
  stamp->month = month;
  stamp->day = day;
  *pp = p;
  return TRUE;
}

/* H:MM[:SS[.fraction]] */
static gboolean
read_time (const char **pp,
           Stamp       *stamp)
{
  const char *p = *pp;
  guint64 minute, second = 0;
  Decimal fraction = { 0, 0, FALSE };
  int hour;

  if (!read_digits (&p, 1, 2, &hour) || hour > 23 || *p++ != ':'
      || !read_two_digits (&p, &minute) || minute > 59)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_two_digits (&p, &second) || second > 59)
        return FALSE;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          decimal_push_digit (&fraction, *p - '0', TRUE);
    }

  stamp->hour = hour;
  stamp->minute = minute;
  stamp->second = second;
  stamp->fraction = decimal_to_double (&fraction);
  *pp = p;
  return TRUE;
}

/* Z, ±HH, ±HHMM, ±HH:MM */
static gboolean
read_zone (const char **pp,
           Stamp       *stamp)
{
  const char *p = *pp;
  guint64 hours, minutes = 0;
  gboolean negative;

  if (*p == 'Z' || *p == 'z')
    {
      stamp->has_zone = TRUE;
      stamp->zone = 0;
      *pp = p + 1;
      return TRUE;
    }
  if (!read_sign (&p, &negative))
    return FALSE;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  hours = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  if (*p == ':')
    p++;
  if (g_ascii_isdigit (*p) && !read_two_digits (&p, &minutes))
    return FALSE;
  if (g_ascii_isdigit (*p) || hours > 14 || minutes > 59)
    return FALSE;

  stamp->has_zone = TRUE;
  stamp->zone = (negative ? -1 : 1) * (int) (hours * 3600 + minutes * 60);
  *pp = p;
  return TRUE;
}

static gboolean
read_stamp_text (const char *text,
                 Stamp      *stamp)
{
  const char *p = text;
  gboolean word;

  *stamp = (Stamp) { 0, };
  if (!read_date (&p, "-/.", 1900, 9999, stamp, NULL))
    return FALSE;
  if (*p == '\0')
    return TRUE;

  /* 2026年10月1日08:03 needs no space */
  word = p - text >= 3
         && (memcmp (p - 3, "日", 3) == 0 || memcmp (p - 3, "号", 3) == 0);
  if (*p == 'T' || *p == 't')
    p++;
  else if (*p == ' ')
    skip_spaces (&p);
  else if (!word)
    return FALSE;

  if (!read_time (&p, stamp))
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0' && !read_zone (&p, stamp))
    return FALSE;
  return *p == '\0';
}

/* Days since 1899-12-30, rounded to the second against binary noise
 * (08:03:12 is 0.33555…). */
static gboolean
read_serial (double  serial,
             Stamp  *stamp)
{
  GDate date;
  gint64 seconds;
  int of_day;

  /* 1 = 1899-12-31; 2958466 = 10000-01-01 */
  if (!(serial >= 1 && serial < 2958466))
    return FALSE;

  seconds = (gint64) (serial * 86400.0 + 0.5);
  of_day = seconds % 86400;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, 12, 1899);
  g_date_add_days (&date, seconds / 86400);

  *stamp = (Stamp) { 0, };
  stamp->year = g_date_get_year (&date);
  stamp->month = g_date_get_month (&date);
  stamp->day = g_date_get_day (&date);
  stamp->hour = of_day / 3600;
  stamp->minute = of_day / 60 % 60;
  stamp->second = of_day % 60;
  return TRUE;
}

/* A NUMBER cell: an Excel serial, or YYYYMMDD written as a number. */
static gboolean
read_number_date (double  number,
                  Stamp  *stamp)
{
  gint64 whole;

  if (number >= 20000 && number <= 80000)
    return read_serial (number, stamp);

  if (!(number >= 19000101 && number <= 99991231))
    return FALSE;
  whole = (gint64) number;
  if (whole != number)
    return FALSE;

  *stamp = (Stamp) { 0, };
  stamp->year = whole / 10000;
  stamp->month = whole / 100 % 100;
  stamp->day = whole % 100;
  return g_date_valid_dmy (stamp->day, stamp->month, stamp->year);
}

static gboolean
read_stamp (const KefuCell *cell,
            const char     *text,
            Stamp          *stamp)
{
  if (text != NULL)
    return read_stamp_text (text, stamp);
  if (cell->type == KEFU_CELL_DATETIME)
    return read_serial (cell->number, stamp);
  if (cell->type == KEFU_CELL_NUMBER)
    return read_number_date (cell->number, stamp);
  return FALSE;
}

KefuValue
kefu_value_parse_date (const KefuCell *cell,
                       GDate          *date)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  Stamp stamp;

  g_return_val_if_fail (date != NULL, ((KefuValue) { KEFU_VALUE_INVALID, 0, NAN, "" }));

  g_date_clear (date, 1);
  if (begin (cell, expected_date (), &value, &text, &owned))
    return value;
  if (!read_stamp (cell, text, &stamp))
    return value;

  g_date_set_dmy (date, stamp.day, stamp.month, stamp.year);
  value.status = KEFU_VALUE_OK;
  return value;
}

/* Days from 1970-01-01 to a day of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

KefuValue
kefu_value_parse_datetime (const KefuCell *cell,
                           GTimeZone      *tz)
{
  g_autofree char *owned = NULL;
  const char *text;
  KefuValue value;
  Stamp stamp;
  gint64 unix_time;

  g_return_val_if_fail (tz != NULL, ((KefuValue) { KEFU_VALUE_INVALID, 0, NAN, "" }));

  if (begin (cell, expected_datetime (), &value, &text, &owned))
    return value;
  if (!read_stamp (cell, text, &stamp))
    return value;

  if (stamp.has_zone)
    {
      GDate date, epoch;

      g_date_clear (&date, 1);
      g_date_clear (&epoch, 1);
      g_date_set_dmy (&date, stamp.day, stamp.month, stamp.year);
      g_date_set_dmy (&epoch, 1, 1, 1970);
      unix_time = ((gint64) g_date_get_julian (&date) - g_date_get_julian (&epoch)) * 86400
                  + stamp.hour * 3600 + stamp.minute * 60 + stamp.second - stamp.zone;
    }
  else
    {
      /* What g_date_time_new (tz, …) computes, without making one per
       * cell: the wall-clock seconds, moved out of a gap of the zone's
       * changes, less the offset of the interval they fall in. */
      gint64 wall = days_from_civil (stamp.year, stamp.month, stamp.day) * 86400
                    + stamp.hour * 3600 + stamp.minute * 60 + stamp.second;
      int interval = g_time_zone_adjust_time (tz, G_TIME_TYPE_STANDARD, &wall);

      unix_time = wall - g_time_zone_get_offset (tz, interval);
    }

  return finish (value, (double) unix_time + stamp.fraction);
}

/* Dates in file names */

typedef struct
{
  GDate       from;
  GDate       to;
  const char *start;
  const char *end;
} FoundDate;

static gboolean
is_range_separator (const char *start,
                    const char *end)
{
  static const char * const separators[] = {
    "至", "到", "~", "〜", "-", "–", "—", "——", "_", "to",
  };
  g_autofree char *between = g_strndup (start, end - start);

  g_strstrip (between);
  return in_list (between, strlen (between), separators, G_N_ELEMENTS (separators));
}

gboolean
kefu_value_parse_date_in_text (const char *text,
                               GDate      *from,
                               GDate      *to)
{
  g_autofree char *normal = NULL;
  FoundDate found[8];
  guint n = 0;
  const char *p;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (text == NULL || (normal = normalize (text)) == NULL)
    return FALSE;

  for (p = normal; *p != '\0' && n < G_N_ELEMENTS (found); )
    {
      /* Only where a run of digits starts: not inside an order number. */
      if (g_ascii_isdigit (*p) && (p == normal || !g_ascii_isdigit (p[-1])))
        {
          const char *end = p;
          gboolean month_only;
          Stamp stamp;

          if (read_date (&end, "-/._", 2000, 2099, &stamp, &month_only))
            {
              FoundDate *f = &found[n++];

              g_date_clear (&f->from, 1);
              g_date_set_dmy (&f->from, stamp.day, stamp.month, stamp.year);
              f->to = f->from;
              if (month_only)
                g_date_set_day (&f->to, g_date_get_days_in_month (stamp.month, stamp.year));
              f->start = p;
              f->end = end;
              p = end;
              continue;
            }
          while (g_ascii_isdigit (*p))
            p++;
          continue;
        }
      p++;
    }

  /* The first pair joined by 至, ~, - …; else a date alone. */
  for (guint i = 0; i + 1 < n; i++)
    if (is_range_separator (found[i].end, found[i + 1].start)
        && g_date_compare (&found[i].from, &found[i + 1].to) <= 0)
      {
        *from = found[i].from;
        *to = found[i + 1].to;
        return TRUE;
      }

  if (n != 1)
    return FALSE;
  *from = found[0].from;
  *to = found[0].to;
  return TRUE;
}
