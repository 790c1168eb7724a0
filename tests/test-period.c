/* test-period.c — days, weeks and months as periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kefu-core.h"

static KefuPeriod *
period_for (KefuGranularity granularity,
            guint           year,
            guint           month,
            guint           day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return kefu_period_new (granularity, &date);
}

static void
assert_range (const KefuPeriod *period,
              const char       *first,
              const char       *last)
{
  char buffer[16];
  GDate date;

  kefu_period_get_first (period, &date);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  g_assert_cmpstr (buffer, ==, first);

  kefu_period_get_last (period, &date);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  g_assert_cmpstr (buffer, ==, last);
}

static void
test_month (void)
{
  g_autoptr(KefuPeriod) feb_leap = period_for (KEFU_GRANULARITY_MONTH, 2024, 2, 17);
  g_autoptr(KefuPeriod) feb = period_for (KEFU_GRANULARITY_MONTH, 2026, 2, 28);
  g_autoptr(KefuPeriod) oct = period_for (KEFU_GRANULARITY_MONTH, 2026, 10, 1);

  assert_range (feb_leap, "2024-02-01", "2024-02-29");
  g_assert_cmpuint (kefu_period_get_n_days (feb_leap), ==, 29);
  assert_range (feb, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (kefu_period_get_n_days (feb), ==, 28);
  assert_range (oct, "2026-10-01", "2026-10-31");
  g_assert_cmpuint (kefu_period_get_n_days (oct), ==, 31);
}

static void
test_week (void)
{
  /* 2026-11-30 is a Monday; 2026-11-29 a Sunday. */
  g_autoptr(KefuPeriod) monday = period_for (KEFU_GRANULARITY_WEEK, 2026, 11, 30);
  g_autoptr(KefuPeriod) sunday = period_for (KEFU_GRANULARITY_WEEK, 2026, 11, 29);
  g_autoptr(KefuPeriod) new_year = period_for (KEFU_GRANULARITY_WEEK, 2026, 12, 31);

  assert_range (monday, "2026-11-30", "2026-12-06");
  assert_range (sunday, "2026-11-23", "2026-11-29");
  assert_range (new_year, "2026-12-28", "2027-01-03");
  g_assert_cmpuint (kefu_period_get_n_days (new_year), ==, 7);
}

static void
test_day (void)
{
  g_autoptr(KefuPeriod) day = period_for (KEFU_GRANULARITY_DAY, 2026, 11, 30);

  assert_range (day, "2026-11-30", "2026-11-30");
  g_assert_cmpuint (kefu_period_get_n_days (day), ==, 1);
}

static void
test_shift (void)
{
  g_autoptr(KefuPeriod) jan = period_for (KEFU_GRANULARITY_MONTH, 2026, 1, 31);
  g_autoptr(KefuPeriod) feb = kefu_period_shift (jan, 1);
  g_autoptr(KefuPeriod) dec = kefu_period_shift (jan, -1);
  g_autoptr(KefuPeriod) week = period_for (KEFU_GRANULARITY_WEEK, 2026, 12, 30);
  g_autoptr(KefuPeriod) next_week = kefu_period_shift (week, 1);
  g_autoptr(KefuPeriod) day = period_for (KEFU_GRANULARITY_DAY, 2024, 3, 1);
  g_autoptr(KefuPeriod) leap_day = kefu_period_shift (day, -1);
  g_autoptr(KefuPeriod) back = kefu_period_shift (feb, -1);

  assert_range (feb, "2026-02-01", "2026-02-28");
  assert_range (dec, "2025-12-01", "2025-12-31");
  assert_range (next_week, "2027-01-04", "2027-01-10");
  assert_range (leap_day, "2024-02-29", "2024-02-29");
  g_assert_true (kefu_period_equal (back, jan));
  g_assert_false (kefu_period_equal (feb, jan));
}

static void
test_text_round_trip (void)
{
  g_autoptr(KefuPeriod) week = period_for (KEFU_GRANULARITY_WEEK, 2026, 11, 29);
  g_autofree char *text = kefu_period_to_string (week);
  g_autoptr(KefuPeriod) parsed = kefu_period_parse (text);
  const char *bad[] = { "", "month", "month:", "month:2026-02-30", "year:2026-01-01",
                        "month:2026-11-01x", "month:26-1-1junk", "day:2026-13-01" };

  g_assert_cmpstr (text, ==, "week:2026-11-23");
  g_assert_true (kefu_period_equal (week, parsed));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KefuPeriod) none = kefu_period_parse (bad[i]);
      g_assert_null (none);
    }
  g_assert_null (kefu_period_parse (NULL));
}

