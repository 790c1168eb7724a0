/* kefu-period.c — a closed range of days: a day, a week, a month or any range
 *
 * Days are calendar days in the shop's own time zone, so a period is a
 * pair of GDates, not of instants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "kefu-period.h"

struct _KefuPeriod
{
  KefuGranularity granularity;
  GDate           first;
  GDate           last;
};

G_DEFINE_BOXED_TYPE (KefuPeriod, kefu_period, kefu_period_copy, kefu_period_free)

static const char * const granularity_names[] = {
  [KEFU_GRANULARITY_DAY]   = "day",
  [KEFU_GRANULARITY_WEEK]  = "week",
  [KEFU_GRANULARITY_MONTH] = "month",
  [KEFU_GRANULARITY_RANGE] = "range",
};

/**
 * kefu_period_new:
 * @day: any day inside the wanted period
 *
 * Returns: (transfer full): the day, week or month that contains @day;
 *   for %KEFU_GRANULARITY_RANGE, the range of @day alone
 */
KefuPeriod *
kefu_period_new (KefuGranularity  granularity,
                 const GDate     *day)
{
  KefuPeriod *self;

  g_return_val_if_fail (granularity <= KEFU_GRANULARITY_RANGE, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_new0 (KefuPeriod, 1);
  self->granularity = granularity;
  self->first = *day;

  switch (granularity)
    {
    case KEFU_GRANULARITY_DAY:
    case KEFU_GRANULARITY_RANGE:
      break;
    case KEFU_GRANULARITY_WEEK:
      g_date_subtract_days (&self->first, g_date_get_weekday (day) - G_DATE_MONDAY);
      break;
    case KEFU_GRANULARITY_MONTH:
      g_date_set_day (&self->first, 1);
      break;
    default:
      g_assert_not_reached ();
    }

  self->last = self->first;
  switch (granularity)
    {
    case KEFU_GRANULARITY_DAY:
    case KEFU_GRANULARITY_RANGE:
      break;
    case KEFU_GRANULARITY_WEEK:
      g_date_add_days (&self->last, 6);
      break;
    case KEFU_GRANULARITY_MONTH:
      g_date_set_day (&self->last, g_date_get_days_in_month (g_date_get_month (day),
                                                               g_date_get_year (day)));
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

/**
 * kefu_period_new_range:
 * @first: the first day
 * @last: the last day, not before @first
 *
 * Returns: (transfer full): the days from @first to @last
 */
KefuPeriod *
kefu_period_new_range (const GDate *first,
                       const GDate *last)
{
  KefuPeriod *self;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  self = g_new0 (KefuPeriod, 1);
  self->granularity = KEFU_GRANULARITY_RANGE;
  self->first = *first;
  self->last = *last;
  return self;
}

KefuPeriod *
kefu_period_new_today (KefuGranularity granularity)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return kefu_period_new (granularity, &today);
}

KefuPeriod *
kefu_period_copy (const KefuPeriod *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
kefu_period_free (KefuPeriod *self)
{
  g_free (self);
}

gboolean
kefu_period_equal (const KefuPeriod *a,
                   const KefuPeriod *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->granularity == b->granularity &&
         g_date_compare (&a->first, &b->first) == 0 &&
         g_date_compare (&a->last, &b->last) == 0;
}

KefuGranularity
kefu_period_get_granularity (const KefuPeriod *self)
{
  return self->granularity;
}

void
kefu_period_get_first (const KefuPeriod *self,
                       GDate            *first)
{
  *first = self->first;
}

void
kefu_period_get_last (const KefuPeriod *self,
                      GDate            *last)
{
  *last = self->last;
}

guint
kefu_period_get_n_days (const KefuPeriod *self)
{
  return g_date_days_between (&self->first, &self->last) + 1;
}

/**
 * kefu_period_shift:
 * @n: how many periods forward (negative: back)
 *
 * Returns: (transfer full): the period @n steps away, of the same length;
 *   a range moves by as many days as it has
 */
KefuPeriod *
kefu_period_shift (const KefuPeriod *self,
                   int               n)
{
  GDate day = self->first;
  GDate last = self->last;
  int days;

  if (self->granularity == KEFU_GRANULARITY_RANGE)
    {
      days = n * (int) kefu_period_get_n_days (self);
      if (days >= 0)
        {
          g_date_add_days (&day, days);
          g_date_add_days (&last, days);
        }
      else
        {
          g_date_subtract_days (&day, -days);
          g_date_subtract_days (&last, -days);
        }
      return kefu_period_new_range (&day, &last);
    }

  switch (self->granularity)
    {
    case KEFU_GRANULARITY_DAY:
      n >= 0 ? g_date_add_days (&day, n) : g_date_subtract_days (&day, -n);
      break;
    case KEFU_GRANULARITY_WEEK:
      n >= 0 ? g_date_add_days (&day, 7 * n) : g_date_subtract_days (&day, -7 * n);
      break;
    case KEFU_GRANULARITY_MONTH:
      n >= 0 ? g_date_add_months (&day, n) : g_date_subtract_months (&day, -n);
      break;
    default:
      g_assert_not_reached ();
    }

  return kefu_period_new (self->granularity, &day);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (dt, format);
}

/**
 * kefu_period_format:
 *
 * Returns: (transfer full): the period as a manager reads it, in the
 *   user's language: “2026年11月”, “November 2026”…
 */
char *
kefu_period_format (const KefuPeriod *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  switch (self->granularity)
    {
    case KEFU_GRANULARITY_DAY:
      /* Translators: a day as a period, strftime format */
      return format_date (&self->first, C_("day period", "%b %-d, %Y"));

    case KEFU_GRANULARITY_WEEK:
      /* Translators: first day of a week, strftime format */
      first = format_date (&self->first, C_("week start", "%b %-d"));
      /* Translators: last day of a week, strftime format */
      last = format_date (&self->last, C_("week end", "%b %-d, %Y"));
      /* Translators: a week, from its first to its last day */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);

    case KEFU_GRANULARITY_MONTH:
      /* Translators: a month as a period, strftime format */
      return format_date (&self->first, C_("period", "%B %Y"));

    case KEFU_GRANULARITY_RANGE:
      if (g_date_compare (&self->first, &self->last) == 0)
        return format_date (&self->first, C_("day period", "%b %-d, %Y"));
      /* Short, for the header bar: “Oct 1–15, 2026”. */
      if (g_date_get_year (&self->first) == g_date_get_year (&self->last) &&
          g_date_get_month (&self->first) == g_date_get_month (&self->last))
        {
          /* Translators: first day of a range within one month, strftime format */
          first = format_date (&self->first, C_("range start in a month", "%b %-d"));
          /* Translators: last day of a range within one month, strftime format */
          last = format_date (&self->last, C_("range end in a month", "%-d, %Y"));
          /* Translators: a range of days within one month, from its first to its last */
          return g_strdup_printf (C_("range in a month", "%s–%s"), first, last);
        }
      if (g_date_get_year (&self->first) == g_date_get_year (&self->last))
        /* Translators: first day of a range in the same year as its last, strftime format */
        first = format_date (&self->first, C_("range start", "%b %-d"));
      else
        /* Translators: a day of a range across years, strftime format */
        first = format_date (&self->first, C_("range end", "%b %-d, %Y"));
      /* Translators: last day of a range, strftime format */
      last = format_date (&self->last, C_("range end", "%b %-d, %Y"));
      /* Translators: a range of days, from its first to its last */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);

    default:
      g_assert_not_reached ();
    }
}

/**
 * kefu_day_to_string:
 *
 * A day as the store and data files write it, whatever the locale.
 *
 * Returns: (transfer full) (nullable): `2026-11-01`, or %NULL for an
 *   invalid day
 */
char *
kefu_day_to_string (const GDate *day)
{
  if (!g_date_valid (day))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

/**
 * kefu_period_to_string:
 *
 * Returns: (transfer full): a stable text form, `month:2026-11-01`,
 *   `range:2026-10-01..2026-10-30`
 */
char *
kefu_period_to_string (const KefuPeriod *self)
{
  g_autofree char *first = kefu_day_to_string (&self->first);
  g_autofree char *last = NULL;

  if (self->granularity == KEFU_GRANULARITY_RANGE)
    {
      last = kefu_day_to_string (&self->last);
      return g_strdup_printf ("range:%s..%s", first, last);
    }
  return g_strdup_printf ("%s:%s", granularity_names[self->granularity], first);
}

/* FIRST..LAST, both YYYY-MM-DD, FIRST not after LAST. */
static KefuPeriod *
parse_range (const char *text)
{
  guint y1, m1, d1, y2, m2, d2;
  char tail;
  GDate first, last;

  if (sscanf (text, "%4u-%2u-%2u..%4u-%2u-%2u%c", &y1, &m1, &d1, &y2, &m2, &d2, &tail) != 6 ||
      !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return NULL;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, d1, m1, y1);
  g_date_set_dmy (&last, d2, m2, y2);
  if (g_date_compare (&first, &last) > 0)
    return NULL;
  return kefu_period_new_range (&first, &last);
}

/**
 * kefu_period_parse:
 * @text: a period written by kefu_period_to_string()
 *
 * Returns: (transfer full) (nullable): the period, or %NULL when @text
 *   is not one
 */
KefuPeriod *
kefu_period_parse (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint year, month, day;
  char tail;
  GDate date;

  if (text == NULL)
    return NULL;

  parts = g_strsplit (text, ":", 2);
  if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "range"))
    return parse_range (parts[1]);
  if (g_strv_length (parts) != 2 ||
      sscanf (parts[1], "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  for (guint i = 0; i < KEFU_GRANULARITY_RANGE; i++)
    if (g_str_equal (parts[0], granularity_names[i]))
      return kefu_period_new (i, &date);

  return NULL;
}
