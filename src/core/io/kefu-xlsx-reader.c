/* kefu-xlsx-reader.c — rows from Office Open XML workbooks (.xlsx)
 *
 * An .xlsx file is a zip of XML parts. The small ones (relationships,
 * workbook, shared strings, styles) are read when the file is opened;
 * sheets can be huge and are streamed with libxml2's xmlTextReader, one
 * <row> at a time, so memory stays flat whatever the sheet's size.
 *
 * What the importer gets:
 *
 *  - Only rows with at least one non-empty cell. Rows absent from the
 *    file and rows that are present but blank (only formatting) are both
 *    skipped; KefuRow.number is the sheet's own row number, so a gap in
 *    the numbers is where blank rows were. Trailing empty cells are
 *    dropped from n_cells; gaps before the last value are EMPTY cells.
 *  - Merged cells are not filled in: the value stays in the top-left cell
 *    and the others are EMPTY. Group header rows are the importer's job.
 *  - A number whose cell format shows a date or a time is DATETIME, with
 *    number = days since 1899-12-30 and text = the serial as written.
 *    In 1904-system workbooks dates are shifted by 1462 days; cells whose
 *    format shows only a time (clock times, [h]:mm durations) are not, so
 *    a time is the same fraction of a day in both systems. Serials before
 *    1900-03-01 are not corrected for Excel's phantom 1900-02-29, so time
 *    values stay below 1. ISO 8601 cells (t="d") become DATETIME on the
 *    same scale; a time zone suffix is ignored (the wall time is kept).
 *  - Formulas give their cached result; a formula never calculated is
 *    EMPTY. Booleans are BOOLEAN with text "TRUE"/"FALSE".
 *  - Every sheet is listed in workbook order, hidden ones and chart
 *    sheets (which have no rows) included.
 *
 * The package is untrusted input: XML is parsed without network access,
 * DTD loading or entity substitution, and a part that would unpack past
 * a bound or compresses suspiciously well is refused before it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "io/kefu-xlsx-reader.h"

/* Excel stays far below these; they only keep a hostile file from
 * inflating without end. Sheets may be big, everything else is small. */
#define KEFU_XLSX_MAX_PART_SIZE (2 * 1024 * 1024 * 1024LL)
#define KEFU_XLSX_MAX_META_SIZE (256 * 1024 * 1024LL)
/* Real XML deflates to about a tenth; a thousandth means a zip bomb. */
#define KEFU_XLSX_MAX_RATIO 1000
#define KEFU_XLSX_RATIO_MIN_SIZE (1024 * 1024LL)
/* A workbook's zip directory is a few KiB; don't read a hostile one. */
#define KEFU_XLSX_MAX_DIRECTORY_SIZE (64 * 1024 * 1024LL)
#define KEFU_XLSX_MAX_COLUMNS 16384   /* XFD, Excel's last column */

/* XML_PARSE_NOENT and XML_PARSE_DTDLOAD are deliberately absent: entity
 * references stay unexpanded and external ones are never fetched. */
#define KEFU_XLSX_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                                 XML_PARSE_NOWARNING | XML_PARSE_COMPACT)

/* Serial numbers between the 1904 and the 1900 date systems. */
#define KEFU_XLSX_1904_OFFSET 1462

typedef enum
{
  FORMAT_NUMBER,
  FORMAT_DATE,      /* a date, maybe with a time: shifted in 1904 books */
  FORMAT_TIME,      /* a time of day or a duration: never shifted */
} FormatKind;

typedef enum
{
  VALUE_NUMBER,     /* t="n" or no t */
  VALUE_SHARED,     /* t="s" */
  VALUE_STRING,     /* t="str" (formula result) and t="inlineStr" */
  VALUE_BOOLEAN,
  VALUE_ERROR,
  VALUE_ISO_DATE,   /* t="d" */
} ValueKind;

typedef struct
{
  char     *name;
  guint64   compressed;
  guint64   uncompressed;
  guint64   header_offset;   /* of the local header */
  gboolean  bad_time;        /* a date libgsf cannot take */
} ZipEntry;

typedef struct
{
  char *name;
  char *part;       /* NULL when the workbook's relationships lack it */
} Sheet;

/* A part being fed to libxml2; owned by its xmlTextReader. */
typedef struct
{
  GsfInput *input;
  gint64    size;
  gint64    limit;
  gint64    consumed;
  gboolean  too_large;
  gboolean  broken;      /* the zip data did not inflate */
  char     *xml_error;   /* libxml2's first complaint, for the debug log */
} PartStream;

struct _KefuXlsxReader
{
  KefuTableReader   parent_instance;

  GsfInput         *source;
  GsfInfile        *zip;
  GHashTable       *entries;          /* zip name → ZipEntry */
  GHashTable       *folded_entries;   /* lower-case name → ZipEntry */

  GArray           *sheets;           /* Sheet */
  gboolean          date1904;

  /* Shared strings, NUL-terminated one after the other. */
  GString          *sst_text;
  GArray           *sst_offsets;      /* guint32 into sst_text */

  GByteArray       *xf_formats;       /* cellXfs index → FormatKind */

  /* The sheet being streamed. */
  xmlTextReaderPtr  xml;
  PartStream       *stream;           /* belongs to xml */
  guint             sheet;
  GError           *sheet_error;      /* returned again once a sheet failed */
  gboolean          started;
  gboolean          finished;
  gboolean          in_sheet_data;
  gboolean          in_row;
  gboolean          in_cell;
  gboolean          in_value;
  gboolean          in_inline;
  gboolean          in_text;
  guint             phonetic_depth;
  guint64           row_number;
  guint             next_column;
  guint             cell_column;
  ValueKind         cell_kind;
  guint             cell_style;
  GString          *value;

  /* The row handed out, reused so memory stays flat. */
  KefuRow           row;
  GArray           *cells;            /* KefuCell */
  GArray           *text_offsets;     /* gsize: 1 + offset in row_text, 0 = none */
  GString          *row_text;
};

G_DEFINE_FINAL_TYPE (KefuXlsxReader, kefu_xlsx_reader, KEFU_TYPE_TABLE_READER)

static const char *
display_name (KefuXlsxReader *self)
{
  return kefu_table_reader_get_display_name (KEFU_TABLE_READER (self));
}

static void
set_format_error (KefuXlsxReader  *self,
                  GError         **error,
                  const char      *detail)
{
  g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
               _("“%s” is not a readable Excel workbook (.xlsx): %s"),
               display_name (self), detail);
}

static void
zip_entry_free (gpointer data)
{
  ZipEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static void
sheet_clear (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->part);
}

/* Zip directory */

static gboolean
read_at (GsfInput  *input,
         gsf_off_t  offset,
         gsize      length,
         guint8    *buffer)
{
  return !gsf_input_seek (input, offset, G_SEEK_SET)
         && gsf_input_read (input, length, buffer) != NULL;
}

/* libgsf turns a member's DOS time into a GDateTime with this very
 * arithmetic and unrefs it unchecked: a garbled time means a critical. */
static gboolean
dos_time_is_valid (guint32 dostime)
{
  GDateTime *time;

  if (dostime == 0)
    return TRUE;
  time = g_date_time_new_utc ((dostime >> 25) + 1980, (dostime >> 21) & 0x0f,
                              (dostime >> 16) & 0x1f, (dostime >> 11) & 0x0f,
                              (dostime >> 5) & 0x3f, (dostime & 0x1f) * 2);
  if (time == NULL)
    return FALSE;
  g_date_time_unref (time);
  return TRUE;
}

