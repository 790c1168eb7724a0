/* test-xls-process.c — .xls files read in kefu-xls-reader, a process of their own
 *
 * The real kefu-xls-reader is found through KEFU_LIBEXECDIR (set by
 * tests/meson.build). To see what Kefu makes of a process that crashes,
 * exits, stops part-way, hangs or talks nonsense, the tests point
 * KEFU_LIBEXECDIR at a folder holding a shell script of that name, which
 * plays back what the real one answered on tests/data/客服_销售数据.xlsx
 * (an .xls) and then misbehaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "io/kefu-row-prefetch.h"
#include "io/kefu-xls-protocol.h"
#include "io/kefu-xls-reader-private.h"
#include "kefu-test-store.h"
#include "kefu-test-utils.h"

typedef struct
{
  KefuTestStore  db;
  char          *libexecdir;    /* where the real kefu-xls-reader is */
  char          *sample;        /* a copy of 客服_销售数据.xlsx */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "客服_销售数据.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  kefu_test_store_set_up (&fixture->db, data);
  fixture->libexecdir = g_strdup (g_getenv ("KEFU_LIBEXECDIR"));
  g_assert_nonnull (fixture->libexecdir);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  fixture->sample = kefu_test_write_file (&fixture->db, "客服_销售数据.xlsx", contents, length);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_setenv ("KEFU_LIBEXECDIR", fixture->libexecdir, TRUE);
  _kefu_xls_reader_set_timeout (0);
  g_free (fixture->libexecdir);
  g_free (fixture->sample);
  kefu_test_store_tear_down (&fixture->db, data);
}

/* This process's children, running or not yet reaped (zombies). */
static guint
count_children (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *end;
      int ppid = 0;

      /* pid (comm) state ppid …, and comm may hold anything */
      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL) ||
          (end = strrchr (stat, ')')) == NULL)
        continue;
      if (sscanf (end + 1, " %*c %d", &ppid) == 1 && ppid == getpid ())
        n++;
    }
  return n;
}

static void
read_record (GInputStream *stream,
             GByteArray   *into,
             guint8       *type)
{
  g_autoptr(GError) error = NULL;
  guint8 header[KEFU_XLS_HEADER_LENGTH];
  gsize got = 0, length;

  g_input_stream_read_all (stream, header, sizeof header, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, sizeof header);
  length = header[1] | header[2] << 8 | header[3] << 16 | (gsize) header[4] << 24;
  g_byte_array_append (into, header, sizeof header);
  g_byte_array_set_size (into, into->len + length);
  g_input_stream_read_all (stream, into->data + into->len - length, length, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, length);
  *type = header[0];
}

/* What the real kefu-xls-reader answers on the sample: its opening
 * (hello, sheets), then its answer to "sheet 0", written to files. */
static void
record_answers (Fixture *fixture)
{
  static const guint8 command[KEFU_XLS_COMMAND_LENGTH] = { KEFU_XLS_COMMAND_SHEET, 0, 0, 0, 0 };
  g_autofree char *program = g_build_filename (fixture->libexecdir, KEFU_XLS_READER_NAME, NULL);
  g_autofree char *opening_path = g_build_filename (fixture->db.dir, "opening", NULL);
  g_autofree char *sheet_path = g_build_filename (fixture->db.dir, "sheet", NULL);
  g_autoptr(GByteArray) opening = g_byte_array_new ();
  g_autoptr(GByteArray) sheet = g_byte_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GInputStream *output;
  guint8 type = 0;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, fixture->sample, NULL);
  g_assert_no_error (error);
  output = g_subprocess_get_stdout_pipe (process);

  read_record (output, opening, &type);
  g_assert_cmpint (type, ==, KEFU_XLS_RECORD_HELLO);
  read_record (output, opening, &type);
  g_assert_cmpint (type, ==, KEFU_XLS_RECORD_SHEETS);

  g_output_stream_write_all (g_subprocess_get_stdin_pipe (process), command, sizeof command,
                             NULL, NULL, &error);
  g_assert_no_error (error);
  read_record (output, sheet, &type);
  g_assert_cmpint (type, ==, KEFU_XLS_RECORD_SHEET);
  /* The header and three days, then the end. */
  for (guint i = 0; i < 4; i++)
    {
      read_record (output, sheet, &type);
      g_assert_cmpint (type, ==, KEFU_XLS_RECORD_ROW);
    }
  read_record (output, sheet, &type);
  g_assert_cmpint (type, ==, KEFU_XLS_RECORD_END);

  /* The end of its input ends it, well. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  g_file_set_contents (opening_path, (const char *) opening->data, opening->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (sheet_path, (const char *) sheet->data, sheet->len, &error);
  g_assert_no_error (error);
}

/* Makes a kefu-xls-reader of @script (run by sh, in the test's folder,
 * which holds the answers recorded before) the one Kefu starts. Each
 * `command` takes one command from Kefu. */
