/* kefu-charts-view.c — the Charts page: every chart of a shop's period
 *
 * The window hands over the tables it computed for the period (by agent
 * and day, by agent, the score report); what only the logs and the DSR
 * exports tell — the load by weekday and hour, each turn's response
 * time, the DSR of the last six months — is read here, in a thread with
 * a connection of its own, so the page never blocks the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "charts/kefu-bar-chart.h"
#include "charts/kefu-dsr-chart.h"
#include "charts/kefu-heatmap-chart.h"
#include "charts/kefu-histogram-chart.h"
#include "charts/kefu-radar-chart.h"
#include "charts/kefu-trend-chart.h"
#include "kefu-charts-view.h"

#define DEFAULT_METRIC   "response_rate_3min"
#define DEFAULT_SHOWN    5
#define DSR_MONTHS       6
#define HISTOGRAM_BINS   12

struct _KefuChartsView
{
  GtkWidget             parent_instance;

  GtkDropDown          *metric_dropdown;
  GtkDropDown          *agent_dropdown;
  GtkBox               *agents_box;
  GtkWidget            *trend_chart;
  GtkWidget            *comparison_chart;
  GtkWidget            *totals_chart;
  GtkWidget            *load_chart;
  GtkWidget            *response_chart;
  GtkWidget            *histogram_chart;
  GtkWidget            *radar_chart;
  GtkWidget            *dsr_chart;

  KefuStore            *store;
  KefuShop             *shop;
  KefuPeriod           *period;
  KefuMetricTable      *daily;
  KefuMetricTable      *by_agent;
  KefuScoreReport      *report;

  GArray               *agents;      /* gint64: the agent drop-down's, [0] = 0 for the shop */
  GArray               *shown;       /* gint64: the agents drawn in the trend */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *saving;      /* the chart being saved */
  gboolean              saving_svg;
};

G_DEFINE_FINAL_TYPE (KefuChartsView, kefu_charts_view, GTK_TYPE_WIDGET)

static const char *
selected_metric (KefuChartsView *self)
{
  guint n_metrics;
  const KefuMetricInfo *all = kefu_metric_get_all (&n_metrics);
  guint i = gtk_drop_down_get_selected (self->metric_dropdown);

  return i < n_metrics ? all[i].key : DEFAULT_METRIC;
}

static gint64
selected_agent (KefuChartsView *self)
{
  guint i = gtk_drop_down_get_selected (self->agent_dropdown);

  return i < self->agents->len ? g_array_index (self->agents, gint64, i) : 0;
}

/* ——— the charts of the tables at hand ——— */

static void
update_trend (KefuChartsView *self)
{
  const char *key = selected_metric (self);
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *label = NULL;
  double threshold = NAN;
  GDate from, to;

  if (self->daily == NULL)
    {
      kefu_trend_chart_set_data (KEFU_TREND_CHART (self->trend_chart), NULL, NULL, info->unit, NAN, NULL);
      return;
    }

  series = kefu_chart_trend_series (self->daily, key, (const gint64 *) self->shown->data, self->shown->len);
  if (self->shop != NULL)
    threshold = kefu_platform_threshold (kefu_shop_get_platform (self->shop), key);
  if (isfinite (threshold))
    {
      g_autofree char *value = kefu_unit_format_bound (info->unit, threshold);

      /* Translators: the platform's name, then the value it asks for */
      label = g_strdup_printf (_("%s threshold %s"),
                               kefu_platform_get_label (kefu_shop_get_platform (self->shop)), value);
    }
  kefu_metric_table_get_period (self->daily, &from, &to);
  kefu_trend_chart_set_data (KEFU_TREND_CHART (self->trend_chart), series, &from, info->unit, threshold, label);
}

static void
update_comparison (KefuChartsView *self)
{
  kefu_bar_chart_set_bars (KEFU_BAR_CHART (self->comparison_chart),
                           self->by_agent ? kefu_chart_bars_from_table (self->by_agent, selected_metric (self)) : NULL);
}

static void
update_radar (KefuChartsView *self)
{
  gint64 agent = selected_agent (self);
  KefuChartRadar *radar = NULL;

  if (self->report != NULL)
    {
      GListModel *agents = kefu_score_report_get_agents (self->report);

      /* The whole shop has no points of its own: show the first ranked. */
      for (guint i = 0; agent == 0 && i < g_list_model_get_n_items (agents); i++)
        {
          g_autoptr(KefuAgentScore) score = g_list_model_get_item (agents, i);

          if (kefu_agent_score_get_rank (score) == 1)
            agent = kefu_agent_score_get_agent_id (score);
        }
      radar = kefu_chart_radar_from_report (self->report, agent);
    }
  kefu_radar_chart_set_radar (KEFU_RADAR_CHART (self->radar_chart), radar);
}