/* libgsf tells a part's uncompressed size but not its compressed one,
 * which the zip bomb check needs; so the central directory is read here
 * too. Returns FALSE when it cannot be found or makes no sense. */
static gboolean
read_zip_directory (KefuXlsxReader *self)
{
  GsfInput *source = self->source;
  gsf_off_t size = gsf_input_size (source);
  gsize tail_length;
  gsf_off_t tail_offset;
  g_autofree guint8 *tail = NULL;
  g_autofree guint8 *directory = NULL;
  const guint8 *end_record = NULL;
  guint64 directory_size, directory_offset, n_entries;
  gsize pos;

  if (size < 22)
    return FALSE;

  /* The end record is last, followed by a comment of up to 64 KiB. */
  tail_length = MIN ((guint64) size, 22 + 0xFFFF);
  tail_offset = size - tail_length;
  tail = g_malloc (tail_length);
  if (!read_at (source, tail_offset, tail_length, tail))
    return FALSE;

  for (gssize i = tail_length - 22; i >= 0; i--)
    if (GSF_LE_GET_GUINT32 (tail + i) == 0x06054b50)
      {
        end_record = tail + i;
        break;
      }
  if (end_record == NULL)
    return FALSE;

  n_entries = GSF_LE_GET_GUINT16 (end_record + 10);
  directory_size = GSF_LE_GET_GUINT32 (end_record + 12);
  directory_offset = GSF_LE_GET_GUINT32 (end_record + 16);

  if (n_entries == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
    {
      /* Zip64: a locator just before the end record points to the
       * 64-bit end record. */
      gsf_off_t end_offset = tail_offset + (end_record - tail);
      guint8 locator[20];
      guint8 record[56];
      guint64 record_offset;

      if (end_offset < 20
          || !read_at (source, end_offset - 20, sizeof locator, locator)
          || GSF_LE_GET_GUINT32 (locator) != 0x07064b50)
        return FALSE;
      record_offset = GSF_LE_GET_GUINT64 (locator + 8);
      if (record_offset > (guint64) size - sizeof record
          || !read_at (source, record_offset, sizeof record, record)
          || GSF_LE_GET_GUINT32 (record) != 0x06064b50)
        return FALSE;
      directory_size = GSF_LE_GET_GUINT64 (record + 40);
      directory_offset = GSF_LE_GET_GUINT64 (record + 48);
    }

  if (directory_size > KEFU_XLSX_MAX_DIRECTORY_SIZE
      || directory_offset > (guint64) size
      || directory_size > (guint64) size - directory_offset)
    return FALSE;

  directory = g_malloc (directory_size + 1);
  if (directory_size > 0 && !read_at (source, directory_offset, directory_size, directory))
    return FALSE;

  for (pos = 0; pos + 46 <= directory_size;)
    {
      const guint8 *header = directory + pos;
      guint64 compressed, uncompressed, header_offset;
      guint32 dostime;
      gsize name_length, extra_length, comment_length;
      const guint8 *extra;
      gsize extra_pos = 0;
      ZipEntry *entry;

      if (GSF_LE_GET_GUINT32 (header) != 0x02014b50)
        return FALSE;

      dostime = GSF_LE_GET_GUINT32 (header + 12);
      compressed = GSF_LE_GET_GUINT32 (header + 20);
      uncompressed = GSF_LE_GET_GUINT32 (header + 24);
      header_offset = GSF_LE_GET_GUINT32 (header + 42);
      name_length = GSF_LE_GET_GUINT16 (header + 28);
      extra_length = GSF_LE_GET_GUINT16 (header + 30);
      comment_length = GSF_LE_GET_GUINT16 (header + 32);
      if (46 + name_length + extra_length + comment_length > directory_size - pos)
        return FALSE;

      /* The zip64 extra field holds, in order, whichever of the sizes
       * and the offset did not fit in 32 bits. */
      extra = header + 46 + name_length;
      while (extra_pos + 4 <= extra_length)
        {
          guint id = GSF_LE_GET_GUINT16 (extra + extra_pos);
          gsize length = GSF_LE_GET_GUINT16 (extra + extra_pos + 2);
          const guint8 *field = extra + extra_pos + 4;

          if (extra_pos + 4 + length > extra_length)
            break;
          if (id == 0x0001)
            {
              if (uncompressed == 0xFFFFFFFF && length >= 8)
                {
                  uncompressed = GSF_LE_GET_GUINT64 (field);
                  field += 8;
                  length -= 8;
                }
              if (compressed == 0xFFFFFFFF && length >= 8)
                {
                  compressed = GSF_LE_GET_GUINT64 (field);
                  field += 8;
                  length -= 8;
                }
              if (header_offset == 0xFFFFFFFF && length >= 8)
                header_offset = GSF_LE_GET_GUINT64 (field);
              break;
            }
          extra_pos += 4 + length;
        }

      entry = g_new0 (ZipEntry, 1);
      entry->name = g_strndup ((const char *) header + 46, name_length);
      entry->compressed = compressed;
      entry->uncompressed = uncompressed;
      entry->header_offset = header_offset;
      entry->bad_time = !dos_time_is_valid (dostime);
      /* Of duplicate names, the first is the one libgsf opens. */
      if (g_hash_table_contains (self->entries, entry->name))
        zip_entry_free (entry);
      else
        {
          g_hash_table_insert (self->entries, entry->name, entry);
          if (!g_hash_table_contains (self->folded_entries, entry->name))
            g_hash_table_insert (self->folded_entries, g_ascii_strdown (entry->name, -1), entry);
        }

      pos += 46 + name_length + extra_length + comment_length;
    }

  return TRUE;
}

/* Part names are case-insensitive in OPC, zip names are not. */
static const ZipEntry *
find_entry (KefuXlsxReader *self,
            const char     *name)
{
  const ZipEntry *entry = g_hash_table_lookup (self->entries, name);

  if (entry == NULL)
    {
      g_autofree char *folded = g_ascii_strdown (name, -1);
      entry = g_hash_table_lookup (self->folded_entries, folded);
    }
  return entry;
}

/* XML parts */

static int
part_stream_read (void *context,
                  char *buffer,
                  int   length)
{
  PartStream *stream = context;
  gsf_off_t remaining = gsf_input_remaining (stream->input);
  gsize n;

  if (remaining <= 0 || length <= 0)
    return 0;

  n = MIN ((gsf_off_t) length, remaining);
  /* When deflated data ends early, libgsf returns the buffer part-filled;
   * zeroes make that a parse error instead of stale bytes. */
  memset (buffer, 0, n);
  if (gsf_input_read (stream->input, n, (guint8 *) buffer) == NULL)
    {
      stream->broken = TRUE;
      return -1;
    }

  /* The directory's size is what libgsf stops at; counting anyway keeps
   * the bound whatever the directory says. */
  stream->consumed += n;
  if (stream->consumed > stream->limit)
    {
      stream->too_large = TRUE;
      return -1;
    }
  return n;
}

static int
part_stream_close (void *context)
{
  PartStream *stream = context;

  g_clear_object (&stream->input);
  g_free (stream->xml_error);
  g_free (stream);
  return 0;
}

static void
#if LIBXML_VERSION >= 21200
part_stream_error (void *context, const xmlError *xml_error)
#else
part_stream_error (void *context, xmlErrorPtr xml_error)
#endif
{
  PartStream *stream = context;

  if (stream->xml_error == NULL && xml_error != NULL && xml_error->message != NULL)
    {
      g_autofree char *message = g_strdup (xml_error->message);

      stream->xml_error = g_strdup_printf ("line %d: %s", xml_error->line, g_strstrip (message));
    }
}

/* gsf_infile_child_by_name() and friends g_warning() about damaged
 * entries; a damaged file is expected input here, so the class method
 * is called for its GError instead. */
static GsfInput *
open_zip_member (GsfInfile   *zip,
                 const char  *name,
                 GError     **error)
{
  g_auto(GStrv) segments = g_strsplit (name, "/", -1);
  GsfInput *current = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; segments[i] != NULL; i++)
    {
      GsfInfile *dir = GSF_IS_INFILE (current) ? GSF_INFILE (current) : NULL;
      GsfInput *child = NULL;

      if (dir != NULL)
        child = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir))->child_by_name (dir, segments[i], error);
      g_object_unref (current);
      if (child == NULL)
        return NULL;
      current = child;
    }
  return current;
}

