/* kefu-xlsx-reader.c — rows from Office Open XML workbooks (.xlsx)
 *
 * An .xlsx file is a zip of XML parts. The small ones (relationships,
 * workbook, shared strings, styles) are read when the file is opened;
 * sheets can be huge and are streamed, so memory stays flat whatever the
 * sheet's size. Parts go through libxml2's SAX2 push parser, fed a chunk
 * of the inflated part at a time: building a node per element, as
 * xmlTextReader does, cost more than inflating. A sheet in the XML every
 * spreadsheet program writes (UTF-8, no DTD) goes through the sheet
 * scanner instead (kefu-sheet-scanner.c), which calls the same handlers
 * at a quarter of libxml2's cost. The rows a chunk completes wait in a
 * small queue and are handed out one by one; the next chunk is read once
 * the queue is empty.
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
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "io/kefu-sheet-scanner.h"
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

/* Inflated bytes handed to the parser at a time: the rows one chunk
 * completes are what the queue holds at most. */
#define KEFU_XLSX_CHUNK_SIZE (64 * 1024)

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

/* A part being parsed: its zip member, fed a chunk at a time to a SAX2
 * push parser whose context has the stream as _private. */
typedef struct
{
  GsfInput         *input;
  gint64            size;
  gint64            limit;
  gint64            consumed;
  gboolean          too_large;
  gboolean          broken;       /* the zip data did not inflate */
  gboolean          failed;       /* refused by the callbacks' own bound */
  gboolean          done;         /* the callbacks need nothing more */
  GError           *error;        /* what the callbacks found wrong */
  char             *xml_error;    /* libxml2's first complaint, for the debug log */
  xmlParserCtxtPtr  ctxt;
  /* A sheet in the XML the scanner reads is scanned, not parsed, with
   * these callbacks: the scanner is made at the first chunk. */
  const KefuSheetScannerCallbacks *scan_callbacks;
  KefuSheetScanner *scanner;
  gsize             text_length;  /* of the text since the last markup */
  gpointer          user_data;    /* the callbacks' */
  guint8           *chunk;
} PartStream;

/* Bytes appended to inline, the hot path being one memcpy. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} Bytes;

/* A cell with a value, waiting in the queue. */
typedef struct
{
  guint         column;
  KefuCellType  type;
  double        number;
  const char   *text;          /* static or a shared string, or… */
  gsize         text_offset;   /* …1 + its offset in queue_text; 0: none */
} QueuedCell;

/* QueuedCells, appended to inline. */
typedef struct
{
  QueuedCell *data;
  guint       len;
  guint       size;
} CellQueue;

/* A complete row with a value, waiting in the queue. */
typedef struct
{
  guint64  number;
  guint    first_cell;         /* in queue_cells */
  guint    end_cell;
  guint    n_cells;            /* 1 + its last column with a value */
} QueuedRow;

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
  PartStream       *stream;           /* NULL once the part is done with */
  gint64            part_size;
  gint64            part_consumed;
  guint             sheet;
  GError           *sheet_error;      /* returned again once a sheet failed */
  gboolean          started;
  gboolean          finished;         /* the part is parsed: the queue is the rest */

  /* Where the parser is in the sheet. */
  gboolean          in_sheet_data;
  gboolean          in_row;
  gboolean          in_cell;
  gboolean          in_value;
  gboolean          in_inline;
  gboolean          in_text;
  guint             phonetic_depth;
  guint64           row_number;
  guint             row_first_cell;   /* of the row being parsed, in queue_cells */
  gsize             row_text_start;   /* and its text in queue_text */
  guint             row_n_cells;
  guint             next_column;
  guint             cell_column;
  ValueKind         cell_kind;
  guint             cell_style;
  gsize             cell_text_start;  /* its content so far: in queue_text from here */
  GString          *scratch;          /* an attribute value with '&' decoded */

  /* Rows the parser completed, not yet handed out. Cells and text stay
   * put until the queue is empty, when the next chunk is read. */
  GArray           *queue_rows;       /* QueuedRow */
  CellQueue         queue_cells;
  Bytes             queue_text;
  guint             queue_head;

  /* The row handed out, reused so memory stays flat. */
  KefuRow           row;
  GArray           *cells;            /* KefuCell */
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

typedef enum
{
  FEED_MORE,
  FEED_DONE,
  FEED_FAILED,
} FeedResult;

/* The stream behind a callback's context; NULL while libxml2 parses a
 * declared entity's replacement text, which it does in a context of its
 * own (2.9) or as another input of the same one (2.11 on): without
 * entity substitution a reference shows nothing, as in the tree. */
static inline PartStream *
callback_stream (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  PartStream *stream = ctxt->_private;

  return ctxt == stream->ctxt && ctxt->inputNr == 1 ? stream : NULL;
}

static void
#if LIBXML_VERSION >= 21200
part_stream_error (void *ctx, const xmlError *xml_error)
#else
part_stream_error (void *ctx, xmlErrorPtr xml_error)
#endif
{
  xmlParserCtxtPtr ctxt = ctx;
  PartStream *stream = ctxt != NULL ? ctxt->_private : NULL;

  if (stream != NULL && stream->xml_error == NULL
      && xml_error != NULL && xml_error->message != NULL)
    {
      g_autofree char *message = g_strdup (xml_error->message);

      stream->xml_error = g_strdup_printf ("line %d: %s", xml_error->line, g_strstrip (message));
    }
}

/* Called back: read nothing more of the part. */
static void
stop_stream (PartStream *stream)
{
  if (stream->scanner != NULL)
    kefu_sheet_scanner_stop (stream->scanner);
  else
    xmlStopParser (stream->ctxt);
}

