/* kefu-workbook-definitions.c — the Definitions sheet (说明)
 *
 * What every metric means, as docs/METRICS.md §3 defines it, in the
 * workbook's language; the terms those definitions use (§1); and how the
 * appraisal turns values into points, totals and ranks (§5), so that a
 * printed workbook explains itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"

static const struct {
  const char *key;
  const char *definition;
} definitions[] = {
  /* 3.1 Pre-sales response */
  { "response_rate_30s", N_("Turns in the evaluation window answered by a person within 30 seconds ÷ turns in the window; unanswered turns count in the denominator.") },
  { "response_rate_3min", N_("Turns in the window answered by a person within 3 minutes ÷ turns in the window.") },
  { "response_rate_5min", N_("Turns in the window answered by a person within 5 minutes ÷ turns in the window.") },
  { "avg_response_time", N_("Mean time from the start of a turn to the first manual reply, over the answered turns that start in the window.") },
  { "first_response_time", N_("Mean time from a conversation’s first buyer message to its first manual reply, over the answered conversations that start in the window.") },
  { "effective_reply_rate", N_("Buyers who wrote in the window and had every turn answered within 60 minutes ÷ buyers who wrote in the window, per buyer and day (Pinduoduo’s rule).") },
  { "unreplied_buyers", N_("Buyers with at least one turn in the window that no person ever answered.") },
  { "slow_responses", N_("Answered turns that waited more than 120 seconds for a manual reply.") },
  { "qa_ratio", N_("Messages the agent sent by hand ÷ messages from buyers.") },
  /* 3.2 Volume and workload */
  { "consult_buyers", N_("Distinct buyers who wrote to the shop or the agent.") },
  { "inquiry_buyers", N_("Consulting buyers who asked before ordering (pre-sales).") },
  { "received_buyers", N_("Buyers who got at least one manual reply.") },
  { "sessions_received", N_("Conversations with at least one manual reply.") },
  { "transfer_sessions", N_("Conversations the robot handed over to a person.") },
  { "pickup_rate", N_("Conversations picked up by a person ÷ conversations handed over to a person (Douyin).") },
  { "avg_wait_time", N_("Mean time from entering the queue to being assigned to an agent (Douyin).") },
  { "online_days", N_("Days the agent was online.") },
  { "messages_sent", N_("Messages the agent sent by hand.") },
  /* 3.3 Sales and conversion */
  { "inquiry_conversion_rate", N_("Inquiring buyers who paid within the conversion window after their first inquiry (3 days by default) ÷ inquiring buyers.") },
  { "payment_rate", N_("Paid orders ÷ placed orders, over the orders attributed to the agent.") },
  { "agent_sales", N_("Amount paid for the orders attributed to the agent: an order belongs to the agent of the buyer’s last manual reply before it was placed.") },
  { "unit_price", N_("Agent sales ÷ paying buyers.") },
  { "unit_price_ratio", N_("The agent’s unit price per buyer ÷ the shop’s unit price per buyer in the same period.") },
  { "items_per_buyer", N_("Items sold ÷ paying buyers.") },
  { "repeat_purchase_rate", N_("Buyers with two or more paid orders in the period ÷ paying buyers.") },
  /* 3.4 After-sales */
  { "monthly_returns", N_("Returned orders attributed to the agent in the period (a count).") },
  { "return_rate", N_("Returned orders ÷ paid orders.") },
  { "quality_return_rate", N_("Orders returned for quality reasons within 14 days of payment ÷ orders paid (Douyin).") },
  { "complaint_rate", N_("Orders with a complaint within 14 days of payment ÷ orders paid (Douyin).") },
  { "complaints", N_("Complaints in the period, as Pinduoduo’s exports count them.") },
  { "dispute_refund_rate", N_("Refunds the platform ruled against the merchant ÷ refunds (Pinduoduo).") },
  { "dispute_refunds", N_("Refunds the platform ruled against the merchant.") },
  { "low_rating_orders", N_("Reviews that rate the item 3 or lower.") },
  { "avg_refund_time", N_("Mean hours from applying for a refund to its completion, over refunds without a return.") },
  { "avg_aftersale_time", N_("Mean hours from applying for after-sales to its completion.") },
  { "refund_amount", N_("Amount refunded by the refunds completed in the period.") },
  /* 3.5 Satisfaction and reviews */
  { "satisfaction_rate", N_("(Very satisfied + satisfied) ÷ rated conversations.") },
  { "dissatisfaction_rate", N_("(Dissatisfied + very dissatisfied) ÷ rated conversations.") },
  { "review_rate", N_("Orders reviewed within 14 days of receipt ÷ received orders.") },
  { "good_review_rate", N_("Good reviews ÷ reviews.") },
  { "bad_review_rate", N_("Bad reviews ÷ reviews.") },
  { "dsr_description", N_("Rating of the item as described: the sum of the last 6 months’ ratings ÷ their number (Taobao).") },
  { "dsr_service", N_("Rating of the service: the sum of the last 6 months’ ratings ÷ their number (Taobao).") },
  { "dsr_logistics", N_("Rating of the logistics: the sum of the last 6 months’ ratings ÷ their number (Taobao).") },
  /* 3.6 Shop funnel */
  { "visit_depth", N_("Page views ÷ visitors.") },
  { "consult_rate", N_("Consulting buyers ÷ visitors.") },
  { "consult_conversion_rate", N_("Consulting buyers who paid ÷ consulting buyers.") },
};

