/* kefu-importer.h — one file into the store, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "import/kefu-import-result.h"
#include "import/kefu-profile-registry.h"
#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *shop_name;    /* NULL: the store's only shop */
  const char *platform;     /* for a shop made by this import; NULL: the profile's */
  const char *profile_id;   /* NULL: detect */
  const char *encoding;     /* NULL: detect (text files) */
  GDate       period_from;  /* when valid: the period of a file without dates */
  GDate       period_to;
  gboolean    replace;      /* replace what other files brought for the same days */
  gboolean    check_only;   /* read it all, report, and store nothing */
  const char * const *mapping;  /* NULL: as the headers say; else per column of the
                                 * header row the field it feeds, "" for none
                                 * (kefu_import_match_apply()) */
} KefuImportOptions;

/* Called now and then with how far reading has come, 0 to 1. */
typedef void (*KefuImportProgress) (double   fraction,
                                    gpointer user_data);

void              kefu_import_options_init (KefuImportOptions   *options);
KefuImportResult *kefu_import_file         (KefuStore           *store,
                                            KefuProfileRegistry *registry,
                                            const char          *path,
                                            const KefuImportOptions *options,
                                            GCancellable        *cancellable,
                                            KefuImportProgress   progress,
                                            gpointer             user_data);

gboolean          kefu_import_text_is_summary (const char *text);

G_END_DECLS
