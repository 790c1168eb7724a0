/* kefu-metric-context.c — accumulators, local time and slots for both roads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "metrics/kefu-metric-engine-private.h"

/* GDate's day number of 1970-01-01: local day numbers count from it. */
#define EPOCH_JULIAN 719163

/* Roads read this far around the period: the conversion window (≤ 15
 * days) back and forward, plus the answers of the last turns. */
#define SPAN_MARGIN (17 * 86400)

KefuSheet *
_kefu_sheet_new (guint n_agents,
                 guint n_slots)
{
  KefuSheet *sheet = g_new0 (KefuSheet, 1);

  sheet->n_agents = n_agents;
  sheet->n_slots = n_slots;
  kefu_metric_get_all (&sheet->n_metrics);
  sheet->buckets = g_new0 (KefuBucket *, (gsize) n_agents * n_slots);
  return sheet;
}

void
_kefu_sheet_free (KefuSheet *sheet)
{
  if (sheet == NULL)
    return;

  for (gsize i = 0; i < (gsize) sheet->n_agents * sheet->n_slots; i++)
    {
      KefuBucket *bucket = sheet->buckets[i];

      if (bucket == NULL)
        continue;
      for (guint m = 0; m < sheet->n_metrics; m++)
        g_clear_pointer (&bucket->accs[m].batches, g_array_unref);
      g_free (bucket);
    }
  g_free (sheet->buckets);
  g_free (sheet);
}

/* The bucket of @agent in @slot, made on first use. */
KefuBucket *
_kefu_sheet_bucket (KefuSheet *sheet,
                    guint      agent,
                    guint      slot)
{
  KefuBucket **bucket = &sheet->buckets[(gsize) agent * sheet->n_slots + slot];

  g_assert (agent < sheet->n_agents && slot < sheet->n_slots);

  if (*bucket == NULL)
    *bucket = g_malloc0 (sizeof (KefuBucket) + sheet->n_metrics * sizeof (KefuAcc));
  return *bucket;
}

KefuBucket *
_kefu_sheet_peek (KefuSheet *sheet,
                  guint      agent,
                  guint      slot)
{
  if (sheet == NULL || agent >= sheet->n_agents || slot >= sheet->n_slots)
    return NULL;
  return sheet->buckets[(gsize) agent * sheet->n_slots + slot];
}

/* Adds an event to @agent's accumulator of @metric and to the shop's
 * (agent 0: the shop's only), and marks both buckets touched. */
void
_kefu_sheet_put (KefuSheet *sheet,
                 guint      agent,
                 guint      slot,
                 int        metric,
                 double     num,
                 double     den)
{
  for (guint i = 0; i < 2; i++)
    {
      KefuBucket *bucket;
      KefuAcc *acc;

      if (i == 1 && agent == 0)
        break;
      bucket = _kefu_sheet_bucket (sheet, i == 0 ? 0 : agent, slot);
      bucket->touched = TRUE;
      acc = &bucket->accs[metric];
      acc->num += num;
      acc->den += den;
      acc->n++;
    }
}

/* Adds @batch_id to a sorted list of batch ids, once. */
void
_kefu_batches_add (GArray *batches,
                   gint64  batch_id)
{
  guint i;

  for (i = 0; i < batches->len; i++)
    {
      gint64 known = g_array_index (batches, gint64, i);

      if (known == batch_id)
        return;
      if (known > batch_id)
        break;
    }
  g_array_insert_val (batches, i, batch_id);
}

void
_kefu_acc_add_batch (KefuAcc *acc,
                     gint64   batch_id)
{
  if (acc->batches == NULL)
    acc->batches = g_array_new (FALSE, FALSE, sizeof (gint64));
  _kefu_batches_add (acc->batches, batch_id);
}

/* The catalogue index of @key, or -1. */
int
_kefu_metric_index (const char *key)
{
  const KefuMetricInfo *info = kefu_metric_lookup (key);
  guint n;

  if (info == NULL)
    return -1;
  return info - kefu_metric_get_all (&n);
}

