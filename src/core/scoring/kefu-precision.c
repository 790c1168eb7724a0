/* kefu-precision.c — values at the precision the user sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include <string.h>

#include "kefu-format.h"
#include "scoring/kefu-precision.h"
#include "scoring/kefu-scoring-private.h"

/* Beyond this many steps a value is no longer a KPI; clamped, so that
 * the integer arithmetic below never overflows. */
#define MAX_STEPS 1e15

/**
 * kefu_unit_get_step:
 *
 * Returns: the smallest difference the user sees, in stored units
 *   (a fraction's step is 0.0001: 0.01 percentage point)
 */
double
kefu_unit_get_step (KefuUnit unit)
{
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return 0.0001;
    case KEFU_UNIT_SECONDS:  return 0.1;
    case KEFU_UNIT_HOURS:    return 0.1;
    case KEFU_UNIT_YUAN:     return 0.01;
    case KEFU_UNIT_COUNT:    return 1;
    case KEFU_UNIT_RATIO:    return 0.001;
    case KEFU_UNIT_DAYS:     return 1;
    case KEFU_UNIT_SCORE:    return 0.01;
    default:                 g_return_val_if_reached (0.0001);
    }
}

/**
 * kefu_unit_get_decimals:
 *
 * Returns: the decimals shown, in display units (a fraction shows 2
 *   decimals of a percentage: 41.00%)
 */
guint
kefu_unit_get_decimals (KefuUnit unit)
{
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return 2;
    case KEFU_UNIT_SECONDS:  return 1;
    case KEFU_UNIT_HOURS:    return 1;
    case KEFU_UNIT_YUAN:     return 2;
    case KEFU_UNIT_COUNT:    return 0;
    case KEFU_UNIT_RATIO:    return 3;
    case KEFU_UNIT_DAYS:     return 0;
    case KEFU_UNIT_SCORE:    return 2;
    default:                 g_return_val_if_reached (2);
    }
}

/**
 * kefu_unit_to_steps:
 * @value: a finite value in stored units (0.41 for 41 %)
 *
 * Rounds @value to display precision, halves away from zero, as a whole
 * number of steps: 0.4099999 and 0.41000000001 are both 4100 (41.00 %).
 * A relative tolerance of 1e-12 absorbs the noise of binary fractions, so
 * that 0.40995 (which a double holds as 0.409949999…) rounds up like the
 * decimal it stands for.
 */
gint64
kefu_unit_to_steps (KefuUnit unit,
                    double   value)
{
  double q;

  g_return_val_if_fail (isfinite (value), 0);

  q = fabs (value) / kefu_unit_get_step (unit);
  q = floor (q + 0.5 + MAX (1e-9, q * 1e-12));
  q = MIN (q, MAX_STEPS);

  return value < 0 ? -(gint64) q : (gint64) q;
}

/**
 * kefu_unit_round:
 *
 * Returns: @value as the user sees it, in stored units; NAN stays NAN
 */
double
kefu_unit_round (KefuUnit unit,
                 double   value)
{
  guint decimals;
  double scale;

  if (!isfinite (value))
    return value;

  /* steps ÷ 10^d (not steps × step): 4100 ÷ 10000 is the double nearest
   * 0.41, as the JSON file's 0.41 is. */
  decimals = kefu_unit_get_decimals (unit) + (unit == KEFU_UNIT_FRACTION ? 2 : 0);
  scale = pow (10, decimals);
  return (double) kefu_unit_to_steps (unit, value) / scale;
}

/**
 * kefu_unit_format_steps:
 * @trim: drop trailing zeros of the decimals (for bounds: 41%, not 41.00%)
 *
 * Returns: (transfer full): a number of display steps as the user reads it
 *   and as a scheme writes it, whatever the locale (bracket bounds are read
 *   back): 32.00%, 13.0 s, 2.5 h, ¥78.23, 1.180, 6
 */
