/* fuzz-scheme.c — scoring schemes as JSON
 *
 * A text either loads, or is refused with a KEFU_SCHEME_ERROR; a loaded
 * scheme validates without crashing, and saves to JSON that loads back
 * to the same JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scoring/kefu-scheme.h"
#include "kefu-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(KefuScheme) scheme = NULL;
  g_autoptr(KefuScheme) again = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  kefu_fuzz_init ();
  scheme = kefu_scheme_new_from_data ((const char *) data, size, "fuzz.json", &error);
  if (scheme == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  issues = kefu_scheme_validate (scheme, NULL);
  g_assert (issues != NULL);

  saved = kefu_scheme_to_data (scheme);
  again = kefu_scheme_new_from_data (saved, -1, "saved.json", &error);
  g_assert_no_error (error);
  saved_again = kefu_scheme_to_data (again);
  g_assert_cmpstr (saved, ==, saved_again);
  return 0;
}
