/* kefu-xls-reader.c — Excel 97–2003 workbooks (.xls), read in a process of their own
 *
 * FreeXL 1.0.6 is not safe on damaged files (tests/fuzz/README.md), so
 * Kefu never runs it itself: this reader starts kefu-xls-reader on the
 * file (src/xls-reader/main.c) and decodes its answers from a socket, one
 * record at a time (kefu-xls-protocol.h). The rows are the parser's
 * (kefu-xls-parser.c says what FreeXL makes of cells).
 *
 * The process keeps the parsed workbook as long as the reader lives —
 * FreeXL takes seconds over a large file — and sends a sheet's rows when
 * the sheet is selected, ahead of the reader as far as the socket holds.
 * Everything it sends is checked before it is believed. When it crashes,
 * exits early, sends something that is not the protocol or nothing for
 * `timeout` seconds, the file is taken for damaged. The process is killed
 * and reaped when the reader is finalized, whether or not every row was
 * read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "io/kefu-xls-protocol.h"
#include "io/kefu-xls-reader-private.h"

#define RECEIVE_SIZE (64 * 1024)

/* Long enough for FreeXL on the largest real exports: the process itself
 * stops after two minutes of CPU time (src/xls-reader/main.c). */
#define DEFAULT_TIMEOUT 180

/* Why the process is given up on. */
typedef enum
{
  PROCESS_ENDED,      /* it closed its end: it exited or crashed */
  PROCESS_SILENT,     /* it said nothing for `timeout` seconds */
  PROCESS_GARBLED,    /* it said something that is not the protocol */
} ProcessFailure;

static guint timeout = DEFAULT_TIMEOUT;

struct _KefuXlsReader
{
  KefuTableReader  parent_instance;

  GSubprocess     *process;
  GSocket         *socket;
  GByteArray      *input;         /* received from the process */
  gsize            decoded;       /* bytes of input decoded */
  GError          *failure;       /* the process failed: the file cannot be read */

  GPtrArray       *sheet_names;   /* UTF-8 */
  guint            sheet;         /* the selected one */
  gboolean         in_sheet;      /* its rows are coming */
  guint            n_rows;        /* its rows, blank ones included */
  guint64          last_row;      /* the number of the last row handed out */

  GStringChunk    *strings;       /* the texts of the row handed out */
  GArray          *cells;         /* KefuCell */
  KefuRow          row;
};

G_DEFINE_FINAL_TYPE (KefuXlsReader, kefu_xls_reader, KEFU_TYPE_TABLE_READER)

/* A record's body, read from the front. */
typedef struct
{
  const guint8 *at;
  const guint8 *end;
} Body;

/* 0: the default */
void
_kefu_xls_reader_set_timeout (guint seconds)
{
  timeout = seconds > 0 ? seconds : DEFAULT_TIMEOUT;
}

static const char *
display_name (KefuXlsReader *self)
{
  return kefu_table_reader_get_display_name (KEFU_TABLE_READER (self));
}

static const guint8 *
take (Body  *body,
      gsize  length)
{
  const guint8 *start = body->at;

  if ((gsize) (body->end - body->at) < length)
    return NULL;
  body->at += length;
  return start;
}

static gboolean
take_u16 (Body    *body,
          guint16 *value)
{
  const guint8 *p = take (body, 2);

  if (p != NULL)
    *value = p[0] | p[1] << 8;
  return p != NULL;
}

static gboolean
take_u32 (Body    *body,
          guint32 *value)
{
  const guint8 *p = take (body, 4);

  if (p != NULL)
    *value = p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
  return p != NULL;
}

static gboolean
take_double (Body   *body,
             double *value)
{
  const guint8 *p = take (body, 8);
  guint64 bits;

  if (p == NULL)
    return FALSE;
  memcpy (&bits, p, sizeof bits);
  bits = GUINT64_FROM_LE (bits);
  memcpy (value, &bits, sizeof bits);
  return TRUE;
}

/* A u32 length and as many bytes of valid UTF-8 (no NUL). */
static gboolean
take_text (Body        *body,
           const char **text,
           guint32     *length)
{
  const guint8 *p;

  if (!take_u32 (body, length) || (p = take (body, *length)) == NULL ||
      !g_utf8_validate ((const char *) p, *length, NULL))
    return FALSE;
  *text = (const char *) p;
  return TRUE;
}

/* Kills the process (if it still runs) and waits for it: no zombie. */
static void
stop_process (KefuXlsReader *self)
{
  if (self->socket != NULL)
    {
      g_socket_close (self->socket, NULL);
      g_clear_object (&self->socket);
    }
  if (self->process != NULL)
    {
      g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
    }
}

