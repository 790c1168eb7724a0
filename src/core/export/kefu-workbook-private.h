/* kefu-workbook-private.h — what the sheets of the workbook share
 *
 * The workbook is written by one file per sheet (kefu-workbook-summary.c,
 * -scheme.c, -detail.c, -charts.c, -definitions.c), sharing a
 * KefuWorkbookContext: the libxlsxwriter handles, the formats, the
 * language, and where each sheet put what the others refer to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "export/kefu-workbook.h"
#include "metrics/kefu-metric.h"
#include "metrics/kefu-metric-table.h"

G_BEGIN_DECLS

/* ------------------------------------------------ translations (i18n.c) */

/* Kefu's translations into one language, read from its .mo file, so that
 * a workbook can be written in a language other than the process's (and
 * from any thread): no setlocale(), no LANGUAGE. English is the source. */
typedef struct _KefuCatalog KefuCatalog;

KefuCatalog *_kefu_catalog_new          (const char  *language,
                                         GError     **error);
void         _kefu_catalog_free         (KefuCatalog *self);
const char  *_kefu_catalog_get_language (KefuCatalog *self);
const char  *_kefu_catalog_gettext      (KefuCatalog *self,
                                         const char  *msgid) G_GNUC_FORMAT (2);
const char  *_kefu_catalog_pgettext     (KefuCatalog *self,
                                         const char  *context,
                                         const char  *msgid) G_GNUC_FORMAT (3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCatalog, _kefu_catalog_free)

/* ------------------------------------------------------------- context */

/* The Scheme sheet's columns: the items table (# · item · weight · …)
 * and, below it, each item's bracket table, which reads as an
 * inequality: lower · ≤ or < · x · ≤ or < · upper · points · points at
 * the upper bound (linear rows). */
#define SCHEME_COL_NUMBER       0
#define SCHEME_COL_LABEL        1
#define SCHEME_COL_WEIGHT       2
#define SCHEME_COL_LOWER        1
#define SCHEME_COL_LOWER_IN     2
#define SCHEME_COL_X            3
#define SCHEME_COL_UPPER_IN     4
#define SCHEME_COL_UPPER        5
#define SCHEME_COL_POINTS       6
#define SCHEME_COL_POINTS_HIGH  7

/* Where the Scheme sheet put one item. */
typedef struct
{
  guint weight_row;        /* the item's weight, column D of the items table */
  guint first_row;         /* its bracket rows (0-based); none when n_rows is 0 */
  guint n_rows;
} KefuWorkbookItem;

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *info;
  lxw_format *note;
  lxw_format *header;
  lxw_format *header_left;
  lxw_format *header_weight;
  lxw_format *helper_header;
  lxw_format *text;
  lxw_format *text_bold;
  lxw_format *text_wrap;
  lxw_format *center;
  lxw_format *missing;
  lxw_format *value[KEFU_UNIT_SCORE + 1];
  lxw_format *estimated[KEFU_UNIT_SCORE + 1];
  lxw_format *helper_value[KEFU_UNIT_SCORE + 1];
  lxw_format *number;
  lxw_format *points;
  lxw_format *weighted;
  lxw_format *total;
  lxw_format *rank;
  lxw_format *complete;
  lxw_format *helper;
  lxw_format *weight;
  lxw_format *inclusive;
  lxw_format *date;
  lxw_format *good;          /* conditional: points ≥ 90 */
  lxw_format *poor;          /* conditional: points < 60 */
  lxw_format *error;         /* conditional: #N/A, a value in no row */
  lxw_format *incomplete;    /* conditional: a total not ranked */
} KefuWorkbookFormats;

typedef struct
{
  KefuWorkbook        *workbook;
  KefuScoreReport     *report;
  KefuScheme          *scheme;
  KefuCatalog         *catalog;
  GCancellable        *cancellable;
  lxw_workbook        *xlsx;
  KefuWorkbookFormats  formats;

  /* The sheets, and their names quoted for formulas: "'方案'!" */
  lxw_worksheet       *summary;
  lxw_worksheet       *scheme_sheet;
  lxw_worksheet       *detail;
  lxw_worksheet       *charts;
  lxw_worksheet       *definitions;
  char                *summary_name;
  char                *scheme_name;
  char                *detail_name;
  char                *summary_ref;
  char                *scheme_ref;
  char                *detail_ref;

  /* The agents in the Summary's order (KefuAgentScore), and the scheme's
   * items as the Scheme sheet lays them out. */
  GPtrArray           *agents;
  KefuWorkbookItem    *items;
  guint                n_items;
  guint                scheme_items_row;   /* first row of the items table */

  /* Filled by the Summary, read by the Charts. */
  guint                summary_header_row; /* the row of item labels */
  guint                summary_first_row;  /* the first agent */
  guint                summary_total_col;

  /* The Details sheet's layout (_kefu_workbook_layout_detail()), and
   * where it put the shop's daily rows, read by the Charts. */
  GPtrArray           *detail_keys;        /* metric keys, one column each */
  KefuItemScore      **detail_scores;      /* agent × key: the item scoring it, or NULL */
  guint                detail_first_col;
  guint                detail_shop_first_row;
  guint                detail_shop_n_days;
} KefuWorkbookContext;

/* Translation in the workbook's language; mark the string with N_(). */
#define TR(ctx, msgid) _kefu_catalog_gettext ((ctx)->catalog, (msgid))
#define TRC(ctx, context, msgid) _kefu_catalog_pgettext ((ctx)->catalog, (context), (msgid))

