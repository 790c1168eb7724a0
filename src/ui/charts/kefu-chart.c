/* kefu-chart.c — what every chart widget shares
 *
 * A chart is drawn in snapshot() as sysprof's chart layers are: a
 * subclass normalises its data to 0..1 once, when it is set, and only
 * scales it to the allocation here. This base class takes care of the
 * padding, the legend, the empty state, colours from the style, hover
 * tooltips and exports (PNG, SVG, the clipboard), which render the same
 * snapshot at any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "kefu-chart.h"
#include "kefu-set-str.h"

#define PADDING      12.f
#define LEGEND_MARK  14.f
#define LEGEND_GAP   16.f
#define EXPORT_WIDTH 800

typedef struct
{
  char          *label;
  int            color;
  KefuChartMark  mark;
  PangoLayout   *layout;   /* made when first drawn */
} LegendEntry;

typedef struct
{
  char     *empty_text;
  char     *title;
  GArray   *legend;     /* LegendEntry */
  gboolean  hovering;
  double    hover_x;
  double    hover_y;
  guint     serial;        /* the Pango context's, when the cache was made */
  float     line_height;   /* cached; 0: not yet */
} KefuChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KefuChart, kefu_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_EMPTY_TEXT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Fallbacks for themes without libadwaita's named colours. */
static const struct {
  const char *light_name;
  const char *light;
  const char *dark_name;
  const char *dark;
} palette[KEFU_CHART_N_COLORS] = {
  { "blue_4", "#1c71d8", "blue_2", "#62a0ea" },
  { "orange_4", "#e66100", "orange_2", "#ffa348" },
  { "green_5", "#26a269", "green_3", "#33d17a" },
  { "purple_3", "#9141ac", "purple_2", "#c061cb" },
  { "red_3", "#e01b24", "red_1", "#f66151" },
  { "brown_3", "#986a44", "brown_1", "#cdab8f" },
  { "yellow_5", "#e5a50a", "yellow_3", "#f6d32d" },
  { "dark_1", "#77767b", "light_4", "#c0bfbc" },
};

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const char      *fallback,
        GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
with_alpha (GdkRGBA       *out,
            const GdkRGBA *color,
            float          alpha)
{
  *out = *color;
  out->alpha = color->alpha * alpha;
}

static void
get_style (KefuChart      *self,
           KefuChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  gtk_style_context_get_color (context, &style->fg);
  /* A light text colour means a dark background, whatever the theme. */
  style->dark = 0.299 * style->fg.red + 0.587 * style->fg.green + 0.114 * style->fg.blue > 0.5;
  with_alpha (&style->dim, &style->fg, high_contrast ? 0.85f : 0.6f);
  with_alpha (&style->grid, &style->fg, high_contrast ? 0.3f : 0.1f);
  with_alpha (&style->faint, &style->fg, high_contrast ? 0.12f : 0.04f);
  lookup (context, "window_bg_color", style->dark ? "#242424" : "#fafafa", &style->background);
  lookup (context, "accent_color", style->dark ? "#78aeed" : "#1c71d8", &style->accent);
  lookup (context, "warning_color", style->dark ? "#f8e45c" : "#9c6e03", &style->warning);
  lookup (context, "success_color", style->dark ? "#8ff0a4" : "#1b8553", &style->good);
  lookup (context, "error_color", style->dark ? "#ff7b63" : "#c01c28", &style->bad);
  for (guint i = 0; i < KEFU_CHART_N_COLORS; i++)
    lookup (context,
            style->dark ? palette[i].dark_name : palette[i].light_name,
            style->dark ? palette[i].dark : palette[i].light,
            &style->palette[i]);
  style->line_width = high_contrast ? 3.f : 2.f;
}

const GdkRGBA *
kefu_chart_style_color (const KefuChartStyle *style,
                        int                   color)
{
  switch (color)
    {
    case KEFU_CHART_COLOR_FG:      return &style->fg;
    case KEFU_CHART_COLOR_WARNING: return &style->warning;
    case KEFU_CHART_COLOR_ACCENT:  return &style->accent;
    default:                       return &style->palette[MAX (color, 0) % KEFU_CHART_N_COLORS];
    }
}

