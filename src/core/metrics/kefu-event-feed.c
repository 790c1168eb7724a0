/* kefu-event-feed.c — messages and orders merged by buyer, read in threads
 *
 * Walking a month of messages in (buyer, time) order, and sorting the
 * orders by buyer, is most of the work of the event road, and it is
 * SQLite's. So a thread steps the messages and merges them with the
 * orders by buyer, copying the rows into chunks, while the caller's thread
 * runs the turns and attribution over the chunks already read. When the
 * store can give a second connection at the same snapshot, the orders are
 * read and sorted by a third thread on it; otherwise the merging thread
 * steps them itself, as a connection must only ever be used by one thread
 * at a time.
 *
 * A few chunks circulate between each pair of threads, so memory stays
 * bounded however many messages and orders there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "metrics/kefu-event-feed.h"
#include "store/kefu-store-private.h"

#define CHUNK_ITEMS 8192
#define N_CHUNKS 4
#define NO_TEXT G_MAXUINT32

typedef struct
{
  GArray   *items;    /* KefuFeedItem */
  GString  *text;     /* the items' strings, each ended by a NUL */
  gboolean  last;     /* the producer's final chunk */
  GError   *error;    /* why it ended early, on the last chunk */
} Chunk;

/* Chunks from one thread to another, and back once read. */
typedef struct
{
  GAsyncQueue *full;
  GAsyncQueue *empty;
  gint         stop;       /* set by the consumer when it gives up */
  Chunk        chunks[N_CHUNKS];
  Chunk       *filling;    /* the producer's */
  Chunk       *reading;    /* the consumer's */
  guint        pos;
} Pipe;

struct _KefuEventFeed
{
  KefuStore    *store;
  sqlite3_stmt *messages;
  sqlite3_stmt *orders;        /* NULL: messages only */
  gboolean      orders_apart;  /* read by a thread of their own */

  GThread      *merger;
  GThread      *order_reader;
  Pipe          out;           /* merger → caller */
  Pipe          sorted_orders; /* order reader → merger */

  /* The merger's current order, when it steps the orders itself. */
  KefuFeedItem  order;
  GString      *order_buyer;
  GString      *order_no;
  gboolean      order_has_buyer;
};

static void
pipe_init (Pipe *pipe)
{
  pipe->full = g_async_queue_new ();
  pipe->empty = g_async_queue_new ();
  for (guint i = 0; i < N_CHUNKS; i++)
    {
      pipe->chunks[i].items = g_array_sized_new (FALSE, FALSE, sizeof (KefuFeedItem), CHUNK_ITEMS);
      pipe->chunks[i].text = g_string_new (NULL);
      g_async_queue_push (pipe->empty, &pipe->chunks[i]);
    }
}

static void
pipe_clear (Pipe *pipe)
{
  for (guint i = 0; i < N_CHUNKS; i++)
    {
      g_array_unref (pipe->chunks[i].items);
      g_string_free (pipe->chunks[i].text, TRUE);
      g_clear_error (&pipe->chunks[i].error);
    }
  g_async_queue_unref (pipe->full);
  g_async_queue_unref (pipe->empty);
}

static Chunk *
take_empty (Pipe *pipe)
{
  Chunk *chunk = g_async_queue_pop (pipe->empty);

  g_array_set_size (chunk->items, 0);
  g_string_truncate (chunk->text, 0);
  return chunk;
}

/* The producer's next item to fill, handing over a full chunk first;
 * NULL once the consumer has given up. */
static KefuFeedItem *
pipe_reserve (Pipe *pipe)
{
  Chunk *chunk = pipe->filling;

  if (chunk == NULL)
    chunk = pipe->filling = take_empty (pipe);
  else if (chunk->items->len == CHUNK_ITEMS)
    {
      if (g_atomic_int_get (&pipe->stop))
        return NULL;
      g_async_queue_push (pipe->full, chunk);
      chunk = pipe->filling = take_empty (pipe);
    }
  g_array_set_size (chunk->items, chunk->items->len + 1);
  return &g_array_index (chunk->items, KefuFeedItem, chunk->items->len - 1);
}

/* Copies @text into the chunk of the item last reserved. */
static guint32
pipe_text (Pipe       *pipe,
           const char *text)
{
  GString *buffer = pipe->filling->text;
  guint32 offset = (guint32) buffer->len;

  if (text == NULL || buffer->len >= NO_TEXT / 2)
    return NO_TEXT;
  g_string_append_len (buffer, text, strlen (text) + 1);
  return offset;
}

