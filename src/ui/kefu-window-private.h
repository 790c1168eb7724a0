/* kefu-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-period-picker.h"
#include "kefu-scheme-view.h"
#include "kefu-window.h"

G_BEGIN_DECLS

struct _KefuWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkLabel             *shop_name_label;
  GtkLabel             *shop_platform_label;
  KefuPeriodPicker     *period_picker;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  KefuSchemeView       *scheme_view;

  KefuWorkspace        *workspace;            /* what the views show */
  char                 *shop_name;            /* the shop shown, or NULL */
  GCancellable         *import_cancellable;   /* set while importing */
  GArray               *last_batches;         /* gint64: what Undo removes */
};

void _kefu_window_show_store         (KefuWindow     *self);
void _kefu_window_class_init_import  (GtkWidgetClass *widget_class);
void _kefu_window_init_import        (KefuWindow     *self);
void _kefu_window_dispose_import     (KefuWindow     *self);

G_END_DECLS
