/* kefu-window-shops.c — switching between shops, and to a shop's latest data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-window-private.h"

/* The header's shop menu lists every shop; it shows only with two or more. */
void
_kefu_window_update_shops (KefuWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *shops = self->workspace ? kefu_workspace_get_shops (self->workspace) : NULL;
  KefuShop *shown = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;
  guint n = shops ? g_list_model_get_n_items (shops) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Translators: a shop in the shop menu: its name and platform */
      label = g_strdup_printf (_("%s (%s)"), kefu_shop_get_name (shop),
                               kefu_platform_get_label (kefu_shop_get_platform (shop)));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.show-shop",
                                               g_variant_new_int64 (kefu_shop_get_id (shop)));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->shop_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->shop_button), n >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-shop", n >= 2 && shown != NULL);
}

static void
show_shop_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GListModel *shops;

  if (self->workspace == NULL)
    return;

  shops = kefu_workspace_get_shops (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (shops); i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);

      if (kefu_shop_get_id (shop) == id)
        kefu_workspace_set_shop (self->workspace, shop);
    }
}

/* From a period without data (the current month, before this month's
 * exports exist) to the one holding the shop's latest day of data. */
static void
show_latest_data_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KefuWindow *self = KEFU_WINDOW (widget);
  KefuShop *shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuPeriod) period = NULL;
  KefuGranularity granularity;
  GDate day;

  if (shop == NULL)
    return;

  if (!kefu_coverage_find_last_day (kefu_workspace_get_store (self->workspace), kefu_shop_get_id (shop),
                                    kefu_workspace_get_settings (self->workspace), &day, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (error ? error->message
                                                        : _("Nothing has been imported for this shop yet")));
      return;
    }

  granularity = kefu_period_get_granularity (kefu_period_picker_get_period (self->period_picker));
  if (granularity == KEFU_GRANULARITY_RANGE)
    granularity = KEFU_GRANULARITY_MONTH;
  period = kefu_period_new (granularity, &day);
  kefu_period_picker_set_period (self->period_picker, period);
}

void
_kefu_window_class_init_shops (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-shop", "x", show_shop_activated);
  gtk_widget_class_install_action (widget_class, "win.show-latest-data", NULL, show_latest_data_activated);
}
