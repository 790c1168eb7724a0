/* kefu-text-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

#define KEFU_TYPE_TEXT_READER (kefu_text_reader_get_type ())
G_DECLARE_FINAL_TYPE (KefuTextReader, kefu_text_reader, KEFU, TEXT_READER, KefuTableReader)

KefuTableReader *kefu_text_reader_new          (const char      *path,
                                                const char      *encoding,
                                                GError         **error);
const char      *kefu_text_reader_get_encoding  (KefuTextReader  *self);
char             kefu_text_reader_get_delimiter (KefuTextReader  *self);

G_END_DECLS
