/* kefu-metric-choice.h — the names of the catalogue's categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

const char *kefu_metric_category_get_label (const char *category);

G_END_DECLS
