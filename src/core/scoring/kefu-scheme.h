/* kefu-scheme.h — a scoring scheme (考核方案): weighted items with bracket tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "metrics/kefu-metric-table.h"
#include "scoring/kefu-scheme-item.h"

G_BEGIN_DECLS

#define KEFU_SCHEME_ERROR (kefu_scheme_error_quark ())

typedef enum
{
  KEFU_SCHEME_ERROR_INVALID,     /* a file that is not a scheme as data/schemes/README.md describes */
  KEFU_SCHEME_ERROR_NOT_FOUND,   /* no scheme of that id */
} KefuSchemeError;

#define KEFU_TYPE_SCHEME (kefu_scheme_get_type ())
G_DECLARE_FINAL_TYPE (KefuScheme, kefu_scheme, KEFU, SCHEME, GObject)

GQuark          kefu_scheme_error_quark      (void);

KefuScheme     *kefu_scheme_new              (const char      *id,
                                              const char      *name);
KefuScheme     *kefu_scheme_copy             (KefuScheme      *self);

const char     *kefu_scheme_get_id           (KefuScheme      *self);
void            kefu_scheme_set_id           (KefuScheme      *self,
                                              const char      *id);
const char     *kefu_scheme_get_name         (KefuScheme      *self);
void            kefu_scheme_set_name         (KefuScheme      *self,
                                              const char      *name);
const char     *kefu_scheme_get_description  (KefuScheme      *self);
void            kefu_scheme_set_description  (KefuScheme      *self,
                                              const char      *description);
gboolean        kefu_scheme_get_builtin      (KefuScheme      *self);
void            kefu_scheme_set_builtin      (KefuScheme      *self,
                                              gboolean         builtin);
gboolean        kefu_scheme_get_draft        (KefuScheme      *self);
void            kefu_scheme_set_draft        (KefuScheme      *self,
                                              gboolean         draft);
gint64          kefu_scheme_get_store_id     (KefuScheme      *self);
void            kefu_scheme_set_store_id     (KefuScheme      *self,
                                              gint64           store_id);
double          kefu_scheme_get_total_weight (KefuScheme      *self);

GListModel     *kefu_scheme_get_items        (KefuScheme      *self);
guint           kefu_scheme_get_n_items      (KefuScheme      *self);
KefuSchemeItem *kefu_scheme_get_item         (KefuScheme      *self,
                                              guint            position);
void            kefu_scheme_append_item      (KefuScheme      *self,
                                              KefuSchemeItem  *item);
void            kefu_scheme_insert_item      (KefuScheme      *self,
                                              guint            position,
                                              KefuSchemeItem  *item);
void            kefu_scheme_remove_item      (KefuScheme      *self,
                                              guint            position);
void            kefu_scheme_move_item        (KefuScheme      *self,
                                              guint            from,
                                              guint            to);
void            kefu_scheme_assign           (KefuScheme      *self,
                                              KefuScheme      *other);
KefuSchemeItem *kefu_scheme_find_item        (KefuScheme      *self,
                                              KefuItemKind     kind,
                                              const char      *key);
GStrv           kefu_scheme_get_metric_keys  (KefuScheme      *self);

/* JSON (kefu-scheme-json.c; the format is data/schemes/README.md) */
KefuScheme     *kefu_scheme_new_from_json    (JsonNode        *root,
                                              const char      *origin,
                                              GError         **error);
KefuScheme     *kefu_scheme_new_from_data    (const char      *data,
                                              gssize           length,
                                              const char      *origin,
                                              GError         **error);
KefuScheme     *kefu_scheme_new_from_file    (const char      *path,
                                              GError         **error);
JsonNode       *kefu_scheme_to_json          (KefuScheme      *self);
char           *kefu_scheme_to_data          (KefuScheme      *self);
gboolean        kefu_scheme_save_to_file     (KefuScheme      *self,
                                              const char      *path,
                                              GError         **error);

/* Built-in schemes (data/schemes/, compiled in) */
GListModel     *kefu_scheme_list_builtin     (void);
KefuScheme     *kefu_scheme_new_builtin      (const char      *id,
                                              GError         **error);

/* Validation (kefu-scheme-validate.c): a GListModel of KefuSchemeIssue */
GListModel     *kefu_scheme_validate         (KefuScheme      *self,
                                              KefuMetricTable *table);

G_END_DECLS
