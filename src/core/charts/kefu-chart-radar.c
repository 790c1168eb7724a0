/* kefu-chart-radar.c — an agent's item points against the shop's average
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "charts/kefu-chart-radar.h"

/**
 * kefu_chart_radar_from_report:
 * @agent_id: an agent of @report
 *
 * Returns: (transfer full) (nullable): the agent's points per item and the
 *   average of every agent's, or %NULL when @report has no such agent
 */
KefuChartRadar *
kefu_chart_radar_from_report (KefuScoreReport *report,
                              gint64           agent_id)
{
  GListModel *agents;
  g_autofree guint *counts = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  KefuChartRadar *self = NULL;
  guint n_agents;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (report), NULL);

  agents = kefu_score_report_get_agents (report);
  n_agents = g_list_model_get_n_items (agents);
  for (guint i = 0; i < n_agents && self == NULL; i++)
    {
      g_autoptr(KefuAgentScore) score = g_list_model_get_item (agents, i);
      GListModel *items;

      if (kefu_agent_score_get_agent_id (score) != agent_id)
        continue;
      items = kefu_agent_score_get_items (score);
      self = g_new0 (KefuChartRadar, 1);
      self->agent_name = g_strdup (kefu_agent_score_get_agent_name (score));
      self->n_axes = g_list_model_get_n_items (items);
      self->agent = g_new (double, self->n_axes);
      self->average = g_new0 (double, self->n_axes);
      for (guint j = 0; j < self->n_axes; j++)
        {
          g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);

          g_strv_builder_add (labels, kefu_item_score_get_label (item));
          self->agent[j] = kefu_item_score_get_points (item);
        }
    }
  if (self == NULL)
    return NULL;
  self->labels = g_strv_builder_end (labels);

  counts = g_new0 (guint, self->n_axes);
  for (guint i = 0; i < n_agents; i++)
    {
      g_autoptr(KefuAgentScore) score = g_list_model_get_item (agents, i);
      GListModel *items = kefu_agent_score_get_items (score);

      for (guint j = 0; j < self->n_axes && j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);
          double points = kefu_item_score_get_points (item);

          if (isfinite (points))
            {
              self->average[j] += points;
              counts[j]++;
            }
        }
    }
  for (guint j = 0; j < self->n_axes; j++)
    self->average[j] = counts[j] > 0 ? self->average[j] / counts[j] : NAN;
  return self;
}

void
kefu_chart_radar_free (KefuChartRadar *self)
{
  if (self == NULL)
    return;
  g_free (self->agent_name);
  g_strfreev (self->labels);
  g_free (self->agent);
  g_free (self->average);
  g_free (self);
}
