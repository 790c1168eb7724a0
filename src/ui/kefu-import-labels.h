/* kefu-import-labels.h — names people read for what the importer calls by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *kefu_import_kind_get_label  (const char *kind);
const char *kefu_import_field_get_label (const char *field);

G_END_DECLS
