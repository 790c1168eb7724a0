/* kefu-sheet-scanner.c — a worksheet part's XML, scanned without libxml2
 *
 * A sheet of 200,000 orders is over 100 MB of XML. libxml2 spends four
 * times as long parsing it as zlib spends inflating it (bench/RESULTS.md:
 * its SAX2 parser alone, with callbacks that do nothing), which made it
 * the limit of an XLSX import. Sheets are written by programs in a small
 * part of XML: UTF-8, no DTD, the five predefined entities and character
 * references, namespaces. This scanner reads that part, and checks it as
 * strictly as libxml2 does for what it reads (tags nest, names and
 * attributes are well formed, text is UTF-8 of XML characters, every
 * reference is known); a part outside it (another encoding, a DTD) is
 * left to libxml2 (kefu_sheet_scanner_can_scan()).
 *
 * It is fed the inflated part a chunk at a time and calls back like
 * libxml2's SAX2 parser, so the sheet's handlers serve both. A token cut
 * by the end of a chunk waits in a carry buffer for the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "io/kefu-sheet-scanner.h"

#define MAX_DEPTH 256                      /* libxml2's own bound */
#define MAX_TOKEN (10 * 1024 * 1024)       /* a tag, comment or CDATA section */
#define MAX_REFERENCE 12                   /* "&#x10FFFF;" and then some */
#define MAX_ATTRIBUTES 64                  /* a cell has three */
#define MAX_NAMES 64                       /* remembered; a sheet uses a dozen */

/* Bytes appended to inline: a sheet has millions of tags. */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} Buffer;

static inline void
buffer_reserve (Buffer *buffer,
                gsize   extra)
{
  if (G_UNLIKELY (buffer->len + extra > buffer->size))
    {
      buffer->size = MAX (buffer->size * 2, buffer->len + extra + 256);
      buffer->data = g_realloc (buffer->data, buffer->size);
    }
}

/* Appends [@p, @p + @n) and a NUL; returns where it starts. */
static inline gsize
buffer_add (Buffer     *buffer,
            const char *p,
            gsize       n)
{
  gsize offset = buffer->len;

  buffer_reserve (buffer, n + 1);
  /* Mostly names of one to three bytes: no call for those. */
  if (n <= 16)
    for (gsize i = 0; i < n; i++)
      buffer->data[offset + i] = p[i];
  else
    memcpy (buffer->data + offset, p, n);
  buffer->data[offset + n] = '\0';
  buffer->len += n + 1;
  return offset;
}

typedef struct
{
  gsize prefix;    /* in ns_text; "" for the default namespace */
  gsize uri;
  guint depth;     /* of the element declaring it */
} Namespace;

/* A qualified name met before, checked once and split at its colon: a
 * sheet repeats a dozen names millions of times. */
typedef struct _Name Name;
struct _Name
{
  Name       *next;          /* of the same first byte */
  guint       length;        /* of the qualified name */
  gboolean    is_namespace;  /* "xmlns" or "xmlns:…", as an attribute's */
  const char *local;         /* NUL-terminated, in text */
  const char *prefix;        /* NUL-terminated, in text, or NULL */
  char        text[];        /* the qualified name, NUL, its prefix, NUL */
};

/* A name of the tag being read: remembered, or (past MAX_NAMES) copied
 * into scratch. */
typedef struct
{
  const Name *known;
  gsize       local;      /* in scratch, when not known */
  gssize      prefix;     /* in scratch, or -1 */
} NameRef;

typedef struct
{
  NameRef     name;
  const char *value;
  const char *value_end;
  gboolean    is_namespace;
} Attribute;

/* An open element: its name remembered, or copied into names. */
typedef struct
{
  const Name *known;
  gsize       offset;
} OpenElement;

struct _KefuSheetScanner
{
  KefuSheetScannerCallbacks  callbacks;
  gpointer                   user_data;

  GString                   *carry;       /* the unfinished token of the last chunk */
  Buffer                     names;       /* qualified names of the open elements not known */
  OpenElement               *open;
  guint                      n_open;
  Name                      *known[256];  /* names met, by first byte */
  guint                      n_known;
  Buffer                     ns_text;
  GArray                    *namespaces;  /* Namespace, innermost last */
  Buffer                     scratch;     /* the tag being reported: its names */
  Attribute                  attributes[MAX_ATTRIBUTES];
  guint                      n_attributes;
  const char                *pointers[5 * MAX_ATTRIBUTES];  /* for the callback */

  gboolean                   started;     /* past a byte order mark, if any */
  gboolean                   root_done;
  gboolean                   stopped;
  char                      *error;
  guint                      line;        /* of the bytes scanned so far, from 1 */
};

