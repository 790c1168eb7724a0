/* kefu-import-inspector-private.h — what the inspector's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-import-inspector.h"
#include "kefu-period-picker.h"
#include "kefu-preview-view.h"

G_BEGIN_DECLS

struct _KefuImportInspector
{
  AdwBin            parent_instance;

  KefuImportItem   *item;
  GListModel       *shops;
  GPtrArray        *profile_ids;   /* per position of the profile row; NULL first */
  GListModel       *preview;
  char             *mapping_key;   /* what the mapping rows were built for */
  gboolean          updating;      /* showing the item, not choosing */
  gboolean          busy;          /* the wizard is checking a file */

  GtkStack         *stack;
  GtkScrolledWindow *scrolled;
  GtkSpinner       *spinner;
  GtkSpinner       *recheck_spinner;
  GtkImage         *status_icon;
  GtkLabel         *file_label;
  GtkLabel         *status_label;
  AdwActionRow     *kind_row;
  GtkLabel         *kind_label;
  AdwComboRow      *profile_row;
  AdwActionRow     *confidence_row;
  GtkLabel         *confidence_label;
  AdwComboRow      *encoding_row;
  AdwActionRow     *period_row;
  KefuPeriodPicker *period_picker;
  GtkWidget        *period_button;
  AdwComboRow      *shop_row;
  AdwComboRow      *overlap_row;
  AdwPreferencesGroup *preview_group;
  KefuPreviewView  *preview_view;
  AdwPreferencesGroup *mapping_group;
  GtkWidget        *save_button;
  GtkListBox       *mapping_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox       *problems_list;
};

KefuImportFacts *_kefu_import_inspector_get_facts            (KefuImportInspector *self);
void             _kefu_import_inspector_show_details         (KefuImportInspector *self,
                                                              KefuImportResult    *result);
void             _kefu_import_inspector_show_period          (KefuImportInspector *self,
                                                              KefuImportResult    *result);
void             _kefu_import_inspector_show_shop            (KefuImportInspector *self);
void             _kefu_import_inspector_on_profile_selected  (KefuImportInspector *self);
void             _kefu_import_inspector_on_encoding_selected (KefuImportInspector *self);
void             _kefu_import_inspector_on_shop_selected     (KefuImportInspector *self);
void             _kefu_import_inspector_on_overlap_selected  (KefuImportInspector *self);
void             _kefu_import_inspector_on_period_chosen     (KefuImportInspector *self);

G_END_DECLS
