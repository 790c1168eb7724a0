/* kefu-bracket-row.c — one row of a bracket table, in the metric's own unit
 *
 * Reads as the rule it is: [38] % [≤] X [<] [41] %  →  [90] points.
 * Bounds and points are plain fields (spin buttons would not fit a row).
 * An empty bound is an open end (−∞ or +∞). What is typed goes into
 * the bracket as soon as it reads as a number, so the validator and the
 * preview follow every keystroke; a text that does not read is marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-bracket-row.h"
#include "kefu-unit-input.h"

struct _KefuBracketRow
{
  GtkListBoxRow    parent_instance;

  KefuBracket     *bracket;
  KefuUnit         unit;
  char            *problem;

  GtkEditable     *lower;
  GtkToggleButton *lower_inclusive;
  GtkToggleButton *upper_inclusive;
  GtkEditable     *upper;
  GtkEditable     *points;
  GtkToggleButton *linear;
  GtkWidget       *linear_to;
  GtkEditable     *points_high;
  guint            apply_source;
  gboolean         lower_typed;
  gboolean         upper_typed;
  gboolean         points_typed;
  gboolean         points_high_typed;
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (KefuBracketRow, kefu_bracket_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_bound_text (KefuBracketRow *self,
                GtkEditable    *editable,
                gboolean        has_value,
                double          value)
{
  g_autofree char *text = has_value ? kefu_unit_format_input (self->unit, value) : g_strdup ("");
  gboolean now_has;
  double now;

  /* Leave what is being typed alone when it already means the same. */
  if (kefu_unit_parse_input (self->unit, gtk_editable_get_text (editable), &now_has, &now) &&
      now_has == has_value && (!has_value || now == value))
    return;
  gtk_editable_set_text (editable, text);
}

static gboolean
parse_points (const char *text,
              double     *points)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;
  *points = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*points);
}

static void
set_points_text (GtkEditable *editable,
                 double       points)
{
  g_autofree char *text = kefu_format_points (points);
  double now;

  if (parse_points (gtk_editable_get_text (editable), &now) && now == points)
    return;
  gtk_editable_set_text (editable, text);
}

static void
set_toggle (GtkToggleButton *toggle,
            gboolean         active,
            gboolean         sensitive)
{
  gtk_toggle_button_set_active (toggle, active);
  gtk_button_set_label (GTK_BUTTON (toggle), active ? "≤" : "<");
  gtk_widget_set_sensitive (GTK_WIDGET (toggle), sensitive);
}

/* The bracket changed (here, or by undo): show it. */
static void
sync_from_bracket (KefuBracketRow *self)
{
  KefuBracket *b = self->bracket;
  gboolean linear = kefu_bracket_get_linear (b);

  self->syncing = TRUE;
  set_bound_text (self, self->lower, kefu_bracket_get_has_lower (b), kefu_bracket_get_lower (b));
  set_bound_text (self, self->upper, kefu_bracket_get_has_upper (b), kefu_bracket_get_upper (b));
  set_toggle (self->lower_inclusive,
              kefu_bracket_get_has_lower (b) && kefu_bracket_get_lower_inclusive (b),
              kefu_bracket_get_has_lower (b));
  set_toggle (self->upper_inclusive,
              kefu_bracket_get_has_upper (b) && kefu_bracket_get_upper_inclusive (b),
              kefu_bracket_get_has_upper (b));
  gtk_toggle_button_set_active (self->linear, linear);
  set_points_text (self->points, linear ? kefu_bracket_get_points_low (b) : kefu_bracket_get_points (b));
  set_points_text (self->points_high, kefu_bracket_get_points_high (b));
  gtk_widget_set_visible (self->linear_to, linear);
  gtk_widget_set_visible (GTK_WIDGET (self->points_high), linear);
  self->syncing = FALSE;
}