typedef enum
{
  SCAN_DONE,       /* the token was read */
  SCAN_MORE,       /* it goes on in the next chunk */
  SCAN_FAILED,
} ScanResult;

static gboolean
fail (KefuSheetScanner *self,
      const char       *message)
{
  if (self->error == NULL)
    self->error = g_strdup (message);
  return FALSE;
}

enum
{
  CLASS_SPACE = 1 << 0,
  CLASS_ENDS_NAME = 1 << 1,     /* where a name stops */
  CLASS_NAME = 1 << 2,          /* ASCII a name without colon may hold… */
  CLASS_NAME_START = 1 << 3,    /* …and start with */
};

#define N CLASS_NAME
#define S (CLASS_NAME | CLASS_NAME_START)
static const guint8 char_class[256] = {
  [' '] = CLASS_SPACE | CLASS_ENDS_NAME, ['\t'] = CLASS_SPACE | CLASS_ENDS_NAME,
  ['\n'] = CLASS_SPACE | CLASS_ENDS_NAME, ['\r'] = CLASS_SPACE | CLASS_ENDS_NAME,
  ['>'] = CLASS_ENDS_NAME, ['/'] = CLASS_ENDS_NAME, ['='] = CLASS_ENDS_NAME,
  ['<'] = CLASS_ENDS_NAME, ['"'] = CLASS_ENDS_NAME, ['\''] = CLASS_ENDS_NAME,
  ['-'] = N, ['.'] = N, ['0'] = N, ['1'] = N, ['2'] = N, ['3'] = N, ['4'] = N,
  ['5'] = N, ['6'] = N, ['7'] = N, ['8'] = N, ['9'] = N, ['_'] = S,
  ['A'] = S, ['B'] = S, ['C'] = S, ['D'] = S, ['E'] = S, ['F'] = S, ['G'] = S,
  ['H'] = S, ['I'] = S, ['J'] = S, ['K'] = S, ['L'] = S, ['M'] = S, ['N'] = S,
  ['O'] = S, ['P'] = S, ['Q'] = S, ['R'] = S, ['S'] = S, ['T'] = S, ['U'] = S,
  ['V'] = S, ['W'] = S, ['X'] = S, ['Y'] = S, ['Z'] = S,
  ['a'] = S, ['b'] = S, ['c'] = S, ['d'] = S, ['e'] = S, ['f'] = S, ['g'] = S,
  ['h'] = S, ['i'] = S, ['j'] = S, ['k'] = S, ['l'] = S, ['m'] = S, ['n'] = S,
  ['o'] = S, ['p'] = S, ['q'] = S, ['r'] = S, ['s'] = S, ['t'] = S, ['u'] = S,
  ['v'] = S, ['w'] = S, ['x'] = S, ['y'] = S, ['z'] = S,
};
#undef N
#undef S

static inline gboolean
is_space (char c)
{
  return char_class[(guchar) c] & CLASS_SPACE;
}

static inline gboolean
ends_name (char c)
{
  return char_class[(guchar) c] & CLASS_ENDS_NAME;
}

/**
 * kefu_sheet_scanner_can_scan:
 * @head: the part's first bytes (its first chunk)
 *
 * Whether the part is XML this scanner reads: UTF-8 (with or without a
 * byte order mark or an encoding declaration saying so) and no DTD.
 */
gboolean
kefu_sheet_scanner_can_scan (const char *head,
                             gsize       length)
{
  const char *p = head;
  const char *end = head + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  /* UTF-16 and UTF-32, with a byte order mark or without: a NUL early. */
  if (end - p < 2 || p[0] == '\0' || p[1] == '\0' || (guchar) p[0] >= 0xFE)
    return FALSE;

  if (end - p >= 5 && memcmp (p, "<?xml", 5) == 0 && is_space (p[5]))
    {
      const char *close = g_strstr_len (p, end - p, "?>");
      g_autofree char *declaration = NULL;
      const char *encoding;

      if (close == NULL)
        return FALSE;
      declaration = g_strndup (p, close - p);
      encoding = strstr (declaration, "encoding");
      if (encoding != NULL)
        {
          encoding += strlen ("encoding");
          while (is_space (*encoding))
            encoding++;
          if (*encoding++ != '=')
            return FALSE;
          while (is_space (*encoding))
            encoding++;
          if ((*encoding != '"' && *encoding != '\'') ||
              (g_ascii_strncasecmp (encoding + 1, "UTF-8", 5) != 0 &&
               g_ascii_strncasecmp (encoding + 1, "UTF8", 4) != 0))
            return FALSE;
        }
    }

  return g_strstr_len (head, length, "<!DOCTYPE") == NULL &&
         g_strstr_len (head, length, "<!doctype") == NULL;
}