static const char * const terms[] = {
  N_("Turn: a run of buyer messages up to the first manual reply, which answers it."),
  N_("Evaluation window: the daily hours in which turns count, 08:00–23:00 unless the shop sets otherwise."),
  N_("Manual reply: a message a person sent — text, emoji, pictures, and cards or coupons sent by hand; automatic and robot replies are not."),
  N_("Conversation: a new one starts when a buyer writes more than 10 minutes after the last message and no turn of theirs is waiting."),
  N_("Conversion window: the days after a buyer’s first inquiry in which a payment counts, 3 by default."),
};

static const char * const rules[] = {
  N_("A value is first rounded to the precision shown — rates to 0.01 percentage point, seconds and hours to 0.1, money to ¥0.01, ratios to 0.001, counts exactly — and then compared with the bounds, so that 41.00% is always in the “≥ 41%” row."),
  N_("The first row of the item’s table that contains the value gives its points; a linear row scores on a straight line between its bounds. A value that falls into no row shows #N/A: it is an error of the scheme, never a silent 0, and the total is incomplete."),
  N_("Weighted points = points × weight ÷ 100; the total is their sum, rounded to 0.01."),
  N_("Agents are ranked by total: equal totals share a rank and the next rank is skipped (1, 1, 3). Incomplete totals are shown but not ranked."),
  N_("A value marked ≈ is estimated: the export gave only a rate or an average, and Kefu rebuilt its numerator from the best count of the same row."),
  N_("A missing value is never 0: the item scores as the scheme says — by default it is reported missing and the total is incomplete."),
};

const char *
_kefu_workbook_metric_definition (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    if (g_strcmp0 (definitions[i].key, key) == 0)
      return definitions[i].definition;
  return NULL;
}

static const char *
category_label (KefuWorkbookContext *ctx,
                const char          *category)
{
  if (g_strcmp0 (category, "presales") == 0)
    return TR (ctx, N_("Pre-sales response"));
  if (g_strcmp0 (category, "volume") == 0)
    return TR (ctx, N_("Volume and workload"));
  if (g_strcmp0 (category, "sales") == 0)
    return TR (ctx, N_("Sales and conversion"));
  if (g_strcmp0 (category, "aftersales") == 0)
    return TR (ctx, N_("After-sales"));
  if (g_strcmp0 (category, "satisfaction") == 0)
    return TR (ctx, N_("Satisfaction and reviews"));
  if (g_strcmp0 (category, "funnel") == 0)
    return TR (ctx, N_("Shop funnel"));
  return category;
}

