/* kefu-coverage.c — which kinds of data a shop has for each day of a period
 *
 * What the overview's coverage grid shows, so that a manager sees which
 * export is missing before reading a figure. Figures (measures) cover
 * the days of their period: a daily export covers its day, a monthly one
 * only spans the month. Events cover the local day they happened on,
 * in the zone the metrics use. One indexed probe per day and kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/kefu-coverage.h"
#include "store/kefu-store-private.h"

struct _KefuCoverage
{
  GObject  parent_instance;

  GDate    from;
  guint    n_days;
  guint8  *cells;    /* KefuCovered, n_days per kind */
};

G_DEFINE_FINAL_TYPE (KefuCoverage, kefu_coverage, G_TYPE_OBJECT)

/* Whether any event of a kind happened in [?2, ?3). The statements are
 * cached by their address, so they live here as literals. */
static const char * const event_probes[KEFU_N_DATA_KINDS] = {
  [KEFU_DATA_MESSAGES] = "SELECT EXISTS (SELECT 1 FROM message WHERE shop_id = ?1 AND sent_at >= ?2 AND sent_at < ?3)",
  [KEFU_DATA_SESSIONS] = "SELECT EXISTS (SELECT 1 FROM session WHERE shop_id = ?1 AND started_at >= ?2 AND started_at < ?3)",
  [KEFU_DATA_ORDERS]   = "SELECT EXISTS (SELECT 1 FROM order_ WHERE shop_id = ?1 AND created_at >= ?2 AND created_at < ?3)",
  [KEFU_DATA_REFUNDS]  = "SELECT EXISTS (SELECT 1 FROM refund WHERE shop_id = ?1 AND applied_at >= ?2 AND applied_at < ?3)",
  [KEFU_DATA_REVIEWS]  = "SELECT EXISTS (SELECT 1 FROM review WHERE shop_id = ?1 AND reviewed_at >= ?2 AND reviewed_at < ?3)",
};

static void
kefu_coverage_finalize (GObject *object)
{
  KefuCoverage *self = KEFU_COVERAGE (object);

  g_free (self->cells);

  G_OBJECT_CLASS (kefu_coverage_parent_class)->finalize (object);
}

static void
kefu_coverage_class_init (KefuCoverageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_coverage_finalize;
}

static void
kefu_coverage_init (KefuCoverage *self)
{
  g_date_clear (&self->from, 1);
}

static guint8 *
cell (KefuCoverage *self,
      KefuDataKind  kind,
      guint         index)
{
  return &self->cells[kind * self->n_days + index];
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  g_date_clear (day, 1);
  if (text == NULL)
    return FALSE;
  g_date_set_parse (day, text);
  return g_date_valid (day);
}

