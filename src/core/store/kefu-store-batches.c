/* kefu-store-batches.c — what imports need of the store beyond inserting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "kefu-store-private.h"
#include "model/kefu-batch-private.h"

/**
 * kefu_store_find_shop:
 *
 * Returns: the id of the shop with this name, or 0 when there is none
 */
gint64
kefu_store_find_shop (KefuStore   *self,
                      const char  *name,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  stmt = _kefu_store_prepare (self, "SELECT id FROM shop WHERE name = ?1 ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _kefu_store_set_error (self, error);
  sqlite3_reset (stmt);
  return id;
}

static guint
count_problems (const char *issues)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (issues == NULL || !json_parser_load_from_data (parser, issues, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_ARRAY (root) ? json_array_get_length (json_node_get_array (root)) : 0;
}

/**
 * kefu_store_list_batches:
 * @shop_id: a shop, or 0 for every shop
 *
 * Returns: (transfer full): a list of #KefuBatch, newest first
 */
GListModel *
kefu_store_list_batches (KefuStore  *self,
                         gint64      shop_id,
                         GError    **error)
{
  g_autoptr(GListStore) batches = g_list_store_new (KEFU_TYPE_BATCH);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  stmt = _kefu_store_prepare (self,
                              "SELECT id, shop_id, file_name, profile, kind, period_start, "
                              "  period_end, imported_at, rows_imported, rows_skipped, issues "
                              "FROM import_batch WHERE ?1 = 0 OR shop_id = ?1 ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, shop_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KefuBatchFields fields = {
        .id = sqlite3_column_int64 (stmt, 0),
        .shop_id = sqlite3_column_int64 (stmt, 1),
        .file_name = (const char *) sqlite3_column_text (stmt, 2),
        .profile = (const char *) sqlite3_column_text (stmt, 3),
        .kind = (const char *) sqlite3_column_text (stmt, 4),
        .period_start = (const char *) sqlite3_column_text (stmt, 5),
        .period_end = (const char *) sqlite3_column_text (stmt, 6),
        .imported_at = (const char *) sqlite3_column_text (stmt, 7),
        .rows_imported = sqlite3_column_int64 (stmt, 8),
        .rows_skipped = sqlite3_column_int64 (stmt, 9),
        .n_problems = count_problems ((const char *) sqlite3_column_text (stmt, 10)),
        .issues_json = (const char *) sqlite3_column_text (stmt, 10),
      };
      g_autoptr(KefuBatch) batch = _kefu_batch_new (&fields);

      g_list_store_append (batches, batch);
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&batches));
}

/* Whether any batch came from a file of exactly this size: only such a
 * file can have the same content. */
