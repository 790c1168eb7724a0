/* kefu-scheme-item.h — one item of a scoring scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "metrics/kefu-metric.h"
#include "scoring/kefu-bracket.h"
#include "scoring/kefu-scoring-enums.h"

G_BEGIN_DECLS

#define KEFU_TYPE_SCHEME_ITEM (kefu_scheme_item_get_type ())
G_DECLARE_FINAL_TYPE (KefuSchemeItem, kefu_scheme_item, KEFU, SCHEME_ITEM, GObject)

KefuSchemeItem       *kefu_scheme_item_new                (KefuItemKind       kind,
                                                           const char        *key);
KefuSchemeItem       *kefu_scheme_item_copy               (KefuSchemeItem    *self);

KefuItemKind          kefu_scheme_item_get_kind           (KefuSchemeItem    *self);
void                  kefu_scheme_item_set_kind           (KefuSchemeItem    *self,
                                                           KefuItemKind       kind);
const char           *kefu_scheme_item_get_key            (KefuSchemeItem    *self);
void                  kefu_scheme_item_set_key            (KefuSchemeItem    *self,
                                                           const char        *key);
const char           *kefu_scheme_item_get_label          (KefuSchemeItem    *self);
void                  kefu_scheme_item_set_label          (KefuSchemeItem    *self,
                                                           const char        *label);
const char           *kefu_scheme_item_get_display_label  (KefuSchemeItem    *self);
double                kefu_scheme_item_get_weight         (KefuSchemeItem    *self);
void                  kefu_scheme_item_set_weight         (KefuSchemeItem    *self,
                                                           double             weight);
KefuMissingPolicy     kefu_scheme_item_get_missing_policy (KefuSchemeItem    *self);
void                  kefu_scheme_item_set_missing_policy (KefuSchemeItem    *self,
                                                           KefuMissingPolicy  policy);

const KefuMetricInfo *kefu_scheme_item_get_metric         (KefuSchemeItem    *self);
KefuUnit              kefu_scheme_item_get_unit           (KefuSchemeItem    *self);

GListModel           *kefu_scheme_item_get_brackets       (KefuSchemeItem    *self);
guint                 kefu_scheme_item_get_n_brackets     (KefuSchemeItem    *self);
KefuBracket          *kefu_scheme_item_get_bracket        (KefuSchemeItem    *self,
                                                           guint              position);
void                  kefu_scheme_item_append_bracket     (KefuSchemeItem    *self,
                                                           KefuBracket       *bracket);
void                  kefu_scheme_item_insert_bracket     (KefuSchemeItem    *self,
                                                           guint              position,
                                                           KefuBracket       *bracket);
void                  kefu_scheme_item_remove_bracket     (KefuSchemeItem    *self,
                                                           guint              position);
void                  kefu_scheme_item_move_bracket       (KefuSchemeItem    *self,
                                                           guint              from,
                                                           guint              to);

G_END_DECLS
