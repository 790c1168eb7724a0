/* test-sheet-scanner.c — the worksheet scanner against libxml2
 *
 * The scanner must read what libxml2's SAX2 parser reads, the same way,
 * and refuse what it refuses: every document here goes through both, the
 * scanner fed in chunks of every size from 1 byte to 9, of 100, 257 and
 * 1,000 bytes, and whole, and the
 * events they report (elements, whether their prefixes are bound,
 * attributes with references decoded, text joined between markup) must
 * be the same — or both must find the document malformed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "io/kefu-sheet-scanner.h"

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

typedef struct
{
  GString *events;
  GString *text;     /* since the last markup */
} Recorder;

/* Character references and the predefined entities, as both give them
 * (libxml2 keeps a '&' of an attribute as "&#38;"). */
static void
append_decoded (GString    *out,
                const char *p,
                const char *end)
{
  while (p < end)
    {
      const char *semicolon;

      if (*p != '&' || (semicolon = memchr (p, ';', end - p)) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (p[1] == '#')
        g_string_append_unichar (out, p[2] == 'x' ? g_ascii_strtoull (p + 3, NULL, 16)
                                                  : g_ascii_strtoull (p + 2, NULL, 10));
      else if (strncmp (p, "&lt;", 4) == 0)
        g_string_append_c (out, '<');
      else if (strncmp (p, "&gt;", 4) == 0)
        g_string_append_c (out, '>');
      else if (strncmp (p, "&amp;", 5) == 0)
        g_string_append_c (out, '&');
      else if (strncmp (p, "&quot;", 6) == 0)
        g_string_append_c (out, '"');
      else if (strncmp (p, "&apos;", 6) == 0)
        g_string_append_c (out, '\'');
      else
        g_string_append_len (out, p, semicolon + 1 - p);
      p = semicolon + 1;
    }
}

static void
flush_text (Recorder *r)
{
  if (r->text->len > 0)
    g_string_append_printf (r->events, "text \"%s\"\n", r->text->str);
  g_string_truncate (r->text, 0);
}

static void
record_start (Recorder    *r,
              const char  *local,
              const char  *prefix,
              const char  *uri,
              int          n_attributes,
              const char **attributes)
{
  flush_text (r);
  g_string_append_printf (r->events, "start %s%s%s%s", prefix ? prefix : "", prefix ? ":" : "", local,
                          prefix != NULL && uri == NULL ? " (unbound)" : "");
  for (int i = 0; i < n_attributes; i++)
    {
      const char **a = attributes + 5 * i;

      g_string_append_printf (r->events, " %s%s%s%s=\"", a[1] ? a[1] : "", a[1] ? ":" : "", a[0],
                              a[1] != NULL && a[2] == NULL ? " (unbound)" : "");
      append_decoded (r->events, a[3], a[4]);
      g_string_append_c (r->events, '"');
    }
  g_string_append_c (r->events, '\n');
}

static void
record_end (Recorder   *r,
            const char *local,
            const char *prefix,
            const char *uri)
{
  flush_text (r);
  g_string_append_printf (r->events, "end %s%s%s\n", prefix ? prefix : "", prefix ? ":" : "", local);
}

/* libxml2's side. */

static void
xml_start (void           *ctx,
           const xmlChar  *local,
           const xmlChar  *prefix,
           const xmlChar  *uri,
           int             n_namespaces,
           const xmlChar **namespaces,
           int             n_attributes,
           int             n_defaulted,
           const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;

  record_start (ctxt->_private, (const char *) local, (const char *) prefix, (const char *) uri,
                n_attributes, (const char **) attributes);
}

static void
xml_end (void          *ctx,
         const xmlChar *local,
         const xmlChar *prefix,
         const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;

  record_end (ctxt->_private, (const char *) local, (const char *) prefix, (const char *) uri);
}

static void
xml_text (void          *ctx,
          const xmlChar *text,
          int            length)
{
  xmlParserCtxtPtr ctxt = ctx;
  Recorder *r = ctxt->_private;

  g_string_append_len (r->text, (const char *) text, length);
}

static void
xml_ignore (void *ctx, const xmlChar *a, const xmlChar *b)
{
}

static void
xml_ignore_comment (void *ctx, const xmlChar *a)
{
}

static gboolean
parse_with_libxml2 (const char *xml,
                    GString    *events)
{
  Recorder r = { events, g_string_new (NULL) };
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt;
  gboolean ok;

  memset (&sax, 0, sizeof sax);
  xmlSAXVersion (&sax, 2);
  sax.startElementNs = xml_start;
  sax.endElementNs = xml_end;
  sax.characters = xml_text;
  sax.ignorableWhitespace = xml_text;
  sax.cdataBlock = xml_text;
  sax.comment = xml_ignore_comment;
  sax.processingInstruction = xml_ignore;
  sax.reference = NULL;
  sax.warning = NULL;
  sax.error = NULL;
  sax.fatalError = NULL;
  sax.serror = NULL;
  ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, NULL);
  ctxt->_private = &r;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ok = xmlParseChunk (ctxt, xml, strlen (xml), 1) == 0 && ctxt->wellFormed;
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  xmlFreeParserCtxt (ctxt);
  g_string_free (r.text, TRUE);
  return ok;
}

