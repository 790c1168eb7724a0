/* kefu-workspace.c — a shop, a period and a scheme, and their figures
 *
 * What the window's views show comes from here: the shop, period and
 * scheme chosen, and the metric tables and score report computed for
 * them. The tables are computed in a worker thread on a connection of
 * its own (SQLite in WAL mode lets it read while the window writes);
 * a newer request cancels an older one, and only the newest result is
 * kept. Scoring is cheap and happens on the caller's thread, so a
 * scheme being edited can be re-scored as often as it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/kefu-workspace.h"

struct _KefuWorkspace
{
  GObject             parent_instance;

  KefuStore          *store;
  GListStore         *shops;
  KefuShop           *shop;
  KefuPeriod         *period;
  KefuScheme         *scheme;
  KefuMetricSettings  settings;

  GCancellable       *cancellable;   /* of the computation under way */
  guint               generation;    /* of the newest request */
  GError             *error;
  KefuMetricTable    *agent_table;
  KefuMetricTable    *previous_table;
  KefuMetricTable    *daily_table;
  KefuCoverage       *coverage;
  KefuManualScores   *manual;
  KefuScoreReport    *report;
};

G_DEFINE_FINAL_TYPE (KefuWorkspace, kefu_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOP,
  PROP_PERIOD,
  PROP_SCHEME,
  PROP_BUSY,
  PROP_REPORT,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a worker computes, and what it found. */
typedef struct
{
  char               *db_path;
  gint64              shop_id;
  GDate               from, to;
  GDate               previous_from, previous_to;
  KefuMetricSettings  settings;
  guint               generation;

  KefuMetricTable    *agent_table;
  KefuMetricTable    *previous_table;
  KefuMetricTable    *daily_table;
  KefuCoverage       *coverage;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_clear_object (&job->agent_table);
  g_clear_object (&job->previous_table);
  g_clear_object (&job->daily_table);
  g_clear_object (&job->coverage);
  g_free (job);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KefuStore) store = NULL;
  GError *error = NULL;

  store = kefu_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->agent_table = kefu_metric_query (store, job->shop_id, &job->from, &job->to,
                                        NULL, 0, NULL, KEFU_GROUP_AGENT,
                                        &job->settings, cancellable, &error);
  if (job->agent_table != NULL)
    job->previous_table = kefu_metric_query (store, job->shop_id,
                                             &job->previous_from, &job->previous_to,
                                             NULL, 0, NULL, KEFU_GROUP_AGENT,
                                             &job->settings, cancellable, &error);
  if (job->previous_table != NULL)
    job->daily_table = kefu_metric_query (store, job->shop_id, &job->from, &job->to,
                                          NULL, 0, NULL, KEFU_GROUP_AGENT_DAY,
                                          &job->settings, cancellable, &error);
  if (job->daily_table != NULL)
    job->coverage = kefu_coverage_query (store, job->shop_id, &job->from, &job->to,
                                         &job->settings, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_figures (KefuWorkspace *self)
{
  g_clear_object (&self->agent_table);
  g_clear_object (&self->previous_table);
  g_clear_object (&self->daily_table);
  g_clear_object (&self->coverage);
  g_clear_object (&self->manual);
  g_clear_object (&self->report);
  g_clear_error (&self->error);
}

static void
finish_update (KefuWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KefuWorkspace) self = user_data;
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A newer request is under way: its result will come. */
  if (job->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);
  clear_figures (self);
  if (error != NULL)
    {
      self->error = g_steal_pointer (&error);
      finish_update (self);
      return;
    }

  self->agent_table = g_steal_pointer (&job->agent_table);
  self->previous_table = g_steal_pointer (&job->previous_table);
  self->daily_table = g_steal_pointer (&job->daily_table);
  self->coverage = g_steal_pointer (&job->coverage);
  kefu_workspace_rescore (self);
}

/* Starts computing the figures of the shop and period; the views keep
 * showing the old ones, marked busy, until the new ones arrive. */
static void
recompute (KefuWorkspace *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(KefuPeriod) previous = NULL;
  Job *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  if (self->shop == NULL)
    {
      clear_figures (self);
      finish_update (self);
      return;
    }

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (kefu_store_get_path (self->store));
  job->shop_id = kefu_shop_get_id (self->shop);
  job->settings = self->settings;
  job->generation = self->generation;
  kefu_period_get_first (self->period, &job->from);
  kefu_period_get_last (self->period, &job->to);
  previous = kefu_period_shift (self->period, -1);
  kefu_period_get_first (previous, &job->previous_from);
  kefu_period_get_last (previous, &job->previous_to);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_computed, g_object_ref (self));
  g_task_set_source_tag (task, recompute);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_in_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The built-in scheme made for a platform's own figures: the Douyin and
 * Pinduoduo presets, and the women's-wear scheme, built on Taobao's. */
static const char *
builtin_for_platform (const char *platform)
{
  if (g_strcmp0 (platform, "douyin") == 0)
    return "douyin-preset";
  if (g_strcmp0 (platform, "pdd") == 0)
    return "pdd-preset";
  return "womenswear-composite";
}

/* The shop's default scheme, else the built-in one for its platform. */
static KefuScheme *
load_default_scheme (KefuWorkspace *self)
{
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GError) error = NULL;
  KefuScheme *preset;

  if (self->shop != NULL)
    {
      gint64 id = kefu_store_get_default_scheme (self->store, kefu_shop_get_id (self->shop), &error);

      if (id > 0)
        {
          KefuScheme *scheme = kefu_store_load_scheme (self->store, id, &error);

          if (scheme != NULL)
            return scheme;
        }
      if (error != NULL)
        g_warning ("Cannot load the shop's default scheme: %s", error->message);
    }

  preset = kefu_scheme_new_builtin (builtin_for_platform (self->shop ? kefu_shop_get_platform (self->shop)
                                                                      : NULL), NULL);
  if (preset != NULL)
    return preset;

  builtin = kefu_scheme_list_builtin ();
  if (g_list_model_get_n_items (builtin) == 0)
    return NULL;
  return g_list_model_get_item (builtin, 0);
}

