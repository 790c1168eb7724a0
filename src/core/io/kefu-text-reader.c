/* kefu-text-reader.c — CSV, TSV and semicolon-separated tables, streamed
 *
 * The file is read 64 KiB at a time: each chunk is decoded to UTF-8 and
 * fed to libcsv, whose callbacks queue the rows it completes. More of the
 * file is read only when that queue runs dry, so memory stays flat
 * whatever the file's size.
 *
 * What the importer gets:
 *
 *  - Every cell is TEXT (UTF-8) or EMPTY; nothing is converted. Unquoted
 *    cells lose surrounding spaces (libcsv), quoted ones keep them;
 *    Excel's ="00123" becomes 00123. Trailing empty cells are dropped
 *    from n_cells.
 *  - KefuRow.number is the line a record starts on, counting blank lines
 *    and the line breaks inside quoted cells (CRLF, LF or CR), so it is
 *    the row a spreadsheet shows for the same file. Blank lines and
 *    records of empty cells only (",,,") are skipped, leaving gaps.
 *  - The encoding is detected from the first 64 KiB unless the caller
 *    gives one: see kefu_text_reader_get_encoding(). Bytes invalid in it
 *    later on are an ENCODING error naming the row, after the rows before
 *    it were handed out. NUL bytes past the first 64 KiB are dropped;
 *    earlier, they make the file binary (a FORMAT error).
 *  - A cell over 1 MiB, a row over 16 MiB or more than 16,384 columns is
 *    a FORMAT error (usually a quote never closed), so memory stays
 *    bounded on damaged files too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "io/kefu-text-reader.h"

#define CHUNK_SIZE      (64 * 1024)
#define PARSER_BLOCK    4096
#define MAX_CELL_SIZE   (1024 * 1024)
#define MAX_ROW_SIZE    (16 * 1024 * 1024)
#define MAX_COLUMNS     16384           /* Excel's own limit */
#define SNIFF_RECORDS   20
#define PARSER_OPTIONS  (CSV_APPEND_NULL | CSV_REPALL_NL)

typedef struct
{
  gsize offset;      /* into queue_text; meaningless when length is 0 */
  gsize length;      /* 0 for an empty cell */
} Field;

typedef struct
{
  guint64 number;
  guint   first_field;
  guint   n_fields;
} QueuedRow;

struct _KefuTextReader
{
  KefuTableReader    parent_instance;

  char              *sheet_name;
  char              *encoding;
  char               delimiter;
  gsize              bom_length;
  GIConv             iconv;         /* (GIConv) -1 when the file is UTF-8 */

  GFileInputStream  *stream;
  goffset            file_size;
  goffset            bytes_done;    /* decoded and parsed */
  guint8            *raw;           /* CHUNK_SIZE bytes, not yet decoded */
  gsize              raw_length;
  gboolean           input_done;
  GString           *decoded;

  struct csv_parser  parser;
  gboolean           parser_ready;
  gboolean           finished;
  GError            *error;         /* sticky: later reads report it again */

  guint64            line;          /* the line the next record starts on */
  guint64            record_line;   /* the line the current record started on */
  gsize              record_size;   /* bytes in its cells so far */
  gboolean           after_cr;

  /* Rows libcsv completed and next_row has not handed out yet, then the
   * fields of the record it is still in the middle of. */
  GString           *queue_text;
  GArray            *queue_fields;  /* Field */
  GArray            *queue_rows;    /* QueuedRow */
  guint              queue_next;
  guint              record_first_field;

  GArray            *cells;         /* KefuCell, the row handed out */
  KefuRow            row;
};

G_DEFINE_FINAL_TYPE (KefuTextReader, kefu_text_reader, KEFU_TYPE_TABLE_READER)

