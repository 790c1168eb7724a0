/* kefu-xls-reader-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-xls-reader.h"

G_BEGIN_DECLS

/* How long readers opened from now on wait for kefu-xls-reader to say
 * something before they take the file for damaged. */
void _kefu_xls_reader_set_timeout (guint seconds);

G_END_DECLS