/* The zip bomb guard, on the sizes the zip directory declares. */
static gboolean
check_part_size (KefuXlsxReader  *self,
                 const char      *name,
                 guint64          size,
                 guint64          compressed,
                 gint64           limit,
                 GError         **error)
{
  if (size > (guint64) limit)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (limit);

      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: its part “%s” would unpack to %s, "
                     "more than the %s allowed."),
                   display_name (self), name, size_text, limit_text);
      return FALSE;
    }
  if (size > KEFU_XLSX_RATIO_MIN_SIZE
      && (compressed == 0 || size / compressed > KEFU_XLSX_MAX_RATIO))
    {
      g_autofree char *compressed_text = g_format_size (compressed);
      g_autofree char *size_text = g_format_size (size);

      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_TOO_LARGE,
                   _("“%s” was refused: its part “%s” would unpack from %s to %s, "
                     "which only damaged or malicious files do."),
                   display_name (self), name, compressed_text, size_text);
      return FALSE;
    }
  return TRUE;
}

/* Opens part @name, refusing it when it would inflate past @limit.
 * Returns %NULL without setting @error when the part is absent and not
 * @required. */
static PartStream *
open_part (KefuXlsxReader  *self,
           const char      *name,
           gint64           limit,
           gboolean         required,
           GError         **error)
{
  const ZipEntry *entry = find_entry (self, name);
  g_autoptr(GError) local_error = NULL;
  GsfInput *input = NULL;
  guint8 signature[4];
  PartStream *stream;

  if (entry == NULL)
    {
      if (required)
        {
          g_autofree char *detail = g_strdup_printf (_("the part “%s” is missing."), name);
          set_format_error (self, error, detail);
        }
      return NULL;
    }

  if (!check_part_size (self, name, entry->uncompressed, entry->compressed, limit, error))
    return NULL;

  /* What libgsf would choke on noisily (a critical for the time, a
   * printout for the header) is found damaged here first. */
  if (entry->bad_time)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "garbled modification time");
  else if (!read_at (self->source, entry->header_offset, sizeof signature, signature)
           || GSF_LE_GET_GUINT32 (signature) != 0x04034b50)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "no local header where the directory says");
  else
    input = open_zip_member (self->zip, entry->name, &local_error);

  if (input == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("the part “%s” is damaged."), name);

      g_debug ("Opening %s in %s failed: %s", entry->name, display_name (self),
               local_error ? local_error->message : "not found");
      set_format_error (self, error, detail);
      return NULL;
    }
  /* libgsf read the directory on its own; hold it to the same bound. */
  if (!check_part_size (self, name, gsf_input_size (input), entry->compressed, limit, error))
    {
      g_object_unref (input);
      return NULL;
    }

  stream = g_new0 (PartStream, 1);
  stream->input = input;
  stream->size = gsf_input_size (input);
  stream->limit = limit;
  return stream;
}

/* Takes @stream; on failure it is freed and @error set. */
static xmlTextReaderPtr
part_reader_new (KefuXlsxReader  *self,
                 PartStream      *stream,
                 const char      *name,
                 GError         **error)
{
  xmlTextReaderPtr xml;

  xml = xmlReaderForIO (part_stream_read, part_stream_close, stream,
                        NULL, NULL, KEFU_XLSX_PARSE_OPTIONS);
  if (xml == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("the part “%s” is damaged."), name);
      set_format_error (self, error, detail);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (xml, part_stream_error, stream);
  return xml;
}

/* Explains why reading a part stopped. @sheet_name is set for sheets,
 * whose damage is placed at @row (0: before the first row). */
static void
set_read_error (KefuXlsxReader  *self,
                PartStream      *stream,
                const char      *part,
                const char      *sheet_name,
                guint64          row,
                GError         **error)
{
  g_autofree char *detail = NULL;

  g_debug ("Reading %s in %s failed: %s", part, display_name (self),
           stream->xml_error ? stream->xml_error : "(no parser message)");

  if (stream->too_large)
    {
      g_autofree char *limit_text = g_format_size (stream->limit);

      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: its part “%s” unpacks to more than %s."),
                   display_name (self), part, limit_text);
      return;
    }

  if (sheet_name != NULL && row > 0)
    detail = g_strdup_printf (_("the sheet “%s” is damaged near row %lu."),
                              sheet_name, (gulong) row);
  else if (sheet_name != NULL)
    detail = g_strdup_printf (_("the sheet “%s” is damaged before its first row."),
                              sheet_name);
  else
    detail = g_strdup_printf (_("the part “%s” is damaged."), part);
  set_format_error (self, error, detail);
}

/* The attribute @local_name of the current element, whatever its
 * namespace prefix; valid until the reader moves on. */
