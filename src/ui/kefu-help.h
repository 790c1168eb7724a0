/* kefu-help.h — the user guide shipped with Kefu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GFile *kefu_help_find (const char         *help_dir,
                       const char * const *languages);
void   kefu_help_show (GtkWindow          *parent);

G_END_DECLS
