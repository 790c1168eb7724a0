/* kefu-import-private.h — what the importer's files share
 *
 * The importer reads a file row by row into one transaction: the state of
 * that pass is an Import; kefu-import-row.c reads and checks cells,
 * kefu-import-table.c turns table rows into measures, kefu-import-events.c
 * stores event rows, kefu-importer.c recognises the file and runs it all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "import/kefu-import-match.h"
#include "import/kefu-importer.h"
#include "import/kefu-value.h"

G_BEGIN_DECLS

typedef struct
{
  KefuStore         *store;
  KefuImportResult  *result;
  KefuImportFacts   *facts;
  KefuImportMatch   *match;
  KefuProfile       *profile;
  const char        *sheet_name;
  GCancellable      *cancellable;
  KefuImportProgress progress;
  gpointer           progress_data;

  gint64             shop_id;
  gint64             batch_id;
  gboolean           replace;
  GDate              file_from;      /* valid when the file as a whole has a period */
  GDate              file_to;
  GDate              seen_from;      /* the days the rows covered */
  GDate              seen_to;
  gint64             seen_first;     /* the times events covered, when seen_times */
  gint64             seen_last;
  gboolean           seen_times;
  GTimeZone         *tz;

  int                col_agent;      /* file columns, or -1 */
  int                col_date;
  int                col_start;
  int                col_end;
  guint              n_fields;
  KefuValue         *values;         /* per profile column, for the current row */
  const KefuCell   **cells;
  GHashTable        *agents;         /* account → agent id */
  GHashTable        *shop_figures;   /* "key|from|to" → double sum, stored once */
  GHashTable        *keys_done;      /* per row */
  GHashTable        *overlaps;       /* other batch id → measures */
  GHashTable        *seen_numbers;   /* refund or sub-order numbers of this file */
  GHashTable        *seen_orders;    /* order numbers of this file, when lines merge */
  struct {
    const char      *name;
    int              index;          /* profile column, or -1 */
  }                  fields_known[16];  /* the fields the rows asked for */
  guint              n_fields_known;
  GHashTable        *agent_rows;     /* "agent|from|to" → its first row, per sheet */
} Import;

char * _kefu_import_format_date (const GDate *date);
void _kefu_import_problem (Import *import,
                           KefuProblemSeverity severity,
                           guint64 row,
                           int column,
                           const char *value,
                           const char *message);
gint64 _kefu_import_agent (Import *import, const char *account, GError **error);
void _kefu_import_extend_seen (Import *import, const GDate *from, const GDate *to);
gboolean _kefu_import_parse_row (Import *import, const KefuRow *row);
gboolean _kefu_import_table_row (Import *import, const KefuRow *row, GError **error);
const char * _kefu_import_field_text (Import *import, const char *field);
const KefuValue * _kefu_import_field_value (Import *import, const char *field);
void _kefu_import_extend_seen_time (Import *import, gint64 time);
void _kefu_import_settle_seen_times (Import *import);
gboolean _kefu_import_require_fields (Import *import,
                                      const KefuRow *row,
                                      const char * const *fields,
                                      const char * const *expected);
gint64 _kefu_import_row_agent (Import *import, GError **error);
gint64 _kefu_import_time_or_zero (Import *import, const char *field);
gboolean _kefu_import_order_row (Import *import, const KefuRow *row, GError **error);
gboolean _kefu_import_refund_row (Import *import, const KefuRow *row, GError **error);
gboolean _kefu_import_dsr_row (Import *import, const KefuRow *row, GError **error);
gboolean _kefu_import_session_row (Import *import, const KefuRow *row, GError **error);
gboolean _kefu_import_message_row (Import *import, const KefuRow *row, GError **error);
gboolean _kefu_import_rows (Import *import, KefuTableReader *reader, GError **error);

G_END_DECLS
