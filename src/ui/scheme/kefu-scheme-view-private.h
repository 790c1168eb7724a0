/* kefu-scheme-view-private.h — what the Scoring view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-scheme-view.h"

G_BEGIN_DECLS

struct _KefuSchemeView
{
  AdwBin                parent_instance;

  KefuWorkspace        *workspace;
  GListStore           *schemes;       /* built-in, then the shop's own */
  KefuScheme           *saved;         /* the selected scheme as saved */
  KefuScheme           *working;       /* its copy being edited */
  KefuSchemeHistory    *history;
  gint64                default_id;    /* the shop's default scheme, or 0 */
  guint                 rescore_source;
  gboolean              modified;
  gboolean              reloading;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *scheme_list;
  GtkWidget            *content;
  GtkLabel             *title_label;
  KefuSchemeEditor     *editor;
  KefuSchemePreview    *preview;
};

void     _kefu_scheme_view_class_init_actions (GtkWidgetClass *widget_class);
void     _kefu_scheme_view_update_actions     (KefuSchemeView *self);
void     _kefu_scheme_view_reload             (KefuSchemeView *self,
                                               gint64          select_id);
void     _kefu_scheme_view_toast              (KefuSchemeView *self,
                                               const char     *message);
gint64   _kefu_scheme_view_get_shop_id        (KefuSchemeView *self);
gboolean _kefu_scheme_view_store_new          (KefuSchemeView *self,
                                               KefuScheme     *scheme);

G_END_DECLS
