/* test-shop.c — shops, platforms and agent display names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kefu-core.h"

static void
check_display_name (const char *account,
                    const char *expected)
{
  g_autofree char *name = kefu_agent_display_name (account);

  g_assert_cmpstr (name, ==, expected);
}

static void
test_display_name (void)
{
  check_display_name ("店铺名:小王", "小王");
  check_display_name ("店铺名：小王", "小王");          /* full-width colon */
  check_display_name ("小王", "小王");
  check_display_name ("pdd_kefu_01", "pdd_kefu_01");
  check_display_name ("旗舰店:售前:小李", "小李");       /* the last colon */
  check_display_name ("店铺名: 小王 ", "小王");          /* spaces around */
  check_display_name ("店铺名:", "店铺名:");             /* nothing after it */
}

static void
test_platforms (void)
{
  const char *valid[] = { "pdd", "taobao", "tmall", "douyin", "jd", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (kefu_platform_is_valid (valid[i]));

  g_assert_false (kefu_platform_is_valid ("amazon"));
  g_assert_false (kefu_platform_is_valid (""));
  g_assert_false (kefu_platform_is_valid (NULL));

  g_assert_cmpstr (kefu_platform_get_label ("pdd"), ==, "Pinduoduo");
  g_assert_cmpstr (kefu_platform_get_label ("jd"), ==, "JD");
  g_assert_cmpstr (kefu_platform_get_label ("amazon"), ==, "Other platform");
}

static void
test_shop_object (void)
{
  g_autoptr(KefuShop) shop = kefu_shop_new (7, "小鹿女装", "taobao");
  g_autofree char *name = NULL;
  gint64 id;

  g_assert_cmpint (kefu_shop_get_id (shop), ==, 7);
  g_assert_cmpstr (kefu_shop_get_name (shop), ==, "小鹿女装");
  g_assert_cmpstr (kefu_shop_get_platform (shop), ==, "taobao");

  g_object_get (shop, "id", &id, "name", &name, NULL);
  g_assert_cmpint (id, ==, 7);
  g_assert_cmpstr (name, ==, "小鹿女装");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shop/Agent/display-name", test_display_name);
  g_test_add_func ("/shop/Platform/keys-and-labels", test_platforms);
  g_test_add_func ("/shop/Shop/properties", test_shop_object);

  return g_test_run ();
}
