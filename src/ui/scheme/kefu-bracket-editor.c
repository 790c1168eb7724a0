/* kefu-bracket-editor.c — an item's bracket table, its strip chart and problems
 *
 * The rows of one item (KefuBracketRow, one per bracket, bound to the
 * item's list), the strip chart of points against value under them, and
 * what the validator says of them. "Fill a ladder" writes the usual
 * table in one go: the best value scores the first points, each equal
 * step towards the worst one the next, and beyond it the last — so
 * 41 % → 29 % with 100 90 80 70 60 0 gives [41 %, ∞) 100, [38 %, 41 %) 90 …
 * (-∞, 29 %) 0. For a metric where lower is better the ladder runs the
 * other way: (-∞, 10 s] 100, (10 s, 15 s] 90 … (30 s, ∞) 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-bracket-editor.h"
#include "kefu-scheme-issue-box.h"
#include "kefu-unit-input.h"

struct _KefuBracketEditor
{
  GtkWidget       parent_instance;

  KefuSchemeItem *item;
  KefuUnit        unit;

  GtkListBox     *rows;
  GtkWidget      *strip;
  GtkLabel       *direction;
  GtkBox         *problems;
  GtkEditable    *ladder_best;
  GtkEditable    *ladder_worst;
  GtkEditable    *ladder_points;
  GtkLabel       *ladder_unit_best;
  GtkLabel       *ladder_unit_worst;
  GtkPopover     *ladder_popover;
};

G_DEFINE_FINAL_TYPE (KefuBracketEditor, kefu_bracket_editor, GTK_TYPE_WIDGET)

static gboolean
lower_is_better (KefuBracketEditor *self)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (self->item);

  return info != NULL && info->better == KEFU_BETTER_LOWER;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KefuBracketEditor *self = user_data;

  return kefu_bracket_row_new (KEFU_BRACKET (item), self->unit);
}

/* The metric (and so the unit) changed: new rows in the new unit. */
static void
bind_rows (KefuBracketEditor *self)
{
  const char *suffix;

  self->unit = kefu_scheme_item_get_unit (self->item);
  gtk_list_box_bind_model (self->rows, kefu_scheme_item_get_brackets (self->item),
                           create_row, self, NULL);

  if (kefu_scheme_item_get_metric (self->item) == NULL)
    gtk_label_set_label (self->direction, _("Points given by hand, 0–100; without rows they are the item’s points."));
  else if (lower_is_better (self))
    gtk_label_set_label (self->direction, _("Lower is better: the best row comes first."));
  else
    gtk_label_set_label (self->direction, _("Higher is better: the best row comes first."));

  suffix = kefu_unit_get_suffix (self->unit);
  gtk_label_set_label (self->ladder_unit_best, suffix);
  gtk_label_set_label (self->ladder_unit_worst, suffix);
}

static void
on_item_notify (KefuBracketEditor *self,
                GParamSpec        *pspec)
{
  if (g_str_equal (pspec->name, "key") || g_str_equal (pspec->name, "kind"))
    bind_rows (self);
}

static void
add_row_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KefuBracketEditor *self = KEFU_BRACKET_EDITOR (widget);
  g_autoptr(KefuBracket) bracket = kefu_bracket_new ();
  guint n = kefu_scheme_item_get_n_brackets (self->item);

  /* A new row goes on where the last one ends: up from its upper bound
   * when lower is better (tables run up from the best), else down from
   * its lower bound. */
  if (n > 0)
    {
      KefuBracket *last = kefu_scheme_item_get_bracket (self->item, n - 1);
      gboolean up = kefu_bracket_get_has_upper (last) &&
                    (lower_is_better (self) || !kefu_bracket_get_has_lower (last));

      if (!up && kefu_bracket_get_has_lower (last))
        {
          kefu_bracket_set_has_upper (bracket, TRUE);
          kefu_bracket_set_upper (bracket, kefu_bracket_get_lower (last));
          kefu_bracket_set_upper_inclusive (bracket, !kefu_bracket_get_lower_inclusive (last));
        }
      else if (kefu_bracket_get_has_upper (last))
        {
          kefu_bracket_set_has_lower (bracket, TRUE);
          kefu_bracket_set_lower (bracket, kefu_bracket_get_upper (last));
          kefu_bracket_set_lower_inclusive (bracket, !kefu_bracket_get_upper_inclusive (last));
        }
    }
  kefu_scheme_item_append_bracket (self->item, bracket);
}

static void
remove_row_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KefuBracketEditor *self = KEFU_BRACKET_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < kefu_scheme_item_get_n_brackets (self->item))
    kefu_scheme_item_remove_bracket (self->item, position);
}

/* ("(ddad)": best, worst in stored units, the points best first */
static void
fill_ladder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GVariant) points_variant = NULL;
  const double *points;
  double best, worst;
  gsize n;

  g_variant_get (parameter, "(dd@ad)", &best, &worst, &points_variant);
  points = g_variant_get_fixed_array (points_variant, &n, sizeof (double));
  kefu_bracket_editor_fill_ladder (KEFU_BRACKET_EDITOR (widget), best, worst, points, n);
}

