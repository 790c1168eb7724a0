/* test-import-mapping.c — a column mapping a person corrected, and what
 * the import wizard reads of a file: its columns, summary rows, period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kefu-core.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"
#include "import/kefu-import-match.h"

/* 小安 asked 120 buyers of whom 200 consulted: the 询单人数 and 咨询人数
 * headers are written the wrong way round in this shop's sheet. */
static const char swapped_csv[] =
  "客服,询单人数,咨询人数,备注\n"
  "小安,120,200,早班\n"
  "汇总,120,200,\n";

static KefuImportResult *
import (KefuTestStore       *fixture,
        KefuProfileRegistry *registry,
        const char          *path,
        const char          *profile_id,
        const char * const  *mapping)
{
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.profile_id = profile_id;
  options.mapping = mapping;
  return kefu_import_file (fixture->store, registry ? registry : kefu_profile_registry_get_default (),
                           path, &options, NULL, NULL, NULL);
}

static void
test_detected_columns (KefuTestStore *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服_20261014.csv", swapped_csv, -1);
  g_autoptr(KefuImportResult) result = import (fixture, NULL, path, NULL, NULL);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  const char *headers[] = { "客服", "询单人数", "咨询人数", "备注", NULL };
  const char *fields[] = { "agent", "inquiry_buyers", "consult_buyers", "", NULL };

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (facts->profile_id, ==, "kefu-agent-table");
  g_assert_cmpstrv (facts->headers, headers);
  g_assert_cmpstrv (facts->fields, fields);
  /* 3 of the 4 named columns are known */
  g_assert_cmpfloat_with_epsilon (facts->confidence, 0.75, 1e-9);
  kefu_test_assert_measure (fixture, "小安", "inquiry_buyers", 120, 1, FALSE);
  kefu_test_assert_measure (fixture, "小安", "consult_buyers", 200, 1, FALSE);
}

static void
test_forced_mapping (KefuTestStore *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服_20261014.csv", swapped_csv, -1);
  const char *mapping[] = { "agent", "consult_buyers", "inquiry_buyers", "", NULL };
  g_autoptr(KefuImportResult) result = import (fixture, NULL, path, "kefu-agent-table", mapping);
  KefuImportFacts *facts = kefu_import_result_get_facts (result);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstrv (facts->fields, mapping);
  kefu_test_assert_measure (fixture, "小安", "inquiry_buyers", 200, 1, FALSE);
  kefu_test_assert_measure (fixture, "小安", "consult_buyers", 120, 1, FALSE);
}

static void
test_mapping_refused (KefuTestStore *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服_20261014.csv", swapped_csv, -1);
  const char *unknown[] = { "agent", "no_such_field", NULL };
  const char *no_agent[] = { "", "inquiry_buyers", NULL };
  g_autoptr(KefuImportResult) first = import (fixture, NULL, path, "kefu-agent-table", unknown);
  g_autoptr(KefuImportResult) second = import (fixture, NULL, path, "kefu-agent-table", no_agent);

  g_assert_cmpint (kefu_import_result_get_status (first), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (first), "no_such_field"));
  g_assert_cmpint (kefu_import_result_get_status (second), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (second), "agent"));
  g_assert_cmpint (kefu_test_count (fixture, "SELECT count(*) FROM import_batch"), ==, 0);
}