static guint
write_paragraphs (KefuWorkbookContext *ctx,
                  guint                row,
                  const char          *heading,
                  const char * const  *texts,
                  guint                n)
{
  worksheet_write_string (ctx->definitions, row++, 0, heading, ctx->formats.subtitle);
  for (guint i = 0; i < n; i++, row++)
    {
      const char *text = TR (ctx, texts[i]);

      worksheet_set_row (ctx->definitions, row, 15 * (_kefu_workbook_text_width (text) / 130 + 1), NULL);
      worksheet_merge_range (ctx->definitions, row, 0, row, 5, text, ctx->formats.text_wrap);
    }
  return row + 1;
}

/**
 * _kefu_workbook_write_definitions:
 *
 * Writes the Definitions sheet.
 */
gboolean
_kefu_workbook_write_definitions (KefuWorkbookContext  *ctx,
                                  GError              **error)
{
  lxw_worksheet *sheet = ctx->definitions;
  KefuWorkbookFormats *f = &ctx->formats;
  const char *headings[] = {
    TR (ctx, N_("Category")), TR (ctx, N_("Metric")), TR (ctx, N_("Key")), TR (ctx, N_("Unit")),
    TR (ctx, N_("Definition")), TR (ctx, N_("In this scheme")),
  };
  static const double widths[] = { 16, 22, 24, 12, 70, 10 };
  const KefuMetricInfo *metrics;
  guint n_metrics, row = 3;

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);

  worksheet_write_string (sheet, 0, 0, TR (ctx, N_("Definitions")), f->title);
  worksheet_write_string (sheet, 1, 0,
                          TR (ctx, N_("Every metric as Kefu computes it from the imported exports and "
                                      "logs; the same definitions as in the application.")),
                          f->note);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    worksheet_write_string (sheet, row, c, headings[c], c == 4 ? f->header_left : f->header);
  row++;

  metrics = kefu_metric_get_all (&n_metrics);
  for (guint i = 0; i < n_metrics; i++, row++)
    {
      const KefuMetricInfo *info = &metrics[i];
      const char *definition = _kefu_workbook_metric_definition (info->key);
      gboolean used = kefu_scheme_find_item (ctx->scheme, KEFU_ITEM_KIND_METRIC, info->key) != NULL;
      const char *better = info->better == KEFU_BETTER_HIGHER ? " ↑"
                           : info->better == KEFU_BETTER_LOWER ? " ↓" : "";
      g_autofree char *label = g_strconcat (TR (ctx, info->label), better, NULL);
      const char *text = definition != NULL ? TR (ctx, definition) : "";

      worksheet_set_row (sheet, row, 15 * (_kefu_workbook_text_width (text) / 72 + 1), NULL);
      worksheet_write_string (sheet, row, 0, category_label (ctx, info->category), f->text);
      worksheet_write_string (sheet, row, 1, label, used ? f->text_bold : f->text);
      worksheet_write_string (sheet, row, 2, info->key, f->text);
      worksheet_write_string (sheet, row, 3, _kefu_workbook_unit_name (ctx, info->unit), f->text);
      worksheet_write_string (sheet, row, 4, text, f->text_wrap);
      worksheet_write_string (sheet, row, 5, used ? "✓" : "", f->center);
    }
  worksheet_write_string (sheet, row++, 0, TR (ctx, N_("↑ higher is better · ↓ lower is better")), f->note);
  row++;

  row = write_paragraphs (ctx, row, TR (ctx, N_("Terms")), terms, G_N_ELEMENTS (terms));
  write_paragraphs (ctx, row, TR (ctx, N_("How the appraisal is computed")), rules, G_N_ELEMENTS (rules));

  worksheet_freeze_panes (sheet, 4, 0);
  worksheet_set_portrait (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 3, 3);
  return TRUE;
}
