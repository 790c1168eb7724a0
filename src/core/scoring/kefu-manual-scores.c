/* kefu-manual-scores.c — the points a manager gives by hand, per agent and item
 *
 * Manual items of a scheme (日常工作, 出勤, 主管评分 …) take their values from
 * here: from the database (kefu_store_load_manual_scores()) or from a
 * sheet the manager fills in (kefu-cli score --manual FILE). An agent is
 * known by id (from the database) or by name or account (from a sheet);
 * an item by its id or its label.
 *
 * A sheet (CSV, XLSX or .xls, read like any import) has a header row and
 * either one row per agent and item —
 *
 *     客服,项目,得分,备注            agent,item,points,note
 *     A,supervisor,90,               A,attendance,100,
 *
 * — or one row per agent and one column per item (wide):
 *
 *     客服,出勤,主管评分
 *     A,100,90
 *
 * Points are 0–100; an empty or placeholder cell (-, 无 …) gives no score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "import/kefu-value.h"
#include "io/kefu-table-reader.h"
#include "scoring/kefu-manual-scores.h"

typedef struct
{
  gint64  agent_id;
  char   *agent;
  char   *item;
  double  points;
  char   *note;
} Score;

struct _KefuManualScores
{
  GObject    parent_instance;

  GPtrArray *scores;   /* Score*, later entries win */
};

G_DEFINE_FINAL_TYPE (KefuManualScores, kefu_manual_scores, G_TYPE_OBJECT)

static void
score_free (gpointer data)
{
  Score *score = data;

  g_free (score->agent);
  g_free (score->item);
  g_free (score->note);
  g_free (score);
}

static void
kefu_manual_scores_finalize (GObject *object)
{
  KefuManualScores *self = KEFU_MANUAL_SCORES (object);

  g_ptr_array_unref (self->scores);

  G_OBJECT_CLASS (kefu_manual_scores_parent_class)->finalize (object);
}

static void
kefu_manual_scores_class_init (KefuManualScoresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_manual_scores_finalize;
}

static void
kefu_manual_scores_init (KefuManualScores *self)
{
  self->scores = g_ptr_array_new_with_free_func (score_free);
}

KefuManualScores *
kefu_manual_scores_new (void)
{
  return g_object_new (KEFU_TYPE_MANUAL_SCORES, NULL);
}

/**
 * kefu_manual_scores_set:
 * @agent_id: the agent's id in the database, or 0
 * @agent: (nullable): the agent's name or account, when the id is unknown
 * @item: the manual item's id (or label)
 * @note: (nullable): the manager's remark
 *
 * Gives @agent @points for @item, replacing an earlier score.
 */
void
kefu_manual_scores_set (KefuManualScores *self,
                        gint64            agent_id,
                        const char       *agent,
                        const char       *item,
                        double            points,
                        const char       *note)
{
  Score *score;

  g_return_if_fail (KEFU_IS_MANUAL_SCORES (self));
  g_return_if_fail (agent_id > 0 || agent != NULL);
  g_return_if_fail (item != NULL);

  score = g_new0 (Score, 1);
  score->agent_id = agent_id;
  score->agent = g_strdup (agent);
  score->item = g_strdup (item);
  score->points = points;
  score->note = g_strdup (note);
  g_ptr_array_add (self->scores, score);
}

static gboolean
same_agent (const Score *score,
            gint64       agent_id,
            const char  *name,
            const char  *account)
{
  if (score->agent_id > 0 && agent_id > 0)
    return score->agent_id == agent_id;
  if (score->agent == NULL)
    return FALSE;
  return g_strcmp0 (score->agent, name) == 0 || g_strcmp0 (score->agent, account) == 0;
}

/**
 * kefu_manual_scores_lookup:
 * @item: the item's id or label
 * @points: (out): the points
 * @note: (out) (optional) (transfer none): the remark, or %NULL
 *
 * Returns: whether the agent has points for @item
 */
