/* kefu-measure-aggregator.c — the aggregated road: stored measures into a period
 *
 * Every measure is a (sum, count) pair for one agent (or the shop) over
 * [period_start, period_end]; a period's value is Σ sum for a total and
 * Σ sum ÷ Σ count for a ratio (METRICS.md §2) — never a mean of daily
 * rates. A measure counts only when its days lie inside the period: one
 * that reaches outside cannot be split, so it is left out and marked
 * partial. Grouped by day, a measure goes into a day's row only when it
 * covers exactly that day; a weekly or monthly row is partial on each of
 * its days. Rows by hour of day have no measures at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "metrics/kefu-metric-engine-private.h"
#include "model/kefu-period.h"

/* A column's last text and what it read as. The measures come in the
 * index's order, by period and then key, so runs of them share their
 * days and their key: each is read once a run. */
typedef struct
{
  char     text[64];
  gint64   value;
  gboolean valid;
} Reading;

/* Whether @text is not the column's last one; remembered if it fits. */
static gboolean
changed (Reading    *last,
         const char *text)
{
  if (text != NULL && last->text[0] != '\0' && strcmp (text, last->text) == 0)
    return FALSE;
  if (text != NULL && strlen (text) < sizeof last->text)
    strcpy (last->text, text);
  else
    last->text[0] = '\0';
  return TRUE;
}

static gboolean
read_day (Reading    *last,
          const char *text,
          gint64     *day)
{
  if (changed (last, text))
    last->valid = _kefu_metric_parse_day (text, &last->value);
  *day = last->value;
  return last->valid;
}

static int
read_key (Reading    *last,
          const char *text)
{
  if (changed (last, text))
    last->value = _kefu_metric_index (text);
  return (int) last->value;
}

static void
add (KefuAcc      *acc,
     sqlite3_stmt *stmt)
{
  acc->num += sqlite3_column_double (stmt, 4);
  acc->den += sqlite3_column_double (stmt, 5);
  acc->n++;
  acc->estimated |= sqlite3_column_int (stmt, 6) != 0;
  _kefu_acc_add_batch (acc, sqlite3_column_int64 (stmt, 7));
}

gboolean
_kefu_measure_aggregate (KefuMetricContext  *ctx,
                         GError            **error)
{
  g_autofree char *from = kefu_day_to_string (&ctx->from);
  g_autofree char *to = kefu_day_to_string (&ctx->to);
  gint64 last_day = ctx->first_day + ctx->n_days - 1;
  gboolean by_day = ctx->grouping != KEFU_GROUP_AGENT;
  Reading last_start = { "" }, last_end = { "" }, last_key = { "" };
  sqlite3_stmt *stmt;
  guint64 n = 0;
  int rc;

  if (ctx->grouping == KEFU_GROUP_HOUR_WEEKDAY)
    return TRUE;

  /* Every measure that touches the period, inside or not. */
  stmt = _kefu_store_prepare (ctx->store,
                              "SELECT coalesce(agent_id, 0), period_start, period_end, key, "
                              "  sum, count, estimated, batch_id "
                              "FROM measure "
                              "WHERE shop_id = ?1 AND period_start <= ?3 AND period_end >= ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int m = read_key (&last_key, (const char *) sqlite3_column_text (stmt, 3));
      guint agent = _kefu_metric_agent (ctx, sqlite3_column_int64 (stmt, 0));
      gint64 start, end;
      gboolean inside;

      if (_kefu_metric_cancelled (ctx, ++n, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      /* Keys outside the catalogue and malformed days are not metrics. */
      if (m < 0 ||
          !read_day (&last_start, (const char *) sqlite3_column_text (stmt, 1), &start) ||
          !read_day (&last_end, (const char *) sqlite3_column_text (stmt, 2), &end))
        continue;

      inside = start >= ctx->first_day && end <= last_day;

      if (!by_day)
        {
          KefuAcc *acc = &_kefu_sheet_bucket (ctx->measures, agent, 0)->accs[m];

          if (inside)
            add (acc, stmt);
          else
            acc->partial = TRUE;
        }
      else if (inside && start == end)
        add (&_kefu_sheet_bucket (ctx->measures, agent, start - ctx->first_day)->accs[m], stmt);
      else
        {
          for (gint64 d = MAX (start, ctx->first_day); d <= MIN (end, last_day); d++)
            _kefu_sheet_bucket (ctx->measures, agent, d - ctx->first_day)->accs[m].partial = TRUE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _kefu_store_set_error (ctx->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
