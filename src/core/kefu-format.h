/* kefu-format.h — values as people read them, in their locale
 *
 * Every function returns UTF-8 text for a person: the locale's decimal
 * point and digit grouping (LC_NUMERIC), the locale's date order
 * (LC_TIME), and "—" for a value that is not a number. Values are rounded
 * half away from zero at the decimals asked for, as scoring rounds them
 * (kefu-precision.h), so the text shown is the value compared.
 *
 * Not for data: CSV, JSON, bracket bounds and anything read back stay in
 * the C locale (g_ascii_formatd()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kefu_format_number  (double       value,
                           guint        decimals);
char *kefu_format_count   (gint64       count);
char *kefu_format_percent (double       fraction,
                           guint        decimals);
char *kefu_format_seconds (double       seconds,
                           guint        decimals);
char *kefu_format_hours   (double       hours,
                           guint        decimals);
char *kefu_format_money   (double       yuan);
char *kefu_format_date    (const GDate *date);

G_END_DECLS
