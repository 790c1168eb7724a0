/* kefu-bracket-strip.c — an item's points drawn against the metric's value
 *
 * A small chart under the bracket table: the value runs left to right
 * over the span of the table's bounds (with a margin for the open ends,
 * its two ends written under it),
 * the points bottom to top, 0–100. Each row is a line at its points (or
 * a slope, when linear); values no row takes are shaded in the error
 * colour, values two rows take are hatched. The span is cut into
 * columns and each column is tested at its middle and at every bound
 * inside it, on the values the scorer compares (display precision), so
 * even a gap of one step shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kefu-bracket-strip.h"
#include "kefu-unit-input.h"

#define N_COLUMNS 240
#define LABEL_GAP 2

typedef enum
{
  COVER_NONE,      /* outside the values the metric takes */
  COVER_ONE,
  COVER_GAP,
  COVER_OVERLAP,
} Cover;

struct _KefuBracketStrip
{
  GtkWidget       parent_instance;

  KefuSchemeItem *item;
  double          min, max;          /* the span drawn */
  Cover           cover[N_COLUMNS];
  guint           n_gaps;
  guint           n_overlaps;
};

G_DEFINE_FINAL_TYPE (KefuBracketStrip, kefu_bracket_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_rows (KefuSchemeItem *item,
            KefuUnit        unit,
            double          value)
{
  guint n = 0;

  for (guint i = 0; i < kefu_scheme_item_get_n_brackets (item); i++)
    if (kefu_bracket_contains (kefu_scheme_item_get_bracket (item, i), unit, value))
      n++;
  return n;
}

/* The values a metric can take (as the validator sees them). */
static void
get_domain (KefuSchemeItem *item,
            double         *lo,
            double         *hi)
{
  const KefuMetricInfo *info = kefu_scheme_item_get_metric (item);
  KefuUnit unit = kefu_scheme_item_get_unit (item);

  *lo = 0;
  *hi = INFINITY;
  if (info == NULL)
    *hi = 100;
  else if (unit == KEFU_UNIT_FRACTION)
    *hi = 1;
  else if (unit == KEFU_UNIT_SCORE)
    {
      *lo = 1;
      *hi = 5;
    }
}

static void
update (KefuBracketStrip *self)
{
  double lo = INFINITY, hi = -INFINITY, domain_lo, domain_hi, margin, nice;
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (double));
  KefuUnit unit;
  guint n;

  self->n_gaps = self->n_overlaps = 0;
  memset (self->cover, 0, sizeof self->cover);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->item == NULL || kefu_scheme_item_get_n_brackets (self->item) == 0)
    return;

  unit = kefu_scheme_item_get_unit (self->item);
  n = kefu_scheme_item_get_n_brackets (self->item);
  for (guint i = 0; i < n; i++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (self->item, i);

      if (kefu_bracket_get_has_lower (bracket))
        g_array_append_val (bounds, ((double) { kefu_bracket_get_lower (bracket) }));
      if (kefu_bracket_get_has_upper (bracket))
        g_array_append_val (bounds, ((double) { kefu_bracket_get_upper (bracket) }));
    }
  for (guint i = 0; i < bounds->len; i++)
    {
      lo = MIN (lo, g_array_index (bounds, double, i));
      hi = MAX (hi, g_array_index (bounds, double, i));
    }
  get_domain (self->item, &domain_lo, &domain_hi);
  if (bounds->len == 0)
    {
      lo = domain_lo;
      hi = isfinite (domain_hi) ? domain_hi : 1;
    }
  margin = MAX ((hi - lo) * 0.12, kefu_unit_get_step (unit) * 4);
  /* Ends on round numbers, so that the labels read 23 %, not 23.08 %. */
  nice = pow (10, floor (log10 (MAX (hi - lo, kefu_unit_get_step (unit) * 10) / 2)));
  self->min = MAX (floor ((lo - margin) / nice) * nice, domain_lo);
  self->max = ceil ((hi + margin) / nice) * nice;
  if (isfinite (domain_hi))
    self->max = MIN (self->max, domain_hi);
  if (self->max <= self->min)
    self->max = self->min + kefu_unit_get_step (unit) * 10;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double left = self->min + (self->max - self->min) * c / N_COLUMNS;
      double right = self->min + (self->max - self->min) * (c + 1) / N_COLUMNS;
      double step = kefu_unit_get_step (unit);
      guint most = 0, least = G_MAXUINT;
      gboolean any = FALSE;

      /* The middle, and each bound in the column with its neighbours. */
      for (int k = -1; k < (int) bounds->len; k++)
        for (int d = -1; d <= 1; d++)
          {
            double v = k < 0 ? (left + right) / 2 : g_array_index (bounds, double, k) + d * step;
            guint rows;

            if (k < 0 && d != 0)
              continue;
            if (v < left || v >= right || v < domain_lo || v > domain_hi)
              continue;
            rows = count_rows (self->item, unit, v);
            most = MAX (most, rows);
            least = MIN (least, rows);
            any = TRUE;
          }

      if (!any)
        self->cover[c] = COVER_NONE;
      else if (least == 0)
        self->cover[c] = COVER_GAP;
      else if (most > 1)
        self->cover[c] = COVER_OVERLAP;
      else
        self->cover[c] = COVER_ONE;

      if (self->cover[c] == COVER_GAP && (c == 0 || self->cover[c - 1] != COVER_GAP))
        self->n_gaps++;
      if (self->cover[c] == COVER_OVERLAP && (c == 0 || self->cover[c - 1] != COVER_OVERLAP))
        self->n_overlaps++;
    }
}