static const guint8 bom_utf8[] = { 0xEF, 0xBB, 0xBF };
static const guint8 bom_utf16le[] = { 0xFF, 0xFE };
static const guint8 bom_utf16be[] = { 0xFE, 0xFF };

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const guint8 *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static const char *
display_name (KefuTextReader *self)
{
  return kefu_table_reader_get_display_name (KEFU_TABLE_READER (self));
}

/* Encodings in which a NUL byte is not a NUL character. */
static gboolean
is_wide_encoding (const char *encoding)
{
  return g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0 ||
         g_ascii_strncasecmp (encoding, "UTF-32", 6) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS-2", 5) == 0 ||
         g_ascii_strncasecmp (encoding, "UCS-4", 5) == 0;
}

/* The name Kefu reports for an encoding the user chose, and the length of
 * the byte order mark to skip. GBK and GB2312 are read as GB18030, which
 * contains them both. */
static char *
canonical_encoding (const char   *name,
                    const guint8 *head,
                    gsize         length,
                    gsize        *bom_length)
{
  static const char * const gb_names[] = {
    "GB18030", "GBK", "GB2312", "CP936", "MS936", "WINDOWS936", "936", "EUCCN", "XGBK", NULL
  };
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_toupper (*p));

  *bom_length = 0;

  if (strcmp (key->str, "UTF8") == 0 || strcmp (key->str, "UTF8BOM") == 0)
    {
      if (has_prefix (head, length, bom_utf8, sizeof bom_utf8))
        *bom_length = sizeof bom_utf8;
      return g_strdup ("UTF-8");
    }
  if (strcmp (key->str, "UTF16LE") == 0 || strcmp (key->str, "UCS2LE") == 0)
    {
      if (has_prefix (head, length, bom_utf16le, sizeof bom_utf16le))
        *bom_length = sizeof bom_utf16le;
      return g_strdup ("UTF-16LE");
    }
  if (strcmp (key->str, "UTF16BE") == 0 || strcmp (key->str, "UCS2BE") == 0)
    {
      if (has_prefix (head, length, bom_utf16be, sizeof bom_utf16be))
        *bom_length = sizeof bom_utf16be;
      return g_strdup ("UTF-16BE");
    }
  if (strcmp (key->str, "UTF16") == 0 || strcmp (key->str, "UCS2") == 0 ||
      strcmp (key->str, "UNICODE") == 0)
    {
      /* Without a byte order mark, Windows' little-endian is the safe bet. */
      if (has_prefix (head, length, bom_utf16be, sizeof bom_utf16be))
        {
          *bom_length = sizeof bom_utf16be;
          return g_strdup ("UTF-16BE");
        }
      if (has_prefix (head, length, bom_utf16le, sizeof bom_utf16le))
        *bom_length = sizeof bom_utf16le;
      return g_strdup ("UTF-16LE");
    }
  if (g_strv_contains (gb_names, key->str))
    return g_strdup ("GB18030");

  return g_strdup (name);
}

/* Appends the UTF-8 of @input up to its first invalid byte to @out, NUL
 * bytes left out. An incomplete character at the end is left for the next
 * chunk unless @at_end. Returns %FALSE at invalid bytes, which start at
 * @input + *consumed. */
static gboolean
decode_utf8 (const guint8 *input,
             gsize         length,
             gboolean      at_end,
             GString      *out,
             gsize        *consumed)
{
  const char *p = (const char *) input;
  const char *end = p + length;
  gboolean valid = TRUE;

  while (p < end)
    {
      const char *stop;

      if (g_utf8_validate_len (p, end - p, &stop))
        {
          g_string_append_len (out, p, end - p);
          p = end;
          break;
        }

      g_string_append_len (out, p, stop - p);
      p = stop;
      if (*p == '\0')
        {
          p++;
          continue;
        }
      if (!at_end && end - p < 4 &&
          g_utf8_get_char_validated (p, end - p) == (gunichar) -2)
        break;

      valid = FALSE;
      break;
    }

  *consumed = p - (const char *) input;
  return valid;
}

