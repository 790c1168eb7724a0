/* kefu-chart.h — what every chart widget shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kefu-core.h"

G_BEGIN_DECLS

#define KEFU_CHART_N_COLORS 8

/* Colours of one frame, read from the style: dark mode and high
 * contrast follow the theme. */
typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  dim;          /* axis labels, captions */
  GdkRGBA  grid;         /* grid lines */
  GdkRGBA  faint;        /* empty cells */
  GdkRGBA  background;   /* the window's: exports paint it */
  GdkRGBA  accent;
  GdkRGBA  warning;      /* thresholds */
  GdkRGBA  good;         /* ↑ */
  GdkRGBA  bad;          /* ↓ */
  GdkRGBA  palette[KEFU_CHART_N_COLORS];
  gboolean dark;
  float    line_width;
} KefuChartStyle;

/* A legend entry's colour: a palette index, or one of these. */
enum
{
  KEFU_CHART_COLOR_FG = -1,
  KEFU_CHART_COLOR_WARNING = -2,
  KEFU_CHART_COLOR_ACCENT = -3,
};

typedef enum
{
  KEFU_CHART_MARK_BOX,
  KEFU_CHART_MARK_LINE,
  KEFU_CHART_MARK_DASH,
  KEFU_CHART_MARK_NONE,     /* a note beside the legend */
} KefuChartMark;

#define KEFU_TYPE_CHART (kefu_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (KefuChart, kefu_chart, KEFU, CHART, GtkWidget)

struct _KefuChartClass
{
  GtkWidgetClass parent_class;

  gboolean (*is_empty)   (KefuChart             *self);
  /* Draws into @area (legend and padding already taken off). */
  void     (*draw)       (KefuChart             *self,
                          GtkSnapshot           *snapshot,
                          const graphene_rect_t *area,
                          const KefuChartStyle  *style);
  /* The exact values under (@x, @y), widget coordinates; NULL: none. */
  char    *(*tooltip_at) (KefuChart             *self,
                          double                 x,
                          double                 y);
};

const char  *kefu_chart_get_empty_text   (KefuChart             *self);
void         kefu_chart_set_empty_text   (KefuChart             *self,
                                          const char            *text);
const char  *kefu_chart_get_title        (KefuChart             *self);
void         kefu_chart_set_title        (KefuChart             *self,
                                          const char            *title);

gboolean     kefu_chart_is_empty         (KefuChart             *self);
char        *kefu_chart_get_tooltip_text (KefuChart             *self,
                                          double                 x,
                                          double                 y);

/* For subclasses */
void         kefu_chart_changed          (KefuChart             *self);
void         kefu_chart_clear_legend     (KefuChart             *self);
void         kefu_chart_add_legend       (KefuChart             *self,
                                          const char            *label,
                                          int                    color,
                                          KefuChartMark          mark);
gboolean     kefu_chart_get_hover        (KefuChart             *self,
                                          double                *x,
                                          double                *y);
const GdkRGBA *kefu_chart_style_color    (const KefuChartStyle  *style,
                                          int                    color);
PangoLayout *kefu_chart_layout           (KefuChart             *self,
                                          const char            *text,
                                          gboolean               small);
void         kefu_chart_draw_layout      (GtkSnapshot           *snapshot,
                                          PangoLayout           *layout,
                                          float                  x,
                                          float                  y,
                                          const GdkRGBA         *color);
float        kefu_chart_draw_text        (KefuChart             *self,
                                          GtkSnapshot           *snapshot,
                                          const char            *text,
                                          float                  x,
                                          float                  y,
                                          float                  align,
                                          const GdkRGBA         *color);
void         kefu_chart_draw_y_axis      (KefuChart             *self,
                                          GtkSnapshot           *snapshot,
                                          const KefuChartStyle  *style,
                                          const KefuChartScale  *scale,
                                          const graphene_rect_t *area,
                                          float                  bottom,
                                          graphene_rect_t       *plot);
float        kefu_chart_line_height      (KefuChart             *self);

/* Export */
GskRenderNode *kefu_chart_render         (KefuChart             *self,
                                          int                    width,
                                          int                    height,
                                          gboolean               background);
GdkTexture  *kefu_chart_to_texture       (KefuChart             *self,
                                          int                    width,
                                          int                    height,
                                          int                    scale);
gboolean     kefu_chart_save_png         (KefuChart             *self,
                                          GFile                 *file,
                                          GError               **error);
gboolean     kefu_chart_save_svg         (KefuChart             *self,
                                          GFile                 *file,
                                          GError               **error);
void         kefu_chart_copy             (KefuChart             *self);

G_END_DECLS