/* libxml2's tree refuses a text node longer than this without
 * XML_PARSE_HUGE; the SAX callbacks keep that bound on cell text. */
static gboolean
count_text (PartStream *stream,
            int         length)
{
  stream->text_length += length;
  if (stream->text_length <= XML_MAX_TEXT_LENGTH)
    return TRUE;

  if (stream->xml_error == NULL)
    stream->xml_error = g_strdup_printf ("line %d: text longer than %d bytes",
                                         stream->scanner != NULL
                                         ? (int) kefu_sheet_scanner_get_line (stream->scanner)
                                         : xmlSAX2GetLineNumber (stream->ctxt),
                                         XML_MAX_TEXT_LENGTH);
  stream->failed = TRUE;
  stop_stream (stream);
  return FALSE;
}

/* Comments and processing instructions end a text node in the tree. */
static void
part_comment (void          *ctx,
              const xmlChar *value)
{
  PartStream *stream = callback_stream (ctx);

  if (stream != NULL)
    stream->text_length = 0;
}

static void
part_processing_instruction (void          *ctx,
                             const xmlChar *target,
                             const xmlChar *data)
{
  part_comment (ctx, NULL);
}

/* A SAX2 handler with @start, @end and @text, the callbacks getting the
 * parser context. Declarations in a DTD are handled by libxml2's own
 * handlers, as when it builds a tree, so a reference to a declared
 * entity is accepted and not expanded in text; external subsets and
 * entities are never loaded (resolveEntity and externalSubset stay
 * unset, XML_PARSE_DTDLOAD and XML_PARSE_NOENT are not given,
 * XML_PARSE_NONET is). */
static void
init_sax (xmlSAXHandler          *sax,
          startElementNsSAX2Func  start,
          endElementNsSAX2Func    end,
          charactersSAXFunc       text)
{
  memset (sax, 0, sizeof *sax);
  xmlSAXVersion (sax, 2);
  sax->startElementNs = start;
  sax->endElementNs = end;
  sax->characters = text;
  sax->ignorableWhitespace = text;
  sax->cdataBlock = text;
  sax->comment = part_comment;
  sax->processingInstruction = part_processing_instruction;
  sax->reference = NULL;
  sax->resolveEntity = NULL;
  sax->externalSubset = NULL;
  sax->setDocumentLocator = NULL;
  sax->endDocument = NULL;
  sax->warning = NULL;
  sax->error = NULL;
  sax->fatalError = NULL;
  sax->serror = part_stream_error;
}

static void
part_stream_free (PartStream *stream)
{
  if (stream->ctxt != NULL)
    {
      /* xmlSAX2StartDocument's, holding the DTD if there was one. */
      if (stream->ctxt->myDoc != NULL)
        xmlFreeDoc (stream->ctxt->myDoc);
      xmlFreeParserCtxt (stream->ctxt);
    }
  g_clear_pointer (&stream->scanner, kefu_sheet_scanner_free);
  g_clear_object (&stream->input);
  g_clear_error (&stream->error);
  g_free (stream->xml_error);
  g_free (stream->chunk);
  g_free (stream);
}

/* Reads the next chunk of the part and parses it. FEED_DONE when the
 * part is all parsed or the callbacks set done. */
static FeedResult
part_stream_feed (PartStream *stream)
{
  gsf_off_t remaining = gsf_input_remaining (stream->input);
  int ret;

  if (remaining > 0)
    {
      gsize n = MIN (remaining, KEFU_XLSX_CHUNK_SIZE);

      /* When deflated data ends early, libgsf returns the buffer
       * part-filled; zeroes make that a parse error instead of stale
       * bytes. */
      memset (stream->chunk, 0, n);
      if (gsf_input_read (stream->input, n, stream->chunk) == NULL)
        {
          stream->broken = TRUE;
          return FEED_FAILED;
        }

      /* The directory's size is what libgsf stops at; counting anyway
       * keeps the bound whatever the directory says. */
      stream->consumed += n;
      if (stream->consumed > stream->limit)
        {
          stream->too_large = TRUE;
          return FEED_FAILED;
        }
      if (stream->scan_callbacks != NULL && stream->consumed == (gint64) n &&
          kefu_sheet_scanner_can_scan ((const char *) stream->chunk, n))
        stream->scanner = kefu_sheet_scanner_new (stream->scan_callbacks, stream);
      if (stream->scanner != NULL)
        ret = !kefu_sheet_scanner_feed (stream->scanner, (const char *) stream->chunk, n, FALSE);
      else
        ret = xmlParseChunk (stream->ctxt, (const char *) stream->chunk, n, 0);
    }
  else if (stream->scanner != NULL)
    ret = !kefu_sheet_scanner_feed (stream->scanner, NULL, 0, TRUE);
  else
    ret = xmlParseChunk (stream->ctxt, NULL, 0, 1);

  if (ret != 0 && stream->scanner != NULL && stream->xml_error == NULL)
    stream->xml_error = g_strdup_printf ("line %u: %s", kefu_sheet_scanner_get_line (stream->scanner),
                                         kefu_sheet_scanner_get_error (stream->scanner));

  /* The callbacks stop the parser, which then reports XML_ERR_USER_STOP. */
  if (stream->error != NULL || stream->failed)
    return FEED_FAILED;
  if (stream->done)
    return FEED_DONE;
  if (ret != 0)
    return FEED_FAILED;
  return remaining > 0 ? FEED_MORE : FEED_DONE;
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

/* Opens part @name for parsing with @sax, its callbacks finding
 * @user_data in the stream, refusing the part when it would inflate
 * past @limit. Returns %NULL without setting @error when the part is
 * absent and not @required. */
static PartStream *
open_part (KefuXlsxReader  *self,
           const char      *name,
           gint64           limit,
           gboolean         required,
           xmlSAXHandler   *sax,
           gpointer         user_data,
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
  stream->user_data = user_data;

  /* No user data: the callbacks get the context, as libxml2's own DTD
   * handlers need; the stream is its _private. */
  stream->ctxt = xmlCreatePushParserCtxt (sax, NULL, NULL, 0, NULL);
  if (stream->ctxt == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("the part “%s” is damaged."), name);

      part_stream_free (stream);
      set_format_error (self, error, detail);
      return NULL;
    }
  stream->ctxt->_private = stream;
  xmlCtxtUseOptions (stream->ctxt, KEFU_XLSX_PARSE_OPTIONS);
  stream->chunk = g_malloc (KEFU_XLSX_CHUNK_SIZE);
  return stream;
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

  if (stream->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&stream->error));
      return;
    }

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

