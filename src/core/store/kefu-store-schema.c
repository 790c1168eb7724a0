/* kefu-store-schema.c — the schema, as forward migrations
 *
 * Never edit a step that has shipped: add a new one. Each step runs inside
 * the migration transaction, after a backup of the file has been written.
 *
 * Checks on the event tables compare with = rather than IN (…): SQLite
 * builds a temporary index for an IN list on every row inserted.
 *
 * Times of events are seconds since the Unix epoch (UTC); days of periods
 * are 'YYYY-MM-DD' text in the shop's own time zone, which sorts as dates.
 * Every imported row points at its import batch, so deleting a batch
 * removes exactly what it brought (ON DELETE CASCADE). The two biggest
 * tables, message and order_, have no index on batch_id: every insert of
 * an import would pay for it, while undoing a batch, rare, scans once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kefu-store-private.h"

/* Version 2: the foreign keys of message and order_ are checked at
 * commit. SQLite keeps a statement journal of every page a many-row
 * INSERT changes when a foreign key checked at once could abort it
 * half-way; imports insert these rows many per statement, and the journal
 * cost about a seventh of storing them. A broken reference still fails
 * the import's commit, which then stores nothing.
 *
 * SQLite cannot alter a constraint. Rebuilding the two tables took 9 s
 * and 230 MiB for a month of a large shop (a million messages); instead
 * their definitions are rewritten in place, the way SQLite documents for
 * constraint changes that leave every stored row valid and the file's
 * format as it is ("Making Other Kinds Of Table Schema Changes" in
 * lang_altertable.html): the text changed, the schema version raised so
 * that every connection reads it again. */