static void
set_damaged (KefuXlsReader *self,
             const char    *reason)
{
  g_clear_error (&self->failure);
  g_set_error (&self->failure, KEFU_READER_ERROR, KEFU_READER_ERROR_FORMAT,
               _("“%s” could not be read as an Excel 97–2003 workbook (.xls): the file is "
                 "probably damaged (%s). If it opens in Excel or WPS, save it as .xlsx "
                 "and import that."),
               display_name (self), reason);
}

/* The process is stopped, and the file taken for damaged; how the
 * process ended says why, unless it was stopped here. */
static gboolean
fail (KefuXlsReader   *self,
      ProcessFailure   failure,
      GError         **error)
{
  g_autofree char *reason = NULL;

  stop_process (self);
  self->in_sheet = FALSE;

  if (failure == PROCESS_SILENT)
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "the reader gave no answer in %u second",
                                           "the reader gave no answer in %u seconds",
                                           timeout),
                              timeout);
  else if (failure == PROCESS_GARBLED)
    reason = g_strdup (_("the reader’s answer could not be understood"));
  else if (g_subprocess_get_if_signaled (self->process) &&
           g_subprocess_get_term_sig (self->process) == SIGXCPU)
    reason = g_strdup (_("the reader worked on it too long"));
  else if (g_subprocess_get_if_signaled (self->process))
    reason = g_strdup_printf (_("the reader crashed with signal %d"),
                              g_subprocess_get_term_sig (self->process));
  else if (g_subprocess_get_if_exited (self->process) &&
           g_subprocess_get_exit_status (self->process) != 0)
    reason = g_strdup_printf (_("the reader stopped with exit status %d"),
                              g_subprocess_get_exit_status (self->process));
  else
    reason = g_strdup (_("the reader’s answer was cut short"));

  set_damaged (self, reason);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

/* Until @wanted bytes not yet decoded are there. */
static gboolean
receive (KefuXlsReader  *self,
         gsize           wanted,
         GError        **error)
{
  GByteArray *input = self->input;

  if (input->len - self->decoded >= wanted)
    return TRUE;

  g_byte_array_remove_range (input, 0, self->decoded);
  self->decoded = 0;

  while (input->len < wanted)
    {
      g_autoptr(GError) local_error = NULL;
      gsize have = input->len;
      gsize room = MAX (wanted - have, RECEIVE_SIZE);
      gssize n;

      g_byte_array_set_size (input, have + room);
      n = g_socket_receive (self->socket, (char *) input->data + have, room, NULL, &local_error);
      g_byte_array_set_size (input, have + MAX (n, 0));
      if (n <= 0)
        return fail (self,
                     g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
                     ? PROCESS_SILENT : PROCESS_ENDED,
                     error);
    }
  return TRUE;
}

/* The next record; its body is valid until the next call. */
static gboolean
read_record (KefuXlsReader  *self,
             guint8         *type,
             Body           *body,
             GError        **error)
{
  const guint8 *header;
  guint32 length;

  if (!receive (self, KEFU_XLS_HEADER_LENGTH, error))
    return FALSE;
  header = self->input->data + self->decoded;
  *type = header[0];
  length = header[1] | header[2] << 8 | header[3] << 16 | (guint32) header[4] << 24;
  if (length > KEFU_XLS_MAX_RECORD)
    return fail (self, PROCESS_GARBLED, error);
  if (!receive (self, KEFU_XLS_HEADER_LENGTH + length, error))
    return FALSE;

  body->at = self->input->data + self->decoded + KEFU_XLS_HEADER_LENGTH;
  body->end = body->at + length;
  self->decoded += KEFU_XLS_HEADER_LENGTH + length;
  return TRUE;
}

/* Something that is not the protocol: nothing more of it is believed. */
static gboolean
fail_garbled (KefuXlsReader  *self,
              GError        **error)
{
  return fail (self, PROCESS_GARBLED, error);
}

/* The process's own error: the file could be read, but not as asked. */
static gboolean
decode_error (KefuXlsReader  *self,
              Body           *body,
              GError        **error)
{
  g_autofree char *message = NULL;
  guint32 code;

  if (!take_u32 (body, &code) || code > KEFU_READER_ERROR_NO_SHEET)
    return fail_garbled (self, error);
  message = g_utf8_make_valid ((const char *) body->at, body->end - body->at);
  g_set_error_literal (error, KEFU_READER_ERROR, code, message);
  self->in_sheet = FALSE;
  return FALSE;
}

static gboolean
send_command (KefuXlsReader  *self,
              guint           index,
              GError        **error)
{
  guint8 command[KEFU_XLS_COMMAND_LENGTH] = { KEFU_XLS_COMMAND_SHEET };
  guint32 le = GUINT32_TO_LE (index);

  memcpy (command + 1, &le, sizeof le);
  /* A process that is gone cannot be written to: it says why it went. */
  if (g_socket_send (self->socket, (const char *) command, sizeof command, NULL, NULL) != sizeof command)
    return fail (self, PROCESS_ENDED, error);
  return TRUE;
}

