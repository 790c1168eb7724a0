/* kefu-test-store.h — a fresh database per test, filling it and looking into it
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
} KefuTestStore;

void   kefu_test_store_set_up        (KefuTestStore *fixture,
                                      gconstpointer  data);
void   kefu_test_store_tear_down     (KefuTestStore *fixture,
                                      gconstpointer  data);
char  *kefu_test_write_file          (KefuTestStore *fixture,
                                      const char    *name,
                                      const char    *contents,
                                      gssize         length);
gint64 kefu_test_count               (KefuTestStore *fixture,
                                      const char    *sql);
void   kefu_test_assert_measure_on   (KefuTestStore *fixture,
                                      const char    *agent,
                                      const char    *key,
                                      const char    *day,
                                      double         sum,
                                      double         count,
                                      gboolean       estimated);
void   kefu_test_assert_no_measure   (KefuTestStore *fixture,
                                      const char    *agent,
                                      const char    *key);
gint64 kefu_test_add_shop            (KefuTestStore *fixture,
                                      const char    *name,
                                      const char    *platform);
void   kefu_test_import_file         (KefuTestStore *fixture,
                                      const char    *shop,
                                      const char    *path);
void   kefu_test_import_text         (KefuTestStore *fixture,
                                      const char    *shop,
                                      const char    *name,
                                      const char    *contents);
void   kefu_test_wait_for_update     (KefuWorkspace *workspace);

/* @agent: an account or a display name; "" for the shop's own figure */
#define kefu_test_assert_measure(fixture, agent, key, sum, count, estimated) \
  kefu_test_assert_measure_on (fixture, agent, key, NULL, sum, count, estimated)

G_END_DECLS