KefuSheetScanner *
kefu_sheet_scanner_new (const KefuSheetScannerCallbacks *callbacks,
                        gpointer                         user_data)
{
  KefuSheetScanner *self = g_new0 (KefuSheetScanner, 1);

  self->callbacks = *callbacks;
  self->user_data = user_data;
  self->carry = g_string_new (NULL);
  self->open = g_new (OpenElement, MAX_DEPTH);
  self->namespaces = g_array_new (FALSE, FALSE, sizeof (Namespace));
  self->line = 1;
  return self;
}

void
kefu_sheet_scanner_free (KefuSheetScanner *self)
{
  g_string_free (self->carry, TRUE);
  g_free (self->names.data);
  g_free (self->open);
  for (guint i = 0; i < G_N_ELEMENTS (self->known); i++)
    while (self->known[i] != NULL)
      {
        Name *next = self->known[i]->next;

        g_free (self->known[i]);
        self->known[i] = next;
      }
  g_free (self->ns_text.data);
  g_array_unref (self->namespaces);
  g_free (self->scratch.data);
  g_free (self->error);
  g_free (self);
}

/* Called back from a handler: nothing more is read. */
void
kefu_sheet_scanner_stop (KefuSheetScanner *self)
{
  self->stopped = TRUE;
}

const char *
kefu_sheet_scanner_get_error (KefuSheetScanner *self)
{
  return self->error;
}

guint
kefu_sheet_scanner_get_line (KefuSheetScanner *self)
{
  return self->line;
}

/* Text: references */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The reference at @p (its '&'), ended before @end, into @out; moves
 * *@next past its ';'. */
static gboolean
decode_reference (KefuSheetScanner *self,
                  const char       *p,
                  const char       *end,
                  char              out[8],
                  gsize            *out_length,
                  const char      **next)
{
  static const struct { const char *name; char c; } predefined[] = {
    { "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' }, { "apos", '\'' },
  };
  const char *semicolon = memchr (p, ';', MIN ((gsize) (end - p), MAX_REFERENCE));
  gsize length;

  if (semicolon == NULL)
    return fail (self, "a reference without its ';'");
  *next = semicolon + 1;
  length = semicolon - p - 1;

  if (length >= 2 && p[1] == '#')
    {
      gboolean hex = p[2] == 'x';
      guint64 c = 0;

      if (length == (hex ? 2u : 1u))
        return fail (self, "an empty character reference");
      for (const char *q = p + (hex ? 3 : 2); q < semicolon; q++)
        {
          int digit = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);

          if (digit < 0 || c > 0x10FFFF)
            return fail (self, "a malformed character reference");
          c = c * (hex ? 16 : 10) + digit;
        }
      if (!is_xml_char ((gunichar) c) || c > 0x10FFFF)
        return fail (self, "a character reference to no XML character");
      *out_length = g_unichar_to_utf8 ((gunichar) c, out);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (predefined); i++)
    if (strlen (predefined[i].name) == length && memcmp (p + 1, predefined[i].name, length) == 0)
      {
        out[0] = predefined[i].c;
        *out_length = 1;
        return TRUE;
      }
  return fail (self, "a reference to an entity that is not declared");
}

/* The length of the UTF-8 character of XML at @p, or 0. */
static inline guint
utf8_char_length (const guchar *p,
                  const guchar *end)
{
  guint length = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
  gunichar c;

  if (length == 0 || p[0] > 0xF4 || (gsize) (end - p) < length)
    return 0;
  c = p[0] & (0x7F >> length);
  for (guint i = 1; i < length; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      c = (c << 6) | (p[i] & 0x3F);
    }
  /* Overlong forms, surrogates, U+FFFE and U+FFFF. */
  if ((length == 3 && c < 0x800) || (length == 4 && c < 0x10000) || !is_xml_char (c))
    return 0;
  return length;
}

static void
report_text (KefuSheetScanner *self,
             const char       *text,
             gsize             length)
{
  if (length > 0 && !self->stopped)
    self->callbacks.text (self->user_data, text, length);
}

/* Character data between markup: checked, references decoded, line ends
 * made '\n' (XML's end-of-line handling). Outside the root element only
 * white space may be. */
