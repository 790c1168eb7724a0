/* kefu-preview-view.h — the first rows of a file, as the import read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-preview-row.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PREVIEW_VIEW (kefu_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuPreviewView, kefu_preview_view, KEFU, PREVIEW_VIEW, AdwBin)

void        kefu_preview_view_set_result (KefuPreviewView  *self,
                                          KefuImportResult *result);
GListModel *kefu_preview_view_get_rows   (KefuPreviewView  *self);

G_END_DECLS