static void
get_color (GtkWidget  *widget,
           const char *name,
           GdkRGBA    *rgba,
           const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* "23%", "10 s", "1.15": the value as typed into the table, and its unit. */
static char *
format_end (KefuUnit unit,
            double   value)
{
  g_autofree char *number = kefu_unit_format_input (unit, value);
  const char *suffix = kefu_unit_get_suffix (unit);

  if (*suffix == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf (unit == KEFU_UNIT_FRACTION ? "%s%s" : "%s %s", number, suffix);
}

/* The value at each end of the span, in the metric's unit. */
static void
draw_ends (KefuBracketStrip *self,
           GtkSnapshot      *snapshot,
           double            width,
           double            top)
{
  KefuUnit unit = kefu_scheme_item_get_unit (self->item);
  g_autofree char *low = format_end (unit, self->min);
  g_autofree char *high = format_end (unit, self->max);
  g_autoptr(PangoLayout) left = gtk_widget_create_pango_layout (GTK_WIDGET (self), low);
  g_autoptr(PangoLayout) right = gtk_widget_create_pango_layout (GTK_WIDGET (self), high);
  GdkRGBA color;
  int text_width;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.6;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
  gtk_snapshot_append_layout (snapshot, left, &color);
  gtk_snapshot_restore (snapshot);

  pango_layout_get_pixel_size (right, &text_width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - text_width, top));
  gtk_snapshot_append_layout (snapshot, right, &color);
  gtk_snapshot_restore (snapshot);
}

static int
label_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + LABEL_GAP;
}

