/* kefu-event-feed.h — messages and orders merged by buyer, read in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_FEED_BUYER,      /* the next buyer starts: their orders, then their messages */
  KEFU_FEED_ORDER,
  KEFU_FEED_MESSAGE,
} KefuFeedKind;

typedef struct
{
  guint8   kind;        /* KefuFeedKind */
  guint8   sender;      /* KefuSender, of a message */
  guint32  buyer;       /* strings: offsets in the chunk's text, G_MAXUINT32 for none */
  guint32  order_no;
  gint64   time;        /* message: sent; order: placed, else paid */
  gint64   agent_id;    /* 0: none */
  /* Orders only. */
  gint64   id;
  gint64   paid_at;     /* 0: not paid */
  gint64   items;       /* -1: unknown */
  double   amount;      /* NAN: unknown */
} KefuFeedItem;

typedef struct _KefuEventFeed KefuEventFeed;

KefuEventFeed      *_kefu_event_feed_start    (KefuStore      *store,
                                               sqlite3_stmt   *messages,
                                               sqlite3_stmt   *orders);
const KefuFeedItem *_kefu_event_feed_next     (KefuEventFeed  *feed,
                                               const char    **order_no);
gboolean            _kefu_event_feed_finish   (KefuEventFeed  *feed,
                                               GError        **error);

G_END_DECLS
