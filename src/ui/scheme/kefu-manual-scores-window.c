/* kefu-manual-scores-window.c — the points a manager gives by hand, per agent
 *
 * For the workspace's period and a stored scheme: one group per agent,
 * in it one row per manual item of the scheme (日常工作, 出勤 …). A row's
 * switch says whether the agent has points for it — without, the item is
 * missing, never 0 — and, expanded, the points and a note. Each change
 * is stored at once (kefu_store_set_manual_score) and ::changed tells
 * the view to re-score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-manual-scores-window.h"
#include "kefu-unit-input.h"

struct _KefuManualScoresWindow
{
  AdwPreferencesWindow  parent_instance;

  KefuWorkspace        *workspace;
  KefuScheme           *scheme;
  GDate                 from, to;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (KefuManualScoresWindow, kefu_manual_scores_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one row edits. */
typedef struct
{
  gint64          agent_id;
  char           *item;
  AdwExpanderRow *row;
  GtkSpinButton  *points;
  GtkEditable    *note;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->item);
  g_free (entry);
}

/**
 * kefu_manual_scores_window_set_score:
 * @points: 0–100, or NAN to remove the agent's points for @item
 * @note: (nullable): the manager's remark
 *
 * Stores a manual score for the window's scheme and period.
 *
 * Returns: %FALSE when the store refused it (a toast says why)
 */