gboolean
kefu_manual_scores_lookup (KefuManualScores  *self,
                           gint64             agent_id,
                           const char        *agent_name,
                           const char        *agent_account,
                           const char        *item,
                           double            *points,
                           const char       **note)
{
  g_return_val_if_fail (KEFU_IS_MANUAL_SCORES (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  /* The latest entry wins. */
  for (guint i = self->scores->len; i > 0; i--)
    {
      const Score *score = g_ptr_array_index (self->scores, i - 1);

      if (g_str_equal (score->item, item) &&
          same_agent (score, agent_id, agent_name, agent_account))
        {
          *points = score->points;
          if (note != NULL)
            *note = score->note;
          return TRUE;
        }
    }
  return FALSE;
}

guint
kefu_manual_scores_get_n_scores (KefuManualScores *self)
{
  g_return_val_if_fail (KEFU_IS_MANUAL_SCORES (self), 0);
  return self->scores->len;
}

/**
 * kefu_manual_scores_merge:
 *
 * Adds the scores of @other; where both have one, @other's wins.
 */
void
kefu_manual_scores_merge (KefuManualScores *self,
                          KefuManualScores *other)
{
  g_return_if_fail (KEFU_IS_MANUAL_SCORES (self));
  g_return_if_fail (KEFU_IS_MANUAL_SCORES (other));

  for (guint i = 0; i < other->scores->len; i++)
    {
      const Score *score = g_ptr_array_index (other->scores, i);
      kefu_manual_scores_set (self, score->agent_id, score->agent, score->item,
                              score->points, score->note);
    }
}

static char *
cell_text (const KefuRow *row,
           guint          column)
{
  const KefuCell *cell = kefu_row_get_cell (row, column);

  if (cell->text == NULL)
    return NULL;
  return g_strstrip (g_strdup (cell->text));
}

static gboolean
header_is (const char         *text,
           const char * const *names)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  return g_strv_contains (names, folded);
}

static const char * const agent_names[] = { "agent", "客服", "客服账号", "客服昵称", "客服名称", "姓名", NULL };
static const char * const item_names[] = { "item", "项目", "考核项", "考核项目", NULL };
static const char * const points_names[] = { "points", "score", "得分", "分数", "评分", NULL };
static const char * const note_names[] = { "note", "备注", "说明", NULL };

/**
 * kefu_manual_scores_load_file:
 *
 * Adds the scores of a sheet (see the top of this file). A cell that is
 * not a number from 0 to 100 refuses the whole file, naming its row and
 * column.
 */
gboolean
kefu_manual_scores_load_file (KefuManualScores  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(KefuTableReader) reader = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KefuManualScores) loaded = kefu_manual_scores_new ();
  g_autoptr(GError) local_error = NULL;
  const KefuRow *row;
  int agent_column = -1, item_column = -1, points_column = -1, note_column = -1;
  const char *name;

  g_return_val_if_fail (KEFU_IS_MANUAL_SCORES (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reader = kefu_table_reader_open (path, NULL, error);
  if (reader == NULL)
    return FALSE;
  name = kefu_table_reader_get_display_name (reader);

  row = kefu_table_reader_next_row (reader, &local_error);
  if (row == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is empty; expected a header row with 客服/agent and the "
                       "items’ points"), name);
      return FALSE;
    }

  for (guint c = 0; c < row->n_cells; c++)
    {
      char *text = cell_text (row, c);

      if (agent_column < 0 && header_is (text, agent_names))
        agent_column = c;
      else if (item_column < 0 && header_is (text, item_names))
        item_column = c;
      else if (points_column < 0 && header_is (text, points_names))
        points_column = c;
      else if (note_column < 0 && header_is (text, note_names))
        note_column = c;
      g_ptr_array_add (headers, text);
    }

  if (agent_column < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” has no 客服 (agent) column in its first row"), name);
      return FALSE;
    }
  if ((item_column < 0) != (points_column < 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” needs both a 项目 (item) and a 得分 (points) column, or one "
                     "column of points per item"), name);
      return FALSE;
    }

  while ((row = kefu_table_reader_next_row (reader, &local_error)) != NULL)
    {
      g_autofree char *agent = cell_text (row, agent_column);
      gboolean wide = item_column < 0;

      if (agent == NULL || *agent == '\0')
        continue;

      for (guint c = 0; c < (wide ? headers->len : 1); c++)
        {
          guint column = wide ? c : (guint) points_column;
          g_autofree char *item = NULL;
          g_autofree char *note = NULL;
          KefuValue value;

          if (wide && ((int) c == agent_column || (int) c == note_column ||
                       g_ptr_array_index (headers, c) == NULL ||
                       *(char *) g_ptr_array_index (headers, c) == '\0'))
            continue;

          item = wide ? g_strdup (g_ptr_array_index (headers, c)) : cell_text (row, item_column);
          if (item == NULL || *item == '\0')
            continue;

          value = kefu_value_parse_number (kefu_row_get_cell (row, column));
          if (value.status == KEFU_VALUE_MISSING)
            continue;
          if (value.status != KEFU_VALUE_OK || value.number < 0 || value.number > 100)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("“%s”, row %lu, column %u: “%s” is not points "
                             "from 0 to 100"), name, (gulong) row->number, column + 1,
                           kefu_row_get_cell (row, column)->text);
              return FALSE;
            }

          if (note_column >= 0)
            note = cell_text (row, note_column);
          kefu_manual_scores_set (loaded, 0, agent, item, value.number,
                                  note != NULL && *note != '\0' ? note : NULL);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  kefu_manual_scores_merge (self, loaded);
  return TRUE;
}
