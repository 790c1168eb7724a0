/* kefu-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-application.h"
#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_WINDOW (kefu_window_get_type ())
G_DECLARE_FINAL_TYPE (KefuWindow, kefu_window, KEFU, WINDOW, AdwApplicationWindow)

KefuWindow *kefu_window_new           (KefuApplication *application);
const char *kefu_window_get_view      (KefuWindow      *self);
void        kefu_window_set_view      (KefuWindow      *self,
                                       const char      *view);
void        kefu_window_import_files  (KefuWindow      *self,
                                       GListModel      *files);
KefuWorkspace *kefu_window_get_workspace (KefuWindow   *self);

G_END_DECLS
