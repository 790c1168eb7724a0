/* kefu-threshold.c — the platforms' thresholds for service figures (METRICS.md §4)
 *
 * The rules a platform judges a shop's service by, so that the overview
 * can warn before the platform does. Pinduoduo's 5-minute rule compares
 * with the industry level and its effective reply rule only counts from
 * 100 consulting buyers: neither is a fixed bound, so neither is here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric.h"
#include "metrics/kefu-threshold.h"
#include "scoring/kefu-precision.h"

static const KefuThreshold thresholds[] = {
  { "douyin", "response_rate_3min",  KEFU_THRESHOLD_AT_LEAST, 0.90, N_("Douyin asks for a 3-minute reply rate of at least 90%.") },
  { "douyin", "avg_response_time",   KEFU_THRESHOLD_AT_MOST,  120,  N_("Douyin asks for an average response of at most 120 s.") },
  { "douyin", "pickup_rate",         KEFU_THRESHOLD_AT_LEAST, 0.80, N_("Douyin asks for a pick-up rate of at least 80%.") },
  { "douyin", "avg_wait_time",       KEFU_THRESHOLD_BELOW,    600,  N_("Douyin asks for an average queue time under 10 minutes.") },
  { "pdd",    "response_rate_3min",  KEFU_THRESHOLD_AT_LEAST, 0.50, N_("Below 50%, Pinduoduo blocks the shop from signing up for events.") },
  { "jd",     "response_rate_30s",   KEFU_THRESHOLD_AT_LEAST, 0.80, N_("JD asks for a 30-second response rate of at least 80%.") },
  { "jd",     "satisfaction_rate",   KEFU_THRESHOLD_AT_LEAST, 0.80, N_("JD asks for a satisfaction rate of at least 80%.") },
  { "jd",     "avg_response_time",   KEFU_THRESHOLD_BELOW,    40,   N_("JD asks for an average response under 40 s.") },
};

/**
 * kefu_threshold_list:
 * @platform: a platform id
 * @n_thresholds: (out): how many
 *
 * Returns: (array length=n_thresholds): the platform's thresholds, or
 *   %NULL when it has none
 */
const KefuThreshold *
kefu_threshold_list (const char *platform,
                     guint      *n_thresholds)
{
  const KefuThreshold *first = NULL;
  guint n = 0;

  g_return_val_if_fail (n_thresholds != NULL, NULL);

  for (guint i = 0; platform != NULL && i < G_N_ELEMENTS (thresholds); i++)
    if (g_str_equal (thresholds[i].platform, platform))
      {
        if (first == NULL)
          first = &thresholds[i];
        n++;
      }
  *n_thresholds = n;
  return first;
}

/**
 * kefu_threshold_is_met:
 *
 * Compares at display precision, as scoring does: 89.996 % shows as
 * 90.00 % and meets “at least 90 %”.
 *
 * Returns: whether @value keeps the rule; a missing value (NAN) does
 */
gboolean
kefu_threshold_is_met (const KefuThreshold *threshold,
                       double               value)
{
  const KefuMetricInfo *info;
  gint64 steps, bound;

  g_return_val_if_fail (threshold != NULL, TRUE);

  if (!isfinite (value))
    return TRUE;

  info = kefu_metric_lookup (threshold->key);
  steps = kefu_unit_to_steps (info->unit, value);
  bound = kefu_unit_to_steps (info->unit, threshold->bound);
  switch (threshold->kind)
    {
    case KEFU_THRESHOLD_AT_LEAST: return steps >= bound;
    case KEFU_THRESHOLD_AT_MOST:  return steps <= bound;
    case KEFU_THRESHOLD_BELOW:    return steps < bound;
    default:                      g_return_val_if_reached (TRUE);
    }
}

const char *
kefu_threshold_get_consequence (const KefuThreshold *threshold)
{
  g_return_val_if_fail (threshold != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, threshold->consequence);
}

/**
 * kefu_threshold_describe:
 *
 * Returns: (transfer full): the rule as a short text: “≥ 90%”, “< 40 s”
 */
char *
kefu_threshold_describe (const KefuThreshold *threshold)
{
  const KefuMetricInfo *info;
  g_autofree char *bound = NULL;
  const char *sign;

  g_return_val_if_fail (threshold != NULL, NULL);

  info = kefu_metric_lookup (threshold->key);
  bound = kefu_unit_format_bound (info->unit, threshold->bound);
  switch (threshold->kind)
    {
    case KEFU_THRESHOLD_AT_LEAST: sign = "≥"; break;
    case KEFU_THRESHOLD_AT_MOST:  sign = "≤"; break;
    case KEFU_THRESHOLD_BELOW:    default: sign = "<"; break;
    }
  return g_strdup_printf ("%s %s", sign, bound);
}
