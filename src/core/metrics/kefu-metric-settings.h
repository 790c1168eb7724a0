/* kefu-metric-settings.h — the knobs of the metric definitions (METRICS.md §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEFU_METRIC_SETTINGS_ERROR (kefu_metric_settings_error_quark ())

typedef enum
{
  KEFU_METRIC_SETTINGS_ERROR_INVALID,
} KefuMetricSettingsError;

/* A plain struct: copy it, change a field, pass it. Times are seconds;
 * clock times are seconds after the shop's local midnight. */
typedef struct
{
  int         window_start;           /* evaluation window, inclusive: 08:00 */
  int         window_end;             /* exclusive: 23:00; up to 86400; equal to start: all day;
                                       * before start: the window crosses midnight */
  int         conversation_gap;       /* a buyer writing later than this after the previous
                                       * message starts a new conversation: 600 */
  int         response_30s;           /* response_rate_30s threshold: 30 */
  int         response_3min;          /* response_rate_3min threshold: 180 */
  int         response_5min;          /* response_rate_5min threshold: 300 */
  int         slow_response;          /* slow_responses: longer than this: 120 */
  int         effective_reply_limit;  /* effective_reply_rate: within this: 3600 */
  int         conversion_days;        /* attribution and conversion window, 1–15: 3 */
  const char *time_zone;              /* "Asia/Shanghai"; NULL: the shop's own zone */
} KefuMetricSettings;

GQuark      kefu_metric_settings_error_quark (void);
void        kefu_metric_settings_init        (KefuMetricSettings       *settings);
gboolean    kefu_metric_settings_validate    (const KefuMetricSettings *settings,
                                              GError                  **error);
GTimeZone  *kefu_metric_settings_get_zone    (const KefuMetricSettings *settings,
                                              const char               *shop_zone,
                                              GError                  **error);
gboolean    kefu_metric_settings_in_window   (const KefuMetricSettings *settings,
                                              int                       seconds_of_day);

G_END_DECLS
