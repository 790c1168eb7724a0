/* kefu-problem-row.c — one problem of an import: where, and what was expected
 *
 * The wizard lists the problems of a check, the Data view those kept
 * with a batch (as JSON); both read the same: the message first, then
 * the sheet, row, column and the value as the file has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kefu-problem-row.h"

struct _KefuProblemRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (KefuProblemRow, kefu_problem_row, ADW_TYPE_ACTION_ROW)

static void
kefu_problem_row_class_init (KefuProblemRowClass *klass)
{
}

static void
kefu_problem_row_init (KefuProblemRow *self)
{
}

/* A text file's one "sheet" is its name without the extension: saying
 * so adds nothing. */
static gboolean
names_the_file (const char *sheet,
                const char *file_name)
{
  gsize length = strlen (sheet);

  return file_name != NULL && strncmp (file_name, sheet, length) == 0 &&
         file_name[length] == '.' && strchr (file_name + length + 1, '.') == NULL;
}

static char *
describe_place (const KefuImportProblem *problem,
                const char              *file_name)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (problem->sheet != NULL && *problem->sheet != '\0' && !names_the_file (problem->sheet, file_name))
    /* Translators: a sheet of a workbook */
    g_ptr_array_add (parts, g_strdup_printf (_("Sheet “%s”"), problem->sheet));
  if (problem->row > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Row %lu"), (gulong) problem->row));
  if (problem->column > 0 && problem->header != NULL && *problem->header != '\0')
    /* Translators: a column's number, then its header */
    g_ptr_array_add (parts, g_strdup_printf (_("Column %u “%s”"), problem->column, problem->header));
  else if (problem->column > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Column %u"), problem->column));
  if (problem->value != NULL && *problem->value != '\0')
    /* Translators: the value of a cell as the file has it */
    g_ptr_array_add (parts, g_strdup_printf (_("Value “%s”"), problem->value));
  if (parts->len == 0)
    return g_strdup (_("The file as a whole"));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of where a problem is */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The core's messages start in lower case, to follow a place. */
static char *
capitalise (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  if (*text == '\0')
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/**
 * kefu_problem_row_new:
 * @file_name: (nullable): the file the problem is in
 */
GtkWidget *
kefu_problem_row_new (const KefuImportProblem *problem,
                      const char              *file_name)
{
  KefuProblemRow *self;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;
  GtkWidget *icon;

  g_return_val_if_fail (problem != NULL, NULL);

  place = describe_place (problem, file_name);
  message = capitalise (problem->message ? problem->message : "");
  self = g_object_new (KEFU_TYPE_PROBLEM_ROW,
                       "title", message,
                       "subtitle", place,
                       "use-markup", FALSE,
                       "title-selectable", TRUE,
                       NULL);

  if (problem->severity == KEFU_PROBLEM_ERROR)
    {
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("The row was skipped"));
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_tooltip_text (icon, _("Imported, but worth knowing"));
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  return GTK_WIDGET (self);
}

/* @problem: an object of the problems a batch keeps (its issues JSON) */
GtkWidget *
kefu_problem_row_new_from_json (JsonObject *problem,
                                const char *file_name)
{
  KefuImportProblem parsed = { 0 };

  g_return_val_if_fail (problem != NULL, NULL);

  parsed.severity = g_strcmp0 (json_object_get_string_member_with_default (problem, "severity", "error"),
                               "note") == 0 ? KEFU_PROBLEM_NOTE : KEFU_PROBLEM_ERROR;
  parsed.sheet = (char *) json_object_get_string_member_with_default (problem, "sheet", NULL);
  parsed.row = json_object_get_int_member_with_default (problem, "row", 0);
  parsed.column = json_object_get_int_member_with_default (problem, "column", 0);
  parsed.header = (char *) json_object_get_string_member_with_default (problem, "header", NULL);
  parsed.value = (char *) json_object_get_string_member_with_default (problem, "value", NULL);
  parsed.message = (char *) json_object_get_string_member_with_default (problem, "message", "");
  return kefu_problem_row_new (&parsed, file_name);
}
