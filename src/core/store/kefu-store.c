/* kefu-store.c — opening, identifying and migrating the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kefu-store-private.h"

struct _KefuStore
{
  GObject     parent_instance;

  sqlite3    *db;
  sqlite3    *reader;       /* a second connection for a thread reading beside db */
  char       *path;
  char       *backup_path;
  GHashTable *statements;   /* SQL literal → sqlite3_stmt, prepared once */
  KefuInsertBuffer *buffers[KEFU_STORE_N_BUFFERED];  /* rows added in a transaction, not yet inserted */
  GError     *flush_error;  /* of inserting them when nobody could be told */
  int         schema_version;
  guint       in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (KefuStore, kefu_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kefu-store-error-quark, kefu_store_error)

static void
kefu_store_finalize (GObject *object)
{
  KefuStore *self = KEFU_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  for (guint i = 0; i < KEFU_STORE_N_BUFFERED; i++)
    g_clear_pointer (&self->buffers[i], _kefu_insert_buffer_free);
  g_clear_error (&self->flush_error);
  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (kefu_store_parent_class)->finalize (object);
}

static void
kefu_store_class_init (KefuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kefu_store_init (KefuStore *self)
{
  /* Keyed by the address of the SQL literal: hashing the text of every
   * statement on every row costs more than the insert it prepares. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

char *
kefu_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kefu", "kefu.db", NULL);
}

/**
 * kefu_store_get_demo_path:
 * @db_path: (nullable): the user's database, or %NULL for the default one
 *
 * The demo shop has a database of its own beside the user's, so that
 * exploring it never mixes with real data.
 *
 * Returns: (transfer full): the demo database's path
 */
char *
kefu_store_get_demo_path (const char *db_path)
{
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;

  if (db_path == NULL)
    db_path = default_path = kefu_store_get_default_path ();

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "demo.db", NULL);
}

int
kefu_store_get_latest_version (void)
{
  return _kefu_store_migrations[_kefu_store_n_migrations - 1].version;
}

void
_kefu_store_set_error (KefuStore  *self,
                       GError    **error)
{
  int code = sqlite3_extended_errcode (self->db);
  KefuStoreError kind = KEFU_STORE_ERROR_FAILED;

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    kind = KEFU_STORE_ERROR_CONSTRAINT;

  g_set_error (error, KEFU_STORE_ERROR, kind,
               _("The database “%s” could not be updated: %s"),
               self->path, sqlite3_errmsg (self->db));
}

/* A failed read on @db, the store's connection or its second one. */
void
_kefu_store_set_read_error (KefuStore  *self,
                            sqlite3    *db,
                            GError    **error)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
               _("The database “%s” could not be read: %s"),
               self->path, sqlite3_errmsg (db));
}

sqlite3 *
_kefu_store_get_db (KefuStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  /* Whatever the caller runs sees every row added before; a failure is
   * told by the commit. */
  if (!_kefu_store_flush (self, &error) && self->flush_error == NULL)
    self->flush_error = g_steal_pointer (&error);
  return self->db;
}

/**
 * _kefu_store_insert_buffer:
 *
 * The buffer that keeps the rows of @table added in a transaction until
 * the next statement, or until it is full.
 */
KefuInsertBuffer *
_kefu_store_insert_buffer (KefuStore         *self,
                           KefuStoreBuffered  table)
{
  static const struct { const char *columns; guint n_columns; } tables[] = {
    [KEFU_STORE_MESSAGES] = { "message (batch_id, shop_id, agent_id, conversation, buyer, sent_at, "
                              "sender, type, content)", 9 },
    [KEFU_STORE_ORDERS] = { "order_ (batch_id, shop_id, agent_id, order_no, buyer, status, "
                            "created_at, paid_at, amount, paid_amount, items, after_sale)", 12 },
  };

  if (self->buffers[table] == NULL)
    self->buffers[table] = _kefu_insert_buffer_new (tables[table].columns, tables[table].n_columns);
  return self->buffers[table];
}

/**
 * _kefu_store_end_row:
 *
 * Ends a row of @buffer: outside a transaction, and when the buffer is
 * full, its rows are inserted now.
 */
gboolean
_kefu_store_end_row (KefuStore         *self,
                     KefuInsertBuffer  *buffer,
                     GError           **error)
{
  if (self->in_transaction && !_kefu_insert_buffer_is_full (buffer))
    return TRUE;
  return _kefu_store_flush (self, error);
}

