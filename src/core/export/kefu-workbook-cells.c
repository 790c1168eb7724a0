/* kefu-workbook-cells.c — names, references and safe cells
 *
 * Text that came from outside — agent and shop names, accounts, file
 * names, a scheme's labels — is only ever written with
 * worksheet_write_string(): a string cell is never evaluated, so
 * “=HYPERLINK(…)”, “+1” or “@SUM(A1)” stay the texts they were. In a
 * formula, text only appears as a quoted string literal; in a page header,
 * “&” is doubled so that it cannot start a code; a chart's series names
 * point at cells rather than take text that starts with “=”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "export/kefu-workbook-private.h"

/* Excel's limit for the text of a cell. */
#define MAX_CELL_CHARS 32767

/* Characters a sheet name cannot hold. */
static gboolean
forbidden_in_sheet_name (gunichar c)
{
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' ||
         c == '\\' || g_unichar_iscntrl (c);
}

/* UTF-16 code units, as Excel counts the 31 characters of a name. */
static guint
utf16_length (gunichar c)
{
  return c > 0xFFFF ? 2 : 1;
}

static gboolean
name_taken (GPtrArray  *taken,
            const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; taken != NULL && i < taken->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (taken, i), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }
  return g_ascii_strcasecmp (name, "History") == 0;   /* reserved by Excel */
}

/* @name cut to @limit UTF-16 units. */
static char *
truncate_name (const char *name,
               guint       limit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint units = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (units + utf16_length (c) > limit)
        break;
      units += utf16_length (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _kefu_workbook_sheet_name:
 * @wanted: the name wished for, e.g. a translation of "Summary"
 * @taken: (element-type utf8) (nullable): the names already given
 *
 * Returns: (transfer full): @wanted as Excel accepts it: no []:*?/\, no
 *   apostrophe at either end, at most 31 characters, not empty, not
 *   "History", and unlike every name in @taken (ignoring case)
 */
char *
_kefu_workbook_sheet_name (const char *wanted,
                           GPtrArray  *taken)
{
  g_autofree char *valid = g_utf8_make_valid (wanted != NULL ? wanted : "", -1);
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char *start;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, forbidden_in_sheet_name (c) ? '_' : c);
    }

  /* No apostrophe, nor space, at either end. */
  start = clean->str;
  while (*start == '\'' || *start == ' ')
    start++;
  while (clean->len > (gsize) (start - clean->str) &&
         (clean->str[clean->len - 1] == '\'' || clean->str[clean->len - 1] == ' '))
    g_string_truncate (clean, clean->len - 1);

  name = truncate_name (*start != '\0' ? start : "Sheet", LXW_SHEETNAME_MAX);
  for (guint n = 2; name_taken (taken, name); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      g_autofree char *base = truncate_name (*start != '\0' ? start : "Sheet",
                                             LXW_SHEETNAME_MAX - strlen (suffix));

      g_free (name);
      name = g_strconcat (base, suffix, NULL);
    }

  return g_steal_pointer (&name);
}

/**
 * _kefu_workbook_quote_sheet:
 *
 * Returns: (transfer full): "'name'!", the name as formulas refer to it
 */
char *
_kefu_workbook_quote_sheet (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append (quoted, "'!");
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * _kefu_workbook_quote_string:
 *
 * Returns: (transfer full): @text as a string literal inside a formula
 */
char *
_kefu_workbook_quote_string (const char *text)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * _kefu_workbook_safe_text:
 *
 * Returns: (transfer full): @text as a cell can hold it: valid UTF-8,
 *   without the control characters XML forbids, at most 32767 characters
 */
char *
_kefu_workbook_safe_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr(GString) out = g_string_sized_new (strlen (valid));
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < MAX_CELL_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _kefu_workbook_mask_buyer:
 *
 * Returns: (transfer full): a buyer's identifier as workbooks that leave
 *   the shop show it: its first character, then an asterisk for each of
 *   the others and at least two ("x**", "t******"), as the platforms mask
 *   buyers
 */
char *
_kefu_workbook_mask_buyer (const char *buyer)
{
  g_autofree char *valid = g_utf8_make_valid (buyer != NULL ? buyer : "", -1);
  GString *masked;
  glong n;

  g_strstrip (valid);
  if (*valid == '\0')
    return g_strdup ("");
  n = g_utf8_strlen (valid, -1);
  masked = g_string_new_len (valid, g_utf8_next_char (valid) - valid);
  for (glong i = 1; i < MAX (n, 3); i++)
    g_string_append_c (masked, '*');
  return g_string_free (masked, FALSE);
}

static gboolean
is_separator (const char *p)
{
  return !g_unichar_isalnum (g_utf8_get_char (p));
}

/**
 * _kefu_workbook_buyer_candidates:
 *
 * The parts of @text that could be a buyer's identifier written in it, as
 * in a chat log exported per buyer, 聊天记录_tb_8831.csv: every run that
 * starts and ends next to a separator (a character neither a letter nor
 * a digit) or at an end of the text, of two characters or more.
 *
 * Returns: (transfer full): the candidates, each once
 */
GStrv
_kefu_workbook_buyer_candidates (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strv_builder_end (builder);

  /* The places a candidate may start or end. */
  length = strlen (text);
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gsize at = p - text;
      gboolean after_separator = p == text || is_separator (g_utf8_prev_char (p));
      gboolean before_separator = *p == '\0' || is_separator (p);

      if (*p != '\0' && (after_separator || before_separator))
        g_array_append_val (starts, at);
      if (p != text && (after_separator || before_separator))
        g_array_append_val (ends, at);
      if (at >= length)
        break;
    }

  for (guint i = 0; i < starts->len; i++)
    for (guint j = 0; j < ends->len; j++)
      {
        gsize from = g_array_index (starts, gsize, i);
        gsize to = g_array_index (ends, gsize, j);
        g_autofree char *part = NULL;

        if (to <= from)
          continue;
        part = g_strndup (text + from, to - from);
        if (g_utf8_strlen (part, -1) >= 2 && g_hash_table_add (seen, g_strdup (part)))
          g_strv_builder_add (builder, part);
      }
  return g_strv_builder_end (builder);
}

