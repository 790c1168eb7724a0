/* kefu-metric-settings.c — the knobs of the metric definitions (METRICS.md §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric-settings.h"

#define DEFAULT_ZONE "Asia/Shanghai"

G_DEFINE_QUARK (kefu-metric-settings-error-quark, kefu_metric_settings_error)

/**
 * kefu_metric_settings_init:
 *
 * Fills @settings with the defaults of METRICS.md: window 08:00–23:00,
 * 10-minute conversation gap, 30 s / 3 min / 5 min response thresholds,
 * slow beyond 120 s, effective reply within 60 min, 3-day conversion
 * window, Asia/Shanghai.
 */
void
kefu_metric_settings_init (KefuMetricSettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = (KefuMetricSettings) {
    .window_start = 8 * 3600,
    .window_end = 23 * 3600,
    .conversation_gap = 600,
    .response_30s = 30,
    .response_3min = 180,
    .response_5min = 300,
    .slow_response = 120,
    .effective_reply_limit = 3600,
    .conversion_days = 3,
    .time_zone = DEFAULT_ZONE,
  };
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, KEFU_METRIC_SETTINGS_ERROR,
                       KEFU_METRIC_SETTINGS_ERROR_INVALID, message);
  return FALSE;
}

gboolean
kefu_metric_settings_validate (const KefuMetricSettings  *settings,
                               GError                   **error)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->window_start < 0 || settings->window_start >= 86400 ||
      settings->window_end < 0 || settings->window_end > 86400)
    return invalid (error, _("The evaluation window must lie within the day (00:00–24:00)."));
  if (settings->conversation_gap <= 0)
    return invalid (error, _("The conversation gap must be longer than zero seconds."));
  if (settings->response_30s <= 0 || settings->response_3min <= 0 ||
      settings->response_5min <= 0 || settings->slow_response <= 0 ||
      settings->effective_reply_limit <= 0)
    return invalid (error, _("Response thresholds must be longer than zero seconds."));
  if (settings->conversion_days < 1 || settings->conversion_days > 15)
    return invalid (error, _("The conversion window is 1 to 15 days."));

  zone = kefu_metric_settings_get_zone (settings, NULL, error);
  return zone != NULL;
}

/**
 * kefu_metric_settings_get_zone:
 * @shop_zone: (nullable): the shop's own zone, used when the settings name none
 *
 * China's zone falls back to its fixed offset (+08:00, no daylight saving
 * since 1991) where the system has no time zone database.
 *
 * Returns: (transfer full): the zone, or %NULL with @error set
 */
GTimeZone *
kefu_metric_settings_get_zone (const KefuMetricSettings  *settings,
                               const char                *shop_zone,
                               GError                   **error)
{
  const char *name = settings->time_zone ? settings->time_zone : shop_zone;
  GTimeZone *zone;

  if (name == NULL)
    name = DEFAULT_ZONE;

  zone = g_time_zone_new_identifier (name);
  if (zone == NULL && g_str_equal (name, DEFAULT_ZONE))
    zone = g_time_zone_new_offset (8 * 3600);
  if (zone == NULL)
    g_set_error (error, KEFU_METRIC_SETTINGS_ERROR, KEFU_METRIC_SETTINGS_ERROR_INVALID,
                 _("“%s” is not a time zone; expected a name such as Asia/Shanghai "
                   "or an offset such as +08:00."), name);
  return zone;
}

/* Whether a clock time (seconds after local midnight) is in the window. */
gboolean
kefu_metric_settings_in_window (const KefuMetricSettings *settings,
                                int                       seconds_of_day)
{
  int start = settings->window_start;
  int end = settings->window_end;

  if (start == end)
    return TRUE;
  if (start < end)
    return seconds_of_day >= start && seconds_of_day < end;
  return seconds_of_day >= start || seconds_of_day < end;
}
