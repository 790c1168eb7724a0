/* kefu-metric-chooser.c — a button that picks a metric of the catalogue, searched
 *
 * The button names the metric chosen; its popover lists the catalogue,
 * each metric with its category, and a search that matches any part of
 * the name, the category or the key — "响应" finds every response time,
 * "售后" every after-sales metric.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-metric-chooser.h"
#include "kefu-metric-choice.h"

struct _KefuMetricChooser
{
  GtkWidget           parent_instance;

  char               *key;
  GtkWidget          *button;
  GtkSearchEntry     *search;
  GtkStringFilter    *filter;
  GtkFilterListModel *results;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (KefuMetricChooser, kefu_metric_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a search looks in: the name, the category and the key. */
static char *
search_text (GtkStringObject *item)
{
  const KefuMetricInfo *info = kefu_metric_lookup (gtk_string_object_get_string (item));

  if (info == NULL)
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup_printf ("%s %s %s", kefu_metric_get_label (info),
                          kefu_metric_category_get_label (info->category), info->key);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *category = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (category, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), category);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const KefuMetricInfo *info = kefu_metric_lookup (gtk_string_object_get_string (item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       info ? kefu_metric_get_label (info) : gtk_string_object_get_string (item));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       info ? kefu_metric_category_get_label (info->category) : "");
}

static void
on_activate (KefuMetricChooser *self,
             guint              position)
{
  kefu_metric_chooser_choose (self, position);
}

static void
on_search_changed (KefuMetricChooser *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

/* Enter picks the first match. */
static void
on_search_activate (KefuMetricChooser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    kefu_metric_chooser_choose (self, 0);
}

static void
build (KefuMetricChooser *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkExpression *expression;
  const KefuMetricInfo *all;
  guint n;

  all = kefu_metric_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (keys, all[i].key);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->results = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (keys)),
                                             GTK_FILTER (g_object_ref (self->filter)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)))),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_activate), self);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->search, popover);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_tooltip_text (self->button, _("Choose the metric the item scores"));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

static void
kefu_metric_chooser_dispose (GObject *object)
{
  KefuMetricChooser *self = KEFU_METRIC_CHOOSER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->filter);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (kefu_metric_chooser_parent_class)->dispose (object);
}

static void
kefu_metric_chooser_finalize (GObject *object)
{
  g_free (KEFU_METRIC_CHOOSER (object)->key);

  G_OBJECT_CLASS (kefu_metric_chooser_parent_class)->finalize (object);
}

static void
kefu_metric_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuMetricChooser *self = KEFU_METRIC_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_KEY: g_value_set_string (value, self->key); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_metric_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuMetricChooser *self = KEFU_METRIC_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_KEY: kefu_metric_chooser_set_key (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_metric_chooser_class_init (KefuMetricChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_metric_chooser_dispose;
  object_class->finalize = kefu_metric_chooser_finalize;
  object_class->get_property = kefu_metric_chooser_get_property;
  object_class->set_property = kefu_metric_chooser_set_property;

  /* The metric chosen, a key of the catalogue. */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kefu_metric_chooser_init (KefuMetricChooser *self)
{
  build (self);
}

GtkWidget *
kefu_metric_chooser_new (void)
{
  return g_object_new (KEFU_TYPE_METRIC_CHOOSER, NULL);
}

const char *
kefu_metric_chooser_get_key (KefuMetricChooser *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_CHOOSER (self), NULL);
  return self->key;
}

void
kefu_metric_chooser_set_key (KefuMetricChooser *self,
                             const char        *key)
{
  const KefuMetricInfo *info;

  g_return_if_fail (KEFU_IS_METRIC_CHOOSER (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;
  g_free (self->key);
  self->key = g_strdup (key);
  info = kefu_metric_lookup (key);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button),
                             info ? kefu_metric_get_label (info) : key ? key : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

/**
 * kefu_metric_chooser_set_search:
 *
 * Searches the catalogue for @text, as typed into the popover.
 */
void
kefu_metric_chooser_set_search (KefuMetricChooser *self,
                                const char        *text)
{
  g_return_if_fail (KEFU_IS_METRIC_CHOOSER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  gtk_string_filter_set_search (self->filter, text);
}

/**
 * kefu_metric_chooser_get_results:
 *
 * Returns: (transfer none): the keys (GtkStringObject) the search finds
 */
GListModel *
kefu_metric_chooser_get_results (KefuMetricChooser *self)
{
  g_return_val_if_fail (KEFU_IS_METRIC_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->results);
}

/**
 * kefu_metric_chooser_choose:
 *
 * Chooses the search's result at @position, as a click on it would.
 */
void
kefu_metric_chooser_choose (KefuMetricChooser *self,
                            guint              position)
{
  g_autoptr(GtkStringObject) item = NULL;

  g_return_if_fail (KEFU_IS_METRIC_CHOOSER (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  if (item == NULL)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  kefu_metric_chooser_set_key (self, gtk_string_object_get_string (item));
}
