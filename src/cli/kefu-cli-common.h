/* kefu-cli-common.h — what the CLI's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

/* Exit statuses: 0 done, 1 refused (nothing of that file stored), 2 usage. */
#define EXIT_REFUSED 1
#define EXIT_USAGE 2

/* A usage mistake, as opposed to a refusal of the data: exits with 2. */
#define USAGE_ERROR(error, ...) \
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, __VA_ARGS__)

gboolean kefu_cli_parse_day (const char  *text,
                             GDate       *day,
                             GError     **error);
gint64   kefu_cli_find_shop (KefuStore   *store,
                             const char  *name,
                             char       **shop_name,
                             GError     **error);

G_END_DECLS
