/* kefu-import-inspector-details.c — the inspector's rows about the file
 *
 * Kind, profile, columns recognised, encoding, period, shop and what to
 * do with data already imported: shown from the latest check, and each
 * choice made in them handed to the item, which checks the file again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-import-inspector-private.h"
#include "kefu-import-labels.h"

static const char * const encodings[] = { NULL, "UTF-8", "GB18030", "UTF-16" };

void
_kefu_import_inspector_show_details (KefuImportInspector *self,
              KefuImportResult    *result)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  const char *chosen = kefu_import_item_get_profile_id (self->item);
  const char *profile_id = chosen ? chosen : facts->profile_id;
  g_autofree char *kind = NULL;
  guint selected = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), facts->kind != NULL);
  if (facts->kind != NULL)
    {
      /* Translators: the kind of an export, then its platform */
      kind = g_strdup_printf (_("%s · %s"), kefu_import_kind_get_label (facts->kind),
                              kefu_platform_get_label (facts->platform));
      gtk_label_set_label (self->kind_label, kind);
    }

  for (guint i = 1; i < self->profile_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->profile_ids, i), profile_id) == 0)
      selected = i;
  adw_combo_row_set_selected (self->profile_row, selected);

  gtk_widget_set_visible (GTK_WIDGET (self->confidence_row), facts->headers != NULL);
  if (facts->headers != NULL)
    {
      guint named = 0, known = 0;
      g_autofree char *text = NULL;

      for (guint i = 0; facts->headers[i] != NULL; i++)
        if (*facts->headers[i] != '\0')
          {
            named++;
            known += facts->fields[i] != NULL && *facts->fields[i] != '\0';
          }
      /* Translators: columns a profile knows, columns with a header, the share in per cent */
      text = g_strdup_printf (_("%u of %u (%.0f %%)"), known, named, facts->confidence * 100);
      gtk_label_set_label (self->confidence_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), g_strcmp0 (facts->format, "text") == 0);
  selected = 0;
  for (guint i = 1; i < G_N_ELEMENTS (encodings); i++)
    if (g_strcmp0 (encodings[i], kefu_import_item_get_encoding (self->item)) == 0)
      selected = i;
  adw_combo_row_set_selected (self->encoding_row, selected);
  if (selected == 0 && facts->encoding != NULL)
    {
      /* Translators: the encoding Kefu found a text file in */
      g_autofree char *found = g_strdup_printf (_("Detected: %s"), facts->encoding);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), found);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), "");

  gtk_widget_set_visible (GTK_WIDGET (self->overlap_row),
                          kefu_import_result_get_status (result) == KEFU_IMPORT_OVERLAP ||
                          kefu_import_item_get_replace (self->item));
  adw_combo_row_set_selected (self->overlap_row, kefu_import_item_get_replace (self->item) ? 1 : 0);
}

void
_kefu_import_inspector_show_period (KefuImportInspector *self,
             KefuImportResult    *result)
{
  KefuImportFacts *facts = kefu_import_result_get_facts (result);
  g_autofree char *subtitle = NULL;
  gboolean chosen = kefu_import_item_get_period (self->item, NULL, NULL);
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  if (facts->period_start != NULL)
    {
      const char *source;

      if (chosen)
        source = _("as chosen");
      else if (kefu_value_parse_date_in_text (kefu_import_item_get_name (self->item), &from, &to))
        source = _("from the file name");
      else
        source = _("from the dates in the file");

      if (g_strcmp0 (facts->period_start, facts->period_end) == 0)
        /* Translators: a day, then where Kefu found it */
        subtitle = g_strdup_printf (_("%s, %s"), facts->period_start, source);
      else
        /* Translators: the first and last day, then where Kefu found them */
        subtitle = g_strdup_printf (_("%s – %s, %s"), facts->period_start, facts->period_end, source);
    }
  else if (facts->needs_period)
    subtitle = NULL;   /* the status above asks for it; the picker needs the room */
  else if (kefu_import_result_get_status (result) == KEFU_IMPORT_CHECKED)
    /* Translators: a file whose rows carry no dates (unpaid orders) */
    subtitle = g_strdup (_("— no row carries a date"));
  else
    subtitle = g_strdup (_("—"));

  adw_action_row_set_subtitle (self->period_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->period_picker), facts->needs_period || chosen);
  gtk_widget_set_visible (self->period_button, facts->needs_period || chosen);
}

void
_kefu_import_inspector_show_shop (KefuImportInspector *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *shop = kefu_import_item_get_shop_name (self->item);
  guint n = self->shops ? g_list_model_get_n_items (self->shops) : 0;
  guint selected = 0;

  /* A first import makes the shop. */
  gtk_widget_set_visible (GTK_WIDGET (self->shop_row), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShop) item = g_list_model_get_item (self->shops, i);

      gtk_string_list_append (names, kefu_shop_get_name (item));
      if (g_strcmp0 (kefu_shop_get_name (item), shop) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->shop_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->shop_row, selected);
}

/* Choices */

void
_kefu_import_inspector_on_profile_selected (KefuImportInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);
  KefuImportFacts *facts = _kefu_import_inspector_get_facts (self);

  if (self->updating || self->item == NULL || selected >= self->profile_ids->len)
    return;
  /* Choosing what was detected changes nothing. */
  if (kefu_import_item_get_profile_id (self->item) == NULL && facts != NULL &&
      g_strcmp0 (facts->profile_id, g_ptr_array_index (self->profile_ids, selected)) == 0)
    return;
  kefu_import_item_set_profile_id (self->item, g_ptr_array_index (self->profile_ids, selected));
}

void
_kefu_import_inspector_on_encoding_selected (KefuImportInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->updating || self->item == NULL || selected >= G_N_ELEMENTS (encodings))
    return;
  kefu_import_item_set_encoding (self->item, encodings[selected]);
}

void
_kefu_import_inspector_on_shop_selected (KefuImportInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->shop_row);
  g_autoptr(KefuShop) shop = NULL;

  if (self->updating || self->item == NULL || self->shops == NULL ||
      selected >= g_list_model_get_n_items (self->shops))
    return;
  shop = g_list_model_get_item (self->shops, selected);
  kefu_import_item_set_shop_name (self->item, kefu_shop_get_name (shop));
}

void
_kefu_import_inspector_on_overlap_selected (KefuImportInspector *self)
{
  if (self->updating || self->item == NULL)
    return;
  kefu_import_item_set_replace (self->item, adw_combo_row_get_selected (self->overlap_row) == 1);
}

void
_kefu_import_inspector_on_period_chosen (KefuImportInspector *self)
{
  const KefuPeriod *period = kefu_period_picker_get_period (self->period_picker);
  GDate from, to;

  if (self->item == NULL)
    return;
  kefu_period_get_first (period, &from);
  kefu_period_get_last (period, &to);
  kefu_import_item_set_period (self->item, &from, &to);
}