/* As decode_utf8(), through iconv; NUL characters are kept. */
static gboolean
decode_iconv (GIConv        cd,
              const guint8 *input,
              gsize         length,
              gboolean      at_end,
              GString      *out,
              gsize        *consumed)
{
  char *in = (char *) input;
  gsize in_left = length;
  gboolean valid = TRUE;

  while (in_left > 0)
    {
      gsize start = out->len;
      gsize room = in_left * 2 + 16;   /* UTF-8 needs at most 3 bytes per 2 */
      gsize out_left = room;
      char *outp;
      gsize result;
      int saved_errno;

      g_string_set_size (out, start + room);
      outp = out->str + start;
      result = g_iconv (cd, &in, &in_left, &outp, &out_left);
      saved_errno = errno;
      g_string_truncate (out, outp - out->str);

      if (result != (gsize) -1)
        break;
      if (saved_errno == E2BIG)
        continue;
      if (saved_errno == EINVAL && !at_end)
        break;

      valid = FALSE;
      break;
    }

  *consumed = length - in_left;
  return valid;
}

static void
strip_nuls (GString *text)
{
  char *write = memchr (text->str, '\0', text->len);
  const char *end = text->str + text->len;

  if (write == NULL)
    return;

  for (const char *read = write; read < end; read++)
    if (*read != '\0')
      *write++ = *read;
  g_string_truncate (text, write - text->str);
}

/* Whether the head of a file reads as UTF-8. A bad byte after plenty of
 * real UTF-8 is damage rather than another encoding: reading it as UTF-8
 * names the row to fix instead of garbling the whole file. */
static gboolean
looks_like_utf8 (const guint8 *head,
                 gsize         length,
                 gboolean      truncated)
{
  const char *text = (const char *) head;
  const char *stop;
  guint n_multibyte = 0;

  if (g_utf8_validate_len (text, length, &stop))
    return TRUE;
  if (truncated && text + length - stop < 4 &&
      g_utf8_get_char_validated (stop, text + length - stop) == (gunichar) -2)
    return TRUE;

  for (const char *p = text; p < stop; p++)
    if ((guchar) *p >= 0xC0)
      n_multibyte++;
  return n_multibyte >= 16;
}

static gboolean
converts_cleanly (const guint8 *head,
                  gsize         length,
                  gboolean      truncated,
                  const char   *encoding)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  GIConv cd = g_iconv_open ("UTF-8", encoding);
  gsize consumed;
  gboolean valid;

  if (cd == (GIConv) -1)
    return FALSE;
  valid = decode_iconv (cd, head, length, !truncated, scratch, &consumed);
  g_iconv_close (cd);
  return valid;
}

/* The 1-based line of @at in @head, for messages. */
static guint
line_of (const guint8 *head,
         const guint8 *at)
{
  guint line = 1;

  for (const guint8 *p = head; p < at; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 == at || p[1] != '\n')))
      line++;
  return line;
}