static const char *
get_attribute (xmlTextReaderPtr  xml,
               const char       *local_name)
{
  const char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;
  do
    {
      if (xmlTextReaderIsNamespaceDecl (xml) != 1
          && strcmp ((const char *) xmlTextReaderConstLocalName (xml), local_name) == 0)
        {
          value = (const char *) xmlTextReaderConstValue (xml);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
  xmlTextReaderMoveToElement (xml);
  return value;
}

typedef enum
{
  EVENT_START,
  EVENT_END,
  EVENT_TEXT,
} EventKind;

/* @text is the local name for elements, the content for text. */
typedef void (*PartFunc) (xmlTextReaderPtr  xml,
                          EventKind         kind,
                          const char       *text,
                          gpointer          user_data);

/* Reads a small part through @func. Absent parts that are not @required
 * are skipped silently. */
static gboolean
parse_part (KefuXlsxReader  *self,
            const char      *part,
            gint64           limit,
            gboolean         required,
            PartFunc         func,
            gpointer         user_data,
            GError         **error)
{
  GError *local_error = NULL;
  PartStream *stream;
  xmlTextReaderPtr xml;
  int ret;

  stream = open_part (self, part, limit, required, &local_error);
  if (stream == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  xml = part_reader_new (self, stream, part, error);
  if (xml == NULL)
    return FALSE;

  while ((ret = xmlTextReaderRead (xml)) == 1)
    {
      switch (xmlTextReaderNodeType (xml))
        {
        case XML_READER_TYPE_ELEMENT:
          {
            const char *name = (const char *) xmlTextReaderConstLocalName (xml);
            gboolean empty = xmlTextReaderIsEmptyElement (xml) == 1;

            func (xml, EVENT_START, name, user_data);
            if (empty)
              func (xml, EVENT_END, name, user_data);
          }
          break;
        case XML_READER_TYPE_END_ELEMENT:
          func (xml, EVENT_END, (const char *) xmlTextReaderConstLocalName (xml), user_data);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          func (xml, EVENT_TEXT, (const char *) xmlTextReaderConstValue (xml), user_data);
          break;
        default:
          break;
        }
    }

  if (ret < 0)
    set_read_error (self, stream, part, NULL, 0, error);
  xmlFreeTextReader (xml);
  return ret == 0;
}

/* Relationships */

/* A relationship's target as a zip name, resolved against @base_dir
 * (the source part's folder, with a trailing slash, or ""). */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  if (unescaped == NULL)
    unescaped = g_strdup (target);
  g_strdelimit (unescaped, "\\", '/');

  if (unescaped[0] == '/')
    joined = g_strdup (unescaped + 1);
  else
    joined = g_strconcat (base_dir, unescaped, NULL);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

typedef struct
{
  const char *base_dir;
  GHashTable *targets;        /* Id → zip name */
  char       *office_document;
  char       *shared_strings;
  char       *styles;
} Relationships;

static void
relationships_clear (Relationships *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->office_document, g_free);
  g_clear_pointer (&rels->shared_strings, g_free);
  g_clear_pointer (&rels->styles, g_free);
}

static gboolean
has_type (const char *type,
          const char *suffix)
{
  return type != NULL && g_str_has_suffix (type, suffix);
}

static void
relationships_func (xmlTextReaderPtr  xml,
                    EventKind         kind,
                    const char       *text,
                    gpointer          user_data)
{
  Relationships *rels = user_data;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *target = NULL;
  const char *mode;
  char *part;

  if (kind != EVENT_START || strcmp (text, "Relationship") != 0)
    return;

  mode = get_attribute (xml, "TargetMode");
  if (mode != NULL && strcmp (mode, "External") == 0)
    return;

  id = g_strdup (get_attribute (xml, "Id"));
  type = g_strdup (get_attribute (xml, "Type"));
  target = g_strdup (get_attribute (xml, "Target"));
  if (id == NULL || target == NULL)
    return;

  part = resolve_target (rels->base_dir, target);
  /* Types end alike in the transitional and the strict namespaces. */
  if (has_type (type, "/officeDocument") && rels->office_document == NULL)
    rels->office_document = g_strdup (part);
  else if (has_type (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = g_strdup (part);
  else if (has_type (type, "/styles") && rels->styles == NULL)
    rels->styles = g_strdup (part);
  g_hash_table_insert (rels->targets, g_steal_pointer (&id), part);
}

static gboolean
read_relationships (KefuXlsxReader  *self,
                    const char      *part,
                    const char      *base_dir,
                    Relationships   *rels,
                    GError         **error)
{
  rels->base_dir = base_dir;
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return parse_part (self, part, KEFU_XLSX_MAX_META_SIZE, FALSE,
                     relationships_func, rels, error);
}

/* Workbook */

typedef struct
{
  KefuXlsxReader *self;
  GHashTable     *targets;
  gboolean        in_sheets;
} WorkbookParse;

static gboolean
is_true (const char *value)
{
  return value != NULL
         && (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0);
}

static void
workbook_func (xmlTextReaderPtr  xml,
               EventKind         kind,
               const char       *text,
               gpointer          user_data)
{
  WorkbookParse *parse = user_data;
  KefuXlsxReader *self = parse->self;

  if (kind == EVENT_TEXT)
    return;

  if (strcmp (text, "sheets") == 0)
    parse->in_sheets = kind == EVENT_START;
  else if (kind == EVENT_START && strcmp (text, "workbookPr") == 0)
    self->date1904 = is_true (get_attribute (xml, "date1904"));
  else if (kind == EVENT_START && parse->in_sheets && strcmp (text, "sheet") == 0)
    {
      /* Copied at once: the next attribute may reuse the buffer. */
      g_autofree char *name = g_strdup (get_attribute (xml, "name"));
      const char *id = get_attribute (xml, "id");   /* r:id */
      Sheet sheet = { NULL, NULL };

      if (name != NULL && name[0] != '\0')
        sheet.name = g_steal_pointer (&name);
      else
        sheet.name = g_strdup_printf (_("Sheet %u"), self->sheets->len + 1);
      if (id != NULL)
        sheet.part = g_strdup (g_hash_table_lookup (parse->targets, id));
      g_array_append_val (self->sheets, sheet);
    }
}

/* Shared strings */

/* Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot hold
 * (carriage returns, control characters, a literal "_x" sequence). */
static void
append_unescaped (GString    *out,
                  const char *text,
                  gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *mark = memchr (p, '_', end - p);
      gunichar c;

      if (mark == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, mark - p);
      p = mark;

      if (end - p < 7 || p[1] != 'x' || p[6] != '_'
          || !g_ascii_isxdigit (p[2]) || !g_ascii_isxdigit (p[3])
          || !g_ascii_isxdigit (p[4]) || !g_ascii_isxdigit (p[5]))
        {
          g_string_append_c (out, '_');
          p++;
          continue;
        }

      c = g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8
          | g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]);
      p += 7;

      /* Characters beyond the BMP come as two escaped UTF-16 halves. */
      if (c >= 0xD800 && c <= 0xDBFF && end - p >= 7 && p[0] == '_' && p[1] == 'x'
          && p[6] == '_' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]))
        {
          gunichar low = g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8
                         | g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              p += 7;
            }
        }

      /* A NUL would cut the string short; a lone surrogate is no text. */
      if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
}

typedef struct
{
  KefuXlsxReader *self;
  GString        *text;
  gboolean        in_item;
  gboolean        in_text;
  guint           phonetic_depth;
} SharedStringsParse;

static void
shared_strings_func (xmlTextReaderPtr  xml,
                     EventKind         kind,
                     const char       *text,
                     gpointer          user_data)
{
  SharedStringsParse *parse = user_data;
  KefuXlsxReader *self = parse->self;

  if (kind == EVENT_TEXT)
    {
      if (parse->in_item && parse->in_text && parse->phonetic_depth == 0)
        g_string_append (parse->text, text);
      return;
    }

  if (strcmp (text, "si") == 0)
    {
      if (kind == EVENT_START)
        {
          parse->in_item = TRUE;
          g_string_truncate (parse->text, 0);
        }
      else if (parse->in_item)
        {
          /* The table stays under 256 MiB, so 32-bit offsets do. */
          guint32 offset = self->sst_text->len;

          append_unescaped (self->sst_text, parse->text->str, parse->text->len);
          g_string_append_c (self->sst_text, '\0');
          g_array_append_val (self->sst_offsets, offset);
          parse->in_item = FALSE;
        }
    }
  else if (strcmp (text, "t") == 0)
    parse->in_text = kind == EVENT_START;
  /* Phonetic runs (furigana) hold a reading, not the text. */
  else if (strcmp (text, "rPh") == 0)
    {
      if (kind == EVENT_START)
        parse->phonetic_depth++;
      else if (parse->phonetic_depth > 0)
        parse->phonetic_depth--;
    }
}