/* ——— what the thread reads ——— */

typedef struct
{
  char    *path;
  gint64   shop_id;
  GDate    from;
  GDate    to;
  gint64   agent_id;
  gboolean times_only;
} LoadRequest;

typedef struct
{
  gboolean            has_load;
  KefuChartGrid       load;
  KefuChartGrid       response;
  KefuResponseTimes  *times;
  KefuDsrHistory     *dsr;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->times, kefu_response_times_free);
  g_clear_pointer (&result->dsr, kefu_dsr_history_free);
  g_free (result);
}

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->path);
  g_free (request);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  static const char * const load_keys[] = { "consult_buyers", "avg_response_time", NULL };
  LoadRequest *request = data;
  LoadResult *result = g_new0 (LoadResult, 1);
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(KefuMetricTable) by_hour = NULL;
  g_autoptr(GError) error = NULL;

  store = kefu_store_open (request->path, &error);
  if (store != NULL && !request->times_only)
    {
      by_hour = kefu_metric_query (store, request->shop_id, &request->from, &request->to, NULL, 0,
                                   load_keys, KEFU_GROUP_HOUR_WEEKDAY, NULL, cancellable, &error);
      if (by_hour != NULL)
        {
          result->has_load = TRUE;
          kefu_chart_grid_from_table (&result->load, by_hour, "consult_buyers");
          kefu_chart_grid_from_table (&result->response, by_hour, "avg_response_time");
        }
      if (error == NULL)
        result->dsr = kefu_dsr_history_query (store, request->shop_id, &request->to, DSR_MONTHS,
                                              cancellable, &error);
    }
  if (store != NULL && error == NULL)
    result->times = kefu_response_times_query (store, request->shop_id, &request->from, &request->to,
                                               request->agent_id, NULL, cancellable, &error);

  if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, load_result_free);
}

static void
load_done (GObject      *object,
           GAsyncResult *res,
           gpointer      data)
{
  KefuChartsView *self = KEFU_CHARTS_VIEW (object);
  LoadRequest *request = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      kefu_chart_set_empty_text (KEFU_CHART (self->histogram_chart), error->message);
      kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (self->histogram_chart), NULL);
      return;
    }

  if (!request->times_only)
    {
      kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (self->load_chart),
                                   result->has_load ? &result->load : NULL, KEFU_CHART_COLOR_ACCENT);
      kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (self->response_chart),
                                   result->has_load ? &result->response : NULL, 1);
      kefu_dsr_chart_set_history (KEFU_DSR_CHART (self->dsr_chart), g_steal_pointer (&result->dsr));
    }
  kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (self->histogram_chart),
                                      result->times ? kefu_chart_histogram_new (result->times, HISTOGRAM_BINS) : NULL);
  load_result_free (result);
}

static void
load (KefuChartsView *self,
      gboolean        times_only)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  if (!times_only)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  if (self->store == NULL || self->shop == NULL || self->period == NULL)
    {
      kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (self->load_chart), NULL, KEFU_CHART_COLOR_ACCENT);
      kefu_heatmap_chart_set_grid (KEFU_HEATMAP_CHART (self->response_chart), NULL, 1);
      kefu_histogram_chart_set_histogram (KEFU_HISTOGRAM_CHART (self->histogram_chart), NULL);
      kefu_dsr_chart_set_history (KEFU_DSR_CHART (self->dsr_chart), NULL);
      return;
    }
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->path = g_strdup (kefu_store_get_path (self->store));
  request->shop_id = kefu_shop_get_id (self->shop);
  kefu_period_get_first (self->period, &request->from);
  kefu_period_get_last (self->period, &request->to);
  request->agent_id = selected_agent (self);
  request->times_only = times_only;

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/* ——— selectors ——— */

static void
on_agent_toggled (GtkCheckButton *button,
                  KefuChartsView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "agent-id");

  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, gint64, i) == id)
      {
        g_array_remove_index (self->shown, i);
        break;
      }
  if (gtk_check_button_get_active (button))
    g_array_append_val (self->shown, id);
  update_trend (self);
}

