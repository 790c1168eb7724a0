/* kefu-import-labels.c — names people read for what the importer calls by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-core.h"
#include "kefu-import-labels.h"

static const struct {
  const char *id;
  const char *label;
} kinds[] = {
  { "agent_table", N_("Per-agent table") },
  { "shop_table",  N_("Shop table") },
  { "messages",    N_("Chat messages") },
  { "sessions",    N_("Conversations") },
  { "orders",      N_("Orders") },
  { "refunds",     N_("Refunds") },
  { "reviews",     N_("Reviews") },
  { "dsr",         N_("Shop ratings (DSR)") },
};

/* The fields that are not metrics but say what a row is about. */
static const struct {
  const char *id;
  const char *label;
} fields[] = {
  { "agent",        N_("Agent") },
  { "date",         N_("Date") },
  { "period_start", N_("Start date") },
  { "period_end",   N_("End date") },
  { "buyer",        N_("Buyer") },
  { "conversation", N_("Conversation") },
  { "sent_at",      N_("Sent at") },
  { "sender",       N_("Sender") },
  { "type",         N_("Message type") },
  { "content",      N_("Content") },
  { "order_no",     N_("Order number") },
  { "sub_order",    N_("Order line") },
  { "refund_no",    N_("Refund number") },
  { "status",       N_("Status") },
  { "amount",       N_("Amount") },
  { "paid_amount",  N_("Amount paid") },
  { "items",        N_("Items") },
  { "created_at",   N_("Created at") },
  { "paid_at",      N_("Paid at") },
  { "applied_at",   N_("Applied at") },
  { "completed_at", N_("Completed at") },
  { "started_at",   N_("Started at") },
  { "ended_at",     N_("Ended at") },
  { "queued_at",    N_("Queued at") },
  { "assigned_at",  N_("Assigned at") },
  { "transferred",  N_("Transferred") },
  { "rating",       N_("Rating") },
  { "reason",       N_("Reason") },
  { "kind",         N_("After-sales type") },
  { "goods_status", N_("Goods status") },
  { "after_sale",   N_("After-sales status") },
  { "indicator",    N_("Indicator") },
  { "score",        N_("Score") },
  { "industry",     N_("Industry") },
};

/* The translated name of an import kind ("agent_table"), or @kind itself. */
const char *
kefu_import_kind_get_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, kind) == 0)
      return _(kinds[i].label);
  return kind;
}

/* The translated name of a profile field, or NULL when it has none (the
 * caller then shows the profile's own header text for it). */
const char *
kefu_import_field_get_label (const char *field)
{
  const KefuMetricInfo *metric;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].id, field) == 0)
      return _(fields[i].label);

  metric = field != NULL ? kefu_metric_lookup (field) : NULL;
  return metric != NULL ? kefu_metric_get_label (metric) : NULL;
}
