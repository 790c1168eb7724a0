/* kefu-metric-choice.c — the names of the catalogue's categories
 *
 * The catalogue's categories by name, as the editor shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-metric-choice.h"

/**
 * kefu_metric_category_get_label:
 *
 * Returns: the translated name of a category of the catalogue
 */
const char *
kefu_metric_category_get_label (const char *category)
{
  static const struct { const char *id; const char *label; } categories[] = {
    { "presales",     N_("Pre-sales") },
    { "volume",       N_("Workload") },
    { "sales",        N_("Sales") },
    { "aftersales",   N_("After-sales") },
    { "satisfaction", N_("Satisfaction") },
    { "funnel",       N_("Funnel") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].id, category) == 0)
      return _(categories[i].label);
  return category != NULL ? category : "";
}
