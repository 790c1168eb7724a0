/* kefu-test-lsan.c — the one GLib array LeakSanitizer must not report
 *
 * GLib keeps its quark strings in an array of 2048 pointers and, when the
 * 2048th quark is made, copies them into a larger array without freeing
 * the first one, so that lookups need no lock (quark_new() in gquark.c).
 * A window with all its views makes more quarks than that (type, property
 * and signal names), so LeakSanitizer would report GLib's first array at
 * exit. It is allocated in GLib's constructor, where the stack LeakSanitizer
 * keeps is only malloc() and g_malloc(): a suppression matching it would
 * hide every g_malloc() leak. So before main(), while GLib still points
 * to it, the array is found and LeakSanitizer told to ignore that object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE             /* dl_iterate_phdr() */

#include <glib.h>

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>

#define QUARK_BLOCK_SIZE 2048   /* gquark.c */

/* libasan's, declared in no header GCC 12 installs. */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

static gboolean
is_quark_array (gpointer p)
{
  const char * const *strings = p;

  return __sanitizer_get_ownership (p) &&
         __sanitizer_get_allocated_size (p) == QUARK_BLOCK_SIZE * sizeof (char *) &&
         strings[0] == NULL &&
         strings[1] == g_quark_to_string (1);
}

/* GLib's pointer to the array is in its writable segment. */
static int
ignore_quark_array (struct dl_phdr_info *info,
                    size_t               size,
                    void                *data)
{
  if (strstr (info->dlpi_name, "/libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *phdr = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + phdr->p_vaddr;
      gpointer *word, *end;

      if (phdr->p_type != PT_LOAD || (phdr->p_flags & PF_W) == 0)
        continue;
      word = (gpointer *) ((start + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1));
      end = (gpointer *) (start + phdr->p_memsz);
      for (; word + 1 <= end; word++)
        if (is_quark_array (*word))
          {
            __lsan_ignore_object (*word);
            return 1;
          }
    }
  return 1;
}

__attribute__((constructor)) static void
ignore_glib_quark_array (void)
{
  dl_iterate_phdr (ignore_quark_array, NULL);
}
#endif
