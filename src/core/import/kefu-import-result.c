/* kefu-import-result.c — what importing one file did, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import/kefu-import-result.h"

struct _KefuImportResult
{
  GObject           parent_instance;

  char             *file_name;
  KefuImportStatus  status;
  gint64            batch_id;
  char             *message;
  KefuImportFacts   facts;
  GPtrArray        *problems;
  GPtrArray        *preview;       /* GStrv */
  GArray           *preview_rows;  /* guint64 */
};

G_DEFINE_FINAL_TYPE (KefuImportResult, kefu_import_result, G_TYPE_OBJECT)

/* A file with thousands of bad rows lists the first ones; the count
 * stays exact in rows_skipped. */
#define MAX_PROBLEMS 1000

static void
problem_free (gpointer data)
{
  KefuImportProblem *problem = data;

  g_free (problem->sheet);
  g_free (problem->header);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

static void
kefu_import_result_finalize (GObject *object)
{
  KefuImportResult *self = KEFU_IMPORT_RESULT (object);
  KefuImportFacts *facts = &self->facts;

  g_free (self->file_name);
  g_free (self->message);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->preview);
  g_array_unref (self->preview_rows);
  g_free (facts->format);
  g_free (facts->encoding);
  g_free (facts->sheet);
  g_free (facts->profile_id);
  g_free (facts->profile_name);
  g_free (facts->platform);
  g_free (facts->kind);
  g_strfreev (facts->unmatched);
  g_strfreev (facts->headers);
  g_strfreev (facts->fields);
  g_free (facts->period_start);
  g_free (facts->period_end);
  g_free (facts->sha256);

  G_OBJECT_CLASS (kefu_import_result_parent_class)->finalize (object);
}

static void
kefu_import_result_class_init (KefuImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_import_result_finalize;
}

static void
kefu_import_result_init (KefuImportResult *self)
{
  self->status = KEFU_IMPORT_REFUSED;
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->preview_rows = g_array_new (FALSE, FALSE, sizeof (guint64));
}

/* Takes @cells. */
void
kefu_import_result_add_preview (KefuImportResult *self,
                                guint64           row,
                                GStrv             cells)
{
  g_return_if_fail (KEFU_IS_IMPORT_RESULT (self));

  if (self->preview->len >= KEFU_IMPORT_PREVIEW_ROWS)
    {
      g_strfreev (cells);
      return;
    }
  g_ptr_array_add (self->preview, cells);
  g_array_append_val (self->preview_rows, row);
}

guint
kefu_import_result_get_n_preview (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), 0);
  return self->preview->len;
}

const char * const *
kefu_import_result_get_preview (KefuImportResult *self,
                                guint             index,
                                guint64          *row)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->preview->len, NULL);

  if (row != NULL)
    *row = g_array_index (self->preview_rows, guint64, index);
  return g_ptr_array_index (self->preview, index);
}

KefuImportResult *
kefu_import_result_new (const char *file_name)
{
  KefuImportResult *self = g_object_new (KEFU_TYPE_IMPORT_RESULT, NULL);

  self->file_name = g_strdup (file_name);
  return self;
}

const char *
kefu_import_result_get_file_name (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  return self->file_name;
}

KefuImportStatus
kefu_import_result_get_status (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), KEFU_IMPORT_REFUSED);
  return self->status;
}

/* Why a file was refused, or what happened instead of an import. */
const char *
kefu_import_result_get_message (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  return self->message;
}

gint64
kefu_import_result_get_batch_id (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), 0);
  return self->batch_id;
}

KefuImportFacts *
kefu_import_result_get_facts (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  return &self->facts;
}

void
kefu_import_result_set_outcome (KefuImportResult *self,
                                KefuImportStatus  status,
                                gint64            batch_id,
                                const char       *message)
{
  g_return_if_fail (KEFU_IS_IMPORT_RESULT (self));

  self->status = status;
  self->batch_id = batch_id;
  g_free (self->message);
  self->message = g_strdup (message);
}

guint
kefu_import_result_get_n_problems (KefuImportResult *self)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), 0);
  return self->problems->len;
}

const KefuImportProblem *
kefu_import_result_get_problem (KefuImportResult *self,
                                guint             index)
{
  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_ptr_array_index (self->problems, index);
}

