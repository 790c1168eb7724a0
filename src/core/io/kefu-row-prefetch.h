/* kefu-row-prefetch.h — reading rows in a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

typedef struct _KefuRowPrefetch KefuRowPrefetch;

KefuRowPrefetch *kefu_row_prefetch_start        (KefuTableReader  *reader);
const KefuRow   *kefu_row_prefetch_next         (KefuRowPrefetch  *self,
                                                 GError          **error);
double           kefu_row_prefetch_get_progress (KefuRowPrefetch  *self);
void             kefu_row_prefetch_free         (KefuRowPrefetch  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuRowPrefetch, kefu_row_prefetch_free)

G_END_DECLS
