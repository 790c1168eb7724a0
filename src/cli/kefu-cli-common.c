/* kefu-cli-common.c — what the CLI's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-cli-common.h"

/* A day given as an option's value, YYYY-MM-DD. */
gboolean
kefu_cli_parse_day (const char  *text,
                    GDate       *day,
                    GError     **error)
{
  KefuCell cell = { KEFU_CELL_TEXT, text, 0 };

  if (kefu_value_parse_date (&cell, day).status != KEFU_VALUE_OK)
    {
      USAGE_ERROR (error, _("“%s” is not a date; expected YYYY-MM-DD"), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * kefu_cli_find_shop:
 * @name: (nullable): the shop's name, or %NULL for the database's only shop
 * @shop_name: (out) (optional): its name
 *
 * Returns: the shop's id, or 0 with @error set
 */
gint64
kefu_cli_find_shop (KefuStore   *store,
                    const char  *name,
                    char       **shop_name,
                    GError     **error)
{
  g_autoptr(GListModel) shops = kefu_store_list_shops (store, error);

  if (shops == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (shops); i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);

      if (name != NULL ? g_str_equal (kefu_shop_get_name (shop), name)
                       : g_list_model_get_n_items (shops) == 1)
        {
          if (shop_name != NULL)
            *shop_name = g_strdup (kefu_shop_get_name (shop));
          return kefu_shop_get_id (shop);
        }
    }

  if (name != NULL)
    USAGE_ERROR (error, _("There is no shop “%s”; see kefu-cli shops"), name);
  else if (g_list_model_get_n_items (shops) == 0)
    USAGE_ERROR (error, _("The database holds no shop yet; import its exports first"));
  else
    USAGE_ERROR (error, _("The database holds several shops; name one with --shop NAME"));
  return 0;
}