static gboolean
detect_encoding (KefuTextReader  *self,
                 const char      *forced,
                 GError         **error)
{
  const guint8 *head = self->raw;
  gsize length = self->raw_length;
  gboolean truncated = !self->input_done;
  const guint8 *nul;

  if (forced != NULL && *forced != '\0')
    self->encoding = canonical_encoding (forced, head, length, &self->bom_length);
  else if (has_prefix (head, length, bom_utf8, sizeof bom_utf8))
    {
      self->encoding = g_strdup ("UTF-8");
      self->bom_length = sizeof bom_utf8;
    }
  else if (has_prefix (head, length, bom_utf16le, sizeof bom_utf16le))
    {
      self->encoding = g_strdup ("UTF-16LE");
      self->bom_length = sizeof bom_utf16le;
    }
  else if (has_prefix (head, length, bom_utf16be, sizeof bom_utf16be))
    {
      self->encoding = g_strdup ("UTF-16BE");
      self->bom_length = sizeof bom_utf16be;
    }

  /* Text tables have no NUL bytes (outside UTF-16): this is binary. */
  if ((self->encoding == NULL || !is_wide_encoding (self->encoding)) &&
      (nul = memchr (head, '\0', length)) != NULL)
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
                   _("“%s” is not a text table (CSV or TSV) and not an Excel workbook "
                     "either; it looks like binary data (a NUL byte on line %u)."),
                   display_name (self), line_of (head, nul));
      return FALSE;
    }

  if (self->encoding == NULL)
    {
      if (looks_like_utf8 (head, length, truncated))
        self->encoding = g_strdup ("UTF-8");
      else if (converts_cleanly (head, length, truncated, "GB18030"))
        self->encoding = g_strdup ("GB18030");
      else
        {
          const char *stop;

          /* Where UTF-8 breaks is where to look, in a file meant as UTF-8. */
          g_utf8_validate_len ((const char *) head, length, &stop);
          g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING,
                       _("“%s” is not in a text encoding Kefu recognises (UTF-8, UTF-16 "
                         "or GB18030/GBK): line %u is not valid UTF-8. Choose the encoding "
                         "in the import dialog."),
                       display_name (self), line_of (head, (const guint8 *) stop));
          return FALSE;
        }
    }

  if (strcmp (self->encoding, "UTF-8") != 0)
    {
      self->iconv = g_iconv_open ("UTF-8", self->encoding);
      if (self->iconv == (GIConv) -1)
        {
          g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING,
                       _("Kefu cannot read text in the encoding “%s”; choose another "
                         "encoding in the import dialog."),
                       self->encoding);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  guint n_fields;
  guint n_records;
  guint counts[SNIFF_RECORDS];
} SniffState;

static void
sniff_field (void   *text,
             size_t  length,
             void   *data)
{
  SniffState *state = data;

  state->n_fields++;
}

static void
sniff_record (int   c,
              void *data)
{
  SniffState *state = data;

  if (state->n_fields > 0 && state->n_records < SNIFF_RECORDS)
    state->counts[state->n_records++] = state->n_fields;
  state->n_fields = 0;
}

/* Parses the first records with each candidate and keeps the delimiter
 * that splits most of them into the same number of fields (more than one);
 * on a tie, the one giving more fields. Parsing with libcsv itself means
 * quoted delimiters and line breaks are ignored exactly as when reading. */
static char
detect_delimiter (const char *text,
                  gsize       length,
                  gboolean    complete)
{
  static const char candidates[] = { ',', '\t', ';' };
  char best = ',';
  guint best_agreement = 0;
  guint best_count = 1;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      struct csv_parser parser;
      SniffState state = { 0 };
      guint count = 0;
      guint agreement = 0;

      if (csv_init (&parser, PARSER_OPTIONS) != 0)
        continue;
      csv_set_delim (&parser, candidates[i]);
      csv_set_blk_size (&parser, PARSER_BLOCK);
      csv_parse (&parser, text, length, sniff_field, sniff_record, &state);
      if (complete)
        csv_fini (&parser, sniff_field, sniff_record, &state);
      csv_free (&parser);

      for (guint r = 0; r < state.n_records; r++)
        {
          guint same = 0;

          for (guint s = 0; s < state.n_records; s++)
            same += state.counts[s] == state.counts[r];
          if (same > agreement || (same == agreement && state.counts[r] > count))
            {
              agreement = same;
              count = state.counts[r];
            }
        }

      if (count > 1 &&
          (agreement > best_agreement ||
           (agreement == best_agreement && count > best_count)))
        {
          best = candidates[i];
          best_agreement = agreement;
          best_count = count;
        }
    }

  return best;
}

static gboolean
fill_raw (KefuTextReader  *self,
          GError         **error)
{
  while (!self->input_done && self->raw_length < CHUNK_SIZE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (self->stream),
                                      self->raw + self->raw_length,
                                      CHUNK_SIZE - self->raw_length,
                                      NULL, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        self->input_done = TRUE;
      self->raw_length += n;
    }
  return TRUE;
}

