/* kefu-preview-view.c — the first rows of a file, as the import read them
 *
 * A table of the rows a check read, in the file's own columns (A, B, C …
 * as spreadsheets name them) after the row numbers: the header row the
 * profile matched stands out, summary rows and titles step back, rows
 * the import skips are marked (style.css).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-preview-view.h"

#define MAX_PREVIEW_COLUMNS 40

struct _KefuPreviewView
{
  AdwBin         parent_instance;

  GListModel    *preview;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (KefuPreviewView, kefu_preview_view, ADW_TYPE_BIN)

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (list_item, label);
}

static const char *
role_class (KefuPreviewRowRole role)
{
  switch (role)
    {
    case KEFU_PREVIEW_ROW_HEADER:  return "preview-header";
    case KEFU_PREVIEW_ROW_SUMMARY: return "preview-summary";
    case KEFU_PREVIEW_ROW_TITLE:   return "preview-title";
    case KEFU_PREVIEW_ROW_SKIPPED: return "preview-skipped";
    case KEFU_PREVIEW_ROW_DATA:
    default:                       return "preview-data";
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  KefuPreviewRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_label (GTK_LABEL (label), kefu_preview_row_get_cell (row, column));
  gtk_widget_set_tooltip_text (label, kefu_preview_row_get_cell (row, column));
  gtk_widget_set_css_classes (label, (const char *[]) { role_class (kefu_preview_row_get_role (row)), NULL });
}

static void
setup_row_number (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (tag, "preview-tag");
  gtk_widget_add_css_class (tag, "caption");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_number (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  KefuPreviewRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *number = gtk_widget_get_first_child (box);
  GtkWidget *tag = gtk_widget_get_next_sibling (number);
  g_autofree char *text = g_strdup_printf ("%lu", (gulong) kefu_preview_row_get_number (row));
  KefuPreviewRowRole role = kefu_preview_row_get_role (row);

  gtk_label_set_label (GTK_LABEL (number), text);
  gtk_widget_set_visible (tag, role != KEFU_PREVIEW_ROW_DATA && role != KEFU_PREVIEW_ROW_TITLE);
  if (role == KEFU_PREVIEW_ROW_HEADER)
    /* Translators: marks the header row of a file in the preview; keep it short */
    gtk_label_set_label (GTK_LABEL (tag), C_("preview", "Header"));
  else if (role == KEFU_PREVIEW_ROW_SUMMARY)
    /* Translators: marks a summary row (汇总) in the preview; keep it short */
    gtk_label_set_label (GTK_LABEL (tag), C_("preview", "Summary"));
  else
    /* Translators: marks a row the import skips, for a problem listed below; keep it short */
    gtk_label_set_label (GTK_LABEL (tag), C_("preview", "Skipped"));
  gtk_widget_set_css_classes (tag, (const char *[]) { "preview-tag", "caption", role_class (role), NULL });
}

static char *
column_letters (guint column)
{
  GString *text = g_string_new (NULL);

  /* A, B, … Z, AA, AB … as spreadsheets name them */
  column++;
  while (column > 0)
    {
      g_string_prepend_c (text, 'A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_string_free (text, FALSE);
}

/* The column view shares the width out evenly; a preview reads better
 * with each column as wide as its cells (up to a point), and scrolls. */
static int
column_width (KefuPreviewView     *self,
              guint                column)
{
  int widest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->preview); i++)
    {
      g_autoptr(KefuPreviewRow) row = g_list_model_get_item (self->preview, i);
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), kefu_preview_row_get_cell (row, column));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  /* room for the cell's padding and the header row's bold */
  return CLAMP (widest * 11 / 10 + 24, 56, 240);
}

static void
add_column (KefuPreviewView     *self,
            const char          *title,
            GtkListItemFactory  *factory,
            int                  width)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
}

/**
 * kefu_preview_view_set_result:
 * @result: (nullable): a check of a file, or %NULL for none
 *
 * Shows the first rows @result read, each column as wide as its cells.
 */
void
kefu_preview_view_set_result (KefuPreviewView  *self,
                              KefuImportResult *result)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;
  guint n_columns = 0;

  g_return_if_fail (KEFU_IS_PREVIEW_VIEW (self));
  g_return_if_fail (result == NULL || KEFU_IS_IMPORT_RESULT (result));

  g_clear_object (&self->preview);
  self->preview = result ? kefu_preview_row_list_new (result)
                         : G_LIST_MODEL (g_list_store_new (KEFU_TYPE_PREVIEW_ROW));

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->preview); i++)
    {
      g_autoptr(KefuPreviewRow) row = g_list_model_get_item (self->preview, i);

      n_columns = MAX (n_columns, kefu_preview_row_get_n_cells (row));
    }
  n_columns = MIN (n_columns, MAX_PREVIEW_COLUMNS);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_number), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_number), NULL);
  /* Translators: the column of row numbers in the preview */
  add_column (self, C_("preview", "Row"), factory, -1);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = column_letters (c);

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      add_column (self, title, factory, column_width (self, c));
    }

  selection = gtk_no_selection_new (g_object_ref (self->preview));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}


/* Returns: (transfer none) (nullable): the #KefuPreviewRow shown */
GListModel *
kefu_preview_view_get_rows (KefuPreviewView *self)
{
  g_return_val_if_fail (KEFU_IS_PREVIEW_VIEW (self), NULL);
  return self->preview;
}

static void
kefu_preview_view_dispose (GObject *object)
{
  KefuPreviewView *self = KEFU_PREVIEW_VIEW (object);

  g_clear_object (&self->preview);
  /* The bin holds the template's child: it goes first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_PREVIEW_VIEW);

  G_OBJECT_CLASS (kefu_preview_view_parent_class)->dispose (object);
}

static void
kefu_preview_view_class_init (KefuPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_preview_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-preview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuPreviewView, column_view);
}

static void
kefu_preview_view_init (KefuPreviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
