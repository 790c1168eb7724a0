/* kefu-import-events.c — orders, refunds, conversations and messages into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "import/kefu-import-private.h"

static const struct {
  const char *text;
  KefuSender  sender;
} sender_names[] = {
  { "买家", KEFU_SENDER_BUYER }, { "buyer", KEFU_SENDER_BUYER }, { "顾客", KEFU_SENDER_BUYER },
  { "客户", KEFU_SENDER_BUYER }, { "客服", KEFU_SENDER_AGENT }, { "agent", KEFU_SENDER_AGENT },
  { "人工", KEFU_SENDER_AGENT }, { "机器人", KEFU_SENDER_ROBOT }, { "robot", KEFU_SENDER_ROBOT },
  { "智能客服", KEFU_SENDER_ROBOT }, { "自动回复", KEFU_SENDER_AUTO }, { "auto", KEFU_SENDER_AUTO },
  { "系统", KEFU_SENDER_SYSTEM }, { "system", KEFU_SENDER_SYSTEM },
};

gboolean
_kefu_import_order_row (Import         *import,
                        const KefuRow  *row,
                        GError        **error)
{
  static const char * const required[] = { "order_no", NULL };
  const char * const expected[] = { _("expected the order number"), NULL };
  g_autofree char *order_no = NULL;
  KefuOrder order = { 0 };
  const KefuValue *items;
  gboolean merge = FALSE;

  if (!_kefu_import_parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!_kefu_import_require_fields (import, row, required, expected))
    return TRUE;

  order_no = g_strstrip (g_strdup (_kefu_import_field_text (import, "order_no")));

  /* An export of order lines (抖店: one row per 子订单) makes one order of
   * the lines of each order number; a line listed twice counts once. */
  if (kefu_import_match_column (import->match, "sub_order") >= 0)
    {
      const char *line = _kefu_import_field_text (import, "sub_order");

      if (line != NULL)
        {
          g_autofree char *number = g_strstrip (g_strdup (line));

          if (!g_hash_table_add (import->seen_numbers, g_steal_pointer (&number)))
            {
              _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number,
                                    kefu_import_match_column (import->match, "sub_order"), line,
                                    _("the same order line as an earlier row; this row was left out"));
              import->facts->rows_skipped++;
              return TRUE;
            }
        }
      merge = !g_hash_table_add (import->seen_orders, g_strdup (order_no));
    }

  order.batch_id = import->batch_id;
  order.shop_id = import->shop_id;
  if (_kefu_import_field_text (import, "agent") != NULL && (order.agent_id = _kefu_import_row_agent (import, error)) == 0)
    return FALSE;
  order.order_no = order_no;
  order.buyer = _kefu_import_field_text (import, "buyer");
  order.status = _kefu_import_field_text (import, "status");
  order.after_sale = _kefu_import_field_text (import, "after_sale");
  order.created_at = _kefu_import_time_or_zero (import, "created_at");
  order.paid_at = _kefu_import_time_or_zero (import, "paid_at");
  order.amount = _kefu_import_field_value (import, "amount")->number;
  order.paid_amount = _kefu_import_field_value (import, "paid_amount")->number;
  items = _kefu_import_field_value (import, "items");
  order.items = items->status == KEFU_VALUE_OK ? (gint64) items->number : -1;

  if (merge ? !kefu_store_merge_order (import->store, &order, error)
            : !kefu_store_add_order (import->store, &order, error))
    return FALSE;

  if (order.created_at != 0 || order.paid_at != 0)
    _kefu_import_extend_seen_time (import, order.created_at != 0 ? order.created_at : order.paid_at);
  import->facts->rows_imported++;
  return TRUE;
}

gboolean
_kefu_import_refund_row (Import         *import,
                         const KefuRow  *row,
                         GError        **error)
{
  static const char * const required[] = { "refund_no", NULL };
  const char * const expected[] = { _("expected the refund number"), NULL };
  g_autofree char *refund_no = NULL;
  g_autofree char *order_no = NULL;
  KefuRefund refund = { 0 };

  if (!_kefu_import_parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!_kefu_import_require_fields (import, row, required, expected))
    return TRUE;

  /* A refund listed twice counts once. */
  refund_no = g_strstrip (g_strdup (_kefu_import_field_text (import, "refund_no")));
  if (g_hash_table_contains (import->seen_numbers, refund_no))
    {
      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number,
                            kefu_import_match_column (import->match, "refund_no"), refund_no,
                            _("the same refund number as an earlier row; this row was left out"));
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (_kefu_import_field_text (import, "order_no") != NULL)
    order_no = g_strstrip (g_strdup (_kefu_import_field_text (import, "order_no")));

  /* The platform's words as they are: the metric engine reads them. */
  refund.batch_id = import->batch_id;
  refund.shop_id = import->shop_id;
  refund.refund_no = refund_no;
  refund.order_no = order_no;
  refund.amount = _kefu_import_field_value (import, "amount")->number;
  refund.status = _kefu_import_field_text (import, "status");
  refund.goods_status = _kefu_import_field_text (import, "goods_status");
  refund.kind = _kefu_import_field_text (import, "kind");
  refund.reason = _kefu_import_field_text (import, "reason");
  refund.applied_at = _kefu_import_time_or_zero (import, "applied_at");
  refund.completed_at = _kefu_import_time_or_zero (import, "completed_at");

  if (!kefu_store_add_refund (import->store, &refund, error))
    return FALSE;
  g_hash_table_add (import->seen_numbers, g_steal_pointer (&refund_no));

  if (refund.applied_at != 0 || refund.completed_at != 0)
    _kefu_import_extend_seen_time (import, refund.applied_at != 0 ? refund.applied_at : refund.completed_at);
  import->facts->rows_imported++;
  return TRUE;
}