/* The scanner's side. */

static void
scan_start (gpointer     user_data,
            const char  *local,
            const char  *prefix,
            const char  *uri,
            int          n_attributes,
            const char **attributes)
{
  record_start (user_data, local, prefix, uri, n_attributes, attributes);
}

static void
scan_end (gpointer    user_data,
          const char *local,
          const char *prefix,
          const char *uri)
{
  record_end (user_data, local, prefix, uri);
}

static void
scan_text (gpointer    user_data,
           const char *text,
           gsize       length)
{
  Recorder *r = user_data;

  g_string_append_len (r->text, text, length);
}

static const KefuSheetScannerCallbacks callbacks = { scan_start, scan_end, scan_text };

static gboolean
scan_in_chunks (const char *xml,
                gsize       chunk,
                GString    *events)
{
  Recorder r = { events, g_string_new (NULL) };
  g_autoptr(KefuSheetScanner) scanner = kefu_sheet_scanner_new (&callbacks, &r);
  gsize length = strlen (xml);
  gboolean ok = TRUE;

  for (gsize offset = 0; ok && offset < length; offset += chunk)
    ok = kefu_sheet_scanner_feed (scanner, xml + offset, MIN (chunk, length - offset), FALSE);
  ok = ok && kefu_sheet_scanner_feed (scanner, NULL, 0, TRUE);
  g_string_free (r.text, TRUE);
  return ok;
}

static void
check_as_libxml2 (const char *xml)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  gboolean well_formed = parse_with_libxml2 (xml, expected);

  /* Small chunks cut every token; larger ones make a carried token take
   * more of the next chunk, in steps. */
  static const gsize sizes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 257, 1000, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GString) events = g_string_new (NULL);
      gsize size = sizes[i] == 0 ? strlen (xml) + 1 : sizes[i];
      gboolean ok = scan_in_chunks (xml, size, events);

      if (ok != well_formed)
        g_error ("%s\nlibxml2 finds it %s, the scanner in chunks of %zu bytes %s",
                 xml, well_formed ? "well formed" : "malformed", size, ok ? "well formed" : "malformed");
      if (well_formed)
        g_assert_cmpstr (events->str, ==, expected->str);
    }
}