static void
kefu_bracket_strip_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KefuBracketStrip *self = KEFU_BRACKET_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget) - label_height (widget);
  double column = width / N_COLUMNS;
  GdkRGBA fg, error, accent, hatch, axis;
  KefuUnit unit;
  cairo_t *cr;

  if (self->item == NULL || width <= 0 || height <= 0 ||
      kefu_scheme_item_get_n_brackets (self->item) == 0)
    return;

  unit = kefu_scheme_item_get_unit (self->item);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  get_color (widget, "error_color", &error, "#c01c28");
  get_color (widget, "accent_color", &accent, "#1c71d8");
  hatch = error;
  axis = fg;
  axis.alpha = 0.25;
  error.alpha = 0.25;

  /* Gaps: shaded. */
  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->cover[c] == COVER_GAP)
      gtk_snapshot_append_color (snapshot, &error,
                                 &GRAPHENE_RECT_INIT (c * column, 0, MAX (column, 2), height));

  /* The axis at 0 points. */
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Overlaps: hatched, each run of columns at once. */
  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &hatch);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->cover[c] == COVER_OVERLAP)
      {
        guint end = c;
        double x;

        while (end + 1 < N_COLUMNS && self->cover[end + 1] == COVER_OVERLAP)
          end++;
        x = c * column;
        cairo_save (cr);
        cairo_rectangle (cr, x, 0, MAX ((end + 1 - c) * column, 3), height);
        cairo_clip (cr);
        for (double k = x - height; k < x + (end + 1 - c) * column + 3; k += 5)
          {
            cairo_move_to (cr, k, height);
            cairo_line_to (cr, k + height, 0);
          }
        cairo_stroke (cr);
        cairo_restore (cr);
        c = end;
      }

  /* Each row: its points over its part of the span. */
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < kefu_scheme_item_get_n_brackets (self->item); i++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (self->item, i);
      double a = kefu_bracket_get_has_lower (bracket) ? kefu_bracket_get_lower (bracket) : self->min;
      double b = kefu_bracket_get_has_upper (bracket) ? kefu_bracket_get_upper (bracket) : self->max;
      double x0, x1, p0, p1;

      a = CLAMP (a, self->min, self->max);
      b = CLAMP (b, self->min, self->max);
      if (b < a)
        continue;
      x0 = (a - self->min) / (self->max - self->min) * width;
      x1 = (b - self->min) / (self->max - self->min) * width;
      p0 = kefu_bracket_get_points_at (bracket, unit, a);
      p1 = kefu_bracket_get_points_at (bracket, unit, b);
      if (!kefu_bracket_get_linear (bracket))
        p0 = p1 = kefu_bracket_get_points (bracket);
      if (!isfinite (p0) || !isfinite (p1))
        continue;
      p0 = CLAMP (p0, 0, 100);
      p1 = CLAMP (p1, 0, 100);
      cairo_move_to (cr, x0, 2 + (height - 4) * (1 - p0 / 100));
      cairo_line_to (cr, MAX (x1, x0 + 1), 2 + (height - 4) * (1 - p1 / 100));
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

  draw_ends (self, snapshot, width, height + LABEL_GAP);
}

static void
kefu_bracket_strip_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  int labels = label_height (widget);

  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 36 + labels;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 48 + labels;
}

static void
kefu_bracket_strip_dispose (GObject *object)
{
  kefu_bracket_strip_set_item (KEFU_BRACKET_STRIP (object), NULL);

  G_OBJECT_CLASS (kefu_bracket_strip_parent_class)->dispose (object);
}

static void
kefu_bracket_strip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuBracketStrip *self = KEFU_BRACKET_STRIP (object);

  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_bracket_strip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuBracketStrip *self = KEFU_BRACKET_STRIP (object);

  switch (prop_id)
    {
    case PROP_ITEM: kefu_bracket_strip_set_item (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_bracket_strip_class_init (KefuBracketStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_bracket_strip_dispose;
  object_class->get_property = kefu_bracket_strip_get_property;
  object_class->set_property = kefu_bracket_strip_set_property;
  widget_class->snapshot = kefu_bracket_strip_snapshot;
  widget_class->measure = kefu_bracket_strip_measure;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, KEFU_TYPE_SCHEME_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bracketstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kefu_bracket_strip_init (KefuBracketStrip *self)
{
}

GtkWidget *
kefu_bracket_strip_new (void)
{
  return g_object_new (KEFU_TYPE_BRACKET_STRIP, NULL);
}

KefuSchemeItem *
kefu_bracket_strip_get_item (KefuBracketStrip *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_STRIP (self), NULL);
  return self->item;
}

void
kefu_bracket_strip_set_item (KefuBracketStrip *self,
                             KefuSchemeItem   *item)
{
  g_return_if_fail (KEFU_IS_BRACKET_STRIP (self));
  g_return_if_fail (item == NULL || KEFU_IS_SCHEME_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

guint
kefu_bracket_strip_get_n_gaps (KefuBracketStrip *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_STRIP (self), 0);
  return self->n_gaps;
}

guint
kefu_bracket_strip_get_n_overlaps (KefuBracketStrip *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET_STRIP (self), 0);
  return self->n_overlaps;
}
