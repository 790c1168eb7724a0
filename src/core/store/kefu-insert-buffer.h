/* kefu-insert-buffer.h — rows of one table, inserted many per statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _KefuInsertBuffer KefuInsertBuffer;

KefuInsertBuffer *_kefu_insert_buffer_new     (const char        *table_and_columns,
                                               guint              n_columns);
void              _kefu_insert_buffer_free    (KefuInsertBuffer  *self);

void              _kefu_insert_buffer_int     (KefuInsertBuffer  *self,
                                               gint64             value);
void              _kefu_insert_buffer_double  (KefuInsertBuffer  *self,
                                               double             value);
void              _kefu_insert_buffer_text    (KefuInsertBuffer  *self,
                                               const char        *text);
void              _kefu_insert_buffer_null    (KefuInsertBuffer  *self);
gboolean          _kefu_insert_buffer_is_full (KefuInsertBuffer  *self);
gboolean          _kefu_insert_buffer_is_empty (KefuInsertBuffer *self);

int               _kefu_insert_buffer_flush   (KefuInsertBuffer  *self,
                                               sqlite3           *db);
void              _kefu_insert_buffer_discard (KefuInsertBuffer  *self);

G_END_DECLS