gboolean
kefu_store_has_batch_of_size (KefuStore  *self,
                              gint64      size,
                              GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  stmt = _kefu_store_prepare (self, "SELECT 1 FROM import_batch WHERE file_size = ?1 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, size);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _kefu_store_set_error (self, error);
  sqlite3_reset (stmt);
  return found;
}

/* Records what the import learnt while reading: its period, counts and
 * problems. Runs inside the import's transaction. */
gboolean
kefu_store_finish_batch (KefuStore            *self,
                         const KefuBatchInfo  *info,
                         gint64                batch_id,
                         GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  stmt = _kefu_store_prepare (self,
                              "UPDATE import_batch SET period_start = ?2, period_end = ?3, "
                              "  rows_read = ?4, rows_imported = ?5, rows_skipped = ?6, "
                              "  issues = coalesce(?7, '[]'), sha256 = coalesce(?8, sha256) "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, info->period_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->period_end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, info->rows_read);
  sqlite3_bind_int64 (stmt, 5, info->rows_imported);
  sqlite3_bind_int64 (stmt, 6, info->rows_skipped);
  sqlite3_bind_text (stmt, 7, info->issues_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, info->sha256, -1, SQLITE_TRANSIENT);

  return _kefu_store_run (self, stmt, error);
}

static void
bind_overlap (sqlite3_stmt      *stmt,
              const KefuMeasure *measure)
{
  sqlite3_bind_int64 (stmt, 1, measure->shop_id);
  sqlite3_bind_text (stmt, 2, measure->key, -1, SQLITE_TRANSIENT);
  if (measure->agent_id > 0)
    sqlite3_bind_int64 (stmt, 3, measure->agent_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, measure->period_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, measure->period_end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, measure->batch_id);
}

/**
 * kefu_store_measure_overlaps:
 * @batches: (element-type gint64 guint): counts per other batch, added to
 *
 * Finds the measures other batches hold for the same shop, agent and key
 * on any of the same days.
 */
gboolean
kefu_store_measure_overlaps (KefuStore          *self,
                             const KefuMeasure  *measure,
                             GHashTable         *batches,
                             GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  stmt = _kefu_store_prepare (self,
                              "SELECT batch_id FROM measure WHERE shop_id = ?1 AND key = ?2 "
                              "  AND agent_id IS ?3 AND period_start <= ?5 AND period_end >= ?4 "
                              "  AND batch_id != ?6", error);
  if (stmt == NULL)
    return FALSE;

  bind_overlap (stmt, measure);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *batch = g_new (gint64, 1);

      *batch = sqlite3_column_int64 (stmt, 0);
      g_hash_table_replace (batches, batch,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (batches, batch)) + 1));
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Removes what other batches hold where @measure now goes (--replace). */
gboolean
kefu_store_delete_overlapping (KefuStore          *self,
                               const KefuMeasure  *measure,
                               GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  stmt = _kefu_store_prepare (self,
                              "DELETE FROM measure WHERE shop_id = ?1 AND key = ?2 "
                              "  AND agent_id IS ?3 AND period_start <= ?5 AND period_end >= ?4 "
                              "  AND batch_id != ?6", error);
  if (stmt == NULL)
    return FALSE;

  bind_overlap (stmt, measure);
  return _kefu_store_run (self, stmt, error);
}

