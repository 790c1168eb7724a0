/* kefu-dsr-history.c — the shop's DSR month by month, beside the industry's
 *
 * The shop's figure of a month is what the metric engine gives for it (a
 * DSR export of a day or of the month, else the reviews' own six months);
 * the industry's is the newest 行业均值 a DSR export brought inside the
 * month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "charts/kefu-dsr-history.h"
#include "metrics/kefu-metric-query.h"
#include "store/kefu-store-private.h"

static const char * const dsr_keys[KEFU_DSR_N_KEYS + 1] = {
  "dsr_description", "dsr_service", "dsr_logistics", NULL,
};

const char * const *
kefu_dsr_history_get_keys (void)
{
  return dsr_keys;
}

KefuDsrHistory *
kefu_dsr_history_new (guint n_months)
{
  KefuDsrHistory *self = g_new0 (KefuDsrHistory, 1);

  self->n_months = n_months;
  self->months = g_new0 (KefuDsrMonth, n_months);
  for (guint i = 0; i < n_months; i++)
    for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
      self->months[i].shop[k] = self->months[i].industry[k] = NAN;
  return self;
}

void
kefu_dsr_history_free (KefuDsrHistory *self)
{
  if (self == NULL)
    return;
  g_free (self->months);
  g_free (self);
}

gboolean
kefu_dsr_history_is_empty (const KefuDsrHistory *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < self->n_months; i++)
    for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
      if (isfinite (self->months[i].shop[k]) || isfinite (self->months[i].industry[k]))
        return FALSE;
  return TRUE;
}

static gboolean
load_industry (KefuStore    *store,
               gint64        shop_id,
               KefuDsrMonth *month,
               const GDate  *last,
               GError      **error)
{
  char from[16], to[16];

  g_snprintf (from, sizeof from, "%04d-%02d-%02d", g_date_get_year (&month->first),
              g_date_get_month (&month->first), g_date_get_day (&month->first));
  g_snprintf (to, sizeof to, "%04d-%02d-%02d", g_date_get_year (last),
              g_date_get_month (last), g_date_get_day (last));

  for (guint k = 0; k < KEFU_DSR_N_KEYS; k++)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = _kefu_store_prepare (store,
                                  "SELECT sum / count FROM peer_measure "
                                  "WHERE shop_id = ?1 AND key = ?2 AND period_start >= ?3 "
                                  "  AND period_end <= ?4 AND count > 0 "
                                  "ORDER BY period_end DESC, id DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, shop_id);
      sqlite3_bind_text (stmt, 2, dsr_keys[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        month->industry[k] = sqlite3_column_double (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          _kefu_store_set_error (store, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/**
 * kefu_dsr_history_query:
 * @last_day: a day of the last month to show
 * @n_months: how many months, ending with @last_day's
 *
 * Returns: (transfer full): the history, or %NULL with @error set
 */
KefuDsrHistory *
kefu_dsr_history_query (KefuStore     *store,
                        gint64         shop_id,
                        const GDate   *last_day,
                        guint          n_months,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(KefuDsrHistory) self = NULL;
  static const gint64 no_agents[] = { 0 };

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  self = kefu_dsr_history_new (n_months);
  for (guint i = 0; i < n_months; i++)
    {
      KefuDsrMonth *month = &self->months[i];
      g_autoptr(KefuMetricTable) table = NULL;
      GDate last;
      int row;

      g_date_clear (&month->first, 1);
      g_date_set_dmy (&month->first, 1, g_date_get_month (last_day), g_date_get_year (last_day));
      g_date_subtract_months (&month->first, n_months - 1 - i);
      last = month->first;
      g_date_add_months (&last, 1);
      g_date_subtract_days (&last, 1);

      table = kefu_metric_query (store, shop_id, &month->first, &last, no_agents, 0, dsr_keys,
                                 KEFU_GROUP_AGENT, NULL, cancellable, error);
      if (table == NULL)
        return NULL;
      row = kefu_metric_table_find_agent (table, 0);
      for (guint k = 0; row >= 0 && k < KEFU_DSR_N_KEYS; k++)
        {
          const KefuMetricValue *value = kefu_metric_table_get (table, row, dsr_keys[k]);

          if (value != NULL && value->missing == KEFU_METRIC_MISSING_NONE)
            month->shop[k] = value->value;
        }
      if (!load_industry (store, shop_id, month, &last, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}