/* What the workbook holds beside the report (kefu-workbook.c), read from
 * the store by kefu-workbook-load.c. */
KefuCatalog         *_kefu_workbook_get_catalog     (KefuWorkbook         *self,
                                                     GError              **error);
const char          *_kefu_workbook_get_shop_name   (KefuWorkbook         *self);
KefuMetricTable     *_kefu_workbook_get_period      (KefuWorkbook         *self);
KefuMetricTable     *_kefu_workbook_get_daily       (KefuWorkbook         *self);
const char          *_kefu_workbook_get_batch_name  (KefuWorkbook         *self,
                                                     gint64                batch_id);
GHashTable          *_kefu_workbook_get_batch_names (KefuWorkbook         *self);
GHashTable          *_kefu_workbook_get_masked_names (KefuWorkbook        *self);
void                 _kefu_workbook_set_tables      (KefuWorkbook         *self,
                                                     KefuMetricTable      *period,
                                                     KefuMetricTable      *daily);

/* ------------------------------- formats (format.c) and cells (cells.c) */

void      _kefu_workbook_formats_init    (KefuWorkbookContext *ctx);
char     *_kefu_workbook_sheet_name      (const char          *wanted,
                                          GPtrArray           *taken);
char     *_kefu_workbook_quote_sheet     (const char          *name);
char     *_kefu_workbook_quote_string    (const char          *text);
char     *_kefu_workbook_safe_text       (const char          *text);
char     *_kefu_workbook_mask_buyer      (const char          *buyer);
GStrv     _kefu_workbook_buyer_candidates (const char         *text);
char     *_kefu_workbook_mask_buyers_in  (const char          *text,
                                          const char * const  *buyers);
char     *_kefu_workbook_escape_header   (const char          *text);
double    _kefu_workbook_text_width      (const char          *text);
char     *_kefu_workbook_cell            (guint                row,
                                          guint                col,
                                          gboolean             absolute);
char     *_kefu_workbook_range           (guint                first_row,
                                          guint                first_col,
                                          guint                last_row,
                                          guint                last_col);
void      _kefu_workbook_write_text      (KefuWorkbookContext *ctx,
                                          lxw_worksheet       *sheet,
                                          guint                row,
                                          guint                col,
                                          const char          *text,
                                          lxw_format          *format);
void      _kefu_workbook_write_value     (KefuWorkbookContext *ctx,
                                          lxw_worksheet       *sheet,
                                          guint                row,
                                          guint                col,
                                          KefuUnit             unit,
                                          double               value,
                                          gboolean             estimated);
void      _kefu_workbook_write_formula   (lxw_worksheet       *sheet,
                                          guint                row,
                                          guint                col,
                                          const char          *formula,
                                          lxw_format          *format,
                                          double               number,
                                          const char          *text);
const char *_kefu_workbook_unit_name     (KefuWorkbookContext *ctx,
                                          KefuUnit             unit);
const char *_kefu_workbook_metric_label  (KefuWorkbookContext *ctx,
                                          const char          *key);
const char *_kefu_workbook_item_label    (KefuWorkbookContext *ctx,
                                          KefuSchemeItem      *item);
char     *_kefu_workbook_period_text     (KefuWorkbookContext *ctx);

/* ---------------------------------------------- the Summary's columns */

/* The first agent's row of the Summary (0-based); the rows above are the
 * title, four lines about the appraisal, a note, a blank row and three
 * heading rows. */
#define SUMMARY_FIRST_AGENT_ROW 10

/* Where the Summary (kefu-workbook-summary.c) puts one item, for the
 * formulas of each agent's row (kefu-workbook-formulas.c). */
typedef struct
{
  guint value, points, weighted;   /* printed */
  guint rounded, row;              /* helpers */
  /* The names of the item's weight and ranges on the Scheme sheet:
   * "Item1_Weight", "Item1_Lower" ('方案'!$B$17:$B$23) … */
  char *lower, *lower_in, *upper, *upper_in, *pts, *pts_high, *weight;
} KefuWorkbookColumns;

/* The Summary as laid out. */
typedef struct
{
  KefuWorkbookContext *ctx;
  KefuWorkbookColumns *items;
  guint                total, complete, helpers, factor, rank_key, last;
  gboolean             has_exclude;
  guint                n_agents;
  double               label_lines;   /* the item labels' row, in lines */
} KefuWorkbookSummary;

void      _kefu_workbook_write_agent         (KefuWorkbookSummary *s,
                                              guint                index,
                                              KefuAgentScore      *agent);

/* ------------------------------------------------------------ the sheets */

void      _kefu_workbook_layout_scheme       (KefuWorkbookContext *ctx);
void      _kefu_workbook_layout_detail       (KefuWorkbookContext *ctx);
gboolean  _kefu_workbook_write_summary       (KefuWorkbookContext *ctx,
                                              GError             **error);
gboolean  _kefu_workbook_write_scheme        (KefuWorkbookContext *ctx,
                                              GError             **error);
gboolean  _kefu_workbook_write_detail        (KefuWorkbookContext *ctx,
                                              GError             **error);
gboolean  _kefu_workbook_write_charts        (KefuWorkbookContext *ctx,
                                              GError             **error);
gboolean  _kefu_workbook_write_definitions   (KefuWorkbookContext *ctx,
                                              GError             **error);

/* The definitions of METRICS.md §3, untranslated (definitions.c). */
const char *_kefu_workbook_metric_definition (const char          *key);

G_END_DECLS
