/* kefu-coverage-grid.h — the days of a period × the kinds of data imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COVERAGE_GRID (kefu_coverage_grid_get_type ())
G_DECLARE_FINAL_TYPE (KefuCoverageGrid, kefu_coverage_grid, KEFU, COVERAGE_GRID, GtkWidget)

KefuCoverage *kefu_coverage_grid_get_coverage (KefuCoverageGrid *self);
void          kefu_coverage_grid_set_coverage (KefuCoverageGrid *self,
                                               KefuCoverage     *coverage);

G_END_DECLS
