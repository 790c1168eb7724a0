/* kefu-workbook-write.c — writing the appraisal workbook
 *
 * The sheets are written by a file each, sharing a KefuWorkbookContext
 * (kefu-workbook-private.h): Summary, Scheme, Details, Charts,
 * Definitions, in that order of tabs. The Scheme sheet is laid out first,
 * since the Summary's formulas point into it. Worksheets go row by row in
 * libxlsxwriter's constant-memory mode.
 *
 * Writing goes to a hidden temporary file beside the target, renamed over
 * it only once complete, so a failed or cancelled export never leaves a
 * half-written file under the target's name, and an earlier file of that
 * name stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"

static gboolean
check_cancelled (KefuWorkbookContext  *ctx,
                 GError              **error)
{
  return !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

static void
set_properties (KefuWorkbookContext *ctx)
{
  g_autofree char *period = _kefu_workbook_period_text (ctx);
  g_autofree char *title = NULL;
  GDateTime *created = kefu_workbook_get_created (ctx->workbook);
  lxw_doc_properties document = { 0 };

  /* Translators: the workbook's title in its document properties:
   * the appraisal sheet of a period */
  title = g_strdup_printf (TR (ctx, N_("Customer service appraisal, %s")), period);
  document.title = title;
  document.subject = (char *) kefu_scheme_get_name (ctx->scheme);
  document.author = (char *) "Kefu";
  document.company = (char *) _kefu_workbook_get_shop_name (ctx->workbook);
  document.comments = (char *) TR (ctx, N_("Points, totals and ranks are formulas over the "
                                             "bracket tables of the scheme sheet."));
  document.created = created ? (time_t) g_date_time_to_unix (created) : 0;
  workbook_set_properties (ctx->xlsx, &document);
}

static gboolean
add_sheets (KefuWorkbookContext  *ctx,
            GError              **error)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  const char *wanted[] = {
    /* Translators: the names of the workbook's sheets: at most 31
     * characters, none of []:*?/\ */
    TRC (ctx, "sheet name", NC_("sheet name", "Summary")),
    TRC (ctx, "sheet name", NC_("sheet name", "Scheme")),
    TRC (ctx, "sheet name", NC_("sheet name", "Details")),
    TRC (ctx, "sheet name", NC_("sheet name", "Charts")),
    TRC (ctx, "sheet name", NC_("sheet name", "Definitions")),
  };
  lxw_worksheet **sheets[] = {
    &ctx->summary, &ctx->scheme_sheet, &ctx->detail, &ctx->charts, &ctx->definitions,
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      char *name = _kefu_workbook_sheet_name (wanted[i], taken);

      *sheets[i] = workbook_add_worksheet (ctx->xlsx, name);
      if (*sheets[i] == NULL)
        {
          g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_WRITE,
                       _("Could not add the sheet “%s” to the workbook"), name);
          g_free (name);
          return FALSE;
        }
      g_ptr_array_add (taken, name);
    }

  ctx->summary_name = g_strdup (g_ptr_array_index (taken, 0));
  ctx->scheme_name = g_strdup (g_ptr_array_index (taken, 1));
  ctx->detail_name = g_strdup (g_ptr_array_index (taken, 2));
  ctx->summary_ref = _kefu_workbook_quote_sheet (ctx->summary_name);
  ctx->scheme_ref = _kefu_workbook_quote_sheet (ctx->scheme_name);
  ctx->detail_ref = _kefu_workbook_quote_sheet (ctx->detail_name);
  return TRUE;
}

/* The sheets written beside the Details sheet, and how that went. */
typedef struct
{
  KefuWorkbookContext *ctx;
  gboolean             written;
  GError              *error;
} OtherSheets;

static gpointer
write_other_sheets (gpointer data)
{
  OtherSheets *other = data;
  KefuWorkbookContext *ctx = other->ctx;

  other->written = _kefu_workbook_write_summary (ctx, &other->error) &&
                   check_cancelled (ctx, &other->error) &&
                   _kefu_workbook_write_scheme (ctx, &other->error) &&
                   check_cancelled (ctx, &other->error) &&
                   _kefu_workbook_write_definitions (ctx, &other->error) &&
                   check_cancelled (ctx, &other->error);
  return NULL;
}

