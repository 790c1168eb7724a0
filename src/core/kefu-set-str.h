/* kefu-set-str.h — a string property's setter, as GLib 2.76 has it
 *
 * g_set_str() is GLib 2.76; Debian 12 has 2.74.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Sets *@field to a copy of @value; TRUE when that changed it. */
static inline gboolean
kefu_set_str (char       **field,
              const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
