/* fuzz-value.c — the value parsers: counts, money, rates, durations, dates
 *
 * Input: one byte choosing the cell's type and the parsers' options,
 * eight bytes of the cell's number (when there are that many), the rest
 * its text, made valid UTF-8 as every reader hands it out. Each parser
 * must keep the promises of kefu-value.h whatever the cell says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "import/kefu-value.h"
#include "kefu-fuzz.h"

static void
check_value (KefuValue value)
{
  g_assert (value.expected != NULL);
  if (value.status == KEFU_VALUE_OK)
    g_assert (isfinite (value.number));
  else
    g_assert (isnan (value.number));
}

static void
parse_all (const KefuCell *cell,
           guint8          options)
{
  static GTimeZone *zones[2];
  KefuValue value;
  GDate date;

  if (zones[0] == NULL)
    {
      zones[0] = g_time_zone_new_utc ();
      zones[1] = g_time_zone_new_offset (8 * 3600);
    }

  value = kefu_value_parse_count (cell);
  check_value (value);
  if (value.status == KEFU_VALUE_OK)
    g_assert (value.number >= 0 && value.number == floor (value.number));

  check_value (kefu_value_parse_number (cell));
  check_value (kefu_value_parse_money (cell));

  value = kefu_value_parse_rate (cell, options % 3);
  check_value (value);
  if (value.status == KEFU_VALUE_OK)
    g_assert (value.number >= 0);

  value = kefu_value_parse_duration (cell, (options / 3) % 3);
  check_value (value);
  if (value.status == KEFU_VALUE_OK)
    g_assert (value.number >= 0);

  g_date_clear (&date, 1);
  value = kefu_value_parse_date (cell, &date);
  g_assert (value.expected != NULL && isnan (value.number));
  if (value.status == KEFU_VALUE_OK)
    g_assert (g_date_valid (&date));

  check_value (kefu_value_parse_datetime (cell, zones[(options / 9) % 2]));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  KefuCell cell = { KEFU_CELL_TEXT, NULL, 0 };
  KefuMissingReason reason;
  guint8 options;
  GDate from, to;

  kefu_fuzz_init ();
  if (size < 1)
    return 0;
  options = data[0];
  cell.type = (options >> 5) % (KEFU_CELL_ERROR + 1);
  data++, size--;
  if (size >= sizeof (double))
    {
      memcpy (&cell.number, data, sizeof (double));
      data += sizeof (double), size -= sizeof (double);
    }
  text = g_utf8_make_valid ((const char *) data, size);
  if (cell.type != KEFU_CELL_EMPTY)
    cell.text = text;

  parse_all (&cell, options & 0x1F);

  if (kefu_value_is_placeholder (text, &reason))
    g_assert (kefu_value_describe_missing (reason) != NULL);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (kefu_value_parse_date_in_text (text, &from, &to))
    g_assert (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) <= 0);
  return 0;
}
