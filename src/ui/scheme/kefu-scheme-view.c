/* kefu-scheme-view.c — the Scoring view: the shop's schemes, edited and previewed
 *
 * A list of schemes — the built-in templates, then the shop's own — and
 * the selected one in the editor, beside a preview of the period's
 * agents. The editor works on a copy of the scheme as saved; every
 * change re-scores the agents from the workspace's metric table before
 * the next frame, beside their scores with the scheme as saved (the
 * workspace's report). Selecting a scheme makes it the one the other
 * views score with.
 *
 * The actions (new, duplicate, save …) are in kefu-scheme-view-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-scheme-view-private.h"

G_DEFINE_FINAL_TYPE (KefuSchemeView, kefu_scheme_view, ADW_TYPE_BIN)

gint64
_kefu_scheme_view_get_shop_id (KefuSchemeView *self)
{
  KefuShop *shop = self->workspace ? kefu_workspace_get_shop (self->workspace) : NULL;

  return shop != NULL ? kefu_shop_get_id (shop) : 0;
}

void
_kefu_scheme_view_toast (KefuSchemeView *self,
                         const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
create_scheme_row (gpointer item,
                   gpointer user_data)
{
  KefuSchemeView *self = user_data;
  KefuScheme *scheme = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_scheme_get_name (scheme));
  if (kefu_scheme_get_builtin (scheme))
    g_string_append (subtitle, _("Built-in"));
  if (kefu_scheme_get_store_id (scheme) > 0 && kefu_scheme_get_store_id (scheme) == self->default_id)
    g_string_append (subtitle, _("The shop’s default"));
  if (kefu_scheme_get_draft (scheme))
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("Draft"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

static void
schedule_rescore (KefuSchemeView *self);

static void
update_title (KefuSchemeView *self)
{
  g_autofree char *title = NULL;

  if (self->working == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      return;
    }
  if (self->modified)
    /* Translators: the title of a scheme with changes not saved yet */
    title = g_strdup_printf (_("%s (changed)"), kefu_scheme_get_name (self->working));
  else
    title = g_strdup (kefu_scheme_get_name (self->working));
  gtk_label_set_label (self->title_label, title);
}

static void
show_scheme (KefuSchemeView *self,
             KefuScheme     *scheme)
{
  if (self->working != NULL)
    g_signal_handlers_disconnect_by_func (self->working, schedule_rescore, self);
  g_clear_object (&self->working);
  g_set_object (&self->saved, scheme);
  if (scheme != NULL)
    {
      self->working = kefu_scheme_copy (scheme);
      g_signal_connect_swapped (self->working, "changed", G_CALLBACK (schedule_rescore), self);
    }
  self->modified = FALSE;
  kefu_scheme_editor_set_scheme (self->editor, self->working);
  kefu_scheme_history_set_scheme (self->history, self->working);

  /* The other views score with the scheme chosen here. */
  if (self->workspace != NULL && scheme != NULL && kefu_workspace_get_scheme (self->workspace) != scheme)
    kefu_workspace_set_scheme (self->workspace, scheme);

  kefu_scheme_view_rescore (self);
}

