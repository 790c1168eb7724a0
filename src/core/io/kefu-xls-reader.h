/* kefu-xls-reader.h — Excel 97–2003 workbooks, read in a process of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

#define KEFU_TYPE_XLS_READER (kefu_xls_reader_get_type ())
G_DECLARE_FINAL_TYPE (KefuXlsReader, kefu_xls_reader, KEFU, XLS_READER, KefuTableReader)

KefuTableReader *kefu_xls_reader_new (const char  *path,
                                      GError     **error);

G_END_DECLS