static void
kefu_workspace_dispose (GObject *object)
{
  KefuWorkspace *self = KEFU_WORKSPACE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_figures (self);
  g_clear_object (&self->scheme);
  g_clear_object (&self->shop);
  g_clear_object (&self->shops);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_workspace_parent_class)->dispose (object);
}

static void
kefu_workspace_finalize (GObject *object)
{
  KefuWorkspace *self = KEFU_WORKSPACE (object);

  g_clear_pointer (&self->period, kefu_period_free);

  G_OBJECT_CLASS (kefu_workspace_parent_class)->finalize (object);
}

static void
kefu_workspace_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KefuWorkspace *self = KEFU_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOP:
      g_value_set_object (value, self->shop);
      break;
    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;
    case PROP_SCHEME:
      g_value_set_object (value, self->scheme);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_workspace_get_busy (self));
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_workspace_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KefuWorkspace *self = KEFU_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SHOP:
      kefu_workspace_set_shop (self, g_value_get_object (value));
      break;
    case PROP_PERIOD:
      kefu_workspace_set_period (self, g_value_get_boxed (value));
      break;
    case PROP_SCHEME:
      kefu_workspace_set_scheme (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_workspace_class_init (KefuWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_workspace_dispose;
  object_class->finalize = kefu_workspace_finalize;
  object_class->get_property = kefu_workspace_get_property;
  object_class->set_property = kefu_workspace_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOP] =
    g_param_spec_object ("shop", NULL, NULL, KEFU_TYPE_SHOP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, KEFU_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, KEFU_TYPE_SCHEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KEFU_TYPE_SCORE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuWorkspace::updated:
   *
   * The figures changed: new tables, a new report, or an error.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_workspace_init (KefuWorkspace *self)
{
  self->shops = g_list_store_new (KEFU_TYPE_SHOP);
  self->period = kefu_period_new_today (KEFU_GRANULARITY_MONTH);
  kefu_metric_settings_init (&self->settings);
}

/**
 * kefu_workspace_new:
 *
 * Returns: (transfer full): a workspace over @store, on its first shop
 */
KefuWorkspace *
kefu_workspace_new (KefuStore *store)
{
  KefuWorkspace *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_WORKSPACE, "store", store, NULL);
  kefu_workspace_reload (self);
  return self;
}

KefuStore *
kefu_workspace_get_store (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->store;
}

/**
 * kefu_workspace_get_shops:
 *
 * Returns: (transfer none): the store's shops, #KefuShop, kept current
 *   by kefu_workspace_reload()
 */
GListModel *
kefu_workspace_get_shops (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->shops);
}

KefuShop *
kefu_workspace_get_shop (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->shop;
}

/**
 * kefu_workspace_set_shop:
 * @shop: (nullable): one of kefu_workspace_get_shops()
 *
 * Shows @shop, with its default scheme.
 */
void
kefu_workspace_set_shop (KefuWorkspace *self,
                         KefuShop      *shop)
{
  g_autoptr(KefuScheme) scheme = NULL;

  g_return_if_fail (KEFU_IS_WORKSPACE (self));
  g_return_if_fail (shop == NULL || KEFU_IS_SHOP (shop));

  if (shop != NULL && self->shop != NULL
      && kefu_shop_get_id (shop) == kefu_shop_get_id (self->shop))
    return;
  if (!g_set_object (&self->shop, shop))
    return;

  scheme = load_default_scheme (self);
  g_set_object (&self->scheme, scheme);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
  recompute (self);
}

const KefuPeriod *
kefu_workspace_get_period (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->period;
}

void
kefu_workspace_set_period (KefuWorkspace    *self,
                           const KefuPeriod *period)
{
  g_return_if_fail (KEFU_IS_WORKSPACE (self));
  g_return_if_fail (period != NULL);

  if (kefu_period_equal (period, self->period))
    return;

  kefu_period_free (self->period);
  self->period = kefu_period_copy (period);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  recompute (self);
}

/**
 * kefu_workspace_get_range:
 * @from: (out): the period's first day
 * @to: (out): its last day
 */
