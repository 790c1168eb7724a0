/* kefu-store.h — the SQLite database a shop's data lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scoring/kefu-manual-scores.h"
#include "scoring/kefu-scheme.h"

G_BEGIN_DECLS

#define KEFU_STORE_ERROR (kefu_store_error_quark ())

typedef enum
{
  KEFU_STORE_ERROR_NOT_KEFU,     /* a database, but not one of ours */
  KEFU_STORE_ERROR_TOO_NEW,      /* written by a newer Kefu */
  KEFU_STORE_ERROR_OPEN,         /* cannot be opened or read at all */
  KEFU_STORE_ERROR_BACKUP,       /* the copy before migrating failed */
  KEFU_STORE_ERROR_MIGRATION,    /* a migration step failed */
  KEFU_STORE_ERROR_NOT_FOUND,
  KEFU_STORE_ERROR_CONSTRAINT,   /* the data breaks a rule of the schema */
  KEFU_STORE_ERROR_FAILED,
} KefuStoreError;

/* Written into the SQLite header (PRAGMA application_id): "KEFU". */
#define KEFU_STORE_APPLICATION_ID 0x4B454655

/* What one imported file brought. Strings may be NULL where unknown. */
typedef struct
{
  gint64      shop_id;
  const char *file_name;
  gint64      file_size;
  const char *sha256;
  const char *profile;
  const char *platform;
  const char *kind;
  const char *period_start;   /* YYYY-MM-DD */
  const char *period_end;     /* YYYY-MM-DD, inclusive */
  gint64      rows_read;
  gint64      rows_imported;
  gint64      rows_skipped;
  const char *issues_json;    /* a JSON array; NULL for none */
} KefuBatchInfo;

/* An additive quantity of a shop or agent over a period (METRICS.md §2). */
typedef struct
{
  gint64      batch_id;
  gint64      shop_id;
  gint64      agent_id;       /* 0 for a shop-level measure */
  const char *period_start;
  const char *period_end;
  const char *key;
  double      sum;
  double      count;
  gboolean    estimated;
} KefuMeasure;

typedef enum
{
  KEFU_SENDER_BUYER,
  KEFU_SENDER_AGENT,
  KEFU_SENDER_ROBOT,
  KEFU_SENDER_AUTO,
  KEFU_SENDER_SYSTEM,
} KefuSender;

typedef struct
{
  gint64      batch_id;
  gint64      shop_id;
  gint64      agent_id;       /* 0 when no agent is involved */
  const char *conversation;   /* NULL when the export has none */
  const char *buyer;
  gint64      sent_at;        /* seconds since the Unix epoch, UTC */
  KefuSender  sender;
  const char *type;
  const char *content;
} KefuMessage;

/* An order row. Unknown times are 0, unknown amounts NAN, unknown item
 * counts -1: all stored as NULL. */
typedef struct
{
  gint64      batch_id;
  gint64      shop_id;
  gint64      agent_id;       /* 0 when the export names none */
  const char *order_no;
  const char *buyer;
  const char *status;
  gint64      created_at;
  gint64      paid_at;
  double      amount;
  double      paid_amount;
  gint64      items;
  const char *after_sale;
} KefuOrder;

/* A refund or after-sales case. The texts are the platform's own words,
 * which the metric engine reads by what they contain: @kind (售后类型:
 * 仅退款, 退货退款 …), @status (退款状态: 退款成功, 退款关闭 …),
 * @goods_status (货物状态) and @reason (退款原因). Unknown times are 0,
 * an unknown amount NAN: stored as NULL. */
typedef struct
{
  gint64      batch_id;
  gint64      shop_id;
  const char *refund_no;
  const char *order_no;       /* NULL when the export names none */
  double      amount;
  const char *status;
  const char *goods_status;
  const char *kind;
  const char *reason;
  gint64      applied_at;
  gint64      completed_at;
} KefuRefund;

typedef struct
{
  gint64      batch_id;
  gint64      shop_id;
  gint64      agent_id;
  const char *conversation;
  const char *buyer;
  gint64      started_at;
  gint64      ended_at;       /* 0 when unknown, as the other times */
  gint64      queued_at;
  gint64      assigned_at;
  int         transferred;    /* -1 unknown, 0, 1 */
  const char *rating;         /* very_satisfied … very_dissatisfied, or NULL */
} KefuSession;

#define KEFU_TYPE_STORE (kefu_store_get_type ())
G_DECLARE_FINAL_TYPE (KefuStore, kefu_store, KEFU, STORE, GObject)

GQuark       kefu_store_error_quark        (void);
char        *kefu_store_get_default_path   (void);
char        *kefu_store_get_demo_path      (const char          *db_path);
int          kefu_store_get_latest_version (void);

KefuStore   *kefu_store_open               (const char          *path,
                                            GError             **error);
const char  *kefu_store_get_path           (KefuStore           *self);
int          kefu_store_get_schema_version (KefuStore           *self);
const char  *kefu_store_get_backup_path    (KefuStore           *self);

gboolean     kefu_store_begin              (KefuStore           *self,
                                            GError             **error);
