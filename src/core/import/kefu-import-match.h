/* kefu-import-match.h — which profile a sheet is, and which column is what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "import/kefu-profile-registry.h"
#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

/* The header is looked for in the first rows only (PROFILES.md). */
#define KEFU_HEADER_SEARCH_ROWS 10

/* Below this share of the header explained, a match is a guess. */
#define KEFU_MIN_CONFIDENCE 0.5

typedef struct
{
  KefuProfile  *profile;
  guint         sheet;
  guint64       header_row;    /* the row number of the (field) header */
  guint         n_columns;     /* cells in the header row */
  int          *fields;        /* per column: a profile column index, or -1 */
  char        **headers;       /* per column: the header as written */
  guint         matched;       /* distinct fields found */
  guint         n_headers;     /* non-empty header cells */
  double        confidence;    /* matched ÷ non-empty header cells */
} KefuImportMatch;

void              kefu_import_match_free    (KefuImportMatch  *match);
KefuImportMatch  *kefu_import_match_sheet   (KefuTableReader  *reader,
                                             guint             sheet,
                                             GListModel       *profiles,
                                             KefuImportMatch **runner_up,
                                             GError          **error);
int               kefu_import_match_column  (const KefuImportMatch *match,
                                             const char            *field);
char            **kefu_import_match_unmatched (const KefuImportMatch *match);
gboolean          kefu_import_match_set_field (KefuImportMatch  *match,
                                               guint             column,
                                               const char       *field,
                                               GError          **error);
gboolean          kefu_import_match_apply   (KefuImportMatch    *match,
                                             const char * const *fields,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuImportMatch, kefu_import_match_free)

G_END_DECLS