static void
apply_bound (KefuBracketRow *self,
             GtkEditable    *editable)
{
  gboolean lower = editable == self->lower;
  gboolean has_value;
  double value;

  if (!kefu_unit_parse_input (self->unit, gtk_editable_get_text (editable), &has_value, &value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");

  g_object_freeze_notify (G_OBJECT (self->bracket));
  if (lower)
    {
      /* An open end is never inclusive; a new bound is, from below. */
      if (has_value && !kefu_bracket_get_has_lower (self->bracket))
        kefu_bracket_set_lower_inclusive (self->bracket, TRUE);
      kefu_bracket_set_has_lower (self->bracket, has_value);
      if (has_value)
        kefu_bracket_set_lower (self->bracket, value);
      else
        kefu_bracket_set_lower_inclusive (self->bracket, TRUE);
    }
  else
    {
      if (has_value && !kefu_bracket_get_has_upper (self->bracket))
        kefu_bracket_set_upper_inclusive (self->bracket, FALSE);
      kefu_bracket_set_has_upper (self->bracket, has_value);
      if (has_value)
        kefu_bracket_set_upper (self->bracket, value);
      else
        kefu_bracket_set_upper_inclusive (self->bracket, FALSE);
    }
  g_object_thaw_notify (G_OBJECT (self->bracket));
}

static void
apply_points (KefuBracketRow *self,
              GtkEditable    *editable)
{
  double points;

  if (!parse_points (gtk_editable_get_text (editable), &points))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");

  if (editable == self->points_high)
    kefu_bracket_set_points_high (self->bracket, points);
  else if (kefu_bracket_get_linear (self->bracket))
    kefu_bracket_set_points_low (self->bracket, points);
  else
    kefu_bracket_set_points (self->bracket, points);
}

static gboolean
apply_cb (gpointer user_data)
{
  KefuBracketRow *self = user_data;

  self->apply_source = 0;
  if (self->lower_typed)
    apply_bound (self, self->lower);
  if (self->upper_typed)
    apply_bound (self, self->upper);
  if (self->points_typed)
    apply_points (self, self->points);
  if (self->points_high_typed)
    apply_points (self, self->points_high);
  self->lower_typed = self->upper_typed = FALSE;
  self->points_typed = self->points_high_typed = FALSE;
  return G_SOURCE_REMOVE;
}

/* What was typed goes into the bracket before the next frame, once: a
 * replaced text ("" then "12") is one change, not an open end first. */
static void
on_bound_changed (KefuBracketRow *self,
                  GtkEditable    *editable)
{
  if (self->syncing)
    return;
  if (editable == self->lower)
    self->lower_typed = TRUE;
  else if (editable == self->upper)
    self->upper_typed = TRUE;
  else if (editable == self->points)
    self->points_typed = TRUE;
  else
    self->points_high_typed = TRUE;
  if (self->apply_source == 0)
    self->apply_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_cb, self, NULL);
}

static void
on_inclusive_toggled (KefuBracketRow  *self,
                      GtkToggleButton *toggle)
{
  gboolean active = gtk_toggle_button_get_active (toggle);

  gtk_button_set_label (GTK_BUTTON (toggle), active ? "≤" : "<");
  if (self->syncing)
    return;
  if (toggle == self->lower_inclusive)
    kefu_bracket_set_lower_inclusive (self->bracket, active);
  else
    kefu_bracket_set_upper_inclusive (self->bracket, active);
}

static void
on_linear_toggled (KefuBracketRow *self)
{
  gboolean linear = gtk_toggle_button_get_active (self->linear);
  KefuBracket *b = self->bracket;

  if (self->syncing)
    return;

  /* From flat points to a slope that starts at them, and back. */
  g_object_freeze_notify (G_OBJECT (b));
  if (linear && !kefu_bracket_get_linear (b))
    {
      kefu_bracket_set_points_low (b, kefu_bracket_get_points (b));
      kefu_bracket_set_points_high (b, kefu_bracket_get_points (b));
    }
  else if (!linear && kefu_bracket_get_linear (b))
    kefu_bracket_set_points (b, kefu_bracket_get_points_low (b));
  kefu_bracket_set_linear (b, linear);
  g_object_thaw_notify (G_OBJECT (b));
}

static GtkEditable *
make_bound_entry (KefuBracketRow *self,
                  const char     *placeholder,
                  const char     *tooltip)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 7);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  /* Ctrl+Z undoes the scheme's last change, not the field's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_bound_changed), self);
  return GTK_EDITABLE (entry);
}

static GtkToggleButton *
make_toggle (KefuBracketRow *self)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label ("<");

  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Whether the bound itself belongs to the row (≤) or not (<)"));
  g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (on_inclusive_toggled), self);
  return GTK_TOGGLE_BUTTON (toggle);
}

static GtkWidget *
make_label (const char *text,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
on_remove_clicked (KefuBracketRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "bracket.remove-row", "u",
                              (guint32) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)));
}

static void
build (KefuBracketRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  const char *suffix = kefu_unit_get_suffix (self->unit);
  GtkWidget *remove;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  self->lower = make_bound_entry (self, "−∞", _("Lower bound; empty for none"));
  self->lower_inclusive = make_toggle (self);
  self->upper_inclusive = make_toggle (self);
  self->upper = make_bound_entry (self, "+∞", _("Upper bound; empty for none"));
  self->points = make_bound_entry (self, NULL, _("Points for a value in this row"));
  gtk_editable_set_width_chars (self->points, 3);
  self->points_high = make_bound_entry (self, NULL, _("Points at the upper bound"));
  gtk_editable_set_width_chars (self->points_high, 3);
  /* Translators: between a linear row's points at its lower and at its upper bound */
  self->linear_to = make_label (_("to"), TRUE);
  self->linear = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Linear")));
  gtk_widget_add_css_class (GTK_WIDGET (self->linear), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->linear), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->linear),
                               _("Points in a straight line from the lower bound to the upper one"));
  g_signal_connect_swapped (self->linear, "toggled", G_CALLBACK (on_linear_toggled), self);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Row"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lower));
  gtk_box_append (GTK_BOX (box), make_label (suffix, TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lower_inclusive));
  /* Translators: the metric's value in a row's rule, as in 38 % ≤ X < 41 % */
  gtk_box_append (GTK_BOX (box), make_label (_("X"), FALSE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->upper_inclusive));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->upper));
  gtk_box_append (GTK_BOX (box), make_label (suffix, TRUE));
  gtk_box_append (GTK_BOX (box), make_label ("→", TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->points));
  gtk_box_append (GTK_BOX (box), self->linear_to);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->points_high));
  /* Translators: after a number of points in a row of a bracket table */
  gtk_box_append (GTK_BOX (box), make_label (_("points"), TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->linear));
  gtk_widget_set_hexpand (GTK_WIDGET (self->linear), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->linear), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