static const struct {
  const char *text;
  const char *rating;
} rating_names[] = {
  { "很满意", "very_satisfied" }, { "非常满意", "very_satisfied" },
  { "满意", "satisfied" }, { "一般", "neutral" },
  { "不满", "dissatisfied" }, { "不满意", "dissatisfied" },
  { "很不满", "very_dissatisfied" }, { "很不满意", "very_dissatisfied" },
  { "非常不满意", "very_dissatisfied" },
};

gboolean
_kefu_import_session_row (Import         *import,
                          const KefuRow  *row,
                          GError        **error)
{
  static const char * const required[] = { "started_at", NULL };
  const char * const expected[] = { _("expected the time the conversation started, such as 2026-10-01 08:03:12"), NULL };
  g_autofree char *rating = NULL;
  g_autofree char *transferred = NULL;
  KefuSession session = { 0 };

  if (!_kefu_import_parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }
  if (!_kefu_import_require_fields (import, row, required, expected))
    return TRUE;

  session.batch_id = import->batch_id;
  session.shop_id = import->shop_id;
  if (_kefu_import_field_text (import, "agent") != NULL && (session.agent_id = _kefu_import_row_agent (import, error)) == 0)
    return FALSE;
  session.conversation = _kefu_import_field_text (import, "conversation");
  session.buyer = _kefu_import_field_text (import, "buyer");
  session.started_at = _kefu_import_time_or_zero (import, "started_at");
  session.ended_at = _kefu_import_time_or_zero (import, "ended_at");
  session.queued_at = _kefu_import_time_or_zero (import, "queued_at");
  session.assigned_at = _kefu_import_time_or_zero (import, "assigned_at");

  transferred = kefu_header_normalise (_kefu_import_field_text (import, "transferred"));
  session.transferred = g_strv_contains ((const char *[]) { "是", "yes", "true", "1", "y", NULL }, transferred) ? 1
                      : g_strv_contains ((const char *[]) { "否", "no", "false", "0", "n", NULL }, transferred) ? 0
                      : -1;

  rating = kefu_header_normalise (_kefu_import_field_text (import, "rating"));
  for (guint i = 0; i < G_N_ELEMENTS (rating_names); i++)
    if (g_str_equal (rating, rating_names[i].text))
      session.rating = rating_names[i].rating;
  if (session.rating == NULL && *rating != '\0')
    {
      int column = kefu_import_match_column (import->match, "rating");

      _kefu_import_problem (import, KEFU_PROBLEM_NOTE, row->number, column, _kefu_import_field_text (import, "rating"),
                            _("not a rating Kefu knows (很满意, 满意, 一般, 不满, 很不满); stored as unrated"));
    }

  if (!kefu_store_add_session (import->store, &session, error))
    return FALSE;

  _kefu_import_extend_seen_time (import, session.started_at);
  import->facts->rows_imported++;
  return TRUE;
}

gboolean
_kefu_import_message_row (Import         *import,
                          const KefuRow  *row,
                          GError        **error)
{
  const KefuProfileColumn *sent_column = kefu_profile_get_field (import->profile, "sent_at");
  g_autofree char *buyer = NULL;
  g_autofree char *sender_text = NULL;
  KefuMessage message = { 0 };
  gboolean known_sender = FALSE;
  KefuValue sent;

  if (!_kefu_import_parse_row (import, row))
    {
      import->facts->rows_skipped++;
      return TRUE;
    }

  sent = import->values[sent_column - kefu_profile_get_column (import->profile, 0)];
  buyer = g_strdup (_kefu_import_field_text (import, "buyer"));
  sender_text = kefu_header_normalise (_kefu_import_field_text (import, "sender"));

  for (guint i = 0; i < G_N_ELEMENTS (sender_names); i++)
    if (g_strcmp0 (sender_text, sender_names[i].text) == 0)
      {
        message.sender = sender_names[i].sender;
        known_sender = TRUE;
      }

  if (sent.status != KEFU_VALUE_OK || buyer == NULL || !known_sender)
    {
      int column = kefu_import_match_column (import->match,
                                             sent.status != KEFU_VALUE_OK ? "sent_at"
                                             : buyer == NULL ? "buyer" : "sender");
      _kefu_import_problem (import, KEFU_PROBLEM_ERROR, row->number, column,
                            column >= 0 ? kefu_row_get_cell (row, column)->text : NULL,
                            sent.status != KEFU_VALUE_OK ? _("expected the time the message was sent, such as 2026-10-01 08:03:12")
                            : buyer == NULL ? _("expected the buyer who wrote or was written to")
                            : _("expected who sent it: 买家, 客服, 机器人, 自动回复 or 系统 (buyer, agent, robot, auto, system)"));
      import->facts->rows_skipped++;
      return TRUE;
    }

  if (_kefu_import_field_text (import, "agent") != NULL && (message.agent_id = _kefu_import_row_agent (import, error)) == 0)
    return FALSE;

  message.batch_id = import->batch_id;
  message.shop_id = import->shop_id;
  message.buyer = g_strstrip (buyer);
  message.sent_at = (gint64) sent.number;
  message.conversation = _kefu_import_field_text (import, "conversation");
  message.type = _kefu_import_field_text (import, "type");
  message.content = _kefu_import_field_text (import, "content");

  if (!kefu_store_add_message (import->store, &message, error))
    return FALSE;

  _kefu_import_extend_seen_time (import, message.sent_at);

  import->facts->rows_imported++;
  return TRUE;
}