static void
on_row_selected (KefuSchemeView *self,
                 GtkListBoxRow  *row)
{
  g_autoptr(KefuScheme) scheme = NULL;

  if (row == NULL || self->reloading)
    return;

  scheme = g_list_model_get_item (G_LIST_MODEL (self->schemes), gtk_list_box_row_get_index (row));
  if (scheme != self->saved)
    show_scheme (self, scheme);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked (KefuSchemeView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
same_scheme (KefuScheme *a,
             KefuScheme *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (kefu_scheme_get_store_id (a) > 0 || kefu_scheme_get_store_id (b) > 0)
    return kefu_scheme_get_store_id (a) == kefu_scheme_get_store_id (b);
  return g_strcmp0 (kefu_scheme_get_id (a), kefu_scheme_get_id (b)) == 0;
}

/**
 * _kefu_scheme_view_reload:
 * @select_id: a stored scheme to select; 0 keeps the selected one (or
 *   the workspace's)
 *
 * Reads the schemes again: the built-in ones and the shop's own.
 */
void
_kefu_scheme_view_reload (KefuSchemeView *self,
                          gint64          select_id)
{
  g_autoptr(GListModel) builtin = kefu_scheme_list_builtin ();
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) keep = NULL;
  KefuScheme *select = NULL;
  gint64 shop_id = _kefu_scheme_view_get_shop_id (self);
  guint position = 0;

  keep = self->saved ? g_object_ref (self->saved)
       : self->workspace && kefu_workspace_get_scheme (self->workspace)
       ? g_object_ref (kefu_workspace_get_scheme (self->workspace)) : NULL;

  self->reloading = TRUE;
  g_list_store_remove_all (self->schemes);
  for (guint i = 0; i < g_list_model_get_n_items (builtin); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (builtin, i);
      g_list_store_append (self->schemes, scheme);
    }

  self->default_id = 0;
  if (shop_id > 0)
    {
      KefuStore *store = kefu_workspace_get_store (self->workspace);

      stored = kefu_store_list_schemes (store, shop_id, &error);
      if (error == NULL)
        self->default_id = kefu_store_get_default_scheme (store, shop_id, &error);
      if (error != NULL)
        _kefu_scheme_view_toast (self, error->message);
      for (guint i = 0; stored != NULL && i < g_list_model_get_n_items (stored); i++)
        {
          g_autoptr(KefuScheme) scheme = g_list_model_get_item (stored, i);
          g_list_store_append (self->schemes, scheme);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->schemes)); i++)
    {
      g_autoptr(KefuScheme) scheme = g_list_model_get_item (G_LIST_MODEL (self->schemes), i);

      if ((select_id > 0 && kefu_scheme_get_store_id (scheme) == select_id) ||
          (select_id <= 0 && select == NULL && same_scheme (scheme, keep)))
        {
          select = scheme;
          position = i;
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->schemes)) == 0)
    {
      self->reloading = FALSE;
      show_scheme (self, NULL);
      _kefu_scheme_view_update_actions (self);
      return;
    }
  gtk_list_box_select_row (self->scheme_list, gtk_list_box_get_row_at_index (self->scheme_list, position));
  self->reloading = FALSE;
  {
    g_autoptr(KefuScheme) scheme = g_list_model_get_item (G_LIST_MODEL (self->schemes), position);

    /* Same scheme, read again (saved, renamed): the edits and their
     * history stay. */
    if (self->saved == NULL || !same_scheme (scheme, self->saved))
      show_scheme (self, scheme);
    else
      {
        g_set_object (&self->saved, scheme);
        if (self->workspace != NULL)
          kefu_workspace_set_scheme (self->workspace, scheme);
        kefu_scheme_view_rescore (self);
      }
  }
  _kefu_scheme_view_update_actions (self);
}

/**
 * kefu_scheme_view_rescore:
 *
 * Scores the period's agents with the scheme being edited now (it is
 * done before the next frame after each change anyway).
 */
void
kefu_scheme_view_rescore (KefuSchemeView *self)
{
  KefuMetricTable *table = self->workspace ? kefu_workspace_get_agent_table (self->workspace) : NULL;
  g_autoptr(KefuManualScores) no_manual = NULL;
  g_autoptr(KefuScoreReport) report = NULL;
  KefuManualScores *manual;
  gint64 start, elapsed = -1;

  g_return_if_fail (KEFU_IS_SCHEME_VIEW (self));

  g_clear_handle_id (&self->rescore_source, g_source_remove);

  if (self->working != NULL && self->saved != NULL)
    {
      /* Saving decides the draft flag: it is no change of its own. */
      g_autoptr(KefuScheme) probe = kefu_scheme_copy (self->working);
      g_autofree char *now = NULL;
      g_autofree char *then = kefu_scheme_to_data (self->saved);

      kefu_scheme_set_draft (probe, kefu_scheme_get_draft (self->saved));
      now = kefu_scheme_to_data (probe);
      self->modified = !g_str_equal (now, then);
    }
  update_title (self);

  if (table != NULL && self->working != NULL)
    {
      manual = kefu_workspace_get_manual_scores (self->workspace);
      if (manual == NULL)
        manual = no_manual = kefu_manual_scores_new ();
      start = g_get_monotonic_time ();
      report = kefu_score_report_new (self->working, table, manual);
      elapsed = g_get_monotonic_time () - start;
    }

  kefu_scheme_preview_set_baseline (self->preview,
                                    self->workspace ? kefu_workspace_get_report (self->workspace) : NULL);
  kefu_scheme_preview_set_report (self->preview, report, elapsed);
  _kefu_scheme_view_update_actions (self);
}

static gboolean
rescore_cb (gpointer user_data)
{
  KefuSchemeView *self = user_data;

  self->rescore_source = 0;
  kefu_scheme_view_rescore (self);
  return G_SOURCE_REMOVE;
}

/* Before the next frame, once for all the changes until then. */
static void
schedule_rescore (KefuSchemeView *self)
{
  if (self->rescore_source == 0)
    self->rescore_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rescore_cb, self, NULL);
}

static void
on_workspace_updated (KefuSchemeView *self)
{
  kefu_scheme_editor_set_table (self->editor, kefu_workspace_get_agent_table (self->workspace));
  kefu_scheme_view_rescore (self);
}