/* An attribute value as libxml2's tree shows it. Without entity
 * substitution SAX2 gives an '&' as "&#38;" and leaves references to
 * entities the DTD declares, whose text the tree puts in the value;
 * @depth counts the entities @text is nested in. */
static void
append_attribute_value (GString    *out,
                        xmlDocPtr   doc,
                        const char *text,
                        const char *end,
                        guint       depth)
{
  while (text < end)
    {
      const char *amp = memchr (text, '&', end - text);
      const char *semicolon;

      if (amp == NULL)
        {
          g_string_append_len (out, text, end - text);
          break;
        }
      g_string_append_len (out, text, amp - text);
      semicolon = memchr (amp, ';', end - amp);
      if (semicolon == NULL)
        {
          /* The parser lets no such value through. */
          g_string_append_len (out, amp, end - amp);
          break;
        }
      text = semicolon + 1;

      if (amp[1] == '#')
        {
          gboolean hex = amp[2] == 'x';
          guint64 c = 0;

          for (const char *p = amp + (hex ? 3 : 2); p < semicolon && c <= 0x10FFFF; p++)
            {
              int digit = hex ? g_ascii_xdigit_value (*p) : g_ascii_digit_value (*p);

              if (digit < 0)
                {
                  c = 0;
                  break;
                }
              c = c * (hex ? 16 : 10) + digit;
            }
          if (c > 0 && c <= 0x10FFFF)
            g_string_append_unichar (out, c);
        }
      else
        {
          g_autofree char *name = g_strndup (amp + 1, semicolon - amp - 1);
          xmlEntityPtr entity = xmlGetDocEntity (doc, (const xmlChar *) name);
          const char *content;

          if (entity == NULL || entity->content == NULL)
            continue;
          content = (const char *) entity->content;
          if (entity->etype == XML_INTERNAL_PREDEFINED_ENTITY)
            g_string_append (out, content);
          /* libxml2 has refused loops and blowups in the DTD already. */
          else if (entity->etype == XML_INTERNAL_GENERAL_ENTITY
                   && depth < 40 && out->len < XML_MAX_TEXT_LENGTH)
            append_attribute_value (out, doc, content, content + strlen (content), depth + 1);
        }
    }
}

/* SAX2 gives an element or attribute whose prefix has no namespace
 * declared with its local name; the tree named it "prefix:name", which
 * matched none of ours. */
static inline gboolean
is_unbound (const xmlChar *prefix,
            const xmlChar *uri)
{
  return G_UNLIKELY (prefix != NULL && uri == NULL);
}

typedef enum
{
  EVENT_START,
  EVENT_END,
  EVENT_TEXT,
} EventKind;

typedef struct
{
  EventKind        kind;
  const char      *name;          /* the element's local name */
  const char      *text;          /* EVENT_TEXT, not NUL-terminated */
  gsize            length;
  const xmlChar  **attributes;    /* EVENT_START: SAX2's, five pointers each */
  int              n_attributes;  /* leaving out the DTD's defaults */
  xmlDocPtr        doc;           /* its DTD, if any */
} PartEvent;

typedef void (*PartFunc) (const PartEvent *event,
                          gpointer         user_data);

typedef struct
{
  PartFunc  func;
  gpointer  user_data;
} PartHandler;

/* The attribute @local_name of the element @event starts, whatever its
 * namespace prefix; free it with g_free(). */
static char *
get_attribute (const PartEvent *event,
               const char      *local_name)
{
  for (int i = 0; i < event->n_attributes; i++)
    {
      const xmlChar **attribute = event->attributes + 5 * i;

      if (strcmp ((const char *) attribute[0], local_name) == 0
          && !is_unbound (attribute[1], attribute[2]))
        {
          GString *value = g_string_new (NULL);

          append_attribute_value (value, event->doc, (const char *) attribute[3],
                                  (const char *) attribute[4], 0);
          return g_string_free (value, FALSE);
        }
    }
  return NULL;
}

static void
part_start_element (void           *ctx,
                    const xmlChar  *localname,
                    const xmlChar  *prefix,
                    const xmlChar  *uri,
                    int             n_namespaces,
                    const xmlChar **namespaces,
                    int             n_attributes,
                    int             n_defaulted,
                    const xmlChar **attributes)
{
  PartStream *stream = callback_stream (ctx);
  PartHandler *handler;
  PartEvent event = { EVENT_START, (const char *) localname, NULL, 0,
                      attributes, n_attributes - n_defaulted, NULL };

  if (stream == NULL)
    return;
  stream->text_length = 0;
  if (is_unbound (prefix, uri))
    return;
  event.doc = stream->ctxt->myDoc;
  handler = stream->user_data;
  handler->func (&event, handler->user_data);
}

