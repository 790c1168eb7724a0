/* kefu-demo.h — the demo shop a new user can explore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

G_BEGIN_DECLS

KefuStore *kefu_demo_open (const char  *path,
                           GError     **error);

G_END_DECLS