/* The popover's Fill button: read what was typed. */
static void
on_fill_clicked (KefuBracketEditor *self)
{
  g_auto(GStrv) words = g_strsplit_set (gtk_editable_get_text (self->ladder_points), " ,;/、，", -1);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean has_best, has_worst;
  double best, worst;

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *end = NULL;
      double p;

      if (*words[i] == '\0')
        continue;
      p = g_ascii_strtod (words[i], &end);
      if (*end != '\0' || p < 0 || p > 100)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->ladder_points), "error");
          return;
        }
      g_array_append_val (points, p);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->ladder_points), "error");

  if (!kefu_unit_parse_input (self->unit, gtk_editable_get_text (self->ladder_best), &has_best, &best) || !has_best)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->ladder_best), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->ladder_best), "error");
  if (!kefu_unit_parse_input (self->unit, gtk_editable_get_text (self->ladder_worst), &has_worst, &worst) || !has_worst)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->ladder_worst), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->ladder_worst), "error");
  if (points->len < 2)
    return;

  gtk_popover_popdown (self->ladder_popover);
  kefu_bracket_editor_fill_ladder (self, best, worst, (double *) points->data, points->len);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *field,
          GtkLabel  **unit)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  if (unit != NULL)
    {
      *unit = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (*unit), "dim-label");
      gtk_label_set_xalign (*unit, 0);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (*unit), 2, row, 1, 1);
    }
  return field;
}

static GtkWidget *
build_ladder_button (KefuBracketEditor *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *fill = gtk_button_new_with_mnemonic (_("_Fill"));
  GtkWidget *hint;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Fill a Ladder…"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);

  self->ladder_best = GTK_EDITABLE (labelled (grid, 0, _("_Best from"), gtk_entry_new (), &self->ladder_unit_best));
  self->ladder_worst = GTK_EDITABLE (labelled (grid, 1, _("_Worst at"), gtk_entry_new (), &self->ladder_unit_worst));
  self->ladder_points = GTK_EDITABLE (labelled (grid, 2, _("_Points"), gtk_entry_new (), NULL));
  gtk_editable_set_text (self->ladder_points, "100 90 80 70 60 0");
  hint = gtk_label_new (_("Equal steps from the best value to the worst; each step scores the next points, and beyond the worst value the last."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_grid_attach (GTK_GRID (grid), hint, 0, 3, 3, 1);
  gtk_widget_add_css_class (fill, "suggested-action");
  gtk_widget_set_halign (fill, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), fill, 0, 4, 3, 1);
  g_signal_connect_swapped (fill, "clicked", G_CALLBACK (on_fill_clicked), self);

  self->ladder_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->ladder_popover, grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (self->ladder_popover));
  return button;
}

static void
build (KefuBracketEditor *self)
{
  GtkWidget *box = GTK_WIDGET (self);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Row"));
  GtkWidget *placeholder = gtk_label_new (_("No rows"));

  self->direction = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->direction, 0);
  gtk_label_set_wrap (self->direction, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->direction), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->direction), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->direction), box);

  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 6);
  gtk_widget_set_margin_bottom (placeholder, 6);
  gtk_list_box_set_placeholder (self->rows, placeholder);
  gtk_widget_set_parent (GTK_WIDGET (self->rows), box);

  self->problems = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_parent (GTK_WIDGET (self->problems), box);

  self->strip = kefu_bracket_strip_new ();
  gtk_widget_set_tooltip_text (self->strip, _("Points against the value: shaded where no row takes a value, hatched where two rows do"));
  gtk_widget_set_parent (self->strip, box);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "bracket.add-row");
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), build_ladder_button (self));
  gtk_widget_set_parent (buttons, box);
}

