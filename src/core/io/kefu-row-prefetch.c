/* kefu-row-prefetch.c — reading rows in a thread of their own
 *
 * Decompressing, parsing XML or CSV and decoding text take as long as
 * storing the rows; on a machine with two cores they can overlap. A
 * worker reads the reader's current sheet into batches of copied rows;
 * the caller takes them in order. A few batches circulate between the two
 * (free → filled → free), so memory stays bounded whatever the file's
 * size. The reader must not be touched by anyone else until the prefetch
 * is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "io/kefu-row-prefetch.h"

#define N_BATCHES 4
#define BATCH_ROWS 512

typedef struct
{
  GArray   *rows;       /* KefuRow; cells point into `cells` once taken */
  GArray   *cells;      /* KefuCell; texts hold offsets into `text` until taken */
  GArray   *n_cells;    /* guint per row, to rebuild the rows' cell pointers */
  GString  *text;
  GError   *error;      /* the reader's, on the batch that ends with it */
  gboolean  last;       /* no batch follows */
} Batch;

struct _KefuRowPrefetch
{
  KefuTableReader *reader;
  GThread         *thread;
  GAsyncQueue     *free_batches;
  GAsyncQueue     *full_batches;
  gint             stop;          /* atomic: the caller is done */
  gint             progress;      /* atomic: the reader's progress × 1e6 */

  Batch           *current;       /* being handed out */
  guint            next;
  gboolean         done;
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (KefuRow), BATCH_ROWS);
  batch->cells = g_array_new (FALSE, FALSE, sizeof (KefuCell));
  batch->n_cells = g_array_sized_new (FALSE, FALSE, sizeof (guint), BATCH_ROWS);
  batch->text = g_string_new (NULL);
  return batch;
}

static void
batch_reset (Batch *batch)
{
  g_array_set_size (batch->rows, 0);
  g_array_set_size (batch->cells, 0);
  g_array_set_size (batch->n_cells, 0);
  g_string_truncate (batch->text, 0);
  g_clear_error (&batch->error);
  batch->last = FALSE;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_array_unref (batch->rows);
  g_array_unref (batch->cells);
  g_array_unref (batch->n_cells);
  g_string_free (batch->text, TRUE);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* Copies a row; its texts are kept as offsets, the buffer may move. */
static void
batch_add (Batch         *batch,
           const KefuRow *row)
{
  KefuRow copy = { row->number, row->n_cells, NULL };

  for (guint i = 0; i < row->n_cells; i++)
    {
      KefuCell cell = row->cells[i];

      if (cell.text != NULL)
        {
          gsize offset = batch->text->len;

          g_string_append_len (batch->text, cell.text, strlen (cell.text) + 1);
          cell.text = GSIZE_TO_POINTER (offset + 1);   /* 0 stays NULL */
        }
      g_array_append_val (batch->cells, cell);
    }
  g_array_append_val (batch->rows, copy);
  g_array_append_val (batch->n_cells, row->n_cells);
}

/* Once the batch is the caller's: point rows and texts at their data. */
static void
batch_fix_pointers (Batch *batch)
{
  KefuCell *cells = (KefuCell *) (gpointer) batch->cells->data;
  guint c = 0;

  for (guint i = 0; i < batch->cells->len; i++)
    if (cells[i].text != NULL)
      cells[i].text = batch->text->str + GPOINTER_TO_SIZE (cells[i].text) - 1;

  for (guint r = 0; r < batch->rows->len; r++)
    {
      KefuRow *row = &g_array_index (batch->rows, KefuRow, r);

      row->cells = cells + c;
      c += g_array_index (batch->n_cells, guint, r);
    }
}

static gpointer
prefetch_thread (gpointer data)
{
  KefuRowPrefetch *self = data;
  gboolean last = FALSE;

  while (!last)
    {
      Batch *batch = g_async_queue_pop (self->free_batches);

      batch_reset (batch);
      while (batch->rows->len < BATCH_ROWS)
        {
          const KefuRow *row;

          if (g_atomic_int_get (&self->stop))
            {
              last = TRUE;
              break;
            }

          row = kefu_table_reader_next_row (self->reader, &batch->error);
          if (row == NULL)
            {
              last = TRUE;
              break;
            }
          batch_add (batch, row);
        }

      g_atomic_int_set (&self->progress,
                        (gint) (kefu_table_reader_get_progress (self->reader) * 1e6));
      batch->last = last;
      g_async_queue_push (self->full_batches, batch);
    }

  return NULL;
}

/**
 * kefu_row_prefetch_start:
 * @reader: a reader, positioned where reading should start
 *
 * Returns: (transfer full): the prefetch; its rows are the reader's,
 *   from where it stands to the end of the sheet
 */
KefuRowPrefetch *
kefu_row_prefetch_start (KefuTableReader *reader)
{
  KefuRowPrefetch *self;

  g_return_val_if_fail (KEFU_IS_TABLE_READER (reader), NULL);

  self = g_new0 (KefuRowPrefetch, 1);
  self->reader = g_object_ref (reader);
  self->free_batches = g_async_queue_new_full (batch_free);
  self->full_batches = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self->free_batches, batch_new ());

  self->thread = g_thread_new ("kefu-rows", prefetch_thread, self);
  return self;
}

/**
 * kefu_row_prefetch_next:
 *
 * Returns: (transfer none) (nullable): the next row, valid until the next
 *   call; %NULL at the end, or with @error set as the reader set it
 */
const KefuRow *
kefu_row_prefetch_next (KefuRowPrefetch  *self,
                        GError          **error)
{
  while (!self->done && (self->current == NULL || self->next >= self->current->rows->len))
    {
      if (self->current != NULL)
        {
          gboolean last = self->current->last;

          if (self->current->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&self->current->error));
              self->done = TRUE;
            }
          g_async_queue_push (self->free_batches, g_steal_pointer (&self->current));
          if (last || self->done)
            {
              self->done = TRUE;
              break;
            }
        }

      self->current = g_async_queue_pop (self->full_batches);
      self->next = 0;
      batch_fix_pointers (self->current);
    }

  if (self->done)
    return NULL;

  return &g_array_index (self->current->rows, KefuRow, self->next++);
}

double
kefu_row_prefetch_get_progress (KefuRowPrefetch *self)
{
  return g_atomic_int_get (&self->progress) / 1e6;
}

void
kefu_row_prefetch_free (KefuRowPrefetch *self)
{
  if (self == NULL)
    return;

  /* Tell the worker to stop, and keep it fed until it has. */
  g_atomic_int_set (&self->stop, 1);
  if (self->current != NULL)
    g_async_queue_push (self->free_batches, g_steal_pointer (&self->current));
  while (!self->done)
    {
      Batch *batch = g_async_queue_pop (self->full_batches);

      self->done = batch->last;
      g_async_queue_push (self->free_batches, batch);
    }

  g_thread_join (self->thread);
  g_async_queue_unref (self->free_batches);
  g_async_queue_unref (self->full_batches);
  g_object_unref (self->reader);
  g_free (self);
}