static gboolean
scan_text (KefuSheetScanner *self,
           const char       *p,
           const char       *end)
{
  const char *segment = p;
  gboolean in_root = self->n_open > 0;

  while (p < end && !self->stopped)
    {
      guchar c = (guchar) *p;

      if (G_LIKELY ((c >= 0x20 && c < 0x80 && c != '&' && c != ']') || c == '\n' || c == '\t'))
        {
          if (!in_root && !is_space (c))
            return fail (self, "text outside the root element");
          p++;
        }
      else if (c == ']')
        {
          if (!in_root)
            return fail (self, "text outside the root element");
          if (end - p >= 3 && p[1] == ']' && p[2] == '>')
            return fail (self, "\"]]>\" in text");
          p++;
        }
      else if (c >= 0x80)
        {
          guint length = utf8_char_length ((const guchar *) p, (const guchar *) end);

          if (length == 0)
            return fail (self, "bytes that are not UTF-8 of XML characters");
          if (!in_root)
            return fail (self, "text outside the root element");
          p += length;
        }
      else if (c == '\r')
        {
          if (in_root)
            {
              report_text (self, segment, p - segment);
              report_text (self, "\n", 1);
            }
          p++;
          if (p < end && *p == '\n')
            p++;
          segment = p;
        }
      else if (c == '&')
        {
          char decoded[8];
          gsize length;

          if (!in_root)
            return fail (self, "text outside the root element");
          report_text (self, segment, p - segment);
          if (!decode_reference (self, p, end, decoded, &length, &p))
            return FALSE;
          report_text (self, decoded, length);
          segment = p;
        }
      else
        return fail (self, "a control character");
    }
  if (in_root)
    report_text (self, segment, p - segment);
  return TRUE;
}

/* Where text at the end of a chunk can be cut: before a reference, a
 * character or a "\r\n" the next chunk may finish. */
static const char *
safe_text_end (const char *p,
               const char *end)
{
  const char *cut = end;

  for (const char *q = end - 1; q >= p && end - q < MAX_REFERENCE; q--)
    {
      if (*q == ';')
        break;
      if (*q == '&')
        {
          cut = q;
          break;
        }
    }
  for (guint i = 1; i <= 3 && cut - i >= p; i++)
    {
      guchar c = (guchar) cut[-(int) i];

      if ((c & 0xC0) == 0x80)
        continue;
      if (c >= 0xC0 && i < (c >= 0xF0 ? 4u : c >= 0xE0 ? 3u : 2u))
        cut -= i;
      break;
    }
  if (cut > p && cut[-1] == '\r')
    cut--;
  /* "]]>", which text may not hold, cut after its "]]". */
  for (guint i = 0; i < 2 && cut > p && cut[-1] == ']'; i++)
    cut--;
  return cut;
}

/* Markup */

static const char *
find_namespace (KefuSheetScanner *self,
                const char       *prefix,
                guint             depth)
{
  for (guint i = self->namespaces->len; i > 0; i--)
    {
      const Namespace *ns = &g_array_index (self->namespaces, Namespace, i - 1);

      if (ns->depth <= depth && strcmp (self->ns_text.data + ns->prefix, prefix) == 0)
        return self->ns_text.data + ns->uri;
    }
  if (strcmp (prefix, "xml") == 0)
    return "http://www.w3.org/XML/1998/namespace";
  return NULL;
}

static gboolean
is_name_past_ascii (const char *p,
                    const char *end)
{
  for (const char *q = p; q < end; )
    {
      guchar c = (guchar) *q;

      if (c < 0x80)
        {
          if (!(char_class[c] & (q == p ? CLASS_NAME_START : CLASS_NAME)))
            return FALSE;
          q++;
        }
      else
        {
          guint length = utf8_char_length ((const guchar *) q, (const guchar *) end);

          if (length == 0)
            return FALSE;
          q += length;
        }
    }
  return TRUE;
}

/* Whether [@p, @end) is an XML name without colon (NCName); characters
 * past ASCII are taken when they are XML characters. */
static inline gboolean
is_name (const char *p,
         const char *end)
{
  if (p == end || !(char_class[(guchar) *p] & CLASS_NAME_START))
    return p < end && (guchar) *p >= 0x80 && is_name_past_ascii (p, end);
  for (const char *q = p + 1; q < end; q++)
    if (!(char_class[(guchar) *q] & CLASS_NAME))
      return (guchar) *q >= 0x80 && is_name_past_ascii (p, end);
  return TRUE;
}

/* Names are a few bytes: a loop beats memcmp(). */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

/* Whether an attribute of this name declares a namespace: xmlns="…" or
 * xmlns:p="…". */
static inline gboolean
declares_namespace (const char *prefix,
                    const char *local)
{
  return prefix != NULL ? strcmp (prefix, "xmlns") == 0 : strcmp (local, "xmlns") == 0;
}