static void
set_read_error (KefuTextReader  *self,
                GError          *cause,
                GError         **error)
{
  g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
               _("“%s” could not be read: %s"), display_name (self), cause->message);
}

/* The row an error belongs to: the record being parsed. */
static guint64
current_row (KefuTextReader *self)
{
  if (self->queue_fields->len > self->record_first_field)
    return self->record_line;
  return self->line;
}

static void
set_too_large (KefuTextReader *self)
{
  if (self->error != NULL)
    return;
  g_set_error (&self->error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
               _("Row %llu of “%s” is too large for a table (a cell over 1 MiB, a row "
                 "over 16 MiB or more than 16,384 columns); the file may be damaged, for "
                 "example by a quote that is never closed."),
               (unsigned long long) current_row (self), display_name (self));
}

static guint64
count_line_breaks (const char *text,
                   gsize       length)
{
  guint64 n = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')))
      n++;
  return n;
}

/* Excel writes ="00123" to keep leading zeros: the cell means 00123. A real
 * formula such as ="a"&"b" is left as it is. */
static void
unwrap_text_formula (char  *text,
                     gsize *length)
{
  gsize n = *length;
  gsize w = 0;

  if (n < 3 || text[0] != '=' || text[1] != '"' || text[n - 1] != '"')
    return;

  for (gsize r = 2; r < n - 1; r++)
    if (text[r] == '"')
      {
        if (r + 1 < n - 1 && text[r + 1] == '"')
          r++;
        else
          return;
      }

  for (gsize r = 2; r < n - 1; r++)
    {
      text[w++] = text[r];
      if (text[r] == '"')
        r++;
    }
  text[w] = '\0';
  *length = w;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  KefuTextReader *self = user_data;
  char *text = data;
  Field field;

  if (self->queue_fields->len == self->record_first_field)
    {
      self->record_line = self->line;
      self->record_size = 0;
    }
  self->after_cr = FALSE;
  self->record_size += length;
  self->line += count_line_breaks (text, length);

  if (self->error != NULL)
    return;
  if (length > MAX_CELL_SIZE || self->record_size > MAX_ROW_SIZE ||
      self->queue_fields->len - self->record_first_field >= MAX_COLUMNS)
    {
      set_too_large (self);
      return;
    }

  unwrap_text_formula (text, &length);
  while (length > 0 && text[length - 1] == '\r')
    length--;

  field.offset = self->queue_text->len;
  field.length = length;
  if (length > 0)
    {
      g_string_append_len (self->queue_text, text, length);
      g_string_append_c (self->queue_text, '\0');
    }
  g_array_append_val (self->queue_fields, field);
}

/* With CSV_REPALL_NL libcsv calls this for every line break outside quotes,
 * also those of blank lines, which is what lets us count lines. */
static void
on_record (int   c,
           void *user_data)
{
  KefuTextReader *self = user_data;
  guint first = self->record_first_field;
  guint n = self->queue_fields->len - first;

  /* Trailing empty cells are left out, so a record of empty cells
   * (",,,", as spreadsheets save blank rows) is skipped like a blank line. */
  while (n > 0 && g_array_index (self->queue_fields, Field, first + n - 1).length == 0)
    n--;
  g_array_set_size (self->queue_fields, first + n);

  if (n > 0 && self->error == NULL)
    {
      QueuedRow row = { self->record_line, first, n };

      g_array_append_val (self->queue_rows, row);
      self->record_first_field = first + n;
    }

  if (c == '\r')
    {
      self->line++;
      self->after_cr = TRUE;
    }
  else if (c == '\n')
    {
      if (!self->after_cr)
        self->line++;
      self->after_cr = FALSE;
    }
  else
    self->after_cr = FALSE;
}

/* Forgets the rows handed out, keeping the fields of the record libcsv is
 * still in the middle of at the front. */