static void
on_shop_changed (KefuSchemeView *self)
{
  g_clear_object (&self->saved);
  _kefu_scheme_view_reload (self, 0);
}

static void
on_history_notify (KefuSchemeView *self)
{
  _kefu_scheme_view_update_actions (self);
}

static void
kefu_scheme_view_dispose (GObject *object)
{
  KefuSchemeView *self = KEFU_SCHEME_VIEW (object);

  kefu_scheme_view_set_workspace (self, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->rescore_source, g_source_remove);
  if (self->working != NULL)
    g_signal_handlers_disconnect_by_func (self->working, schedule_rescore, self);
  g_clear_object (&self->working);
  g_clear_object (&self->saved);
  if (self->history != NULL)
    kefu_scheme_history_set_scheme (self->history, NULL);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_SCHEME_VIEW);
  g_clear_object (&self->schemes);

  G_OBJECT_CLASS (kefu_scheme_view_parent_class)->dispose (object);
}

static void
kefu_scheme_view_class_init (KefuSchemeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_scheme_view_dispose;

  g_type_ensure (KEFU_TYPE_SCHEME_EDITOR);
  g_type_ensure (KEFU_TYPE_SCHEME_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kefu/Kefu/scheme/kefu-scheme-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, scheme_list);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, content);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, editor);
  gtk_widget_class_bind_template_child (widget_class, KefuSchemeView, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  _kefu_scheme_view_class_init_actions (widget_class);
}

static void
kefu_scheme_view_init (KefuSchemeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a template child, which the template's
   * disposal would unparent behind the bin's back. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->schemes = g_list_store_new (KEFU_TYPE_SCHEME);
  self->history = kefu_scheme_history_new ();
  g_signal_connect_swapped (self->history, "notify::can-undo", G_CALLBACK (on_history_notify), self);
  g_signal_connect_swapped (self->history, "notify::can-redo", G_CALLBACK (on_history_notify), self);
  gtk_list_box_bind_model (self->scheme_list, G_LIST_MODEL (self->schemes),
                           create_scheme_row, self, NULL);
  _kefu_scheme_view_update_actions (self);
}

/**
 * kefu_scheme_view_set_workspace:
 * @workspace: (nullable): the shop, period and figures to edit schemes for
 */
void
kefu_scheme_view_set_workspace (KefuSchemeView *self,
                                KefuWorkspace  *workspace)
{
  g_return_if_fail (KEFU_IS_SCHEME_VIEW (self));
  g_return_if_fail (workspace == NULL || KEFU_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->workspace, on_workspace_updated, self);
      g_signal_handlers_disconnect_by_func (self->workspace, on_shop_changed, self);
    }
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL)
    {
      g_list_store_remove_all (self->schemes);
      show_scheme (self, NULL);
      _kefu_scheme_view_update_actions (self);
      return;
    }

  g_signal_connect_swapped (workspace, "updated", G_CALLBACK (on_workspace_updated), self);
  g_signal_connect_swapped (workspace, "notify::shop", G_CALLBACK (on_shop_changed), self);
  g_clear_object (&self->saved);
  _kefu_scheme_view_reload (self, 0);
  on_workspace_updated (self);
}

KefuWorkspace *
kefu_scheme_view_get_workspace (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->workspace;
}

/**
 * kefu_scheme_view_get_schemes:
 *
 * Returns: (transfer none): the schemes listed (KefuScheme)
 */
GListModel *
kefu_scheme_view_get_schemes (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return G_LIST_MODEL (self->schemes);
}

/**
 * kefu_scheme_view_select:
 *
 * Selects the scheme at @position of the list, as a click on it would.
 */
void
kefu_scheme_view_select (KefuSchemeView *self,
                         guint           position)
{
  GtkListBoxRow *row;

  g_return_if_fail (KEFU_IS_SCHEME_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->scheme_list, position);
  g_return_if_fail (row != NULL);
  gtk_list_box_select_row (self->scheme_list, row);
}

/**
 * kefu_scheme_view_get_saved:
 *
 * Returns: (transfer none) (nullable): the selected scheme as saved
 */
KefuScheme *
kefu_scheme_view_get_saved (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->saved;
}

/**
 * kefu_scheme_view_get_scheme:
 *
 * Returns: (transfer none) (nullable): the scheme being edited
 */
KefuScheme *
kefu_scheme_view_get_scheme (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->working;
}

gboolean
kefu_scheme_view_get_modified (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), FALSE);
  return self->modified;
}

KefuSchemeEditor *
kefu_scheme_view_get_editor (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->editor;
}

KefuSchemePreview *
kefu_scheme_view_get_preview (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->preview;
}

KefuSchemeHistory *
kefu_scheme_view_get_history (KefuSchemeView *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_VIEW (self), NULL);
  return self->history;
}
