/* kefu-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-charts-view.h"
#include "kefu-agents-view.h"
#include "kefu-overview-view.h"
#include "kefu-data-view.h"
#include "kefu-import-wizard.h"
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
  KefuChartsView       *charts_view;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  KefuOverviewView     *overview_view;
  KefuAgentsView       *agents_view;
  GtkMenuButton        *shop_button;
  GtkFileChooserNative *export_chooser;
  GCancellable         *export_cancellable;
  KefuDataView         *data_view;
  KefuSchemeView       *scheme_view;

  KefuWorkspace        *workspace;            /* what the views show */
  char                 *shop_name;            /* the shop shown, or NULL */
  GCancellable         *import_cancellable;   /* set while importing */
  GArray               *last_batches;         /* gint64: what Undo removes */
  GPtrArray            *import_queue;         /* KefuImportItem still to import */
  GPtrArray            *import_results;       /* KefuImportResult of this import */
  guint                 import_total;         /* files in this import */
  KefuImportWizard     *wizard;               /* weak: the one open */
};

void _kefu_window_show_store         (KefuWindow     *self);
void _kefu_window_class_init_import  (GtkWidgetClass *widget_class);
void _kefu_window_init_import        (KefuWindow     *self);
void _kefu_window_dispose_import     (KefuWindow     *self);
void _kefu_window_class_init_export  (GtkWidgetClass *widget_class);
void _kefu_window_dispose_export     (KefuWindow     *self);
void _kefu_window_export_to          (KefuWindow     *self,
                                      const char     *path);
void _kefu_window_class_init_shops   (GtkWidgetClass *widget_class);
void _kefu_window_update_shops       (KefuWindow     *self);

G_END_DECLS
