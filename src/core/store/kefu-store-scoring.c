/* kefu-store-scoring.c — the shop's own scoring schemes and manual scores
 *
 * A stored scheme is a row of `scheme`: its name, its definition in the
 * scheme file format (data/schemes/README.md), the shop it belongs to
 * (NULL: every shop) and whether it is the shop's default. Built-in
 * schemes are not stored; saving one stores a copy, which is the shop's
 * own from then on. Manual scores (`manual_score`) belong to a stored
 * scheme, an agent, a manual item and a period (its first and last day).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "kefu-store-private.h"

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static void
bind_day (sqlite3_stmt *stmt,
          int           column,
          const GDate  *day)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static gboolean
not_found (GError **error,
           gint64   scheme_id)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
               _("There is no stored scheme %ld."), (long) scheme_id);
  return FALSE;
}

/**
 * kefu_store_save_scheme:
 * @shop_id: the shop the scheme is for, or 0 for every shop; used when
 *   the scheme is stored for the first time
 * @scheme: the scheme; when it is not stored yet (store-id 0) it gets its
 *   new id and stops being built in
 *
 * Stores @scheme, or updates its row when it is already stored.
 *
 * Returns: the scheme's id in the database, or 0 with @error set
 */
gint64
kefu_store_save_scheme (KefuStore   *self,
                        gint64       shop_id,
                        KefuScheme  *scheme,
                        GError     **error)
{
  g_autofree char *now = now_iso8601 ();
  g_autofree char *definition = NULL;
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);
  g_return_val_if_fail (KEFU_IS_SCHEME (scheme), 0);

  definition = kefu_scheme_to_data (scheme);
  id = kefu_scheme_get_store_id (scheme);

  if (id > 0)
    {
      stmt = _kefu_store_prepare (self,
                                  "UPDATE scheme SET name = ?2, definition = ?3, updated_at = ?4 "
                                  "WHERE id = ?1", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, kefu_scheme_get_name (scheme), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, definition, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!_kefu_store_run (self, stmt, error))
        return 0;
      if (sqlite3_changes (_kefu_store_get_db (self)) == 0)
        return not_found (error, id), 0;
      return id;
    }

  stmt = _kefu_store_prepare (self,
                              "INSERT INTO scheme (shop_id, name, definition, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?4)", error);
  if (stmt == NULL)
    return 0;
  if (shop_id > 0)
    sqlite3_bind_int64 (stmt, 1, shop_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, kefu_scheme_get_name (scheme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, definition, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_kefu_store_run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_kefu_store_get_db (self));
  g_object_freeze_notify (G_OBJECT (scheme));
  kefu_scheme_set_store_id (scheme, id);
  kefu_scheme_set_builtin (scheme, FALSE);
  g_object_thaw_notify (G_OBJECT (scheme));
  return id;
}

static KefuScheme *
scheme_from_row (KefuStore     *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  const char *definition = (const char *) sqlite3_column_text (stmt, 2);
  g_autofree char *origin = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", name, id);
  KefuScheme *scheme;

  scheme = kefu_scheme_new_from_data (definition, -1, origin, error);
  if (scheme != NULL)
    kefu_scheme_set_store_id (scheme, id);
  return scheme;
}

/**
 * kefu_store_load_scheme:
 *
 * Returns: (transfer full) (nullable): the stored scheme, or %NULL with
 *   @error set (%KEFU_STORE_ERROR_NOT_FOUND when there is none)
 */
