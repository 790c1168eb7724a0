/* kefu-problem-row.h — one problem of an import: where, and what was expected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PROBLEM_ROW (kefu_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuProblemRow, kefu_problem_row, KEFU, PROBLEM_ROW, AdwActionRow)

GtkWidget *kefu_problem_row_new           (const KefuImportProblem *problem,
                                           const char              *file_name);
GtkWidget *kefu_problem_row_new_from_json (JsonObject              *problem,
                                           const char              *file_name);

G_END_DECLS