static char *
defer_event_keys (sqlite3 *db)
{
  static const char rewrite[] =
    "UPDATE sqlite_schema SET sql = "
    "  replace(replace(sql, ' ON DELETE CASCADE,', ' ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,'),"
    "          ' ON DELETE SET NULL,', ' ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,')"
    "WHERE type = 'table' AND (name = 'message' OR name = 'order_')";
  /* Read back once SQLite has parsed the schema again, which a text it
   * could not parse would fail: three keys each, all deferred. */
  static const char check[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND (name = 'message' OR name = 'order_')"
    "  AND length(sql) - length(replace(sql, ' DEFERRABLE INITIALLY DEFERRED,', ''))"
    "      = 3 * length(' DEFERRABLE INITIALLY DEFERRED,')";
  sqlite3_stmt *stmt = NULL;
  int defensive = 0, schema_version = -1, n_rewritten = -1;
  g_autofree char *bump = NULL;
  char *failure = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    schema_version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (schema_version < 0)
    return g_strdup (sqlite3_errmsg (db));

  /* A build of SQLite defensive by default would refuse the rewrite. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  bump = g_strdup_printf ("PRAGMA schema_version = %d", schema_version + 1);
  if (sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, rewrite, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, bump, NULL, NULL, NULL) != SQLITE_OK)
    failure = g_strdup (sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
  if (failure != NULL)
    return failure;

  if (sqlite3_prepare_v2 (db, check, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n_rewritten = sqlite3_column_int (stmt, 0);
  else
    failure = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (failure == NULL && n_rewritten != 2)
    failure = g_strdup (_("its tables of messages and orders are not as an earlier Kefu made them"));
  return failure;
}

const KefuStoreMigration _kefu_store_migrations[] = {
  { 1,
    "CREATE TABLE shop ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL CHECK (length(name) > 0),"
    "  platform TEXT NOT NULL"
    "    CHECK (platform IN ('pdd','taobao','tmall','douyin','jd','other')),"
    "  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',"
    "  created_at TEXT NOT NULL,"
    "  UNIQUE (platform, name));"

    "CREATE TABLE agent ("
    "  id INTEGER PRIMARY KEY,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  account TEXT NOT NULL CHECK (length(account) > 0),"
    "  display_name TEXT NOT NULL,"
    "  UNIQUE (shop_id, account));"

    "CREATE TABLE import_batch ("
    "  id INTEGER PRIMARY KEY,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  file_name TEXT NOT NULL,"
    "  file_size INTEGER NOT NULL CHECK (file_size >= 0),"
    "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
    "  profile TEXT,"
    "  platform TEXT,"
    "  kind TEXT,"
    "  period_start TEXT,"
    "  period_end TEXT,"
    "  imported_at TEXT NOT NULL,"
    "  rows_read INTEGER NOT NULL DEFAULT 0,"
    "  rows_imported INTEGER NOT NULL DEFAULT 0,"
    "  rows_skipped INTEGER NOT NULL DEFAULT 0,"
    "  issues TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),"
    "  UNIQUE (shop_id, sha256));"

    "CREATE TABLE measure ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  agent_id INTEGER REFERENCES agent(id) ON DELETE CASCADE,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL CHECK (period_end >= period_start),"
    "  key TEXT NOT NULL,"
    "  sum REAL NOT NULL,"
    "  count REAL NOT NULL,"
    "  estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated = 0 OR estimated = 1));"
    "CREATE INDEX measure_shop_period ON measure (shop_id, period_start, period_end, key);"
    /* What an import asks of every measure it stores: does another batch
     * hold this agent's key on any of these days? */
    "CREATE INDEX measure_shop_key_agent ON measure (shop_id, key, agent_id, period_start);"
    "CREATE INDEX measure_batch ON measure (batch_id);"

    /* The industry's figures a per-agent export carries in its summary
     * rows (同行同层均值, 同行同层优秀): for comparison, never agents. */
    "CREATE TABLE peer_measure ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  label TEXT NOT NULL,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL CHECK (period_end >= period_start),"
    "  key TEXT NOT NULL,"
    "  sum REAL NOT NULL,"
    "  count REAL NOT NULL);"
    "CREATE INDEX peer_measure_shop_period ON peer_measure (shop_id, period_start, key);"
    "CREATE INDEX peer_measure_batch ON peer_measure (batch_id);"

    "CREATE TABLE message ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  agent_id INTEGER REFERENCES agent(id) ON DELETE CASCADE,"
    "  conversation TEXT,"
    "  buyer TEXT NOT NULL,"
    "  sent_at INTEGER NOT NULL,"
    "  sender TEXT NOT NULL"
    "    CHECK (sender = 'buyer' OR sender = 'agent' OR sender = 'robot'"
    "           OR sender = 'auto' OR sender = 'system'),"
    "  type TEXT,"
    "  content TEXT);"
    "CREATE INDEX message_shop_agent_time ON message (shop_id, agent_id, sent_at);"
    /* Covering: turns are computed walking it alone, by buyer and time. */
    "CREATE INDEX message_shop_buyer_time ON message (shop_id, buyer, sent_at, id, sender, agent_id);"
    "CREATE INDEX message_shop_time ON message (shop_id, sent_at);"

    "CREATE TABLE session ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  agent_id INTEGER REFERENCES agent(id) ON DELETE CASCADE,"
    "  conversation TEXT,"
    "  buyer TEXT,"
    "  started_at INTEGER NOT NULL,"
    "  ended_at INTEGER,"
    "  queued_at INTEGER,"
    "  assigned_at INTEGER,"
    "  transferred INTEGER CHECK (transferred = 0 OR transferred = 1),"
    "  rating TEXT CHECK (rating = 'very_satisfied' OR rating = 'satisfied' OR rating = 'neutral'"
    "    OR rating = 'dissatisfied' OR rating = 'very_dissatisfied'));"
    "CREATE INDEX session_shop_time ON session (shop_id, started_at);"
    "CREATE INDEX session_batch ON session (batch_id);"

    "CREATE TABLE order_ ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  agent_id INTEGER REFERENCES agent(id) ON DELETE SET NULL,"
    "  order_no TEXT NOT NULL,"
    "  buyer TEXT,"
    "  status TEXT,"
    "  created_at INTEGER,"
    "  paid_at INTEGER,"
    "  amount REAL,"
    "  paid_amount REAL,"
    "  items INTEGER,"
    "  after_sale TEXT);"
    "CREATE INDEX order_shop_time ON order_ (shop_id, created_at);"
    "CREATE INDEX order_shop_number ON order_ (shop_id, order_no);"


    "CREATE TABLE refund ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  refund_no TEXT,"
    "  order_no TEXT,"
    "  amount REAL,"
    "  status TEXT,"
    "  goods_status TEXT,"
    "  kind TEXT,"
    "  reason TEXT,"
    "  applied_at INTEGER,"
    "  completed_at INTEGER);"
    "CREATE INDEX refund_shop_time ON refund (shop_id, applied_at);"
    /* An import finds the refunds other batches already brought by number. */
    "CREATE INDEX refund_shop_number ON refund (shop_id, refund_no);"
    "CREATE INDEX refund_batch ON refund (batch_id);"

    "CREATE TABLE review ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,"
    "  shop_id INTEGER NOT NULL REFERENCES shop(id) ON DELETE CASCADE,"
    "  order_no TEXT,"
    "  reviewed_at INTEGER,"
    "  grade TEXT CHECK (grade = 'good' OR grade = 'neutral' OR grade = 'bad'),"
    "  dsr_description REAL,"
    "  dsr_service REAL,"
    "  dsr_logistics REAL);"
    "CREATE INDEX review_shop_time ON review (shop_id, reviewed_at);"
    "CREATE INDEX review_batch ON review (batch_id);"

    "CREATE TABLE scheme ("
    "  id INTEGER PRIMARY KEY,"
    "  shop_id INTEGER REFERENCES shop(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL CHECK (length(name) > 0),"
    "  definition TEXT NOT NULL CHECK (json_valid(definition)),"
    "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL);"

    "CREATE TABLE manual_score ("
    "  id INTEGER PRIMARY KEY,"
    "  scheme_id INTEGER NOT NULL REFERENCES scheme(id) ON DELETE CASCADE,"
    "  agent_id INTEGER NOT NULL REFERENCES agent(id) ON DELETE CASCADE,"
    "  item TEXT NOT NULL,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL,"
    "  points REAL NOT NULL CHECK (points BETWEEN 0 AND 100),"
    "  note TEXT,"
    "  UNIQUE (scheme_id, agent_id, item, period_start, period_end));"
  },

  { 2, NULL, defer_event_keys },
};

const guint _kefu_store_n_migrations = G_N_ELEMENTS (_kefu_store_migrations);
