/* kefu-agent-page-cells.c — the agent page's two tables
 *
 * The metrics against the shop and the previous period, and the score's
 * items explained: what each column shows, and its tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-agent-page-private.h"
#include "kefu-ui-format.h"

typedef enum
{
  METRIC_LABEL,
  METRIC_AGENT,
  METRIC_SHOP,
  METRIC_VS_SHOP,
  METRIC_PREVIOUS,
  METRIC_CHANGE,
} MetricColumn;

typedef enum
{
  ITEM_LABEL,
  ITEM_VALUE,
  ITEM_FRACTION,
  ITEM_BRACKET,
  ITEM_POINTS,
  ITEM_WEIGHT,
  ITEM_WEIGHTED,
  ITEM_SOURCES,
} ItemColumn;

/* Or'ed into a column's number: text that reads from the left. */
#define LEFT 0x100

static const char * const trend_classes[] = { "success", "error", "dim-label" };

/* ------------------------------------------------------------ cells */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (column) & LEFT ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
set_cell (GtkListItem *item,
          const char  *text,
          const char  *tooltip,
          const char  *css_class)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, tooltip);
  for (guint i = 0; i < G_N_ELEMENTS (trend_classes); i++)
    gtk_widget_remove_css_class (label, trend_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
}

/* A value cell: "—" dimmed, with the reason as tooltip, when it is missing. */
static void
set_value_cell (GtkListItem           *item,
                const KefuMetricInfo  *info,
                const KefuMetricValue *value)
{
  g_autofree char *text = kefu_ui_format_value (info, value);
  g_autofree char *tooltip = kefu_ui_describe_value (info, value);

  set_cell (item, text, tooltip, kefu_ui_value_is_present (value) ? NULL : "dim-label");
}

/* A change cell: ↑/↓ in the trend's colour, "—" when there is nothing to compare. */
static void
set_change_cell (GtkListItem           *item,
                 const KefuMetricInfo  *info,
                 const KefuMetricValue *value,
                 const KefuMetricValue *against)
{
  KefuTrend trend;
  g_autofree char *text = kefu_ui_format_change (info, value, against, &trend);

  set_cell (item, text ? text : "—", NULL, kefu_ui_trend_css_class (trend));
}

/**
 * kefu_agent_page_get_cell_text:
 * @key: a metric listed
 * @column: agent, shop, vs-shop, previous or change
 *
 * Returns: (transfer full): the text of a cell of the metrics table
 */
char *
kefu_agent_page_get_cell_text (KefuAgentPage *self,
                               const char    *key,
                               const char    *column)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  KefuTrend trend;

  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (g_str_equal (column, "agent"))
    return kefu_ui_format_value (info, _kefu_agent_page_agent_value (self, key));
  if (g_str_equal (column, "shop"))
    return kefu_ui_format_value (info, g_hash_table_lookup (self->shop_average, key));
  if (g_str_equal (column, "vs-shop"))
    return kefu_ui_format_change (info, _kefu_agent_page_agent_value (self, key),
                                  g_hash_table_lookup (self->shop_average, key), &trend);
  if (g_str_equal (column, "previous"))
    return kefu_ui_format_value (info, _kefu_agent_page_previous_value (self, key));
  if (g_str_equal (column, "change"))
    return kefu_ui_format_change (info, _kefu_agent_page_agent_value (self, key), _kefu_agent_page_previous_value (self, key), &trend);
  g_return_val_if_reached (NULL);
}

static void
bind_metric (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column_data)
{
  KefuAgentPage *self = g_object_get_data (G_OBJECT (factory), "page");
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  const KefuMetricValue *value = _kefu_agent_page_agent_value (self, key);
  const KefuMetricValue *shop = g_hash_table_lookup (self->shop_average, key);
  const KefuMetricValue *before = _kefu_agent_page_previous_value (self, key);

  switch ((MetricColumn) GPOINTER_TO_INT (column_data))
    {
    case METRIC_LABEL:
      set_cell (item, kefu_metric_get_label (info), NULL, NULL);
      break;
    case METRIC_AGENT:
      set_value_cell (item, info, value);
      break;
    case METRIC_SHOP:
      set_value_cell (item, info, shop);
      break;
    case METRIC_VS_SHOP:
      set_change_cell (item, info, value, shop);
      break;
    case METRIC_PREVIOUS:
      set_value_cell (item, info, before);
      break;
    case METRIC_CHANGE:
    default:
      set_change_cell (item, info, value, before);
      break;
    }
}

/**
 * kefu_agent_page_get_item_sources:
 *
 * Returns: (transfer full) (nullable): the files @item's value came from
 */
char *
kefu_agent_page_get_item_sources (KefuAgentPage *self,
                                  KefuItemScore *item)
{
  g_return_val_if_fail (KEFU_IS_AGENT_PAGE (self), NULL);

  if (kefu_item_score_get_kind (item) != KEFU_ITEM_KIND_METRIC || self->workspace == NULL)
    return NULL;
  return kefu_ui_format_files (kefu_workspace_get_store (self->workspace),
                               _kefu_agent_page_agent_value (self, kefu_item_score_get_key (item)));
}

