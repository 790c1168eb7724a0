/* kefu-demo.c — the demo shop a new user can explore
 *
 * The demo lives in a database of its own, so exploring it never mixes
 * with a shop's real data. Its data is generated on first use and again
 * on the first start of each later day, so that the current month always
 * has data up to yesterday (kefu-demo-private.h says how); generating
 * it takes a fraction of a second. A regeneration replaces the demo
 * shop's import batches and keeps its agents and schemes, manual scores
 * included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kefu-demo.h"
#include "kefu-demo-private.h"
#include "model/kefu-batch.h"
#include "model/kefu-period.h"

#define DEMO_SCHEME "womenswear-composite"

/* What each batch says it is in the list of imports. */
static const struct {
  const char *profile;
  const char *kind;
} kinds[KEFU_DEMO_N_KINDS] = {
  [KEFU_DEMO_MESSAGES]    = { "kefu-messages", "messages" },
  [KEFU_DEMO_ORDERS]      = { "taobao-orders", "orders" },
  [KEFU_DEMO_REFUNDS]     = { "taobao-refunds", "refunds" },
  [KEFU_DEMO_PERFORMANCE] = { "taobao-agent-performance-daily", "agent_table" },
  [KEFU_DEMO_RECEPTION]   = { "taobao-consult-reception", "agent_table" },
  [KEFU_DEMO_DSR]         = { "taobao-dsr", "dsr" },
};

