/* kefu-scheme-item-row.c — one item of a scheme in the editor
 *
 * The header shows what the item scores, its weight (a spin button) and
 * the weight's share of the total (a bar), with buttons to move or
 * remove it; expanded, the metric (or the manual item's id), the name
 * shown in reports, what happens without a value, and the bracket
 * table. A problem the validator finds in the item puts a mark in the
 * header and its message under the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-metric-choice.h"
#include "kefu-metric-chooser.h"
#include "kefu-scheme-item-row.h"
#include "kefu-unit-input.h"

struct _KefuSchemeItemRow
{
  AdwExpanderRow   parent_instance;

  KefuSchemeItem  *item;
  double           total;
  gboolean         syncing;

  GtkImage        *problem_icon;
  GtkSpinButton   *weight_spin;
  GtkWidget       *move_box;
  GtkLevelBar     *share_bar;
  AdwActionRow    *metric_row;
  KefuMetricChooser *metric_chooser;
  AdwEntryRow     *key_row;
  AdwEntryRow     *label_row;
  AdwComboRow     *missing_row;
  GtkListBoxRow   *brackets_row;
  GtkWidget       *bracket_editor;
};

G_DEFINE_FINAL_TYPE (KefuSchemeItemRow, kefu_scheme_item_row, ADW_TYPE_EXPANDER_ROW)

static void
update_subtitle (KefuSchemeItemRow *self)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (self->item);
  g_autofree char *subtitle = NULL;

  if (kefu_scheme_item_get_kind (self->item) == KEFU_ITEM_KIND_MANUAL)
    subtitle = g_strdup (_("Points given by hand"));
  else if (info == NULL)
    /* Translators: %s is a metric key that Kefu does not know */
    subtitle = g_strdup_printf (_("Unknown metric “%s”"), kefu_scheme_item_get_key (self->item));
  else
    subtitle = g_strdup (kefu_metric_category_get_label (info->category));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 kefu_scheme_item_get_display_label (self->item));
}

static void
update_share (KefuSchemeItemRow *self)
{
  double weight = kefu_scheme_item_get_weight (self->item);
  g_autofree char *text = kefu_format_points (weight);
  g_autofree char *tooltip = NULL;

  gtk_level_bar_set_value (self->share_bar, CLAMP (weight, 0, 100));
  /* Translators: the tooltip of an item's weight bar; %s is its weight, e.g. 30 */
  tooltip = g_strdup_printf (_("%s %% of the total score"), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->share_bar), tooltip);
}

/* The item changed (here, or by undo): show it. */
static void
sync_from_item (KefuSchemeItemRow *self)
{
  gboolean manual = kefu_scheme_item_get_kind (self->item) == KEFU_ITEM_KIND_MANUAL;
  const char *label = kefu_scheme_item_get_label (self->item);
  const char *key = kefu_scheme_item_get_key (self->item);

  self->syncing = TRUE;
  update_subtitle (self);
  update_share (self);
  if (gtk_spin_button_get_value (self->weight_spin) != kefu_scheme_item_get_weight (self->item))
    gtk_spin_button_set_value (self->weight_spin, kefu_scheme_item_get_weight (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->metric_row), !manual);
  gtk_widget_set_visible (GTK_WIDGET (self->key_row), manual);
  if (!manual)
    kefu_metric_chooser_set_key (self->metric_chooser, key);
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->key_row)), key ? key : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->key_row), key ? key : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label_row)), label ? label : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), label ? label : "");
  adw_combo_row_set_selected (self->missing_row, kefu_scheme_item_get_missing_policy (self->item));
  self->syncing = FALSE;
}

static gboolean
on_weight_output (GtkSpinButton *spin)
{
  g_autofree char *text = kefu_format_points (gtk_spin_button_get_value (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_weight_changed (KefuSchemeItemRow *self)
{
  if (!self->syncing && self->item != NULL)
    kefu_scheme_item_set_weight (self->item, gtk_spin_button_get_value (self->weight_spin));
}

static void
on_metric_selected (KefuSchemeItemRow *self)
{
  const char *key = kefu_metric_chooser_get_key (self->metric_chooser);

  if (!self->syncing && self->item != NULL && key != NULL)
    kefu_scheme_item_set_key (self->item, key);
}

static void
on_key_changed (KefuSchemeItemRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  if (!self->syncing && self->item != NULL && *text != '\0')
    kefu_scheme_item_set_key (self->item, text);
}

static void
on_label_changed (KefuSchemeItemRow *self)
{
  if (!self->syncing && self->item != NULL)
    kefu_scheme_item_set_label (self->item, gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
}

static void
on_missing_selected (KefuSchemeItemRow *self)
{
  if (!self->syncing && self->item != NULL)
    kefu_scheme_item_set_missing_policy (self->item, adw_combo_row_get_selected (self->missing_row));
}

static void
activate_with_index (KefuSchemeItemRow *self,
                     const char        *action)
{
  gtk_widget_activate_action (GTK_WIDGET (self), action, "u",
                              (guint32) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)));
}

static void
on_up_clicked (KefuSchemeItemRow *self)
{
  activate_with_index (self, "editor.move-up");
}

static void
on_down_clicked (KefuSchemeItemRow *self)
{
  activate_with_index (self, "editor.move-down");
}

static void
on_remove_clicked (KefuSchemeItemRow *self)
{
  activate_with_index (self, "editor.remove-item");
}

static void
kefu_scheme_item_row_dispose (GObject *object)
{
  KefuSchemeItemRow *self = KEFU_SCHEME_ITEM_ROW (object);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, sync_from_item, self);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SCHEME_ITEM_ROW);

  G_OBJECT_CLASS (kefu_scheme_item_row_parent_class)->dispose (object);
}

