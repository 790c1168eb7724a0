/* kefu-precision.h — values at the precision the user sees
 *
 * Scoring compares values with bracket bounds at display precision
 * (METRICS.md §5): rates to 0.01 percentage point, seconds and hours to
 * 0.1, ratios to 0.001, money to 0.01, counts and days exactly (whole
 * numbers), DSR ratings and manual points to 0.01. A value is turned into a
 * whole number of display steps once; comparisons, gaps and overlaps are
 * computed on those integers, so float noise never moves a value across a
 * boundary, and the text shown is made from the same integer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "metrics/kefu-metric.h"

G_BEGIN_DECLS

double  kefu_unit_get_step        (KefuUnit  unit);
guint   kefu_unit_get_decimals    (KefuUnit  unit);
gint64  kefu_unit_to_steps        (KefuUnit  unit,
                                   double    value);
double  kefu_unit_round           (KefuUnit  unit,
                                   double    value);
char   *kefu_unit_format          (KefuUnit  unit,
                                   double    value);
char   *kefu_unit_format_bound    (KefuUnit  unit,
                                   double    value);
char   *kefu_unit_format_steps    (KefuUnit  unit,
                                   gint64    steps,
                                   gboolean  trim);

/* json_to_string() with every number in its shortest form: 0.41 and 100,
 * where json-glib 1.6 writes 0.40999999999999998 and 100.0. */
gboolean kefu_json_text_is_valid  (JsonNode *node);
char   *kefu_json_to_data         (JsonNode *node,
                                   gboolean  pretty);

G_END_DECLS