static void
pipe_close (Pipe   *pipe,
            GError *error)
{
  if (pipe->filling == NULL)
    pipe->filling = take_empty (pipe);
  pipe->filling->last = TRUE;
  pipe->filling->error = error;
  g_async_queue_push (pipe->full, pipe->filling);
}

/* The consumer's next item; NULL at the end. */
static const KefuFeedItem *
pipe_next (Pipe *pipe)
{
  while (pipe->reading == NULL || pipe->pos == pipe->reading->items->len)
    {
      if (pipe->reading != NULL)
        {
          if (pipe->reading->last)
            return NULL;
          g_async_queue_push (pipe->empty, pipe->reading);
        }
      pipe->reading = g_async_queue_pop (pipe->full);
      pipe->pos = 0;
    }
  return &g_array_index (pipe->reading->items, KefuFeedItem, pipe->pos++);
}

static const char *
pipe_string (Pipe    *pipe,
             guint32  offset)
{
  return offset != NO_TEXT ? pipe->reading->text->str + offset : NULL;
}

/* Stops the producer, reads what it still hands over, and returns why
 * it stopped early, if it did. */
static GError *
pipe_drain (Pipe *pipe)
{
  g_atomic_int_set (&pipe->stop, 1);
  while (pipe->reading == NULL || !pipe->reading->last)
    {
      if (pipe->reading != NULL)
        g_async_queue_push (pipe->empty, pipe->reading);
      pipe->reading = g_async_queue_pop (pipe->full);
    }
  return g_steal_pointer (&pipe->reading->error);
}

static gboolean
step (KefuEventFeed  *feed,
      sqlite3_stmt   *stmt,
      int            *rc,
      GError        **error)
{
  if (stmt == NULL)
    {
      *rc = SQLITE_DONE;
      return TRUE;
    }
  *rc = sqlite3_step (stmt);
  if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
    {
      _kefu_store_set_read_error (feed->store, sqlite3_db_handle (stmt), error);
      return FALSE;
    }
  return TRUE;
}

/* Columns: buyer, placed (else paid), paid_at, paid_amount, amount,
 * items, agent_id, id, order_no. */
static void
read_order (sqlite3_stmt *stmt,
            KefuFeedItem *item)
{
  gboolean paid_at_known = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  double paid_amount = sqlite3_column_type (stmt, 3) != SQLITE_NULL ? sqlite3_column_double (stmt, 3) : NAN;

  *item = (KefuFeedItem) {
    .kind = KEFU_FEED_ORDER,
    .order_no = NO_TEXT,
    .time = sqlite3_column_int64 (stmt, 1),
    .agent_id = sqlite3_column_int64 (stmt, 6),
    .id = sqlite3_column_int64 (stmt, 7),
    .items = sqlite3_column_type (stmt, 5) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 5) : -1,
  };
  /* Without a payment time, a paid amount says it was paid. */
  item->paid_at = paid_at_known ? sqlite3_column_int64 (stmt, 2)
                : paid_amount > 0 ? item->time : 0;
  item->amount = !isnan (paid_amount) ? paid_amount
               : sqlite3_column_type (stmt, 4) != SQLITE_NULL ? sqlite3_column_double (stmt, 4) : NAN;
}

/* The order reader: the orders as they come from SQLite, sorted by buyer,
 * with their buyer and number. */
static gpointer
read_orders (gpointer data)
{
  KefuEventFeed *feed = data;
  Pipe *pipe = &feed->sorted_orders;
  GError *error = NULL;
  int rc;

  while (step (feed, feed->orders, &rc, &error) && rc == SQLITE_ROW)
    {
      KefuFeedItem *item = pipe_reserve (pipe);

      if (item == NULL)
        break;
      read_order (feed->orders, item);
      item->buyer = pipe_text (pipe, (const char *) sqlite3_column_text (feed->orders, 0));
      item->order_no = pipe_text (pipe, (const char *) sqlite3_column_text (feed->orders, 8));
    }
  pipe_close (pipe, error);
  return NULL;
}

