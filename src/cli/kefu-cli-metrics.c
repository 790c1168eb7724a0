/* kefu-cli-metrics.c — kefu-cli metrics: a period's metrics as a table, JSON or CSV
 *
 * kefu-cli metrics --from YYYY-MM-DD --to YYYY-MM-DD [--shop NAME]
 *   [--agent NAME]… [--metric KEY]… [--by agent|day|agent,day|hour]
 *   [--format table|json|csv]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-cli-common.h"
#include "kefu-cli-metrics.h"


typedef enum
{
  FORMAT_TABLE,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

static const char *
weekday_name (int weekday)
{
  const char *names[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

  return weekday >= 1 && weekday <= 7 ? _(names[weekday - 1]) : "";
}

/* A number as JSON and CSV write it: no float noise, no locale. */
static void
append_number (GString *out,
               double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (number) || isinf (number))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  node = json_node_init_string (json_node_alloc (), text);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

/* A value as a person reads it: rates in %, seconds in s, money in ¥,
 * in the locale's digits; a trailing * marks an estimated value. */
static char *
format_value (const KefuMetricValue *value,
              const KefuMetricInfo  *info)
{
  g_autofree char *text = NULL;
  double v = value->value;

  switch (value->missing)
    {
    case KEFU_METRIC_MISSING_NONE:
      break;
    case KEFU_METRIC_MISSING_ZERO_DENOMINATOR:
      return g_strdup ("0/0");
    case KEFU_METRIC_MISSING_NO_SHOP_FIGURE:
      return g_strdup (_("no shop figure"));
    case KEFU_METRIC_MISSING_PARTIAL_PERIOD:
      return g_strdup (_("partial"));
    case KEFU_METRIC_MISSING_NO_DATA:
    default:
      return g_strdup ("—");
    }

  /* At display precision, as scores compare it, in the user's locale; a
   * count summed from fractional measures keeps two decimals. */
  if ((info->unit == KEFU_UNIT_COUNT || info->unit == KEFU_UNIT_DAYS) && v != floor (v))
    text = kefu_format_number (v, 2);
  else
    text = kefu_unit_format (info->unit, v);
  return value->estimated ? g_strconcat (text, "*", NULL) : g_steal_pointer (&text);
}

/* Columns on a terminal: East Asian wide characters take two. */
static guint
display_width (const char *text)
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
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint pad = width - MIN (width, display_width (text));

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

/* g_strv_builder_take() is GLib 2.80. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

/* The label cells of a row, for people: agent (or the shop), then the day
 * in the locale's order, or the hour. */
static GStrv
row_labels (KefuMetricTable        *table,
            const KefuMetricRowKey *key)
{
  KefuGrouping grouping = kefu_metric_table_get_grouping (table);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv labels;

  if (grouping == KEFU_GROUP_AGENT || grouping == KEFU_GROUP_AGENT_DAY)
    g_strv_builder_add (builder, key->agent_id == 0 ? _("Whole shop") : key->agent_name);
  if (grouping == KEFU_GROUP_DAY || grouping == KEFU_GROUP_AGENT_DAY)
    builder_take (builder, kefu_format_date (&key->day));
  if (grouping == KEFU_GROUP_HOUR_WEEKDAY)
    {
      g_strv_builder_add (builder, weekday_name (key->weekday));
      builder_take (builder, g_strdup_printf ("%02d:00", key->hour));
    }
  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return labels;
}

/* One line per row and message, naming every metric it concerns. */
static void
append_notes (GString         *out,
              KefuMetricTable *table,
              const char      *prefix)
{
  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      GPtrArray *notes = kefu_metric_table_get_notes (table, row);
      g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
      g_auto(GStrv) labels = NULL;
      g_autofree char *where = NULL;

      if (notes->len == 0)
        continue;
      labels = row_labels (table, kefu_metric_table_get_row (table, row));
      where = g_strjoinv (" ", labels);
      for (guint i = 0; i < notes->len; i++)
        {
          const KefuMetricNote *note = g_ptr_array_index (notes, i);
          g_autoptr(GString) keys = g_string_new (note->key);

          /* Disagreements carry their own figures: never merged. */
          if (note->kind != KEFU_METRIC_NOTE_DISAGREEMENT)
            {
              if (!g_hash_table_add (done, (gpointer) note->message))
                continue;
              for (guint j = i + 1; j < notes->len; j++)
                {
                  const KefuMetricNote *other = g_ptr_array_index (notes, j);

                  if (other->kind == note->kind && g_str_equal (other->message, note->message))
                    g_string_append_printf (keys, ", %s", other->key);
                }
            }
          g_string_append_printf (out, "%s%s · %s: %s\n", prefix, where, keys->str, note->message);
        }
    }
}