static gint32
zone_offset (GTimeZone *tz,
             gint64     utc)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc));
}

/* Splits [lo, hi) into spans of one offset, so that local time costs an
 * addition. Offsets change at most a few times a year, never twice within
 * an hour: hourly probes find every change, bisection its second. */
static void
build_spans (KefuMetricContext *ctx,
             gint64             lo,
             gint64             hi)
{
  KefuZoneSpan span = { lo, hi, zone_offset (ctx->tz, lo) };

  for (gint64 t = lo + 3600; t < hi + 3600; t += 3600)
    {
      gint64 probe = MIN (t, hi - 1);
      gint64 a, b;

      if (zone_offset (ctx->tz, probe) == span.offset)
        continue;

      /* The offset changes in (probe − 3600, probe]. */
      a = probe - 3600;
      b = probe;
      while (b - a > 1)
        {
          gint64 mid = a + (b - a) / 2;

          if (zone_offset (ctx->tz, mid) == span.offset)
            a = mid;
          else
            b = mid;
        }
      span.end = b;
      g_array_append_val (ctx->spans, span);
      span.start = b;
      span.end = hi;
      span.offset = zone_offset (ctx->tz, b);
    }
  g_array_append_val (ctx->spans, span);
}

/* Local seconds since 1970-01-01 00:00 (wall clock) of a UTC time. */
gint64
_kefu_metric_local (KefuMetricContext *ctx,
                    gint64             utc)
{
  const KefuZoneSpan *spans = &g_array_index (ctx->spans, KefuZoneSpan, 0);
  guint lo = 0, hi = ctx->spans->len;

  if (utc >= spans[ctx->last_span].start && utc < spans[ctx->last_span].end)
    return utc + spans[ctx->last_span].offset;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (utc < spans[mid].start)
        hi = mid;
      else if (utc >= spans[mid].end)
        lo = mid + 1;
      else
        {
          ctx->last_span = mid;
          return utc + spans[mid].offset;
        }
    }
  return utc + zone_offset (ctx->tz, utc);
}

/* The UTC time of the local midnight starting day number @day. */
gint64
_kefu_metric_day_utc (KefuMetricContext *ctx,
                      gint64             day)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + EPOCH_JULIAN));
  midnight = g_date_time_new (ctx->tz, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}

/**
 * _kefu_metric_slot:
 * @day: (out) (optional): the local day number
 * @seconds_of_day: (out) (optional): seconds after local midnight
 *
 * Returns: whether @utc falls in the period; then @slot is its slot
 */
