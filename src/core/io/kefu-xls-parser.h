/* kefu-xls-parser.h — Excel 97–2003 workbooks through FreeXL, in this process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

#define KEFU_TYPE_XLS_PARSER (kefu_xls_parser_get_type ())
G_DECLARE_FINAL_TYPE (KefuXlsParser, kefu_xls_parser, KEFU, XLS_PARSER, KefuTableReader)

KefuTableReader *kefu_xls_parser_new        (const char     *path,
                                             GError        **error);
guint            kefu_xls_parser_get_n_rows (KefuXlsParser  *self);

G_END_DECLS
