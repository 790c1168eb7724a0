/* kefu-metric-test-utils.c — what the metric tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "kefu-metric-test-utils.h"
#include "kefu-test-utils.h"
#include "store/kefu-store-private.h"

void
metric_fixture_set_up (MetricFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = kefu_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "kefu.db", NULL);
  fixture->store = kefu_store_open (path, &error);
  g_assert_no_error (error);
  fixture->shop_id = kefu_store_add_shop (fixture->store, "小鹿女装", "taobao", &error);
  g_assert_no_error (error);
}

void
metric_fixture_tear_down (MetricFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Imports @contents as the file @name through the real importer. */
void
metric_import (MetricFixture *fixture,
               const char    *name,
               const char    *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(KefuImportResult) result = NULL;
  KefuImportOptions options;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  kefu_import_options_init (&options);
  options.shop_name = "小鹿女装";
  result = kefu_import_file (fixture->store, kefu_profile_registry_get_default (),
                             path, &options, NULL, NULL, NULL);
  if (kefu_import_result_get_status (result) != KEFU_IMPORT_IMPORTED)
    {
      g_autofree char *text = kefu_import_result_to_text (result);
      g_error ("%s was not imported:\n%s", name, text);
    }
}

void
metric_exec (MetricFixture *fixture,
             const char    *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_kefu_store_get_db (fixture->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* 'YYYY-MM-DD HH:MM:SS' on Shanghai's clock, as UTC seconds. */
gint64
metric_time (const char *shanghai_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) time = NULL;
  int y, mo, d, h, mi, s;

  g_assert_cmpint (sscanf (shanghai_time, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  time = g_date_time_new (zone, y, mo, d, h, mi, s);
  return g_date_time_to_unix (time);
}

static void
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/* Every metric, every agent. */
KefuMetricTable *
metric_query (MetricFixture            *fixture,
              const char               *from,
              const char               *to,
              KefuGrouping              grouping,
              const KefuMetricSettings *settings)
{
  g_autoptr(GError) error = NULL;
  KefuMetricTable *table;
  GDate first, last;

  parse_date (from, &first);
  parse_date (to, &last);
  table = kefu_metric_query (fixture->store, fixture->shop_id, &first, &last, NULL, 0, NULL,
                             grouping, settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The row of @agent's display name (NULL: the shop) on @day (NULL: none). */
int
metric_find_row (KefuMetricTable *table,
                 const char      *agent,
                 const char      *day)
{
  GDate date;

  if (day != NULL)
    parse_date (day, &date);

  for (guint i = 0; i < kefu_metric_table_get_n_rows (table); i++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, i);

      if (agent == NULL ? key->agent_id != 0 : g_strcmp0 (key->agent_name, agent) != 0)
        continue;
      if (day == NULL ? g_date_valid (&key->day)
                      : !g_date_valid (&key->day) || g_date_compare (&key->day, &date) != 0)
        continue;
      return i;
    }
  return -1;
}

const KefuMetricValue *
metric_get (KefuMetricTable *table,
            const char      *agent,
            const char      *day,
            const char      *key)
{
  int row = metric_find_row (table, agent, day);
  const KefuMetricValue *value;

  if (row < 0)
    g_error ("no row for agent %s, day %s", agent ? agent : "(shop)", day ? day : "(none)");
  value = kefu_metric_table_get (table, row, key);
  if (value == NULL)
    g_error ("no %s for agent %s", key, agent ? agent : "(shop)");
  return value;
}

void
metric_assert_value (KefuMetricTable *table,
                     const char      *agent,
                     const char      *day,
                     const char      *key,
                     double           numerator,
                     double           denominator,
                     double           value)
{
  const KefuMetricValue *v = metric_get (table, agent, day, key);

  if (v->missing != KEFU_METRIC_MISSING_NONE)
    g_error ("%s of %s on %s is missing (%s); expected %g/%g", key, agent ? agent : "(shop)",
             day ? day : "(period)", kefu_metric_missing_to_string (v->missing), numerator, denominator);
  if (fabs (v->numerator - numerator) > 1e-9 * MAX (1, fabs (numerator)) ||
      fabs (v->denominator - denominator) > 1e-9 * MAX (1, fabs (denominator)) ||
      fabs (v->value - value) > 1e-9 * MAX (1, fabs (value)))
    g_error ("%s of %s on %s is %.10g = %.10g / %.10g; expected %.10g = %.10g / %.10g",
             key, agent ? agent : "(shop)", day ? day : "(period)",
             v->value, v->numerator, v->denominator, value, numerator, denominator);
}

void
metric_assert_missing (KefuMetricTable   *table,
                       const char        *agent,
                       const char        *day,
                       const char        *key,
                       KefuMetricMissing  missing)
{
  const KefuMetricValue *v = metric_get (table, agent, day, key);

  if (v->missing != missing)
    g_error ("%s of %s on %s: expected missing %s, got %s (value %g)", key,
             agent ? agent : "(shop)", day ? day : "(period)",
             kefu_metric_missing_to_string (missing), kefu_metric_missing_to_string (v->missing),
             v->value);
  g_assert_true (isnan (v->value));
}

guint
metric_count_notes (KefuMetricTable    *table,
                    const char         *agent,
                    const char         *key,
                    KefuMetricNoteKind  kind)
{
  int row = metric_find_row (table, agent, NULL);
  GPtrArray *notes;
  guint n = 0;

  g_assert_cmpint (row, >=, 0);
  notes = kefu_metric_table_get_notes (table, row);
  for (guint i = 0; i < notes->len; i++)
    {
      const KefuMetricNote *note = g_ptr_array_index (notes, i);

      n += note->kind == kind && g_str_equal (note->key, key);
    }
  return n;
}
