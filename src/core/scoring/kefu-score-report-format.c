/* kefu-score-report-format.c — a score report as JSON, CSV or a text table
 *
 * What the CLI prints (kefu-cli score --format json|csv|table) and what
 * an export can reuse. JSON numbers are written in their shortest form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scheme-issue.h"
#include "kefu-format.h"
#include "scoring/kefu-score-report.h"
#include "scoring/kefu-scoring-private.h"
#include "model/kefu-period.h"

/**
 * kefu_score_report_to_json:
 *
 * Returns: (transfer full): {"scheme", "scheme_name", "from", "to",
 *   "complete", "issues": [...], "agents": [{"agent", "total", "rank",
 *   "complete", "items": [{"key", "value", "points", "weight",
 *   "weighted", "bracket", "error", …}]}]}
 */
JsonNode *
kefu_score_report_to_json (KefuScoreReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  KefuScheme *scheme;
  GListModel *issues, *agents;
  GDate from, to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);

  scheme = kefu_score_report_get_scheme (self);
  issues = kefu_score_report_get_issues (self);
  agents = kefu_score_report_get_agents (self);
  kefu_score_report_get_period (self, &from, &to);
  from_text = kefu_day_to_string (&from);
  to_text = kefu_day_to_string (&to);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scheme");
  json_builder_add_string_value (builder, kefu_scheme_get_id (scheme));
  json_builder_set_member_name (builder, "scheme_name");
  json_builder_add_string_value (builder, kefu_scheme_get_name (scheme));
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from_text);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to_text);
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, kefu_score_report_get_complete (self));

  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
      json_builder_add_value (builder, kefu_scheme_issue_to_json (issue));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
      json_builder_add_value (builder, kefu_agent_score_to_json (agent));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (line->len > 0 && line->str[line->len - 1] != '\n')
    g_string_append_c (line, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (line, "\"%s\"", escaped);
    }
  else
    g_string_append (line, text);
}

static void
append_csv_number (GString *line,
                   double   value)
{
  g_autofree char *text = isfinite (value) ? _kefu_format_number (_kefu_round (value, 1e-6)) : NULL;

  append_csv_field (line, text);
}

/**
 * kefu_score_report_to_csv:
 *
 * Returns: (transfer full): one row per agent: agent, rank (empty when
 *   not ranked), total, complete, then per item KEY.value (at display
 *   precision, in stored units: 0.32 for 32 %), KEY.points, KEY.weighted
 */
char *
kefu_score_report_to_csv (KefuScoreReport *self)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  KefuScheme *scheme;
  GListModel *agents;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);

  scheme = kefu_score_report_get_scheme (self);
  agents = kefu_score_report_get_agents (self);

  append_csv_field (csv, "agent");
  append_csv_field (csv, "rank");
  append_csv_field (csv, "total");
  append_csv_field (csv, "complete");
  for (guint i = 0; i < kefu_scheme_get_n_items (scheme); i++)
    {
      const char *key = kefu_scheme_item_get_key (kefu_scheme_get_item (scheme, i));
      g_autofree char *value = g_strconcat (key, ".value", NULL);
      g_autofree char *points = g_strconcat (key, ".points", NULL);
      g_autofree char *weighted = g_strconcat (key, ".weighted", NULL);

      append_csv_field (csv, value);
      append_csv_field (csv, points);
      append_csv_field (csv, weighted);
    }
  g_string_append_c (csv, '\n');

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
      GListModel *items = kefu_agent_score_get_items (agent);
      g_autofree char *rank = kefu_agent_score_get_rank (agent) > 0
                            ? g_strdup_printf ("%u", kefu_agent_score_get_rank (agent)) : NULL;

      append_csv_field (csv, kefu_agent_score_get_agent_name (agent));
      append_csv_field (csv, rank);
      append_csv_number (csv, kefu_agent_score_get_total (agent));
      append_csv_field (csv, kefu_agent_score_get_complete (agent) ? "true" : "false");
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);
          KefuItemStatus status = kefu_item_score_get_status (item);

          append_csv_number (csv, kefu_item_score_get_shown_value (item));
          append_csv_number (csv, kefu_item_score_get_points (item));
          append_csv_number (csv, status == KEFU_ITEM_STATUS_SCORED || status == KEFU_ITEM_STATUS_ZERO
                                  ? kefu_item_score_get_weighted (item) : NAN);
        }
      g_string_append_c (csv, '\n');
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/* Columns for terminals: CJK characters take two cells. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right)
{
  guint pad = width > text_width (text) ? width - text_width (text) : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

/* Points for people: two decimals, the locale's decimal point. */
static char *
format_points (double value)
{
  return kefu_format_number (value, 2);
}

