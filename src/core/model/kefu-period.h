/* kefu-period.h — a closed range of days: a day, a week, a month or any range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_GRANULARITY_DAY,
  KEFU_GRANULARITY_WEEK,   /* Monday to Sunday */
  KEFU_GRANULARITY_MONTH,
  KEFU_GRANULARITY_RANGE,  /* any days from first to last */
} KefuGranularity;

typedef struct _KefuPeriod KefuPeriod;

#define KEFU_TYPE_PERIOD (kefu_period_get_type ())

GType            kefu_period_get_type        (void) G_GNUC_CONST;
KefuPeriod      *kefu_period_new             (KefuGranularity   granularity,
                                              const GDate      *day);
KefuPeriod      *kefu_period_new_range       (const GDate      *first,
                                              const GDate      *last);
KefuPeriod      *kefu_period_new_today       (KefuGranularity   granularity);
KefuPeriod      *kefu_period_copy            (const KefuPeriod *self);
void             kefu_period_free            (KefuPeriod       *self);
gboolean         kefu_period_equal           (const KefuPeriod *a,
                                              const KefuPeriod *b);
KefuGranularity  kefu_period_get_granularity (const KefuPeriod *self);
void             kefu_period_get_first       (const KefuPeriod *self,
                                              GDate            *first);
void             kefu_period_get_last        (const KefuPeriod *self,
                                              GDate            *last);
guint            kefu_period_get_n_days      (const KefuPeriod *self);
KefuPeriod      *kefu_period_shift           (const KefuPeriod *self,
                                              int               n);
char            *kefu_period_format          (const KefuPeriod *self);
char            *kefu_period_to_string       (const KefuPeriod *self);
KefuPeriod      *kefu_period_parse           (const char       *text);

char            *kefu_day_to_string          (const GDate      *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuPeriod, kefu_period_free)

G_END_DECLS