/* The name the list of imports shows: it says it is the demo's. */
static char *
file_name (KefuDemoKind  kind,
           const char   *month)
{
  switch (kind)
    {
    case KEFU_DEMO_MESSAGES:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Chat log %s.csv"), month);
    case KEFU_DEMO_ORDERS:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Orders %s.csv"), month);
    case KEFU_DEMO_REFUNDS:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Refunds %s.csv"), month);
    case KEFU_DEMO_PERFORMANCE:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Agent performance %s.xlsx"), month);
    case KEFU_DEMO_RECEPTION:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Consultation reception %s.xlsx"), month);
    case KEFU_DEMO_DSR:
      /* Translators: a demo import's file name; %s is a month, such as 2026-10 */
      return g_strdup_printf (_("Demo data · Shop DSR %s.xlsx"), month);
    case KEFU_DEMO_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gint64
ensure_shop (KefuStore  *store,
             GError    **error)
{
  g_autoptr(KefuScheme) scheme = NULL;
  gint64 shop_id, scheme_id;
  GError *local_error = NULL;

  shop_id = kefu_store_find_shop (store, KEFU_DEMO_SHOP_NAME, &local_error);
  if (shop_id != 0 || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return shop_id;
    }

  shop_id = kefu_store_add_shop (store, KEFU_DEMO_SHOP_NAME, "taobao", error);
  if (shop_id == 0)
    return 0;

  /* The women's-wear model of METRICS.md §5 scores the demo's agents. */
  scheme = kefu_scheme_new_builtin (DEMO_SCHEME, error);
  if (scheme == NULL ||
      (scheme_id = kefu_store_save_scheme (store, shop_id, scheme, error)) == 0 ||
      !kefu_store_set_default_scheme (store, shop_id, scheme_id, error))
    return 0;
  return shop_id;
}

/* Whether the demo's data ends yesterday already; if not, its batches
 * are dropped, to be made again. */
static gboolean
is_current (KefuDemo  *demo,
            gboolean  *current,
            GError   **error)
{
  g_autoptr(GListModel) batches = kefu_store_list_batches (demo->store, demo->shop_id, error);
  g_autofree char *last = kefu_day_to_string (&demo->last);
  guint n;

  if (batches == NULL)
    return FALSE;

  *current = FALSE;
  n = g_list_model_get_n_items (batches);
  for (guint i = 0; i < n && !*current; i++)
    {
      g_autoptr(KefuBatch) batch = g_list_model_get_item (batches, i);

      *current = g_strcmp0 (kefu_batch_get_period_end (batch), last) == 0;
    }

  for (guint i = 0; i < n && !*current; i++)
    {
      g_autoptr(KefuBatch) batch = g_list_model_get_item (batches, i);

      if (!kefu_store_delete_batch (demo->store, kefu_batch_get_id (batch), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_batches (KefuDemo  *demo,
             GError   **error)
{
  for (guint m = 0; m < demo->n_months; m++)
    {
      KefuDemoMonth *month = &demo->months[m];
      g_autofree char *first = kefu_day_to_string (&month->first);
      g_autofree char *last = kefu_day_to_string (&month->last);
      g_autofree char *name = g_strdup_printf ("%04u-%02u", g_date_get_year (&month->first),
                                               g_date_get_month (&month->first));

      for (guint k = 0; k < KEFU_DEMO_N_KINDS; k++)
        {
          g_autofree char *name_shown = file_name (k, name);
          g_autofree char *seed = g_strdup_printf ("kefu-demo %s %s %s", kinds[k].profile, first, last);
          g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
          KefuBatchInfo info = {
            .shop_id = demo->shop_id,
            .file_name = name_shown,
            .sha256 = sha256,
            .profile = kinds[k].profile,
            .platform = "taobao",
            .kind = kinds[k].kind,
            .period_start = first,
            .period_end = last,
          };

          month->batch[k] = kefu_store_add_batch (demo->store, &info, error);
          if (month->batch[k] == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
finish_batches (KefuDemo  *demo,
                GError   **error)
{
  for (guint m = 0; m < demo->n_months; m++)
    {
      KefuDemoMonth *month = &demo->months[m];
      g_autofree char *first = kefu_day_to_string (&month->first);
      g_autofree char *last = kefu_day_to_string (&month->last);

      for (guint k = 0; k < KEFU_DEMO_N_KINDS; k++)
        {
          KefuBatchInfo info = {
            .period_start = first,
            .period_end = last,
            .rows_read = month->rows[k],
            .rows_imported = month->rows[k],
          };

          if (month->rows[k] == 0 ? !kefu_store_delete_batch (demo->store, month->batch[k], error)
                                  : !kefu_store_finish_batch (demo->store, &info, month->batch[k], error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The calendar months from @first to @last, clipped to them. */
static void
plan_months (KefuDemo *demo)
{
  GDate start = demo->first;

  demo->n_months = 0;
  demo->months = g_new0 (KefuDemoMonth, 4);
  while (g_date_compare (&start, &demo->last) <= 0 && demo->n_months < 4)
    {
      KefuDemoMonth *month = &demo->months[demo->n_months++];

      month->first = start;
      month->last = start;
      g_date_set_day (&month->last, g_date_get_days_in_month (g_date_get_month (&start),
                                                                g_date_get_year (&start)));
      if (g_date_compare (&month->last, &demo->last) > 0)
        month->last = demo->last;
      start = month->last;
      g_date_add_days (&start, 1);
    }
}

static gboolean
generate (KefuDemo  *demo,
          GError   **error)
{
  gboolean current = FALSE;

  for (guint a = 0; a < KEFU_DEMO_N_AGENTS; a++)
    {
      g_autofree char *account = g_strconcat (KEFU_DEMO_SHOP_NAME ":",
                                              _kefu_demo_agent_nick (a), NULL);

      demo->agent_ids[a] = kefu_store_ensure_agent (demo->store, demo->shop_id, account, error);
      if (demo->agent_ids[a] == 0)
        return FALSE;
    }

  if (!is_current (demo, &current, error))
    return FALSE;
  if (current)
    return TRUE;

  plan_months (demo);
  return add_batches (demo, error) &&
         _kefu_demo_add_messages (demo, error) &&
         _kefu_demo_add_orders (demo, error) &&
         _kefu_demo_add_measures (demo, error) &&
         finish_batches (demo, error);
}

/**
 * _kefu_demo_populate:
 * @today: the local date the demo is for: its data ends the day before
 *
 * Fills the demo shop, in one transaction, unless it already holds the
 * data for @today.
 */
gboolean
_kefu_demo_populate (KefuStore    *store,
                     const GDate  *today,
                     GError      **error)
{
  KefuDemo demo = { store };
  GDate month_end;
  gboolean ok;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  demo.tz = g_time_zone_new_identifier ("Asia/Shanghai");
  if (demo.tz == NULL)
    demo.tz = g_time_zone_new_offset (8 * 3600);   /* the zone database is missing */

  demo.last = *today;
  g_date_subtract_days (&demo.last, 1);
  g_date_clear (&demo.first, 1);
  g_date_set_dmy (&demo.first, 1, g_date_get_month (today), g_date_get_year (today));
  g_date_subtract_months (&demo.first, 2);
  month_end = *today;
  g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (today),
                                                          g_date_get_year (today)));
  demo.span = g_date_days_between (&demo.first, &month_end);
  demo.end_utc = _kefu_demo_day_start (&demo, today);
  demo.orders = g_array_new (FALSE, FALSE, sizeof (KefuDemoOrder));

  ok = kefu_store_begin (store, error);
  if (ok)
    {
      ok = (demo.shop_id = ensure_shop (store, error)) != 0 &&
           generate (&demo, error) &&
           kefu_store_commit (store, error);
      if (!ok)
        kefu_store_rollback (store);
    }

  g_array_unref (demo.orders);
  g_free (demo.months);
  g_time_zone_unref (demo.tz);
  return ok;
}

/**
 * kefu_demo_open:
 * @path: the demo database, see kefu_store_get_demo_path()
 *
 * Opens the demo database, filling it on first use and bringing it up
 * to yesterday on the first use of a day.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KefuStore *
kefu_demo_open (const char  *path,
                GError     **error)
{
  g_autoptr(KefuStore) store = NULL;
  GDate today;

  g_return_val_if_fail (path != NULL, NULL);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  store = kefu_store_open (path, error);
  if (store == NULL || !_kefu_demo_populate (store, &today, error))
    return NULL;

  return g_steal_pointer (&store);
}