static void
kefu_bracket_row_dispose (GObject *object)
{
  KefuBracketRow *self = KEFU_BRACKET_ROW (object);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->bracket != NULL)
    g_signal_handlers_disconnect_by_func (self->bracket, sync_from_bracket, self);
  g_clear_object (&self->bracket);

  G_OBJECT_CLASS (kefu_bracket_row_parent_class)->dispose (object);
}

static void
kefu_bracket_row_finalize (GObject *object)
{
  g_free (KEFU_BRACKET_ROW (object)->problem);

  G_OBJECT_CLASS (kefu_bracket_row_parent_class)->finalize (object);
}

static void
kefu_bracket_row_class_init (KefuBracketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_bracket_row_dispose;
  object_class->finalize = kefu_bracket_row_finalize;
}

static void
kefu_bracket_row_init (KefuBracketRow *self)
{
}

/**
 * kefu_bracket_row_new:
 * @unit: the unit of the item's values
 *
 * Returns: (transfer floating): a row that edits @bracket
 */
GtkWidget *
kefu_bracket_row_new (KefuBracket *bracket,
                      KefuUnit     unit)
{
  KefuBracketRow *self;

  g_return_val_if_fail (KEFU_IS_BRACKET (bracket), NULL);

  self = g_object_new (KEFU_TYPE_BRACKET_ROW, NULL);
  self->bracket = g_object_ref (bracket);
  self->unit = unit;
  build (self);
  sync_from_bracket (self);
  g_signal_connect_swapped (bracket, "notify", G_CALLBACK (sync_from_bracket), self);
  return GTK_WIDGET (self);
}

KefuBracket *
kefu_bracket_row_get_bracket (KefuBracketRow *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_ROW (self), NULL);
  return self->bracket;
}

/**
 * kefu_bracket_row_get_field:
 *
 * Returns: (transfer none): the field's editable
 */
GtkEditable *
kefu_bracket_row_get_field (KefuBracketRow   *self,
                            KefuBracketField  field)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_ROW (self), NULL);

  switch (field)
    {
    case KEFU_BRACKET_FIELD_LOWER:       return self->lower;
    case KEFU_BRACKET_FIELD_UPPER:       return self->upper;
    case KEFU_BRACKET_FIELD_POINTS:      return self->points;
    case KEFU_BRACKET_FIELD_POINTS_HIGH: return self->points_high;
    default:                             g_return_val_if_reached (NULL);
    }
}

/**
 * kefu_bracket_row_set_problem:
 * @problem: (nullable): what the validator says of the row
 */
void
kefu_bracket_row_set_problem (KefuBracketRow *self,
                              const char     *problem)
{
  g_return_if_fail (KEFU_IS_BRACKET_ROW (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), problem);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "bracket-problem");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "bracket-problem");
}

const char *
kefu_bracket_row_get_problem (KefuBracketRow *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_ROW (self), NULL);
  return self->problem;
}