/* Styles */

static FormatKind
classify_builtin_format (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
      || (id >= 50 && id <= 54) || id == 57 || id == 58)
    return FORMAT_DATE;
  /* 32–35, 55 and 56 are times in the Chinese locale. */
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47)
      || id == 55 || id == 56)
    return FORMAT_TIME;
  return FORMAT_NUMBER;
}

/* A custom format shows a date when it has d, m, y, h or s outside
 * quoted text, [brackets] (colours, locales) and escaped characters.
 * Without d or y, an m next to h or s is minutes: a time. */
static FormatKind
classify_format_code (const char *code)
{
  gboolean date = FALSE;
  gboolean time = FALSE;
  gboolean month = FALSE;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return FORMAT_NUMBER;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            goto done;
          break;
        case '\\':   /* an escaped literal */
        case '_':    /* padding as wide as the next character */
        case '*':    /* the next character fills the cell */
          if (p[1] == '\0')
            goto done;
          p++;
          break;
        case '[':
          {
            const char *close = strchr (p, ']');

            if (close == NULL)
              goto done;
            /* [h], [mm], [ss]: elapsed time, a duration */
            if (close > p + 1 && strspn (p + 1, "hHmMsS") == (gsize) (close - p - 1))
              time = TRUE;
            p = close;
          }
          break;
        case 'd': case 'D':
        case 'y': case 'Y':
          date = TRUE;
          break;
        case 'h': case 'H':
        case 's': case 'S':
          time = TRUE;
          break;
        case 'm': case 'M':
          month = TRUE;
          break;
        default:
          break;
        }
    }

done:
  if (date || (month && !time))
    return FORMAT_DATE;
  if (time)
    return FORMAT_TIME;
  return FORMAT_NUMBER;
}

typedef struct
{
  GHashTable *custom;        /* numFmtId → FormatKind + 1 */
  GArray     *xf_formats;    /* guint numFmtId per cellXfs entry */
  gboolean    in_cell_xfs;
} StylesParse;

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  guint64 value;
  char *end;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || value > max)
    return FALSE;
  *out = value;
  return TRUE;
}

static void
styles_func (xmlTextReaderPtr  xml,
             EventKind         kind,
             const char       *text,
             gpointer          user_data)
{
  StylesParse *parse = user_data;
  guint64 id;

  if (kind == EVENT_TEXT)
    return;

  /* cellStyleXfs has <xf> elements too, but cells point into cellXfs. */
  if (strcmp (text, "cellXfs") == 0)
    parse->in_cell_xfs = kind == EVENT_START;
  else if (kind == EVENT_START && strcmp (text, "numFmt") == 0)
    {
      if (parse_uint (get_attribute (xml, "numFmtId"), G_MAXUINT, &id))
        {
          FormatKind format = classify_format_code (get_attribute (xml, "formatCode"));
          g_hash_table_insert (parse->custom, GUINT_TO_POINTER (id), GUINT_TO_POINTER (format + 1));
        }
    }
  else if (kind == EVENT_START && parse->in_cell_xfs && strcmp (text, "xf") == 0)
    {
      guint format_id;

      if (!parse_uint (get_attribute (xml, "numFmtId"), G_MAXUINT, &id))
        id = 0;
      format_id = id;
      g_array_append_val (parse->xf_formats, format_id);
    }
}

static gboolean
read_styles (KefuXlsxReader  *self,
             const char      *part,
             GError         **error)
{
  StylesParse parse = { 0 };

  parse.custom = g_hash_table_new (NULL, NULL);
  parse.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!parse_part (self, part, KEFU_XLSX_MAX_META_SIZE, FALSE, styles_func, &parse, error))
    {
      g_hash_table_unref (parse.custom);
      g_array_unref (parse.xf_formats);
      return FALSE;
    }

  for (guint i = 0; i < parse.xf_formats->len; i++)
    {
      guint id = g_array_index (parse.xf_formats, guint, i);
      gpointer custom = g_hash_table_lookup (parse.custom, GUINT_TO_POINTER (id));
      guint8 format;

      /* A workbook may redefine a built-in id; its own code wins. */
      format = custom != NULL ? GPOINTER_TO_UINT (custom) - 1 : classify_builtin_format (id);
      g_byte_array_append (self->xf_formats, &format, 1);
    }

  g_hash_table_unref (parse.custom);
  g_array_unref (parse.xf_formats);
  return TRUE;
}

/* Opening */

static char *
part_dir (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash ? g_strndup (part, slash - part + 1) : g_strdup ("");
}

static gboolean
kefu_xlsx_reader_load (KefuXlsxReader  *self,
                       GError         **error)
{
  const char *path = kefu_table_reader_get_path (KEFU_TABLE_READER (self));
  g_autoptr(GError) local_error = NULL;
  Relationships package_rels = { 0 };
  Relationships workbook_rels = { 0 };
  WorkbookParse workbook_parse = { 0 };
  SharedStringsParse sst_parse = { 0 };
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_rels_part = NULL;
  g_autofree char *workbook_base = NULL;
  g_autofree char *shared_strings_part = NULL;
  g_autofree char *styles_part = NULL;
  gboolean ok = FALSE;

  self->source = gsf_input_stdio_new (path, &local_error);
  if (self->source == NULL)
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
                   _("“%s” could not be opened: %s"),
                   display_name (self), local_error->message);
      return FALSE;
    }

  self->zip = gsf_infile_zip_new (self->source, &local_error);
  if (self->zip == NULL || !read_zip_directory (self))
    {
      g_debug ("%s is no zip: %s", path, local_error ? local_error->message : "bad directory");
      set_format_error (self, error,
                        _("the file is incomplete or damaged. Was the download or copy interrupted?"));
      return FALSE;
    }

  if (!read_relationships (self, "_rels/.rels", "", &package_rels, error))
    goto out;
  workbook_part = g_strdup (package_rels.office_document ? package_rels.office_document
                                                         : "xl/workbook.xml");
  workbook_dir = part_dir (workbook_part);
  workbook_base = g_path_get_basename (workbook_part);
  workbook_rels_part = g_strconcat (workbook_dir, "_rels/", workbook_base, ".rels", NULL);

  if (!read_relationships (self, workbook_rels_part, workbook_dir, &workbook_rels, error))
    goto out;

  workbook_parse.self = self;
  workbook_parse.targets = workbook_rels.targets;
  if (!parse_part (self, workbook_part, KEFU_XLSX_MAX_META_SIZE, TRUE,
                   workbook_func, &workbook_parse, error))
    goto out;

  /* Excel always lists both; other writers may rely on the usual names. */
  shared_strings_part = workbook_rels.shared_strings
                        ? g_strdup (workbook_rels.shared_strings)
                        : g_strconcat (workbook_dir, "sharedStrings.xml", NULL);
  styles_part = workbook_rels.styles
                ? g_strdup (workbook_rels.styles)
                : g_strconcat (workbook_dir, "styles.xml", NULL);

  sst_parse.self = self;
  sst_parse.text = g_string_new (NULL);
  ok = parse_part (self, shared_strings_part, KEFU_XLSX_MAX_META_SIZE, FALSE,
                   shared_strings_func, &sst_parse, error);
  g_string_free (sst_parse.text, TRUE);
  if (!ok)
    goto out;

  ok = read_styles (self, styles_part, error);

