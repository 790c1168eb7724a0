/* kefu-format.c — values as people read them, in their locale
 *
 * Numbers go through printf's ' flag, which groups digits and places the
 * decimal point as LC_NUMERIC says, and is safe to call from any thread
 * (localeconv() is not).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kefu-format.h"

#define MISSING "—"

/* Beyond this many steps a double no longer holds every step exactly. */
#define MAX_STEPS 1e15

/* Text the C library wrote in the locale's encoding, as UTF-8. */
static char *
locale_to_utf8 (const char *text)
{
  char *utf8;

  if (g_get_charset (NULL))
    return g_strdup (text);
  utf8 = g_locale_to_utf8 (text, -1, NULL, NULL, NULL);
  return utf8 != NULL ? utf8 : g_strdup (text);
}

/* |value| × 10^decimals rounded half away from zero. The tolerance is
 * kefu_unit_to_steps()'s: 0.40995 (held as 0.409949999…) rounds up like
 * the decimal it stands for. */
static double
round_steps (double value,
             guint  decimals)
{
  double steps = fabs (value) * pow (10, decimals);

  return floor (steps + 0.5 + MAX (1e-9, steps * 1e-12));
}

/* |value| at @decimals, with the locale's grouping and decimal point.
 * The C library's snprintf(), whose ' flag groups; GLib's own printf
 * need not know it. */
static char *
format_magnitude (double value,
                  guint  decimals)
{
  double steps;
  char buffer[64];

  decimals = MIN (decimals, 12);
  steps = round_steps (value, decimals);
  if (steps >= MAX_STEPS)
    snprintf (buffer, sizeof buffer, "%'.*f", (int) decimals, fabs (value));
  else
    snprintf (buffer, sizeof buffer, "%'.*f", (int) decimals, steps / pow (10, decimals));
  return locale_to_utf8 (buffer);
}

/* A minus only when the rounded value is not zero: -0.001 is "0.00". */
static gboolean
shows_minus (double value,
             guint  decimals)
{
  return value < 0 && round_steps (value, MIN (decimals, 12)) > 0;
}

/* A translated pattern with one "%s" and "%%" for a percent sign, filled
 * without printf, so that no format string comes from a translation. */
static char *
fill_pattern (const char *pattern,
              const char *number)
{
  GString *text = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (text, number);
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (text, '%');
          p++;
        }
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* @pattern holds one %s for the magnitude; the sign goes in front. */
static char *
format_with (const char *pattern,
             double      value,
             guint       decimals)
{
  g_autofree char *magnitude = NULL;
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return g_strdup (MISSING);

  magnitude = format_magnitude (value, decimals);
  text = fill_pattern (pattern, magnitude);
  return shows_minus (value, decimals) ? g_strconcat ("-", text, NULL) : g_steal_pointer (&text);
}

/**
 * kefu_format_number:
 * @decimals: decimals shown, all of them (1.50, not 1.5)
 *
 * Returns: (transfer full): "1,234.50" in zh_CN and C.UTF-8 with grouping,
 *   "1.234,50" in es_ES, "—" for NAN
 */
char *
kefu_format_number (double value,
                    guint  decimals)
{
  return format_with ("%s", value, decimals);
}

/**
 * kefu_format_count:
 *
 * Returns: (transfer full): a whole number with the locale's grouping:
 *   "12,345" (zh_CN), "12.345" (es_ES), "12345" (C)
 */
char *
kefu_format_count (gint64 count)
{
  char buffer[64];

  snprintf (buffer, sizeof buffer, "%'" G_GINT64_FORMAT, count);
  return locale_to_utf8 (buffer);
}

/**
 * kefu_format_percent:
 * @fraction: 0.3199 for 31.99 %
 * @decimals: decimals of the percentage
 *
 * Returns: (transfer full): "31.99%" (C, zh_CN), "31,99%" (es_ES; a
 *   translation may put a space before the sign)
 */
char *
kefu_format_percent (double fraction,
                     guint  decimals)
{
  /* Translators: a percentage; %s is the number, e.g. "31.99%". Write
   * "%s %%" where a space goes before the sign. */
  return format_with (C_("format", "%s%%"), fraction * 100, decimals);
}

/**
 * kefu_format_seconds:
 *
 * Returns: (transfer full): a duration in seconds, "13.0 s"
 */
char *
kefu_format_seconds (double seconds,
                     guint  decimals)
{
  /* Translators: a duration in seconds, e.g. "13.0 s" */
  return format_with (_("%s s"), seconds, decimals);
}

/**
 * kefu_format_hours:
 *
 * Returns: (transfer full): a duration in hours, "2.5 h"
 */
char *
kefu_format_hours (double hours,
                   guint  decimals)
{
  /* Translators: a duration in hours, e.g. "2.5 h" */
  return format_with (_("%s h"), hours, decimals);
}

/**
 * kefu_format_money:
 * @yuan: an amount in yuan
 *
 * Returns: (transfer full): "¥1,234.50", "-¥12.30": always yuan, always
 *   two decimals, grouped as the locale groups numbers
 */
char *
kefu_format_money (double yuan)
{
  /* Translators: an amount of money in yuan; %s is the number, e.g.
   * "¥1,234.50". Keep the yuan sign. */
  return format_with (C_("format", "¥%s"), yuan, 2);
}

/* The C and POSIX locales have no date order of their own (theirs is the
 * US one, with a two-digit year): people there get ISO 8601. */
static gboolean
time_locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0
         || g_str_has_prefix (name, "C.");
}

/**
 * kefu_format_date:
 *
 * Returns: (transfer full): a day in the locale's order with the whole
 *   year: "2026年10月01日" (zh_CN), "01/10/2026" (es_ES), "2026-10-01" (C),
 *   or "—" for an invalid date
 */
char *
kefu_format_date (const GDate *date)
{
  g_autoptr(GString) format = NULL;
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup (MISSING);

  if (time_locale_is_c ())
    format = g_string_new ("%Y-%m-%d");
  else
    {
      g_autofree char *order = locale_to_utf8 (nl_langinfo (D_FMT));

      format = g_string_new (order);
      /* A two-digit year is ambiguous in a period of years. */
      g_string_replace (format, "%y", "%Y", 0);
      if (format->len == 0)
        g_string_assign (format, "%Y-%m-%d");
    }

  if (g_date_strftime (buffer, sizeof buffer, format->str, date) == 0)
    return g_strdup (MISSING);
  return g_strdup (buffer);
}
