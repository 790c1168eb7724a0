/* kefu-shop.h — one storefront on one platform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEFU_TYPE_SHOP (kefu_shop_get_type ())
G_DECLARE_FINAL_TYPE (KefuShop, kefu_shop, KEFU, SHOP, GObject)

KefuShop   *kefu_shop_new                (gint64      id,
                                          const char *name,
                                          const char *platform);
gint64      kefu_shop_get_id             (KefuShop   *self);
const char *kefu_shop_get_name           (KefuShop   *self);
const char *kefu_shop_get_platform       (KefuShop   *self);

gboolean    kefu_platform_is_valid       (const char *platform);
const char *kefu_platform_get_label      (const char *platform);
char       *kefu_agent_display_name      (const char *account);

G_END_DECLS
