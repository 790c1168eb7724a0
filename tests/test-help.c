/* test-help.c — the user guide: found in the user's language, complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-help.h"

/* Every guide has the same sections, so a translation cannot fall behind
 * by a whole topic. */
static const char * const sections[] = {
  "id=\"start\"", "id=\"import\"", "id=\"platforms\"", "id=\"templates\"",
  "id=\"metrics\"", "id=\"schemes\"", "id=\"export\"", "id=\"keys\"",
};

static char *
help_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "help", NULL);
}

static void
test_find_language (void)
{
  g_autofree char *dir = help_dir ();
  const char * const chinese[] = { "zh_CN.UTF-8", "zh_CN", "zh.UTF-8", "zh", "C", NULL };
  const char * const spanish[] = { "es_ES.UTF-8", "es_ES", "es", "C", NULL };
  const char * const none[] = { "es", NULL };
  g_autoptr(GFile) zh = kefu_help_find (dir, chinese);
  g_autoptr(GFile) es = kefu_help_find (dir, spanish);
  g_autoptr(GFile) missing = kefu_help_find (dir, none);
  g_autoptr(GFile) nowhere = kefu_help_find ("/nonexistent", chinese);
  g_autofree char *zh_path = NULL;
  g_autofree char *es_path = NULL;

  g_assert_nonnull (zh);
  zh_path = g_file_get_path (zh);
  g_assert_true (g_str_has_suffix (zh_path, "/zh_CN/index.html"));

  /* No Spanish guide: English. */
  g_assert_nonnull (es);
  es_path = g_file_get_path (es);
  g_assert_true (g_str_has_suffix (es_path, "/C/index.html"));

  g_assert_null (missing);
  g_assert_null (nowhere);
}

static void
test_sections (void)
{
  g_autofree char *dir = help_dir ();
  const char * const languages[] = { "C", "zh_CN" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_build_filename (dir, languages[i], "index.html", NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (guint j = 0; j < G_N_ELEMENTS (sections); j++)
        if (strstr (text, sections[j]) == NULL)
          g_error ("%s has no section %s", path, sections[j]);
      /* Each platform's backend is named. */
      g_assert_nonnull (strstr (text, "客服绩效"));
      g_assert_nonnull (strstr (text, "飞鸽"));
      g_assert_nonnull (strstr (text, "咚咚"));
      g_assert_nonnull (strstr (text, "生意参谋"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/help/find/language", test_find_language);
  g_test_add_func ("/help/guide/sections", test_sections);

  return g_test_run ();
}