static char *
format_amount (double value)
{
  if (!isfinite (value))
    return NULL;
  if (value == floor (value) && fabs (value) < 1e12)
    return g_strdup_printf ("%.0f", value);
  return kefu_ui_format_points (value);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column_data)
{
  KefuAgentPage *self = g_object_get_data (G_OBJECT (factory), "page");
  KefuItemScore *item = gtk_list_item_get_item (list_item);
  KefuItemStatus status = kefu_item_score_get_status (item);
  const char *explanation = kefu_item_score_get_explanation (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  switch ((ItemColumn) GPOINTER_TO_INT (column_data))
    {
    case ITEM_LABEL:
      set_cell (list_item, kefu_item_score_get_label (item), explanation, NULL);
      break;
    case ITEM_VALUE:
      if (kefu_item_score_get_estimated (item))
        text = g_strconcat ("≈", kefu_item_score_get_value_text (item), NULL);
      else
        text = g_strdup (kefu_item_score_get_value_text (item));
      set_cell (list_item, text,
                kefu_item_score_get_missing (item) ? kefu_item_score_get_missing (item) : explanation,
                isfinite (kefu_item_score_get_value (item)) ? NULL : "dim-label");
      break;
    case ITEM_FRACTION:
      {
        g_autofree char *numerator = format_amount (kefu_item_score_get_numerator (item));
        g_autofree char *denominator = format_amount (kefu_item_score_get_denominator (item));

        if (numerator != NULL && denominator != NULL && kefu_item_score_get_denominator (item) != 1)
          text = g_strdup_printf ("%s ÷ %s", numerator, denominator);
        set_cell (list_item, text ? text : "—", NULL, text ? NULL : "dim-label");
      }
      break;
    case ITEM_BRACKET:
      if (status == KEFU_ITEM_STATUS_ERROR)
        set_cell (list_item, kefu_item_score_get_error (item), kefu_item_score_get_error (item), "error");
      else if (kefu_item_score_get_bracket (item) != NULL)
        {
          /* Translators: the number of the bracket row, then the row */
          text = g_strdup_printf (_("Row %d: %s"), kefu_item_score_get_bracket_index (item) + 1,
                                  kefu_item_score_get_bracket (item));
          set_cell (list_item, text, explanation, NULL);
        }
      else
        set_cell (list_item, "—", explanation, "dim-label");
      break;
    case ITEM_POINTS:
      text = kefu_ui_format_points (kefu_item_score_get_points (item));
      set_cell (list_item, text, NULL, NULL);
      break;
    case ITEM_WEIGHT:
      {
        g_autofree char *weight = kefu_ui_format_points (kefu_item_score_get_weight (item));

        text = g_strconcat (weight, "%", NULL);
        set_cell (list_item, text, NULL, NULL);
      }
      break;
    case ITEM_WEIGHTED:
      if (status == KEFU_ITEM_STATUS_SCORED || status == KEFU_ITEM_STATUS_ZERO)
        {
          text = kefu_ui_format_points (kefu_item_score_get_weighted (item));
          set_cell (list_item, text, explanation, NULL);
        }
      else
        set_cell (list_item, "—", explanation, "dim-label");
      break;
    case ITEM_SOURCES:
    default:
      tooltip = kefu_agent_page_get_item_sources (self, item);
      if (tooltip != NULL)
        {
          g_auto(GStrv) files = g_strsplit (tooltip, "\n", -1);
          text = g_strjoinv (_(", "), files);
        }
      set_cell (list_item, text ? text : "—", tooltip, text ? NULL : "dim-label");
      break;
    }
}

static GtkColumnViewColumn *
add_column (KefuAgentPage *self,
            GtkColumnView *view,
            const char    *title,
            GCallback      bind,
            int            column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (column & ~LEFT));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (view, view_column);
  g_object_unref (view_column);
  return view_column;
}

/* The columns of both tables. */
void
_kefu_agent_page_init_columns (KefuAgentPage *self)
{
  add_column (self, self->metrics_view, _("Metric"), G_CALLBACK (bind_metric), METRIC_LABEL | LEFT, TRUE);
  add_column (self, self->metrics_view, _("This Agent"), G_CALLBACK (bind_metric), METRIC_AGENT, FALSE);
  add_column (self, self->metrics_view, _("Shop Average"), G_CALLBACK (bind_metric), METRIC_SHOP, FALSE);
  add_column (self, self->metrics_view, _("Against the Shop"), G_CALLBACK (bind_metric), METRIC_VS_SHOP, FALSE);
  add_column (self, self->metrics_view, _("Previous Period"), G_CALLBACK (bind_metric), METRIC_PREVIOUS, FALSE);
  add_column (self, self->metrics_view, _("Change"), G_CALLBACK (bind_metric), METRIC_CHANGE, FALSE);

  add_column (self, self->explain_view, _("Item"), G_CALLBACK (bind_item), ITEM_LABEL | LEFT, TRUE);
  add_column (self, self->explain_view, _("Value"), G_CALLBACK (bind_item), ITEM_VALUE, FALSE);
  add_column (self, self->explain_view, _("Numerator ÷ Denominator"), G_CALLBACK (bind_item), ITEM_FRACTION, FALSE);
  add_column (self, self->explain_view, _("Bracket"), G_CALLBACK (bind_item), ITEM_BRACKET | LEFT, FALSE);
  add_column (self, self->explain_view, _("Points"), G_CALLBACK (bind_item), ITEM_POINTS, FALSE);
  add_column (self, self->explain_view, _("Weight"), G_CALLBACK (bind_item), ITEM_WEIGHT, FALSE);
  add_column (self, self->explain_view, _("Weighted"), G_CALLBACK (bind_item), ITEM_WEIGHTED, FALSE);
  /* File names are long: the tooltip has them whole. */
  gtk_column_view_column_set_fixed_width (add_column (self, self->explain_view, _("Source Files"),
                                                      G_CALLBACK (bind_item), ITEM_SOURCES | LEFT, FALSE), 180);
}