/* Whether [@p, @end) is a qualified name; *@colon at its colon or NULL. */
static gboolean
is_qualified_name (const char  *p,
                   const char  *end,
                   const char **colon)
{
  *colon = memchr (p, ':', end - p);
  return *colon != NULL ? is_name (p, *colon) && is_name (*colon + 1, end) : is_name (p, end);
}

/* The qualified name [@p, @end) into @ref: remembered when it was met
 * before or there is room, else copied into scratch. */
static gboolean
read_name (KefuSheetScanner *self,
           const char       *p,
           const char       *end,
           NameRef          *ref)
{
  gsize length = end - p;
  const char *colon;
  Name *name;

  if (length > 0)
    for (name = self->known[(guchar) *p]; name != NULL; name = name->next)
      /* Of the same first byte. */
      if (name->length == length && same_bytes (name->text + 1, p + 1, length - 1))
        {
          ref->known = name;
          return TRUE;
        }

  if (!is_qualified_name (p, end, &colon))
    return fail (self, "a malformed name");

  if (self->n_known < MAX_NAMES)
    {
      gsize prefix_length = colon != NULL ? (gsize) (colon - p) : 0;

      name = g_malloc (sizeof (Name) + length + prefix_length + 2);
      memcpy (name->text, p, length);
      name->text[length] = '\0';
      name->length = length;
      name->local = colon != NULL ? name->text + prefix_length + 1 : name->text;
      name->prefix = NULL;
      if (colon != NULL)
        {
          char *prefix = name->text + length + 1;

          memcpy (prefix, p, prefix_length);
          prefix[prefix_length] = '\0';
          name->prefix = prefix;
        }
      name->is_namespace = declares_namespace (name->prefix, name->local);
      name->next = self->known[(guchar) *p];
      self->known[(guchar) *p] = name;
      self->n_known++;
      ref->known = name;
      return TRUE;
    }

  ref->known = NULL;
  ref->prefix = -1;
  if (colon != NULL)
    {
      ref->prefix = buffer_add (&self->scratch, p, colon - p);
      p = colon + 1;
    }
  ref->local = buffer_add (&self->scratch, p, end - p);
  return TRUE;
}

/* The parts of a name read; valid until the next tag. */
static inline const char *
local_of (KefuSheetScanner *self,
          const NameRef    *ref)
{
  return ref->known != NULL ? ref->known->local : self->scratch.data + ref->local;
}

static inline const char *
prefix_of (KefuSheetScanner *self,
           const NameRef    *ref)
{
  if (ref->known != NULL)
    return ref->known->prefix;
  return ref->prefix >= 0 ? self->scratch.data + ref->prefix : NULL;
}

static void
pop_namespaces (KefuSheetScanner *self)
{
  guint depth = self->n_open;

  while (self->namespaces->len > 0 &&
         g_array_index (self->namespaces, Namespace, self->namespaces->len - 1).depth > depth)
    g_array_set_size (self->namespaces, self->namespaces->len - 1);
}

/* An attribute value: XML characters and known references only. */
static gboolean
check_value (KefuSheetScanner *self,
             const char       *p,
             const char       *end)
{
  while (p < end)
    {
      guchar c = (guchar) *p;

      if ((c >= 0x20 && c < 0x80 && c != '&') || c == '\t' || c == '\n' || c == '\r')
        p++;
      else if (c == '&')
        {
          char decoded[8];
          gsize length;

          if (!decode_reference (self, p, end, decoded, &length, &p))
            return FALSE;
        }
      else if (c >= 0x80)
        {
          guint length = utf8_char_length ((const guchar *) p, (const guchar *) end);

          if (length == 0)
            return fail (self, "bytes that are not UTF-8 of XML characters");
          p += length;
        }
      else
        return fail (self, "a control character");
    }
  return TRUE;
}

static gboolean
same_name (KefuSheetScanner *self,
           const NameRef    *a,
           const NameRef    *b)
{
  const char *a_prefix, *b_prefix;

  /* A name is remembered once. */
  if (a->known != NULL && b->known != NULL)
    return a->known == b->known;
  a_prefix = prefix_of (self, a);
  b_prefix = prefix_of (self, b);
  return strcmp (local_of (self, a), local_of (self, b)) == 0 &&
         (a_prefix == NULL ? b_prefix == NULL : b_prefix != NULL && strcmp (a_prefix, b_prefix) == 0);
}

/* The namespace of a prefixed name; NULL when none is declared. Names
 * without a prefix are not looked up: what is told apart is only whether
 * a prefix is bound (an unbound one is no element of ours). */
