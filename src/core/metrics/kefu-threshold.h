/* kefu-threshold.h — the platforms' thresholds for service figures (METRICS.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_THRESHOLD_AT_LEAST,   /* value ≥ bound */
  KEFU_THRESHOLD_AT_MOST,    /* value ≤ bound */
  KEFU_THRESHOLD_BELOW,      /* value < bound */
} KefuThresholdKind;

typedef struct
{
  const char        *platform;   /* pdd, douyin, jd… */
  const char        *key;        /* the metric */
  KefuThresholdKind  kind;
  double             bound;      /* in the metric's stored unit: 0.9 for 90 % */
  const char        *consequence; /* untranslated; use kefu_threshold_get_consequence() */
} KefuThreshold;

const KefuThreshold *kefu_threshold_list            (const char          *platform,
                                                     guint               *n_thresholds);
gboolean             kefu_threshold_is_met          (const KefuThreshold *threshold,
                                                     double               value);
const char          *kefu_threshold_get_consequence (const KefuThreshold *threshold);
char                *kefu_threshold_describe        (const KefuThreshold *threshold);

G_END_DECLS