/* Returns: (transfer full) (nullable): the file a batch came from */
char *
kefu_store_get_batch_file_name (KefuStore *self,
                                gint64     batch_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  stmt = _kefu_store_prepare (self, "SELECT file_name FROM import_batch WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/**
 * kefu_store_find_buyers:
 * @candidates: (array zero-terminated=1): texts that may be buyers' identifiers
 *
 * Which of @candidates are the identifier of a buyer of the shop: one of
 * its messages, conversations or orders names them.
 *
 * Returns: (transfer full): those candidates, or %NULL with @error set
 */
GStrv
kefu_store_find_buyers (KefuStore           *self,
                        gint64               shop_id,
                        const char * const  *candidates,
                        GError             **error)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (candidates != NULL, NULL);

  if (candidates[0] == NULL)
    return g_strv_builder_end (found);

  /* The candidates as one JSON array, a value bound like any other. */
  json_builder_begin_array (builder);
  for (guint i = 0; candidates[i] != NULL; i++)
    json_builder_add_string_value (builder, candidates[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  list = json_to_string (root, FALSE);

  stmt = _kefu_store_prepare (self,
                              "SELECT buyer FROM message "
                              "  WHERE shop_id = ?1 AND buyer IN (SELECT value FROM json_each(?2)) "
                              "UNION SELECT buyer FROM session "
                              "  WHERE shop_id = ?1 AND buyer IN (SELECT value FROM json_each(?2)) "
                              "UNION SELECT buyer FROM order_ "
                              "  WHERE shop_id = ?1 AND buyer IN (SELECT value FROM json_each(?2))",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shop_id);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (found, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return g_strv_builder_end (found);
}

/* Other batches' events that a new batch repeats: orders and refunds by
 * number, messages and sessions by the time span the new batch covers. */
static const struct {
  const char *kind;
  const char *find;
  const char *remove;
} event_overlaps[] = {
  { "orders",
    "SELECT o.batch_id, count(*) FROM order_ o JOIN order_ n "
    "  ON n.shop_id = o.shop_id AND n.order_no = o.order_no "
    "WHERE n.batch_id = ?1 AND o.batch_id != ?1 GROUP BY o.batch_id",
    "DELETE FROM order_ WHERE batch_id != ?1 AND shop_id = (SELECT shop_id FROM import_batch WHERE id = ?1) "
    "  AND order_no IN (SELECT order_no FROM order_ WHERE batch_id = ?1)" },
  { "refunds",
    "SELECT o.batch_id, count(*) FROM refund o JOIN refund n "
    "  ON n.shop_id = o.shop_id AND n.refund_no = o.refund_no "
    "WHERE n.batch_id = ?1 AND o.batch_id != ?1 GROUP BY o.batch_id",
    "DELETE FROM refund WHERE batch_id != ?1 AND shop_id = (SELECT shop_id FROM import_batch WHERE id = ?1) "
    "  AND refund_no IN (SELECT refund_no FROM refund WHERE batch_id = ?1)" },
  { "messages",
    "SELECT m.batch_id, count(*) FROM message m, "
    "  (SELECT shop_id, min(sent_at) AS first, max(sent_at) AS last FROM message WHERE batch_id = ?1) n "
    "WHERE m.shop_id = n.shop_id AND m.sent_at BETWEEN n.first AND n.last AND m.batch_id != ?1 "
    "GROUP BY m.batch_id",
    "DELETE FROM message WHERE batch_id != ?1 AND rowid IN (SELECT m.rowid FROM message m, "
    "  (SELECT shop_id, min(sent_at) AS first, max(sent_at) AS last FROM message WHERE batch_id = ?1) n "
    "  WHERE m.shop_id = n.shop_id AND m.sent_at BETWEEN n.first AND n.last)" },
  { "sessions",
    "SELECT s.batch_id, count(*) FROM session s, "
    "  (SELECT shop_id, min(started_at) AS first, max(started_at) AS last FROM session WHERE batch_id = ?1) n "
    "WHERE s.shop_id = n.shop_id AND s.started_at BETWEEN n.first AND n.last AND s.batch_id != ?1 "
    "GROUP BY s.batch_id",
    "DELETE FROM session WHERE batch_id != ?1 AND rowid IN (SELECT s.rowid FROM session s, "
    "  (SELECT shop_id, min(started_at) AS first, max(started_at) AS last FROM session WHERE batch_id = ?1) n "
    "  WHERE s.shop_id = n.shop_id AND s.started_at BETWEEN n.first AND n.last)" },
};

/**
 * kefu_store_event_overlaps:
 * @kind: "orders", "refunds", "messages" or "sessions"
 * @replace: remove the overlapping events of other batches
 * @batches: (element-type gint64 guint): counts per other batch, added to
 *
 * Run after a batch's events are inserted, inside its transaction.
 */
gboolean
kefu_store_event_overlaps (KefuStore   *self,
                           const char  *kind,
                           gint64       batch_id,
                           gboolean     replace,
                           GHashTable  *batches,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  /* Events of a kind come only from batches of that kind: with no other
   * in the shop, nothing can overlap — the first import of a shop's
   * orders need not look up every one of its order numbers. */
  stmt = _kefu_store_prepare (self,
                              "SELECT EXISTS (SELECT 1 FROM import_batch n, import_batch o "
                              "  WHERE n.id = ?1 AND o.shop_id = n.shop_id AND o.id != n.id "
                              "    AND (o.kind IS NULL OR o.kind = ?2))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (event_overlaps) && stmt == NULL; i++)
    if (g_str_equal (kind, event_overlaps[i].kind))
      {
        stmt = _kefu_store_prepare (self, replace ? event_overlaps[i].remove
                                                  : event_overlaps[i].find, error);
        if (stmt == NULL)
          return FALSE;
      }
  g_return_val_if_fail (stmt != NULL, FALSE);

  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (replace)
    return _kefu_store_run (self, stmt, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *batch = g_new (gint64, 1);

      *batch = sqlite3_column_int64 (stmt, 0);
      g_hash_table_replace (batches, batch, GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