static inline const char *
uri_of (KefuSheetScanner *self,
        const char       *prefix,
        guint             depth)
{
  return prefix != NULL ? find_namespace (self, prefix, depth) : NULL;
}

static void
close_element (KefuSheetScanner *self,
               const char       *local,
               const char       *prefix,
               const char       *uri)
{
  self->callbacks.end (self->user_data, local, prefix, uri);
  self->n_open--;
  self->names.len = self->open[self->n_open].offset;
  pop_namespaces (self);
  self->root_done = self->n_open == 0;
}

/* Plain bytes of an attribute value: ASCII characters that end nothing
 * and need no check — all of 0x20 to 0x7F but '"', '&', '\'' and '<'. */
#define ALL16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const guint8 plain_value[256] = {
  [0x20] = 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
  [0x30] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  [0x40] = ALL16, ALL16, ALL16, ALL16,
};
#undef ALL16

static inline gboolean
is_plain_value (char c)
{
  return plain_value[(guchar) c];
}

/* "<name attr="value" …>" or "…/>" at @p; *@next past it. */
static ScanResult
scan_start_tag (KefuSheetScanner  *self,
                const char        *p,
                const char        *end,
                const char       **next)
{
  const char *q = p + 1;
  const char *name = q;
  const char *name_end;
  gboolean empty = FALSE;
  gboolean declares = FALSE;
  NameRef element;
  guint depth = self->n_open + 1;
  const char *local, *prefix;
  OpenElement *open;
  guint n = 0;

  self->scratch.len = 0;
  self->n_attributes = 0;

  while (q < end && !ends_name (*q))
    q++;
  if (q == end)
    return SCAN_MORE;
  name_end = q;
  if (!read_name (self, name, name_end, &element))
    return SCAN_FAILED;

  for (;;)
    {
      gboolean spaced = FALSE;
      Attribute *attribute;
      const char *attribute_name;
      char quote;

      while (q < end && is_space (*q))
        {
          q++;
          spaced = TRUE;
        }
      if (q == end)
        return SCAN_MORE;
      if (*q == '>')
        {
          q++;
          break;
        }
      if (*q == '/')
        {
          if (q + 1 == end)
            return SCAN_MORE;
          if (q[1] != '>')
            return fail (self, "a '/' in a tag"), SCAN_FAILED;
          q += 2;
          empty = TRUE;
          break;
        }
      if (!spaced)
        return fail (self, "attributes not apart"), SCAN_FAILED;
      if (self->n_attributes == MAX_ATTRIBUTES)
        return fail (self, "too many attributes"), SCAN_FAILED;

      attribute = &self->attributes[self->n_attributes];
      attribute_name = q;
      while (q < end && !ends_name (*q))
        q++;
      if (q == end)
        return SCAN_MORE;
      if (!read_name (self, attribute_name, q, &attribute->name))
        return SCAN_FAILED;
      while (q < end && is_space (*q))
        q++;
      if (q == end)
        return SCAN_MORE;
      if (*q++ != '=')
        return fail (self, "an attribute without a value"), SCAN_FAILED;
      while (q < end && is_space (*q))
        q++;
      if (q == end)
        return SCAN_MORE;
      quote = *q++;
      if (quote != '"' && quote != '\'')
        return fail (self, "an attribute value without quotes"), SCAN_FAILED;
      /* Values are a few plain bytes: a loop beats memchr(). Anything
       * else is looked at once the value's end is known. */
      attribute->value = q;
      while (q < end && is_plain_value (*q))
        q++;
      if (q < end && *q != quote)
        {
          const char *rest = q;

          while (q < end && *q != quote && *q != '<')
            q++;
          if (q < end && *q == '<')
            return fail (self, "a '<' in an attribute value"), SCAN_FAILED;
          if (q < end && !check_value (self, rest, q))
            return SCAN_FAILED;
        }
      if (q == end)
        return SCAN_MORE;
      attribute->value_end = q++;
      for (guint i = 0; i < self->n_attributes; i++)
        if (same_name (self, &self->attributes[i].name, &attribute->name))
          return fail (self, "an attribute given twice"), SCAN_FAILED;

      /* xmlns="…" and xmlns:p="…" declare namespaces, for this element
       * and those inside it. */
      attribute->is_namespace = attribute->name.known != NULL
                                ? attribute->name.known->is_namespace
                                : declares_namespace (prefix_of (self, &attribute->name),
                                                      local_of (self, &attribute->name));
      declares |= attribute->is_namespace;
      self->n_attributes++;
    }
  *next = q;

  if (depth > MAX_DEPTH)
    return fail (self, "elements nested too deep"), SCAN_FAILED;
  if (self->root_done)
    return fail (self, "a second root element"), SCAN_FAILED;

  /* The names are all read now: pointers into scratch stay put. */
  for (guint i = 0; declares && i < self->n_attributes; i++)
    {
      const Attribute *a = &self->attributes[i];
      Namespace ns = { 0, 0, depth };

      if (!a->is_namespace)
        continue;
      ns.prefix = prefix_of (self, &a->name) == NULL
                  ? buffer_add (&self->ns_text, "", 0)
                  : buffer_add (&self->ns_text, local_of (self, &a->name),
                                strlen (local_of (self, &a->name)));
      ns.uri = buffer_add (&self->ns_text, a->value, a->value_end - a->value);
      g_array_append_val (self->namespaces, ns);
    }

  for (guint i = 0; i < self->n_attributes; i++)
    {
      const Attribute *a = &self->attributes[i];
      const char *attribute_prefix;

      if (a->is_namespace)
        continue;
      attribute_prefix = prefix_of (self, &a->name);
      self->pointers[n++] = local_of (self, &a->name);
      self->pointers[n++] = attribute_prefix;
      self->pointers[n++] = uri_of (self, attribute_prefix, depth);
      self->pointers[n++] = a->value;
      self->pointers[n++] = a->value_end;
    }

  local = local_of (self, &element);
  prefix = prefix_of (self, &element);
  open = &self->open[self->n_open++];
  open->known = element.known;
  open->offset = self->names.len;
  if (element.known == NULL)
    buffer_add (&self->names, name, name_end - name);
  self->callbacks.start (self->user_data, local, prefix, uri_of (self, prefix, depth), n / 5,
                         self->pointers);
  if (empty && !self->stopped)
    close_element (self, local, prefix, uri_of (self, prefix, depth));
  return SCAN_DONE;
}

