/* kefu-scheme-preview.c — the period's agents as the scheme being edited scores them
 *
 * A ranked list — rank, agent, total — re-scored with every edit, beside
 * how each agent fared with the scheme as saved (the baseline): a rank
 * gained shows ↑ in the success colour, a rank lost ↓ in the error
 * colour, and the total's difference follows. Only the visible rows are
 * bound (GtkColumnView), so a new report costs what the screen shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "kefu-scheme-preview.h"
#include "kefu-unit-input.h"

struct _KefuSchemePreview
{
  GtkWidget        parent_instance;

  KefuScoreReport *report;
  KefuScoreReport *baseline;
  GHashTable      *baseline_ranks;   /* agent id → KefuAgentScore of the baseline */

  GtkLabel        *summary;
  GtkColumnView   *view;
  GtkNoSelection  *selection;
};

G_DEFINE_FINAL_TYPE (KefuSchemePreview, kefu_scheme_preview, GTK_TYPE_WIDGET)

typedef enum
{
  COLUMN_RANK,
  COLUMN_AGENT,
  COLUMN_TOTAL,
  COLUMN_CHANGE,
} Column;

static KefuAgentScore *
find_baseline (KefuSchemePreview *self,
               KefuAgentScore    *agent)
{
  gint64 id = kefu_agent_score_get_agent_id (agent);

  return g_hash_table_lookup (self->baseline_ranks, &id);
}

/**
 * kefu_scheme_preview_get_rank_change:
 *
 * Returns: the ranks @agent gained against the baseline (negative: lost);
 *   0 when either is unranked or there is no baseline
 */
int
kefu_scheme_preview_get_rank_change (KefuSchemePreview *self,
                                     KefuAgentScore    *agent)
{
  KefuAgentScore *before;

  g_return_val_if_fail (KEFU_IS_SCHEME_PREVIEW (self), 0);
  g_return_val_if_fail (KEFU_IS_AGENT_SCORE (agent), 0);

  before = find_baseline (self, agent);
  if (before == NULL || kefu_agent_score_get_rank (before) == 0 || kefu_agent_score_get_rank (agent) == 0)
    return 0;
  return (int) kefu_agent_score_get_rank (before) - (int) kefu_agent_score_get_rank (agent);
}

static guint
count_scored (KefuAgentScore *agent)
{
  GListModel *items = kefu_agent_score_get_items (agent);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(KefuItemScore) item = g_list_model_get_item (items, i);
      KefuItemStatus status = kefu_item_score_get_status (item);

      n += status == KEFU_ITEM_STATUS_SCORED || status == KEFU_ITEM_STATUS_ZERO;
    }
  return n;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AGENT ? 0 : 1);
  if (column != COLUMN_AGENT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  KefuSchemePreview *self = g_object_get_data (G_OBJECT (factory), "preview");
  Column column = GPOINTER_TO_INT (user_data);
  KefuAgentScore *agent = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  const char *css = NULL;

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, NULL);

  switch (column)
    {
    case COLUMN_RANK:
      if (kefu_agent_score_get_rank (agent) > 0)
        text = g_strdup_printf ("%u", kefu_agent_score_get_rank (agent));
      else
        {
          text = g_strdup ("—");
          gtk_widget_set_tooltip_text (label, _("Not ranked: the total is incomplete"));
        }
      break;

    case COLUMN_AGENT:
      text = g_strdup (kefu_agent_score_get_agent_name (agent));
      break;

    case COLUMN_TOTAL:
      /* Nothing scored is no total of 0: missing is never zero. */
      if (count_scored (agent) == 0)
        {
          text = g_strdup ("—");
          gtk_widget_set_tooltip_text (label, _("No item has a value for this agent in the period"));
          break;
        }
      text = kefu_format_points (round (kefu_agent_score_get_total (agent) * 100) / 100);
      if (!kefu_agent_score_get_complete (agent))
        {
          css = "dim-label";
          gtk_widget_set_tooltip_text (label, _("Incomplete: some item has no value or falls into no row"));
        }
      break;

    case COLUMN_CHANGE:
      {
        int change = kefu_scheme_preview_get_rank_change (self, agent);
        KefuAgentScore *before = find_baseline (self, agent);
        double delta = before != NULL ? kefu_agent_score_get_total (agent) - kefu_agent_score_get_total (before) : 0;
        g_autofree char *points = kefu_format_points (round (fabs (delta) * 100) / 100);

        if (change > 0)
          text = g_strdup_printf ("↑%d", change), css = "success";
        else if (change < 0)
          text = g_strdup_printf ("↓%d", -change), css = "error";
        else if (round (delta * 100) != 0)
          text = g_strdup_printf ("%s%s", delta > 0 ? "+" : "−", points), css = "dim-label";
        else
          text = g_strdup ("");
        if (before != NULL)
          {
            g_autofree char *was = kefu_format_points (round (kefu_agent_score_get_total (before) * 100) / 100);
            /* Translators: the preview's tooltip: an agent's total with the scheme as saved */
            g_autofree char *tooltip = g_strdup_printf (_("Saved scheme: %s points"), was);

            gtk_widget_set_tooltip_text (label, tooltip);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (label), text);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
}

static void
add_column (KefuSchemePreview *self,
            Column             column,
            const char        *title,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "preview", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);
}