static char *
print_table (KefuMetricTable *table,
             GStrv            keys)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  GStrvBuilder *header = g_strv_builder_new ();
  KefuGrouping grouping = kefu_metric_table_get_grouping (table);
  guint n_labels = grouping == KEFU_GROUP_AGENT_DAY || grouping == KEFU_GROUP_HOUR_WEEKDAY ? 2 : 1;
  gboolean estimated = FALSE;
  guint n_notes = 0;

  if (grouping == KEFU_GROUP_AGENT || grouping == KEFU_GROUP_AGENT_DAY)
    g_strv_builder_add (header, _("Agent"));
  if (grouping == KEFU_GROUP_DAY || grouping == KEFU_GROUP_AGENT_DAY)
    g_strv_builder_add (header, _("Day"));
  if (grouping == KEFU_GROUP_HOUR_WEEKDAY)
    {
      g_strv_builder_add (header, _("Weekday"));
      g_strv_builder_add (header, _("Hour"));
    }
  for (guint i = 0; keys[i] != NULL; i++)
    g_strv_builder_add (header, kefu_metric_get_label (kefu_metric_lookup (keys[i])));
  g_ptr_array_add (lines, g_strv_builder_end (header));
  g_strv_builder_unref (header);

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      GStrv labels = row_labels (table, kefu_metric_table_get_row (table, row));
      GStrvBuilder *line = g_strv_builder_new ();

      g_strv_builder_addv (line, (const char **) labels);
      g_strfreev (labels);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const KefuMetricValue *value = kefu_metric_table_get (table, row, keys[i]);

          estimated |= value->estimated && value->missing == KEFU_METRIC_MISSING_NONE;
          builder_take (line, format_value (value, kefu_metric_lookup (keys[i])));
        }
      g_ptr_array_add (lines, g_strv_builder_end (line));
      g_strv_builder_unref (line);
      n_notes += kefu_metric_table_get_notes (table, row)->len;
    }

  for (guint l = 0; l < lines->len; l++)
    {
      GStrv cells = g_ptr_array_index (lines, l);

      g_array_set_size (widths, MAX (widths->len, g_strv_length (cells)));
      for (guint c = 0; cells[c] != NULL; c++)
        g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c),
                                                display_width (cells[c]));
    }

  for (guint l = 0; l < lines->len; l++)
    {
      GStrv cells = g_ptr_array_index (lines, l);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          /* Labels left, numbers right; the last column needs no padding. */
          if (cells[c + 1] == NULL && c < n_labels)
            g_string_append (out, cells[c]);
          else
            append_padded (out, cells[c], g_array_index (widths, guint, c), c >= n_labels && l > 0);
        }
      g_string_append_c (out, '\n');
    }

  if (estimated)
    g_string_append_printf (out, "%s\n", _("* estimated: rebuilt from a rate or an average and its weight"));
  if (n_notes > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Notes:"));
      append_notes (out, table, "  ");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
print_json (KefuMetricTable *table,
            GStrv            keys,
            const char      *shop)
{
  GString *out = g_string_new ("{\"from\": ");
  KefuGrouping grouping = kefu_metric_table_get_grouping (table);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate first, last;

  kefu_metric_table_get_period (table, &first, &last);
  from = kefu_day_to_string (&first);
  to = kefu_day_to_string (&last);
  append_json_string (out, from);
  g_string_append (out, ", \"to\": ");
  append_json_string (out, to);
  g_string_append (out, ", \"shop\": ");
  append_json_string (out, shop);
  g_string_append (out, ", \"rows\": [");

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, row);
      g_autofree char *day = kefu_day_to_string (&key->day);

      g_string_append (out, row > 0 ? ",\n  {\"agent\": " : "\n  {\"agent\": ");
      append_json_string (out, key->agent_id != 0 ? key->agent_name : NULL);
      g_string_append (out, ", \"day\": ");
      append_json_string (out, day);
      if (grouping == KEFU_GROUP_HOUR_WEEKDAY)
        g_string_append_printf (out, ", \"weekday\": %d, \"hour\": %d", key->weekday, key->hour);
      g_string_append (out, ", \"metrics\": {");
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const KefuMetricValue *value = kefu_metric_table_get (table, row, keys[i]);

          g_string_append (out, i > 0 ? ", " : "");
          append_json_string (out, keys[i]);
          g_string_append (out, ": {\"value\": ");
          append_number (out, value->value);
          g_string_append (out, ", \"numerator\": ");
          append_number (out, value->numerator);
          g_string_append (out, ", \"denominator\": ");
          append_number (out, value->denominator);
          g_string_append_printf (out, ", \"estimated\": %s, \"missing\": ",
                                  value->estimated ? "true" : "false");
          append_json_string (out, kefu_metric_missing_to_string (value->missing));
          g_string_append_c (out, '}');
        }
      g_string_append (out, "}}");
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", escaped);
    }
  else if (text != NULL)
    g_string_append (out, text);
}

