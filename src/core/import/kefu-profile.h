/* kefu-profile.h — what one kind of export looks like, read from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_IMPORT_KIND_AGENT_TABLE,   /* one row per agent (and day or range) */
  KEFU_IMPORT_KIND_SHOP_TABLE,    /* one row per day for the whole shop */
  KEFU_IMPORT_KIND_MESSAGES,
  KEFU_IMPORT_KIND_SESSIONS,
  KEFU_IMPORT_KIND_ORDERS,
  KEFU_IMPORT_KIND_REFUNDS,
  KEFU_IMPORT_KIND_REVIEWS,
  KEFU_IMPORT_KIND_DSR,
} KefuImportKind;

typedef enum
{
  KEFU_COLUMN_AGENT,
  KEFU_COLUMN_TEXT,
  KEFU_COLUMN_DATE,
  KEFU_COLUMN_DATETIME,
  KEFU_COLUMN_COUNT,
  KEFU_COLUMN_NUMBER,
  KEFU_COLUMN_MONEY,
  KEFU_COLUMN_RATE,
  KEFU_COLUMN_DURATION,
} KefuColumnType;

typedef struct
{
  char            *field;       /* the profile's name for it: "inquiry_buyers", "agent"… */
  KefuColumnType   type;
  char           **aliases;     /* normalised header texts */
  int              scale;       /* KefuRateScale for rates, KefuDurationUnit for durations */
  gboolean         required;
} KefuProfileColumn;

typedef enum
{
  KEFU_RULE_SUM,        /* sum = value, count = 1 (or = the count column) */
  KEFU_RULE_RATE,       /* sum = rate × count column, count = count column */
  KEFU_RULE_MEAN,       /* sum = mean × weight column (or mean × 1), count = weight */
} KefuRuleType;

/* How one measure comes from the columns of a row. Several rules for one
 * key are alternatives, tried in order: the first whose columns the file
 * has and whose values the row has, wins. */
typedef struct
{
  char         *key;
  KefuRuleType  type;
  char         *value;       /* the field of the sum, rate or mean */
  char         *count;       /* the field of the count or weight; NULL = 1 */
  gboolean      shop;        /* a shop figure repeated on agent rows */
  gboolean      estimated;   /* the weight is not the value's own denominator */
} KefuProfileRule;

#define KEFU_TYPE_PROFILE (kefu_profile_get_type ())
G_DECLARE_FINAL_TYPE (KefuProfile, kefu_profile, KEFU, PROFILE, GObject)

KefuProfile             *kefu_profile_new_from_json    (JsonNode     *node,
                                                        const char   *origin,
                                                        GError      **error);
const char              *kefu_profile_get_id           (KefuProfile  *self);
const char              *kefu_profile_get_name         (KefuProfile  *self);
const char              *kefu_profile_get_platform     (KefuProfile  *self);
KefuImportKind           kefu_profile_get_kind         (KefuProfile  *self);
const char              *kefu_profile_get_kind_name    (KefuProfile  *self);
const char              *kefu_profile_get_sheet        (KefuProfile  *self);
const char              *kefu_profile_get_extends      (KefuProfile  *self);
JsonNode                *kefu_profile_derive_json      (KefuProfile        *self,
                                                        const char         *id,
                                                        const char         *name,
                                                        const char * const *headers,
                                                        const char * const *fields);
guint                    kefu_profile_get_header_rows  (KefuProfile  *self);
guint                    kefu_profile_get_n_columns    (KefuProfile  *self);
const KefuProfileColumn *kefu_profile_get_column       (KefuProfile  *self,
                                                        guint         index);
const KefuProfileColumn *kefu_profile_find_column      (KefuProfile  *self,
                                                        const char   *normalised_header);
const KefuProfileColumn *kefu_profile_get_field        (KefuProfile  *self,
                                                        const char   *field);
guint                    kefu_profile_get_n_rules      (KefuProfile  *self);
const KefuProfileRule   *kefu_profile_get_rule         (KefuProfile  *self,
                                                        guint         index);

char                    *kefu_header_normalise         (const char   *text);
const char              *kefu_import_kind_to_string    (KefuImportKind kind);

G_END_DECLS
