/* kefu-scheme-issue-box.c — one validator issue, with its fix, as the editors list it
 *
 * The scheme editor (issues of the whole scheme) and the bracket editor
 * (issues of one item) show an issue the same way: an error or warning
 * icon, the message, and the fix in small print under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-scheme-issue-box.h"

/* Returns: (transfer floating): a box styled "error" or "warning" */
GtkWidget *
kefu_scheme_issue_box_new (KefuSchemeIssue *issue)
{
  gboolean error = kefu_scheme_issue_get_severity (issue) == KEFU_ISSUE_ERROR;
  g_autofree char *markup = g_markup_printf_escaped ("%s\n<small>%s</small>",
                                                     kefu_scheme_issue_get_message (issue),
                                                     kefu_scheme_issue_get_fix (issue));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, error ? "error" : "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}
