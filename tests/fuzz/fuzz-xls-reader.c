/* fuzz-xls-reader.c — Excel 97–2003 workbooks through FreeXL
 *
 * The parser in this process, where AddressSanitizer sees what FreeXL
 * does. Kefu itself runs it in kefu-xls-reader, a process of its own
 * (KefuXlsReader), which a crash ends alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "io/kefu-xls-parser.h"
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
  path = kefu_fuzz_write_file (data, size, ".xls");
  reader = kefu_xls_parser_new (path, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == KEFU_READER_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  kefu_fuzz_read_all (reader);
  return 0;
}
