/* kefu-scheme-history.h — undo and redo for a scheme being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_HISTORY (kefu_scheme_history_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeHistory, kefu_scheme_history, KEFU, SCHEME_HISTORY, GObject)

KefuSchemeHistory *kefu_scheme_history_new          (void);
KefuScheme        *kefu_scheme_history_get_scheme   (KefuSchemeHistory *self);
void               kefu_scheme_history_set_scheme   (KefuSchemeHistory *self,
                                                     KefuScheme        *scheme);
gboolean           kefu_scheme_history_get_can_undo (KefuSchemeHistory *self);
gboolean           kefu_scheme_history_get_can_redo (KefuSchemeHistory *self);
gboolean           kefu_scheme_history_undo         (KefuSchemeHistory *self);
gboolean           kefu_scheme_history_redo         (KefuSchemeHistory *self);

G_END_DECLS