/* ——— text ——— */

/**
 * kefu_chart_layout:
 * @small: axis labels and captions
 *
 * Returns: (transfer full): @text laid out in the widget's font, figures
 *   in tabular form so that ticks line up
 */
PangoLayout *
kefu_chart_layout (KefuChart  *self,
                   const char *text,
                   gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

void
kefu_chart_draw_layout (GtkSnapshot   *snapshot,
                        PangoLayout   *layout,
                        float          x,
                        float          y,
                        const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * kefu_chart_draw_text:
 * @y: the top of the text
 * @align: 0 starts at @x, 0.5 centres on it, 1 ends there
 *
 * Draws a small label.
 *
 * Returns: its width
 */
float
kefu_chart_draw_text (KefuChart     *self,
                      GtkSnapshot   *snapshot,
                      const char    *text,
                      float          x,
                      float          y,
                      float          align,
                      const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = kefu_chart_layout (self, text, TRUE);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  kefu_chart_draw_layout (snapshot, layout, x - align * width, y, color);
  return width;
}

/* Text measured once, until the font or the scale changes. */
static void
check_cache (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (serial == priv->serial)
    return;
  priv->serial = serial;
  priv->line_height = 0;
  for (guint i = 0; i < priv->legend->len; i++)
    g_clear_object (&g_array_index (priv->legend, LegendEntry, i).layout);
}

/* The height of a line of small text. */
float
kefu_chart_line_height (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  check_cache (self);
  if (priv->line_height == 0)
    {
      g_autoptr(PangoLayout) layout = kefu_chart_layout (self, "0%", TRUE);
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      priv->line_height = height;
    }
  return priv->line_height;
}

/**
 * kefu_chart_draw_y_axis:
 * @area: where the axis and the plot go
 * @bottom: room to keep below the plot for the x axis' labels
 * @plot: (out): the plot, right of the labels
 *
 * Draws the horizontal grid lines of @scale with their labels.
 */
void
kefu_chart_draw_y_axis (KefuChart             *self,
                        GtkSnapshot           *snapshot,
                        const KefuChartStyle  *style,
                        const KefuChartScale  *scale,
                        const graphene_rect_t *area,
                        float                  bottom,
                        graphene_rect_t       *plot)
{
  float line = kefu_chart_line_height (self);
  PangoLayout *layouts[32];
  guint n = MIN (scale->n_ticks, G_N_ELEMENTS (layouts));
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = kefu_chart_scale_label (scale, kefu_chart_scale_tick (scale, i));
      int width;

      layouts[i] = kefu_chart_layout (self, label, TRUE);
      pango_layout_get_pixel_size (layouts[i], &width, NULL);
      widest = MAX (widest, width);
    }

  graphene_rect_init (plot,
                      area->origin.x + widest + 8,
                      area->origin.y + line / 2,
                      MAX (area->size.width - widest - 8, 1),
                      MAX (area->size.height - bottom - line / 2, 1));

  for (guint i = 0; i < n; i++)
    {
      double t = kefu_chart_scale_normalise (scale, kefu_chart_scale_tick (scale, i));
      float y = plot->origin.y + plot->size.height * (1 - t);
      int width;

      gtk_snapshot_append_color (snapshot, &style->grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y - 0.5f, plot->size.width, 1));
      pango_layout_get_pixel_size (layouts[i], &width, NULL);
      kefu_chart_draw_layout (snapshot, layouts[i], plot->origin.x - 8 - width, y - line / 2, &style->dim);
      g_object_unref (layouts[i]);
    }
}

/* ——— legend ——— */

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *entry = data;

  g_free (entry->label);
  g_clear_object (&entry->layout);
}

void
kefu_chart_clear_legend (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  g_array_set_size (priv->legend, 0);
}