out:
  relationships_clear (&package_rels);
  relationships_clear (&workbook_rels);
  return ok;
}

/* Sheets */

static void
close_sheet (KefuXlsxReader *self)
{
  g_clear_pointer (&self->xml, xmlFreeTextReader);
  self->stream = NULL;
  g_clear_error (&self->sheet_error);
  self->started = FALSE;
  self->finished = FALSE;
  self->in_sheet_data = FALSE;
  self->in_row = FALSE;
  self->in_cell = FALSE;
  self->in_value = FALSE;
  self->in_inline = FALSE;
  self->in_text = FALSE;
  self->phonetic_depth = 0;
  self->row_number = 0;
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->text_offsets, 0);
  g_string_truncate (self->row_text, 0);
}

static const char *
current_sheet_name (KefuXlsxReader *self)
{
  return g_array_index (self->sheets, Sheet, self->sheet).name;
}

static void
set_sheet_error (KefuXlsxReader  *self,
                 GError         **error,
                 const char      *format,
                 ...) G_GNUC_PRINTF (3, 4);

/* A damaged sheet: @format is completed with the sheet's name and
 * the current row number, in that order. */
static void
set_sheet_error (KefuXlsxReader  *self,
                 GError         **error,
                 const char      *format,
                 ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  set_format_error (self, error, detail);
}

/* Column A is 0. Returns FALSE when @ref has no column letters. */
static gboolean
parse_column (const char *ref,
              guint      *column)
{
  guint value = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (value > KEFU_XLSX_MAX_COLUMNS + 1)
        break;
    }
  if (p == ref)
    return FALSE;
  *column = value - 1;
  return TRUE;
}

static void
begin_row (KefuXlsxReader *self)
{
  const char *r = get_attribute (self->xml, "r");
  guint64 number;

  /* Without r, a row follows the one before. */
  if (parse_uint (r, G_MAXUINT32, &number) && number > 0)
    self->row_number = number;
  else
    self->row_number++;

  self->in_row = TRUE;
  self->next_column = 0;
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->text_offsets, 0);
  g_string_truncate (self->row_text, 0);
}

static gboolean
begin_cell (KefuXlsxReader  *self,
            GError         **error)
{
  xmlTextReaderPtr xml = self->xml;
  guint column = self->next_column;
  guint64 style = 0;

  self->cell_kind = VALUE_NUMBER;
  self->cell_style = 0;

  /* The hot path: one pass over the attributes, nothing copied. */
  if (xmlTextReaderMoveToFirstAttribute (xml) == 1)
    {
      do
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (xml);
          const char *value;

          if (name[1] != '\0' || xmlTextReaderIsNamespaceDecl (xml) == 1)
            continue;
          value = (const char *) xmlTextReaderConstValue (xml);
          if (value == NULL)
            continue;

          switch (name[0])
            {
            case 'r':
              if (!parse_column (value, &column))
                column = self->next_column;
              break;
            case 's':
              if (parse_uint (value, G_MAXUINT, &style))
                self->cell_style = style;
              break;
            case 't':
              if (strcmp (value, "s") == 0)
                self->cell_kind = VALUE_SHARED;
              else if (strcmp (value, "str") == 0 || strcmp (value, "inlineStr") == 0)
                self->cell_kind = VALUE_STRING;
              else if (strcmp (value, "b") == 0)
                self->cell_kind = VALUE_BOOLEAN;
              else if (strcmp (value, "e") == 0)
                self->cell_kind = VALUE_ERROR;
              else if (strcmp (value, "d") == 0)
                self->cell_kind = VALUE_ISO_DATE;
              break;
            default:
              break;
            }
        }
      while (xmlTextReaderMoveToNextAttribute (xml) == 1);
      xmlTextReaderMoveToElement (xml);
    }

  if (column >= KEFU_XLSX_MAX_COLUMNS)
    {
      set_sheet_error (self, error,
                       _("in the sheet “%s”, row %lu has a cell beyond the last column (XFD)."),
                       current_sheet_name (self), (gulong) self->row_number);
      return FALSE;
    }

  self->cell_column = column;
  self->next_column = column + 1;
  self->in_cell = TRUE;
  self->in_value = FALSE;
  self->in_inline = FALSE;
  self->in_text = FALSE;
  self->phonetic_depth = 0;
  g_string_truncate (self->value, 0);
  return TRUE;
}

/* Copies @text into the row's text buffer. Returns what store_cell()
 * takes: 1 + the offset, since the buffer's address is only fixed once
 * the row is complete. */
static gsize
append_row_text (KefuXlsxReader *self,
                 const char     *text)
{
  gsize offset = self->row_text->len;

  g_string_append (self->row_text, text);
  g_string_append_c (self->row_text, '\0');
  return offset + 1;
}

/* Puts a cell in the row, its text either @text, which must outlive the
 * row (static or shared strings), or at @text_offset in the row's text. */
static void
store_cell (KefuXlsxReader *self,
            KefuCellType    type,
            double          number,
            const char     *text,
            gsize           text_offset)
{
  guint column = self->cell_column;
  KefuCell *cell;

  if (self->cells->len <= column)
    {
      /* Both arrays clear new elements: EMPTY cells, no text. */
      g_array_set_size (self->cells, column + 1);
      g_array_set_size (self->text_offsets, column + 1);
    }

  cell = &g_array_index (self->cells, KefuCell, column);
  cell->type = type;
  cell->number = number;
  cell->text = text;
  g_array_index (self->text_offsets, gsize, column) = text_offset;
}

static gboolean
parse_number (const char *text,
              double     *number)
{
  char *end;

  *number = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*number);
}

static gboolean
parse_digits (const char **p,
              guint        min_digits,
              guint        max_digits,
              int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      *value = *value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *p += n;
  return TRUE;
}

/* ISO 8601 as t="d" cells hold it: a date, a time or both. Returns
 * days since 1899-12-30. */
static gboolean
parse_iso_datetime (const char *text,
                    double     *serial)
{
  const char *p = text;
  gboolean has_date = FALSE;
  gboolean has_time = FALSE;
  double days = 0;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]) && p[4] == '-')
    {
      int year, month, day;
      GDate date, epoch;

      if (!parse_digits (&p, 4, 4, &year) || *p++ != '-'
          || !parse_digits (&p, 1, 2, &month) || *p++ != '-'
          || !parse_digits (&p, 1, 2, &day))
        return FALSE;
      if (year < 1 || !g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_clear (&date, 1);
      g_date_clear (&epoch, 1);
      g_date_set_dmy (&date, day, month, year);
      g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
      days = (double) g_date_get_julian (&date) - (double) g_date_get_julian (&epoch);
      has_date = TRUE;
      if (*p == 'T' || *p == 't' || *p == ' ')
        p++;
    }
  else if (*p == 'T')
    p++;

  if (g_ascii_isdigit (*p))
    {
      int hours, minutes, seconds = 0;
      double fraction = 0;

      if (!parse_digits (&p, 1, 2, &hours) || *p++ != ':'
          || !parse_digits (&p, 2, 2, &minutes))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!parse_digits (&p, 2, 2, &seconds))
            return FALSE;
          if (*p == '.' || *p == ',')
            {
              double scale = 0.1;

              for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
                fraction += (*p - '0') * scale;
            }
        }
      if (hours > 24 || minutes > 59 || seconds > 60)
        return FALSE;
      days += (hours * 3600 + minutes * 60 + seconds + fraction) / 86400.0;
      has_time = TRUE;
    }

  /* The wall time is what the sheet shows; a zone would not change it. */
  if (*p == 'Z')
    p++;
  else if ((*p == '+' || *p == '-') && has_time)
    {
      int zone;

      p++;
      if (!parse_digits (&p, 2, 2, &zone))
        return FALSE;
      if (*p == ':')
        p++;
      parse_digits (&p, 0, 2, &zone);
    }

  if (*p != '\0' || (!has_date && !has_time))
    return FALSE;
  *serial = days;
  return TRUE;
}

