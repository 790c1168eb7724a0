/* kefu-data-view.h — the imported files, to look at and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DATA_VIEW (kefu_data_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuDataView, kefu_data_view, KEFU, DATA_VIEW, AdwBin)

void                kefu_data_view_set_store     (KefuDataView *self,
                                                  KefuStore    *store);
void                kefu_data_view_reload        (KefuDataView *self);
GtkSelectionModel  *kefu_data_view_get_selection (KefuDataView *self);

G_END_DECLS
