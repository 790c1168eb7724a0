/* kefu-fuzz-rows.h — reading every row of every sheet, checking each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "io/kefu-table-reader.h"

G_BEGIN_DECLS

/* Reads @reader to its end, asserting what every reader promises of a
 * cell: text is valid UTF-8 and present unless the cell is empty. */
void  kefu_fuzz_read_all  (KefuTableReader *reader);

G_END_DECLS