void
kefu_chart_add_legend (KefuChart     *self,
                       const char    *label,
                       int            color,
                       KefuChartMark  mark)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);
  LegendEntry entry = { g_strdup (label), color, mark, NULL };

  g_array_append_val (priv->legend, entry);
}

static void
draw_mark (GtkSnapshot          *snapshot,
           const KefuChartStyle *style,
           const LegendEntry    *entry,
           float                 x,
           float                 y)
{
  const GdkRGBA *color = kefu_chart_style_color (style, entry->color);

  switch (entry->mark)
    {
    case KEFU_CHART_MARK_BOX:
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y - 5, LEGEND_MARK - 4, 10));
      break;
    case KEFU_CHART_MARK_LINE:
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y - style->line_width / 2,
                                                                       LEGEND_MARK, style->line_width));
      break;
    case KEFU_CHART_MARK_NONE:
      break;
    case KEFU_CHART_MARK_DASH:
    default:
      for (float dx = 0; dx < LEGEND_MARK; dx += 6)
        gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + dx, y - style->line_width / 2,
                                                                         4, style->line_width));
      break;
    }
}

/* Lays the legend out in rows under @area, which it shrinks; draws it
 * when @snapshot is given. */
static void
legend (KefuChart            *self,
        GtkSnapshot          *snapshot,
        const KefuChartStyle *style,
        graphene_rect_t      *area)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);
  float line = kefu_chart_line_height (self) + 4;
  float x = 0, rows = 1;
  float top;

  if (priv->legend->len == 0)
    return;
  check_cache (self);

  /* Count the rows first: the legend sits at the bottom. */
  for (guint pass = 0; pass < 2; pass++)
    {
      x = 0;
      top = area->origin.y + area->size.height - rows * line;
      rows = 1;
      for (guint i = 0; i < priv->legend->len; i++)
        {
          LegendEntry *entry = &g_array_index (priv->legend, LegendEntry, i);
          float w, mark;
          int width;

          if (entry->layout == NULL)
            entry->layout = kefu_chart_layout (self, entry->label, TRUE);
          pango_layout_get_pixel_size (entry->layout, &width, NULL);
          mark = entry->mark == KEFU_CHART_MARK_NONE ? 0 : LEGEND_MARK + 6;
          w = mark + width;
          if (x > 0 && x + w > area->size.width)
            {
              x = 0;
              rows++;
            }
          if (pass == 1)
            {
              float y = top + (rows - 1) * line;

              draw_mark (snapshot, style, entry, area->origin.x + x, y + line / 2 - 2);
              kefu_chart_draw_layout (snapshot, entry->layout, area->origin.x + x + mark, y, &style->dim);
            }
          x += w + LEGEND_GAP;
        }
    }
  area->size.height -= rows * line + 8;
}

/* ——— painting ——— */

static void
paint (KefuChart   *self,
       GtkSnapshot *snapshot,
       int          width,
       int          height,
       gboolean     exporting)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);
  KefuChartClass *klass = KEFU_CHART_GET_CLASS (self);
  KefuChartStyle style;
  graphene_rect_t area;

  get_style (self, &style);
  if (exporting)
    gtk_snapshot_append_color (snapshot, &style.background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  graphene_rect_init (&area, PADDING, PADDING, MAX (width - 2 * PADDING, 1), MAX (height - 2 * PADDING, 1));

  /* In the window a card shows the title; a file must carry its own. */
  if (exporting && priv->title != NULL)
    {
      g_autoptr(PangoLayout) layout = kefu_chart_layout (self, priv->title, FALSE);
      PangoAttrList *attrs = pango_layout_get_attributes (layout);
      int h;

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_width (layout, area.size.width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &h);
      kefu_chart_draw_layout (snapshot, layout, area.origin.x, area.origin.y, &style.fg);
      area.origin.y += h + 8;
      area.size.height -= h + 8;
    }

  if (kefu_chart_is_empty (self))
    {
      g_autoptr(PangoLayout) layout = kefu_chart_layout (self, priv->empty_text ? priv->empty_text : "", FALSE);
      int w, h;

      pango_layout_set_width (layout, area.size.width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &w, &h);
      kefu_chart_draw_layout (snapshot, layout, area.origin.x,
                              area.origin.y + (area.size.height - h) / 2, &style.dim);
      return;
    }

  legend (self, snapshot, &style, &area);
  if (area.size.height > 8 && area.size.width > 8)
    klass->draw (self, snapshot, &area, &style);
}