static void
use_script (Fixture    *fixture,
            const char *script)
{
  g_autofree char *dir = g_build_filename (fixture->db.dir, "libexec", NULL);
  g_autofree char *path = g_build_filename (dir, KEFU_XLS_READER_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("#!/bin/sh\n"
                              "cd '%s'\n"
                              "command () { dd bs=%d count=1 of=/dev/null 2>/dev/null; }\n"
                              "%s\n",
                              fixture->db.dir, KEFU_XLS_COMMAND_LENGTH, script);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  g_setenv ("KEFU_LIBEXECDIR", dir, TRUE);
}

static gsize
recorded_size (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, name, NULL);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

static KefuImportResult *
import (Fixture    *fixture,
        const char *path)
{
  KefuImportOptions options;

  kefu_import_options_init (&options);
  options.shop_name = "测试店铺";
  return kefu_import_file (fixture->db.store, kefu_profile_registry_get_default (),
                           path, &options, NULL, NULL, NULL);
}

/* The file could not be read, the message says which and why. */
static void
assert_damaged (const GError *error,
                const char   *name,
                const char   *why)
{
  g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, "Excel 97–2003"));
  g_assert_nonnull (strstr (error->message, why));
}

/* Inputs that make FreeXL 1.0.6 read past its buffers (tests/fuzz/README.md):
 * an error, whether FreeXL gives up or crashes its process. */
static void
test_freexl_crashers (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const names[] = {
    "freexl-overread-2.xls",
    "freexl-overread-after-long-record.xls",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[i], NULL);
      g_autoptr(KefuImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      KefuTableReader *reader;

      reader = kefu_table_reader_open (path, NULL, &error);
      g_assert_null (reader);
      assert_damaged (error, names[i], "");

      result = import (fixture, path);
      g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
      g_assert_nonnull (strstr (kefu_import_result_get_message (result), names[i]));
      g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM import_batch"), ==, 0);
    }
  g_assert_cmpuint (count_children (), ==, 0);
}

/* The process killed after part of the sheet's rows were stored: the
 * import stores nothing, and the next import of the file works. */
