/* kefu-store-private.h — internals shared by the store's files and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kefu-store.h"
#include "store/kefu-insert-buffer.h"

G_BEGIN_DECLS

/* One forward step of the schema: applying @sql, or calling @apply when
 * a step takes more than SQL, brings a database at version - 1 to
 * @version. Steps run in one transaction; @apply returns NULL, or what
 * went wrong. */
typedef struct
{
  int         version;
  const char *sql;
  char     *(*apply) (sqlite3 *db);
} KefuStoreMigration;

extern const KefuStoreMigration _kefu_store_migrations[];
extern const guint              _kefu_store_n_migrations;

KefuStore    *_kefu_store_open_with_migrations (const char               *path,
                                                const KefuStoreMigration *migrations,
                                                guint                     n_migrations,
                                                GError                  **error);
sqlite3      *_kefu_store_get_db               (KefuStore                *self);
/* @sql must be a string literal (or live as long as the store): the
 * prepared statement is cached by its address. */
sqlite3_stmt *_kefu_store_prepare              (KefuStore                *self,
                                                const char               *sql,
                                                GError                  **error);
gboolean      _kefu_store_run                  (KefuStore                *self,
                                                sqlite3_stmt             *stmt,
                                                GError                  **error);
void          _kefu_store_set_error            (KefuStore                *self,
                                                GError                  **error);
void          _kefu_store_set_read_error       (KefuStore                *self,
                                                sqlite3                  *db,
                                                GError                  **error);
/* The tables whose rows an import adds by the hundred thousand. */
typedef enum
{
  KEFU_STORE_MESSAGES,
  KEFU_STORE_ORDERS,
  KEFU_STORE_N_BUFFERED,
} KefuStoreBuffered;

KefuInsertBuffer *_kefu_store_insert_buffer   (KefuStore                *self,
                                                KefuStoreBuffered         table);
gboolean      _kefu_store_end_row              (KefuStore                *self,
                                                KefuInsertBuffer         *buffer,
                                                GError                  **error);
gboolean      _kefu_store_flush                (KefuStore                *self,
                                                GError                  **error);
sqlite3      *_kefu_store_begin_snapshot       (KefuStore                *self,
                                                gboolean                 *began);
void          _kefu_store_end_snapshot         (KefuStore                *self,
                                                gboolean                  began,
                                                sqlite3                  *reader);

G_END_DECLS