/* The days each figure of the shop (or its agents) covers. */
static gboolean
query_figures (KefuCoverage  *self,
               KefuStore     *store,
               gint64         shop_id,
               const GDate   *to,
               GError       **error)
{
  sqlite3_stmt *stmt;
  char first[16], last[16];
  int rc;

  g_date_strftime (first, sizeof first, "%Y-%m-%d", &self->from);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", to);

  stmt = _kefu_store_prepare (store,
                              "SELECT DISTINCT agent_id IS NULL, period_start, period_end FROM measure "
                              "WHERE shop_id = ?1 AND period_start <= ?3 AND period_end >= ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, shop_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KefuDataKind kind = sqlite3_column_int (stmt, 0) ? KEFU_DATA_SHOP_FIGURES : KEFU_DATA_AGENT_FIGURES;
      KefuCovered covered;
      GDate start, end;
      int lo, hi;

      if (!parse_day ((const char *) sqlite3_column_text (stmt, 1), &start) ||
          !parse_day ((const char *) sqlite3_column_text (stmt, 2), &end))
        continue;

      covered = g_date_compare (&start, &end) == 0 ? KEFU_COVERED_DAY : KEFU_COVERED_SPAN;
      lo = MAX (0, (int) g_date_days_between (&self->from, &start));
      hi = MIN ((int) self->n_days - 1, (int) g_date_days_between (&self->from, &end));
      for (int i = lo; i <= hi; i++)
        if (*cell (self, kind, i) != KEFU_COVERED_DAY)
          *cell (self, kind, i) = covered;
    }
  if (rc != SQLITE_DONE)
    _kefu_store_set_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gint64
local_midnight (GTimeZone   *zone,
                const GDate *day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_get_year (day),
                                                   g_date_get_month (day),
                                                   g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static char *
get_shop_zone (KefuStore *store,
               gint64     shop_id)
{
  sqlite3_stmt *stmt = _kefu_store_prepare (store, "SELECT timezone FROM shop WHERE id = ?1", NULL);
  char *zone = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shop_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    zone = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return zone;
}

static gboolean
query_events (KefuCoverage              *self,
              KefuStore                 *store,
              gint64                     shop_id,
              const KefuMetricSettings  *settings,
              GError                   **error)
{
  g_autofree char *shop_zone = get_shop_zone (store, shop_id);
  g_autoptr(GTimeZone) zone = kefu_metric_settings_get_zone (settings, shop_zone, error);
  g_autofree gint64 *bounds = NULL;
  GDate day = self->from;

  if (zone == NULL)
    return FALSE;

  bounds = g_new (gint64, self->n_days + 1);
  for (guint i = 0; i <= self->n_days; i++, g_date_add_days (&day, 1))
    bounds[i] = local_midnight (zone, &day);

  for (guint kind = 0; kind < KEFU_N_DATA_KINDS; kind++)
    {
      sqlite3_stmt *stmt;

      if (event_probes[kind] == NULL)
        continue;
      stmt = _kefu_store_prepare (store, event_probes[kind], error);
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < self->n_days; i++)
        {
          int rc;

          sqlite3_bind_int64 (stmt, 1, shop_id);
          sqlite3_bind_int64 (stmt, 2, bounds[i]);
          sqlite3_bind_int64 (stmt, 3, bounds[i + 1]);
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW)
            {
              _kefu_store_set_error (store, error);
              sqlite3_reset (stmt);
              return FALSE;
            }
          if (sqlite3_column_int (stmt, 0))
            *cell (self, kind, i) = KEFU_COVERED_DAY;
          sqlite3_reset (stmt);
        }
    }
  return TRUE;
}

/**
 * kefu_coverage_query:
 * @settings: (nullable): the metric settings, for the time zone of days
 *
 * Returns: (transfer full): which kinds of data @shop_id has for each day
 *   of [@from, @to], or %NULL with @error set
 */