static gboolean
write_sheets (KefuWorkbookContext  *ctx,
              GError              **error)
{
  GListModel *agents = kefu_score_report_get_agents (ctx->report);
  OtherSheets other = { ctx, FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  GThread *thread;
  gboolean written;

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    g_ptr_array_add (ctx->agents, g_list_model_get_item (agents, i));

  set_properties (ctx);
  _kefu_workbook_formats_init (ctx);
  if (!add_sheets (ctx, error))
    return FALSE;

  /* The Summary refers to the Scheme sheet's cells: lay that out first. */
  _kefu_workbook_layout_scheme (ctx);
  _kefu_workbook_layout_detail (ctx);

  /* The Details sheet, the largest, is written here while another
   * thread writes the Summary, Scheme and Definitions sheets. Each
   * thread has worksheets of its own; what both would change in the
   * workbook's shared parts is settled before: the formats' places
   * (kefu-workbook-format.c), the Details sheet's reading of the
   * scheme's and the scores' lists (_kefu_workbook_layout_detail()).
   * The Charts point into both. */
  thread = g_thread_try_new ("kefu-workbook-sheets", write_other_sheets, &other, NULL);
  if (thread == NULL)
    write_other_sheets (&other);

  written = _kefu_workbook_write_detail (ctx, &local_error) && check_cancelled (ctx, &local_error);
  if (thread != NULL)
    g_thread_join (thread);

  if (!written)
    {
      g_clear_error (&other.error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!other.written)
    {
      g_propagate_error (error, other.error);
      return FALSE;
    }
  return _kefu_workbook_write_charts (ctx, error) && check_cancelled (ctx, error);
}

static void
context_clear (KefuWorkbookContext *ctx)
{
  g_clear_pointer (&ctx->agents, g_ptr_array_unref);
  g_clear_pointer (&ctx->detail_keys, g_ptr_array_unref);
  g_clear_pointer (&ctx->detail_scores, g_free);
  g_clear_pointer (&ctx->items, g_free);
  g_clear_pointer (&ctx->summary_name, g_free);
  g_clear_pointer (&ctx->scheme_name, g_free);
  g_clear_pointer (&ctx->detail_name, g_free);
  g_clear_pointer (&ctx->summary_ref, g_free);
  g_clear_pointer (&ctx->scheme_ref, g_free);
  g_clear_pointer (&ctx->detail_ref, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KefuWorkbookContext, context_clear)

/* A hidden file in @path's folder to write to: renaming it over @path is
 * then atomic. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (dir, template, NULL);
  int fd, saved_errno;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET,
                   _("Cannot write the workbook in the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temporary);
}

static void
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * kefu_workbook_write:
 * @path: the .xlsx file to write; an existing file is replaced
 *
 * Writes the workbook. It goes to a temporary file in @path's folder,
 * renamed to @path once complete: on any failure, or when @cancellable is
 * cancelled, nothing is left under @path (an earlier file stays as it was).
 */
gboolean
kefu_workbook_write (KefuWorkbook  *self,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(KefuWorkbookContext) ctx = { 0 };
  g_autofree char *temporary = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_FALSE };
  lxw_error status;
  gboolean written;

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET,
                   _("“%s” is a folder; give the workbook a file name such as 考核表.xlsx"), path);
      return FALSE;
    }

  ctx.workbook = self;
  ctx.report = kefu_workbook_get_report (self);
  ctx.scheme = kefu_score_report_get_scheme (ctx.report);
  ctx.cancellable = cancellable;
  ctx.agents = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.catalog = _kefu_workbook_get_catalog (self, error);
  if (ctx.catalog == NULL)
    return FALSE;

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  ctx.xlsx = workbook_new_opt (temporary, &options);
  if (ctx.xlsx == NULL)
    {
      g_set_error (error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET,
                   _("Cannot write the workbook “%s”"), path);
      g_unlink (temporary);
      return FALSE;
    }

  written = write_sheets (&ctx, &local_error);
  status = workbook_close (ctx.xlsx);   /* also frees it, written or not */
  ctx.xlsx = NULL;

  if (written && status != LXW_NO_ERROR)
    g_set_error (&local_error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_WRITE,
                 _("Could not write the workbook “%s”: %s"), path, lxw_strerror (status));
  /* On the disk before the rename, so that a power cut cannot leave an
   * empty file under the target's name. */
  if (local_error == NULL)
    sync_file (temporary);
  if (local_error == NULL && g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, KEFU_WORKBOOK_ERROR, KEFU_WORKBOOK_ERROR_TARGET,
                   _("Could not save the workbook as “%s”: %s"), path, g_strerror (saved_errno));
    }

  if (local_error != NULL)
    {
      g_unlink (temporary);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char               *db_path;
  gint64              shop_id;
  KefuMetricSettings  settings;
  gboolean            has_settings;
  char               *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free ((char *) data->settings.time_zone);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KefuWorkbook *self = source_object;
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (data->db_path != NULL)
    {
      g_autoptr(KefuStore) store = kefu_store_open (data->db_path, &error);

      if (store == NULL ||
          !kefu_workbook_load (self, store, data->shop_id,
                               data->has_settings ? &data->settings : NULL,
                               cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!kefu_workbook_write (self, data->path, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kefu_workbook_export_async:
 * @db_path: (nullable): the database to read the daily values from (with
 *   a connection of the worker thread's own); %NULL when loaded already
 * @shop_id: the shop the report scored
 * @settings: (nullable): the metric settings the report was made with
 * @path: the .xlsx file to write
 *
 * kefu_workbook_load() and kefu_workbook_write() in a worker thread. Do
 * not change the workbook until it is finished.
 */
void
kefu_workbook_export_async (KefuWorkbook             *self,
                            const char               *db_path,
                            gint64                    shop_id,
                            const KefuMetricSettings *settings,
                            const char               *path,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (KEFU_IS_WORKBOOK (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (db_path);
  data->shop_id = shop_id;
  data->path = g_strdup (path);
  if (settings != NULL)
    {
      data->settings = *settings;
      data->settings.time_zone = g_strdup (settings->time_zone);
      data->has_settings = TRUE;
    }

  /* The interface's language is read here, in the caller's thread. */
  _kefu_workbook_get_catalog (self, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_workbook_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
kefu_workbook_export_finish (KefuWorkbook  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
