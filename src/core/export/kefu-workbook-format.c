/* kefu-workbook-format.c — the workbook's formats and words
 *
 * Values are written as numbers with a number format per unit, so that
 * Excel shows what Kefu shows (32.00%, 13.0 s, ¥78.23, 1.180, 6) and can
 * still compute with them; an estimated value is the same number shown
 * with "≈". The units, labels and periods are said in the workbook's
 * language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"
#include "scoring/kefu-precision.h"

#define COLOR_HEADER     0xDDEBF7
#define COLOR_HELPER     0x808080
#define COLOR_NOTE       0x595959

/* A literal for a number format: "…" without the quote and backslash,
 * which a number format cannot hold inside quotes. */
static void
append_literal (GString    *format,
                const char *text,
                gsize       length)
{
  if (length == 0)
    return;
  g_string_append_c (format, '"');
  for (gsize i = 0; i < length; i++)
    if (text[i] != '"' && text[i] != '\\')
      g_string_append_c (format, text[i]);
  g_string_append_c (format, '"');
}

/* "%s 秒" and "0.0" → 0.0" 秒" */
static char *
format_with_pattern (const char *pattern,
                     const char *number)
{
  g_autoptr(GString) format = g_string_new (NULL);
  const char *hole = strstr (pattern, "%s");

  if (hole == NULL)
    return g_strdup (number);
  append_literal (format, pattern, hole - pattern);
  g_string_append (format, number);
  append_literal (format, hole + 2, strlen (hole + 2));
  return g_string_free (g_steal_pointer (&format), FALSE);
}

/* The number format of a unit, as kefu_unit_format() writes its values. */
static char *
unit_number_format (KefuWorkbookContext *ctx,
                    KefuUnit             unit,
                    const char          *prefix)
{
  g_autofree char *body = NULL;

  switch (unit)
    {
    case KEFU_UNIT_FRACTION: body = g_strdup ("0.00%"); break;
    /* Translators: a duration in seconds, e.g. "13.0 s" */
    case KEFU_UNIT_SECONDS:  body = format_with_pattern (TR (ctx, N_("%s s")), "0.0"); break;
    /* Translators: a duration in hours, e.g. "2.5 h" */
    case KEFU_UNIT_HOURS:    body = format_with_pattern (TR (ctx, N_("%s h")), "0.0"); break;
    case KEFU_UNIT_YUAN:
      return g_strdup_printf ("%s\"¥\"#,##0.00;-%s\"¥\"#,##0.00", prefix, prefix);
    case KEFU_UNIT_COUNT:    body = g_strdup ("#,##0"); break;
    case KEFU_UNIT_RATIO:    body = g_strdup ("0.000"); break;
    case KEFU_UNIT_DAYS:     body = g_strdup ("0"); break;
    case KEFU_UNIT_SCORE:
    default:                 body = g_strdup ("0.00"); break;
    }
  return g_strconcat (prefix, body, NULL);
}