KefuCoverage *
kefu_coverage_query (KefuStore                 *store,
                     gint64                     shop_id,
                     const GDate               *from,
                     const GDate               *to,
                     const KefuMetricSettings  *settings,
                     GError                   **error)
{
  g_autoptr(KefuCoverage) self = NULL;
  KefuMetricSettings defaults;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  if (settings == NULL)
    {
      kefu_metric_settings_init (&defaults);
      settings = &defaults;
    }

  self = g_object_new (KEFU_TYPE_COVERAGE, NULL);
  self->from = *from;
  self->n_days = g_date_days_between (from, to) + 1;
  self->cells = g_new0 (guint8, KEFU_N_DATA_KINDS * self->n_days);

  if (!query_figures (self, store, shop_id, to, error) ||
      !query_events (self, store, shop_id, settings, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
kefu_coverage_get_n_days (KefuCoverage *self)
{
  g_return_val_if_fail (KEFU_IS_COVERAGE (self), 0);

  return self->n_days;
}

/**
 * kefu_coverage_get_day:
 * @day: (out): the day at @index
 */
void
kefu_coverage_get_day (KefuCoverage *self,
                       guint         index,
                       GDate        *day)
{
  g_return_if_fail (KEFU_IS_COVERAGE (self));
  g_return_if_fail (index < self->n_days);

  *day = self->from;
  g_date_add_days (day, index);
}

KefuCovered
kefu_coverage_get (KefuCoverage *self,
                   KefuDataKind  kind,
                   guint         index)
{
  g_return_val_if_fail (KEFU_IS_COVERAGE (self), KEFU_COVERED_NONE);
  g_return_val_if_fail (kind < KEFU_N_DATA_KINDS, KEFU_COVERED_NONE);
  g_return_val_if_fail (index < self->n_days, KEFU_COVERED_NONE);

  return *cell (self, kind, index);
}

/**
 * kefu_coverage_count_days:
 *
 * Returns: how many days have data of @kind of their own or in a span
 */
guint
kefu_coverage_count_days (KefuCoverage *self,
                          KefuDataKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (KEFU_IS_COVERAGE (self), 0);
  g_return_val_if_fail (kind < KEFU_N_DATA_KINDS, 0);

  for (guint i = 0; i < self->n_days; i++)
    if (*cell (self, kind, i) != KEFU_COVERED_NONE)
      n++;
  return n;
}

gboolean
kefu_coverage_is_empty (KefuCoverage *self)
{
  g_return_val_if_fail (KEFU_IS_COVERAGE (self), TRUE);

  for (guint i = 0; i < KEFU_N_DATA_KINDS * self->n_days; i++)
    if (self->cells[i] != KEFU_COVERED_NONE)
      return FALSE;
  return TRUE;
}

/* The latest of a shop's figures' last days and of its events' times. */
static const char * const last_day_queries[] = {
  "SELECT MAX(period_end) FROM measure WHERE shop_id = ?1",
  "SELECT MAX(sent_at) FROM message WHERE shop_id = ?1",
  "SELECT MAX(started_at) FROM session WHERE shop_id = ?1",
  "SELECT MAX(created_at) FROM order_ WHERE shop_id = ?1",
  "SELECT MAX(applied_at) FROM refund WHERE shop_id = ?1",
  "SELECT MAX(reviewed_at) FROM review WHERE shop_id = ?1",
};

/**
 * kefu_coverage_find_last_day:
 * @settings: (nullable): the metric settings, for the time zone of days
 * @day: (out): the last day with data of any kind
 *
 * Where to go when the period shown has no data.
 *
 * Returns: whether the shop has any data; %FALSE with @error set on failure
 */
gboolean
kefu_coverage_find_last_day (KefuStore                 *store,
                             gint64                     shop_id,
                             const KefuMetricSettings  *settings,
                             GDate                     *day,
                             GError                   **error)
{
  g_autofree char *shop_zone = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  KefuMetricSettings defaults;
  gboolean found = FALSE;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (settings == NULL)
    {
      kefu_metric_settings_init (&defaults);
      settings = &defaults;
    }
  shop_zone = get_shop_zone (store, shop_id);
  zone = kefu_metric_settings_get_zone (settings, shop_zone, error);
  if (zone == NULL)
    return FALSE;

  g_date_clear (day, 1);
  for (guint i = 0; i < G_N_ELEMENTS (last_day_queries); i++)
    {
      sqlite3_stmt *stmt = _kefu_store_prepare (store, last_day_queries[i], error);
      GDate candidate;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, shop_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _kefu_store_set_error (store, error);
          sqlite3_reset (stmt);
          return FALSE;
        }

      g_date_clear (&candidate, 1);
      if (sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
        parse_day ((const char *) sqlite3_column_text (stmt, 0), &candidate);
      else if (sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
          g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;

          if (local != NULL)
            g_date_set_dmy (&candidate, g_date_time_get_day_of_month (local),
                            g_date_time_get_month (local), g_date_time_get_year (local));
        }
      sqlite3_reset (stmt);

      if (g_date_valid (&candidate) && (!found || g_date_compare (&candidate, day) > 0))
        {
          *day = candidate;
          found = TRUE;
        }
    }
  return found;
}

/**
 * kefu_data_kind_get_label:
 *
 * Returns: the kind of data as a manager calls it, translated
 */
const char *
kefu_data_kind_get_label (KefuDataKind kind)
{
  switch (kind)
    {
    case KEFU_DATA_AGENT_FIGURES: return _("Agent figures");
    case KEFU_DATA_SHOP_FIGURES:  return _("Shop figures");
    case KEFU_DATA_MESSAGES:      return _("Chat logs");
    case KEFU_DATA_SESSIONS:      return _("Conversations");
    case KEFU_DATA_ORDERS:        return _("Orders");
    case KEFU_DATA_REFUNDS:       return _("Refunds");
    case KEFU_DATA_REVIEWS:       return _("Reviews");
    default:                      g_return_val_if_reached (NULL);
    }
}