static void
kefu_bracket_editor_dispose (GObject *object)
{
  KefuBracketEditor *self = KEFU_BRACKET_EDITOR (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (kefu_bracket_editor_parent_class)->dispose (object);
}

static void
kefu_bracket_editor_class_init (KefuBracketEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_bracket_editor_dispose;

  gtk_widget_class_install_action (widget_class, "bracket.add-row", NULL, add_row_activated);
  gtk_widget_class_install_action (widget_class, "bracket.remove-row", "u", remove_row_activated);
  gtk_widget_class_install_action (widget_class, "bracket.fill-ladder", "(ddad)", fill_ladder_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bracketeditor");
}

static void
kefu_bracket_editor_init (KefuBracketEditor *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  build (self);
}

/**
 * kefu_bracket_editor_new:
 *
 * Returns: (transfer floating): an editor of @item's rows
 */
GtkWidget *
kefu_bracket_editor_new (KefuSchemeItem *item)
{
  KefuBracketEditor *self;

  g_return_val_if_fail (KEFU_IS_SCHEME_ITEM (item), NULL);

  self = g_object_new (KEFU_TYPE_BRACKET_EDITOR, NULL);
  self->item = g_object_ref (item);
  kefu_bracket_strip_set_item (KEFU_BRACKET_STRIP (self->strip), item);
  bind_rows (self);
  g_signal_connect_swapped (item, "notify", G_CALLBACK (on_item_notify), self);
  return GTK_WIDGET (self);
}

KefuSchemeItem *
kefu_bracket_editor_get_item (KefuBracketEditor *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_EDITOR (self), NULL);
  return self->item;
}

/**
 * kefu_bracket_editor_fill_ladder:
 * @best: the value from which the first points are scored (stored units)
 * @worst: the value beyond which the last points are scored
 * @points: (array length=n_points): the points, best first; at least 2
 *
 * Replaces the item's rows with a ladder of equal steps (see above).
 */
void
kefu_bracket_editor_fill_ladder (KefuBracketEditor *self,
                                 double             best,
                                 double             worst,
                                 const double      *points,
                                 guint              n_points)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean lower_better;
  guint n_bounds;

  g_return_if_fail (KEFU_IS_BRACKET_EDITOR (self));
  g_return_if_fail (n_points >= 2);

  lower_better = lower_is_better (self);
  n_bounds = n_points - 1;
  for (guint i = 0; i < n_points; i++)
    {
      KefuBracket *bracket = kefu_bracket_new ();
      double above = i > 0 ? best + (worst - best) * (i - 1) / MAX (n_bounds - 1, 1) : 0;
      double below = i < n_bounds ? best + (worst - best) * i / MAX (n_bounds - 1, 1) : 0;

      above = kefu_unit_round (self->unit, above);
      below = kefu_unit_round (self->unit, below);
      /* Higher is better: [b_i, b_i-1); lower is better: (b_i-1, b_i]. */
      if (!lower_better)
        {
          kefu_bracket_set_has_lower (bracket, i < n_bounds);
          kefu_bracket_set_lower (bracket, i < n_bounds ? below : 0);
          kefu_bracket_set_has_upper (bracket, i > 0);
          kefu_bracket_set_upper (bracket, i > 0 ? above : 0);
        }
      else
        {
          kefu_bracket_set_has_lower (bracket, i > 0);
          kefu_bracket_set_lower (bracket, i > 0 ? above : 0);
          kefu_bracket_set_lower_inclusive (bracket, i == 0);
          kefu_bracket_set_has_upper (bracket, i < n_bounds);
          kefu_bracket_set_upper (bracket, i < n_bounds ? below : 0);
          kefu_bracket_set_upper_inclusive (bracket, i < n_bounds);
        }
      kefu_bracket_set_points (bracket, points[i]);
      g_ptr_array_add (rows, bracket);
    }

  while (kefu_scheme_item_get_n_brackets (self->item) > 0)
    kefu_scheme_item_remove_bracket (self->item, kefu_scheme_item_get_n_brackets (self->item) - 1);
  for (guint i = 0; i < rows->len; i++)
    kefu_scheme_item_append_bracket (self->item, rows->pdata[i]);
}

/**
 * kefu_bracket_editor_set_issues:
 * @issues: (element-type KefuSchemeIssue): the validator's issues about
 *   this item
 *
 * Marks the rows they concern and lists them, with their fixes, under
 * the table.
 */
void
kefu_bracket_editor_set_issues (KefuBracketEditor *self,
                                GPtrArray         *issues)
{
  guint n = kefu_scheme_item_get_n_brackets (self->item);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_full (n, g_free);
  GtkWidget *child;

  g_return_if_fail (KEFU_IS_BRACKET_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems))) != NULL)
    gtk_box_remove (self->problems, child);
  g_ptr_array_set_size (texts, n);

  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      KefuSchemeIssue *issue = issues->pdata[i];
      guint n_rows;
      const guint *rows = kefu_scheme_issue_get_rows (issue, &n_rows);

      gtk_box_append (self->problems, kefu_scheme_issue_box_new (issue));

      for (guint r = 0; r < n_rows; r++)
        if (rows[r] < n)
          {
            char *old = texts->pdata[rows[r]];

            texts->pdata[rows[r]] = old != NULL
              ? g_strconcat (old, "\n", kefu_scheme_issue_get_message (issue), NULL)
              : g_strdup (kefu_scheme_issue_get_message (issue));
            g_free (old);
          }
    }

  for (guint r = 0; r < n; r++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->rows, r);

      if (KEFU_IS_BRACKET_ROW (row))
        kefu_bracket_row_set_problem (KEFU_BRACKET_ROW (row), texts->pdata[r]);
    }
}

/**
 * kefu_bracket_editor_get_row:
 *
 * Returns: (transfer none) (nullable): the row editing the bracket at
 *   @position
 */
KefuBracketRow *
kefu_bracket_editor_get_row (KefuBracketEditor *self,
                             guint              position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KEFU_IS_BRACKET_EDITOR (self), NULL);

  row = gtk_list_box_get_row_at_index (self->rows, position);
  return KEFU_IS_BRACKET_ROW (row) ? KEFU_BRACKET_ROW (row) : NULL;
}

KefuBracketStrip *
kefu_bracket_editor_get_strip (KefuBracketEditor *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_EDITOR (self), NULL);
  return KEFU_BRACKET_STRIP (self->strip);
}