static void
queue_reset (KefuTextReader *self)
{
  guint first = self->record_first_field;
  guint n = self->queue_fields->len - first;
  gsize text_start = self->queue_text->len;

  for (guint i = 0; i < n; i++)
    {
      Field *field = &g_array_index (self->queue_fields, Field, first + i);

      if (field->length > 0)
        {
          text_start = field->offset;
          break;
        }
    }

  memmove (self->queue_text->str, self->queue_text->str + text_start,
           self->queue_text->len - text_start);
  g_string_truncate (self->queue_text, self->queue_text->len - text_start);

  for (guint i = 0; i < n; i++)
    {
      Field field = g_array_index (self->queue_fields, Field, first + i);

      field.offset = field.length > 0 ? field.offset - text_start : 0;
      g_array_index (self->queue_fields, Field, i) = field;
    }
  g_array_set_size (self->queue_fields, n);
  self->record_first_field = 0;

  g_array_set_size (self->queue_rows, 0);
  self->queue_next = 0;
}

/* Reads, decodes and parses the next chunk of the file; errors are kept
 * in self->error, to report once the rows before them are handed out. */
static void
parse_chunk (KefuTextReader *self)
{
  g_autoptr(GError) local_error = NULL;
  gsize consumed = 0;
  gboolean valid;

  if (!fill_raw (self, &local_error))
    {
      set_read_error (self, local_error, &self->error);
      return;
    }

  g_string_truncate (self->decoded, 0);
  if (self->iconv == (GIConv) -1)
    valid = decode_utf8 (self->raw, self->raw_length, self->input_done,
                         self->decoded, &consumed);
  else
    {
      valid = decode_iconv (self->iconv, self->raw, self->raw_length, self->input_done,
                            self->decoded, &consumed);
      strip_nuls (self->decoded);
    }

  self->bytes_done += consumed;
  memmove (self->raw, self->raw + consumed, self->raw_length - consumed);
  self->raw_length -= consumed;

  if (csv_parse (&self->parser, self->decoded->str, self->decoded->len,
                 on_field, on_record, self) != self->decoded->len &&
      self->error == NULL)
    {
      g_set_error (&self->error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
                   _("Row %llu of “%s” could not be read: %s"),
                   (unsigned long long) current_row (self), display_name (self),
                   csv_strerror (csv_error (&self->parser)));
    }
  /* libcsv holds the cell it is in the middle of: bound it too. */
  if (csv_get_buffer_size (&self->parser) > MAX_CELL_SIZE + 2 * PARSER_BLOCK)
    set_too_large (self);
  if (self->error != NULL)
    return;

  if (!valid)
    {
      g_set_error (&self->error, KEFU_READER_ERROR, KEFU_READER_ERROR_ENCODING,
                   _("Row %llu of “%s” is not valid %s text; choose the file’s encoding "
                     "in the import dialog."),
                   (unsigned long long) current_row (self), display_name (self),
                   self->encoding);
      return;
    }

  if (self->input_done && self->raw_length == 0)
    {
      csv_fini (&self->parser, on_field, on_record, self);
      self->finished = TRUE;
    }
}

/* Goes back to the start of the file, just past its byte order mark. */
static gboolean
restart (KefuTextReader  *self,
         GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  self->raw_length = 0;
  self->input_done = FALSE;
  if (!g_seekable_seek (G_SEEKABLE (self->stream), 0, G_SEEK_SET, NULL, &local_error) ||
      !fill_raw (self, &local_error))
    {
      set_read_error (self, local_error, error);
      return FALSE;
    }

  memmove (self->raw, self->raw + self->bom_length, self->raw_length - self->bom_length);
  self->raw_length -= self->bom_length;
  self->bytes_done = self->bom_length;

  if (self->iconv != (GIConv) -1)
    g_iconv (self->iconv, NULL, NULL, NULL, NULL);

  if (self->parser_ready)
    csv_free (&self->parser);
  csv_init (&self->parser, PARSER_OPTIONS);
  csv_set_delim (&self->parser, self->delimiter);
  csv_set_blk_size (&self->parser, PARSER_BLOCK);
  self->parser_ready = TRUE;

  self->finished = FALSE;
  g_clear_error (&self->error);
  self->line = 1;
  self->record_line = 1;
  self->after_cr = FALSE;

  g_string_truncate (self->queue_text, 0);
  g_array_set_size (self->queue_fields, 0);
  g_array_set_size (self->queue_rows, 0);
  self->queue_next = 0;
  self->record_first_field = 0;

  return TRUE;
}