static void
rebuild_agents (KefuChartsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;
  gint64 shop = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agents_box))) != NULL)
    gtk_box_remove (self->agents_box, child);
  g_array_set_size (self->agents, 0);
  g_array_set_size (self->shown, 0);

  gtk_string_list_append (names, _("Whole shop"));
  g_array_append_val (self->agents, shop);
  for (guint row = 0; self->by_agent != NULL && row < kefu_metric_table_get_n_rows (self->by_agent); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (self->by_agent, row);
      GtkWidget *check;
      gint64 *id;

      if (key->agent_id == 0)
        continue;
      gtk_string_list_append (names, key->agent_name);
      g_array_append_val (self->agents, key->agent_id);

      check = gtk_check_button_new_with_label (key->agent_name);
      id = g_new (gint64, 1);
      *id = key->agent_id;
      g_object_set_data_full (G_OBJECT (check), "agent-id", id, g_free);
      if (self->shown->len < DEFAULT_SHOWN)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          g_array_append_val (self->shown, key->agent_id);
        }
      g_signal_connect (check, "toggled", G_CALLBACK (on_agent_toggled), self);
      gtk_box_append (self->agents_box, check);
    }

  g_signal_handlers_block_matched (self->agent_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->agent_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agent_dropdown, 0);
  g_signal_handlers_unblock_matched (self->agent_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
on_metric_changed (KefuChartsView *self)
{
  update_trend (self);
  update_comparison (self);
}

static void
on_agent_changed (KefuChartsView *self)
{
  update_radar (self);
  load (self, TRUE);
}

/**
 * kefu_charts_view_set_data:
 * @store: (nullable): where the logs and the DSR are read
 * @shop: (nullable): the shop shown
 * @period: (nullable): its period
 * @daily_by_agent_day: (nullable): the period's table by agent and day
 * @by_agent: (nullable): the period's table by agent
 * @report: (nullable): the period's score report
 *
 * Shows the charts of a shop's period; %NULL for nothing to chart.
 */
void
kefu_charts_view_set_data (KefuChartsView   *self,
                           KefuStore        *store,
                           KefuShop         *shop,
                           const KefuPeriod *period,
                           KefuMetricTable  *daily_by_agent_day,
                           KefuMetricTable  *by_agent,
                           KefuScoreReport  *report)
{
  g_return_if_fail (KEFU_IS_CHARTS_VIEW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->shop, shop);
  g_clear_pointer (&self->period, kefu_period_free);
  self->period = period ? kefu_period_copy (period) : NULL;
  g_set_object (&self->daily, daily_by_agent_day);
  g_set_object (&self->by_agent, by_agent);
  g_set_object (&self->report, report);

  rebuild_agents (self);
  update_trend (self);
  update_comparison (self);
  kefu_bar_chart_set_bars (KEFU_BAR_CHART (self->totals_chart),
                           report ? kefu_chart_bars_from_report (report) : NULL);
  update_radar (self);
  load (self, FALSE);
}

void
kefu_charts_view_set_metric (KefuChartsView *self,
                             const char     *key)
{
  guint n_metrics;
  const KefuMetricInfo *all = kefu_metric_get_all (&n_metrics);

  g_return_if_fail (KEFU_IS_CHARTS_VIEW (self));

  for (guint i = 0; key != NULL && i < n_metrics; i++)
    if (g_str_equal (all[i].key, key))
      gtk_drop_down_set_selected (self->metric_dropdown, i);
}

/**
 * kefu_charts_view_get_chart:
 * @name: trend, comparison, totals, load, response, histogram, radar or dsr
 *
 * Returns: (transfer none) (nullable): the chart; the agent page shows
 *   the same widgets
 */
GtkWidget *
kefu_charts_view_get_chart (KefuChartsView *self,
                            const char     *name)
{
  const struct { const char *name; GtkWidget *chart; } charts[] = {
    { "trend", self->trend_chart }, { "comparison", self->comparison_chart },
    { "totals", self->totals_chart }, { "load", self->load_chart },
    { "response", self->response_chart }, { "histogram", self->histogram_chart },
    { "radar", self->radar_chart }, { "dsr", self->dsr_chart },
  };

  g_return_val_if_fail (KEFU_IS_CHARTS_VIEW (self), NULL);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (charts); i++)
    if (g_str_equal (charts[i].name, name))
      return charts[i].chart;
  return NULL;
}

/* ——— copy and save ——— */

