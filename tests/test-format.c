/* test-format.c — values as people read them, in three locales
 *
 * Each case runs under C.UTF-8, zh_CN.UTF-8 and es_ES.UTF-8; a locale the
 * system has not generated is skipped (.ci/install-deps generates them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "kefu-core.h"

typedef struct
{
  const char *locale;
  /* expected texts */
  const char *count;          /* 1234567 */
  const char *number;         /* 1234.5, 2 decimals */
  const char *percent;        /* 0.3199, 2 decimals */
  const char *half;           /* 0.25625: 25.625 %, half away from zero */
  const char *seconds;        /* 13, 1 decimal */
  const char *hours;          /* 2.25, 1 decimal */
  const char *money;          /* -1234.5 */
  const char *date;           /* 2026-10-01 */
  const char *unit_fraction;  /* kefu_unit_format (FRACTION, 0.4099999) */
} LocaleCase;

static const LocaleCase cases[] = {
  { "C.UTF-8",
    "1234567", "1234.50", "31.99%", "25.63%", "13.0 s", "2.3 h", "-¥1234.50",
    "2026-10-01", "41.00%" },
  /* glibc zh_CN: "." and "," grouped in threes; 年月日 */
  { "zh_CN.UTF-8",
    "1,234,567", "1,234.50", "31.99%", "25.63%", "13.0 s", "2.3 h", "-¥1,234.50",
    "2026年10月01日", "41.00%" },
  /* glibc es_ES: "," and "." grouped in threes; day/month/year */
  { "es_ES.UTF-8",
    "1.234.567", "1.234,50", "31,99%", "25,63%", "13,0 s", "2,3 h", "-¥1.234,50",
    "01/10/2026", "41,00%" },
};

/* Switches to the case's locale, or skips the test. */
static gboolean
enter_locale (const LocaleCase *c)
{
  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not generated", c->locale);
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
leave_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}

#define ASSERT_TEXT(call, expected) G_STMT_START { \
    g_autofree char *text_ = (call); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static void
test_numbers (gconstpointer data)
{
  const LocaleCase *c = data;

  if (!enter_locale (c))
    return;
  ASSERT_TEXT (kefu_format_count (1234567), c->count);
  ASSERT_TEXT (kefu_format_count (0), "0");
  ASSERT_TEXT (kefu_format_number (1234.5, 2), c->number);
  ASSERT_TEXT (kefu_format_number (NAN, 2), "—");
  ASSERT_TEXT (kefu_format_number (INFINITY, 0), "—");
  /* A value that rounds to zero has no minus. */
  ASSERT_TEXT (kefu_format_number (-0.001, 0), "0");
  ASSERT_TEXT (kefu_format_number (-2.5, 0), "-3");
  leave_locale ();
}

static void
test_units (gconstpointer data)
{
  const LocaleCase *c = data;

  if (!enter_locale (c))
    return;
  ASSERT_TEXT (kefu_format_percent (0.3199, 2), c->percent);
  ASSERT_TEXT (kefu_format_percent (0.25625, 2), c->half);
  ASSERT_TEXT (kefu_format_percent (1, 0), "100%");
  ASSERT_TEXT (kefu_format_seconds (13, 1), c->seconds);
  ASSERT_TEXT (kefu_format_hours (2.25, 1), c->hours);
  ASSERT_TEXT (kefu_format_money (-1234.5), c->money);
  ASSERT_TEXT (kefu_format_money (NAN), "—");
  /* The scoring's display text is the same. */
  ASSERT_TEXT (kefu_unit_format (KEFU_UNIT_FRACTION, 0.4099999), c->unit_fraction);
  leave_locale ();
}

static void
test_dates (gconstpointer data)
{
  const LocaleCase *c = data;
  GDate date, invalid;

  if (!enter_locale (c))
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
  g_date_clear (&invalid, 1);
  ASSERT_TEXT (kefu_format_date (&date), c->date);
  ASSERT_TEXT (kefu_format_date (&invalid), "—");
  leave_locale ();
}

/* Data stays in the C locale whatever the user's: a bracket bound is
 * read back from what it writes. */
static void
test_data_unchanged (gconstpointer data)
{
  const LocaleCase *c = data;

  if (!enter_locale (c))
    return;
  ASSERT_TEXT (kefu_unit_format_bound (KEFU_UNIT_FRACTION, 0.375), "37.5%");
  ASSERT_TEXT (kefu_unit_format_steps (KEFU_UNIT_YUAN, 123456, FALSE), "¥1234.56");
  leave_locale ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *numbers = g_strdup_printf ("/format/%s/numbers", cases[i].locale);
      g_autofree char *units = g_strdup_printf ("/format/%s/units", cases[i].locale);
      g_autofree char *dates = g_strdup_printf ("/format/%s/dates", cases[i].locale);
      g_autofree char *data = g_strdup_printf ("/format/%s/data-unchanged", cases[i].locale);

      g_test_add_data_func (numbers, &cases[i], test_numbers);
      g_test_add_data_func (units, &cases[i], test_units);
      g_test_add_data_func (dates, &cases[i], test_dates);
      g_test_add_data_func (data, &cases[i], test_data_unchanged);
    }

  return g_test_run ();
}
