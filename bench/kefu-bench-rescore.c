/* kefu-bench-rescore.c — how long the Scoring view's live preview takes
 *
 * kefu-bench-rescore [AGENTS] [SCHEME] [ROUNDS]
 *
 * What the editor does before the next frame after every edit: score
 * every agent of the period with the scheme (kefu_score_report_new) and
 * validate the scheme (kefu_scheme_validate). The metric table holds
 * AGENTS agents (200) with every metric the scheme scores, made up by a
 * fixed generator so each run scores the same figures; each item of the
 * built-in SCHEME (womenswear-composite) is scored, one in twenty values
 * missing. Prints the best, median and worst of ROUNDS (500) in µs of
 * the thread's CPU time — what the work costs, whatever else the machine
 * runs — and the median wall time beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kefu-core.h"

static guint32 state = 20261001;

static double
next_random (void)
{
  state = state * 1103515245u + 12345u;
  return (state >> 8) / (double) (1u << 24);
}

/* A value in the range the metric's brackets care about. */
static double
make_value (const KefuMetricInfo *info)
{
  switch (info->unit)
    {
    case KEFU_UNIT_FRACTION: return 0.2 + next_random () * 0.8;
    case KEFU_UNIT_SECONDS:  return 5 + next_random () * 40;
    case KEFU_UNIT_RATIO:    return 1.1 + next_random () * 0.2;
    case KEFU_UNIT_SCORE:    return 4 + next_random ();
    case KEFU_UNIT_COUNT:    return floor (next_random () * 25);
    default:                 return next_random () * 100;
    }
}

static KefuMetricTable *
make_table (KefuScheme *scheme,
            guint       n_agents)
{
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (31, G_DATE_OCTOBER, 2026);
  KefuMetricTable *table = kefu_metric_table_new (KEFU_GROUP_AGENT, from, to);
  g_auto(GStrv) keys = kefu_scheme_get_metric_keys (scheme);

  for (guint a = 1; a <= n_agents; a++)
    {
      g_autofree char *name = g_strdup_printf ("客服%03u", a);
      KefuMetricRowKey key = { .agent_id = a, .agent_name = name, .agent_account = name, .hour = -1 };
      guint row = kefu_metric_table_add_row (table, &key);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          const KefuMetricInfo *info = kefu_metric_lookup (keys[k]);
          KefuMetricValue value = { 0 };

          if (next_random () < 0.05)
            {
              value.value = value.numerator = value.denominator = NAN;
              value.missing = KEFU_METRIC_MISSING_NO_DATA;
            }
          else
            {
              value.value = make_value (info);
              value.numerator = value.value * 100;
              value.denominator = 100;
            }
          kefu_metric_table_set (table, row, keys[k], &value);
        }
    }
  return table;
}

static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static int
compare (const void *a,
         const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint n_agents = argc > 1 ? (guint) atoi (argv[1]) : 200;
  const char *id = argc > 2 ? argv[2] : "womenswear-composite";
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 500;
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuScheme) scheme = kefu_scheme_new_builtin (id, &error);
  g_autoptr(KefuMetricTable) table = NULL;
  g_autoptr(KefuManualScores) manual = kefu_manual_scores_new ();
  g_autofree gint64 *score_times = NULL;
  g_autofree gint64 *total_times = NULL;
  g_autofree gint64 *wall_times = NULL;
  guint ranked = 0;

  if (scheme == NULL || n_agents == 0 || rounds == 0)
    {
      g_printerr ("usage: kefu-bench-rescore [AGENTS] [SCHEME] [ROUNDS]%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      return EXIT_FAILURE;
    }

  table = make_table (scheme, n_agents);
  score_times = g_new (gint64, rounds);
  total_times = g_new (gint64, rounds);
  wall_times = g_new (gint64, rounds);

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(KefuScoreReport) report = NULL;
      g_autoptr(GListModel) issues = NULL;
      gint64 wall = g_get_monotonic_time ();
      gint64 start = cpu_time ();

      /* An edit, as the editor would make it: the first item's weight. */
      kefu_scheme_item_set_weight (kefu_scheme_get_item (scheme, 0), 20 + r % 20);
      report = kefu_score_report_new (scheme, table, manual);
      score_times[r] = cpu_time () - start;
      issues = kefu_scheme_validate (scheme, table);
      total_times[r] = cpu_time () - start;
      wall_times[r] = g_get_monotonic_time () - wall;

      if (r == 0)
        for (guint i = 0; i < g_list_model_get_n_items (kefu_score_report_get_agents (report)); i++)
          {
            g_autoptr(KefuAgentScore) agent = g_list_model_get_item (kefu_score_report_get_agents (report), i);

            ranked += kefu_agent_score_get_rank (agent) > 0;
          }
    }

  qsort (score_times, rounds, sizeof (gint64), compare);
  qsort (total_times, rounds, sizeof (gint64), compare);
  qsort (wall_times, rounds, sizeof (gint64), compare);
  printf ("%u agents × %u items of %s, %u rounds (%u agents ranked)\n",
          n_agents, kefu_scheme_get_n_items (scheme), id, rounds, ranked);
  printf ("CPU time:\n");
  printf ("%-36s best %6ld µs   median %6ld µs   worst %6ld µs\n", "re-score (kefu_score_report_new)",
          (long) score_times[0], (long) score_times[rounds / 2], (long) score_times[rounds - 1]);
  printf ("%-36s best %6ld µs   median %6ld µs   worst %6ld µs\n", "re-score + validate",
          (long) total_times[0], (long) total_times[rounds / 2], (long) total_times[rounds - 1]);
  printf ("%-36s best %6ld µs   median %6ld µs   (wall time, on a busy machine)\n", "re-score + validate",
          (long) wall_times[0], (long) wall_times[rounds / 2]);
  printf ("%-36s %ld µs (one frame at 60 Hz)\n", "budget", 16667L);
  return EXIT_SUCCESS;
}
