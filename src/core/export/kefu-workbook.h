/* kefu-workbook.h — the Excel appraisal workbook (考核表)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric-settings.h"
#include "scoring/kefu-score-report.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_WORKBOOK_ERROR (kefu_workbook_error_quark ())

typedef enum
{
  KEFU_WORKBOOK_ERROR_TARGET,     /* the file cannot be written there: a folder, no permission… */
  KEFU_WORKBOOK_ERROR_WRITE,      /* writing the workbook failed (disk full, …) */
  KEFU_WORKBOOK_ERROR_LANGUAGE,   /* Kefu has no translation for the language asked for */
} KefuWorkbookError;

#define KEFU_TYPE_WORKBOOK (kefu_workbook_get_type ())
G_DECLARE_FINAL_TYPE (KefuWorkbook, kefu_workbook, KEFU, WORKBOOK, GObject)

GQuark           kefu_workbook_error_quark     (void);

KefuWorkbook    *kefu_workbook_new             (KefuScoreReport          *report);
KefuWorkbook    *kefu_workbook_new_from_store  (KefuStore                *store,
                                                gint64                    shop_id,
                                                KefuScheme               *scheme,
                                                const GDate              *from,
                                                const GDate              *to,
                                                const KefuMetricSettings *settings,
                                                KefuManualScores         *manual,
                                                GCancellable             *cancellable,
                                                GError                  **error);
KefuScoreReport *kefu_workbook_get_report      (KefuWorkbook             *self);
const char      *kefu_workbook_get_shop_name   (KefuWorkbook             *self);
void             kefu_workbook_set_shop_name   (KefuWorkbook             *self,
                                                const char               *shop_name);
const char      *kefu_workbook_get_language    (KefuWorkbook             *self);
gboolean         kefu_workbook_set_language    (KefuWorkbook             *self,
                                                const char               *language,
                                                GError                  **error);
gboolean         kefu_workbook_get_mask_buyers (KefuWorkbook             *self);
void             kefu_workbook_set_mask_buyers (KefuWorkbook             *self,
                                                gboolean                  mask_buyers);
GDateTime       *kefu_workbook_get_created     (KefuWorkbook             *self);
void             kefu_workbook_set_created     (KefuWorkbook             *self,
                                                GDateTime                *created);
char            *kefu_workbook_suggest_name    (KefuWorkbook             *self);

gboolean         kefu_workbook_load            (KefuWorkbook             *self,
                                                KefuStore                *store,
                                                gint64                    shop_id,
                                                const KefuMetricSettings *settings,
                                                GCancellable             *cancellable,
                                                GError                  **error);
gboolean         kefu_workbook_write           (KefuWorkbook             *self,
                                                const char               *path,
                                                GCancellable             *cancellable,
                                                GError                  **error);
void             kefu_workbook_export_async    (KefuWorkbook             *self,
                                                const char               *db_path,
                                                gint64                    shop_id,
                                                const KefuMetricSettings *settings,
                                                const char               *path,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
gboolean         kefu_workbook_export_finish   (KefuWorkbook             *self,
                                                GAsyncResult             *result,
                                                GError                  **error);

G_END_DECLS
