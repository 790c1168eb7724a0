/* kefu-scheme-issue-box.h — one validator issue, with its fix, as the editors list it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

GtkWidget *kefu_scheme_issue_box_new (KefuSchemeIssue *issue);

G_END_DECLS