/**
 * kefu_score_report_to_text:
 * @explain: add how every agent's total came about
 *
 * Returns: (transfer full): a table of ranks, totals and weighted points
 *   per item, then the scheme's issues and the scoring errors
 */
char *
kefu_score_report_to_text (KefuScoreReport *self,
                           gboolean         explain)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  KefuScheme *scheme;
  GListModel *agents, *issues;
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean any_error = FALSE;
  GDate from, to;
  guint n_columns;

  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (self), NULL);

  scheme = kefu_score_report_get_scheme (self);
  agents = kefu_score_report_get_agents (self);
  issues = kefu_score_report_get_issues (self);
  kefu_score_report_get_period (self, &from, &to);
  from_text = kefu_format_date (&from);
  to_text = kefu_format_date (&to);

  g_string_append_printf (text, "%s (%s), %s – %s\n\n", kefu_scheme_get_name (scheme),
                          kefu_scheme_get_id (scheme), from_text, to_text);

  g_strv_builder_add (header, _("Rank"));
  g_strv_builder_add (header, _("Agent"));
  g_strv_builder_add (header, _("Total"));
  for (guint i = 0; i < kefu_scheme_get_n_items (scheme); i++)
    g_strv_builder_add (header, kefu_scheme_item_get_display_label (kefu_scheme_get_item (scheme, i)));
  g_ptr_array_add (table, g_strv_builder_end (header));
  n_columns = 3 + kefu_scheme_get_n_items (scheme);

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
      GListModel *items = kefu_agent_score_get_items (agent);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      g_autofree char *total = format_points (kefu_agent_score_get_total (agent));

      if (kefu_agent_score_get_rank (agent) > 0)
        {
          g_autofree char *rank = g_strdup_printf ("%u", kefu_agent_score_get_rank (agent));
          g_strv_builder_add (row, rank);
        }
      else
        g_strv_builder_add (row, "—");
      g_strv_builder_add (row, kefu_agent_score_get_agent_name (agent));
      if (!kefu_agent_score_get_complete (agent))
        {
          char *marked = g_strconcat (total, "*", NULL);
          g_free (total);
          total = marked;
        }
      g_strv_builder_add (row, total);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);
          g_autofree char *cell = NULL;

          switch (kefu_item_score_get_status (item))
            {
            case KEFU_ITEM_STATUS_SCORED:
            case KEFU_ITEM_STATUS_ZERO:
              cell = format_points (kefu_item_score_get_weighted (item));
              break;
            case KEFU_ITEM_STATUS_ERROR:
              cell = g_strdup (_("error"));
              any_error = TRUE;
              break;
            case KEFU_ITEM_STATUS_EXCLUDED:
            case KEFU_ITEM_STATUS_MISSING:
            default:
              cell = g_strdup ("—");
              break;
            }
          g_strv_builder_add (row, cell);
        }
      g_ptr_array_add (table, g_strv_builder_end (row));
    }

  g_array_set_size (widths, n_columns);
  for (guint r = 0; r < table->len; r++)
    {
      char **row = g_ptr_array_index (table, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c), text_width (row[c]));
    }
  for (guint r = 0; r < table->len; r++)
    {
      char **row = g_ptr_array_index (table, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        append_cell (line, row[c], g_array_index (widths, guint, c), r > 0 && c != 1);
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (text, "%s\n", line->str);
    }

  if (!kefu_score_report_get_complete (self))
    g_string_append (text, _("* incomplete: a value is missing or fell into no row; not ranked\n"));

  if (g_list_model_get_n_items (issues) > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("The scheme:"));
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(KefuSchemeIssue) issue = g_list_model_get_item (issues, i);
          g_autofree char *line = kefu_scheme_issue_to_string (issue);

          g_string_append_printf (text, "  %s\n", line);
        }
    }

  if (any_error && !explain)
    {
      g_string_append_printf (text, "\n%s\n", _("Scoring errors:"));
      for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
        {
          g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
          GListModel *items = kefu_agent_score_get_items (agent);

          for (guint j = 0; j < g_list_model_get_n_items (items); j++)
            {
              g_autoptr(KefuItemScore) item = g_list_model_get_item (items, j);

              if (kefu_item_score_get_error (item) != NULL)
                g_string_append_printf (text, "  %s, %s: %s\n",
                                        kefu_agent_score_get_agent_name (agent),
                                        kefu_item_score_get_label (item),
                                        kefu_item_score_get_error (item));
            }
        }
    }

  if (explain)
    for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
      {
        g_autoptr(KefuAgentScore) agent = g_list_model_get_item (agents, i);
        g_autofree char *explanation = kefu_agent_score_explain (agent);

        g_string_append_printf (text, "\n%s", explanation);
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
