/* kefu-test-utils.h — small helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *kefu_test_make_tmpdir   (void);
void   kefu_test_remove_tree   (const char *path);
char  *kefu_test_file_checksum (const char *path);
void   kefu_test_wait_for_idle (void);

G_END_DECLS
