/* kefu-insert-buffer.c — rows of one table, inserted many per statement
 *
 * An import stores hundreds of thousands of rows, one statement each, and
 * SQLite spends as much on running a statement (opening and closing the
 * cursors of the table, its indexes and the tables its foreign keys name)
 * as on inserting the row. Rows are kept here, their texts copied, and
 * inserted ROWS_PER_STATEMENT at a time by one INSERT … VALUES (…), (…),
 * which runs the statement once for them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "store/kefu-insert-buffer.h"

#define ROWS_PER_STATEMENT 32

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType type;
  union
  {
    gint64 integer;
    double real;
    gsize  text;     /* offset in the buffer's texts */
  };
} Value;

struct _KefuInsertBuffer
{
  char         *sql_head;    /* INSERT OR FAIL INTO table (columns) VALUES */
  guint         n_columns;
  GArray       *values;      /* Value, row after row */
  GString      *texts;       /* each ended by a NUL */
  sqlite3_stmt *one;         /* one row */
  sqlite3_stmt *many;        /* ROWS_PER_STATEMENT rows */
  sqlite3      *db;          /* the statements' */
};

/**
 * _kefu_insert_buffer_new:
 * @table_and_columns: such as "message (batch_id, buyer)"
 */
KefuInsertBuffer *
_kefu_insert_buffer_new (const char *table_and_columns,
                         guint       n_columns)
{
  KefuInsertBuffer *self = g_new0 (KefuInsertBuffer, 1);

  /* OR FAIL: with ABORT, SQLite would journal each many-row statement to
   * undo it alone on a broken NOT NULL or CHECK; the failure rolls the
   * whole transaction back anyway. */
  self->sql_head = g_strdup_printf ("INSERT OR FAIL INTO %s VALUES ", table_and_columns);
  self->n_columns = n_columns;
  self->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), n_columns * ROWS_PER_STATEMENT);
  self->texts = g_string_new (NULL);
  return self;
}

void
_kefu_insert_buffer_free (KefuInsertBuffer *self)
{
  sqlite3_finalize (self->one);
  sqlite3_finalize (self->many);
  g_array_unref (self->values);
  g_string_free (self->texts, TRUE);
  g_free (self->sql_head);
  g_free (self);
}

void
_kefu_insert_buffer_int (KefuInsertBuffer *self,
                         gint64            value)
{
  Value v = { .type = VALUE_INT, .integer = value };

  g_array_append_val (self->values, v);
}

void
_kefu_insert_buffer_double (KefuInsertBuffer *self,
                            double            value)
{
  Value v = { .type = VALUE_DOUBLE, .real = value };

  g_array_append_val (self->values, v);
}

void
_kefu_insert_buffer_text (KefuInsertBuffer *self,
                          const char       *text)
{
  Value v = { .type = VALUE_NULL };

  if (text != NULL)
    {
      v.type = VALUE_TEXT;
      v.text = self->texts->len;
      g_string_append_len (self->texts, text, strlen (text) + 1);
    }
  g_array_append_val (self->values, v);
}

void
_kefu_insert_buffer_null (KefuInsertBuffer *self)
{
  Value v = { .type = VALUE_NULL };

  g_array_append_val (self->values, v);
}

gboolean
_kefu_insert_buffer_is_full (KefuInsertBuffer *self)
{
  return self->values->len >= self->n_columns * ROWS_PER_STATEMENT;
}

gboolean
_kefu_insert_buffer_is_empty (KefuInsertBuffer *self)
{
  return self->values->len == 0;
}

static sqlite3_stmt *
prepare (KefuInsertBuffer *self,
         guint             n_rows,
         int              *rc)
{
  g_autoptr(GString) sql = g_string_new (self->sql_head);
  sqlite3_stmt *stmt = NULL;

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row == 0 ? "(" : ", (");
      for (guint column = 0; column < self->n_columns; column++)
        g_string_append (sql, column == 0 ? "?" : ", ?");
      g_string_append_c (sql, ')');
    }
  *rc = sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  return stmt;
}

static int
run (KefuInsertBuffer *self,
     sqlite3_stmt     *stmt,
     guint             first,
     guint             n_values)
{
  int rc;

  for (guint i = 0; i < n_values; i++)
    {
      const Value *v = &g_array_index (self->values, Value, first + i);

      switch (v->type)
        {
        case VALUE_INT:
          sqlite3_bind_int64 (stmt, i + 1, v->integer);
          break;
        case VALUE_DOUBLE:
          sqlite3_bind_double (stmt, i + 1, v->real);
          break;
        case VALUE_TEXT:
          /* The texts stay put until the statement is reset below. */
          sqlite3_bind_text (stmt, i + 1, self->texts->str + v->text, -1, SQLITE_STATIC);
          break;
        case VALUE_NULL:
        default:
          sqlite3_bind_null (stmt, i + 1);
          break;
        }
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/**
 * _kefu_insert_buffer_flush:
 *
 * Inserts the rows kept so far, in their order, and forgets them.
 *
 * Returns: SQLITE_OK, or the error code (with @db's message)
 */
int
_kefu_insert_buffer_flush (KefuInsertBuffer *self,
                           sqlite3          *db)
{
  guint row_values = self->n_columns;
  guint n_rows = self->values->len / row_values;
  guint row = 0;
  int rc = SQLITE_OK;

  g_return_val_if_fail (self->values->len % row_values == 0, SQLITE_MISUSE);

  if (self->db != db)
    {
      g_clear_pointer (&self->one, sqlite3_finalize);
      g_clear_pointer (&self->many, sqlite3_finalize);
      self->db = db;
    }

  if (n_rows >= ROWS_PER_STATEMENT && self->many == NULL)
    self->many = prepare (self, ROWS_PER_STATEMENT, &rc);
  for (; rc == SQLITE_OK && n_rows - row >= ROWS_PER_STATEMENT; row += ROWS_PER_STATEMENT)
    rc = run (self, self->many, row * row_values, ROWS_PER_STATEMENT * row_values);

  if (rc == SQLITE_OK && row < n_rows && self->one == NULL)
    self->one = prepare (self, 1, &rc);
  for (; rc == SQLITE_OK && row < n_rows; row++)
    rc = run (self, self->one, row * row_values, row_values);

  _kefu_insert_buffer_discard (self);
  return rc;
}

void
_kefu_insert_buffer_discard (KefuInsertBuffer *self)
{
  g_array_set_size (self->values, 0);
  g_string_truncate (self->texts, 0);
}
