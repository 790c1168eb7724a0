/* kefu-store-data.c — shops, agents, import batches and what they bring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kefu-store-private.h"
#include "model/kefu-shop.h"

static const char * const sender_names[] = {
  [KEFU_SENDER_BUYER]  = "buyer",
  [KEFU_SENDER_AGENT]  = "agent",
  [KEFU_SENDER_ROBOT]  = "robot",
  [KEFU_SENDER_AUTO]   = "auto",
  [KEFU_SENDER_SYSTEM] = "system",
};

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

gint64
kefu_store_add_shop (KefuStore   *self,
                     const char  *name,
                     const char  *platform,
                     GError     **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!kefu_platform_is_valid (platform))
    {
      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT,
                   _("“%s” is not a platform Kefu knows; expected one of "
                     "pdd, taobao, tmall, douyin, jd, other."), platform);
      return 0;
    }

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO shop (name, platform, created_at) "
                              "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, platform);
  bind_text (stmt, 3, now);

  if (!_kefu_store_run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_kefu_store_get_db (self));
}

/**
 * kefu_store_list_shops:
 *
 * Returns: (transfer full): a list of #KefuShop, by name
 */
GListModel *
kefu_store_list_shops (KefuStore  *self,
                       GError    **error)
{
  g_autoptr(GListStore) shops = g_list_store_new (KEFU_TYPE_SHOP);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  stmt = _kefu_store_prepare (self,
                              "SELECT id, name, platform FROM shop ORDER BY name, id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KefuShop) shop =
        kefu_shop_new (sqlite3_column_int64 (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2));
      g_list_store_append (shops, shop);
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&shops));
}

/**
 * kefu_store_ensure_agent:
 * @account: the agent's account as the export spells it
 *
 * Returns: the id of the shop's agent with this account, added if new;
 *   0 with @error set on failure
 */
gint64
kefu_store_ensure_agent (KefuStore   *self,
                         gint64       shop_id,
                         const char  *account,
                         GError     **error)
{
  g_autofree char *display_name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (account != NULL, 0);

  display_name = kefu_agent_display_name (account);

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO agent (shop_id, account, display_name) "
                              "VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (shop_id, account) DO UPDATE SET account = account "
                              "RETURNING id", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, shop_id);
  bind_text (stmt, 2, account);
  bind_text (stmt, 3, display_name);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    _kefu_store_set_error (self, error);

  sqlite3_reset (stmt);
  return id;
}

/**
 * kefu_store_find_batch:
 *
 * Looks up the batch a file with this content was already imported as,
 * which makes re-importing the same file a no-op.
 *
 * Returns: the batch id, or 0 when there is none (or on error)
 */
gint64
kefu_store_find_batch (KefuStore   *self,
                       gint64       shop_id,
                       const char  *sha256,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (sha256 != NULL, 0);

  stmt = _kefu_store_prepare (self,
                              "SELECT id FROM import_batch WHERE shop_id = ?1 AND sha256 = ?2",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, shop_id);
  bind_text (stmt, 2, sha256);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _kefu_store_set_error (self, error);

  sqlite3_reset (stmt);
  return id;
}

gint64
kefu_store_add_batch (KefuStore            *self,
                      const KefuBatchInfo  *info,
                      GError              **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (info->file_name != NULL, 0);
  g_return_val_if_fail (info->sha256 != NULL, 0);

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO import_batch (shop_id, file_name, file_size, sha256, "
                              "  profile, platform, kind, period_start, period_end, imported_at, "
                              "  rows_read, rows_imported, rows_skipped, issues) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "  coalesce(?14, '[]'))", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, info->shop_id);
  bind_text (stmt, 2, info->file_name);
  sqlite3_bind_int64 (stmt, 3, info->file_size);
  bind_text (stmt, 4, info->sha256);
  bind_text (stmt, 5, info->profile);
  bind_text (stmt, 6, info->platform);
  bind_text (stmt, 7, info->kind);
  bind_text (stmt, 8, info->period_start);
  bind_text (stmt, 9, info->period_end);
  bind_text (stmt, 10, now);
  sqlite3_bind_int64 (stmt, 11, info->rows_read);
  sqlite3_bind_int64 (stmt, 12, info->rows_imported);
  sqlite3_bind_int64 (stmt, 13, info->rows_skipped);
  bind_text (stmt, 14, info->issues_json);

  if (!_kefu_store_run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_kefu_store_get_db (self));
}

/**
 * kefu_store_delete_batch:
 *
 * Removes an import batch and every row it brought, in one transaction
 * (or inside the caller's).
 */
