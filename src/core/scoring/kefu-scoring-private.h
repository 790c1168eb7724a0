/* kefu-scoring-private.h — internals shared by the scoring files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "scoring/kefu-bracket.h"
#include "scoring/kefu-precision.h"
#include "scoring/kefu-scheme-item.h"
#include "scoring/kefu-item-score.h"
#include "scoring/kefu-agent-score.h"

G_BEGIN_DECLS

/* A range of values; an end without a bound is infinite (and open). */
typedef struct
{
  gboolean has_lower;
  double   lower;
  gboolean lower_inclusive;
  gboolean has_upper;
  double   upper;
  gboolean upper_inclusive;
} KefuInterval;

void      _kefu_bracket_get_interval   (KefuBracket        *self,
                                        KefuInterval       *interval);
char     *_kefu_interval_format        (const KefuInterval *interval,
                                        KefuUnit            unit);
char     *_kefu_interval_describe      (const KefuInterval *interval,
                                        KefuUnit            unit);
gboolean  _kefu_interval_to_steps      (const KefuInterval *interval,
                                        KefuUnit            unit,
                                        gint64             *lo,
                                        gint64             *hi);
gboolean  _kefu_parse_range            (const char         *text,
                                        KefuInterval       *interval,
                                        GError            **error);
char     *_kefu_format_number          (double              value);

/* The values an item's value can take, in steps, for gaps at the ends:
 * rates 0–100 %, DSR 1–5, manual points 0–100, everything else ≥ 0. */
void      _kefu_scheme_item_get_domain (KefuSchemeItem     *item,
                                        gint64             *min,
                                        gint64             *max);

/* What the scorer knows of one item of one agent. */
typedef struct
{
  gboolean    has_value;
  double      value;
  double      numerator;     /* NAN when not worth showing */
  double      denominator;
  gboolean    estimated;
  const char *missing;       /* why there is no value, translated */
  const char *note;          /* the manager's remark, the metric engine's notes */
} KefuItemInput;

KefuItemScore  *_kefu_item_score_new        (KefuSchemeItem      *item,
                                             guint                index,
                                             const KefuItemInput *input);
void            _kefu_item_score_set_weight (KefuItemScore       *self,
                                             double               weight);
KefuAgentScore *_kefu_agent_score_new       (gint64               agent_id,
                                             const char          *name,
                                             const char          *account,
                                             GPtrArray           *items,
                                             double               scheme_weight);
void            _kefu_agent_score_set_rank  (KefuAgentScore      *self,
                                             guint                rank);
/* A number rounded for output: 1e-6 by default, so that JSON and text
 * never show 8.550000000000001. */
double          _kefu_round                 (double               value,
                                             double               step);

G_END_DECLS
