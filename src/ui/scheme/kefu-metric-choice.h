/* kefu-metric-choice.h — the metric catalogue as a list to pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

const char    *kefu_metric_category_get_label (const char *category);
GtkStringList *kefu_metric_choice_new_model   (void);
guint          kefu_metric_choice_find        (const char *key);
const char    *kefu_metric_choice_get_key     (guint       position);

G_END_DECLS
