/* kefu-fuzz.c — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "kefu-fuzz.h"

static char *scratch_dir;

static void
remove_scratch (void)
{
  GDir *dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (scratch_dir);
}

void
kefu_fuzz_init (void)
{
  static const char * const fatal_domains[] = {
    "Kefu", "GLib", "GLib-GObject", "GLib-GIO", "Json",
  };
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  /* A damaged file is expected input: only a bug may warn. libgsf warns,
   * and even fails its own assertions, on what it finds in damaged files;
   * memory errors there are still the sanitizers' to catch. */
  g_log_set_always_fatal (0);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_domains); i++)
    g_log_set_fatal_mask (fatal_domains[i], G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* /dev/shm keeps millions of rewrites off the disk. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    {
      scratch_dir = g_strdup ("/dev/shm/kefu-fuzz-XXXXXX");
      if (g_mkdtemp (scratch_dir) == NULL)
        g_clear_pointer (&scratch_dir, g_free);
    }
  if (scratch_dir == NULL)
    scratch_dir = g_dir_make_tmp ("kefu-fuzz-XXXXXX", NULL);
  g_assert (scratch_dir != NULL);
  atexit (remove_scratch);
}

const char *
kefu_fuzz_write_file (const guint8 *data,
                      size_t        size,
                      const char   *suffix)
{
  static char *path;
  FILE *file;

  g_clear_pointer (&path, g_free);
  path = g_strconcat (scratch_dir, G_DIR_SEPARATOR_S, "input", suffix, NULL);
  file = g_fopen (path, "wb");
  if (file == NULL)
    g_error ("cannot write %s: %s", path, g_strerror (errno));
  if (size > 0 && fwrite (data, 1, size, file) != size)
    g_error ("cannot write %s: %s", path, g_strerror (errno));
  fclose (file);
  return path;
}