char *
kefu_unit_format_steps (KefuUnit unit,
                        gint64   steps,
                        gboolean trim)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint decimals = kefu_unit_get_decimals (unit);
  guint64 magnitude = steps < 0 ? -(guint64) steps : (guint64) steps;
  guint64 scale = 1;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;

  if (steps < 0)
    g_string_append_c (number, '-');
  g_string_append_printf (number, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (decimals > 0)
    {
      g_string_append_printf (number, ".%0*" G_GUINT64_FORMAT,
                              (int) decimals, magnitude % scale);
      if (trim)
        {
          while (number->str[number->len - 1] == '0')
            g_string_truncate (number, number->len - 1);
          if (number->str[number->len - 1] == '.')
            g_string_truncate (number, number->len - 1);
        }
    }

  switch (unit)
    {
    case KEFU_UNIT_FRACTION:
      g_string_append_c (number, '%');
      return g_string_free (g_steal_pointer (&number), FALSE);
    case KEFU_UNIT_SECONDS:
      /* Translators: a duration in seconds, e.g. "13.0 s" */
      return g_strdup_printf (_("%s s"), number->str);
    case KEFU_UNIT_HOURS:
      /* Translators: a duration in hours, e.g. "2.5 h" */
      return g_strdup_printf (_("%s h"), number->str);
    case KEFU_UNIT_YUAN:
      if (number->str[0] == '-')
        return g_strdup_printf ("-¥%s", number->str + 1);
      return g_strdup_printf ("¥%s", number->str);
    case KEFU_UNIT_COUNT:
    case KEFU_UNIT_RATIO:
    case KEFU_UNIT_DAYS:
    case KEFU_UNIT_SCORE:
    default:
      return g_string_free (g_steal_pointer (&number), FALSE);
    }
}

/**
 * kefu_unit_format:
 *
 * Returns: (transfer full): @value at display precision, with all its
 *   decimals, as people read it in their locale (kefu-format.h): 32.00%,
 *   13.0 s, ¥1,234.50 — or "—" when it is not a number
 */
char *
kefu_unit_format (KefuUnit unit,
                  double   value)
{
  guint decimals = kefu_unit_get_decimals (unit);

  if (!isfinite (value))
    return g_strdup ("—");

  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return kefu_format_percent (value, decimals);
    case KEFU_UNIT_SECONDS:  return kefu_format_seconds (value, decimals);
    case KEFU_UNIT_HOURS:    return kefu_format_hours (value, decimals);
    case KEFU_UNIT_YUAN:     return kefu_format_money (value);
    case KEFU_UNIT_COUNT:
    case KEFU_UNIT_RATIO:
    case KEFU_UNIT_DAYS:
    case KEFU_UNIT_SCORE:
    default:                 return kefu_format_number (value, decimals);
    }
}

/**
 * kefu_unit_format_bound:
 *
 * Returns: (transfer full): a bracket bound as the user reads it: 41%,
 *   10 s, 1.23. A bound finer than display precision keeps its digits.
 */
char *
kefu_unit_format_bound (KefuUnit unit,
                        double   value)
{
  double step = kefu_unit_get_step (unit);
  double q = value / step;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double shown;

  if (!isfinite (value))
    return g_strdup (value < 0 ? "−∞" : "+∞");

  if (fabs (q - nearbyint (q)) <= MAX (1e-9, fabs (q) * 1e-12) || fabs (q) >= MAX_STEPS)
    return kefu_unit_format_steps (unit, kefu_unit_to_steps (unit, value), TRUE);

  shown = unit == KEFU_UNIT_FRACTION ? value * 100 : value;
  g_ascii_formatd (buffer, sizeof buffer, "%.10g", shown);
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return g_strdup_printf ("%s%%", buffer);
    case KEFU_UNIT_SECONDS:  return g_strdup_printf (_("%s s"), buffer);
    case KEFU_UNIT_HOURS:    return g_strdup_printf (_("%s h"), buffer);
    case KEFU_UNIT_YUAN:     return g_strdup_printf ("¥%s", buffer);
    default:                 return g_strdup (buffer);
    }
}

/**
 * kefu_json_text_is_valid:
 *
 * json-glib 1.6 reads a backslash and digits in a string as an octal
 * escape, which JSON has not, so valid UTF-8 can parse into a byte such
 * as 0xFF: every member name and string of a document loaded from a
 * file must be checked before it is shown or saved.
 *
 * Returns: whether every text in @node is valid UTF-8
 */
gboolean
kefu_json_text_is_valid (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !kefu_json_text_is_valid (member))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!kefu_json_text_is_valid (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING ||
             g_utf8_validate (json_node_get_string (node), -1, NULL);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * kefu_json_to_data:
 *
 * Returns: (transfer full): @node as JSON text, every number in the
 *   shortest form that reads back the same
 */
char *
kefu_json_to_data (JsonNode *node,
                   gboolean  pretty)
{
  g_autofree char *text = json_to_string (node, pretty);
  g_autoptr(GString) out = g_string_sized_new (strlen (text));
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; )
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_len (out, p, 2);
              p += 2;
              continue;
            }
          if (*p == '"')
            in_string = FALSE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          char *end = NULL;
          double value = g_ascii_strtod (p, &end);
          g_autofree char *number = NULL;

          if (end == p)
            {
              g_string_append_c (out, *p++);
              continue;
            }
          number = _kefu_format_number (value);
          g_string_append (out, number);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