/* Moving a field to another column takes it from the one it had. */
static void
test_set_field (KefuTestStore *fixture,
                gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "t.csv", swapped_csv, -1);
  KefuProfile *profile = kefu_profile_registry_lookup (kefu_profile_registry_get_default (),
                                                       "kefu-agent-table");
  g_autoptr(GListStore) one = g_list_store_new (KEFU_TYPE_PROFILE);
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(KefuImportMatch) match = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (one, profile);
  reader = kefu_table_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  match = kefu_import_match_sheet (reader, 0, G_LIST_MODEL (one), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (match->matched, ==, 3);

  g_assert_true (kefu_import_match_set_field (match, 3, "inquiry_buyers", &error));
  g_assert_cmpint (kefu_import_match_column (match, "inquiry_buyers"), ==, 3);
  g_assert_cmpint (match->fields[1], ==, -1);
  g_assert_cmpuint (match->matched, ==, 3);

  g_assert_true (kefu_import_match_set_field (match, 2, "", &error));
  g_assert_cmpint (kefu_import_match_column (match, "consult_buyers"), ==, -1);
  g_assert_cmpuint (match->matched, ==, 2);
  g_assert_cmpfloat_with_epsilon (match->confidence, 0.5, 1e-9);

  g_assert_false (kefu_import_match_set_field (match, 4, "agent", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_needs_period (KefuTestStore *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服.csv", swapped_csv, -1);
  g_autoptr(KefuImportResult) refused = import (fixture, NULL, path, NULL, NULL);
  g_autoptr(KefuImportResult) imported = NULL;
  KefuImportOptions options;

  g_assert_cmpint (kefu_import_result_get_status (refused), ==, KEFU_IMPORT_REFUSED);
  g_assert_true (kefu_import_result_get_facts (refused)->needs_period);
  /* refused before its rows were read, it still shows them */
  g_assert_cmpuint (kefu_import_result_get_n_preview (refused), ==, 3);
  {
    guint64 row = 0;
    const char * const *cells = kefu_import_result_get_preview (refused, 2, &row);

    g_assert_cmpuint (row, ==, 3);
    g_assert_cmpstr (cells[0], ==, "汇总");
    g_assert_cmpstr (cells[2], ==, "200");
  }

  kefu_import_options_init (&options);
  g_date_set_dmy (&options.period_from, 1, 10, 2026);
  g_date_set_dmy (&options.period_to, 7, 10, 2026);
  imported = kefu_import_file (fixture->store, kefu_profile_registry_get_default (),
                               path, &options, NULL, NULL, NULL);
  g_assert_cmpint (kefu_import_result_get_status (imported), ==, KEFU_IMPORT_IMPORTED);
  g_assert_false (kefu_import_result_get_facts (imported)->needs_period);
  g_assert_cmpstr (kefu_import_result_get_facts (imported)->period_start, ==, "2026-10-01");
  g_assert_cmpstr (kefu_import_result_get_facts (imported)->period_end, ==, "2026-10-07");
}

static void
test_unknown_preview (KefuTestStore *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "x.csv", "甲,乙\n1,2\n", -1);
  g_autoptr(KefuImportResult) result = import (fixture, NULL, path, NULL, NULL);

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_false (kefu_import_result_get_facts (result)->needs_period);
  g_assert_cmpuint (kefu_import_result_get_n_preview (result), ==, 2);
  g_assert_cmpstr (kefu_import_result_get_preview (result, 0, NULL)[1], ==, "乙");
}

static void
test_summary_labels (void)
{
  g_assert_true (kefu_import_text_is_summary ("汇总"));
  g_assert_true (kefu_import_text_is_summary (" 平均值 "));
  g_assert_true (kefu_import_text_is_summary ("同行同层均值"));
  g_assert_false (kefu_import_text_is_summary ("小安"));
  g_assert_false (kefu_import_text_is_summary (""));
  g_assert_false (kefu_import_text_is_summary (NULL));
}

static gboolean
has_alias (JsonObject *profile,
           const char *field,
           const char *alias)
{
  JsonArray *columns = json_object_get_array_member (profile, "columns");

  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *column = json_array_get_object_element (columns, c);
      JsonArray *aliases = json_object_get_array_member (column, "aliases");

      if (g_strcmp0 (json_object_get_string_member (column, "field"), field) != 0)
        continue;
      for (guint a = 0; a < json_array_get_length (aliases); a++)
        if (g_str_equal (json_array_get_string_element (aliases, a), alias))
          return TRUE;
    }
  return FALSE;
}

/* The corrected mapping saved as a profile of its own, and the next
 * file of the kind read with it, without being told. */
static void
test_derived_profile (KefuTestStore *fixture,
                      gconstpointer  data)
{
  KefuProfileRegistry *builtin = kefu_profile_registry_get_default ();
  KefuProfile *base = kefu_profile_registry_lookup (builtin, "kefu-agent-table");
  const char *headers[] = { "客服", "询单人数", "咨询人数", "备注", NULL };
  const char *fields[] = { "agent", "consult_buyers", "inquiry_buyers", "", NULL };
  g_autoptr(KefuProfileRegistry) registry = kefu_profile_registry_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *profile_path = NULL;
  g_autofree char *path = kefu_test_write_file (fixture, "客服_20261015.csv", swapped_csv, -1);
  g_autoptr(KefuImportResult) result = NULL;
  JsonObject *object;

  node = kefu_profile_derive_json (base, "my-agent-table", "我的客服表", headers, fields);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "my-agent-table");
  g_assert_cmpstr (json_object_get_string_member (object, "extends"), ==, "kefu-agent-table");
  g_assert_true (has_alias (object, "consult_buyers", "询单人数"));
  g_assert_false (has_alias (object, "inquiry_buyers", "询单人数"));
  g_assert_true (has_alias (object, "inquiry_buyers", "咨询人数"));
  g_assert_false (has_alias (object, "consult_buyers", "咨询人数"));
  /* the base profile is unchanged */
  g_assert_true (kefu_profile_find_column (base, "询单人数") == kefu_profile_get_field (base, "inquiry_buyers"));

  json = json_to_string (node, TRUE);
  profile_path = kefu_test_write_file (fixture, "my-agent-table.json", json, -1);
  g_assert_true (kefu_profile_registry_load_builtin (registry, &error));
  g_assert_true (kefu_profile_registry_add_file (registry, profile_path, &error));
  g_assert_no_error (error);

  /* Both name 3 of the 4 columns: the corrected one wins the tie. */
  result = import (fixture, registry, path, NULL, NULL);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpstr (kefu_import_result_get_facts (result)->profile_id, ==, "my-agent-table");
  kefu_test_assert_measure (fixture, "小安", "inquiry_buyers", 200, 1, FALSE);
  kefu_test_assert_measure (fixture, "小安", "consult_buyers", 120, 1, FALSE);
}