KefuScheme *
kefu_store_load_scheme (KefuStore   *self,
                        gint64       scheme_id,
                        GError     **error)
{
  KefuScheme *scheme = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  stmt = _kefu_store_prepare (self, "SELECT id, name, definition FROM scheme WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scheme_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    scheme = scheme_from_row (self, stmt, error);
  else if (rc == SQLITE_DONE)
    not_found (error, scheme_id);
  else
    _kefu_store_set_error (self, error);

  sqlite3_reset (stmt);
  return scheme;
}

/**
 * kefu_store_list_schemes:
 * @shop_id: a shop, or 0 for every stored scheme
 *
 * Returns: (transfer full): a GListModel of #KefuScheme — the shop's own
 *   and those for every shop — by name
 */
GListModel *
kefu_store_list_schemes (KefuStore  *self,
                         gint64      shop_id,
                         GError    **error)
{
  g_autoptr(GListStore) schemes = g_list_store_new (KEFU_TYPE_SCHEME);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  stmt = _kefu_store_prepare (self,
                              "SELECT id, name, definition FROM scheme "
                              "WHERE ?1 = 0 OR shop_id = ?1 OR shop_id IS NULL "
                              "ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shop_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(KefuScheme) scheme = scheme_from_row (self, stmt, &local_error);

      /* Written by Kefu; a row it cannot read is left out, not fatal. */
      if (scheme == NULL)
        {
          g_debug ("%s", local_error->message);
          continue;
        }
      g_list_store_append (schemes, scheme);
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&schemes));
}

/**
 * kefu_store_delete_scheme:
 *
 * Removes a stored scheme and the manual scores given with it.
 */
gboolean
kefu_store_delete_scheme (KefuStore   *self,
                          gint64       scheme_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  stmt = _kefu_store_prepare (self, "DELETE FROM scheme WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  if (!_kefu_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_kefu_store_get_db (self)) == 0)
    return not_found (error, scheme_id);
  return TRUE;
}

/**
 * kefu_store_set_default_scheme:
 * @scheme_id: one of the shop's stored schemes, or 0 for no default
 *
 * Makes @scheme_id the scheme the shop's reports use unless told
 * otherwise. Only a scheme stored for this shop can be its default.
 */
gboolean
kefu_store_set_default_scheme (KefuStore   *self,
                               gint64       shop_id,
                               gint64       scheme_id,
                               GError     **error)
{
  gboolean own_transaction;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (shop_id > 0, FALSE);

  if (scheme_id > 0)
    {
      gint64 owner = -1;
      int rc;

      stmt = _kefu_store_prepare (self, "SELECT coalesce(shop_id, 0) FROM scheme WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scheme_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        owner = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
      if (owner < 0)
        return not_found (error, scheme_id);
      if (owner != shop_id)
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT,
                       _("The scheme %ld is not stored for this shop; "
                         "save a copy for the shop to make it its default."), (long) scheme_id);
          return FALSE;
        }
    }

  own_transaction = !kefu_store_in_transaction (self);
  if (own_transaction && !kefu_store_begin (self, error))
    return FALSE;

  stmt = _kefu_store_prepare (self,
                              "UPDATE scheme SET is_default = (id = ?2) "
                              "WHERE shop_id = ?1 AND is_default != (id = ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, shop_id);
  sqlite3_bind_int64 (stmt, 2, scheme_id);
  if (!_kefu_store_run (self, stmt, error))
    goto fail;

  if (own_transaction && !kefu_store_commit (self, error))
    return FALSE;
  return TRUE;

fail:
  if (own_transaction)
    kefu_store_rollback (self);
  return FALSE;
}

/**
 * kefu_store_get_default_scheme:
 *
 * Returns: the id of the shop's default scheme; 0 when it has none (or
 *   on error, with @error set)
 */
gint64
kefu_store_get_default_scheme (KefuStore   *self,
                               gint64       shop_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), 0);

  stmt = _kefu_store_prepare (self,
                              "SELECT id FROM scheme WHERE shop_id = ?1 AND is_default = 1 "
                              "ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, shop_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    _kefu_store_set_error (self, error);

  sqlite3_reset (stmt);
  return id;
}

/**
 * kefu_store_set_manual_score:
 * @scheme_id: a stored scheme
 * @item: the manual item's id
 * @from: the period's first day
 * @to: the period's last day
 * @points: 0–100, or NAN to remove the score
 * @note: (nullable): the manager's remark
 *
 * Gives (or changes, or removes) an agent's points for a manual item.
 */