gboolean     kefu_store_commit             (KefuStore           *self,
                                            GError             **error);
void         kefu_store_rollback           (KefuStore           *self);
gboolean     kefu_store_in_transaction     (KefuStore           *self);

gint64       kefu_store_add_shop           (KefuStore           *self,
                                            const char          *name,
                                            const char          *platform,
                                            GError             **error);
GListModel  *kefu_store_list_shops         (KefuStore           *self,
                                            GError             **error);
gint64       kefu_store_ensure_agent       (KefuStore           *self,
                                            gint64               shop_id,
                                            const char          *account,
                                            GError             **error);

gint64       kefu_store_find_batch         (KefuStore           *self,
                                            gint64               shop_id,
                                            const char          *sha256,
                                            GError             **error);
gint64       kefu_store_add_batch          (KefuStore           *self,
                                            const KefuBatchInfo *info,
                                            GError             **error);
gboolean     kefu_store_delete_batch       (KefuStore           *self,
                                            gint64               batch_id,
                                            GError             **error);
gboolean     kefu_store_add_measure        (KefuStore           *self,
                                            const KefuMeasure   *measure,
                                            GError             **error);
gboolean     kefu_store_add_message        (KefuStore           *self,
                                            const KefuMessage   *message,
                                            GError             **error);

gboolean     kefu_store_add_peer_measure   (KefuStore           *self,
                                            const KefuMeasure   *measure,
                                            const char          *label,
                                            GError             **error);
gboolean     kefu_store_add_order          (KefuStore           *self,
                                            const KefuOrder     *order,
                                            GError             **error);
gboolean     kefu_store_merge_order        (KefuStore           *self,
                                            const KefuOrder     *part,
                                            GError             **error);
gboolean     kefu_store_add_refund         (KefuStore           *self,
                                            const KefuRefund    *refund,
                                            GError             **error);
gboolean     kefu_store_add_session        (KefuStore           *self,
                                            const KefuSession   *session,
                                            GError             **error);
gboolean     kefu_store_event_overlaps     (KefuStore           *self,
                                            const char          *kind,
                                            gint64               batch_id,
                                            gboolean             replace,
                                            GHashTable          *batches,
                                            GError             **error);
gint64       kefu_store_find_shop          (KefuStore           *self,
                                            const char          *name,
                                            GError             **error);
GListModel  *kefu_store_list_batches       (KefuStore           *self,
                                            gint64               shop_id,
                                            GError             **error);
gboolean     kefu_store_has_batch_of_size  (KefuStore           *self,
                                            gint64               size,
                                            GError             **error);
gboolean     kefu_store_finish_batch       (KefuStore           *self,
                                            const KefuBatchInfo *info,
                                            gint64               batch_id,
                                            GError             **error);
gboolean     kefu_store_measure_overlaps   (KefuStore           *self,
                                            const KefuMeasure   *measure,
                                            GHashTable          *batches,
                                            GError             **error);
gboolean     kefu_store_delete_overlapping (KefuStore           *self,
                                            const KefuMeasure   *measure,
                                            GError             **error);
char        *kefu_store_get_batch_file_name (KefuStore          *self,
                                            gint64               batch_id);
GStrv        kefu_store_find_buyers        (KefuStore           *self,
                                            gint64               shop_id,
                                            const char * const  *candidates,
                                            GError             **error);

/* Scoring schemes and manual scores (kefu-store-scoring.c) */
gint64       kefu_store_save_scheme        (KefuStore           *self,
                                            gint64               shop_id,
                                            KefuScheme          *scheme,
                                            GError             **error);
KefuScheme  *kefu_store_load_scheme        (KefuStore           *self,
                                            gint64               scheme_id,
                                            GError             **error);
GListModel  *kefu_store_list_schemes       (KefuStore           *self,
                                            gint64               shop_id,
                                            GError             **error);
gboolean     kefu_store_delete_scheme      (KefuStore           *self,
                                            gint64               scheme_id,
                                            GError             **error);
gboolean     kefu_store_set_default_scheme (KefuStore           *self,
                                            gint64               shop_id,
                                            gint64               scheme_id,
                                            GError             **error);
gint64       kefu_store_get_default_scheme (KefuStore           *self,
                                            gint64               shop_id,
                                            GError             **error);
gboolean     kefu_store_set_manual_score   (KefuStore           *self,
                                            gint64               scheme_id,
                                            gint64               agent_id,
                                            const char          *item,
                                            const GDate         *from,
                                            const GDate         *to,
                                            double               points,
                                            const char          *note,
                                            GError             **error);
gboolean     kefu_store_get_manual_score   (KefuStore           *self,
                                            gint64               scheme_id,
                                            gint64               agent_id,
                                            const char          *item,
                                            const GDate         *from,
                                            const GDate         *to,
                                            double              *points,
                                            char               **note,
                                            GError             **error);
KefuManualScores *kefu_store_load_manual_scores (KefuStore      *self,
                                            gint64               scheme_id,
                                            const GDate         *from,
                                            const GDate         *to,
                                            GError             **error);

G_END_DECLS
