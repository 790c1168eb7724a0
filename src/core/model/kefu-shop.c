/* kefu-shop.c — one storefront on one platform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kefu-shop.h"

struct _KefuShop
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *platform;
};

G_DEFINE_FINAL_TYPE (KefuShop, kefu_shop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PLATFORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *label;
} platforms[] = {
  { "pdd",    N_("Pinduoduo") },
  { "taobao", N_("Taobao") },
  { "tmall",  N_("Tmall") },
  { "douyin", N_("Douyin") },
  { "jd",     N_("JD") },
  { "other",  N_("Other platform") },
};

gboolean
kefu_platform_is_valid (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_strcmp0 (platform, platforms[i].key) == 0)
      return TRUE;
  return FALSE;
}

/**
 * kefu_platform_get_label:
 * @platform: a platform key such as `pdd`
 *
 * Returns: the translated name of the platform
 */
const char *
kefu_platform_get_label (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_strcmp0 (platform, platforms[i].key) == 0)
      return g_dgettext (GETTEXT_PACKAGE, platforms[i].label);
  return g_dgettext (GETTEXT_PACKAGE, platforms[G_N_ELEMENTS (platforms) - 1].label);
}

/**
 * kefu_agent_display_name:
 * @account: an agent account, such as `店铺名:小王`
 *
 * Taobao accounts carry the shop before a colon (ASCII or full-width);
 * the name a manager knows is the part after it.
 *
 * Returns: (transfer full): the display name
 */
char *
kefu_agent_display_name (const char *account)
{
  const char *name = account;

  g_return_val_if_fail (account != NULL, NULL);

  for (const char *p = account; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == ':' || c == 0xFF1A) && *next != '\0')
        name = next;
    }

  return g_strstrip (g_strdup (name));
}

static void
kefu_shop_finalize (GObject *object)
{
  KefuShop *self = KEFU_SHOP (object);

  g_free (self->name);
  g_free (self->platform);

  G_OBJECT_CLASS (kefu_shop_parent_class)->finalize (object);
}

static void
kefu_shop_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KefuShop *self = KEFU_SHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shop_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KefuShop *self = KEFU_SHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_PLATFORM:
      g_free (self->platform);
      self->platform = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_shop_class_init (KefuShopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_shop_finalize;
  object_class->get_property = kefu_shop_get_property;
  object_class->set_property = kefu_shop_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_shop_init (KefuShop *self)
{
}

KefuShop *
kefu_shop_new (gint64      id,
               const char *name,
               const char *platform)
{
  return g_object_new (KEFU_TYPE_SHOP,
                       "id", id,
                       "name", name,
                       "platform", platform,
                       NULL);
}

gint64
kefu_shop_get_id (KefuShop *self)
{
  g_return_val_if_fail (KEFU_IS_SHOP (self), 0);
  return self->id;
}

const char *
kefu_shop_get_name (KefuShop *self)
{
  g_return_val_if_fail (KEFU_IS_SHOP (self), NULL);
  return self->name;
}

const char *
kefu_shop_get_platform (KefuShop *self)
{
  g_return_val_if_fail (KEFU_IS_SHOP (self), NULL);
  return self->platform;
}