static int
longer_first (gconstpointer a,
              gconstpointer b)
{
  gsize x = strlen (*(const char * const *) a);
  gsize y = strlen (*(const char * const *) b);

  return x > y ? -1 : x < y;
}

/**
 * _kefu_workbook_mask_buyers_in:
 * @buyers: the buyers' identifiers written in @text
 *
 * Returns: (transfer full): @text with each of @buyers masked as
 *   _kefu_workbook_mask_buyer() masks it, the longest first
 */
char *
_kefu_workbook_mask_buyers_in (const char         *text,
                               const char * const *buyers)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *masked = g_string_new (text);

  for (guint i = 0; buyers != NULL && buyers[i] != NULL; i++)
    if (*buyers[i] != '\0')
      g_ptr_array_add (sorted, (gpointer) buyers[i]);
  g_ptr_array_sort (sorted, longer_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *mask = _kefu_workbook_mask_buyer (g_ptr_array_index (sorted, i));

      g_string_replace (masked, g_ptr_array_index (sorted, i), mask, 0);
    }
  return g_string_free (masked, FALSE);
}

/**
 * _kefu_workbook_escape_header:
 *
 * Returns: (transfer full): @text for a page header or footer, where "&"
 *   starts a code (&P is the page number): every "&" doubled
 */
char *
_kefu_workbook_escape_header (const char *text)
{
  g_autofree char *safe = _kefu_workbook_safe_text (text);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      if (*p != '\n' && *p != '\r')
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _kefu_workbook_text_width:
 *
 * Returns: the column width @text needs, in Excel's units (the width of a
 *   digit): Chinese characters count double
 */
double
_kefu_workbook_text_width (const char *text)
{
  double width = 0, line = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
          continue;
        }
      line += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.1 : 1.1;
    }
  return MAX (width, line) + 2;
}

/**
 * _kefu_workbook_cell:
 *
 * Returns: (transfer full): "B7", or "$B$7" when @absolute
 */
char *
_kefu_workbook_cell (guint    row,
                     guint    col,
                     gboolean absolute)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (name, row, col, absolute, absolute);
  return g_strdup (name);
}

/**
 * _kefu_workbook_range:
 *
 * Returns: (transfer full): "$B$7:$B$9"
 */
char *
_kefu_workbook_range (guint first_row,
                      guint first_col,
                      guint last_row,
                      guint last_col)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];

  lxw_rowcol_to_range_abs (range, first_row, first_col, last_row, last_col);
  return g_strdup (range);
}

/**
 * _kefu_workbook_write_text:
 *
 * Writes text that may have come from outside (an imported file, a scheme
 * file): always as a string, never read as a formula or a number.
 */
void
_kefu_workbook_write_text (KefuWorkbookContext *ctx,
                           lxw_worksheet       *sheet,
                           guint                row,
                           guint                col,
                           const char          *text,
                           lxw_format          *format)
{
  g_autofree char *safe = _kefu_workbook_safe_text (text);

  if (*safe == '\0')
    worksheet_write_blank (sheet, row, col, format);
  else
    worksheet_write_string (sheet, row, col, safe, format);
}

/**
 * _kefu_workbook_write_value:
 * @value: NAN when missing: written as "—"
 * @estimated: shown with "≈" (METRICS.md §2)
 */
void
_kefu_workbook_write_value (KefuWorkbookContext *ctx,
                            lxw_worksheet       *sheet,
                            guint                row,
                            guint                col,
                            KefuUnit             unit,
                            double               value,
                            gboolean             estimated)
{
  if (!isfinite (value))
    worksheet_write_string (sheet, row, col, "—", ctx->formats.missing);
  else
    worksheet_write_number (sheet, row, col, value,
                            estimated ? ctx->formats.estimated[unit] : ctx->formats.value[unit]);
}

/**
 * _kefu_workbook_write_formula:
 * @text: (nullable): the formula's result when it is a text or an error
 *   ("—", "#N/A"); else @number is
 *
 * Writes a formula with its result, so that the file shows the right
 * values before any recalculation (viewers, previews, readers).
 */
void
_kefu_workbook_write_formula (lxw_worksheet *sheet,
                              guint          row,
                              guint          col,
                              const char    *formula,
                              lxw_format    *format,
                              double         number,
                              const char    *text)
{
  if (text != NULL)
    worksheet_write_formula_str (sheet, row, col, formula, format, text);
  else
    worksheet_write_formula_num (sheet, row, col, formula, format, number);
}