static void
kefu_chart_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  paint (KEFU_CHART (widget), snapshot,
         gtk_widget_get_width (widget), gtk_widget_get_height (widget), FALSE);
}

static void
kefu_chart_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 180;
      *natural = 280;
    }
}

void
kefu_chart_changed (KefuChart *self)
{
  g_return_if_fail (KEFU_IS_CHART (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ——— hover ——— */

gboolean
kefu_chart_get_hover (KefuChart *self,
                      double    *x,
                      double    *y)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  *x = priv->hover_x;
  *y = priv->hover_y;
  return priv->hovering;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           KefuChart                *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  priv->hovering = TRUE;
  priv->hover_x = x;
  priv->hover_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion,
          KefuChart                *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  priv->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kefu_chart_is_empty:
 *
 * Returns: whether the chart shows its empty state
 */
gboolean
kefu_chart_is_empty (KefuChart *self)
{
  KefuChartClass *klass;

  g_return_val_if_fail (KEFU_IS_CHART (self), TRUE);

  klass = KEFU_CHART_GET_CLASS (self);
  return klass->is_empty == NULL || klass->is_empty (self);
}

/**
 * kefu_chart_get_tooltip_text:
 *
 * Returns: (transfer full) (nullable): the exact values the tooltip shows
 *   at (@x, @y), as last drawn
 */
char *
kefu_chart_get_tooltip_text (KefuChart *self,
                             double     x,
                             double     y)
{
  KefuChartClass *klass;

  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);

  klass = KEFU_CHART_GET_CLASS (self);
  if (kefu_chart_is_empty (self) || klass->tooltip_at == NULL)
    return NULL;
  return klass->tooltip_at (self, x, y);
}

static gboolean
kefu_chart_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  g_autofree char *text = kefu_chart_get_tooltip_text (KEFU_CHART (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ——— export ——— */

static void
export_size (KefuChart *self,
             int       *width,
             int       *height)
{
  int natural;

  *width = gtk_widget_get_width (GTK_WIDGET (self));
  if (*width <= 0)
    *width = EXPORT_WIDTH;
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, *width, NULL, &natural, NULL, NULL);
  *height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), natural);
}

/**
 * kefu_chart_render:
 * @background: paint the window's background and the title, as a file needs
 *
 * Returns: (transfer full) (nullable): the chart drawn at @width × @height
 */
GskRenderNode *
kefu_chart_render (KefuChart *self,
                   int        width,
                   int        height,
                   gboolean   background)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);

  paint (self, snapshot, width, height, background);
  /* Drawing at another size moved what tooltips find: draw again. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/**
 * kefu_chart_to_texture:
 * @width: 0 for the chart's own size
 * @scale: pixels per point: 2 keeps text sharp on a slide
 *
 * Returns: (transfer full): the chart, with its background and title
 */
GdkTexture *
kefu_chart_to_texture (KefuChart *self,
                       int        width,
                       int        height,
                       int        scale)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int stride;

  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);

  if (width <= 0 || height <= 0)
    export_size (self, &width, &height);
  scale = MAX (scale, 1);
  node = kefu_chart_render (self, width, height, TRUE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height * scale);
  cairo_surface_destroy (surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes, stride);
}

