/* kefu-metric-card.c — one headline figure of the overview
 *
 * The metric's name, its value for the period and how it moved against
 * the previous period: ↑/↓, green when better, red when worse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-metric-card.h"
#include "kefu-ui-format.h"

struct _KefuMetricCard
{
  GtkWidget             parent_instance;

  const KefuMetricInfo *info;

  GtkLabel             *title_label;
  GtkLabel             *value_label;
  GtkLabel             *change_label;
  GtkLabel             *previous_label;
};

G_DEFINE_FINAL_TYPE (KefuMetricCard, kefu_metric_card, GTK_TYPE_WIDGET)

static void
kefu_metric_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_METRIC_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kefu_metric_card_parent_class)->dispose (object);
}

static void
kefu_metric_card_class_init (KefuMetricCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_metric_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/kefu-metric-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuMetricCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, KefuMetricCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, KefuMetricCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, KefuMetricCard, previous_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metriccard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kefu_metric_card_init (KefuMetricCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kefu_metric_card_new:
 * @key: a metric of the catalogue
 */
GtkWidget *
kefu_metric_card_new (const char *key)
{
  KefuMetricCard *self;
  const KefuMetricInfo *info = kefu_metric_lookup (key);

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (KEFU_TYPE_METRIC_CARD, NULL);
  self->info = info;
  gtk_label_set_label (self->title_label, kefu_metric_get_label (info));
  kefu_metric_card_set_value (self, NULL, NULL);
  return GTK_WIDGET (self);
}

const char *
kefu_metric_card_get_key (KefuMetricCard *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_CARD (self), NULL);

  return self->info->key;
}

/**
 * kefu_metric_card_set_value:
 * @value: (nullable): the shop's value for the period
 * @previous: (nullable): for the previous period
 */
void
kefu_metric_card_set_value (KefuMetricCard        *self,
                            const KefuMetricValue *value,
                            const KefuMetricValue *previous)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *change = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_text = NULL;
  KefuTrend trend;
  static const char *trend_classes[] = { "success", "error", "dim-label" };

  g_return_if_fail (KEFU_IS_METRIC_CARD (self));

  text = kefu_ui_format_value (self->info, value);
  tooltip = kefu_ui_describe_value (self->info, value);
  gtk_label_set_label (self->value_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  if (kefu_ui_value_is_present (value))
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");

  change = kefu_ui_format_change (self->info, value, previous, &trend);
  for (guint i = 0; i < G_N_ELEMENTS (trend_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), trend_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), kefu_ui_trend_css_class (trend));
  gtk_label_set_label (self->change_label, change ? change : "");
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), change != NULL);

  before = kefu_ui_format_value (self->info, previous);
  if (kefu_ui_value_is_present (previous))
    /* Translators: the same figure for the previous period */
    before_text = g_strdup_printf (_("Previous: %s"), before);
  else
    before_text = g_strdup (_("Previous: —"));
  gtk_label_set_label (self->previous_label, before_text);
}

/* For tests: the value as shown. */
const char *
kefu_metric_card_get_text (KefuMetricCard *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_CARD (self), NULL);

  return gtk_label_get_label (self->value_label);
}

const char *
kefu_metric_card_get_change (KefuMetricCard *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_CARD (self), NULL);

  return gtk_label_get_label (self->change_label);
}