gboolean
kefu_store_set_manual_score (KefuStore    *self,
                             gint64        scheme_id,
                             gint64        agent_id,
                             const char   *item,
                             const GDate  *from,
                             const GDate  *to,
                             double        points,
                             const char   *note,
                             GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);

  if (isnan (points))
    {
      stmt = _kefu_store_prepare (self,
                                  "DELETE FROM manual_score WHERE scheme_id = ?1 AND agent_id = ?2 "
                                  "AND item = ?3 AND period_start = ?4 AND period_end = ?5", error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      if (!(points >= 0 && points <= 100))
        {
          g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONSTRAINT,
                       _("Points given by hand are between 0 and 100, not %g."), points);
          return FALSE;
        }

      stmt = _kefu_store_prepare (self,
                                  "INSERT INTO manual_score (scheme_id, agent_id, item, period_start, "
                                  "  period_end, points, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                  "ON CONFLICT (scheme_id, agent_id, item, period_start, period_end) "
                                  "DO UPDATE SET points = excluded.points, note = excluded.note", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_double (stmt, 6, points);
      if (note != NULL)
        sqlite3_bind_text (stmt, 7, note, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 7);
    }

  sqlite3_bind_int64 (stmt, 1, scheme_id);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
  bind_day (stmt, 4, from);
  bind_day (stmt, 5, to);
  return _kefu_store_run (self, stmt, error);
}

/**
 * kefu_store_get_manual_score:
 * @points: (out): the points, or NAN when none were given
 * @note: (out) (optional) (transfer full) (nullable): the remark
 *
 * Returns: %FALSE on error only; no score is NAN in @points
 */
gboolean
kefu_store_get_manual_score (KefuStore    *self,
                             gint64        scheme_id,
                             gint64        agent_id,
                             const char   *item,
                             const GDate  *from,
                             const GDate  *to,
                             double       *points,
                             char        **note,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && points != NULL, FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);

  *points = NAN;
  if (note != NULL)
    *note = NULL;

  stmt = _kefu_store_prepare (self,
                              "SELECT points, note FROM manual_score WHERE scheme_id = ?1 "
                              "AND agent_id = ?2 AND item = ?3 AND period_start = ?4 "
                              "AND period_end = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  sqlite3_bind_text (stmt, 3, item, -1, SQLITE_TRANSIENT);
  bind_day (stmt, 4, from);
  bind_day (stmt, 5, to);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *points = sqlite3_column_double (stmt, 0);
      if (note != NULL)
        *note = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    _kefu_store_set_error (self, error);

  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * kefu_store_load_manual_scores:
 *
 * @scheme_id: a stored scheme, or 0 for one that is not stored (built
 *   in, or read from a file), which has none
 *
 * Returns: (transfer full) (nullable): the points given with @scheme_id
 *   for exactly the period @from – @to, ready for kefu_score_report_new()
 */
KefuManualScores *
kefu_store_load_manual_scores (KefuStore    *self,
                               gint64        scheme_id,
                               const GDate  *from,
                               const GDate  *to,
                               GError      **error)
{
  g_autoptr(KefuManualScores) scores = kefu_manual_scores_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (scheme_id <= 0)
    return g_steal_pointer (&scores);

  stmt = _kefu_store_prepare (self,
                              "SELECT m.agent_id, a.display_name, m.item, m.points, m.note "
                              "FROM manual_score m JOIN agent a ON a.id = m.agent_id "
                              "WHERE m.scheme_id = ?1 AND m.period_start = ?2 AND m.period_end = ?3 "
                              "ORDER BY m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scheme_id);
  bind_day (stmt, 2, from);
  bind_day (stmt, 3, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    kefu_manual_scores_set (scores,
                            sqlite3_column_int64 (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            sqlite3_column_double (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4));

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&scores);
}
