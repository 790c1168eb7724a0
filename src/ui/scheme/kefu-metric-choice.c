/* kefu-metric-choice.c — the metric catalogue as a list to pick from
 *
 * One string per metric of the catalogue, in its order: the metric's
 * name and its category, so a search for either finds it ("响应" finds
 * the response times, "售后" every after-sales metric).
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

/**
 * kefu_metric_choice_new_model:
 *
 * Returns: (transfer full): "name · category" for each metric
 */
GtkStringList *
kefu_metric_choice_new_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const KefuMetricInfo *all;
  guint n;

  all = kefu_metric_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      /* Translators: a metric in a list to choose from: its name and its category */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), kefu_metric_get_label (&all[i]),
                                               kefu_metric_category_get_label (all[i].category));

      gtk_string_list_append (list, text);
    }
  return list;
}

/**
 * kefu_metric_choice_find:
 *
 * Returns: the position of @key in the list, or %GTK_INVALID_LIST_POSITION
 */
guint
kefu_metric_choice_find (const char *key)
{
  const KefuMetricInfo *all;
  guint n;

  all = kefu_metric_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (all[i].key, key) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

const char *
kefu_metric_choice_get_key (guint position)
{
  const KefuMetricInfo *all;
  guint n;

  all = kefu_metric_get_all (&n);
  return position < n ? all[position].key : NULL;
}