/* The merger's current order, wherever it comes from: FALSE at the end. */
static gboolean
next_order (KefuEventFeed  *feed,
            GError        **error)
{
  int rc;

  if (feed->orders_apart)
    {
      const KefuFeedItem *item = pipe_next (&feed->sorted_orders);
      const char *buyer, *order_no;

      if (item == NULL)
        {
          GError *order_error = pipe_drain (&feed->sorted_orders);

          if (order_error != NULL)
            g_propagate_error (error, order_error);
          return FALSE;
        }
      feed->order = *item;
      buyer = pipe_string (&feed->sorted_orders, item->buyer);
      order_no = pipe_string (&feed->sorted_orders, item->order_no);
      feed->order_has_buyer = buyer != NULL;
      g_string_assign (feed->order_buyer, buyer != NULL ? buyer : "");
      g_string_assign (feed->order_no, order_no != NULL ? order_no : "");
      feed->order.order_no = order_no != NULL ? 0 : NO_TEXT;
      return TRUE;
    }

  if (!step (feed, feed->orders, &rc, error) || rc != SQLITE_ROW)
    return FALSE;
  read_order (feed->orders, &feed->order);
  feed->order_has_buyer = sqlite3_column_type (feed->orders, 0) != SQLITE_NULL;
  g_string_assign (feed->order_buyer, feed->order_has_buyer
                   ? (const char *) sqlite3_column_text (feed->orders, 0) : "");
  if (sqlite3_column_type (feed->orders, 8) != SQLITE_NULL)
    {
      g_string_assign (feed->order_no, (const char *) sqlite3_column_text (feed->orders, 8));
      feed->order.order_no = 0;
    }
  return TRUE;
}

static gboolean
push_buyer (KefuEventFeed *feed)
{
  KefuFeedItem *item = pipe_reserve (&feed->out);

  if (item == NULL)
    return FALSE;
  *item = (KefuFeedItem) { .kind = KEFU_FEED_BUYER, .buyer = NO_TEXT, .order_no = NO_TEXT };
  return TRUE;
}

static gboolean
push_order (KefuEventFeed *feed)
{
  KefuFeedItem *item = pipe_reserve (&feed->out);

  if (item == NULL)
    return FALSE;
  *item = feed->order;
  item->buyer = NO_TEXT;
  if (feed->order.order_no != NO_TEXT)
    item->order_no = pipe_text (&feed->out, feed->order_no->str);
  return TRUE;
}

static gboolean
push_message (KefuEventFeed *feed)
{
  sqlite3_stmt *stmt = feed->messages;
  KefuFeedItem *item = pipe_reserve (&feed->out);
  const char *sender;

  if (item == NULL)
    return FALSE;
  sender = (const char *) sqlite3_column_text (stmt, 2);
  *item = (KefuFeedItem) {
    .kind = KEFU_FEED_MESSAGE,
    .sender = g_strcmp0 (sender, "buyer") == 0 ? KEFU_SENDER_BUYER
            : g_strcmp0 (sender, "agent") == 0 ? KEFU_SENDER_AGENT
            : g_strcmp0 (sender, "robot") == 0 ? KEFU_SENDER_ROBOT
            : g_strcmp0 (sender, "auto") == 0 ? KEFU_SENDER_AUTO
            : KEFU_SENDER_SYSTEM,
    .buyer = NO_TEXT,
    .order_no = NO_TEXT,
    .time = sqlite3_column_int64 (stmt, 1),
    .agent_id = sqlite3_column_int64 (stmt, 3),
  };
  return TRUE;
}

static const char *
buyer_of (sqlite3_stmt *stmt)
{
  return (const char *) sqlite3_column_text (stmt, 0);
}

/* The merge, like a join: the next buyer of either side, their orders,
 * then their messages. Orders without a buyer are each a buyer of their
 * own, and come first (NULL sorts first). FALSE on a database error;
 * TRUE at the end, or when the caller has given up. */
