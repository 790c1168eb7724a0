/* kefu-platform-thresholds.c — the lines a platform holds a shop to
 *
 * The fixed thresholds of METRICS.md §4; rules relative to the industry
 * (Pinduoduo's) have no fixed line to draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "charts/kefu-platform-thresholds.h"

static const struct {
  const char *platform;
  const char *key;
  double      value;
} thresholds[] = {
  { "douyin", "response_rate_3min", 0.9 },
  { "douyin", "avg_response_time", 120 },
  { "douyin", "pickup_rate", 0.8 },
  { "douyin", "avg_wait_time", 600 },
  { "jd", "response_rate_30s", 0.8 },
  { "jd", "satisfaction_rate", 0.8 },
  { "jd", "avg_response_time", 40 },
};

/**
 * kefu_platform_threshold:
 *
 * Returns: the value @platform asks of @key, or NAN when it asks none
 */
double
kefu_platform_threshold (const char *platform,
                         const char *key)
{
  for (guint i = 0; platform != NULL && key != NULL && i < G_N_ELEMENTS (thresholds); i++)
    if (g_str_equal (thresholds[i].platform, platform) && g_str_equal (thresholds[i].key, key))
      return thresholds[i].value;
  return NAN;
}
