/* kefu-interval.c — ranges of values: reading, writing, comparing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scoring-private.h"

/* Far beyond any KPI, and far inside gint64. */
#define STEPS_INFINITY ((gint64) 1 << 60)

/**
 * _kefu_format_number:
 *
 * Returns: (transfer full): the shortest text that reads back as @value:
 *   0.41, not 0.40999999999999998
 */
char *
_kefu_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

static gboolean
parse_end (const char  *text,
           gboolean     lower,
           gboolean    *finite,
           double      *value)
{
  static const char * const minus_infinity[] = { "-inf", "−inf", "-∞", "−∞", NULL };
  static const char * const plus_infinity[] = { "+inf", "inf", "+∞", "∞", NULL };
  const char * const *infinity = lower ? minus_infinity : plus_infinity;
  char *end = NULL;

  for (guint i = 0; infinity[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, infinity[i]) == 0)
      {
        *finite = FALSE;
        *value = 0;
        return TRUE;
      }

  if (*text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (*value))
    return FALSE;
  *finite = TRUE;
  return TRUE;
}

/**
 * _kefu_parse_range:
 *
 * Reads interval notation: "[0.38, 0.41)", "(10, 15]", "[0.41, +inf)",
 * "(-inf, 0.25)". Spaces are allowed anywhere around the parts; infinite
 * ends are open whatever bracket they are written with.
 */
gboolean
_kefu_parse_range (const char    *text,
                   KefuInterval  *interval,
                   GError       **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  gsize length = strlen (copy);
  char open, close;

  if (length < 5)
    goto fail;

  if (strchr (copy, '%') != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s”: write rates as fractions in scheme files, 0.41 for 41%%"),
                   text);
      return FALSE;
    }

  open = copy[0];
  close = copy[length - 1];
  if ((open != '[' && open != '(') || (close != ']' && close != ')'))
    goto fail;

  copy[length - 1] = '\0';
  parts = g_strsplit (copy + 1, ",", -1);
  if (g_strv_length (parts) != 2)
    goto fail;
  g_strstrip (parts[0]);
  g_strstrip (parts[1]);

  if (!parse_end (parts[0], TRUE, &interval->has_lower, &interval->lower) ||
      !parse_end (parts[1], FALSE, &interval->has_upper, &interval->upper))
    goto fail;

  interval->lower_inclusive = interval->has_lower && open == '[';
  interval->upper_inclusive = interval->has_upper && close == ']';
  return TRUE;

fail:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a range; expected interval notation such as "
                 "“[0.38, 0.41)”, “(10, 15]” or “[0.41, +inf)”"), text);
  return FALSE;
}

/* The first (@lower) or last step of a bound: a bound on a step counts
 * itself when inclusive; a bound between steps (finer than display
 * precision) admits the steps on its side. */
static gint64
bound_to_steps (KefuUnit  unit,
                double    bound,
                gboolean  lower,
                gboolean  inclusive)
{
  double q = bound / kefu_unit_get_step (unit);
  double n = nearbyint (q);

  if (fabs (q) >= (double) STEPS_INFINITY)
    return q < 0 ? -STEPS_INFINITY : STEPS_INFINITY;

  if (fabs (q - n) <= MAX (1e-9, fabs (q) * 1e-12))
    {
      if (inclusive)
        return (gint64) n;
      return lower ? (gint64) n + 1 : (gint64) n - 1;
    }

  return lower ? (gint64) ceil (q) : (gint64) floor (q);
}

/**
 * _kefu_interval_to_steps:
 * @lo: (out): the first step in the range
 * @hi: (out): the last step in the range
 *
 * The range as whole display steps (kefu-precision.h); infinite ends are
 * ±2⁶⁰.
 *
 * Returns: %FALSE when no value at display precision lies in the range
 */
gboolean
_kefu_interval_to_steps (const KefuInterval *interval,
                         KefuUnit            unit,
                         gint64             *lo,
                         gint64             *hi)
{
  *lo = interval->has_lower
      ? bound_to_steps (unit, interval->lower, TRUE, interval->lower_inclusive)
      : -STEPS_INFINITY;
  *hi = interval->has_upper
      ? bound_to_steps (unit, interval->upper, FALSE, interval->upper_inclusive)
      : STEPS_INFINITY;
  return *lo <= *hi;
}

/**
 * _kefu_interval_format:
 *
 * Returns: (transfer full): "[38%, 41%)", "(10 s, 15 s]", "[41%, +∞)"
 */
char *
_kefu_interval_format (const KefuInterval *interval,
                       KefuUnit            unit)
{
  g_autofree char *lower = interval->has_lower
                         ? kefu_unit_format_bound (unit, interval->lower) : g_strdup ("−∞");
  g_autofree char *upper = interval->has_upper
                         ? kefu_unit_format_bound (unit, interval->upper) : g_strdup ("+∞");

  return g_strdup_printf ("%c%s, %s%c",
                          interval->has_lower && interval->lower_inclusive ? '[' : '(',
                          lower, upper,
                          interval->has_upper && interval->upper_inclusive ? ']' : ')');
}

/**
 * _kefu_interval_describe:
 *
 * Returns: (transfer full): the range as an inequality: "38% ≤ x < 41%",
 *   "x ≥ 41%", "x ≤ 10 s", "x = 0", "any value"
 */
char *
_kefu_interval_describe (const KefuInterval *interval,
                         KefuUnit            unit)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;

  if (interval->has_lower)
    lower = kefu_unit_format_bound (unit, interval->lower);
  if (interval->has_upper)
    upper = kefu_unit_format_bound (unit, interval->upper);

  if (lower != NULL && upper != NULL)
    {
      if (interval->lower == interval->upper && interval->lower_inclusive && interval->upper_inclusive)
        return g_strdup_printf ("x = %s", lower);
      return g_strdup_printf ("%s %s x %s %s",
                              lower, interval->lower_inclusive ? "≤" : "<",
                              interval->upper_inclusive ? "≤" : "<", upper);
    }
  if (lower != NULL)
    return g_strdup_printf ("x %s %s", interval->lower_inclusive ? "≥" : ">", lower);
  if (upper != NULL)
    return g_strdup_printf ("x %s %s", interval->upper_inclusive ? "≤" : "<", upper);
  return g_strdup (_("any value"));
}