static void
part_end_element (void          *ctx,
                  const xmlChar *localname,
                  const xmlChar *prefix,
                  const xmlChar *uri)
{
  PartStream *stream = callback_stream (ctx);
  PartHandler *handler;
  PartEvent event = { EVENT_END, (const char *) localname, NULL, 0, NULL, 0, NULL };

  if (stream == NULL)
    return;
  stream->text_length = 0;
  if (is_unbound (prefix, uri))
    return;
  handler = stream->user_data;
  handler->func (&event, handler->user_data);
}

static void
part_characters (void          *ctx,
                 const xmlChar *text,
                 int            length)
{
  PartStream *stream = callback_stream (ctx);
  PartHandler *handler;
  PartEvent event = { EVENT_TEXT, NULL, (const char *) text, length, NULL, 0, NULL };

  if (stream == NULL || !count_text (stream, length))
    return;
  handler = stream->user_data;
  handler->func (&event, handler->user_data);
}

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
  PartHandler handler = { func, user_data };
  xmlSAXHandler sax;
  PartStream *stream;
  FeedResult result;

  init_sax (&sax, part_start_element, part_end_element, part_characters);
  stream = open_part (self, part, limit, required, &sax, &handler, &local_error);
  if (stream == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  while ((result = part_stream_feed (stream)) == FEED_MORE)
    ;
  if (result == FEED_FAILED)
    set_read_error (self, stream, part, NULL, 0, error);
  part_stream_free (stream);
  return result == FEED_DONE;
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
relationships_func (const PartEvent *event,
                    gpointer         user_data)
{
  Relationships *rels = user_data;
  g_autofree char *mode = NULL;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  g_autofree char *target = NULL;
  char *part;

  if (event->kind != EVENT_START || strcmp (event->name, "Relationship") != 0)
    return;

  mode = get_attribute (event, "TargetMode");
  if (mode != NULL && strcmp (mode, "External") == 0)
    return;

  id = get_attribute (event, "Id");
  type = get_attribute (event, "Type");
  target = get_attribute (event, "Target");
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
workbook_func (const PartEvent *event,
               gpointer         user_data)
{
  WorkbookParse *parse = user_data;
  KefuXlsxReader *self = parse->self;
  const char *name = event->name;

  if (event->kind == EVENT_TEXT)
    return;

  if (strcmp (name, "sheets") == 0)
    parse->in_sheets = event->kind == EVENT_START;
  else if (event->kind == EVENT_START && strcmp (name, "workbookPr") == 0)
    {
      g_autofree char *date1904 = get_attribute (event, "date1904");

      self->date1904 = is_true (date1904);
    }
  else if (event->kind == EVENT_START && parse->in_sheets && strcmp (name, "sheet") == 0)
    {
      g_autofree char *sheet_name = get_attribute (event, "name");
      g_autofree char *id = get_attribute (event, "id");   /* r:id */
      Sheet sheet = { NULL, NULL };

      if (sheet_name != NULL && sheet_name[0] != '\0')
        sheet.name = g_steal_pointer (&sheet_name);
      else
        sheet.name = g_strdup_printf (_("Sheet %u"), self->sheets->len + 1);
      if (id != NULL)
        sheet.part = g_strdup (g_hash_table_lookup (parse->targets, id));
      g_array_append_val (self->sheets, sheet);
    }
}

/* Shared strings */

static gboolean
is_hex4 (const char *p)
{
  return g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1])
         && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]);
}

static gunichar
hex4_value (const char *p)
{
  return g_ascii_xdigit_value (p[0]) << 12 | g_ascii_xdigit_value (p[1]) << 8
         | g_ascii_xdigit_value (p[2]) << 4 | g_ascii_xdigit_value (p[3]);
}

/* Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot hold
 * (carriage returns, control characters, a literal "_x" sequence) into
 * @out, which may be @text itself: an escape never decodes longer than
 * it is written. Returns the decoded length. */