static guint
kefu_text_reader_get_n_sheets (KefuTableReader *reader)
{
  return 1;
}

static const char *
kefu_text_reader_get_sheet_name (KefuTableReader *reader,
                                 guint            index)
{
  return KEFU_TEXT_READER (reader)->sheet_name;
}

static gboolean
kefu_text_reader_select_sheet (KefuTableReader  *reader,
                               guint             index,
                               GError          **error)
{
  return restart (KEFU_TEXT_READER (reader), error);
}

static const KefuRow *
kefu_text_reader_next_row (KefuTableReader  *reader,
                           GError          **error)
{
  KefuTextReader *self = KEFU_TEXT_READER (reader);
  const QueuedRow *queued;

  while (self->queue_next >= self->queue_rows->len)
    {
      if (self->error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->error));
          return NULL;
        }
      if (self->finished)
        return NULL;

      queue_reset (self);
      parse_chunk (self);
    }

  queued = &g_array_index (self->queue_rows, QueuedRow, self->queue_next++);
  g_array_set_size (self->cells, queued->n_fields);
  for (guint i = 0; i < queued->n_fields; i++)
    {
      const Field *field = &g_array_index (self->queue_fields, Field, queued->first_field + i);
      KefuCell *cell = &g_array_index (self->cells, KefuCell, i);

      cell->number = 0;
      if (field->length == 0)
        {
          cell->type = KEFU_CELL_EMPTY;
          cell->text = NULL;
        }
      else
        {
          cell->type = KEFU_CELL_TEXT;
          cell->text = self->queue_text->str + field->offset;
        }
    }

  self->row.number = queued->number;
  self->row.n_cells = queued->n_fields;
  self->row.cells = &g_array_index (self->cells, KefuCell, 0);
  return &self->row;
}

static double
kefu_text_reader_get_progress (KefuTableReader *reader)
{
  KefuTextReader *self = KEFU_TEXT_READER (reader);

  if (self->finished)
    return 1.0;
  if (self->file_size <= 0)
    return 0.0;
  return MIN (1.0, (double) self->bytes_done / (double) self->file_size);
}

static void
kefu_text_reader_finalize (GObject *object)
{
  KefuTextReader *self = KEFU_TEXT_READER (object);

  if (self->parser_ready)
    csv_free (&self->parser);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_clear_object (&self->stream);
  g_clear_error (&self->error);
  g_free (self->sheet_name);
  g_free (self->encoding);
  g_free (self->raw);
  g_string_free (self->decoded, TRUE);
  g_string_free (self->queue_text, TRUE);
  g_array_unref (self->queue_fields);
  g_array_unref (self->queue_rows);
  g_array_unref (self->cells);

  G_OBJECT_CLASS (kefu_text_reader_parent_class)->finalize (object);
}

static void
kefu_text_reader_class_init (KefuTextReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuTableReaderClass *reader_class = KEFU_TABLE_READER_CLASS (klass);

  object_class->finalize = kefu_text_reader_finalize;

  reader_class->get_n_sheets = kefu_text_reader_get_n_sheets;
  reader_class->get_sheet_name = kefu_text_reader_get_sheet_name;
  reader_class->select_sheet = kefu_text_reader_select_sheet;
  reader_class->next_row = kefu_text_reader_next_row;
  reader_class->get_progress = kefu_text_reader_get_progress;
}

