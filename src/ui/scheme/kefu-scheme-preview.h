/* kefu-scheme-preview.h — the period's agents as the scheme being edited scores them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_PREVIEW (kefu_scheme_preview_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemePreview, kefu_scheme_preview, KEFU, SCHEME_PREVIEW, GtkWidget)

GtkWidget       *kefu_scheme_preview_new             (void);
KefuScoreReport *kefu_scheme_preview_get_report      (KefuSchemePreview *self);
void             kefu_scheme_preview_set_report      (KefuSchemePreview *self,
                                                      KefuScoreReport   *report,
                                                      gint64             microseconds);
void             kefu_scheme_preview_set_baseline    (KefuSchemePreview *self,
                                                      KefuScoreReport   *baseline);
int              kefu_scheme_preview_get_rank_change (KefuSchemePreview *self,
                                                      KefuAgentScore    *agent);
void             kefu_scheme_preview_set_message     (KefuSchemePreview *self,
                                                      const char        *message);

G_END_DECLS