static void
kefu_scheme_preview_dispose (GObject *object)
{
  KefuSchemePreview *self = KEFU_SCHEME_PREVIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->report);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_ranks, g_hash_table_unref);

  G_OBJECT_CLASS (kefu_scheme_preview_parent_class)->dispose (object);
}

static void
kefu_scheme_preview_class_init (KefuSchemePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_scheme_preview_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "schemepreview");
}

static void
kefu_scheme_preview_init (KefuSchemePreview *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title = gtk_label_new (_("Preview"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->baseline_ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_parent (title, GTK_WIDGET (self));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "caption");
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->summary), GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  add_column (self, COLUMN_RANK, C_("preview", "Rank"), FALSE);
  add_column (self, COLUMN_AGENT, C_("preview", "Agent"), TRUE);
  add_column (self, COLUMN_TOTAL, C_("preview", "Total"), FALSE);
  add_column (self, COLUMN_CHANGE, C_("preview", "Change"), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
}

GtkWidget *
kefu_scheme_preview_new (void)
{
  return g_object_new (KEFU_TYPE_SCHEME_PREVIEW, NULL);
}

KefuScoreReport *
kefu_scheme_preview_get_report (KefuSchemePreview *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_PREVIEW (self), NULL);
  return self->report;
}

/**
 * kefu_scheme_preview_set_report:
 * @report: (nullable): the agents scored with the scheme being edited
 * @microseconds: how long scoring them took, shown; negative: not shown
 */
void
kefu_scheme_preview_set_report (KefuSchemePreview *self,
                                KefuScoreReport   *report,
                                gint64             microseconds)
{
  g_autofree char *summary = NULL;
  guint n;

  g_return_if_fail (KEFU_IS_SCHEME_PREVIEW (self));

  g_set_object (&self->report, report);
  gtk_no_selection_set_model (self->selection, report ? kefu_score_report_get_agents (report) : NULL);

  n = report ? g_list_model_get_n_items (kefu_score_report_get_agents (report)) : 0;
  if (report == NULL)
    summary = g_strdup (_("No figures for this period yet: import the agents’ exports to see how they score."));
  else if (microseconds >= 0)
    /* Translators: the preview's summary; %u agents, scored in %ld microseconds */
    summary = g_strdup_printf (ngettext ("%u agent, re-scored in %ld µs with every change",
                                         "%u agents, re-scored in %ld µs with every change", n),
                               n, (long) microseconds);
  else
    summary = g_strdup_printf (ngettext ("%u agent", "%u agents", n), n);
  gtk_label_set_label (self->summary, summary);
}

/**
 * kefu_scheme_preview_set_baseline:
 * @baseline: (nullable): the agents scored with the scheme as saved
 */
void
kefu_scheme_preview_set_baseline (KefuSchemePreview *self,
                                  KefuScoreReport   *baseline)
{
  GListModel *agents;

  g_return_if_fail (KEFU_IS_SCHEME_PREVIEW (self));

  g_set_object (&self->baseline, baseline);
  g_hash_table_remove_all (self->baseline_ranks);
  agents = baseline ? kefu_score_report_get_agents (baseline) : NULL;
  for (guint i = 0; agents != NULL && i < g_list_model_get_n_items (agents); i++)
    {
      KefuAgentScore *agent = g_list_model_get_item (agents, i);

      g_hash_table_insert (self->baseline_ranks,
                           g_memdup2 (&(gint64) { kefu_agent_score_get_agent_id (agent) }, sizeof (gint64)),
                           agent);
    }
}

/**
 * kefu_scheme_preview_set_message:
 *
 * Shows @message in place of the summary: why there is nothing to show.
 */
void
kefu_scheme_preview_set_message (KefuSchemePreview *self,
                                 const char        *message)
{
  g_return_if_fail (KEFU_IS_SCHEME_PREVIEW (self));
  gtk_label_set_label (self->summary, message);
}
