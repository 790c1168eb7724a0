/* fuzz-sheet-scanner.c — the worksheet scanner on any bytes
 *
 * Input: one byte giving the size of the chunks the rest is fed in (1 to
 * 192 bytes, or in steps of 301 bytes up to 19,264 so that a token cut by
 * a chunk's end can take several steps of the next), the rest the part. Fed in those chunks and fed whole, the
 * scanner must report the same events and the same verdict, and what it
 * reports must be what it promises: names that are not empty, attribute
 * values within the part, text of valid UTF-8 without NUL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "io/kefu-sheet-scanner.h"
#include "kefu-fuzz.h"

static void
on_start (gpointer     user_data,
          const char  *local,
          const char  *prefix,
          const char  *uri,
          int          n_attributes,
          const char **attributes)
{
  GString *events = user_data;

  g_assert (local[0] != '\0' && (prefix == NULL || prefix[0] != '\0'));
  g_string_append_printf (events, "<%s:%s:%d", prefix ? prefix : "", local, uri != NULL);
  for (int i = 0; i < n_attributes; i++)
    {
      const char **a = attributes + 5 * i;

      g_assert (a[0][0] != '\0' && a[3] <= a[4]);
      g_string_append_printf (events, " %s:%s=", a[1] ? a[1] : "", a[0]);
      g_string_append_len (events, a[3], a[4] - a[3]);
    }
  g_string_append_c (events, '>');
}

static void
on_end (gpointer    user_data,
        const char *local,
        const char *prefix,
        const char *uri)
{
  g_string_append_printf (user_data, "</%s:%s>", prefix ? prefix : "", local);
}

static void
on_text (gpointer    user_data,
         const char *text,
         gsize       length)
{
  g_assert (length > 0 && g_utf8_validate (text, length, NULL) && memchr (text, '\0', length) == NULL);
  g_string_append_len (user_data, text, length);
}

static const KefuSheetScannerCallbacks callbacks = { on_start, on_end, on_text };

static gboolean
scan (const char *xml,
      gsize       length,
      gsize       chunk,
      GString    *events)
{
  g_autoptr(KefuSheetScanner) scanner = kefu_sheet_scanner_new (&callbacks, events);
  gboolean ok = TRUE;

  for (gsize offset = 0; ok && offset < length; offset += chunk)
    ok = kefu_sheet_scanner_feed (scanner, xml + offset, MIN (chunk, length - offset), FALSE);
  ok = ok && kefu_sheet_scanner_feed (scanner, NULL, 0, TRUE);
  g_assert (ok || kefu_sheet_scanner_get_error (scanner) != NULL);
  return ok;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) chunked = g_string_new (NULL);
  g_autoptr(GString) whole = g_string_new (NULL);
  gboolean ok;

  kefu_fuzz_init ();
  if (size < 1)
    return 0;

  ok = scan ((const char *) data + 1, size - 1,
             data[0] < 192 ? 1 + data[0] : (gsize) (data[0] - 191) * 301, chunked);
  g_assert (scan ((const char *) data + 1, size - 1, size, whole) == ok);
  /* A malformed part may be reported up to where the error is found,
   * which depends on the chunks; a good one never does. */
  if (ok)
    g_assert (g_str_equal (chunked->str, whole->str));
  return 0;
}