static gsize
decode_escapes (const char *text,
                gsize       length,
                char       *out)
{
  const char *p = text;
  const char *end = text + length;
  char *o = out;

  while (p < end)
    {
      const char *mark = memchr (p, '_', end - p);
      gunichar c;

      if (mark == NULL)
        {
          memmove (o, p, end - p);
          o += end - p;
          break;
        }
      memmove (o, p, mark - p);
      o += mark - p;
      p = mark;

      if (end - p < 7 || p[1] != 'x' || p[6] != '_' || !is_hex4 (p + 2))
        {
          *o++ = '_';
          p++;
          continue;
        }

      c = hex4_value (p + 2);
      p += 7;

      /* Characters beyond the BMP come as two escaped UTF-16 halves. */
      if (c >= 0xD800 && c <= 0xDBFF && end - p >= 7 && p[0] == '_' && p[1] == 'x'
          && p[6] == '_' && is_hex4 (p + 2))
        {
          gunichar low = hex4_value (p + 2);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              p += 7;
            }
        }

      /* A NUL would cut the string short; a lone surrogate is no text. */
      if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
      o += g_unichar_to_utf8 (c, o);
    }
  return o - out;
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
shared_strings_func (const PartEvent *event,
                     gpointer         user_data)
{
  SharedStringsParse *parse = user_data;
  KefuXlsxReader *self = parse->self;
  const char *name = event->name;

  if (event->kind == EVENT_TEXT)
    {
      if (parse->in_item && parse->in_text && parse->phonetic_depth == 0)
        g_string_append_len (parse->text, event->text, event->length);
      return;
    }

  if (strcmp (name, "si") == 0)
    {
      if (event->kind == EVENT_START)
        {
          parse->in_item = TRUE;
          g_string_truncate (parse->text, 0);
        }
      else if (parse->in_item)
        {
          /* The table stays under 256 MiB, so 32-bit offsets do. */
          guint32 offset = self->sst_text->len;
          gsize length;

          g_string_set_size (self->sst_text, offset + parse->text->len);
          length = decode_escapes (parse->text->str, parse->text->len, self->sst_text->str + offset);
          g_string_truncate (self->sst_text, offset + length);
          g_string_append_c (self->sst_text, '\0');
          g_array_append_val (self->sst_offsets, offset);
          parse->in_item = FALSE;
        }
    }
  else if (strcmp (name, "t") == 0)
    parse->in_text = event->kind == EVENT_START;
  /* Phonetic runs (furigana) hold a reading, not the text. */
  else if (strcmp (name, "rPh") == 0)
    {
      if (event->kind == EVENT_START)
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
styles_func (const PartEvent *event,
             gpointer         user_data)
{
  StylesParse *parse = user_data;
  const char *name = event->name;
  guint64 id;

  if (event->kind == EVENT_TEXT)
    return;

  /* cellStyleXfs has <xf> elements too, but cells point into cellXfs. */
  if (strcmp (name, "cellXfs") == 0)
    parse->in_cell_xfs = event->kind == EVENT_START;
  else if (event->kind == EVENT_START && strcmp (name, "numFmt") == 0)
    {
      g_autofree char *id_text = get_attribute (event, "numFmtId");

      if (parse_uint (id_text, G_MAXUINT, &id))
        {
          g_autofree char *code = get_attribute (event, "formatCode");
          FormatKind format = classify_format_code (code);

          g_hash_table_insert (parse->custom, GUINT_TO_POINTER (id), GUINT_TO_POINTER (format + 1));
        }
    }
  else if (event->kind == EVENT_START && parse->in_cell_xfs && strcmp (name, "xf") == 0)
    {
      g_autofree char *id_text = get_attribute (event, "numFmtId");
      guint format_id;

      if (!parse_uint (id_text, G_MAXUINT, &id))
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
bytes_grow (Bytes *bytes,
            gsize  extra)
{
  gsize size = MAX (bytes->size, 4096);

  while (size - bytes->len < extra)
    size *= 2;
  bytes->data = g_realloc (bytes->data, size);
  bytes->size = size;
}

static inline void
bytes_append (Bytes      *bytes,
              const char *data,
              gsize       length)
{
  if (G_UNLIKELY (bytes->size - bytes->len < length))
    bytes_grow (bytes, length);
  memcpy (bytes->data + bytes->len, data, length);
  bytes->len += length;
}

static void
close_sheet (KefuXlsxReader *self)
{
  g_clear_pointer (&self->stream, part_stream_free);
  self->part_size = 0;
  self->part_consumed = 0;
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
  self->row_first_cell = 0;
  self->row_text_start = 0;
  self->row_n_cells = 0;
  g_array_set_size (self->queue_rows, 0);
  self->queue_cells.len = 0;
  self->queue_text.len = 0;
  self->queue_head = 0;
  g_array_set_size (self->cells, 0);
}

static const char *
current_sheet_name (KefuXlsxReader *self)
{
  return g_array_index (self->sheets, Sheet, self->sheet).name;
}

static void
stop_sheet (KefuXlsxReader  *self,
            const char      *format,
            ...) G_GNUC_PRINTF (2, 3);

/* A damaged sheet, found by the callbacks: @format is completed with
 * the sheet's name and the current row number, in that order. The
 * parser stops; the rows before are handed out, then the error. */
static void
stop_sheet (KefuXlsxReader  *self,
            const char      *format,
            ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->stream->error == NULL)
    set_format_error (self, &self->stream->error, detail);
  stop_stream (self->stream);
}

/* Column A is 0. Returns FALSE when @ref has no column letters. */
static gboolean
parse_column (const char *ref,
              gsize       length,
              guint      *column)
{
  guint value = 0;
  gsize i;

  for (i = 0; i < length && g_ascii_isalpha (ref[i]); i++)
    {
      value = value * 26 + (g_ascii_toupper (ref[i]) - 'A' + 1);
      if (value > KEFU_XLSX_MAX_COLUMNS + 1)
        break;
    }
  if (i == 0)
    return FALSE;
  *column = value - 1;
  return TRUE;
}

/* parse_uint() on @length bytes: digits only, at most @max. */
static gboolean
parse_uint_length (const char *text,
                   gsize       length,
                   guint64     max,
                   guint64    *out)
{
  guint64 value = 0;

  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (value > (max - (text[i] - '0')) / 10)
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* The value of a SAX2 attribute, '&' decoded in the rare value that has
 * one; valid until the next call. */
static const char *
attribute_value (KefuXlsxReader  *self,
                 const xmlChar  **attribute,
                 gsize           *length)
{
  const char *value = (const char *) attribute[3];
  const char *end = (const char *) attribute[4];
  const char *p;

  /* Values here are a few bytes: a loop beats memchr(). */
  for (p = value; p < end && *p != '&'; p++)
    ;
  if (p == end)
    {
      *length = end - value;
      return value;
    }
  g_string_truncate (self->scratch, 0);
  append_attribute_value (self->scratch,
                          self->stream->scanner == NULL ? self->stream->ctxt->myDoc : NULL,
                          value, end, 0);
  *length = self->scratch->len;
  return self->scratch->str;
}

static void
begin_row (KefuXlsxReader  *self,
           const xmlChar  **attributes,
           int              n_attributes)
{
  guint64 number;

  /* Without r, a row follows the one before. */
  self->row_number++;
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;

      if (strcmp ((const char *) attribute[0], "r") == 0
          && !is_unbound (attribute[1], attribute[2]))
        {
          gsize length;
          const char *r = attribute_value (self, attribute, &length);

          if (parse_uint_length (r, length, G_MAXUINT32, &number) && number > 0)
            self->row_number = number;
          break;
        }
    }

  self->in_row = TRUE;
  /* A cell the row is nested in is lost with the row it was in. */
  self->in_cell = FALSE;
  self->next_column = 0;
  self->row_first_cell = self->queue_cells.len;
  self->row_text_start = self->queue_text.len;
  self->row_n_cells = 0;
}

static void
begin_cell (KefuXlsxReader  *self,
            const xmlChar  **attributes,
            int              n_attributes)
{
  guint column = self->next_column;
  guint64 style = 0;

  self->cell_kind = VALUE_NUMBER;
  self->cell_style = 0;

  /* The hot path: one pass over the attributes, nothing copied. */
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;
      const char *name = (const char *) attribute[0];
      const char *value;
      gsize length;

      if (name[1] != '\0' || is_unbound (attribute[1], attribute[2]))
        continue;
      value = attribute_value (self, attribute, &length);

      switch (name[0])
        {
        case 'r':
          if (!parse_column (value, length, &column))
            column = self->next_column;
          break;
        case 's':
          if (parse_uint_length (value, length, G_MAXUINT, &style))
            self->cell_style = style;
          break;
        case 't':
          if (length == 1 && value[0] == 's')
            self->cell_kind = VALUE_SHARED;
          else if ((length == 3 && memcmp (value, "str", 3) == 0)
                   || (length == 9 && memcmp (value, "inlineStr", 9) == 0))
            self->cell_kind = VALUE_STRING;
          else if (length == 1 && value[0] == 'b')
            self->cell_kind = VALUE_BOOLEAN;
          else if (length == 1 && value[0] == 'e')
            self->cell_kind = VALUE_ERROR;
          else if (length == 1 && value[0] == 'd')
            self->cell_kind = VALUE_ISO_DATE;
          break;
        default:
          break;
        }
    }

  if (column >= KEFU_XLSX_MAX_COLUMNS)
    {
      stop_sheet (self, _("in the sheet “%s”, row %lu has a cell beyond the last column (XFD)."),
                  current_sheet_name (self), (gulong) self->row_number);
      return;
    }

  self->cell_column = column;
  self->next_column = column + 1;
  self->in_cell = TRUE;
  self->in_value = FALSE;
  self->in_inline = FALSE;
  self->in_text = FALSE;
  self->phonetic_depth = 0;
  self->cell_text_start = self->queue_text.len;
}

/* Puts a cell with a value in the row, its text either @text, which
 * must outlive the queue (static or shared strings), or at @text_offset
 * in the queue's text: 1 + the offset, since the buffer's address is
 * only fixed once the chunk is parsed. */
static void
store_cell (KefuXlsxReader *self,
            KefuCellType    type,
            double          number,
            const char     *text,
            gsize           text_offset)
{
  CellQueue *queue = &self->queue_cells;
  QueuedCell *cell;

  if (G_UNLIKELY (queue->len == queue->size))
    {
      queue->size = MAX (2 * queue->size, 256);
      queue->data = g_renew (QueuedCell, queue->data, queue->size);
    }
  cell = &queue->data[queue->len++];
  cell->column = self->cell_column;
  cell->type = type;
  cell->number = number;
  cell->text = text;
  cell->text_offset = text_offset;
  if (self->row_n_cells <= cell->column)
    self->row_n_cells = cell->column + 1;
}


static gboolean
parse_number (const char *text,
              double     *number)
{
  /* Exact as doubles, as is every integer up to 2^53. */
  static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const guint64 max_exact = G_GUINT64_CONSTANT (1) << 53;
  const char *p = text;
  guint64 digits = 0;
  guint n_digits = 0;
  guint n_decimals = 0;
  gboolean negative = FALSE;
  double value;
  char *end;

  /* Most numbers in a sheet are plain decimals, which strtod() spends
   * hundreds of instructions on: one of at most 2^53 as digits and at
   * most 22 decimals is the quotient of two exact doubles, which IEEE
   * division rounds correctly, so it equals strtod()'s value. */
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    if ((digits = digits * 10 + (*p - '0')) > max_exact)
      goto slow;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, n_digits++, n_decimals++)
      if ((digits = digits * 10 + (*p - '0')) > max_exact)
        goto slow;
  if (*p != '\0' || n_digits == 0 || n_decimals >= G_N_ELEMENTS (powers_of_ten))
    goto slow;

  value = (double) digits / powers_of_ten[n_decimals];
  *number = negative ? -value : value;
  return TRUE;

slow:
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

/* The cell's content is in queue_text from cell_text_start: it stays
 * there as the cell's text, or goes when the cell keeps none. */
static void
finish_cell (KefuXlsxReader *self)
{
  Bytes *bytes = &self->queue_text;
  gsize start = self->cell_text_start;
  gsize length = bytes->len - start;
  gsize offset = start + 1;
  gsize skip = 0;
  char *text;
  double number;

  self->in_cell = FALSE;

  if (self->cell_kind == VALUE_STRING)
    {
      /* Text keeps its spaces; only the escapes are decoded. */
      if (length > 0)
        {
          text = bytes->data + start;
          if (memchr (text, '_', length) != NULL)
            bytes->len = start + decode_escapes (text, length, text);
          bytes_append (bytes, "", 1);
          store_cell (self, KEFU_CELL_TEXT, 0, NULL, offset);
        }
      return;
    }

  /* Anything else is read without the spaces around it. */
  if (length == 0)
    return;
  text = bytes->data + start;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  while (skip < length && g_ascii_isspace (text[skip]))
    skip++;
  if (skip == length)
    {
      bytes->len = start;
      return;
    }
  memmove (text, text + skip, length - skip);
  bytes->len = start + length - skip;
  bytes_append (bytes, "", 1);
  text = bytes->data + start;

  switch (self->cell_kind)
    {
    case VALUE_SHARED:
      {
        guint64 index;
        const char *shared;

        bytes->len = start;
        if (!parse_uint (text, G_MAXUINT32, &index) || index >= self->sst_offsets->len)
          {
            stop_sheet (self, _("in the sheet “%s”, row %lu refers to a text that is missing."),
                        current_sheet_name (self), (gulong) self->row_number);
            return;
          }
        shared = self->sst_text->str + g_array_index (self->sst_offsets, guint32, index);
        if (shared[0] != '\0')
          store_cell (self, KEFU_CELL_TEXT, 0, shared, 0);
      }
      break;

    case VALUE_BOOLEAN:
      bytes->len = start;
      if (is_true (text) || (parse_number (text, &number) && number != 0))
        store_cell (self, KEFU_CELL_BOOLEAN, 1, "TRUE", 0);
      else
        store_cell (self, KEFU_CELL_BOOLEAN, 0, "FALSE", 0);
      break;

    case VALUE_ERROR:
      store_cell (self, KEFU_CELL_ERROR, 0, NULL, offset);
      break;

    case VALUE_ISO_DATE:
      if (parse_iso_datetime (text, &number))
        store_cell (self, KEFU_CELL_DATETIME, number, NULL, offset);
      else
        store_cell (self, KEFU_CELL_TEXT, 0, NULL, offset);
      break;

    case VALUE_NUMBER:
    case VALUE_STRING:
    default:
      if (!parse_number (text, &number))
        {
          /* Not what a number cell should hold, but still the content. */
          store_cell (self, KEFU_CELL_TEXT, 0, NULL, offset);
          break;
        }
      if (self->cell_style < self->xf_formats->len)
        {
          FormatKind format = self->xf_formats->data[self->cell_style];

          if (format == FORMAT_DATE)
            {
              if (self->date1904)
                number += KEFU_XLSX_1904_OFFSET;
              store_cell (self, KEFU_CELL_DATETIME, number, NULL, offset);
              break;
            }
          if (format == FORMAT_TIME)
            {
              store_cell (self, KEFU_CELL_DATETIME, number, NULL, offset);
              break;
            }
        }
      store_cell (self, KEFU_CELL_NUMBER, number, NULL, offset);
      break;
    }
}

/* Queues the row when it has a value. */
static void
finish_row (KefuXlsxReader *self)
{
  QueuedRow row;

  self->in_row = FALSE;
  if (self->row_n_cells == 0)
    return;

  row.number = self->row_number;
  row.first_cell = self->row_first_cell;
  row.end_cell = self->queue_cells.len;
  row.n_cells = self->row_n_cells;
  g_array_append_val (self->queue_rows, row);
}

/* The sheet's handlers, for libxml2's parser and the scanner alike. */
static void
sheet_start (PartStream     *stream,
             const char     *name,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_attributes,
             const xmlChar **attributes)
{
  KefuXlsxReader *self;

  stream->text_length = 0;
  if (is_unbound (prefix, uri))
    return;
  self = stream->user_data;

  if (!self->in_sheet_data)
    {
      if (strcmp (name, "sheetData") == 0)
        self->in_sheet_data = TRUE;
      return;
    }

  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0' && self->in_row)
        begin_cell (self, attributes, n_attributes);
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
        begin_row (self, attributes, n_attributes);
      else if (strcmp (name, "rPh") == 0 && self->in_cell)
        self->phonetic_depth++;
      break;
    default:
      break;
    }
}

static void
sheet_end (PartStream    *stream,
           const char    *name,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  KefuXlsxReader *self;

  stream->text_length = 0;
  if (is_unbound (prefix, uri))
    return;
  self = stream->user_data;
  if (!self->in_sheet_data)
    return;

  switch (name[0])
    {
    case 'c':
      if (name[1] == '\0' && self->in_cell)
        finish_cell (self);
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
        finish_row (self);
      else if (strcmp (name, "rPh") == 0 && self->phonetic_depth > 0)
        self->phonetic_depth--;
      break;
    case 's':
      /* Nothing after the cells (merges, filters, …) is for us. */
      if (strcmp (name, "sheetData") == 0)
        {
          stream->done = TRUE;
          stop_stream (stream);
        }
      break;
    default:
      break;
    }
}

static void
sheet_text (PartStream *stream,
            const char *text,
            gsize       length)
{
  KefuXlsxReader *self;

  if (length > G_MAXINT || !count_text (stream, (int) length))
    return;
  self = stream->user_data;
  if (self->in_cell && (self->in_value || (self->in_text && self->phonetic_depth == 0)))
    bytes_append (&self->queue_text, text, length);
}

static void
sheet_start_element (void           *ctx,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     int             n_defaulted,
                     const xmlChar **attributes)
{
  PartStream *stream = callback_stream (ctx);

  /* The tree leaves out attributes only the DTD gives. */
  if (stream != NULL)
    sheet_start (stream, (const char *) localname, prefix, uri, n_attributes - n_defaulted, attributes);
}

static void
sheet_end_element (void          *ctx,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  PartStream *stream = callback_stream (ctx);

  if (stream != NULL)
    sheet_end (stream, (const char *) localname, prefix, uri);
}

static void
sheet_characters (void          *ctx,
                  const xmlChar *text,
                  int            length)
{
  PartStream *stream = callback_stream (ctx);

  if (stream != NULL)
    sheet_text (stream, (const char *) text, length);
}

static void
scanned_start (gpointer      user_data,
               const char   *localname,
               const char   *prefix,
               const char   *uri,
               int           n_attributes,
               const char  **attributes)
{
  sheet_start (user_data, localname, (const xmlChar *) prefix, (const xmlChar *) uri,
               n_attributes, (const xmlChar **) attributes);
}

static void
scanned_end (gpointer    user_data,
             const char *localname,
             const char *prefix,
             const char *uri)
{
  sheet_end (user_data, localname, (const xmlChar *) prefix, (const xmlChar *) uri);
}

static void
scanned_text (gpointer    user_data,
              const char *text,
              gsize       length)
{
  sheet_text (user_data, text, length);
}

static const KefuSheetScannerCallbacks sheet_scanner_callbacks = {
  scanned_start,
  scanned_end,
  scanned_text,
};

/* Before the next chunk: the queue is empty but for the row being
 * parsed, which moves to the front. */
static void
drain_queue (KefuXlsxReader *self)
{
  g_array_set_size (self->queue_rows, 0);
  self->queue_head = 0;

  if (!self->in_row)
    {
      self->queue_cells.len = 0;
      self->queue_text.len = 0;
      self->in_cell = FALSE;   /* only ever begun in a row */
      return;
    }

  if (self->row_first_cell > 0)
    {
      self->queue_cells.len -= self->row_first_cell;
      memmove (self->queue_cells.data, self->queue_cells.data + self->row_first_cell,
               self->queue_cells.len * sizeof (QueuedCell));
      self->row_first_cell = 0;
    }
  if (self->row_text_start > 0)
    {
      QueuedCell *cells = self->queue_cells.data;

      for (guint i = 0; i < self->queue_cells.len; i++)
        if (cells[i].text_offset != 0)
          cells[i].text_offset -= self->row_text_start;
      memmove (self->queue_text.data, self->queue_text.data + self->row_text_start,
               self->queue_text.len - self->row_text_start);
      self->queue_text.len -= self->row_text_start;
      if (self->in_cell)
        self->cell_text_start -= self->row_text_start;
      self->row_text_start = 0;
    }
}

/* The next row of the queue, as the importer gets it. */
static const KefuRow *
hand_out_row (KefuXlsxReader *self)
{
  const QueuedRow *queued = &g_array_index (self->queue_rows, QueuedRow, self->queue_head++);
  const QueuedCell *queued_cells = self->queue_cells.data;
  const char *text = self->queue_text.data;
  KefuCell *cells;

  /* Both clear: the cells without a value are EMPTY. */
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->cells, queued->n_cells);
  cells = (KefuCell *) (gpointer) self->cells->data;

  /* In file order, so a later cell for the same column wins. */
  for (guint i = queued->first_cell; i < queued->end_cell; i++)
    {
      const QueuedCell *from = &queued_cells[i];
      KefuCell *cell = &cells[from->column];

      cell->type = from->type;
      cell->number = from->number;
      cell->text = from->text_offset != 0 ? text + from->text_offset - 1 : from->text;
    }

  self->row.number = queued->number;
  self->row.n_cells = queued->n_cells;
  self->row.cells = cells;
  return &self->row;
}