static void
test_killed_mid_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KefuImportResult) first = NULL;
  g_autoptr(KefuImportResult) result = NULL;
  g_autoptr(KefuImportResult) again = NULL;
  g_autofree char *script = NULL;
  g_autofree char *csv = NULL;

  /* Something in the database already, which must stay as it is. */
  csv = kefu_test_write_file (&fixture->db, "客服_销售数据_0229.csv",
                              "日期,咨询人数,询单人数,最终成团人数,询单转化率,客服销售额（元）,客服可提升销售额（元）\n"
                              "2024-02-29,100,80,40,50.00%,2000,100\n", -1);
  first = import (fixture, csv);
  g_assert_cmpint (kefu_import_result_get_status (first), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM import_batch"), ==, 1);
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM measure"), ==, 5);

  /* The importer reads sheet 0 twice: to recognise it, then to store
   * it. The second time, the last row is cut and the process killed
   * (the rows before it were stored by then). */
  record_answers (fixture);
  script = g_strdup_printf ("cat opening\n"
                            "command; cat sheet\n"
                            "command; head -c %" G_GSIZE_FORMAT " sheet\n"
                            "kill -KILL $$\n",
                            recorded_size (fixture, "sheet") - KEFU_XLS_HEADER_LENGTH - 4);
  use_script (fixture, script);

  result = import (fixture, fixture->sample);
  g_assert_cmpint (kefu_import_result_get_status (result), ==, KEFU_IMPORT_REFUSED);
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "Nothing was stored"));
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "客服_销售数据.xlsx"));
  g_assert_nonnull (strstr (kefu_import_result_get_message (result), "signal 9"));
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM import_batch"), ==, 1);
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM measure"), ==, 5);
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM measure "
                                                  "WHERE period_start >= '2024-03-01'"), ==, 0);
  g_assert_cmpuint (count_children (), ==, 0);

  /* With the real process, the same file imports: three days, five measures each. */
  g_setenv ("KEFU_LIBEXECDIR", fixture->libexecdir, TRUE);
  again = import (fixture, fixture->sample);
  g_assert_cmpint (kefu_import_result_get_status (again), ==, KEFU_IMPORT_IMPORTED);
  g_assert_cmpint (kefu_test_count (&fixture->db, "SELECT count(*) FROM measure"), ==, 5 + 3 * 5);
  g_assert_cmpuint (count_children (), ==, 0);
}

/* Each way the process can fail, and what the user is told. */
static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *script;
    gboolean    opens;      /* the reader is made, reading rows fails */
    const char *why;
  } cases[] = {
    { "kill -SEGV $$", FALSE, "the reader crashed with signal 11" },
    { "cat opening; exit 3", FALSE, "the reader stopped with exit status 3" },
    { "cat opening; command; exec sleep 60", FALSE, "the reader gave no answer in 1 second" },
    /* a record of no known type */
    { "cat opening; command; printf 'X\\000\\000\\000\\000'; exec sleep 60", FALSE,
      "the reader’s answer could not be understood" },
    /* the sheet record (13 bytes), then part of the first row */
    { "cat opening; command; head -c 30 sheet", TRUE, "the reader’s answer was cut short" },
    /* the sheet record, then a row of one byte */
    { "cat opening; command; head -c 13 sheet; printf 'R\\001\\000\\000\\000x'; exec sleep 60", TRUE,
      "the reader’s answer could not be understood" },
  };

  record_answers (fixture);
  _kefu_xls_reader_set_timeout (1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KefuTableReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].script);
      use_script (fixture, cases[i].script);
      reader = kefu_table_reader_open (fixture->sample, NULL, &error);
      if (cases[i].opens)
        {
          g_assert_no_error (error);
          while (kefu_table_reader_next_row (reader, &error) != NULL)
            ;
          /* Once failed, the reader says so at every sheet asked for. */
          assert_damaged (error, "客服_销售数据.xlsx", cases[i].why);
          g_clear_error (&error);
          g_assert_false (kefu_table_reader_select_sheet (reader, 0, &error));
        }
      else
        g_assert_null (reader);
      assert_damaged (error, "客服_销售数据.xlsx", cases[i].why);
      g_clear_object (&reader);
      g_assert_cmpuint (count_children (), ==, 0);
    }

  /* No process to start. */
  {
    g_autofree char *nowhere = g_build_filename (fixture->db.dir, "nowhere", NULL);
    g_autoptr(GError) error = NULL;

    g_setenv ("KEFU_LIBEXECDIR", nowhere, TRUE);
    g_assert_null (kefu_table_reader_open (fixture->sample, NULL, &error));
    g_assert_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "客服_销售数据.xlsx"));
    g_assert_nonnull (strstr (error->message, KEFU_XLS_READER_NAME));
  }
}