static gboolean
finish_cell (KefuXlsxReader  *self,
             GError         **error)
{
  GString *value = self->value;
  char *text;
  double number;

  self->in_cell = FALSE;

  if (self->cell_kind == VALUE_STRING)
    {
      /* Text keeps its spaces; only the escapes are decoded. */
      if (value->len > 0)
        {
          gsize offset = self->row_text->len + 1;

          append_unescaped (self->row_text, value->str, value->len);
          g_string_append_c (self->row_text, '\0');
          store_cell (self, KEFU_CELL_TEXT, 0, NULL, offset);
        }
      return TRUE;
    }

  text = g_strstrip (value->str);
  if (text[0] == '\0')
    return TRUE;

  switch (self->cell_kind)
    {
    case VALUE_SHARED:
      {
        guint64 index;
        const char *shared;

        if (!parse_uint (text, G_MAXUINT32, &index) || index >= self->sst_offsets->len)
          {
            set_sheet_error (self, error,
                             _("in the sheet “%s”, row %lu refers to a text that is missing."),
                             current_sheet_name (self), (gulong) self->row_number);
            return FALSE;
          }
        shared = self->sst_text->str + g_array_index (self->sst_offsets, guint32, index);
        if (shared[0] != '\0')
          store_cell (self, KEFU_CELL_TEXT, 0, shared, 0);
      }
      break;

    case VALUE_BOOLEAN:
      if (is_true (text) || (parse_number (text, &number) && number != 0))
        store_cell (self, KEFU_CELL_BOOLEAN, 1, "TRUE", 0);
      else
        store_cell (self, KEFU_CELL_BOOLEAN, 0, "FALSE", 0);
      break;

    case VALUE_ERROR:
      store_cell (self, KEFU_CELL_ERROR, 0, NULL, append_row_text (self, text));
      break;

    case VALUE_ISO_DATE:
      if (parse_iso_datetime (text, &number))
        store_cell (self, KEFU_CELL_DATETIME, number, NULL, append_row_text (self, text));
      else
        store_cell (self, KEFU_CELL_TEXT, 0, NULL, append_row_text (self, text));
      break;

    case VALUE_NUMBER:
    case VALUE_STRING:
    default:
      if (!parse_number (text, &number))
        {
          /* Not what a number cell should hold, but still the content. */
          store_cell (self, KEFU_CELL_TEXT, 0, NULL, append_row_text (self, text));
          break;
        }
      if (self->cell_style < self->xf_formats->len)
        {
          FormatKind format = self->xf_formats->data[self->cell_style];

          if (format == FORMAT_DATE)
            {
              if (self->date1904)
                number += KEFU_XLSX_1904_OFFSET;
              store_cell (self, KEFU_CELL_DATETIME, number, NULL, append_row_text (self, text));
              break;
            }
          if (format == FORMAT_TIME)
            {
              store_cell (self, KEFU_CELL_DATETIME, number, NULL, append_row_text (self, text));
              break;
            }
        }
      store_cell (self, KEFU_CELL_NUMBER, number, NULL, append_row_text (self, text));
      break;
    }

  return TRUE;
}

/* Completes the row; FALSE when it has no value to hand out. */
static gboolean
finish_row (KefuXlsxReader *self)
{
  KefuCell *cells = (KefuCell *) (gpointer) self->cells->data;
  const gsize *offsets = (const gsize *) (gpointer) self->text_offsets->data;
  guint n_cells = self->cells->len;

  self->in_row = FALSE;

  while (n_cells > 0 && cells[n_cells - 1].type == KEFU_CELL_EMPTY)
    n_cells--;
  if (n_cells == 0)
    return FALSE;

  /* The row's text buffer has stopped moving: point the cells into it. */
  for (guint i = 0; i < n_cells; i++)
    if (offsets[i] != 0)
      cells[i].text = self->row_text->str + offsets[i] - 1;

  self->row.number = self->row_number;
  self->row.n_cells = n_cells;
  self->row.cells = cells;
  return TRUE;
}

typedef enum
{
  STEP_CONTINUE,
  STEP_ROW,
  STEP_END,
  STEP_FAILED,
} Step;

static Step
sheet_end_element (KefuXlsxReader  *self,
                   const char      *name,
                   GError         **error)
{
  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0' && self->in_cell && !finish_cell (self, error))
        return STEP_FAILED;
      break;
    case 'v':
      if (name[1] == '\0')
        self->in_value = FALSE;
      break;
    case 't':
      if (name[1] == '\0')
        self->in_text = FALSE;
      break;
    case 'i':
      if (strcmp (name, "is") == 0)
        self->in_inline = FALSE;
      break;
    case 'r':
      if (strcmp (name, "row") == 0 && self->in_row)
        return finish_row (self) ? STEP_ROW : STEP_CONTINUE;
      if (strcmp (name, "rPh") == 0 && self->phonetic_depth > 0)
        self->phonetic_depth--;
      break;
    case 's':
      /* Nothing after the cells (merges, filters, …) is for us. */
      if (strcmp (name, "sheetData") == 0)
        return STEP_END;
      break;
    default:
      break;
    }
  return STEP_CONTINUE;
}

static Step
sheet_start_element (KefuXlsxReader  *self,
                     const char      *name,
                     GError         **error)
{
  if (!self->in_sheet_data)
    {
      if (strcmp (name, "sheetData") == 0)
        self->in_sheet_data = TRUE;
      return STEP_CONTINUE;
    }

  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0' && self->in_row && !begin_cell (self, error))
        return STEP_FAILED;
      break;
    case 'v':
      if (name[1] == '\0' && self->in_cell)
        self->in_value = TRUE;
      break;
    case 't':
      if (name[1] == '\0' && self->in_inline)
        self->in_text = TRUE;
      break;
    case 'i':
      if (strcmp (name, "is") == 0 && self->in_cell)
        self->in_inline = TRUE;
      break;
    case 'r':
      if (strcmp (name, "row") == 0)
        begin_row (self);
      else if (strcmp (name, "rPh") == 0 && self->in_cell)
        self->phonetic_depth++;
      break;
    default:
      break;
    }
  return STEP_CONTINUE;
}

/* The row libxml2 had reached when it found the damage. It parses ahead
 * of what it hands out, so the last <row> it built under <sheetData> is
 * nearer the damage than the last row returned. */
