/* kefu-import-result.h — what importing one file did, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_IMPORT_IMPORTED,          /* stored as a new batch */
  KEFU_IMPORT_ALREADY_IMPORTED,  /* the same content is there: nothing changed */
  KEFU_IMPORT_OVERLAP,           /* covers data another file brought: not stored */
  KEFU_IMPORT_REFUSED,           /* unreadable or unrecognised: not stored */
  KEFU_IMPORT_CHECKED,           /* read through as a check: nothing stored */
} KefuImportStatus;

typedef enum
{
  KEFU_PROBLEM_ERROR,   /* the row was skipped */
  KEFU_PROBLEM_NOTE,    /* imported, but worth knowing */
} KefuProblemSeverity;

typedef struct
{
  KefuProblemSeverity  severity;
  char                *sheet;
  guint64              row;       /* 0: the file as a whole */
  guint                column;    /* 1-based; 0: the row as a whole */
  char                *header;    /* the column's header text */
  char                *value;     /* the raw cell text */
  char                *message;   /* what was expected, for a person */
} KefuImportProblem;

#define KEFU_TYPE_IMPORT_RESULT (kefu_import_result_get_type ())
G_DECLARE_FINAL_TYPE (KefuImportResult, kefu_import_result, KEFU, IMPORT_RESULT, GObject)

KefuImportResult        *kefu_import_result_new             (const char        *file_name);
const char              *kefu_import_result_get_file_name   (KefuImportResult  *self);
KefuImportStatus         kefu_import_result_get_status      (KefuImportResult  *self);
const char              *kefu_import_result_get_message     (KefuImportResult  *self);
gint64                   kefu_import_result_get_batch_id    (KefuImportResult  *self);
guint                    kefu_import_result_get_n_problems  (KefuImportResult  *self);
const KefuImportProblem *kefu_import_result_get_problem     (KefuImportResult  *self,
                                                             guint              index);
JsonNode                *kefu_import_result_to_json         (KefuImportResult  *self);
char                    *kefu_import_result_to_text         (KefuImportResult  *self);

/* Filled in by the importer as it learns them. */
struct _KefuImportFacts
{
  char    *format;        /* "text", "xlsx", "xls" */
  char    *encoding;      /* text files only */
  char    *sheet;
  char    *profile_id;
  char    *profile_name;
  char    *platform;
  char    *kind;
  double   confidence;    /* 0..1 */
  guint64  header_row;
  char   **unmatched;     /* header cells no field took */
  char   **headers;       /* per column of the header row, as written */
  char   **fields;        /* per column, the field it feeds or "" */
  gboolean needs_period;  /* refused: no date column and none in the name */
  char    *period_start;  /* YYYY-MM-DD */
  char    *period_end;
  char    *sha256;
  gint64   file_size;
  guint64  rows_read;
  guint64  rows_imported;
  guint64  rows_skipped;
};
typedef struct _KefuImportFacts KefuImportFacts;

KefuImportFacts         *kefu_import_result_get_facts       (KefuImportResult  *self);
void                     kefu_import_result_set_outcome     (KefuImportResult  *self,
                                                             KefuImportStatus   status,
                                                             gint64             batch_id,
                                                             const char        *message);
void                     kefu_import_result_add_problem     (KefuImportResult  *self,
                                                             KefuProblemSeverity severity,
                                                             const char        *sheet,
                                                             guint64            row,
                                                             guint              column,
                                                             const char        *header,
                                                             const char        *value,
                                                             const char        *message);
char                    *kefu_import_result_problems_to_json (KefuImportResult *self);

/* The first rows of the sheet as read, header rows included, for a
 * preview: each row's number and its cells as text ("" when empty). */
#define KEFU_IMPORT_PREVIEW_ROWS 20
void                     kefu_import_result_add_preview     (KefuImportResult  *self,
                                                             guint64            row,
                                                             GStrv              cells);
guint                    kefu_import_result_get_n_preview   (KefuImportResult  *self);
const char * const      *kefu_import_result_get_preview     (KefuImportResult  *self,
                                                             guint              index,
                                                             guint64           *row);

G_END_DECLS