gboolean
kefu_chart_save_png (KefuChart  *self,
                     GFile      *file,
                     GError    **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (KEFU_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  texture = kefu_chart_to_texture (self, 0, 0, 2);
  png = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* Cairo 1.16's SVG surface takes a reference to every recording surface
 * it draws from (to_recording_surface() in cairo-svg-surface.c) and never
 * drops it: each export would lose the drawings of the chart's cairo
 * nodes. Their counts are noted before, and what the SVG surface still
 * holds once destroyed is given back (nothing, with a cairo that does). */
static void
count_recordings (GskRenderNode *node,
                  GHashTable    *refs)
{
  cairo_surface_t *surface;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      surface = gsk_cairo_node_get_surface (node);
      if (surface != NULL)
        g_hash_table_insert (refs, surface, GUINT_TO_POINTER (cairo_surface_get_reference_count (surface)));
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_recordings (gsk_container_node_get_child (node, i), refs);
      break;
    case GSK_TRANSFORM_NODE:
      count_recordings (gsk_transform_node_get_child (node), refs);
      break;
    case GSK_CLIP_NODE:
      count_recordings (gsk_clip_node_get_child (node), refs);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_recordings (gsk_rounded_clip_node_get_child (node), refs);
      break;
    case GSK_OPACITY_NODE:
      count_recordings (gsk_opacity_node_get_child (node), refs);
      break;
    default:
      break;
    }
}

static void
release_recordings (GHashTable *refs)
{
  GHashTableIter iter;
  gpointer surface, count;

  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, &surface, &count))
    for (guint n = cairo_surface_get_reference_count (surface); n > GPOINTER_TO_UINT (count); n--)
      cairo_surface_destroy (surface);
}

static cairo_status_t
append_bytes (void                *data,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (data, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
kefu_chart_save_svg (KefuChart  *self,
                     GFile      *file,
                     GError    **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(GHashTable) recordings = g_hash_table_new (NULL, NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (KEFU_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  export_size (self, &width, &height);
  node = kefu_chart_render (self, width, height, TRUE);
  if (node != NULL)
    count_recordings (node, recordings);
  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  release_recordings (recordings);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be drawn as SVG: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_replace_contents (file, (const char *) svg->data, svg->len,
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

void
kefu_chart_copy (KefuChart *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (KEFU_IS_CHART (self));

  texture = kefu_chart_to_texture (self, 0, 0, 2);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
}

/* ——— properties ——— */

const char *
kefu_chart_get_empty_text (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);
  return priv->empty_text;
}

void
kefu_chart_set_empty_text (KefuChart  *self,
                           const char *text)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  g_return_if_fail (KEFU_IS_CHART (self));

  if (kefu_set_str (&priv->empty_text, text))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
    }
}

const char *
kefu_chart_get_title (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  g_return_val_if_fail (KEFU_IS_CHART (self), NULL);
  return priv->title;
}

void
kefu_chart_set_title (KefuChart  *self,
                      const char *title)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);

  g_return_if_fail (KEFU_IS_CHART (self));

  if (kefu_set_str (&priv->title, title))
    {
      /* A screen reader names the image by its title. */
      if (title != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
kefu_chart_finalize (GObject *object)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (KEFU_CHART (object));

  g_free (priv->empty_text);
  g_free (priv->title);
  g_array_unref (priv->legend);

  G_OBJECT_CLASS (kefu_chart_parent_class)->finalize (object);
}

static void
kefu_chart_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuChart *self = KEFU_CHART (object);

  switch (prop_id)
    {
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, kefu_chart_get_empty_text (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, kefu_chart_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_chart_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuChart *self = KEFU_CHART (object);

  switch (prop_id)
    {
    case PROP_EMPTY_TEXT:
      kefu_chart_set_empty_text (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kefu_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_chart_class_init (KefuChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kefu_chart_finalize;
  object_class->get_property = kefu_chart_get_property;
  object_class->set_property = kefu_chart_set_property;

  widget_class->snapshot = kefu_chart_snapshot;
  widget_class->measure = kefu_chart_measure;
  widget_class->query_tooltip = kefu_chart_query_tooltip;

  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kefu_chart_init (KefuChart *self)
{
  KefuChartPrivate *priv = kefu_chart_get_instance_private (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  priv->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_array_set_clear_func (priv->legend, legend_entry_clear);
  priv->empty_text = g_strdup (_("Nothing to chart for this period"));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