void
kefu_workspace_get_range (KefuWorkspace *self,
                          GDate         *from,
                          GDate         *to)
{
  g_return_if_fail (KEFU_IS_WORKSPACE (self));

  kefu_period_get_first (self->period, from);
  kefu_period_get_last (self->period, to);
}

KefuScheme *
kefu_workspace_get_scheme (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->scheme;
}

/**
 * kefu_workspace_set_scheme:
 *
 * Scores the period's agents with @scheme. The tables stay: only the
 * report is made anew.
 */
void
kefu_workspace_set_scheme (KefuWorkspace *self,
                           KefuScheme    *scheme)
{
  g_return_if_fail (KEFU_IS_WORKSPACE (self));
  g_return_if_fail (scheme == NULL || KEFU_IS_SCHEME (scheme));

  if (!g_set_object (&self->scheme, scheme))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
  kefu_workspace_rescore (self);
}

/**
 * kefu_workspace_get_settings:
 *
 * Returns: the metric definitions' settings the figures are computed with
 */
const KefuMetricSettings *
kefu_workspace_get_settings (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return &self->settings;
}

/**
 * kefu_workspace_reload:
 *
 * Reads the shops again and recomputes the figures: what to call after
 * the store changed (an import, an undo, a deleted batch). The shop
 * shown stays when it still exists; otherwise the first one is shown.
 */
void
kefu_workspace_reload (KefuWorkspace *self)
{
  g_autoptr(GListModel) shops = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuShop) keep = NULL;
  guint n;

  g_return_if_fail (KEFU_IS_WORKSPACE (self));

  shops = kefu_store_list_shops (self->store, &error);
  g_list_store_remove_all (self->shops);
  n = shops != NULL ? g_list_model_get_n_items (shops) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuShop) shop = g_list_model_get_item (shops, i);

      g_list_store_append (self->shops, shop);
      if (self->shop != NULL && kefu_shop_get_id (shop) == kefu_shop_get_id (self->shop))
        keep = g_object_ref (shop);
    }
  if (keep == NULL && n > 0)
    keep = g_list_model_get_item (G_LIST_MODEL (self->shops), 0);

  if (keep == NULL || self->shop == NULL
      || kefu_shop_get_id (keep) != kefu_shop_get_id (self->shop))
    {
      kefu_workspace_set_shop (self, keep);
      if (keep != NULL)
        return;
    }

  recompute (self);
  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
}

/**
 * kefu_workspace_rescore:
 *
 * Scores the agent table again with the scheme as it is now and the
 * manual scores stored for the period: what to call after editing the
 * scheme or a manual score. Cheap; emits #KefuWorkspace::updated.
 */
void
kefu_workspace_rescore (KefuWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_return_if_fail (KEFU_IS_WORKSPACE (self));

  g_clear_object (&self->report);
  g_clear_object (&self->manual);
  if (self->agent_table != NULL && self->scheme != NULL)
    {
      kefu_workspace_get_range (self, &from, &to);
      self->manual = kefu_store_load_manual_scores (self->store,
                                                    kefu_scheme_get_store_id (self->scheme),
                                                    &from, &to, &error);

      if (self->manual != NULL)
        self->report = kefu_score_report_new (self->scheme, self->agent_table, self->manual);
      else
        {
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
        }
    }

  finish_update (self);
}

gboolean
kefu_workspace_get_busy (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * kefu_workspace_get_error:
 *
 * Returns: (nullable): why the figures could not be computed
 */
const GError *
kefu_workspace_get_error (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->error;
}

/**
 * kefu_workspace_get_agent_table:
 *
 * Returns: (transfer none) (nullable): every metric per agent (and the
 *   shop) over the period, or %NULL before it is computed
 */
KefuMetricTable *
kefu_workspace_get_agent_table (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->agent_table;
}

/**
 * kefu_workspace_get_previous_table:
 *
 * Returns: (transfer none) (nullable): the same for the previous period
 *   (the month before a month, the week before a week…)
 */
KefuMetricTable *
kefu_workspace_get_previous_table (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->previous_table;
}

/**
 * kefu_workspace_get_daily_table:
 *
 * Returns: (transfer none) (nullable): every metric per agent and day
 *   over the period
 */
KefuMetricTable *
kefu_workspace_get_daily_table (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->daily_table;
}

/**
 * kefu_workspace_get_coverage:
 *
 * Returns: (transfer none) (nullable): which kinds of data each day of
 *   the period has, computed with the tables
 */
KefuCoverage *
kefu_workspace_get_coverage (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->coverage;
}

/**
 * kefu_workspace_get_manual_scores:
 *
 * Returns: (transfer none) (nullable): the manual scores the report used
 */
KefuManualScores *
kefu_workspace_get_manual_scores (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->manual;
}

/**
 * kefu_workspace_get_report:
 *
 * Returns: (transfer none) (nullable): the period's agents scored with
 *   the scheme, or %NULL before the tables are computed or without a
 *   scheme
 */
KefuScoreReport *
kefu_workspace_get_report (KefuWorkspace *self)
{
  g_return_val_if_fail (KEFU_IS_WORKSPACE (self), NULL);

  return self->report;
}