static void
test_well_formed (void)
{
  static const char * const documents[] = {
    /* As Excel writes a sheet. */
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    "<worksheet xmlns=\"" MAIN "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac\" "
    "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">"
    "<dimension ref=\"A1:C2\"/><sheetData>"
    "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" s=\"1\"><v>36.99</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>小鹿女装旗舰店:小安</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\"><f>B1*2</f><v>73.98</v></c></row>"
    "</sheetData></worksheet>",
    /* Prefixed elements, a namespace declared inside and one out of scope. */
    "\xEF\xBB\xBF<x:worksheet xmlns:x=\"" MAIN "\"><x:sheetData><x:row><x:c r='A1'><x:v>1</x:v></x:c>"
    "<p:ext xmlns:p=\"urn:p\" p:a=\"1\"/><p:after/></x:row></x:sheetData></x:worksheet>",
    /* References, CDATA, comments, instructions, line ends. */
    "<a b=\"x&amp;y&lt;&#65;&#x4E2D;&quot;&apos;\" c = 'it&apos;s'>"
    "a&amp;b&lt;c&gt;&#x4E2D;&#20013;&quot;&apos;>]"
    "<![CDATA[<b>&amp;]]]]><!-- a comment -->x<?pi data?>y\r\nz\rw\t"
    "<e/><f></f>  </a>\n<!-- after -->\n",
    /* Text of every width of UTF-8. */
    "<t>é中𠀀 ÿ\xEF\xBF\xBD</t>",
    "<worksheet/>",
    "<a xmlns=\"urn:u\"><b xmlns=\"\"><c/></b></a>",
    "<a><b a='1' b=\"2\"   c\t=\n'3'/></a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    check_as_libxml2 (documents[i]);
}

static void
test_malformed (void)
{
  static const char * const documents[] = {
    "<a><b></a>",
    "<a>&foo;</a>",
    "<a b=\"&foo;\"/>",
    "<a>&#0;</a>",
    "<a>&#xD800;</a>",
    "<a>&#;</a>",
    "<a>&amp</a>",
    "<a>\x01</a>",
    "<a b=\"\x01\"/>",
    "<a>\xFF</a>",
    "<a>\xC3</a>",
    "<a>\xE4\xB8</a>",
    "<a>\xED\xA0\x80</a>",
    "<a>\xC0\xAF</a>",
    "<a b=\"\xFF\"/>",
    "<a></a><b/>",
    "<a>",
    "<a><b>",
    "x<a/>",
    "<a/>x",
    "<a b=\"<\"/>",
    "<a b=\"1\"c=\"2\"/>",
    "<a b=1/>",
    "<a b/>",
    "<a b=\"1\" b=\"2\"/>",
    "<a><!DOCTYPE x></a>",
    "<a>]]></a>",
    "<1a/>",
    "<a 1b=\"1\"/>",
    "< a/>",
    "<a></ a>",
    "<a/ >",
    "</a>",
    "",
    "   ",
    "<a><!-- unfinished </a>",
    "<a><![CDATA[ unfinished </a>",
    "<a><![CDATA[\x01]]></a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    check_as_libxml2 (documents[i]);
}

/* Names that XML allows and its namespaces do not: libxml2 reads on (with
 * a namespace error), the scanner refuses them. No sheet has them. */
static void
test_namespace_errors (void)
{
  static const char * const documents[] = { "<a:b:c/>", "<:a/>", "<a:/>", "<a x:y:z=\"1\"/>" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GString) events = g_string_new (NULL);

      g_assert_false (scan_in_chunks (documents[i], 4, events));
    }
}

/* The scanner remembers the first names it meets and copies the others
 * at each tag: both kinds must read alike, in any mix, and tokens longer
 * than a chunk must read whole. */
static void
test_many_names (void)
{
  g_autoptr(GString) xml = g_string_new ("<root xmlns:p0=\"urn:0\">");
  g_autofree char *long_name = g_strnfill (600, 'n');
  g_autofree char *long_value = g_strnfill (3000, 'v');
  g_autofree char *well_formed = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (xml, "<e%u a%u=\"%u\" p0:b%u='x&amp;%u'><e%u/>t%u</e%u>",
                            i, i, i, i, i, i % 7, i, i);
  /* Namespaces declared and used by names past those remembered. */
  g_string_append (xml, "<q:x xmlns:q=\"urn:q\" q:y=\"1\" z=\"2\"><q:w/></q:x>");
  for (guint i = 0; i < 100; i += 9)
    g_string_append_printf (xml, "<e%u a%u=\"again\"/>", i, i);
  g_string_append_printf (xml, "<%s v=\"%s\" w=\"&lt;%s\">%s</%s>",
                          long_name, long_value, long_value, long_value, long_name);
  well_formed = g_strconcat (xml->str, "</root>", NULL);
  check_as_libxml2 (well_formed);

  {
    static const char * const endings[] = {
      "<e90 a90=\"1\" a90=\"2\"/></root>",     /* an attribute twice */
      "<e91 a90=\"1\" p0:b90=\"2\" p0:b90=\"3\"/></root>",
      "<e92></e93></root>",                     /* an end tag of another name */
      "<e94 a1=\"1\" a1=\"2\"/></root>",        /* remembered, twice */
      "<e95 a95=\"&bad;\"/></root>",
      "<e96 a96=\"x<y\"/></root>",
      "<e97 a97=\"\x01\"/></root>",
      "<1e/></root>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
      {
        g_autofree char *malformed = g_strconcat (xml->str, endings[i], NULL);

        check_as_libxml2 (malformed);
      }
  }
}

/* What is not for the scanner is left to libxml2. */
static void
test_can_scan (void)
{
  g_assert_true (kefu_sheet_scanner_can_scan ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>", 40));
  g_assert_true (kefu_sheet_scanner_can_scan ("<?xml version='1.0' encoding='utf-8'?><a/>", 40));
  g_assert_true (kefu_sheet_scanner_can_scan ("<?xml version=\"1.0\"?><a/>", 25));
  g_assert_true (kefu_sheet_scanner_can_scan ("\xEF\xBB\xBF<a/>", 7));
  g_assert_false (kefu_sheet_scanner_can_scan ("<?xml version=\"1.0\" encoding=\"GB18030\"?><a/>", 44));
  g_assert_false (kefu_sheet_scanner_can_scan ("\xFF\xFE<\0a\0/\0>\0", 10));
  g_assert_false (kefu_sheet_scanner_can_scan ("<\0a\0/\0>\0", 8));
  g_assert_false (kefu_sheet_scanner_can_scan ("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", 40));
  g_assert_false (kefu_sheet_scanner_can_scan ("<?xml version=\"1.0\"", 19));
}

/* A handler stops the scanner: nothing more is reported. */
static void
stop_at_b (gpointer     user_data,
           const char  *local,
           const char  *prefix,
           const char  *uri,
           int          n_attributes,
           const char **attributes)
{
  KefuSheetScanner **scanner = user_data;

  if (g_str_equal (local, "b"))
    kefu_sheet_scanner_stop (*scanner);
  else
    g_assert_cmpstr (local, ==, "a");
}

static void
ignore_end (gpointer user_data, const char *local, const char *prefix, const char *uri)
{
}

static void
ignore_text (gpointer user_data, const char *text, gsize length)
{
  g_assert_not_reached ();
}

static void
test_stop (void)
{
  static const KefuSheetScannerCallbacks stopping = { stop_at_b, ignore_end, ignore_text };
  KefuSheetScanner *scanner = NULL;
  const char *xml = "<a><b/>text<c/> and what is not even XML <<<";

  scanner = kefu_sheet_scanner_new (&stopping, &scanner);
  g_assert_true (kefu_sheet_scanner_feed (scanner, xml, strlen (xml), FALSE));
  g_assert_true (kefu_sheet_scanner_feed (scanner, NULL, 0, TRUE));
  kefu_sheet_scanner_free (scanner);
}

/* An error says its line: that of the bytes read when it was found. */
static void
test_error_line (void)
{
  const char *xml = "<a>\n<b>\n\n</c>";
  Recorder r = { g_string_new (NULL), g_string_new (NULL) };
  KefuSheetScanner *scanner = kefu_sheet_scanner_new (&callbacks, &r);

  g_assert_false (kefu_sheet_scanner_feed (scanner, xml, strlen (xml), TRUE));
  g_assert_cmpuint (kefu_sheet_scanner_get_line (scanner), ==, 4);
  g_assert_cmpstr (kefu_sheet_scanner_get_error (scanner), ==,
                   "an end tag that does not match its start tag");
  kefu_sheet_scanner_free (scanner);
  g_string_free (r.events, TRUE);
  g_string_free (r.text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/SheetScanner/well-formed", test_well_formed);
  g_test_add_func ("/io/SheetScanner/malformed", test_malformed);
  g_test_add_func ("/io/SheetScanner/namespace-errors", test_namespace_errors);
  g_test_add_func ("/io/SheetScanner/many-names", test_many_names);
  g_test_add_func ("/io/SheetScanner/can-scan", test_can_scan);
  g_test_add_func ("/io/SheetScanner/stop", test_stop);
  g_test_add_func ("/io/SheetScanner/error-line", test_error_line);

  return g_test_run ();
}
