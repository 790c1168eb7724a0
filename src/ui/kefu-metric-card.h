/* kefu-metric-card.h — one headline figure of the overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_METRIC_CARD (kefu_metric_card_get_type ())
G_DECLARE_FINAL_TYPE (KefuMetricCard, kefu_metric_card, KEFU, METRIC_CARD, GtkWidget)

GtkWidget  *kefu_metric_card_new       (const char            *key);
const char *kefu_metric_card_get_key   (KefuMetricCard        *self);
void        kefu_metric_card_set_value (KefuMetricCard        *self,
                                        const KefuMetricValue *value,
                                        const KefuMetricValue *previous);
const char *kefu_metric_card_get_text  (KefuMetricCard        *self);
const char *kefu_metric_card_get_change (KefuMetricCard       *self);

G_END_DECLS
