/* kefu-metric-test-utils.h — what the metric tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-core.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     shop_id;
} MetricFixture;

void                    metric_fixture_set_up    (MetricFixture      *fixture,
                                                  gconstpointer       data);
void                    metric_fixture_tear_down (MetricFixture      *fixture,
                                                  gconstpointer       data);
void                    metric_import            (MetricFixture      *fixture,
                                                  const char         *name,
                                                  const char         *contents);
void                    metric_exec              (MetricFixture      *fixture,
                                                  const char         *sql);
gint64                  metric_time              (const char         *shanghai_time);
KefuMetricTable        *metric_query             (MetricFixture      *fixture,
                                                  const char         *from,
                                                  const char         *to,
                                                  KefuGrouping        grouping,
                                                  const KefuMetricSettings *settings);
int                     metric_find_row          (KefuMetricTable    *table,
                                                  const char         *agent,
                                                  const char         *day);
const KefuMetricValue  *metric_get               (KefuMetricTable    *table,
                                                  const char         *agent,
                                                  const char         *day,
                                                  const char         *key);
void                    metric_assert_value      (KefuMetricTable    *table,
                                                  const char         *agent,
                                                  const char         *day,
                                                  const char         *key,
                                                  double              numerator,
                                                  double              denominator,
                                                  double              value);
void                    metric_assert_missing    (KefuMetricTable    *table,
                                                  const char         *agent,
                                                  const char         *day,
                                                  const char         *key,
                                                  KefuMetricMissing   missing);
guint                   metric_count_notes       (KefuMetricTable    *table,
                                                  const char         *agent,
                                                  const char         *key,
                                                  KefuMetricNoteKind  kind);

G_END_DECLS
