/* kefu-window.c — the main window: welcome, or a shop's views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-charts-view.h"
#include "kefu-period-picker.h"
#include "kefu-window-private.h"

G_DEFINE_FINAL_TYPE (KefuWindow, kefu_window, ADW_TYPE_APPLICATION_WINDOW)

static KefuApplication *
get_application (KefuWindow *self)
{
  return KEFU_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The header names the shop shown, and says when it is the demo's. */
static void
update_header (KefuWindow *self)
{
  KefuApplication *app = get_application (self);
  KefuShop *shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;
  g_autofree char *subtitle = NULL;
  const char *platform;

  g_clear_pointer (&self->shop_name, g_free);
  _kefu_window_update_shops (self);
  if (shop == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Kefu"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-period", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-period", FALSE);
      return;
    }

  self->shop_name = g_strdup (kefu_shop_get_name (shop));
  platform = kefu_platform_get_label (kefu_shop_get_platform (shop));
  if (app != NULL && kefu_application_is_demo (app))
    /* Translators: the platform of the shop, then a marker for the demo */
    subtitle = g_strdup_printf (_("%s · Demo"), platform);
  else
    subtitle = g_strdup (platform);

  /* The name stays at the start, so a narrow window's switcher title
   * (left empty) never shows it twice. */
  gtk_label_set_label (self->shop_name_label, kefu_shop_get_name (shop));
  gtk_label_set_label (self->shop_platform_label, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), kefu_shop_get_name (shop));

  gtk_stack_set_visible_child_name (self->main_stack, "shop");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-period", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-period", TRUE);
}

/* The figures of a new period, shop or store arrived. */
static void
on_workspace_updated (KefuWindow *self)
{
  KefuWorkspace *ws = self->workspace;

  kefu_charts_view_set_data (self->charts_view, kefu_workspace_get_store (ws),
                             kefu_workspace_get_shop (ws), kefu_workspace_get_period (ws),
                             kefu_workspace_get_daily_table (ws),
                             kefu_workspace_get_agent_table (ws),
                             kefu_workspace_get_report (ws));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 kefu_workspace_get_report (self->workspace) != NULL);
}

/* What the application's store holds changed (or the store itself):
 * read the shops again and recompute what the views show. */