static void
discard_buffers (KefuStore *self)
{
  for (guint i = 0; i < KEFU_STORE_N_BUFFERED; i++)
    if (self->buffers[i] != NULL)
      _kefu_insert_buffer_discard (self->buffers[i]);
}

/* Inserts the rows the buffers keep. */
gboolean
_kefu_store_flush (KefuStore  *self,
                   GError    **error)
{
  for (guint i = 0; i < KEFU_STORE_N_BUFFERED; i++)
    if (self->buffers[i] != NULL && !_kefu_insert_buffer_is_empty (self->buffers[i]) &&
        _kefu_insert_buffer_flush (self->buffers[i], self->db) != SQLITE_OK)
      {
        _kefu_store_set_error (self, error);
        discard_buffers (self);
        return FALSE;
      }
  return TRUE;
}

sqlite3_stmt *
_kefu_store_prepare (KefuStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  /* Whatever runs next sees every row added before. */
  if (!_kefu_store_flush (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      _kefu_store_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows, and resets it. */
gboolean
_kefu_store_run (KefuStore     *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
exec (KefuStore   *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _kefu_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads a single integer (a pragma or a count). */
static gboolean
query_int (KefuStore   *self,
           const char  *sql,
           gint64      *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      /* Reading the header is the first thing we do, so failing here
       * means the file is not a database (or not readable) at all. */
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN,
                   _("“%s” is not a Kefu database and was left untouched: %s"),
                   self->path, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Copies the whole database next to it before a migration changes it. */
static gboolean
write_backup (KefuStore  *self,
              int         from_version,
              GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup_path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  backup_path = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);

  rc = sqlite3_open_v2 (backup_path, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (copy);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BACKUP,
                   _("Could not write the backup “%s” before upgrading the database: %s"),
                   backup_path, copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close (copy);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

static gboolean
migrate (KefuStore                *self,
         const KefuStoreMigration *migrations,
         guint                     n_migrations,
         int                       from_version,
         gboolean                  fresh,
         GError                  **error)
{
  g_autofree char *set_version = NULL;
  int to_version = migrations[n_migrations - 1].version;

  if (!fresh && !write_backup (self, from_version, error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *failure = NULL;

      if (migrations[i].version <= from_version)
        continue;

      if (migrations[i].sql != NULL)
        {
          if (sqlite3_exec (self->db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK)
            failure = g_strdup (sqlite3_errmsg (self->db));
        }
      else
        failure = migrations[i].apply (self->db);

      if (failure != NULL)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_MIGRATION,
                       _("Could not upgrade the database “%s” to version %d: %s"),
                       self->path, migrations[i].version, failure);
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  /* Pragmas take no parameters; the values are our own integers. */
  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                 KEFU_STORE_APPLICATION_ID, to_version);
  if (!exec (self, set_version, error) || !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_database (KefuStore                *self,
               const KefuStoreMigration *migrations,
               guint                     n_migrations,
               GError                  **error)
{
  int latest = migrations[n_migrations - 1].version;
  gint64 application_id, version, n_objects;
  gboolean fresh;

  /* A store is used by the one thread that opened it (a worker opens its
   * own), so its connection needs no mutex of its own: SQLite would lock
   * one on every call, a column read included. */
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : _("out of memory"));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* Identify the file before anything writes to it. */
  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  fresh = application_id == 0 && version == 0 && n_objects == 0;

  if (!fresh && application_id != KEFU_STORE_APPLICATION_ID)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_KEFU,
                   _("“%s” is a database of another program, not of Kefu; it was left untouched."),
                   self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Kefu "
                     "(schema %d; this version knows up to %d). Update Kefu to open it; "
                     "the file was left untouched."),
                   self->path, (int) version, latest);
      return FALSE;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA cache_size = -32768", error) ||
      !exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (version < latest &&
      !migrate (self, migrations, n_migrations, (int) version, fresh, error))
    return FALSE;

  self->schema_version = latest;
  return TRUE;
}

/* Which imports a connection's read transaction sees: every write to the
 * data tables is an import or the removal of one, in one transaction that
 * adds or deletes its batch. */
static char *
snapshot_of (sqlite3  *db,
             gboolean  begin)
{
  sqlite3_stmt *stmt = NULL;
  char *snapshot = NULL;

  if (begin && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_prepare_v2 (db, "SELECT count(*), total(id), max(id) FROM import_batch",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    snapshot = g_strdup_printf ("%lld %.0f %lld",
                                (long long) sqlite3_column_int64 (stmt, 0),
                                sqlite3_column_double (stmt, 1),
                                (long long) sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);
  if (snapshot == NULL && begin)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return snapshot;
}

static sqlite3 *
open_reader (KefuStore *self)
{
  sqlite3 *reader = NULL;

  if (sqlite3_open_v2 (self->path, &reader, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (reader, "PRAGMA query_only = ON; PRAGMA cache_size = -4096; "
                    "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (reader);
      return NULL;
    }
  sqlite3_extended_result_codes (reader, TRUE);
  sqlite3_busy_timeout (reader, 5000);
  return reader;
}

/**
 * _kefu_store_begin_snapshot:
 * @began: (out): whether a read transaction was begun on the store's
 *   connection (else the caller had one open)
 *
 * Opens a read transaction on the store's connection, unless the caller
 * has one, and one on a second connection that sees the same imports, so
 * that a thread can read beside the store's own. Until
 * _kefu_store_end_snapshot(), the second connection belongs to that thread.
 *
 * Returns: (nullable): the second connection, or %NULL when there can be
 *   none (the store's connection has changes no other connection sees, or
 *   the imports changed meanwhile)
 */
sqlite3 *
_kefu_store_begin_snapshot (KefuStore *self,
                            gboolean  *began)
{
  gboolean own = sqlite3_get_autocommit (self->db);

  *began = FALSE;
  if (sqlite3_txn_state (self->db, "main") == SQLITE_TXN_WRITE)
    return NULL;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      if ((ours = snapshot_of (self->db, own)) == NULL)
        return NULL;
      *began = own;
      if (self->reader == NULL && (self->reader = open_reader (self)) == NULL)
        return NULL;
      if ((theirs = snapshot_of (self->reader, TRUE)) == NULL)
        return NULL;
      if (g_str_equal (ours, theirs))
        return self->reader;

      sqlite3_exec (self->reader, "ROLLBACK", NULL, NULL, NULL);
      if (own)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      *began = FALSE;
    }
  return NULL;
}

void
_kefu_store_end_snapshot (KefuStore *self,
                          gboolean   began,
                          sqlite3   *reader)
{
  if (reader != NULL)
    sqlite3_exec (reader, "ROLLBACK", NULL, NULL, NULL);
  if (began)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

KefuStore *
_kefu_store_open_with_migrations (const char               *path,
                                  const KefuStoreMigration *migrations,
                                  guint                     n_migrations,
                                  GError                  **error)
{
  g_autoptr(KefuStore) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_migrations > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEFU_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!open_database (self, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * kefu_store_open:
 * @path: the database file; created when missing
 * @error: a #GError, or %NULL
 *
 * Opens a Kefu database, creating it or upgrading it to the current schema
 * (after writing a backup copy). A file that is not a Kefu database, or that
 * a newer Kefu wrote, is refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_store_open (const char  *path,
                 GError     **error)
{
  return _kefu_store_open_with_migrations (path, _kefu_store_migrations,
                                           _kefu_store_n_migrations, error);
}

const char *
kefu_store_get_path (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return self->path;
}

int
kefu_store_get_schema_version (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * kefu_store_get_backup_path:
 *
 * Returns: (nullable): the copy written before this open migrated the
 *   database, or %NULL when no migration was needed
 */
const char *
kefu_store_get_backup_path (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return self->backup_path;
}

gboolean
kefu_store_begin (KefuStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
kefu_store_commit (KefuStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (self->flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->flush_error));
      kefu_store_rollback (self);
      return FALSE;
    }
  if (!_kefu_store_flush (self, error) || !exec (self, "COMMIT", error))
    {
      kefu_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

void
kefu_store_rollback (KefuStore *self)
{
  g_return_if_fail (KEFU_IS_STORE (self));

  if (!self->in_transaction)
    return;

  discard_buffers (self);
  g_clear_error (&self->flush_error);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
kefu_store_in_transaction (KefuStore *self)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  return self->in_transaction;
}
