/* kefu-metric-chooser.h — a button that picks a metric of the catalogue, searched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_METRIC_CHOOSER (kefu_metric_chooser_get_type ())
G_DECLARE_FINAL_TYPE (KefuMetricChooser, kefu_metric_chooser, KEFU, METRIC_CHOOSER, GtkWidget)

GtkWidget  *kefu_metric_chooser_new         (void);
const char *kefu_metric_chooser_get_key     (KefuMetricChooser *self);
void        kefu_metric_chooser_set_key     (KefuMetricChooser *self,
                                             const char        *key);
void        kefu_metric_chooser_set_search  (KefuMetricChooser *self,
                                             const char        *text);
GListModel *kefu_metric_chooser_get_results (KefuMetricChooser *self);
void        kefu_metric_chooser_choose      (KefuMetricChooser *self,
                                             guint              position);

G_END_DECLS
