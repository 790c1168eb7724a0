/* kefu-mapping-row.c — which field one column of a file feeds, to choose
 *
 * The row is titled with the column's header and offers every field of
 * the profile, or none; a column that feeds no field is flagged. The
 * "field" property follows the choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-labels.h"
#include "kefu-mapping-row.h"

struct _KefuMappingRow
{
  AdwComboRow  parent_instance;

  guint        column;
  GPtrArray   *fields;    /* per position of the drop-down: a field, "" first */
  GtkWidget   *flag;
};

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KefuMappingRow, kefu_mapping_row, ADW_TYPE_COMBO_ROW)

static void
kefu_mapping_row_finalize (GObject *object)
{
  KefuMappingRow *self = KEFU_MAPPING_ROW (object);

  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (kefu_mapping_row_parent_class)->finalize (object);
}

static void
kefu_mapping_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuMappingRow *self = KEFU_MAPPING_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, kefu_mapping_row_get_field (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_mapping_row_class_init (KefuMappingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_mapping_row_finalize;
  object_class->get_property = kefu_mapping_row_get_property;

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_selected (KefuMappingRow *self)
{
  gboolean unmatched = *kefu_mapping_row_get_field (self) == '\0';

  /* Shown or not, the flag keeps its room, so the titles line up. */
  gtk_widget_set_opacity (self->flag, unmatched ? 1 : 0);
  gtk_widget_set_tooltip_text (self->flag, unmatched ? _("Not imported: no field takes this column") : NULL);
  if (unmatched)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unmatched");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unmatched");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

static void
kefu_mapping_row_init (KefuMappingRow *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);

  self->flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->flag, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->flag);

  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);
}

/* What a profile field is called: its name, else the profile's first
 * header text for it. */
static const char *
field_label (const KefuProfileColumn *column)
{
  const char *label = kefu_import_field_get_label (column->field);

  if (label != NULL)
    return label;
  return column->aliases[0] ? column->aliases[0] : column->field;
}

/**
 * kefu_mapping_row_new:
 * @column: the column of the header row, 0-based
 * @header: its header text
 * @sample: (nullable): a value of the column, for recognising it
 *
 * Returns: a row for the column, feeding no field until set
 */
GtkWidget *
kefu_mapping_row_new (KefuProfile *profile,
                      guint        column,
                      const char  *header,
                      const char  *sample)
{
  KefuMappingRow *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (KEFU_IS_PROFILE (profile), NULL);

  self = g_object_new (KEFU_TYPE_MAPPING_ROW,
                       "title", header && *header ? header : "—",
                       "use-underline", FALSE,
                       NULL);
  self->column = column;

  gtk_string_list_append (labels, _("Not imported"));
  g_ptr_array_add (self->fields, g_strdup (""));
  for (guint i = 0; i < kefu_profile_get_n_columns (profile); i++)
    {
      const KefuProfileColumn *field = kefu_profile_get_column (profile, i);

      gtk_string_list_append (labels, field_label (field));
      g_ptr_array_add (self->fields, g_strdup (field->field));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (labels));

  if (sample != NULL && *sample != '\0')
    /* Translators: a column's number in the file, then a value of it */
    subtitle = g_strdup_printf (_("Column %u · e.g. %s"), column + 1, sample);
  else
    subtitle = g_strdup_printf (_("Column %u"), column + 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), 0);
  on_selected (self);
  return GTK_WIDGET (self);
}

guint
kefu_mapping_row_get_column (KefuMappingRow *self)
{
  g_return_val_if_fail (KEFU_IS_MAPPING_ROW (self), 0);
  return self->column;
}

/* The field the column feeds, "" for none. */
const char *
kefu_mapping_row_get_field (KefuMappingRow *self)
{
  guint selected;

  g_return_val_if_fail (KEFU_IS_MAPPING_ROW (self), NULL);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  return selected < self->fields->len ? g_ptr_array_index (self->fields, selected) : "";
}

void
kefu_mapping_row_set_field (KefuMappingRow *self,
                            const char     *field)
{
  g_return_if_fail (KEFU_IS_MAPPING_ROW (self));

  for (guint i = 0; i < self->fields->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->fields, i), field ? field : "") == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return;
      }
}