/* "</name>" at @p. */
static ScanResult
scan_end_tag (KefuSheetScanner  *self,
              const char        *p,
              const char        *end,
              const char       **next)
{
  const char *name = p + 2;
  const char *q = name;
  const char *name_end;
  const OpenElement *open;
  gsize length;
  NameRef ref;
  const char *prefix;

  while (q < end && !ends_name (*q))
    q++;
  name_end = q;
  while (q < end && is_space (*q))
    q++;
  if (q == end)
    return SCAN_MORE;
  if (*q != '>')
    return fail (self, "a malformed end tag"), SCAN_FAILED;
  *next = q + 1;

  if (self->n_open == 0)
    return fail (self, "an end tag with no element open"), SCAN_FAILED;
  open = &self->open[self->n_open - 1];
  length = name_end - name;
  if (open->known != NULL)
    {
      if (open->known->length != length || !same_bytes (open->known->text, name, length))
        return fail (self, "an end tag that does not match its start tag"), SCAN_FAILED;
      ref.known = open->known;
    }
  else
    {
      const char *open_name = self->names.data + open->offset;

      if (strncmp (open_name, name, length) != 0 || open_name[length] != '\0')
        return fail (self, "an end tag that does not match its start tag"), SCAN_FAILED;
      self->scratch.len = 0;
      if (!read_name (self, name, name_end, &ref))
        return SCAN_FAILED;
    }

  prefix = prefix_of (self, &ref);
  close_element (self, local_of (self, &ref), prefix, uri_of (self, prefix, self->n_open));
  return SCAN_DONE;
}

