/* kefu-demo.c — the demo shop a new user can explore
 *
 * The demo lives in a database of its own, so exploring it never mixes
 * with a shop's real data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-demo.h"

#define DEMO_SHOP_NAME "小鹿女装旗舰店"

/* The three agents of the women's-wear worked example (METRICS.md §5). */
static const char * const demo_agents[] = {
  DEMO_SHOP_NAME ":小安",
  DEMO_SHOP_NAME ":小贝",
  DEMO_SHOP_NAME ":小橙",
};

static gboolean
populate (KefuStore  *store,
          GError    **error)
{
  g_autoptr(GListModel) shops = kefu_store_list_shops (store, error);
  gint64 shop_id;

  if (shops == NULL)
    return FALSE;
  if (g_list_model_get_n_items (shops) > 0)
    return TRUE;

  if (!kefu_store_begin (store, error))
    return FALSE;

  shop_id = kefu_store_add_shop (store, DEMO_SHOP_NAME, "taobao", error);
  if (shop_id == 0)
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (demo_agents); i++)
    if (kefu_store_ensure_agent (store, shop_id, demo_agents[i], error) == 0)
      goto failed;

  return kefu_store_commit (store, error);

failed:
  kefu_store_rollback (store);
  return FALSE;
}

/**
 * kefu_demo_open:
 * @path: the demo database, see kefu_store_get_demo_path()
 *
 * Opens the demo database, filling it on first use.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_demo_open (const char  *path,
                GError     **error)
{
  g_autoptr(KefuStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  store = kefu_store_open (path, error);
  if (store == NULL || !populate (store, error))
    return NULL;

  return g_steal_pointer (&store);
}
