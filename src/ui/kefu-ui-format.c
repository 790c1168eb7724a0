/* kefu-ui-format.c — figures as the views show them
 *
 * Every view formats values through here, at the precision scoring
 * uses (kefu-precision.h), so a table, a card and the workbook agree.
 * Estimated values carry “≈”; missing ones are “—” with the reason
 * given by kefu_ui_describe_value() for a tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "kefu-ui-format.h"

/* A number with @decimals places and a full stop, whatever the locale,
 * as kefu-precision.h writes every value. */
static char *
format_fixed (double value,
              guint  decimals)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

gboolean
kefu_ui_value_is_present (const KefuMetricValue *value)
{
  return value != NULL && value->missing == KEFU_METRIC_MISSING_NONE && isfinite (value->value);
}

/**
 * kefu_ui_format_number:
 *
 * Returns: (transfer full): @number in @info's unit: 32.00%, 13.0 s, ¥78.23
 */
char *
kefu_ui_format_number (const KefuMetricInfo *info,
                       double                number)
{
  return kefu_unit_format (info->unit, number);
}

/**
 * kefu_ui_format_value:
 *
 * Returns: (transfer full): the value, “≈32.00%” when estimated, “—”
 *   when missing
 */
char *
kefu_ui_format_value (const KefuMetricInfo  *info,
                      const KefuMetricValue *value)
{
  g_autofree char *number = NULL;

  if (!kefu_ui_value_is_present (value))
    return g_strdup ("—");

  number = kefu_unit_format (info->unit, value->value);
  if (value->estimated)
    return g_strconcat ("≈", number, NULL);
  return g_steal_pointer (&number);
}

/**
 * kefu_ui_describe_value:
 *
 * Returns: (transfer full) (nullable): what a tooltip should say of the
 *   value: why it is missing, how it was computed, that it is estimated
 */
char *
kefu_ui_describe_value (const KefuMetricInfo  *info,
                        const KefuMetricValue *value)
{
  g_autoptr(GString) text = g_string_new (kefu_metric_get_label (info));

  if (value == NULL)
    return NULL;

  if (!kefu_ui_value_is_present (value))
    {
      const char *reason = kefu_metric_missing_describe (value->missing);

      /* Translators: a metric, then why it has no value */
      g_string_printf (text, _("%s: no value, %s"), kefu_metric_get_label (info),
                       reason ? reason : _("no imported data for this period"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (info->aggregate == KEFU_AGGREGATE_RATIO && isfinite (value->numerator) &&
      isfinite (value->denominator) && value->denominator != 1)
    {
      g_autofree char *numerator = format_fixed (value->numerator, 2);
      g_autofree char *denominator = format_fixed (value->denominator, 2);

      /* Strip “.00”: 88 ÷ 275 reads better than 88.00 ÷ 275.00. */
      if (g_str_has_suffix (numerator, ".00"))
        numerator[strlen (numerator) - 3] = '\0';
      if (g_str_has_suffix (denominator, ".00"))
        denominator[strlen (denominator) - 3] = '\0';
      g_string_append_printf (text, "\n%s ÷ %s", numerator, denominator);
    }
  if (value->estimated)
    g_string_append_printf (text, "\n%s",
                            _("≈ Estimated: the export gave only a rate or an average, so the "
                              "total was rebuilt from another column of the same row."));
  if (value->from_events)
    g_string_append_printf (text, "\n%s", _("Computed from the imported logs."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static KefuTrend
trend_of (const KefuMetricInfo *info,
          gint64                difference)
{
  if (difference == 0)
    return KEFU_TREND_SAME;
  switch (info->better)
    {
    case KEFU_BETTER_HIGHER: return difference > 0 ? KEFU_TREND_BETTER : KEFU_TREND_WORSE;
    case KEFU_BETTER_LOWER:  return difference < 0 ? KEFU_TREND_BETTER : KEFU_TREND_WORSE;
    case KEFU_BETTER_NEITHER:
    default:                 return KEFU_TREND_NEUTRAL;
    }
}

/**
 * kefu_ui_format_change:
 * @before: (nullable): the value to compare with
 * @trend: (out): whether that is better or worse
 *
 * Rates move in percentage points (↑ 2.30 pp), everything else by its
 * share of @before (↓ 12.5%), compared at display precision.
 *
 * Returns: (transfer full) (nullable): the change, or %NULL when either
 *   value is missing
 */
char *
kefu_ui_format_change (const KefuMetricInfo  *info,
                       const KefuMetricValue *value,
                       const KefuMetricValue *before,
                       KefuTrend             *trend)
{
  gint64 now_steps, before_steps;
  const char *arrow;

  *trend = KEFU_TREND_NONE;
  if (!kefu_ui_value_is_present (value) || !kefu_ui_value_is_present (before))
    return NULL;

  now_steps = kefu_unit_to_steps (info->unit, value->value);
  before_steps = kefu_unit_to_steps (info->unit, before->value);
  *trend = trend_of (info, now_steps - before_steps);
  if (now_steps == before_steps)
    return g_strdup ("=");

  arrow = now_steps > before_steps ? "↑" : "↓";
  if (info->unit == KEFU_UNIT_FRACTION)
    {
      g_autofree char *points = format_fixed (fabs ((double) (now_steps - before_steps)) / 100, 2);

      /* Translators: a change of a rate in percentage points, e.g. "↑ 2.30 pp" */
      return g_strdup_printf (_("%s %s pp"), arrow, points);
    }

  if (before_steps == 0)
    return g_strdup (arrow);
  {
    g_autofree char *share = format_fixed (fabs ((double) (now_steps - before_steps))
                                           / fabs ((double) before_steps) * 100, 1);

    return g_strdup_printf ("%s %s%%", arrow, share);
  }
}

/**
 * kefu_ui_trend_css_class:
 *
 * Returns: (nullable): libadwaita's style class for the trend's colour
 */
const char *
kefu_ui_trend_css_class (KefuTrend trend)
{
  switch (trend)
    {
    case KEFU_TREND_BETTER: return "success";
    case KEFU_TREND_WORSE:  return "error";
    case KEFU_TREND_SAME:
    case KEFU_TREND_NEUTRAL:
    case KEFU_TREND_NONE:
    default:                return "dim-label";
    }
}

char *
kefu_ui_format_points (double points)
{
  if (!isfinite (points))
    return g_strdup ("—");
  return format_fixed (points, 2);
}

/**
 * kefu_ui_format_day:
 *
 * Returns: (transfer full): a day in the user's language: “Oct 3”
 */
char *
kefu_ui_format_day (const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  /* Translators: a day in a list, strftime format */
  return g_date_time_format (time, C_("short day", "%b %-d"));
}

/**
 * kefu_ui_format_files:
 *
 * Returns: (transfer full) (nullable): the names of the files the value
 *   came from, one a line
 */
char *
kefu_ui_format_files (KefuStore             *store,
                      const KefuMetricValue *value)
{
  g_autoptr(GString) files = NULL;

  if (value == NULL || value->batches == NULL || value->batches->len == 0)
    return NULL;

  files = g_string_new (NULL);
  for (guint i = 0; i < value->batches->len; i++)
    {
      g_autofree char *name = kefu_store_get_batch_file_name (store, g_array_index (value->batches, gint64, i));

      if (name == NULL)
        continue;
      if (files->len > 0)
        g_string_append_c (files, '\n');
      g_string_append (files, name);
    }
  if (files->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&files), FALSE);
}