void
kefu_import_result_add_problem (KefuImportResult    *self,
                                KefuProblemSeverity  severity,
                                const char          *sheet,
                                guint64              row,
                                guint                column,
                                const char          *header,
                                const char          *value,
                                const char          *message)
{
  KefuImportProblem *problem;

  g_return_if_fail (KEFU_IS_IMPORT_RESULT (self));

  if (self->problems->len >= MAX_PROBLEMS)
    return;

  problem = g_new0 (KefuImportProblem, 1);
  problem->severity = severity;
  problem->sheet = g_strdup (sheet);
  problem->row = row;
  problem->column = column;
  problem->header = g_strdup (header);
  problem->value = g_strdup (value);
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

static const char *
status_name (KefuImportStatus status)
{
  switch (status)
    {
    case KEFU_IMPORT_IMPORTED:         return "imported";
    case KEFU_IMPORT_ALREADY_IMPORTED: return "already-imported";
    case KEFU_IMPORT_OVERLAP:          return "overlap";
    case KEFU_IMPORT_REFUSED:          return "refused";
    case KEFU_IMPORT_CHECKED:          return "checked";
    default:                           g_assert_not_reached ();
    }
}

static void
add_problems (JsonBuilder      *builder,
              KefuImportResult *self)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const KefuImportProblem *problem = g_ptr_array_index (self->problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, problem->severity == KEFU_PROBLEM_ERROR ? "error" : "note");
      if (problem->sheet != NULL)
        {
          json_builder_set_member_name (builder, "sheet");
          json_builder_add_string_value (builder, problem->sheet);
        }
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, problem->row);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, problem->column);
      if (problem->header != NULL)
        {
          json_builder_set_member_name (builder, "header");
          json_builder_add_string_value (builder, problem->header);
        }
      if (problem->value != NULL)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, problem->value);
        }
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The problems as stored with the batch. */
char *
kefu_import_result_problems_to_json (KefuImportResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  add_problems (builder, self);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

JsonNode *
kefu_import_result_to_json (KefuImportResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  KefuImportFacts *facts;

  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  facts = &self->facts;

  json_builder_begin_object (builder);
  add_string (builder, "file", self->file_name);
  add_string (builder, "status", status_name (self->status));
  add_string (builder, "message", self->message);
  if (self->batch_id > 0)
    add_int (builder, "batch", self->batch_id);
  add_string (builder, "format", facts->format);
  add_string (builder, "encoding", facts->encoding);
  add_string (builder, "sheet", facts->sheet);
  add_string (builder, "profile", facts->profile_id);
  add_string (builder, "profile_name", facts->profile_name);
  add_string (builder, "platform", facts->platform);
  add_string (builder, "kind", facts->kind);
  if (facts->profile_id != NULL)
    {
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, facts->confidence);
      add_int (builder, "header_row", facts->header_row);
    }
  if (facts->unmatched != NULL)
    {
      json_builder_set_member_name (builder, "unmatched_columns");
      json_builder_begin_array (builder);
      for (guint i = 0; facts->unmatched[i] != NULL; i++)
        json_builder_add_string_value (builder, facts->unmatched[i]);
      json_builder_end_array (builder);
    }
  if (facts->headers != NULL && facts->fields != NULL)
    {
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint i = 0; facts->headers[i] != NULL && facts->fields[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "header", facts->headers[i]);
          add_string (builder, "field", facts->fields[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  add_string (builder, "period_start", facts->period_start);
  add_string (builder, "period_end", facts->period_end);
  add_string (builder, "sha256", facts->sha256);
  add_int (builder, "rows_read", facts->rows_read);
  add_int (builder, "rows_imported", facts->rows_imported);
  add_int (builder, "rows_skipped", facts->rows_skipped);
  json_builder_set_member_name (builder, "problems");
  add_problems (builder, self);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The report a person reads in a terminal. */
char *
kefu_import_result_to_text (KefuImportResult *self)
{
  GString *text = g_string_new (NULL);
  KefuImportFacts *facts;

  g_return_val_if_fail (KEFU_IS_IMPORT_RESULT (self), NULL);
  facts = &self->facts;

  g_string_append_printf (text, "%s\n", self->file_name);
  if (facts->profile_id != NULL)
    g_string_append_printf (text, _("  detected: %s (%s, %s), confidence %.0f%%, header on row %lu\n"),
                            facts->profile_name, facts->profile_id, facts->kind,
                            facts->confidence * 100, (gulong) facts->header_row);
  if (facts->unmatched != NULL && facts->unmatched[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("、", facts->unmatched);
      g_string_append_printf (text, _("  columns not used: %s\n"), list);
    }
  if (facts->period_start != NULL)
    g_string_append_printf (text, _("  period: %s to %s\n"), facts->period_start, facts->period_end);

  switch (self->status)
    {
    case KEFU_IMPORT_IMPORTED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "  imported as batch %ld: %lu row imported, %lu skipped\n",
                                                 "  imported as batch %ld: %lu rows imported, %lu skipped\n",
                                                 facts->rows_imported),
                              (long) self->batch_id, (gulong) facts->rows_imported,
                              (gulong) facts->rows_skipped);
      break;
    case KEFU_IMPORT_CHECKED:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "  checked, nothing stored: %lu row would be imported, %lu skipped\n",
                                                 "  checked, nothing stored: %lu rows would be imported, %lu skipped\n",
                                                 facts->rows_imported),
                              (gulong) facts->rows_imported, (gulong) facts->rows_skipped);
      break;
    case KEFU_IMPORT_ALREADY_IMPORTED:
    case KEFU_IMPORT_OVERLAP:
    case KEFU_IMPORT_REFUSED:
      g_string_append_printf (text, "  %s\n", self->message);
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < self->problems->len; i++)
    {
      const KefuImportProblem *problem = g_ptr_array_index (self->problems, i);
      const char *severity = problem->severity == KEFU_PROBLEM_ERROR ? _("error") : _("note");

      if (problem->row == 0)
        g_string_append_printf (text, "  %s: %s\n", severity, problem->message);
      else if (problem->column == 0)
        g_string_append_printf (text, _("  %s: row %lu: %s\n"),
                                severity, (gulong) problem->row, problem->message);
      else
        g_string_append_printf (text, _("  %s: row %lu, column %u (%s), “%s”: %s\n"),
                                severity, (gulong) problem->row, problem->column,
                                problem->header ? problem->header : "",
                                problem->value ? problem->value : "", problem->message);
    }

  return g_string_free (text, FALSE);
}