/* One line per row, one column per metric: the plain value, empty when
 * missing (with the reason in KEY_missing). */
static char *
print_csv (KefuMetricTable *table,
           GStrv            keys)
{
  GString *out = g_string_new ("agent,day");
  KefuGrouping grouping = kefu_metric_table_get_grouping (table);

  if (grouping == KEFU_GROUP_HOUR_WEEKDAY)
    g_string_append (out, ",weekday,hour");
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (out, ",%s,%s_missing", keys[i], keys[i]);
  g_string_append_c (out, '\n');

  for (guint row = 0; row < kefu_metric_table_get_n_rows (table); row++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, row);
      g_autofree char *day = kefu_day_to_string (&key->day);

      append_csv_field (out, key->agent_id != 0 ? key->agent_name : "");
      g_string_append_c (out, ',');
      append_csv_field (out, day);
      if (grouping == KEFU_GROUP_HOUR_WEEKDAY)
        g_string_append_printf (out, ",%d,%d", key->weekday, key->hour);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const KefuMetricValue *value = kefu_metric_table_get (table, row, keys[i]);

          g_string_append_c (out, ',');
          if (value->missing == KEFU_METRIC_MISSING_NONE)
            append_number (out, value->value);
          g_string_append_c (out, ',');
          append_csv_field (out, kefu_metric_missing_to_string (value->missing));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* JSON and CSV stay as specified; what a reader should know goes aside. */
static void
print_notes_to_stderr (KefuMetricTable *table)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  append_notes (notes, table, "kefu-cli: note: ");
  g_printerr ("%s", notes->str);
}

static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *date,
           GError     **error)
{
  if (text == NULL)
    {
      USAGE_ERROR (error, _("%s YYYY-MM-DD is required; see kefu-cli metrics --help"), option);
      return FALSE;
    }
  return kefu_cli_parse_day (text, date, error);
}

static gboolean
parse_grouping (const char    *text,
                KefuGrouping  *grouping,
                GError       **error)
{
  if (text == NULL || g_str_equal (text, "agent"))
    *grouping = KEFU_GROUP_AGENT;
  else if (g_str_equal (text, "day"))
    *grouping = KEFU_GROUP_DAY;
  else if (g_str_equal (text, "agent,day") || g_str_equal (text, "day,agent"))
    *grouping = KEFU_GROUP_AGENT_DAY;
  else if (g_str_equal (text, "hour"))
    *grouping = KEFU_GROUP_HOUR_WEEKDAY;
  else
    {
      USAGE_ERROR (error, _("--by is agent, day, agent,day or hour"));
      return FALSE;
    }
  return TRUE;
}