gboolean
_kefu_metric_slot (KefuMetricContext *ctx,
                   gint64             utc,
                   guint             *slot,
                   gint64            *day,
                   int               *seconds_of_day)
{
  gint64 local = _kefu_metric_local (ctx, utc);
  gint64 d = _kefu_floor_div (local, 86400);
  int sod = (int) (local - d * 86400);

  if (day != NULL)
    *day = d;
  if (seconds_of_day != NULL)
    *seconds_of_day = sod;
  if (d < ctx->first_day || d >= ctx->first_day + ctx->n_days)
    return FALSE;

  switch (ctx->grouping)
    {
    case KEFU_GROUP_AGENT:
      *slot = 0;
      break;
    case KEFU_GROUP_DAY:
    case KEFU_GROUP_AGENT_DAY:
      *slot = (guint) (d - ctx->first_day);
      break;
    case KEFU_GROUP_HOUR_WEEKDAY:
      /* Day 0 (1970-01-01) was a Thursday: Monday is 0 here. */
      *slot = (guint) (((d + 3) % 7 + 7) % 7) * 24 + sod / 3600;
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* The dense index of an agent id; 0 for none (the shop). Consecutive
 * rows mostly name the same agent: the last answer is kept. */
guint
_kefu_metric_agent (KefuMetricContext *ctx,
                    gint64             agent_id)
{
  gpointer index;

  if (agent_id <= 0)
    return 0;
  if (agent_id == ctx->last_agent_id)
    return ctx->last_agent;
  if (!g_hash_table_lookup_extended (ctx->agent_index, &agent_id, NULL, &index))
    return 0;
  ctx->last_agent_id = agent_id;
  ctx->last_agent = GPOINTER_TO_UINT (index);
  return ctx->last_agent;
}

gboolean
_kefu_metric_cancelled (KefuMetricContext  *ctx,
                        guint64             n,
                        GError            **error)
{
  return (n & 4095) == 0 && g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

/* 'YYYY-MM-DD' as a local day number; FALSE for anything else. */
gboolean
_kefu_metric_parse_day (const char *text,
                        gint64     *day)
{
  static const guint8 digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint year, month, dom;
  gint64 y, era, yoe, doy;

  /* Read for every measure: by hand, not by sscanf(). */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (text[digits[i]]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  dom = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (dom, month, year))
    return FALSE;

  /* Days since 1970-01-01 (H. Hinnant's days_from_civil), as GDate's
   * Julian day less the epoch's would give. */
  y = (gint64) year - (month <= 2);
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + dom - 1;
  *day = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
  return TRUE;
}

static gint64
day_number (const GDate *date)
{
  return (gint64) g_date_get_julian (date) - EPOCH_JULIAN;
}

/* The shop's zone, the period's bounds in UTC and the slots. The caller
 * has set store, shop_id, settings, grouping, from, to and agent_index. */
gboolean
_kefu_metric_context_init (KefuMetricContext  *ctx,
                           GError            **error)
{
  g_autofree char *shop_zone = NULL;
  sqlite3_stmt *stmt;

  stmt = _kefu_store_prepare (ctx->store, "SELECT timezone FROM shop WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->shop_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    shop_zone = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  ctx->tz = kefu_metric_settings_get_zone (&ctx->settings, shop_zone, error);
  if (ctx->tz == NULL)
    return FALSE;

  ctx->first_day = day_number (&ctx->from);
  ctx->n_days = (guint) (day_number (&ctx->to) - ctx->first_day + 1);
  ctx->start_utc = _kefu_metric_day_utc (ctx, ctx->first_day);
  ctx->end_utc = _kefu_metric_day_utc (ctx, ctx->first_day + ctx->n_days);

  ctx->spans = g_array_new (FALSE, FALSE, sizeof (KefuZoneSpan));
  build_spans (ctx, ctx->start_utc - SPAN_MARGIN, ctx->end_utc + SPAN_MARGIN);

  switch (ctx->grouping)
    {
    case KEFU_GROUP_AGENT:
      ctx->n_slots = 1;
      break;
    case KEFU_GROUP_DAY:
    case KEFU_GROUP_AGENT_DAY:
      ctx->n_slots = ctx->n_days;
      break;
    case KEFU_GROUP_HOUR_WEEKDAY:
      ctx->n_slots = 7 * 24;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  ctx->measures = _kefu_sheet_new (ctx->n_agents, ctx->n_slots);
  ctx->events = _kefu_sheet_new (ctx->n_agents, ctx->n_slots);
  ctx->sessions = _kefu_sheet_new (ctx->n_agents, ctx->n_slots);
  for (guint i = 0; i < KEFU_N_SOURCES; i++)
    ctx->source_batches[i] = g_array_new (FALSE, FALSE, sizeof (KefuBatchSpan));
  return TRUE;
}

void
_kefu_metric_context_clear (KefuMetricContext *ctx)
{
  g_clear_pointer (&ctx->tz, g_time_zone_unref);
  g_clear_pointer (&ctx->spans, g_array_unref);
  g_clear_pointer (&ctx->measures, _kefu_sheet_free);
  g_clear_pointer (&ctx->events, _kefu_sheet_free);
  g_clear_pointer (&ctx->sessions, _kefu_sheet_free);
  for (guint i = 0; i < KEFU_N_SOURCES; i++)
    g_clear_pointer (&ctx->source_batches[i], g_array_unref);
}