static const KefuRow *
kefu_xlsx_reader_next_row (KefuTableReader  *reader,
                           GError          **error)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (reader);

  for (;;)
    {
      PartStream *stream = self->stream;

      if (self->queue_head < self->queue_rows->len)
        return hand_out_row (self);
      if (self->sheet_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->sheet_error));
          return NULL;
        }
      if (self->finished || stream == NULL)
        return NULL;

      self->started = TRUE;
      drain_queue (self);

      switch (part_stream_feed (stream))
        {
        case FEED_MORE:
          self->part_consumed = stream->consumed;
          break;
        case FEED_DONE:
          /* Let the part go now rather than when the sheet changes. */
          self->part_consumed = stream->consumed;
          g_clear_pointer (&self->stream, part_stream_free);
          self->finished = TRUE;
          break;
        case FEED_FAILED:
        default:
          {
            Sheet *sheet = &g_array_index (self->sheets, Sheet, self->sheet);

            set_read_error (self, stream, sheet->part, sheet->name, self->row_number,
                            &self->sheet_error);
            g_clear_pointer (&self->stream, part_stream_free);
          }
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
  xmlSAXHandler sax;
  Sheet *sheet;

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

  init_sax (&sax, sheet_start_element, sheet_end_element, sheet_characters);
  self->stream = open_part (self, sheet->part, KEFU_XLSX_MAX_PART_SIZE, TRUE, &sax, self, error);
  if (self->stream == NULL)
    {
      self->finished = TRUE;
      return FALSE;
    }
  self->part_size = self->stream->size;
  self->stream->scan_callbacks = &sheet_scanner_callbacks;
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
  if (!self->started || self->part_size <= 0)
    return 0.0;
  return CLAMP ((double) self->part_consumed / self->part_size, 0.0, 1.0);
}

static void
kefu_xlsx_reader_finalize (GObject *object)
{
  KefuXlsxReader *self = KEFU_XLSX_READER (object);

  g_clear_pointer (&self->stream, part_stream_free);
  g_clear_error (&self->sheet_error);
  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->folded_entries, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_string_free (self->sst_text, TRUE);
  g_clear_pointer (&self->sst_offsets, g_array_unref);
  g_clear_pointer (&self->xf_formats, g_byte_array_unref);
  g_string_free (self->scratch, TRUE);
  g_clear_pointer (&self->queue_rows, g_array_unref);
  g_free (self->queue_cells.data);
  g_free (self->queue_text.data);
  g_clear_pointer (&self->cells, g_array_unref);

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
  self->scratch = g_string_new (NULL);
  self->queue_rows = g_array_new (FALSE, FALSE, sizeof (QueuedRow));
  self->cells = g_array_new (FALSE, TRUE, sizeof (KefuCell));
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
