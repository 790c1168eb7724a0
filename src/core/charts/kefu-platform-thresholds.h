/* kefu-platform-thresholds.h — the lines a platform holds a shop to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double kefu_platform_threshold (const char *platform,
                                const char *key);

G_END_DECLS
