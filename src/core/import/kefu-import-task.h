/* kefu-import-task.h — importing files off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "import/kefu-importer.h"

G_BEGIN_DECLS

void       kefu_import_files_async  (const char               *db_path,
                                     const char * const       *paths,
                                     const KefuImportOptions  *options,
                                     GCancellable             *cancellable,
                                     KefuImportProgress        progress,
                                     gpointer                  progress_data,
                                     GDestroyNotify            progress_destroy,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data);
GPtrArray *kefu_import_files_finish (GAsyncResult             *result,
                                     GError                  **error);

G_END_DECLS