/* Converts @n_rows rows of CSV to an .xls, or returns NULL (and skips
 * the test) without ssconvert. */
static char *
make_large_xls (Fixture *fixture,
                guint    n_rows)
{
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autoptr(GString) csv = g_string_new ("客服,日期,接待人数,备注\n");
  g_autofree char *csv_path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  char *path = g_build_filename (fixture->db.dir, "large.xls", NULL);
  int status = 0;

  if (ssconvert == NULL)
    {
      g_test_skip ("ssconvert (Gnumeric) is not installed");
      g_free (path);
      return NULL;
    }
  for (guint i = 1; i <= n_rows; i++)
    g_string_append_printf (csv, "客服%u,2024-03-%02u,%u,第%u行的备注，写得长一些\n", i % 40, 1 + i % 28, i, i);
  csv_path = kefu_test_write_file (&fixture->db, "large.csv", csv->str, csv->len);

  /* ssconvert must not inherit the tests' fatal warnings and schemas. */
  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  g_spawn_sync (fixture->db.dir,
                (char *[]) { ssconvert, (char *) "--export-type=Gnumeric_Excel:excel_biff8",
                             csv_path, path, NULL },
                envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("ssconvert failed: %s\n%s", error->message, err);
  return path;
}

/* A reader let go of before its last row stops its process, which is
 * reaped: a preview of the first rows, a cancelled import. */
static void
test_finalize_early (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *large = NULL;
  KefuTableReader *reader;
  KefuRowPrefetch *prefetch;
  const KefuRow *row;

  g_assert_cmpuint (count_children (), ==, 0);
  reader = kefu_table_reader_open (fixture->sample, NULL, &error);
  g_assert_no_error (error);
  row = kefu_table_reader_next_row (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpuint (count_children (), ==, 1);
  g_object_unref (reader);
  g_assert_cmpuint (count_children (), ==, 0);

  /* 20,000 rows do not fit in the socket: the process is still writing. */
  large = make_large_xls (fixture, 20000);
  if (large == NULL)
    return;
  reader = kefu_table_reader_open (large, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 10; i++)
    {
      row = kefu_table_reader_next_row (reader, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (row->number, ==, i);
    }
  g_assert_cmpuint (count_children (), ==, 1);
  g_object_unref (reader);
  g_assert_cmpuint (count_children (), ==, 0);

  /* The same from the importer's thread, whose reader stops mid-sheet. */
  reader = kefu_table_reader_open (large, NULL, &error);
  g_assert_no_error (error);
  prefetch = kefu_row_prefetch_start (reader);
  row = kefu_row_prefetch_next (prefetch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->number, ==, 1);
  kefu_row_prefetch_free (prefetch);
  g_object_unref (reader);
  g_assert_cmpuint (count_children (), ==, 0);

  /* Read to the end, every row is there. */
  reader = kefu_table_reader_open (large, NULL, &error);
  g_assert_no_error (error);
  {
    guint n = 0;

    while ((row = kefu_table_reader_next_row (reader, &error)) != NULL)
      n++;
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 20001);
    g_assert_cmpfloat (kefu_table_reader_get_progress (reader), ==, 1.0);
  }
  g_object_unref (reader);
  g_assert_cmpuint (count_children (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xls-process/freexl-crashers", Fixture, NULL,
              fixture_set_up, test_freexl_crashers, fixture_tear_down);
  g_test_add ("/xls-process/killed-mid-import", Fixture, NULL,
              fixture_set_up, test_killed_mid_import, fixture_tear_down);
  g_test_add ("/xls-process/failures", Fixture, NULL,
              fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/xls-process/finalize-early", Fixture, NULL,
              fixture_set_up, test_finalize_early, fixture_tear_down);

  return g_test_run ();
}