static gboolean
decode_row (KefuXlsReader *self,
            Body          *body)
{
  guint32 number;
  guint16 n_cells;

  if (!take_u32 (body, &number) || !take_u16 (body, &n_cells) ||
      number <= self->last_row || number > self->n_rows)
    return FALSE;

  g_string_chunk_clear (self->strings);
  g_array_set_size (self->cells, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      KefuCell *cell = &g_array_index (self->cells, KefuCell, i);
      const guint8 *type = take (body, 1);
      const char *text;
      guint32 length;

      if (type == NULL || *type > KEFU_CELL_ERROR)
        return FALSE;
      cell->type = *type;
      cell->text = NULL;
      cell->number = 0;
      if ((cell->type == KEFU_CELL_NUMBER || cell->type == KEFU_CELL_BOOLEAN ||
           cell->type == KEFU_CELL_DATETIME) && !take_double (body, &cell->number))
        return FALSE;
      if (cell->type == KEFU_CELL_EMPTY)
        continue;
      if (!take_text (body, &text, &length))
        return FALSE;
      cell->text = g_string_chunk_insert_len (self->strings, text, length);
    }
  if (body->at != body->end)
    return FALSE;

  self->last_row = number;
  self->row.number = number;
  self->row.n_cells = n_cells;
  self->row.cells = n_cells > 0 ? &g_array_index (self->cells, KefuCell, 0) : NULL;
  return TRUE;
}

static guint
kefu_xls_reader_get_n_sheets (KefuTableReader *reader)
{
  return KEFU_XLS_READER (reader)->sheet_names->len;
}

static const char *
kefu_xls_reader_get_sheet_name (KefuTableReader *reader,
                                guint            index)
{
  return g_ptr_array_index (KEFU_XLS_READER (reader)->sheet_names, index);
}

static gboolean
kefu_xls_reader_select_sheet (KefuTableReader  *reader,
                              guint             index,
                              GError          **error)
{
  KefuXlsReader *self = KEFU_XLS_READER (reader);
  guint32 sheet, n_rows;
  guint8 type;
  Body body;

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  /* The sheet's rows are already coming, from the first. */
  if (self->in_sheet && self->sheet == index && self->last_row == 0)
    return TRUE;

  if (!send_command (self, index, error))
    return FALSE;

  /* The rows still coming of the sheet before are not wanted. */
  while (self->in_sheet)
    {
      if (!read_record (self, &type, &body, error))
        return FALSE;
      if (type == KEFU_XLS_RECORD_END || type == KEFU_XLS_RECORD_ERROR)
        self->in_sheet = FALSE;
      else if (type != KEFU_XLS_RECORD_ROW)
        return fail_garbled (self, error);
    }

  if (!read_record (self, &type, &body, error))
    return FALSE;
  if (type == KEFU_XLS_RECORD_ERROR)
    return decode_error (self, &body, error);
  if (type != KEFU_XLS_RECORD_SHEET || !take_u32 (&body, &sheet) || !take_u32 (&body, &n_rows) ||
      sheet != index || body.at != body.end)
    return fail_garbled (self, error);

  self->sheet = index;
  self->in_sheet = TRUE;
  self->n_rows = n_rows;
  self->last_row = 0;
  return TRUE;
}

static const KefuRow *
kefu_xls_reader_next_row (KefuTableReader  *reader,
                          GError          **error)
{
  KefuXlsReader *self = KEFU_XLS_READER (reader);
  guint8 type;
  Body body;

  if (!self->in_sheet)
    return NULL;
  if (!read_record (self, &type, &body, error))
    return NULL;

  switch (type)
    {
    case KEFU_XLS_RECORD_ROW:
      if (decode_row (self, &body))
        return &self->row;
      fail_garbled (self, error);
      return NULL;

    case KEFU_XLS_RECORD_END:
      self->in_sheet = FALSE;
      self->last_row = self->n_rows;
      return NULL;

    case KEFU_XLS_RECORD_ERROR:
      decode_error (self, &body, error);
      return NULL;

    default:
      fail_garbled (self, error);
      return NULL;
    }
}

/* Rows of the selected sheet read so far: the process read the file whole. */
static double
kefu_xls_reader_get_progress (KefuTableReader *reader)
{
  KefuXlsReader *self = KEFU_XLS_READER (reader);

  if (self->n_rows == 0)
    return 1.0;
  return (double) MIN (self->last_row, self->n_rows) / (double) self->n_rows;
}

