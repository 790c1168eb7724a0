/* kefu-dsr-history.h — the shop's DSR month by month, beside the industry's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_DSR_N_KEYS 3

typedef struct
{
  GDate  first;                       /* the month's first day */
  double shop[KEFU_DSR_N_KEYS];       /* NAN: missing */
  double industry[KEFU_DSR_N_KEYS];   /* NAN: none imported */
} KefuDsrMonth;

typedef struct
{
  guint         n_months;
  KefuDsrMonth *months;               /* oldest first */
} KefuDsrHistory;

const char * const *kefu_dsr_history_get_keys (void);
KefuDsrHistory     *kefu_dsr_history_query    (KefuStore     *store,
                                               gint64         shop_id,
                                               const GDate   *last_day,
                                               guint          n_months,
                                               GCancellable  *cancellable,
                                               GError       **error);
KefuDsrHistory     *kefu_dsr_history_new      (guint          n_months);
void                kefu_dsr_history_free     (KefuDsrHistory *self);
gboolean            kefu_dsr_history_is_empty (const KefuDsrHistory *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuDsrHistory, kefu_dsr_history_free)

G_END_DECLS
