/* kefu-chart-scale.c — an axis: nice ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "charts/kefu-chart-scale.h"
#include "scoring/kefu-precision.h"

/* Steps a clock reader counts in, seconds; below them 1-2-5. */
static const double time_steps[] = {
  15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
};

/**
 * kefu_chart_nice_step:
 * @raw: the step a range would need, > 0
 *
 * Returns: the smallest 1, 2 or 5 × 10ⁿ not below @raw
 */
double
kefu_chart_nice_step (double raw)
{
  double magnitude, fraction;

  if (!(raw > 0) || !isfinite (raw))
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  /* Float noise must not turn 0.2 into 0.5. */
  if (fraction <= 1 + 1e-9)
    return magnitude;
  if (fraction <= 2 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

static double
time_step (double raw)
{
  if (raw <= 10)
    return kefu_chart_nice_step (raw);
  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    if (raw <= time_steps[i] + 1e-9)
      return time_steps[i];
  return 86400 * kefu_chart_nice_step (raw / 86400);
}

/**
 * kefu_chart_scale_init:
 * @lo: the smallest value to show (NAN: none)
 * @hi: the largest value to show (NAN: none)
 * @max_ticks: at most this many ticks, ≥ 2
 * @include_zero: start (or end) the axis at 0
 *
 * Chooses ticks for values in [@lo, @hi]. Without values the axis is
 * 0..1 of the unit; a single value gets room around it. Rates never go
 * below 0 %, and stop at 100 % when the values do.
 */
void
kefu_chart_scale_init (KefuChartScale *self,
                       KefuUnit        unit,
                       double          lo,
                       double          hi,
                       guint           max_ticks,
                       gboolean        include_zero)
{
  double range, step;
  gboolean nonnegative;

  g_return_if_fail (self != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  nonnegative = lo >= 0 && hi >= 0;
  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (include_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  if (hi - lo <= fabs (hi) * 1e-12)
    {
      /* One value: a unit around it, or 0..1 for nothing at all. */
      double pad = hi == 0 ? 1 : fabs (hi) * 0.1;

      if (unit == KEFU_UNIT_FRACTION && hi == 0)
        pad = 0.1;
      hi += pad;
      if (!include_zero || lo < 0)
        lo -= pad;
    }

  range = hi - lo;
  if (unit == KEFU_UNIT_SECONDS)
    step = time_step (range / (max_ticks - 1));
  else
    step = kefu_chart_nice_step (range / (max_ticks - 1));

  /* Widen the step until the rounded ends fit the tick budget. */
  for (;;)
    {
      double min = floor (lo / step + 1e-9) * step;
      double max = ceil (hi / step - 1e-9) * step;
      guint n = (guint) llround ((max - min) / step) + 1;

      if (n <= max_ticks)
        {
          self->min = min;
          self->max = max;
          self->n_ticks = n;
          break;
        }
      step = unit == KEFU_UNIT_SECONDS ? time_step (step * 1.01) : kefu_chart_nice_step (step * 1.01);
    }

  if (unit == KEFU_UNIT_FRACTION && self->min < 0 && nonnegative)
    {
      self->n_ticks -= (guint) llround (-self->min / step);
      self->min = 0;
    }

  self->unit = unit;
  self->step = step;
  self->ten_thousands = unit == KEFU_UNIT_YUAN && MAX (fabs (self->min), fabs (self->max)) >= 10000;
}

double
kefu_chart_scale_tick (const KefuChartScale *self,
                       guint                 i)
{
  g_return_val_if_fail (self != NULL, NAN);

  /* Multiply, never add up steps: 0.1 × 3 stays 0.3 once rounded. */
  return self->min + i * self->step;
}

/**
 * kefu_chart_scale_normalise:
 *
 * Returns: @value as 0 (the axis' min) … 1 (its max); NAN stays NAN
 */
double
kefu_chart_scale_normalise (const KefuChartScale *self,
                            double                value)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->max <= self->min)
    return 0;
  return (value - self->min) / (self->max - self->min);
}

/* Decimals a tick needs to tell its neighbours apart. */
static int
decimals_for (double step)
{
  int d = 0;

  while (d < 6 && fabs (step * pow (10, d) - nearbyint (step * pow (10, d))) > 1e-6)
    d++;
  return d;
}

static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) text = NULL;
  const char *digits;
  const char *dot;
  gsize int_len;

  /* −0 reads as 0. */
  if (fabs (value) < pow (10, -decimals) / 2)
    value = 0;
  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" :
                   decimals == 2 ? "%.2f" : decimals == 3 ? "%.3f" : "%.6g", value);

  /* Thousands grouped: 12,000. */
  text = g_string_new (NULL);
  digits = buffer[0] == '-' ? buffer + 1 : buffer;
  dot = strchr (digits, '.');
  int_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  if (buffer[0] == '-')
    g_string_append (text, "−");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append (text, digits + int_len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_seconds (double value,
                double step)
{
  g_autofree char *number = NULL;

  if (value == 0)
    return g_strdup ("0");
  if (step >= 3600 - 1e-9)
    {
      number = format_number (value / 3600, decimals_for (step / 3600));
      /* Translators: an axis label in hours, e.g. "2 h" */
      return g_strdup_printf (_("%s h"), number);
    }
  if (step >= 60 - 1e-9)
    {
      number = format_number (value / 60, decimals_for (step / 60));
      /* Translators: an axis label in minutes, e.g. "5 min" */
      return g_strdup_printf (_("%s min"), number);
    }
  number = format_number (value, decimals_for (step));
  /* Translators: an axis label in seconds, e.g. "30 s" */
  return g_strdup_printf (_("%s s"), number);
}

/**
 * kefu_chart_scale_label:
 *
 * Returns: (transfer full): a tick's label, as short as the axis allows:
 *   40%, 2 min, ¥1,200, ¥12万, 4.5
 */
char *
kefu_chart_scale_label (const KefuChartScale *self,
                        double                value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->unit)
    {
    case KEFU_UNIT_FRACTION:
      number = format_number (value * 100, decimals_for (self->step * 100));
      return g_strdup_printf ("%s%%", number);
    case KEFU_UNIT_SECONDS:
      return format_seconds (value, self->step);
    case KEFU_UNIT_YUAN:
      if (self->ten_thousands)
        {
          number = format_number (value / 10000, decimals_for (self->step / 10000));
          /* Translators: money in ten thousands of yuan, e.g. "¥12万" */
          return g_strdup_printf (_("¥%s万"), number);
        }
      number = format_number (value, decimals_for (self->step));
      return g_strdup_printf ("¥%s", number);
    case KEFU_UNIT_HOURS:
      number = format_number (value, decimals_for (self->step));
      return g_strdup_printf (_("%s h"), number);
    case KEFU_UNIT_DAYS:
      number = format_number (value, decimals_for (self->step));
      /* Translators: an axis label in days, e.g. "20 d" */
      return g_strdup_printf (_("%s d"), number);
    case KEFU_UNIT_COUNT:
    case KEFU_UNIT_RATIO:
    case KEFU_UNIT_SCORE:
    default:
      return format_number (value, decimals_for (self->step));
    }
}

