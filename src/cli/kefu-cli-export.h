/* kefu-cli-export.h — kefu-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

gboolean kefu_cli_export (KefuStore  *store,
                          char      **args,
                          GError    **error);

G_END_DECLS
