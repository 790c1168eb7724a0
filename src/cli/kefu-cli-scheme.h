/* kefu-cli-scheme.h — kefu-cli scheme and kefu-cli score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

gboolean kefu_cli_scheme (KefuStore  *store,
                          char      **args,
                          GError    **error);
gboolean kefu_cli_score  (KefuStore  *store,
                          char      **args,
                          GError    **error);

KefuScheme *kefu_cli_resolve_scheme (KefuStore   *store,
                                     const char  *name,
                                     GError     **error);

G_END_DECLS
