/* kefu-coverage-grid.c — the days of a period × the kinds of data imported
 *
 * One row per kind of data, one small square per day: filled when the
 * day has data of its own, light when only a figure for a longer span
 * holds it, empty when nothing was imported. The count at the end of a
 * row says how many days are covered; each square's tooltip says which
 * day and what it holds. The grid is rebuilt with every period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-coverage-grid.h"
#include "kefu-ui-format.h"

struct _KefuCoverageGrid
{
  GtkWidget     parent_instance;

  KefuCoverage *coverage;
  GtkGrid      *grid;
};

G_DEFINE_FINAL_TYPE (KefuCoverageGrid, kefu_coverage_grid, GTK_TYPE_WIDGET)

static void
clear_grid (KefuCoverageGrid *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static GtkWidget *
make_cell (KefuCoverage *coverage,
           KefuDataKind  kind,
           guint         index)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *day_text = NULL;
  g_autofree char *tooltip = NULL;
  const char *state;
  GDate day;

  kefu_coverage_get_day (coverage, index, &day);
  day_text = kefu_ui_format_day (&day);

  gtk_widget_add_css_class (cell, "coverage-cell");
  gtk_widget_set_hexpand (cell, TRUE);
  switch (kefu_coverage_get (coverage, kind, index))
    {
    case KEFU_COVERED_DAY:
      gtk_widget_add_css_class (cell, "covered");
      state = _("imported");
      break;
    case KEFU_COVERED_SPAN:
      gtk_widget_add_css_class (cell, "spanned");
      state = _("only in a figure for a longer span");
      break;
    case KEFU_COVERED_NONE:
    default:
      gtk_widget_add_css_class (cell, "missing");
      state = _("missing");
      break;
    }

  /* Translators: a day, a kind of data, whether it was imported */
  tooltip = g_strdup_printf (_("%s · %s: %s"), day_text, kefu_data_kind_get_label (kind), state);
  gtk_widget_set_tooltip_text (cell, tooltip);
  return cell;
}

static void
rebuild (KefuCoverageGrid *self)
{
  guint n_days;

  clear_grid (self);
  if (self->coverage == NULL)
    return;

  n_days = kefu_coverage_get_n_days (self->coverage);

  /* The header: day of the month, every day when they fit, else every
   * fifth so that two-digit numbers never crowd. */
  for (guint i = 0; i < n_days; i++)
    {
      GtkWidget *label;
      char text[8] = "";
      GDate day;

      kefu_coverage_get_day (self->coverage, i, &day);
      if (n_days <= 16 || i == 0 || g_date_get_day (&day) % 5 == 0)
        g_snprintf (text, sizeof text, "%u", g_date_get_day (&day));
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->grid, label, 1 + i, 0, 1, 1);
    }

  for (guint kind = 0; kind < KEFU_N_DATA_KINDS; kind++)
    {
      GtkWidget *label = gtk_label_new (kefu_data_kind_get_label (kind));
      g_autofree char *count = NULL;
      GtkWidget *count_label;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_end (label, 6);
      gtk_grid_attach (self->grid, label, 0, 1 + kind, 1, 1);

      for (guint i = 0; i < n_days; i++)
        gtk_grid_attach (self->grid, make_cell (self->coverage, kind, i), 1 + i, 1 + kind, 1, 1);

      /* Translators: how many days of the period have this kind of data */
      count = g_strdup_printf (_("%u/%u"), kefu_coverage_count_days (self->coverage, kind), n_days);
      count_label = gtk_label_new (count);
      gtk_label_set_xalign (GTK_LABEL (count_label), 1);
      gtk_widget_set_margin_start (count_label, 6);
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_grid_attach (self->grid, count_label, 1 + n_days, 1 + kind, 1, 1);
    }
}

static void
kefu_coverage_grid_dispose (GObject *object)
{
  KefuCoverageGrid *self = KEFU_COVERAGE_GRID (object);

  if (self->grid != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->grid));
  self->grid = NULL;
  g_clear_object (&self->coverage);

  G_OBJECT_CLASS (kefu_coverage_grid_parent_class)->dispose (object);
}

static void
kefu_coverage_grid_class_init (KefuCoverageGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_coverage_grid_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coveragegrid");
}

static void
kefu_coverage_grid_init (KefuCoverageGrid *self)
{
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_grid_set_column_spacing (self->grid, 3);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
}

/**
 * kefu_coverage_grid_get_coverage:
 *
 * Returns: (transfer none) (nullable): what the grid shows
 */
KefuCoverage *
kefu_coverage_grid_get_coverage (KefuCoverageGrid *self)
{
  g_return_val_if_fail (KEFU_IS_COVERAGE_GRID (self), NULL);

  return self->coverage;
}

void
kefu_coverage_grid_set_coverage (KefuCoverageGrid *self,
                                 KefuCoverage     *coverage)
{
  g_return_if_fail (KEFU_IS_COVERAGE_GRID (self));
  g_return_if_fail (coverage == NULL || KEFU_IS_COVERAGE (coverage));

  if (!g_set_object (&self->coverage, coverage))
    return;
  rebuild (self);
}