gboolean
kefu_manual_scores_window_set_score (KefuManualScoresWindow *self,
                                     gint64                  agent_id,
                                     const char             *item,
                                     double                  points,
                                     const char             *note)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEFU_IS_MANUAL_SCORES_WINDOW (self), FALSE);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (!kefu_store_set_manual_score (kefu_workspace_get_store (self->workspace),
                                    kefu_scheme_get_store_id (self->scheme), agent_id, item,
                                    &self->from, &self->to, points, note, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
store_entry (KefuManualScoresWindow *self,
             Entry                  *entry)
{
  gboolean given = adw_expander_row_get_enable_expansion (entry->row);

  if (self->loading)
    return;
  adw_expander_row_set_subtitle (entry->row, given ? "" : _("No points given: the item is missing"));
  kefu_manual_scores_window_set_score (self, entry->agent_id, entry->item,
                                       given ? gtk_spin_button_get_value (entry->points) : NAN,
                                       gtk_editable_get_text (entry->note));
}

static void
on_entry_changed (GObject    *object,
                  GParamSpec *pspec,
                  Entry      *entry)
{
  KefuManualScoresWindow *self = KEFU_MANUAL_SCORES_WINDOW (gtk_widget_get_root (GTK_WIDGET (entry->row)));

  store_entry (self, entry);
}

static void
on_note_applied (AdwEntryRow *row,
                 Entry       *entry)
{
  on_entry_changed (G_OBJECT (row), NULL, entry);
}

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = kefu_format_points (gtk_spin_button_get_value (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkWidget *
make_entry_row (KefuManualScoresWindow *self,
                gint64                  agent_id,
                KefuSchemeItem         *item)
{
  Entry *entry = g_new0 (Entry, 1);
  GtkWidget *points_row = adw_action_row_new ();
  GtkWidget *note_row = adw_entry_row_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  double points = 0;
  gboolean given;

  entry->agent_id = agent_id;
  entry->item = g_strdup (kefu_scheme_item_get_key (item));
  entry->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), kefu_scheme_item_get_display_label (item));
  adw_expander_row_set_show_enable_switch (entry->row, TRUE);
  g_object_set_data_full (G_OBJECT (entry->row), "entry", entry, entry_free);

  entry->points = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
  gtk_spin_button_set_digits (entry->points, 2);
  gtk_widget_set_valign (GTK_WIDGET (entry->points), GTK_ALIGN_CENTER);
  g_signal_connect (entry->points, "output", G_CALLBACK (on_spin_output), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (points_row), _("Points"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (points_row), GTK_WIDGET (entry->points));
  adw_expander_row_add_row (entry->row, points_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Note"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note_row), TRUE);
  entry->note = GTK_EDITABLE (note_row);
  adw_expander_row_add_row (entry->row, note_row);

  given = kefu_store_get_manual_score (kefu_workspace_get_store (self->workspace),
                                       kefu_scheme_get_store_id (self->scheme), agent_id,
                                       entry->item, &self->from, &self->to, &points, &note, &error);
  if (error != NULL)
    g_warning ("Cannot read a manual score: %s", error->message);
  adw_expander_row_set_enable_expansion (entry->row, given);
  adw_expander_row_set_subtitle (entry->row, given ? "" : _("No points given: the item is missing"));
  gtk_spin_button_set_value (entry->points, given ? points : 0);
  gtk_editable_set_text (entry->note, note != NULL ? note : "");

  g_signal_connect (entry->row, "notify::enable-expansion", G_CALLBACK (on_entry_changed), entry);
  g_signal_connect (entry->points, "notify::value", G_CALLBACK (on_entry_changed), entry);
  g_signal_connect (note_row, "apply", G_CALLBACK (on_note_applied), entry);
  return GTK_WIDGET (entry->row);
}

static void
build (KefuManualScoresWindow *self)
{
  KefuMetricTable *table = kefu_workspace_get_agent_table (self->workspace);
  GtkWidget *page = adw_preferences_page_new ();
  g_autofree char *period = NULL;
  char from[32], to[32];

  g_date_strftime (from, sizeof from, "%Y-%m-%d", &self->from);
  g_date_strftime (to, sizeof to, "%Y-%m-%d", &self->to);
  /* Translators: the title of the manual scores window: a scheme, and the period's days */
  period = g_strdup_printf (_("%s, %s – %s"), kefu_scheme_get_name (self->scheme), from, to);
  gtk_window_set_title (GTK_WINDOW (self), period);

  self->loading = TRUE;
  for (guint r = 0; table != NULL && r < kefu_metric_table_get_n_rows (table); r++)
    {
      const KefuMetricRowKey *key = kefu_metric_table_get_row (table, r);
      GtkWidget *group;

      if (key->agent_id == 0)
        continue;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), key->agent_name);
      for (guint i = 0; i < kefu_scheme_get_n_items (self->scheme); i++)
        {
          KefuSchemeItem *item = kefu_scheme_get_item (self->scheme, i);

          if (kefu_scheme_item_get_kind (item) == KEFU_ITEM_KIND_MANUAL)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                       make_entry_row (self, key->agent_id, item));
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  self->loading = FALSE;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
kefu_manual_scores_window_dispose (GObject *object)
{
  KefuManualScoresWindow *self = KEFU_MANUAL_SCORES_WINDOW (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->scheme);

  G_OBJECT_CLASS (kefu_manual_scores_window_parent_class)->dispose (object);
}

static void
kefu_manual_scores_window_class_init (KefuManualScoresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_manual_scores_window_dispose;

  /**
   * KefuManualScoresWindow::changed:
   *
   * A manual score was stored, changed or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_manual_scores_window_init (KefuManualScoresWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 600);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), TRUE);
}

/**
 * kefu_manual_scores_window_new:
 * @scheme: a stored scheme with manual items
 *
 * Returns: (transfer full): a window for the manual scores of
 *   @workspace's agents and period
 */
GtkWidget *
kefu_manual_scores_window_new (KefuWorkspace *workspace,
                               KefuScheme    *scheme)
{
  KefuManualScoresWindow *self;

  g_return_val_if_fail (KEFU_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (KEFU_IS_SCHEME (scheme) && kefu_scheme_get_store_id (scheme) > 0, NULL);

  self = g_object_new (KEFU_TYPE_MANUAL_SCORES_WINDOW, NULL);
  self->workspace = g_object_ref (workspace);
  self->scheme = g_object_ref (scheme);
  kefu_workspace_get_range (workspace, &self->from, &self->to);
  build (self);
  return GTK_WIDGET (self);
}