gboolean
kefu_store_delete_batch (KefuStore  *self,
                         gint64      batch_id,
                         GError    **error)
{
  gboolean own_transaction;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  own_transaction = !kefu_store_in_transaction (self);
  if (own_transaction && !kefu_store_begin (self, error))
    return FALSE;

  stmt = _kefu_store_prepare (self, "DELETE FROM import_batch WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (!_kefu_store_run (self, stmt, error))
    goto failed;

  if (sqlite3_changes (_kefu_store_get_db (self)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                   _("There is no import batch %s."), id);
      goto failed;
    }

  return !own_transaction || kefu_store_commit (self, error);

failed:
  if (own_transaction)
    kefu_store_rollback (self);
  return FALSE;
}

gboolean
kefu_store_add_measure (KefuStore          *self,
                        const KefuMeasure  *measure,
                        GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure != NULL && measure->key != NULL, FALSE);

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO measure (batch_id, shop_id, agent_id, period_start, "
                              "  period_end, key, sum, count, estimated) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure->batch_id);
  sqlite3_bind_int64 (stmt, 2, measure->shop_id);
  bind_id (stmt, 3, measure->agent_id);
  bind_text (stmt, 4, measure->period_start);
  bind_text (stmt, 5, measure->period_end);
  bind_text (stmt, 6, measure->key);
  sqlite3_bind_double (stmt, 7, measure->sum);
  sqlite3_bind_double (stmt, 8, measure->count);
  sqlite3_bind_int (stmt, 9, measure->estimated ? 1 : 0);

  return _kefu_store_run (self, stmt, error);
}

/**
 * kefu_store_add_peer_measure:
 * @measure: the figure; its agent is ignored
 * @label: the summary row's label, e.g. 同行同层均值
 *
 * Stores an industry figure an export gave for comparison. It replaces
 * the same figure other batches gave for any of the same days: reference
 * values, not the shop's data, so the newest wins.
 */
gboolean
kefu_store_add_peer_measure (KefuStore          *self,
                             const KefuMeasure  *measure,
                             const char         *label,
                             GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure != NULL && measure->key != NULL && label != NULL, FALSE);

  stmt = _kefu_store_prepare (self,
                              "DELETE FROM peer_measure WHERE shop_id = ?2 AND label = ?3 AND key = ?6 "
                              "  AND period_start <= ?5 AND period_end >= ?4 AND batch_id != ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure->batch_id);
  sqlite3_bind_int64 (stmt, 2, measure->shop_id);
  bind_text (stmt, 3, label);
  bind_text (stmt, 4, measure->period_start);
  bind_text (stmt, 5, measure->period_end);
  bind_text (stmt, 6, measure->key);
  if (!_kefu_store_run (self, stmt, error))
    return FALSE;

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO peer_measure (batch_id, shop_id, label, period_start, "
                              "  period_end, key, sum, count) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure->batch_id);
  sqlite3_bind_int64 (stmt, 2, measure->shop_id);
  bind_text (stmt, 3, label);
  bind_text (stmt, 4, measure->period_start);
  bind_text (stmt, 5, measure->period_end);
  bind_text (stmt, 6, measure->key);
  sqlite3_bind_double (stmt, 7, measure->sum);
  sqlite3_bind_double (stmt, 8, measure->count);

  return _kefu_store_run (self, stmt, error);
}

static void
buffer_id (KefuInsertBuffer *rows,
           gint64            id)
{
  if (id > 0)
    _kefu_insert_buffer_int (rows, id);
  else
    _kefu_insert_buffer_null (rows);
}

gboolean
kefu_store_add_message (KefuStore          *self,
                        const KefuMessage  *message,
                        GError            **error)
{
  KefuInsertBuffer *rows;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (message != NULL && message->buyer != NULL, FALSE);
  g_return_val_if_fail (message->sender <= KEFU_SENDER_SYSTEM, FALSE);

  rows = _kefu_store_insert_buffer (self, KEFU_STORE_MESSAGES);
  _kefu_insert_buffer_int (rows, message->batch_id);
  _kefu_insert_buffer_int (rows, message->shop_id);
  buffer_id (rows, message->agent_id);
  _kefu_insert_buffer_text (rows, message->conversation);
  _kefu_insert_buffer_text (rows, message->buyer);
  _kefu_insert_buffer_int (rows, message->sent_at);
  _kefu_insert_buffer_text (rows, sender_names[message->sender]);
  _kefu_insert_buffer_text (rows, message->type);
  _kefu_insert_buffer_text (rows, message->content);
  return _kefu_store_end_row (self, rows, error);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           gint64        time)
{
  if (time != 0)
    sqlite3_bind_int64 (stmt, column, time);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_amount (sqlite3_stmt *stmt,
             int           column,
             double        amount)
{
  if (!isnan (amount))
    sqlite3_bind_double (stmt, column, amount);
  else
    sqlite3_bind_null (stmt, column);
}

static void
buffer_time (KefuInsertBuffer *rows,
             gint64            time)
{
  if (time != 0)
    _kefu_insert_buffer_int (rows, time);
  else
    _kefu_insert_buffer_null (rows);
}

static void
buffer_amount (KefuInsertBuffer *rows,
               double            amount)
{
  if (!isnan (amount))
    _kefu_insert_buffer_double (rows, amount);
  else
    _kefu_insert_buffer_null (rows);
}

gboolean
kefu_store_add_order (KefuStore        *self,
                      const KefuOrder  *order,
                      GError          **error)
{
  KefuInsertBuffer *rows;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (order != NULL && order->order_no != NULL, FALSE);

  rows = _kefu_store_insert_buffer (self, KEFU_STORE_ORDERS);
  _kefu_insert_buffer_int (rows, order->batch_id);
  _kefu_insert_buffer_int (rows, order->shop_id);
  buffer_id (rows, order->agent_id);
  _kefu_insert_buffer_text (rows, order->order_no);
  _kefu_insert_buffer_text (rows, order->buyer);
  _kefu_insert_buffer_text (rows, order->status);
  buffer_time (rows, order->created_at);
  buffer_time (rows, order->paid_at);
  buffer_amount (rows, order->amount);
  buffer_amount (rows, order->paid_amount);
  if (order->items >= 0)
    _kefu_insert_buffer_int (rows, order->items);
  else
    _kefu_insert_buffer_null (rows);
  _kefu_insert_buffer_text (rows, order->after_sale);
  return _kefu_store_end_row (self, rows, error);
}

/**
 * kefu_store_merge_order:
 * @part: another line of an order of the same batch (a sub-order): its
 *   shop, batch and order number say which
 *
 * Adds the line's amounts and items to the order stored for it, and fills
 * the times, buyer and agent the order still lacks.
 */
gboolean
kefu_store_merge_order (KefuStore        *self,
                        const KefuOrder  *part,
                        GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (part != NULL && part->order_no != NULL, FALSE);

  stmt = _kefu_store_prepare (self,
                              "UPDATE order_ SET "
                              "  amount = CASE WHEN ?4 IS NULL THEN amount ELSE coalesce(amount, 0) + ?4 END, "
                              "  paid_amount = CASE WHEN ?5 IS NULL THEN paid_amount "
                              "    ELSE coalesce(paid_amount, 0) + ?5 END, "
                              "  items = CASE WHEN ?6 IS NULL THEN items ELSE coalesce(items, 0) + ?6 END, "
                              "  created_at = coalesce(created_at, ?7), paid_at = coalesce(paid_at, ?8), "
                              "  buyer = coalesce(buyer, ?9), agent_id = coalesce(agent_id, ?10), "
                              "  status = coalesce(status, ?11), after_sale = coalesce(after_sale, ?12) "
                              "WHERE shop_id = ?1 AND order_no = ?3 AND batch_id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, part->shop_id);
  sqlite3_bind_int64 (stmt, 2, part->batch_id);
  bind_text (stmt, 3, part->order_no);
  bind_amount (stmt, 4, part->amount);
  bind_amount (stmt, 5, part->paid_amount);
  if (part->items >= 0)
    sqlite3_bind_int64 (stmt, 6, part->items);
  else
    sqlite3_bind_null (stmt, 6);
  bind_time (stmt, 7, part->created_at);
  bind_time (stmt, 8, part->paid_at);
  bind_text (stmt, 9, part->buyer);
  bind_id (stmt, 10, part->agent_id);
  bind_text (stmt, 11, part->status);
  bind_text (stmt, 12, part->after_sale);

  return _kefu_store_run (self, stmt, error);
}

gboolean
kefu_store_add_refund (KefuStore         *self,
                       const KefuRefund  *refund,
                       GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (refund != NULL && refund->refund_no != NULL, FALSE);

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO refund (batch_id, shop_id, refund_no, order_no, amount, "
                              "  status, goods_status, kind, reason, applied_at, completed_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, refund->batch_id);
  sqlite3_bind_int64 (stmt, 2, refund->shop_id);
  bind_text (stmt, 3, refund->refund_no);
  bind_text (stmt, 4, refund->order_no);
  bind_amount (stmt, 5, refund->amount);
  bind_text (stmt, 6, refund->status);
  bind_text (stmt, 7, refund->goods_status);
  bind_text (stmt, 8, refund->kind);
  bind_text (stmt, 9, refund->reason);
  bind_time (stmt, 10, refund->applied_at);
  bind_time (stmt, 11, refund->completed_at);

  return _kefu_store_run (self, stmt, error);
}

gboolean
kefu_store_add_session (KefuStore          *self,
                        const KefuSession  *session,
                        GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL && session->started_at != 0, FALSE);

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO session (batch_id, shop_id, agent_id, conversation, buyer, "
                              "  started_at, ended_at, queued_at, assigned_at, transferred, rating) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session->batch_id);
  sqlite3_bind_int64 (stmt, 2, session->shop_id);
  bind_id (stmt, 3, session->agent_id);
  bind_text (stmt, 4, session->conversation);
  bind_text (stmt, 5, session->buyer);
  sqlite3_bind_int64 (stmt, 6, session->started_at);
  bind_time (stmt, 7, session->ended_at);
  bind_time (stmt, 8, session->queued_at);
  bind_time (stmt, 9, session->assigned_at);
  if (session->transferred >= 0)
    sqlite3_bind_int (stmt, 10, session->transferred);
  else
    sqlite3_bind_null (stmt, 10);
  bind_text (stmt, 11, session->rating);

  return _kefu_store_run (self, stmt, error);
}
