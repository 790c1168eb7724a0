/* main.c — kefu-xls-reader: one .xls file, read where FreeXL cannot hurt Kefu
 *
 *   kefu-xls-reader FILE
 *
 * Kefu (KefuXlsReader) starts this for every .xls file it opens. It parses
 * FILE with KefuXlsParser — libgsf's checks, then FreeXL — and answers on
 * stdin and stdout as src/core/io/kefu-xls-protocol.h describes. FreeXL
 * is not safe on damaged files: should it crash, loop or eat memory, only
 * this process goes, within the limits it sets itself before parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "io/kefu-xls-parser.h"
#include "io/kefu-xls-protocol.h"

/* FreeXL holds the whole workbook in memory, 16 bytes a cell: a full
 * BIFF8 sheet (65,536 × 256) is 256 MiB. It is slow on texts (50,000 rows
 * of 12 columns, 10 MB, take 7 s), so the CPU time leaves room for the
 * largest real exports. */
#define ADDRESS_SPACE_LIMIT ((rlim_t) 1 << 30)
#define CPU_SECONDS_LIMIT   120

#define FLUSH_SIZE (64 * 1024)

/* AddressSanitizer reserves terabytes of address space up front. */
#if defined(__SANITIZE_ADDRESS__)
#define LIMIT_ADDRESS_SPACE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMIT_ADDRESS_SPACE 0
#endif
#endif
#ifndef LIMIT_ADDRESS_SPACE
#define LIMIT_ADDRESS_SPACE 1
#endif

typedef struct
{
  int         fd;
  GByteArray *buffer;   /* records not written yet */
  guint       record;   /* where the record being built starts */
} Output;

static void
limit_resources (void)
{
  struct rlimit cpu = { CPU_SECONDS_LIMIT, CPU_SECONDS_LIMIT + 5 };   /* SIGXCPU, then SIGKILL */
  struct rlimit core = { 0, 0 };                                      /* a crash leaves no file */

  if (setrlimit (RLIMIT_CPU, &cpu) != 0 || setrlimit (RLIMIT_CORE, &core) != 0)
    g_printerr ("kefu-xls-reader: setrlimit: %s\n", g_strerror (errno));
#if LIMIT_ADDRESS_SPACE
  {
    struct rlimit memory = { ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT };

    if (setrlimit (RLIMIT_AS, &memory) != 0)
      g_printerr ("kefu-xls-reader: setrlimit: %s\n", g_strerror (errno));
  }
#endif
}

static void
begin_record (Output *out,
              guint8  type)
{
  guint8 header[KEFU_XLS_HEADER_LENGTH] = { type };

  out->record = out->buffer->len;
  g_byte_array_append (out->buffer, header, sizeof header);
}

static void
end_record (Output *out)
{
  guint32 length = GUINT32_TO_LE (out->buffer->len - out->record - KEFU_XLS_HEADER_LENGTH);

  memcpy (out->buffer->data + out->record + 1, &length, sizeof length);
}

static void
put_u16 (Output  *out,
         guint16  value)
{
  value = GUINT16_TO_LE (value);
  g_byte_array_append (out->buffer, (const guint8 *) &value, sizeof value);
}

static void
put_u32 (Output  *out,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (out->buffer, (const guint8 *) &value, sizeof value);
}

static void
put_double (Output *out,
            double  number)
{
  guint64 bits;

  memcpy (&bits, &number, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out->buffer, (const guint8 *) &bits, sizeof bits);
}

static void
put_text (Output     *out,
          const char *text)
{
  gsize length = strlen (text);

  put_u32 (out, length);
  g_byte_array_append (out->buffer, (const guint8 *) text, length);
}

