/* kefu-mapping-row.h — which field one column of a file feeds, to choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_MAPPING_ROW (kefu_mapping_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuMappingRow, kefu_mapping_row, KEFU, MAPPING_ROW, AdwComboRow)

GtkWidget  *kefu_mapping_row_new        (KefuProfile    *profile,
                                         guint           column,
                                         const char     *header,
                                         const char     *sample);
guint       kefu_mapping_row_get_column (KefuMappingRow *self);
const char *kefu_mapping_row_get_field  (KefuMappingRow *self);
void        kefu_mapping_row_set_field  (KefuMappingRow *self,
                                         const char     *field);

G_END_DECLS