gboolean
kefu_cli_metrics (KefuStore  *store,
                  char      **args,
                  GError    **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— a period’s metrics"));
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(GArray) agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) metric_keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from_text = NULL, *to_text = NULL, *shop = NULL, *by = NULL, *format_text = NULL;
  g_autofree char *shop_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) agents = NULL;
  g_auto(GStrv) metrics = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char **argv = NULL;
  KefuGrouping grouping;
  Format format = FORMAT_TABLE;
  GDate from, to;
  gint64 shop_id;
  int argc;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the period"), N_("YYYY-MM-DD") },
    { "shop", 0, 0, G_OPTION_ARG_STRING, &shop, N_("The shop (default: the database’s only shop)"), N_("NAME") },
    { "agent", 0, 0, G_OPTION_ARG_STRING_ARRAY, &agents, N_("Only this agent (repeatable)"), N_("NAME") },
    { "metric", 0, 0, G_OPTION_ARG_STRING_ARRAY, &metrics, N_("Only this metric (repeatable)"), N_("KEY") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Rows by agent, day, agent,day or hour"), N_("GROUPING") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Print a table, json or csv"), N_("FORMAT") },
    { NULL }
  };

  argc = g_strv_length (args) + 1;
  argv = g_new0 (char *, argc + 1);
  argv[0] = (char *) "kefu-cli metrics";
  memcpy (argv + 1, args, (argc - 1) * sizeof (char *));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;
  if (argc > 1)
    {
      USAGE_ERROR (error, _("Unexpected argument “%s”; see kefu-cli metrics --help"), argv[1]);
      return FALSE;
    }

  if (!parse_day ("--from", from_text, &from, error) || !parse_day ("--to", to_text, &to, error) ||
      !parse_grouping (by, &grouping, error))
    return FALSE;
  if (g_date_compare (&from, &to) > 0)
    {
      USAGE_ERROR (error, _("--to is before --from"));
      return FALSE;
    }
  if (format_text == NULL || g_str_equal (format_text, "table"))
    format = FORMAT_TABLE;
  else if (g_str_equal (format_text, "json"))
    format = FORMAT_JSON;
  else if (g_str_equal (format_text, "csv"))
    format = FORMAT_CSV;
  else
    {
      USAGE_ERROR (error, _("--format is table, json or csv"));
      return FALSE;
    }

  for (guint i = 0; metrics != NULL && metrics[i] != NULL; i++)
    {
      if (kefu_metric_lookup (metrics[i]) == NULL)
        {
          USAGE_ERROR (error, _("“%s” is not a metric key; the keys are in docs/METRICS.md"), metrics[i]);
          return FALSE;
        }
      g_ptr_array_add (metric_keys, g_strdup (metrics[i]));
    }
  g_ptr_array_add (metric_keys, NULL);

  shop_id = kefu_cli_find_shop (store, shop, &shop_name, error);
  if (shop_id == 0)
    return FALSE;

  for (guint i = 0; agents != NULL && agents[i] != NULL; i++)
    {
      gint64 id = kefu_metric_query_find_agent (store, shop_id, agents[i], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (agent_ids, id);
    }

  table = kefu_metric_query (store, shop_id, &from, &to,
                             agents != NULL ? (const gint64 *) agent_ids->data : NULL, agent_ids->len,
                             metrics != NULL ? (const char * const *) metric_keys->pdata : NULL,
                             grouping, NULL, NULL, error);
  if (table == NULL)
    return FALSE;

  /* Columns in the order asked for, else the catalogue's. */
  if (metrics != NULL)
    keys = g_strdupv ((GStrv) metric_keys->pdata);
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const KefuMetricInfo *all;
      guint n;

      all = kefu_metric_get_all (&n);
      for (guint i = 0; i < n; i++)
        g_strv_builder_add (builder, all[i].key);
      keys = g_strv_builder_end (builder);
    }

  switch (format)
    {
    case FORMAT_JSON:
      output = print_json (table, keys, shop_name);
      print_notes_to_stderr (table);
      break;
    case FORMAT_CSV:
      output = print_csv (table, keys);
      print_notes_to_stderr (table);
      break;
    case FORMAT_TABLE:
    default:
      output = print_table (table, keys);
      break;
    }
  g_print ("%s", output);
  return TRUE;
}