static void
kefu_text_reader_init (KefuTextReader *self)
{
  self->iconv = (GIConv) -1;
  self->delimiter = ',';
  self->raw = g_malloc (CHUNK_SIZE);
  self->decoded = g_string_sized_new (CHUNK_SIZE * 2);
  self->queue_text = g_string_sized_new (CHUNK_SIZE * 2);
  self->queue_fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->queue_rows = g_array_new (FALSE, FALSE, sizeof (QueuedRow));
  self->cells = g_array_new (FALSE, FALSE, sizeof (KefuCell));
}

/* The file's name without its extension: "客服_销售数据.csv" → "客服_销售数据". */
static char *
sheet_name_for (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return g_strdup (name);
  return g_strndup (name, dot - name);
}

/**
 * kefu_text_reader_new:
 * @path: a CSV, TSV or semicolon-separated file
 * @encoding: (nullable): the file's encoding ("UTF-8", "UTF-16LE", "GBK",
 *   "GB18030"…), or %NULL to detect it
 *
 * Opens the file and detects its encoding and delimiter from its first
 * 64 KiB; rows are read from it as they are asked for.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
KefuTableReader *
kefu_text_reader_new (const char  *path,
                      const char  *encoding,
                      GError     **error)
{
  g_autoptr(KefuTextReader) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) head = NULL;
  gsize consumed;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEFU_TYPE_TEXT_READER, "path", path, NULL);
  self->sheet_name = sheet_name_for (display_name (self));

  file = g_file_new_for_path (path);
  self->stream = g_file_read (file, NULL, &local_error);
  if (self->stream == NULL)
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
                   _("“%s” could not be opened: %s"), display_name (self),
                   local_error->message);
      return NULL;
    }

  info = g_file_input_stream_query_info (self->stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         NULL, NULL);
  if (info != NULL)
    self->file_size = g_file_info_get_size (info);

  if (!fill_raw (self, &local_error))
    {
      set_read_error (self, local_error, error);
      return NULL;
    }
  if (!detect_encoding (self, encoding, error))
    return NULL;

  head = g_string_new (NULL);
  if (self->iconv == (GIConv) -1)
    decode_utf8 (self->raw + self->bom_length, self->raw_length - self->bom_length,
                 self->input_done, head, &consumed);
  else
    {
      decode_iconv (self->iconv, self->raw + self->bom_length,
                    self->raw_length - self->bom_length, self->input_done, head, &consumed);
      if (memchr (head->str, '\0', head->len) != NULL)
        {
          g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
                       _("“%s” is not a text table (CSV or TSV) and not an Excel workbook "
                         "either; it looks like binary data."),
                       display_name (self));
          return NULL;
        }
    }
  self->delimiter = detect_delimiter (head->str, head->len,
                                      self->input_done && consumed == self->raw_length - self->bom_length);

  if (!restart (self, error))
    return NULL;

  return KEFU_TABLE_READER (g_steal_pointer (&self));
}

/**
 * kefu_text_reader_get_encoding:
 *
 * Returns: the encoding the file is read in: "UTF-8" (with or without a
 *   byte order mark), "UTF-16LE", "UTF-16BE", "GB18030" (also for GBK and
 *   GB2312), or the name the caller gave for any other
 */
const char *
kefu_text_reader_get_encoding (KefuTextReader *self)
{
  g_return_val_if_fail (KEFU_IS_TEXT_READER (self), NULL);
  return self->encoding;
}

/**
 * kefu_text_reader_get_delimiter:
 *
 * Returns: the delimiter detected: ',', '\t' or ';'
 */
char
kefu_text_reader_get_delimiter (KefuTextReader *self)
{
  g_return_val_if_fail (KEFU_IS_TEXT_READER (self), ',');
  return self->delimiter;
}
