/* kefu-scheme-view.h — the Scoring view: the shop's schemes, edited and previewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"
#include "kefu-scheme-editor.h"
#include "kefu-scheme-history.h"
#include "kefu-scheme-preview.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_VIEW (kefu_scheme_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeView, kefu_scheme_view, KEFU, SCHEME_VIEW, AdwBin)

void               kefu_scheme_view_set_workspace (KefuSchemeView *self,
                                                   KefuWorkspace  *workspace);
KefuWorkspace     *kefu_scheme_view_get_workspace (KefuSchemeView *self);
GListModel        *kefu_scheme_view_get_schemes   (KefuSchemeView *self);
void               kefu_scheme_view_select        (KefuSchemeView *self,
                                                   guint           position);
KefuScheme        *kefu_scheme_view_get_saved     (KefuSchemeView *self);
KefuScheme        *kefu_scheme_view_get_scheme    (KefuSchemeView *self);
gboolean           kefu_scheme_view_get_modified  (KefuSchemeView *self);
KefuSchemeEditor  *kefu_scheme_view_get_editor    (KefuSchemeView *self);
KefuSchemePreview *kefu_scheme_view_get_preview   (KefuSchemeView *self);
KefuSchemeHistory *kefu_scheme_view_get_history   (KefuSchemeView *self);
void               kefu_scheme_view_rescore       (KefuSchemeView *self);

G_END_DECLS
