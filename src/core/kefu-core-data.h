/* kefu-core-data.h — the data compiled into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kefu_core_ensure_resources (void);

G_END_DECLS