static lxw_format *
new_format (KefuWorkbookContext *ctx,
            gboolean             border)
{
  lxw_format *format = workbook_add_format (ctx->xlsx);

  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static lxw_format *
new_fill (KefuWorkbookContext *ctx,
          lxw_color_t          background,
          lxw_color_t          color)
{
  lxw_format *format = workbook_add_format (ctx->xlsx);

  format_set_bg_color (format, background);
  format_set_font_color (format, color);
  return format;
}

/* Gives every cell format its place in the workbook's table of styles
 * now, once complete, rather than at its first use: a first use adds to
 * that table, shared by all the worksheets, while later ones only read it
 * — so that two threads can each write worksheets of their own
 * (kefu-workbook-write.c). The formats of most cells come first: each
 * cell names its format's place, and places 1 to 9 take one digit. The
 * conditional formats' fills are not cell formats: they get their places
 * from the Summary's rules. */
static void
resolve_cell_formats (KefuWorkbookFormats *f)
{
  lxw_format *formats[] = {
    f->number, f->text, f->date, f->text_bold, f->center, f->text_wrap, f->missing,
    f->points, f->weighted, f->helper, f->title, f->subtitle, f->info, f->note, f->header,
    f->header_left, f->header_weight, f->helper_header, f->total, f->rank, f->complete,
    f->weight, f->inclusive,
  };

  for (KefuUnit unit = 0; unit <= KEFU_UNIT_SCORE; unit++)
    lxw_format_get_xf_index (f->value[unit]);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    lxw_format_get_xf_index (formats[i]);
  for (KefuUnit unit = 0; unit <= KEFU_UNIT_SCORE; unit++)
    {
      lxw_format_get_xf_index (f->estimated[unit]);
      lxw_format_get_xf_index (f->helper_value[unit]);
    }
}

/**
 * _kefu_workbook_formats_init:
 *
 * Adds every format the sheets use to the workbook.
 */
void
_kefu_workbook_formats_init (KefuWorkbookContext *ctx)
{
  KefuWorkbookFormats *f = &ctx->formats;
  g_autofree char *weight = NULL;
  g_autofree char *complete = NULL;

  f->title = new_format (ctx, FALSE);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);

  f->subtitle = new_format (ctx, FALSE);
  format_set_bold (f->subtitle);
  format_set_font_size (f->subtitle, 12);

  f->info = new_format (ctx, FALSE);

  f->note = new_format (ctx, FALSE);
  format_set_italic (f->note);
  format_set_font_color (f->note, COLOR_NOTE);

  f->header = new_format (ctx, TRUE);
  format_set_bold (f->header);
  format_set_bg_color (f->header, COLOR_HEADER);
  format_set_text_wrap (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);

  f->header_left = new_format (ctx, TRUE);
  format_set_bold (f->header_left);
  format_set_bg_color (f->header_left, COLOR_HEADER);
  format_set_text_wrap (f->header_left);

  /* Translators: above an item's columns in the workbook, before its
   * weight in percent ("Weight 30%"); keep it short */
  weight = format_with_pattern (TR (ctx, N_("Weight %s")), "General\"%\"");
  f->header_weight = new_format (ctx, TRUE);
  format_set_bg_color (f->header_weight, COLOR_HEADER);
  format_set_align (f->header_weight, LXW_ALIGN_CENTER);
  format_set_num_format (f->header_weight, weight);

  f->helper_header = new_format (ctx, TRUE);
  format_set_italic (f->helper_header);
  format_set_font_color (f->helper_header, COLOR_HELPER);
  format_set_text_wrap (f->helper_header);
  format_set_align (f->helper_header, LXW_ALIGN_CENTER);

  f->text = new_format (ctx, TRUE);
  f->text_bold = new_format (ctx, TRUE);
  format_set_bold (f->text_bold);
  f->text_wrap = new_format (ctx, TRUE);
  format_set_text_wrap (f->text_wrap);
  format_set_align (f->text_wrap, LXW_ALIGN_VERTICAL_TOP);
  f->center = new_format (ctx, TRUE);
  format_set_align (f->center, LXW_ALIGN_CENTER);

  f->missing = new_format (ctx, TRUE);
  format_set_align (f->missing, LXW_ALIGN_CENTER);
  format_set_font_color (f->missing, COLOR_HELPER);

  for (KefuUnit unit = 0; unit <= KEFU_UNIT_SCORE; unit++)
    {
      g_autofree char *plain = unit_number_format (ctx, unit, "");
      g_autofree char *approximate = unit_number_format (ctx, unit, "\"≈\"");

      f->value[unit] = new_format (ctx, TRUE);
      format_set_num_format (f->value[unit], plain);
      f->estimated[unit] = new_format (ctx, TRUE);
      format_set_num_format (f->estimated[unit], approximate);
      format_set_italic (f->estimated[unit]);
      f->helper_value[unit] = new_format (ctx, TRUE);
      format_set_num_format (f->helper_value[unit], plain);
      format_set_font_color (f->helper_value[unit], COLOR_HELPER);
    }

  f->number = new_format (ctx, TRUE);
  format_set_num_format (f->number, "#,##0.##########");
  f->points = new_format (ctx, TRUE);
  format_set_num_format (f->points, "General");
  format_set_align (f->points, LXW_ALIGN_CENTER);
  f->weighted = new_format (ctx, TRUE);
  format_set_num_format (f->weighted, "0.00");
  f->total = new_format (ctx, TRUE);
  format_set_num_format (f->total, "0.00");
  format_set_bold (f->total);
  f->rank = new_format (ctx, TRUE);
  format_set_align (f->rank, LXW_ALIGN_CENTER);
  format_set_bold (f->rank);

  /* 1 reads “complete”, 0 “incomplete”: a number the formulas can test. */
  complete = g_strdup_printf ("\"%s\";;\"%s\"", TR (ctx, N_("complete")), TR (ctx, N_("incomplete")));
  f->complete = new_format (ctx, TRUE);
  format_set_num_format (f->complete, complete);
  format_set_align (f->complete, LXW_ALIGN_CENTER);

  f->helper = new_format (ctx, TRUE);
  format_set_font_color (f->helper, COLOR_HELPER);
  format_set_align (f->helper, LXW_ALIGN_CENTER);

  f->weight = new_format (ctx, TRUE);
  format_set_num_format (f->weight, "General\"%\"");
  format_set_bold (f->weight);
  format_set_bg_color (f->weight, 0xFFF2CC);

  /* Whether a bound belongs to its row: 1 reads ≤, 0 reads <. */
  f->inclusive = new_format (ctx, TRUE);
  format_set_num_format (f->inclusive, "\"≤\";\"≤\";\"<\"");
  format_set_align (f->inclusive, LXW_ALIGN_CENTER);
  format_set_bg_color (f->inclusive, 0xFFF2CC);

  f->date = new_format (ctx, TRUE);
  format_set_num_format (f->date, "yyyy-mm-dd");
  format_set_align (f->date, LXW_ALIGN_LEFT);

  f->good = new_fill (ctx, 0xC6EFCE, 0x006100);
  f->poor = new_fill (ctx, 0xFFEB9C, 0x9C5700);
  f->error = new_fill (ctx, 0xFFC7CE, 0x9C0006);
  format_set_bold (f->error);
  f->incomplete = new_fill (ctx, 0xFCE4D6, 0x9C0006);

  resolve_cell_formats (f);
}

