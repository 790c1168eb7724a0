/* fuzz-text-reader.c — CSV/TSV files with their encoding detected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "io/kefu-text-reader.h"
#include "kefu-fuzz.h"
#include "kefu-fuzz-rows.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  kefu_fuzz_init ();
  path = kefu_fuzz_write_file (data, size, ".csv");
  reader = kefu_text_reader_new (path, NULL, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == KEFU_READER_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert (g_utf8_validate (kefu_text_reader_get_encoding (KEFU_TEXT_READER (reader)), -1, NULL));
  kefu_fuzz_read_all (reader);
  return 0;
}