/**
 * kefu_chart_format_value:
 *
 * Returns: (transfer full): a value exactly as the rest of Kefu shows it
 *   (32.00%, 13.0 s, ¥78.23), for tooltips; "—" when missing
 */
char *
kefu_chart_format_value (KefuUnit unit,
                         double   value)
{
  return kefu_unit_format (unit, value);
}

/**
 * kefu_chart_format_day:
 *
 * Returns: (transfer full): a day as an axis shows it: 10/1
 */
char *
kefu_chart_format_day (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  /* Translators: a day on a chart's axis, month then day of month;
   * Chinese writes "%1$d月%2$d日" */
  return g_strdup_printf (_("%1$d/%2$d"), (int) g_date_get_month (day), (int) g_date_get_day (day));
}

/**
 * kefu_chart_day_step:
 *
 * Returns: label every this many days (1, 2, 3, 5, 7 or a multiple of
 *   7) so that at most @max_labels of @n_days are labelled
 */
guint
kefu_chart_day_step (guint n_days,
                     guint max_labels)
{
  static const guint steps[] = { 1, 2, 3, 5, 7 };
  guint step;

  max_labels = MAX (max_labels, 1);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((n_days + steps[i] - 1) / steps[i] <= max_labels)
      return steps[i];
  step = 7 * ((n_days + 7 * max_labels - 1) / (7 * max_labels));
  return step;
}