static void
kefu_xls_reader_finalize (GObject *object)
{
  KefuXlsReader *self = KEFU_XLS_READER (object);

  stop_process (self);
  g_clear_object (&self->process);
  g_clear_error (&self->failure);
  g_byte_array_unref (self->input);
  g_ptr_array_unref (self->sheet_names);
  g_string_chunk_free (self->strings);
  g_array_unref (self->cells);

  G_OBJECT_CLASS (kefu_xls_reader_parent_class)->finalize (object);
}

static void
kefu_xls_reader_class_init (KefuXlsReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KefuTableReaderClass *reader_class = KEFU_TABLE_READER_CLASS (klass);

  object_class->finalize = kefu_xls_reader_finalize;

  reader_class->get_n_sheets = kefu_xls_reader_get_n_sheets;
  reader_class->get_sheet_name = kefu_xls_reader_get_sheet_name;
  reader_class->select_sheet = kefu_xls_reader_select_sheet;
  reader_class->next_row = kefu_xls_reader_next_row;
  reader_class->get_progress = kefu_xls_reader_get_progress;
}

static void
kefu_xls_reader_init (KefuXlsReader *self)
{
  self->input = g_byte_array_sized_new (RECEIVE_SIZE);
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (4096);
  self->cells = g_array_new (FALSE, FALSE, sizeof (KefuCell));
}

/* Installed in libexecdir; KEFU_LIBEXECDIR points into a build tree. */
static char *
process_path (void)
{
  const char *dir = g_getenv ("KEFU_LIBEXECDIR");

  return g_build_filename (dir != NULL && *dir != '\0' ? dir : LIBEXECDIR, KEFU_XLS_READER_NAME, NULL);
}

/* kefu-xls-reader with one end of a socket as its stdin and stdout. */
static gboolean
start_process (KefuXlsReader  *self,
               const char     *path,
               GError        **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *program = process_path ();
  int fds[2] = { -1, -1 }, output = -1;

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0 ||
      (output = fcntl (fds[1], F_DUPFD_CLOEXEC, 3)) < 0)
    {
      int saved_errno = errno;

      if (fds[0] >= 0)
        {
          close (fds[0]);
          close (fds[1]);
        }
      g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      goto out;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_take_stdin_fd (launcher, fds[1]);
  g_subprocess_launcher_take_stdout_fd (launcher, output);
  self->process = g_subprocess_launcher_spawn (launcher, &local_error, program, path, NULL);
  /* Our copies of the process's end, or no end of file when it exits. */
  g_subprocess_launcher_close (launcher);
  if (self->process == NULL)
    {
      close (fds[0]);
      goto out;
    }

  self->socket = g_socket_new_from_fd (fds[0], &local_error);
  if (self->socket == NULL)
    close (fds[0]);
  else
    g_socket_set_timeout (self->socket, timeout);

out:
  if (local_error == NULL)
    return TRUE;
  g_set_error (error, KEFU_READER_ERROR, KEFU_READER_ERROR_IO,
               _("“%s” could not be read: the reader for Excel 97–2003 workbooks (.xls) "
                 "could not be started (%s)."),
               display_name (self), local_error->message);
  return FALSE;
}

static gboolean
read_sheet_names (KefuXlsReader  *self,
                  GError        **error)
{
  guint32 version, n_sheets;
  guint8 type;
  Body body;

  if (!read_record (self, &type, &body, error))
    return FALSE;
  if (type != KEFU_XLS_RECORD_HELLO || !take_u32 (&body, &version) ||
      version != KEFU_XLS_PROTOCOL_VERSION)
    return fail_garbled (self, error);

  if (!read_record (self, &type, &body, error))
    return FALSE;
  if (type == KEFU_XLS_RECORD_ERROR)
    return decode_error (self, &body, error);
  if (type != KEFU_XLS_RECORD_SHEETS || !take_u32 (&body, &n_sheets))
    return fail_garbled (self, error);
  for (guint32 i = 0; i < n_sheets; i++)
    {
      const char *name;
      guint32 length;

      if (!take_text (&body, &name, &length))
        return fail_garbled (self, error);
      g_ptr_array_add (self->sheet_names, g_strndup (name, length));
    }
  if (body.at != body.end)
    return fail_garbled (self, error);
  return TRUE;
}

/**
 * kefu_xls_reader_new:
 * @path: an Excel 97–2003 workbook, whatever its extension
 *
 * Starts kefu-xls-reader on the file, waits for it to have parsed the
 * whole workbook and selects the first sheet.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
KefuTableReader *
kefu_xls_reader_new (const char  *path,
                     GError     **error)
{
  g_autoptr(KefuXlsReader) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KEFU_TYPE_XLS_READER, "path", path, NULL);

  if (!start_process (self, path, error) ||
      !read_sheet_names (self, error) ||
      !kefu_table_reader_select_sheet (KEFU_TABLE_READER (self), 0, error))
    return NULL;

  return KEFU_TABLE_READER (g_steal_pointer (&self));
}