void
_kefu_window_show_store (KefuWindow *self)
{
  KefuApplication *app = get_application (self);
  KefuStore *store = app ? kefu_application_get_store (app) : NULL;

  if (store == NULL)
    g_clear_object (&self->workspace);
  else if (self->workspace == NULL || kefu_workspace_get_store (self->workspace) != store)
    {
      g_clear_object (&self->workspace);
      self->workspace = kefu_workspace_new (store);
      kefu_workspace_set_period (self->workspace,
                                 kefu_period_picker_get_period (self->period_picker));
      g_signal_connect_object (self->workspace, "notify::shop",
                               G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->workspace, "updated",
                               G_CALLBACK (on_workspace_updated), self, G_CONNECT_SWAPPED);
    }
  else
    kefu_workspace_reload (self->workspace);
  kefu_data_view_set_store (self->data_view, store);
  kefu_overview_view_set_workspace (self->overview_view, self->workspace);
  kefu_agents_view_set_workspace (self->agents_view, self->workspace);

  kefu_scheme_view_set_workspace (self->scheme_view, self->workspace);
  if (self->workspace != NULL)
    {
      const GError *error = kefu_workspace_get_error (self->workspace);

      if (error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  update_header (self);
}

static void
on_period_changed (KefuWindow *self)
{
  const KefuPeriod *period = kefu_period_picker_get_period (self->period_picker);
  g_autofree char *text = kefu_period_to_string (period);

  g_settings_set_string (self->settings, "last-period", text);
  if (self->workspace != NULL)
    kefu_workspace_set_period (self->workspace, period);
}

/* An agent chosen in the overview's ranking: their page in Agents. */
static void
on_overview_agent_activated (KefuWindow *self,
                             gint64      agent_id)
{
  kefu_window_set_view (self, "agents");
  kefu_agents_view_show_agent (self->agents_view, agent_id);
}

static void
on_view_changed (KefuWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (view != NULL)
    g_settings_set_string (self->settings, "last-view", view);
}

static void
on_chooser_response (KefuWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      kefu_window_import_files (self, files);
    }

  g_clear_object (&self->chooser);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  gtk_file_filter_set_name (exports, _("Exports (Excel and CSV)"));
  gtk_file_filter_add_mime_type (exports, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (exports, "application/vnd.ms-excel");
  gtk_file_filter_add_mime_type (exports, "text/csv");
  gtk_file_filter_add_suffix (exports, "xlsx");
  gtk_file_filter_add_suffix (exports, "xls");
  gtk_file_filter_add_suffix (exports, "csv");
  gtk_file_filter_add_suffix (exports, "txt");

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import Exports"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), exports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), exports);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
shift_period_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);

  kefu_period_picker_shift (self->period_picker,
                            g_str_equal (action_name, "win.next-period") ? 1 : -1);
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  kefu_window_set_view (KEFU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
restore_state (KefuWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");
  g_autofree char *period_text = g_settings_get_string (self->settings, "last-period");
  g_autoptr(KefuPeriod) period = kefu_period_parse (period_text);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  kefu_window_set_view (self, view);
  if (period != NULL)
    kefu_period_picker_set_period (self->period_picker, period);
}

static gboolean
kefu_window_close_request (GtkWindow *window)
{
  KefuWindow *self = KEFU_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (kefu_window_parent_class)->close_request (window);
}

static void
kefu_window_dispose (GObject *object)
{
  KefuWindow *self = KEFU_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  _kefu_window_dispose_import (self);
  _kefu_window_dispose_export (self);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->shop_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kefu_window_parent_class)->dispose (object);
}

static void
kefu_window_class_init (KefuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *views[] = { "overview", "agents", "scoring", "charts", "data" };

  object_class->dispose = kefu_window_dispose;
  window_class->close_request = kefu_window_close_request;

  g_type_ensure (KEFU_TYPE_PERIOD_PICKER);
  g_type_ensure (KEFU_TYPE_CHARTS_VIEW);
  g_type_ensure (KEFU_TYPE_OVERVIEW_VIEW);
  g_type_ensure (KEFU_TYPE_AGENTS_VIEW);
  g_type_ensure (KEFU_TYPE_DATA_VIEW);
  g_type_ensure (KEFU_TYPE_SCHEME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, shop_name_label);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, shop_platform_label);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, period_picker);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, charts_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, agents_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, shop_button);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_agent_activated);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, data_view);
  gtk_widget_class_bind_template_child (widget_class, KefuWindow, scheme_view);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  _kefu_window_class_init_export (widget_class);
  _kefu_window_class_init_shops (widget_class);
  gtk_widget_class_install_action (widget_class, "win.previous-period", NULL, shift_period_activated);
  gtk_widget_class_install_action (widget_class, "win.next-period", NULL, shift_period_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  _kefu_window_class_init_import (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.next-period", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

static void
kefu_window_init (KefuWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->last_batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  _kefu_window_init_import (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  restore_state (self);
}

KefuWindow *
kefu_window_new (KefuApplication *application)
{
  KefuWindow *self;

  g_return_val_if_fail (KEFU_IS_APPLICATION (application), NULL);

  self = g_object_new (KEFU_TYPE_WINDOW, "application", application, NULL);
  g_signal_connect_object (application, "notify::store",
                           G_CALLBACK (_kefu_window_show_store), self, G_CONNECT_SWAPPED);
  _kefu_window_show_store (self);

  return self;
}

const char *
kefu_window_get_view (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * kefu_window_get_workspace:
 *
 * Returns: (transfer none) (nullable): the shop, period and scheme shown,
 *   and their figures; %NULL while there is no store
 */
KefuWorkspace *
kefu_window_get_workspace (KefuWindow *self)
{
  g_return_val_if_fail (KEFU_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
kefu_window_set_view (KefuWindow *self,
                      const char *view)
{
  g_return_if_fail (KEFU_IS_WINDOW (self));

  if (view != NULL && adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}
