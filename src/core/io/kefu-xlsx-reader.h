/* kefu-xlsx-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

#define KEFU_TYPE_XLSX_READER (kefu_xlsx_reader_get_type ())
G_DECLARE_FINAL_TYPE (KefuXlsxReader, kefu_xlsx_reader, KEFU, XLSX_READER, KefuTableReader)

KefuTableReader *kefu_xlsx_reader_new (const char  *path,
                                       GError     **error);

G_END_DECLS