static void
test_format (void)
{
  g_autoptr(KefuPeriod) month = period_for (KEFU_GRANULARITY_MONTH, 2026, 11, 5);
  g_autoptr(KefuPeriod) week = period_for (KEFU_GRANULARITY_WEEK, 2026, 11, 30);
  g_autoptr(KefuPeriod) day = period_for (KEFU_GRANULARITY_DAY, 2026, 11, 30);
  g_autofree char *month_text = kefu_period_format (month);
  g_autofree char *week_text = kefu_period_format (week);
  g_autofree char *day_text = kefu_period_format (day);

  /* The tests run in the C locale: the untranslated English forms. */
  g_assert_cmpstr (month_text, ==, "November 2026");
  g_assert_cmpstr (week_text, ==, "Nov 30 – Dec 6, 2026");
  g_assert_cmpstr (day_text, ==, "Nov 30, 2026");
}

static KefuPeriod *
range_for (guint first_month,
           guint first_day,
           guint last_month,
           guint last_day)
{
  g_autoptr(GDate) first = g_date_new_dmy (first_day, first_month, 2026);
  g_autoptr(GDate) last = g_date_new_dmy (last_day, last_month, 2026);

  return kefu_period_new_range (first, last);
}

static void
test_range (void)
{
  /* The 30 days of the women's-wear example, 1–30 October. */
  g_autoptr(KefuPeriod) range = range_for (10, 1, 10, 30);
  g_autoptr(KefuPeriod) before = kefu_period_shift (range, -1);
  g_autoptr(KefuPeriod) after = kefu_period_shift (range, 2);
  g_autoptr(KefuPeriod) same = range_for (10, 1, 10, 30);
  g_autoptr(KefuPeriod) longer = range_for (10, 1, 10, 31);
  g_autoptr(KefuPeriod) across = range_for (12, 20, 12, 31);
  g_autoptr(KefuPeriod) next_year = kefu_period_shift (across, 1);
  g_autofree char *text = kefu_period_to_string (range);
  g_autoptr(KefuPeriod) parsed = kefu_period_parse (text);
  g_autofree char *label = kefu_period_format (range);
  g_autofree char *across_label = kefu_period_format (next_year);
  const char *bad[] = { "range:2026-10-30..2026-10-01", "range:2026-10-01", "range:2026-10-01..",
                        "range:2026-10-01..2026-10-32", "range:2026-10-01..2026-10-30x" };

  g_assert_cmpint (kefu_period_get_granularity (range), ==, KEFU_GRANULARITY_RANGE);
  assert_range (range, "2026-10-01", "2026-10-30");
  g_assert_cmpuint (kefu_period_get_n_days (range), ==, 30);

  /* As many days just before, and two lengths on. */
  assert_range (before, "2026-09-01", "2026-09-30");
  assert_range (after, "2026-11-30", "2026-12-29");
  /* 12 days from 20 December: 1–12 January. */
  assert_range (next_year, "2027-01-01", "2027-01-12");

  g_assert_true (kefu_period_equal (range, same));
  g_assert_false (kefu_period_equal (range, longer));

  g_assert_cmpstr (text, ==, "range:2026-10-01..2026-10-30");
  g_assert_true (kefu_period_equal (parsed, range));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KefuPeriod) none = kefu_period_parse (bad[i]);
      g_assert_null (none);
    }

  g_assert_cmpstr (label, ==, "Oct 1–30, 2026");
  g_assert_cmpstr (across_label, ==, "Jan 1–12, 2027");
  {
    g_autoptr(KefuPeriod) months = range_for (9, 20, 10, 5);
    g_autofree char *months_label = kefu_period_format (months);

    g_assert_cmpstr (months_label, ==, "Sep 20 – Oct 5, 2026");
  }
  {
    g_autoptr(KefuPeriod) years = NULL;
    g_autoptr(GDate) first = g_date_new_dmy (28, 12, 2026);
    g_autoptr(GDate) last = g_date_new_dmy (3, 1, 2027);
    g_autofree char *years_label = NULL;

    years = kefu_period_new_range (first, last);
    years_label = kefu_period_format (years);
    g_assert_cmpstr (years_label, ==, "Dec 28, 2026 – Jan 3, 2027");
  }
}

/* A day as data writes it: zero-padded, in any locale; none for an
 * invalid day. */
static void
test_day_text (void)
{
  GDate day;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  g_date_clear (&day, 1);
  none = kefu_day_to_string (&day);
  g_assert_null (none);
  g_date_set_dmy (&day, 5, G_DATE_MARCH, 2026);
  text = kefu_day_to_string (&day);
  g_assert_cmpstr (text, ==, "2026-03-05");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/Period/month", test_month);
  g_test_add_func ("/period/Period/week", test_week);
  g_test_add_func ("/period/Period/day", test_day);
  g_test_add_func ("/period/Period/shift", test_shift);
  g_test_add_func ("/period/Period/range", test_range);
  g_test_add_func ("/period/Period/text-round-trip", test_text_round_trip);
  g_test_add_func ("/period/Period/format", test_format);
  g_test_add_func ("/period/Period/day-text", test_day_text);

  return g_test_run ();
}
