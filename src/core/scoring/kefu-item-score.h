/* kefu-item-score.h — how one item of a scheme scored for one agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "scoring/kefu-scoring-enums.h"

G_BEGIN_DECLS

#define KEFU_TYPE_ITEM_SCORE (kefu_item_score_get_type ())
G_DECLARE_FINAL_TYPE (KefuItemScore, kefu_item_score, KEFU, ITEM_SCORE, GObject)

guint           kefu_item_score_get_index         (KefuItemScore *self);
KefuItemKind    kefu_item_score_get_kind          (KefuItemScore *self);
const char     *kefu_item_score_get_key           (KefuItemScore *self);
const char     *kefu_item_score_get_label         (KefuItemScore *self);
KefuItemStatus  kefu_item_score_get_status        (KefuItemScore *self);
double          kefu_item_score_get_value         (KefuItemScore *self);
double          kefu_item_score_get_shown_value   (KefuItemScore *self);
const char     *kefu_item_score_get_value_text    (KefuItemScore *self);
double          kefu_item_score_get_numerator     (KefuItemScore *self);
double          kefu_item_score_get_denominator   (KefuItemScore *self);
gboolean        kefu_item_score_get_estimated     (KefuItemScore *self);
const char     *kefu_item_score_get_missing       (KefuItemScore *self);
int             kefu_item_score_get_bracket_index (KefuItemScore *self);
const char     *kefu_item_score_get_bracket       (KefuItemScore *self);
double          kefu_item_score_get_points        (KefuItemScore *self);
double          kefu_item_score_get_scheme_weight (KefuItemScore *self);
double          kefu_item_score_get_weight        (KefuItemScore *self);
double          kefu_item_score_get_weighted      (KefuItemScore *self);
const char     *kefu_item_score_get_error         (KefuItemScore *self);
const char     *kefu_item_score_get_note          (KefuItemScore *self);
const char     *kefu_item_score_get_explanation   (KefuItemScore *self);
JsonNode       *kefu_item_score_to_json           (KefuItemScore *self);

G_END_DECLS