/* A profile column keeps an alias when its only one moves away. */
static void
test_derived_keeps_aliases (void)
{
  KefuProfile *base = kefu_profile_registry_lookup (kefu_profile_registry_get_default (), "kefu-agent-table");
  const char *headers[] = { "月成交量", "月退货量", "退货量", "退货笔数", "monthly_returns", NULL };
  const char *fields[] = { "monthly_returns", "", "", "", "", NULL };
  g_autoptr(JsonNode) node = kefu_profile_derive_json (base, "x", "x", headers, fields);
  g_autoptr(KefuProfile) derived = NULL;
  g_autoptr(GError) error = NULL;

  derived = kefu_profile_new_from_json (node, "x", &error);
  g_assert_no_error (error);
  g_assert_true (kefu_profile_find_column (derived, "月成交量") == kefu_profile_get_field (derived, "monthly_returns"));
  g_assert_cmpstr (kefu_profile_get_extends (derived), ==, "kefu-agent-table");

  /* corrected again, it still extends the built-in profile */
  {
    const char *again_headers[] = { "月成交量", NULL };
    const char *again_fields[] = { "paid_orders", NULL };
    g_autoptr(JsonNode) again = kefu_profile_derive_json (derived, "y", "y", again_headers, again_fields);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "extends"), ==, "kefu-agent-table");
  }
}

/* The Data view lists a batch's problems from what the store kept. */
static void
test_batch_issues (KefuTestStore *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = kefu_test_write_file (fixture, "客服_20261014.csv",
                                                "客服,询单人数\n小安,120\n小贝,abc\n", -1);
  g_autoptr(KefuImportResult) result = import (fixture, NULL, path, NULL, NULL);
  g_autoptr(GListModel) batches = kefu_store_list_batches (fixture->store, 0, NULL);
  g_autoptr(KefuBatch) batch = NULL;
  g_autoptr(JsonNode) issues = NULL;
  JsonObject *problem;

  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 1);
  batch = g_list_model_get_item (batches, 0);
  g_assert_cmpuint (kefu_batch_get_n_problems (batch), ==, 1);
  issues = json_from_string (kefu_batch_get_issues_json (batch), NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (issues)), ==, 1);
  problem = json_array_get_object_element (json_node_get_array (issues), 0);
  g_assert_cmpint (json_object_get_int_member (problem, "row"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (problem, "column"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (problem, "value"), ==, "abc");
}

#define ADD(name, func) \
  g_test_add ("/import-mapping/" name, KefuTestStore, NULL, kefu_test_store_set_up, func, kefu_test_store_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("detected-columns", test_detected_columns);
  ADD ("forced-mapping", test_forced_mapping);
  ADD ("mapping-refused", test_mapping_refused);
  ADD ("set-field", test_set_field);
  ADD ("needs-period", test_needs_period);
  ADD ("derived-profile", test_derived_profile);
  ADD ("unknown-preview", test_unknown_preview);
  ADD ("batch-issues", test_batch_issues);
  g_test_add_func ("/import-mapping/summary-labels", test_summary_labels);
  g_test_add_func ("/import-mapping/derived-keeps-aliases", test_derived_keeps_aliases);

  return g_test_run ();
}
