/* kefu-import-task.c — importing files off the main thread
 *
 * The worker opens its own connection to the database (WAL lets the
 * window keep reading meanwhile) and imports the files one by one, each
 * in its own transaction. Progress is handed to the caller's main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "import/kefu-import-task.h"

typedef struct
{
  char               *db_path;
  GStrv               paths;
  KefuImportOptions   options;
  char               *shop_name;
  char               *platform;
  char               *profile_id;
  char               *encoding;
  GStrv               mapping;

  GMainContext       *context;
  KefuImportProgress  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_destroy;
  guint               current;        /* the file being read */
} TaskData;

typedef struct
{
  TaskData *data;
  double    fraction;
} ProgressReport;

static void
task_data_free (gpointer pointer)
{
  TaskData *data = pointer;

  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data->db_path);
  g_strfreev (data->paths);
  g_free (data->shop_name);
  g_free (data->platform);
  g_free (data->profile_id);
  g_free (data->encoding);
  g_strfreev (data->mapping);
  g_free (data);
}

static gboolean
report_progress (gpointer pointer)
{
  ProgressReport *report = pointer;

  report->data->progress (report->fraction, report->data->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: one file's fraction → the whole job's, in the caller's context. */
static void
on_file_progress (double   fraction,
                  gpointer user_data)
{
  TaskData *data = user_data;
  ProgressReport *report;
  guint n = g_strv_length (data->paths);

  if (data->progress == NULL)
    return;

  report = g_new (ProgressReport, 1);
  report->data = data;
  report->fraction = (data->current + CLAMP (fraction, 0, 1)) / MAX (n, 1);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress, report, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KefuStore) store = NULL;
  GError *error = NULL;

  store = kefu_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (data->current = 0; data->paths[data->current] != NULL; data->current++)
    {
      KefuImportResult *result;

      /* Files already imported stay; the caller hears of them. */
      if (g_cancellable_is_cancelled (cancellable))
        break;

      result = kefu_import_file (store, kefu_profile_registry_get_default (),
                                 data->paths[data->current], &data->options,
                                 cancellable, on_file_progress, data);
      g_ptr_array_add (results, result);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * kefu_import_files_async:
 * @db_path: the database to import into
 * @paths: the files
 * @progress: (nullable): told the fraction done, in the caller's thread
 *
 * Imports @paths in a worker thread, each as its own batch.
 */
void
kefu_import_files_async (const char               *db_path,
                         const char * const       *paths,
                         const KefuImportOptions  *options,
                         GCancellable             *cancellable,
                         KefuImportProgress        progress,
                         gpointer                  progress_data,
                         GDestroyNotify            progress_destroy,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (db_path != NULL && paths != NULL && options != NULL);

  data = g_new0 (TaskData, 1);
  data->db_path = g_strdup (db_path);
  data->paths = g_strdupv ((GStrv) paths);
  data->options = *options;
  /* The options' strings must outlive the caller's copy. */
  data->options.shop_name = data->shop_name = g_strdup (options->shop_name);
  data->options.platform = data->platform = g_strdup (options->platform);
  data->options.profile_id = data->profile_id = g_strdup (options->profile_id);
  data->options.encoding = data->encoding = g_strdup (options->encoding);
  data->mapping = g_strdupv ((GStrv) options->mapping);
  data->options.mapping = (const char * const *) data->mapping;
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_import_files_async);
  g_task_set_task_data (task, data, task_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * kefu_import_files_finish:
 *
 * Returns: (transfer full) (element-type KefuImportResult): one result
 *   per file read, in order (fewer than asked when cancelled: the file
 *   being read then is refused as cancelled); %NULL with @error set when
 *   the database could not be opened
 */
GPtrArray *
kefu_import_files_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