static guint64
find_damaged_row (KefuXlsxReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->xml);
  guint64 number = self->row_number;

  while (node != NULL && (node->type != XML_ELEMENT_NODE
                          || g_strcmp0 ((const char *) node->name, "sheetData") != 0))
    node = node->parent;
  if (node == NULL)
    return number;

  for (node = node->last; node != NULL; node = node->prev)
    if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, "row") == 0)
      {
        xmlChar *r = xmlGetProp (node, (const xmlChar *) "r");
        guint64 value;

        if (parse_uint ((const char *) r, G_MAXUINT32, &value) && value > number)
          number = value;
        xmlFree (r);
        break;
      }
  return number;
}

static const KefuRow *
kefu_xlsx_reader_next_row (KefuTableReader  *reader,
                           GError          **error)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (reader);
  GError *local_error = NULL;

  if (self->sheet_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->sheet_error));
      return NULL;
    }
  if (self->finished || self->xml == NULL)
    return NULL;

  self->started = TRUE;

  for (;;)
    {
      xmlTextReaderPtr xml = self->xml;
      Step step = STEP_CONTINUE;
      int ret = xmlTextReaderRead (xml);

      if (ret == 0)
        step = STEP_END;
      else if (ret < 0)
        {
          Sheet *sheet = &g_array_index (self->sheets, Sheet, self->sheet);

          set_read_error (self, self->stream, sheet->part, sheet->name,
                          find_damaged_row (self), &local_error);
          step = STEP_FAILED;
        }
      else
        {
          switch (xmlTextReaderNodeType (xml))
            {
            case XML_READER_TYPE_ELEMENT:
              {
                const char *name = (const char *) xmlTextReaderConstLocalName (xml);
                gboolean empty = xmlTextReaderIsEmptyElement (xml) == 1;

                step = sheet_start_element (self, name, &local_error);
                if (step == STEP_CONTINUE && empty)
                  step = sheet_end_element (self, name, &local_error);
              }
              break;
            case XML_READER_TYPE_END_ELEMENT:
              if (self->in_sheet_data)
                step = sheet_end_element (self, (const char *) xmlTextReaderConstLocalName (xml),
                                          &local_error);
              break;
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_WHITESPACE:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
              if (self->in_cell
                  && (self->in_value || (self->in_text && self->phonetic_depth == 0)))
                g_string_append (self->value, (const char *) xmlTextReaderConstValue (xml));
              break;
            default:
              break;
            }
        }

      switch (step)
        {
        case STEP_ROW:
          return &self->row;
        case STEP_END:
          /* Let the part go now rather than when the sheet changes. */
          g_clear_pointer (&self->xml, xmlFreeTextReader);
          self->stream = NULL;
          self->finished = TRUE;
          return NULL;
        case STEP_FAILED:
          g_clear_pointer (&self->xml, xmlFreeTextReader);
          self->stream = NULL;
          self->sheet_error = g_error_copy (local_error);
          g_propagate_error (error, local_error);
          return NULL;
        case STEP_CONTINUE:
        default:
          break;
        }
    }
}

static gboolean
kefu_xlsx_reader_select_sheet (KefuTableReader  *reader,
                               guint             index,
                               GError          **error)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (reader);
  Sheet *sheet;
  PartStream *stream;

  g_return_val_if_fail (index < self->sheets->len, FALSE);

  close_sheet (self);
  self->sheet = index;
  sheet = &g_array_index (self->sheets, Sheet, index);

  if (sheet->part == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("the sheet “%s” is missing."), sheet->name);

      set_format_error (self, error, detail);
      self->finished = TRUE;
      return FALSE;
    }

  stream = open_part (self, sheet->part, KEFU_XLSX_MAX_PART_SIZE, TRUE, error);
  if (stream != NULL)
    self->xml = part_reader_new (self, stream, sheet->part, error);
  if (self->xml == NULL)
    {
      self->finished = TRUE;
      return FALSE;
    }
  self->stream = stream;
  return TRUE;
}

static guint
kefu_xlsx_reader_get_n_sheets (KefuTableReader *reader)
{
  return KEFU_XLSX_READER (reader)->sheets->len;
}

static const char *
kefu_xlsx_reader_get_sheet_name (KefuTableReader *reader,
                                 guint            index)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (reader);

  g_return_val_if_fail (index < self->sheets->len, NULL);
  return g_array_index (self->sheets, Sheet, index).name;
}

/* The share of the sheet part's uncompressed bytes parsed so far. */
static double
kefu_xlsx_reader_get_progress (KefuTableReader *reader)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (reader);

  if (self->finished)
    return 1.0;
  /* libxml2 reads ahead as soon as it is created. */
  if (!self->started || self->stream == NULL || self->stream->size <= 0)
    return 0.0;
  return CLAMP ((double) self->stream->consumed / self->stream->size, 0.0, 1.0);
}

static void
kefu_xlsx_reader_finalize (GObject *object)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (object);

  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_clear_error (&self->sheet_error);
  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->folded_entries, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_string_free (self->sst_text, TRUE);
  g_clear_pointer (&self->sst_offsets, g_array_unref);
  g_clear_pointer (&self->xf_formats, g_byte_array_unref);
  g_string_free (self->value, TRUE);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->text_offsets, g_array_unref);
  g_string_free (self->row_text, TRUE);

  G_OBJECT_CLASS (kefu_xlsx_reader_parent_class)->finalize (object);
}

static void
kefu_xlsx_reader_class_init (KefuXlsxReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuTableReaderClass *reader_class = KEFU_TABLE_READER_CLASS (klass);

  object_class->finalize = kefu_xlsx_reader_finalize;

  reader_class->get_n_sheets = kefu_xlsx_reader_get_n_sheets;
  reader_class->get_sheet_name = kefu_xlsx_reader_get_sheet_name;
  reader_class->select_sheet = kefu_xlsx_reader_select_sheet;
  reader_class->next_row = kefu_xlsx_reader_next_row;
  reader_class->get_progress = kefu_xlsx_reader_get_progress;

  gsf_init ();
  xmlInitParser ();
}

static void
kefu_xlsx_reader_init (KefuXlsxReader *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, zip_entry_free);
  self->folded_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (self->sheets, sheet_clear);
  self->sst_text = g_string_new (NULL);
  self->sst_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->xf_formats = g_byte_array_new ();
  self->value = g_string_new (NULL);
  self->cells = g_array_new (FALSE, TRUE, sizeof (KefuCell));
  self->text_offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->row_text = g_string_new (NULL);
}

/**
 * kefu_xlsx_reader_new:
 * @path: an .xlsx file
 *
 * Opens the workbook and its first sheet.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
KefuTableReader *
kefu_xlsx_reader_new (const char  *path,
                      GError     **error)
{
  g_autoptr(KefuXlsxReader) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEFU_TYPE_XLSX_READER, "path", path, NULL);
  if (!kefu_xlsx_reader_load (self, error))
    return NULL;

  if (self->sheets->len == 0)
    {
      g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_NO_SHEET,
                   _("“%s” has no sheets."), display_name (self));
      return NULL;
    }
  if (!kefu_xlsx_reader_select_sheet (KEFU_TABLE_READER (self), 0, error))
    return NULL;

  return KEFU_TABLE_READER (g_steal_pointer (&self));
}