static void
show_error (KefuChartsView *self,
            const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The Chart Was Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_response (KefuChartsView       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  GtkWidget *chart = kefu_charts_view_get_chart (self, self->saving);

  if (response == GTK_RESPONSE_ACCEPT && chart != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      gboolean ok = self->saving_svg ? kefu_chart_save_svg (KEFU_CHART (chart), file, &error)
                                     : kefu_chart_save_png (KEFU_CHART (chart), file, &error);

      if (!ok)
        show_error (self, error->message);
    }
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->saving, g_free);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuChartsView *self = KEFU_CHARTS_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *chart = kefu_charts_view_get_chart (self, name);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;

  if (chart == NULL || self->chooser != NULL)
    return;

  self->saving_svg = g_str_equal (action_name, "charts.save-svg");
  self->saving = g_strdup (name);
  gtk_file_filter_set_name (filter, self->saving_svg ? _("SVG images") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, self->saving_svg ? "image/svg+xml" : "image/png");
  file_name = g_strdup_printf ("%s.%s", kefu_chart_get_title (KEFU_CHART (chart)),
                               self->saving_svg ? "svg" : "png");

  self->chooser = gtk_file_chooser_native_new (self->saving_svg ? _("Save Chart as SVG") : _("Save Chart as PNG"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *chart = kefu_charts_view_get_chart (KEFU_CHARTS_VIEW (widget),
                                                 g_variant_get_string (parameter, NULL));

  if (chart != NULL)
    kefu_chart_copy (KEFU_CHART (chart));
}

/* ——— life ——— */

GtkWidget *
kefu_charts_view_new (void)
{
  return g_object_new (KEFU_TYPE_CHARTS_VIEW, NULL);
}

static void
kefu_charts_view_dispose (GObject *object)
{
  KefuChartsView *self = KEFU_CHARTS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CHARTS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->shop);
  g_clear_pointer (&self->period, kefu_period_free);
  g_clear_object (&self->daily);
  g_clear_object (&self->by_agent);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (kefu_charts_view_parent_class)->dispose (object);
}

static void
kefu_charts_view_finalize (GObject *object)
{
  KefuChartsView *self = KEFU_CHARTS_VIEW (object);

  g_array_unref (self->agents);
  g_array_unref (self->shown);
  g_free (self->saving);

  G_OBJECT_CLASS (kefu_charts_view_parent_class)->finalize (object);
}

static void
kefu_charts_view_class_init (KefuChartsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_charts_view_dispose;
  object_class->finalize = kefu_charts_view_finalize;

  g_type_ensure (KEFU_TYPE_TREND_CHART);
  g_type_ensure (KEFU_TYPE_BAR_CHART);
  g_type_ensure (KEFU_TYPE_HEATMAP_CHART);
  g_type_ensure (KEFU_TYPE_HISTOGRAM_CHART);
  g_type_ensure (KEFU_TYPE_RADAR_CHART);
  g_type_ensure (KEFU_TYPE_DSR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-charts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, agents_box);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, comparison_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, totals_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, load_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, response_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, histogram_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, radar_chart);
  gtk_widget_class_bind_template_child (widget_class, KefuChartsView, dsr_chart);

  gtk_widget_class_install_action (widget_class, "charts.copy", "s", copy_activated);
  gtk_widget_class_install_action (widget_class, "charts.save-png", "s", save_activated);
  gtk_widget_class_install_action (widget_class, "charts.save-svg", "s", save_activated);
}

static void
kefu_charts_view_init (KefuChartsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  guint n_metrics;
  const KefuMetricInfo *all = kefu_metric_get_all (&n_metrics);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->agents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_metrics; i++)
    gtk_string_list_append (labels, kefu_metric_get_label (&all[i]));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->metric_dropdown, expression);
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (labels));
  kefu_charts_view_set_metric (self, DEFAULT_METRIC);

  kefu_chart_set_empty_text (KEFU_CHART (self->trend_chart), _("No daily figures for this period yet: import the agents’ exports or chat logs."));
  kefu_chart_set_empty_text (KEFU_CHART (self->comparison_chart), _("No figures by agent for this metric and period."));
  kefu_chart_set_empty_text (KEFU_CHART (self->totals_chart), _("No scores for this period: choose a scheme on the Scoring page."));
  kefu_chart_set_empty_text (KEFU_CHART (self->load_chart), _("The load by hour comes from chat logs; none are imported for this period."));
  kefu_chart_set_empty_text (KEFU_CHART (self->response_chart), _("Response times by hour come from chat logs; none are imported for this period."));
  kefu_chart_set_empty_text (KEFU_CHART (self->histogram_chart), _("No answered turns in the chat logs of this period."));

  g_signal_connect_swapped (self->metric_dropdown, "notify::selected", G_CALLBACK (on_metric_changed), self);
  g_signal_connect_swapped (self->agent_dropdown, "notify::selected", G_CALLBACK (on_agent_changed), self);
  kefu_charts_view_set_data (self, NULL, NULL, NULL, NULL, NULL, NULL);
}