/* "<!-- … -->", "<? … ?>" or "<![CDATA[ … ]]>" at @p. */
static ScanResult
scan_special (KefuSheetScanner  *self,
              const char        *p,
              const char        *end,
              const char       **next)
{
  gsize available = end - p;

  if (available < 4)
    return SCAN_MORE;
  if (memcmp (p, "<!--", 4) == 0)
    {
      const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

      if (close == NULL)
        return SCAN_MORE;
      *next = close + 3;
      return SCAN_DONE;
    }
  if (p[1] == '?')
    {
      const char *close = g_strstr_len (p + 2, end - p - 2, "?>");

      if (close == NULL)
        return SCAN_MORE;
      *next = close + 2;
      return SCAN_DONE;
    }
  if (available < 9 && memcmp (p, "<![CDATA[", available) == 0)
    return SCAN_MORE;
  if (available >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
    {
      const char *text = p + 9;
      const char *close = g_strstr_len (text, end - text, "]]>");

      if (close == NULL)
        return SCAN_MORE;
      if (self->n_open == 0)
        return fail (self, "a CDATA section outside the root element"), SCAN_FAILED;
      *next = close + 3;
      /* Its text is taken as it is, but for line ends. */
      for (const char *q = text; q < close; )
        {
          guchar c = (guchar) *q;
          guint length = c >= 0x80 ? utf8_char_length ((const guchar *) q, (const guchar *) close) : 1;

          if (length == 0 || (c < 0x20 && c != '\n' && c != '\t' && c != '\r'))
            return fail (self, "bytes that are not UTF-8 of XML characters"), SCAN_FAILED;
          if (c == '\r')
            {
              report_text (self, text, q - text);
              report_text (self, "\n", 1);
              q++;
              if (q < close && *q == '\n')
                q++;
              text = q;
              continue;
            }
          q += length;
        }
      report_text (self, text, close - text);
      return SCAN_DONE;
    }
  return fail (self, "a document type or a declaration, which sheets have none"), SCAN_FAILED;
}

/* Scans [@p, @end): how much was read, the rest being an unfinished
 * token; -1 on an error. */
static gssize
scan (KefuSheetScanner *self,
      const char       *p,
      const char       *end,
      gboolean          last)
{
  const char *start = p;

  if (!self->started)
    {
      if (end - p < 3 && !last)
        return 0;
      if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      self->started = TRUE;
    }

  while (p < end && !self->stopped)
    {
      const char *token = p;
      const char *next = NULL;
      ScanResult result;

      if (*p != '<')
        {
          const char *lt = memchr (p, '<', end - p);
          const char *text_end = lt != NULL ? lt : last ? end : safe_text_end (p, end);

          if (!scan_text (self, p, text_end))
            return -1;
          p = text_end;
          if (lt == NULL)
            break;
          continue;
        }

      if (end - p < 2)
        result = SCAN_MORE;
      else if (p[1] == '/')
        result = scan_end_tag (self, p, end, &next);
      else if (p[1] == '!' || p[1] == '?')
        result = scan_special (self, p, end, &next);
      else
        result = scan_start_tag (self, p, end, &next);

      if (result == SCAN_FAILED)
        return -1;
      if (result == SCAN_MORE)
        {
          if (last)
            return fail (self, "the part ends inside a tag"), -1;
          if (end - token > MAX_TOKEN)
            return fail (self, "a tag too long"), -1;
          p = token;
          break;
        }
      p = next;
    }
  return p - start;
}

static void
count_lines (KefuSheetScanner *self,
             const char       *p,
             gsize             length)
{
  const char *end = p + length;

  if (length == 0)
    return;
  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      self->line++;
      p++;
    }
}

/**
 * kefu_sheet_scanner_feed:
 * @last: the part ends with @data
 *
 * Scans the next bytes of the part, calling back for what they complete.
 *
 * Returns: FALSE when the part is not well-formed XML (see
 *   kefu_sheet_scanner_get_error())
 */
gboolean
kefu_sheet_scanner_feed (KefuSheetScanner *self,
                         const char       *data,
                         gsize             length,
                         gboolean          last)
{
  gssize consumed;

  if (self->error != NULL)
    return FALSE;
  if (self->stopped)
    return TRUE;

  /* The token the last chunk cut is finished with as few bytes of this
   * one as it takes; the rest is scanned where it lies, not copied. */
  if (self->carry->len > 0)
    {
      gsize take = MIN (length, 256);

      for (;;)
        {
          gsize carried = self->carry->len;

          g_string_append_len (self->carry, data, take);
          consumed = scan (self, self->carry->str, self->carry->str + self->carry->len,
                           last && take == length);
          if (consumed < 0)
            {
              /* Placed at the line of the bytes read. */
              count_lines (self, self->carry->str, self->carry->len);
              count_lines (self, data + take, length - take);
              return FALSE;
            }
          count_lines (self, self->carry->str, consumed);
          if (self->stopped)
            return TRUE;
          if ((gsize) consumed >= carried)
            {
              g_string_truncate (self->carry, 0);
              data += consumed - carried;
              length -= consumed - carried;
              break;
            }

          /* Still inside the token: keep what is left of it and take
           * more of this chunk, or all of it. */
          g_string_truncate (self->carry, carried);
          g_string_erase (self->carry, 0, consumed);
          if (take == length)
            {
              g_string_append_len (self->carry, data, length);
              return TRUE;
            }
          take = MIN (length, take * 4);
        }
    }

  consumed = scan (self, data, data + length, last);
  if (consumed < 0)
    {
      count_lines (self, data, length);
      return FALSE;
    }
  count_lines (self, data, consumed);
  g_string_append_len (self->carry, data + consumed, length - consumed);

  if (last && !self->stopped && (!self->root_done || self->n_open > 0))
    return fail (self, "the part ends before its root element does");
  return TRUE;
}
