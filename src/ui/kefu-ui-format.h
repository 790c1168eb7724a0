/* kefu-ui-format.h — figures as the views show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

/* How a value moved against another, for ↑/↓ and their colour. */
typedef enum
{
  KEFU_TREND_NONE,     /* nothing to compare */
  KEFU_TREND_SAME,
  KEFU_TREND_BETTER,
  KEFU_TREND_WORSE,
  KEFU_TREND_NEUTRAL,  /* moved, but the metric is neither better high nor low */
} KefuTrend;

gboolean    kefu_ui_value_is_present   (const KefuMetricValue *value);
char       *kefu_ui_format_value       (const KefuMetricInfo  *info,
                                        const KefuMetricValue *value);
char       *kefu_ui_format_number      (const KefuMetricInfo  *info,
                                        double                 number);
char       *kefu_ui_describe_value     (const KefuMetricInfo  *info,
                                        const KefuMetricValue *value);
char       *kefu_ui_format_change      (const KefuMetricInfo  *info,
                                        const KefuMetricValue *value,
                                        const KefuMetricValue *before,
                                        KefuTrend             *trend);
const char *kefu_ui_trend_css_class    (KefuTrend              trend);
char       *kefu_ui_format_points      (double                 points);
char       *kefu_ui_format_day         (const GDate           *day);
char       *kefu_ui_format_files       (KefuStore             *store,
                                        const KefuMetricValue *value);

G_END_DECLS
