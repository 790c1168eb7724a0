/* kefu-unit-input.c — a metric's values as people type them
 *
 * Schemes store rates as fractions (0.41); the editor shows and reads
 * them in percent (41), every other unit as it is, each at the precision
 * the scorer compares at (kefu-precision.h), so what is typed is what
 * scores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "kefu-unit-input.h"

double
kefu_unit_get_display_scale (KefuUnit unit)
{
  return unit == KEFU_UNIT_FRACTION ? 100 : 1;
}

/**
 * kefu_unit_get_suffix:
 *
 * Returns: what follows a number of @unit, translated; "" for none
 */
const char *
kefu_unit_get_suffix (KefuUnit unit)
{
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return "%";
    /* Translators: the unit after a number of seconds */
    case KEFU_UNIT_SECONDS:  return C_("unit", "s");
    /* Translators: the unit after a number of hours */
    case KEFU_UNIT_HOURS:    return C_("unit", "h");
    /* Translators: the unit after an amount of money (yuan) */
    case KEFU_UNIT_YUAN:     return C_("unit", "¥");
    /* Translators: the unit after a number of days */
    case KEFU_UNIT_DAYS:     return C_("unit", "d");
    case KEFU_UNIT_COUNT:
    case KEFU_UNIT_RATIO:
    case KEFU_UNIT_SCORE:
    default:                 return "";
    }
}

/* "41.50" → "41.5", "100.00" → "100" */
static char *
trim (char *text)
{
  if (strchr (text, '.') != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return text;
}

static char *
format_decimals (double value,
                 guint  decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");
  return trim (g_strdup (buffer));
}

/**
 * kefu_unit_format_input:
 *
 * Returns: (transfer full): @value (stored units) as the editor shows it,
 *   without the unit: 0.41 → "41"
 */
char *
kefu_unit_format_input (KefuUnit unit,
                        double   value)
{
  guint decimals = kefu_unit_get_decimals (unit);

  return format_decimals (value * kefu_unit_get_display_scale (unit), decimals);
}

/**
 * kefu_format_points:
 *
 * Returns: (transfer full): points as the editor shows them: "90", "82.5"
 */
char *
kefu_format_points (double points)
{
  return format_decimals (points, 2);
}

/**
 * kefu_unit_parse_input:
 * @has_value: (out): %FALSE for an empty text or ∞: no bound
 * @value: (out): the value in stored units, at display precision
 *
 * Reads what was typed into a bound: "41", "41%", "41.5 %", "-inf", "".
 *
 * Returns: %FALSE when @text is not a number
 */
gboolean
kefu_unit_parse_input (KefuUnit    unit,
                       const char *text,
                       gboolean   *has_value,
                       double     *value)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  const char *suffix = kefu_unit_get_suffix (unit);
  char *end = NULL;
  char *stripped;
  double number;

  g_strdelimit (copy, ",", '.');
  stripped = g_strstrip (copy);
  if (*suffix != '\0' && g_str_has_suffix (stripped, suffix))
    stripped[strlen (stripped) - strlen (suffix)] = '\0';
  if (g_str_has_suffix (stripped, "%"))
    stripped[strlen (stripped) - 1] = '\0';
  g_strstrip (stripped);

  *has_value = FALSE;
  *value = 0;
  if (*stripped == '\0' || strstr (stripped, "∞") != NULL ||
      g_ascii_strcasecmp (stripped, "-inf") == 0 || g_ascii_strcasecmp (stripped, "+inf") == 0 ||
      g_ascii_strcasecmp (stripped, "inf") == 0)
    return TRUE;

  number = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (number))
    return FALSE;

  *has_value = TRUE;
  *value = kefu_unit_round (unit, number / kefu_unit_get_display_scale (unit));
  return TRUE;
}