static void
kefu_scheme_item_row_class_init (KefuSchemeItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_scheme_item_row_dispose;

  g_type_ensure (KEFU_TYPE_METRIC_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/scheme/kefu-scheme-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, share_bar);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, move_box);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, metric_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, metric_chooser);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, key_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, label_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, missing_row);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeItemRow, brackets_row);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_output);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
kefu_scheme_item_row_init (KefuSchemeItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->weight_spin, "value-changed", G_CALLBACK (on_weight_changed), self);
  /* Ctrl+Z undoes the scheme's last change, not the field's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->label_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->key_row), FALSE);
}

/**
 * kefu_scheme_item_row_new:
 *
 * Returns: (transfer floating): a row that edits @item
 */
GtkWidget *
kefu_scheme_item_row_new (KefuSchemeItem *item)
{
  KefuSchemeItemRow *self;

  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (item), NULL);

  self = g_object_new (KEFU_TYPE_SCHEME_ITEM_ROW, NULL);
  self->item = g_object_ref (item);
  self->bracket_editor = kefu_bracket_editor_new (item);
  gtk_widget_set_margin_start (self->bracket_editor, 12);
  gtk_widget_set_margin_end (self->bracket_editor, 12);
  gtk_widget_set_margin_top (self->bracket_editor, 12);
  gtk_widget_set_margin_bottom (self->bracket_editor, 12);
  gtk_list_box_row_set_child (self->brackets_row, self->bracket_editor);
  sync_from_item (self);
  g_signal_connect_swapped (item, "changed", G_CALLBACK (sync_from_item), self);
  return GTK_WIDGET (self);
}

KefuSchemeItem *
kefu_scheme_item_row_get_item (KefuSchemeItemRow *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self), NULL);
  return self->item;
}

KefuBracketEditor *
kefu_scheme_item_row_get_bracket_editor (KefuSchemeItemRow *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self), NULL);
  return KEFU_BRACKET_EDITOR (self->bracket_editor);
}

GtkSpinButton *
kefu_scheme_item_row_get_weight_spin (KefuSchemeItemRow *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self), NULL);
  return self->weight_spin;
}

GtkEditable *
kefu_scheme_item_row_get_label_entry (KefuSchemeItemRow *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self), NULL);
  return GTK_EDITABLE (self->label_row);
}

/**
 * kefu_scheme_item_row_set_issues:
 * @issues: (element-type KefuSchemeIssue): the validator's issues about
 *   this item
 */
void
kefu_scheme_item_row_set_issues (KefuSchemeItemRow *self,
                                 GPtrArray         *issues)
{
  gboolean error = FALSE;
  GString *tooltip = g_string_new (NULL);

  g_return_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self));

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      KefuSchemeIssue *issue = issues->pdata[i];

      error |= kefu_scheme_issue_get_severity (issue) == KEFU_ISSUE_ERROR;
      if (tooltip->len > 0)
        g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, kefu_scheme_issue_get_message (issue));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_icon), tooltip->len > 0);
  gtk_image_set_from_icon_name (self->problem_icon, error ? "dialog-error-symbolic"
                                                          : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), error ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), error ? "error" : "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_icon), tooltip->str);
  g_string_free (tooltip, TRUE);

  kefu_bracket_editor_set_issues (KEFU_BRACKET_EDITOR (self->bracket_editor), issues);
}

/**
 * kefu_scheme_item_row_set_total_weight:
 *
 * The bar shows the item's weight against the larger of 100 and the
 * scheme's total, so shares are comparable while the total is off.
 */
void
kefu_scheme_item_row_set_total_weight (KefuSchemeItemRow *self,
                                       double             total)
{
  g_return_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self));

  self->total = total;
  gtk_level_bar_set_max_value (self->share_bar, MAX (total, 100));
}

/**
 * kefu_scheme_item_row_set_editable:
 *
 * A row of a built-in scheme can be expanded and read, not changed.
 */
void
kefu_scheme_item_row_set_editable (KefuSchemeItemRow *self,
                                   gboolean           editable)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->weight_spin), self->move_box, GTK_WIDGET (self->metric_row),
    GTK_WIDGET (self->key_row), GTK_WIDGET (self->label_row), GTK_WIDGET (self->missing_row),
    self->bracket_editor,
  };

  g_return_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_set_sensitive (widgets[i], editable);
}

KefuMetricChooser *
kefu_scheme_item_row_get_metric_chooser (KefuSchemeItemRow *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM_ROW (self), NULL);
  return self->metric_chooser;
}
