/* kefu-core-data.c — the data compiled into the library
 *
 * Built-in import profiles and scoring schemes live in a GResource inside
 * libkefu-core, so the app and the CLI work straight from the build tree.
 * The library is static: its resource is registered by hand, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-core-data.h"
#include "kefu-core-resources.h"

void
kefu_core_ensure_resources (void)
{
  static gsize registered;

  /* Registering twice would corrupt GLib's list of resources. */
  if (g_once_init_enter (&registered))
    {
      kefu_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
