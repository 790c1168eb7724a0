/* kefu-metric-table.h — metric values per row (agent, day, hour…) and key
 *
 * The result of a metric query, and what scoring, charts, the CLI and the
 * workbook read. Rows are kept in a stable order: the shop row first, then
 * agents by display name, then by day / hour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "metrics/kefu-metric-value.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_GROUP_AGENT,          /* one row per agent (+ the shop) for the period */
  KEFU_GROUP_DAY,            /* one row per day, whole shop */
  KEFU_GROUP_AGENT_DAY,      /* one row per agent and day */
  KEFU_GROUP_HOUR_WEEKDAY,   /* one row per weekday × hour of day, whole shop (event logs) */
} KefuGrouping;

typedef struct
{
  gint64       agent_id;      /* 0: the whole shop */
  const char  *agent_name;    /* display name; NULL for the shop */
  const char  *agent_account;
  GDate        day;           /* invalid unless grouped by day */
  int          weekday;       /* 1 = Monday … 7, or 0 */
  int          hour;          /* 0–23, or -1 */
} KefuMetricRowKey;

/* Something the reader of a value should know (the explain view). */
typedef enum
{
  KEFU_METRIC_NOTE_PARTIAL_PERIOD,  /* a figure for a longer span was left out, or the logs miss some days */
  KEFU_METRIC_NOTE_AGENTS_TOTAL,    /* a shop value summed over its agents: the shop's own is absent */
  KEFU_METRIC_NOTE_DISAGREEMENT,    /* the export and the logs differ by more than 1 % */
} KefuMetricNoteKind;

typedef struct
{
  KefuMetricNoteKind  kind;
  const char         *key;           /* the metric */
  const char         *message;       /* translated, for people */
  double              export_value;  /* DISAGREEMENT: the export's value (the one kept) */
  double              event_value;   /* DISAGREEMENT: the value computed from the logs */
} KefuMetricNote;

#define KEFU_TYPE_METRIC_TABLE (kefu_metric_table_get_type ())
G_DECLARE_FINAL_TYPE (KefuMetricTable, kefu_metric_table, KEFU, METRIC_TABLE, GObject)

KefuMetricTable        *kefu_metric_table_new          (KefuGrouping            grouping,
                                                        const GDate            *from,
                                                        const GDate            *to);
KefuGrouping            kefu_metric_table_get_grouping (KefuMetricTable        *self);
void                    kefu_metric_table_get_period   (KefuMetricTable        *self,
                                                        GDate                  *from,
                                                        GDate                  *to);
guint                   kefu_metric_table_get_n_rows   (KefuMetricTable        *self);
const KefuMetricRowKey *kefu_metric_table_get_row      (KefuMetricTable        *self,
                                                        guint                   row);
int                     kefu_metric_table_find_agent   (KefuMetricTable        *self,
                                                        gint64                  agent_id);
/* Returns: (nullable): NULL when the key was not asked for. */
const KefuMetricValue  *kefu_metric_table_get          (KefuMetricTable        *self,
                                                        guint                   row,
                                                        const char             *key);
GStrv                   kefu_metric_table_get_keys     (KefuMetricTable        *self);
/* Returns: (transfer none) (element-type KefuMetricNote): the row's notes */
GPtrArray              *kefu_metric_table_get_notes    (KefuMetricTable        *self,
                                                        guint                   row);

/* For the engine that fills it. */
guint                   kefu_metric_table_add_row      (KefuMetricTable        *self,
                                                        const KefuMetricRowKey *key);
void                    kefu_metric_table_set          (KefuMetricTable        *self,
                                                        guint                   row,
                                                        const char             *key,
                                                        const KefuMetricValue  *value);
void                    kefu_metric_table_add_note     (KefuMetricTable        *self,
                                                        guint                   row,
                                                        const KefuMetricNote   *note);
void                    kefu_metric_table_sort         (KefuMetricTable        *self);

G_END_DECLS