/**
 * _kefu_workbook_unit_name:
 *
 * Returns: (transfer none): the unit as a column heading says it
 */
const char *
_kefu_workbook_unit_name (KefuWorkbookContext *ctx,
                          KefuUnit             unit)
{
  switch (unit)
    {
    case KEFU_UNIT_FRACTION: return TR (ctx, N_("rate (%)"));
    case KEFU_UNIT_SECONDS:  return TR (ctx, N_("seconds"));
    case KEFU_UNIT_HOURS:    return TR (ctx, N_("hours"));
    case KEFU_UNIT_YUAN:     return TR (ctx, N_("yuan (¥)"));
    case KEFU_UNIT_COUNT:    return TR (ctx, N_("count"));
    case KEFU_UNIT_RATIO:    return TR (ctx, N_("ratio"));
    case KEFU_UNIT_DAYS:     return TR (ctx, N_("days"));
    case KEFU_UNIT_SCORE:
    default:                 return TR (ctx, N_("rating"));
    }
}

/**
 * _kefu_workbook_metric_label:
 *
 * Returns: (transfer none): the metric's label in the workbook's language
 */
const char *
_kefu_workbook_metric_label (KefuWorkbookContext *ctx,
                             const char          *key)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);

  return info != NULL ? TR (ctx, info->label) : key;
}

/**
 * _kefu_workbook_item_label:
 *
 * Returns: (transfer none): the label the scheme gives the item (the
 *   shop's own words, as written), else its metric's label
 */
const char *
_kefu_workbook_item_label (KefuWorkbookContext *ctx,
                           KefuSchemeItem      *item)
{
  const char *label = kefu_scheme_item_get_label (item);

  if (label != NULL && *label != '\0')
    return label;
  if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_METRIC)
    return _kefu_workbook_metric_label (ctx, kefu_scheme_item_get_key (item));
  return kefu_scheme_item_get_key (item);
}

/**
 * _kefu_workbook_period_text:
 *
 * Returns: (transfer full): "2026-10-01 to 2026-10-30"
 */
char *
_kefu_workbook_period_text (KefuWorkbookContext *ctx)
{
  GDate from, to;
  char first[16] = "", last[16] = "";

  kefu_score_report_get_period (ctx->report, &from, &to);
  if (g_date_valid (&from))
    g_date_strftime (first, sizeof first, "%Y-%m-%d", &from);
  if (g_date_valid (&to))
    g_date_strftime (last, sizeof last, "%Y-%m-%d", &to);
  /* Translators: a period of days in the workbook, "2026-10-01 to 2026-10-30" */
  return g_strdup_printf (TR (ctx, N_("%s to %s")), first, last);
}