static gboolean
merge (KefuEventFeed  *feed,
       GError        **error)
{
  g_autoptr(GString) buyer = g_string_new (NULL);
  g_autoptr(GError) order_error = NULL;
  sqlite3_stmt *messages = feed->messages;
  gboolean has_order = feed->orders != NULL && next_order (feed, &order_error);
  int msg_rc;

  if (order_error != NULL || !step (feed, messages, &msg_rc, error))
    goto failed;

  while (msg_rc == SQLITE_ROW || has_order)
    {
      if (has_order && !feed->order_has_buyer)
        {
          if (!push_buyer (feed) || !push_order (feed))
            return TRUE;
          if (!(has_order = next_order (feed, &order_error)) && order_error != NULL)
            goto failed;
          continue;
        }

      /* SQLite's BINARY order is strcmp's. */
      if (msg_rc != SQLITE_ROW)
        g_string_assign (buyer, feed->order_buyer->str);
      else if (!has_order)
        g_string_assign (buyer, buyer_of (messages));
      else
        {
          const char *a = buyer_of (messages);
          const char *b = feed->order_buyer->str;

          g_string_assign (buyer, strcmp (a, b) <= 0 ? a : b);
        }
      if (!push_buyer (feed))
        return TRUE;

      while (has_order && g_str_equal (feed->order_buyer->str, buyer->str))
        {
          if (!push_order (feed))
            return TRUE;
          if (!(has_order = next_order (feed, &order_error)) && order_error != NULL)
            goto failed;
        }
      while (msg_rc == SQLITE_ROW && g_str_equal (buyer_of (messages), buyer->str))
        {
          if (!push_message (feed))
            return TRUE;
          if (!step (feed, messages, &msg_rc, error))
            return FALSE;
        }
    }
  return TRUE;

failed:
  if (order_error != NULL)
    g_propagate_error (error, g_steal_pointer (&order_error));
  return FALSE;
}

static gpointer
run_merger (gpointer data)
{
  KefuEventFeed *feed = data;
  GError *error = NULL;

  merge (feed, &error);
  if (feed->orders_apart)
    {
      GError *order_error = pipe_drain (&feed->sorted_orders);

      if (error == NULL)
        error = order_error;
      else
        g_clear_error (&order_error);
    }
  pipe_close (&feed->out, error);
  return NULL;
}

/**
 * _kefu_event_feed_start:
 * @messages: rows of (buyer, sent_at, sender, agent_id) ordered by buyer
 *   then time, on @store's connection
 * @orders: (nullable): rows of (buyer, placed, paid_at, paid_amount,
 *   amount, items, agent_id, id, order_no) ordered by buyer, on @store's
 *   connection or on the second one of _kefu_store_begin_snapshot()
 *
 * Starts reading both statements in threads. Until
 * _kefu_event_feed_finish() returns, nothing else may use the statements'
 * connections.
 */
KefuEventFeed *
_kefu_event_feed_start (KefuStore    *store,
                        sqlite3_stmt *messages,
                        sqlite3_stmt *orders)
{
  KefuEventFeed *feed = g_new0 (KefuEventFeed, 1);

  feed->store = store;
  feed->messages = messages;
  feed->orders = orders;
  feed->orders_apart = orders != NULL && sqlite3_db_handle (orders) != sqlite3_db_handle (messages);
  feed->order_buyer = g_string_new (NULL);
  feed->order_no = g_string_new (NULL);
  pipe_init (&feed->out);
  if (feed->orders_apart)
    {
      pipe_init (&feed->sorted_orders);
      feed->order_reader = g_thread_new ("kefu-orders", read_orders, feed);
    }
  feed->merger = g_thread_new ("kefu-messages", run_merger, feed);
  return feed;
}

/**
 * _kefu_event_feed_next:
 * @order_no: (out): an order's number, or NULL
 *
 * Returns: (nullable): the next item, valid until the next call; NULL at
 *   the end, or when reading failed (said by _kefu_event_feed_finish())
 */
const KefuFeedItem *
_kefu_event_feed_next (KefuEventFeed  *feed,
                       const char    **order_no)
{
  const KefuFeedItem *item = pipe_next (&feed->out);

  if (item != NULL)
    *order_no = pipe_string (&feed->out, item->order_no);
  return item;
}

/**
 * _kefu_event_feed_finish:
 *
 * Stops the threads (early, when the caller gives up before the end),
 * waits for them and frees @feed. The statements are left to the caller.
 *
 * Returns: FALSE when the feed ended on a database error
 */
gboolean
_kefu_event_feed_finish (KefuEventFeed  *feed,
                         GError        **error)
{
  GError *feed_error = pipe_drain (&feed->out);

  g_thread_join (feed->merger);
  pipe_clear (&feed->out);
  if (feed->orders_apart)
    {
      g_thread_join (feed->order_reader);
      pipe_clear (&feed->sorted_orders);
    }
  g_string_free (feed->order_buyer, TRUE);
  g_string_free (feed->order_no, TRUE);
  g_free (feed);

  if (feed_error != NULL)
    {
      g_propagate_error (error, feed_error);
      return FALSE;
    }
  return TRUE;
}
