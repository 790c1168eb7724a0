/* test-threshold.c — the platforms' thresholds (METRICS.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kefu-core.h"

static const KefuThreshold *
find (const char *platform,
      const char *key)
{
  guint n;
  const KefuThreshold *list = kefu_threshold_list (platform, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i].key, key))
      return &list[i];
  return NULL;
}

static void
test_platforms (void)
{
  guint n;

  g_assert_nonnull (kefu_threshold_list ("douyin", &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (kefu_threshold_list ("jd", &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (kefu_threshold_list ("pdd", &n));
  g_assert_cmpuint (n, ==, 1);
  /* §4 sets no fixed bound for Taobao. */
  g_assert_null (kefu_threshold_list ("taobao", &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (kefu_threshold_list (NULL, &n));
}

static void
test_bounds (void)
{
  const KefuThreshold *reply = find ("douyin", "response_rate_3min");
  const KefuThreshold *response = find ("douyin", "avg_response_time");
  const KefuThreshold *queue = find ("douyin", "avg_wait_time");
  const KefuThreshold *jd_response = find ("jd", "avg_response_time");
  g_autofree char *reply_text = NULL;
  g_autofree char *jd_text = NULL;

  g_assert_nonnull (reply);
  /* At display precision: 89.996 % shows as 90.00 %. */
  g_assert_true (kefu_threshold_is_met (reply, 0.90));
  g_assert_true (kefu_threshold_is_met (reply, 0.89996));
  g_assert_false (kefu_threshold_is_met (reply, 0.8994));
  /* Missing is not a breach. */
  g_assert_true (kefu_threshold_is_met (reply, NAN));

  g_assert_true (kefu_threshold_is_met (response, 120));
  g_assert_false (kefu_threshold_is_met (response, 120.1));
  g_assert_true (kefu_threshold_is_met (queue, 599.9));
  g_assert_false (kefu_threshold_is_met (queue, 600));
  g_assert_true (kefu_threshold_is_met (jd_response, 39.9));
  g_assert_false (kefu_threshold_is_met (jd_response, 40));

  reply_text = kefu_threshold_describe (reply);
  jd_text = kefu_threshold_describe (jd_response);
  g_assert_cmpstr (reply_text, ==, "≥ 90%");
  g_assert_cmpstr (jd_text, ==, "< 40 s");
  g_assert_nonnull (kefu_threshold_get_consequence (reply));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threshold/Threshold/platforms", test_platforms);
  g_test_add_func ("/threshold/Threshold/bounds", test_bounds);

  return g_test_run ();
}