static gboolean
flush_output (Output *out)
{
  gsize written = 0;

  while (written < out->buffer->len)
    {
      gssize n = write (out->fd, out->buffer->data + written, out->buffer->len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;     /* Kefu is gone */
      written += n;
    }
  g_byte_array_set_size (out->buffer, 0);
  return TRUE;
}

static void
put_error (Output       *out,
           const GError *error)
{
  begin_record (out, KEFU_XLS_RECORD_ERROR);
  put_u32 (out, error->domain == KEFU_READER_ERROR ? error->code : KEFU_READER_ERROR_FORMAT);
  g_byte_array_append (out->buffer, (const guint8 *) error->message, strlen (error->message));
  end_record (out);
}

static void
put_row (Output        *out,
         const KefuRow *row)
{
  begin_record (out, KEFU_XLS_RECORD_ROW);
  put_u32 (out, row->number);
  put_u16 (out, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const KefuCell *cell = &row->cells[i];
      guint8 type = cell->type;

      g_byte_array_append (out->buffer, &type, 1);
      if (cell->type == KEFU_CELL_NUMBER || cell->type == KEFU_CELL_BOOLEAN ||
          cell->type == KEFU_CELL_DATETIME)
        put_double (out, cell->number);
      if (cell->type != KEFU_CELL_EMPTY)
        put_text (out, cell->text);
    }
  end_record (out);
}

/* Whether Kefu has sent a command (or gone) while rows are being sent. */
static gboolean
command_waiting (void)
{
  struct pollfd input = { STDIN_FILENO, POLLIN, 0 };

  return poll (&input, 1, 0) > 0;
}

static gboolean
read_command (guint32 *index)
{
  guint8 command[KEFU_XLS_COMMAND_LENGTH];
  gsize got = 0;

  while (got < sizeof command)
    {
      gssize n = read (STDIN_FILENO, command + got, sizeof command - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      got += n;
    }
  if (command[0] != KEFU_XLS_COMMAND_SHEET)
    return FALSE;
  memcpy (index, command + 1, sizeof *index);
  *index = GUINT32_FROM_LE (*index);
  return TRUE;
}

static gboolean
send_sheet (Output          *out,
            KefuTableReader *parser,
            guint32          index)
{
  g_autoptr(GError) error = NULL;
  const KefuRow *row;

  if (!kefu_table_reader_select_sheet (parser, index, &error))
    {
      put_error (out, error);
      return flush_output (out);
    }

  begin_record (out, KEFU_XLS_RECORD_SHEET);
  put_u32 (out, index);
  put_u32 (out, kefu_xls_parser_get_n_rows (KEFU_XLS_PARSER (parser)));
  end_record (out);

  while ((row = kefu_table_reader_next_row (parser, &error)) != NULL)
    {
      put_row (out, row);
      if (out->buffer->len >= FLUSH_SIZE && !flush_output (out))
        return FALSE;
      if (command_waiting ())
        break;
    }

  if (error != NULL)
    put_error (out, error);
  else
    {
      begin_record (out, KEFU_XLS_RECORD_END);
      end_record (out);
    }
  return flush_output (out);
}

/* A damaged file is what this process is for: libgsf warns, and even
 * fails its own assertions, on what it finds in one. Kefu's and GLib's
 * own warnings stay as fatal as G_DEBUG makes them. */
static void
keep_library_warnings_harmless (void)
{
  static const char * const domains[] = { "Kefu", "GLib", "GLib-GObject", "GLib-GIO" };
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    g_log_set_fatal_mask (domains[i], fatal);
}

/* Returns the exit status. */
static int
serve (int         fd,
       const char *path)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (2 * FLUSH_SIZE);
  g_autoptr(KefuTableReader) parser = NULL;
  g_autoptr(GError) error = NULL;
  Output out = { fd, buffer, 0 };
  guint32 index;
  guint n_sheets;

  begin_record (&out, KEFU_XLS_RECORD_HELLO);
  put_u32 (&out, KEFU_XLS_PROTOCOL_VERSION);
  end_record (&out);
  if (!flush_output (&out))
    return 1;

  parser = kefu_xls_parser_new (path, &error);
  if (parser == NULL)
    {
      put_error (&out, error);
      flush_output (&out);
      return 1;
    }

  n_sheets = kefu_table_reader_get_n_sheets (parser);
  begin_record (&out, KEFU_XLS_RECORD_SHEETS);
  put_u32 (&out, n_sheets);
  for (guint i = 0; i < n_sheets; i++)
    put_text (&out, kefu_table_reader_get_sheet_name (parser, i));
  end_record (&out);
  if (!flush_output (&out))
    return 1;

  while (read_command (&index))
    if (!send_sheet (&out, parser, index))
      return 1;

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KEFU_LOCALEDIR");
  int fd, devnull;

  limit_resources ();
  keep_library_warnings_harmless ();

  /* Messages go to the user as they are: in the user's language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (argc != 2)
    {
      g_printerr ("Usage: %s FILE\n"
                  "Reads an Excel 97–2003 workbook for Kefu, which starts it.\n",
                  KEFU_XLS_READER_NAME);
      return 2;
    }

  /* Records go out on what stdout was; whatever a library prints there
   * is dropped instead of breaking them. */
  fd = dup (STDOUT_FILENO);
  devnull = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (fd < 0 || devnull < 0 || dup2 (devnull, STDOUT_FILENO) < 0)
    return 2;
  close (devnull);

  /* _exit(): Kefu kills this process as soon as it is done with it, and
   * an exit handler killed halfway can leave the process unreaped for a
   * while (LeakSanitizer's, which stops the process with ptrace). */
  _exit (serve (fd, argv[1]));
}
