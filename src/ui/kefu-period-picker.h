/* kefu-period-picker.h — choose the day, week, month or range to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PERIOD_PICKER (kefu_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (KefuPeriodPicker, kefu_period_picker, KEFU, PERIOD_PICKER, GtkWidget)

const KefuPeriod *kefu_period_picker_get_period (KefuPeriodPicker *self);
void              kefu_period_picker_set_period (KefuPeriodPicker *self,
                                                 const KefuPeriod *period);
void              kefu_period_picker_shift      (KefuPeriodPicker *self,
                                                 int               n);

G_END_DECLS
