/* kefu-bracket.c — one row of a bracket table: a range of values → points
 *
 * A row has a lower and an upper bound, each inclusive or not, or absent
 * (−∞ / +∞), and scores either flat points or, when linear, points that
 * run from points-low at the lower bound to points-high at the upper one.
 * Values are always compared at display precision (kefu-precision.h).
 *
 * In scheme files a range is written in interval notation, in stored
 * units (fractions for rates): "[0.38, 0.41)", "(10, 15]", "[0.41, +inf)",
 * "(-inf, 0.25)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scoring-private.h"

struct _KefuBracket
{
  GObject  parent_instance;

  double   lower;
  double   upper;
  double   points;
  double   points_low;
  double   points_high;
  guint    has_lower : 1;
  guint    lower_inclusive : 1;
  guint    has_upper : 1;
  guint    upper_inclusive : 1;
  guint    linear : 1;
};

G_DEFINE_FINAL_TYPE (KefuBracket, kefu_bracket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAS_LOWER,
  PROP_LOWER,
  PROP_LOWER_INCLUSIVE,
  PROP_HAS_UPPER,
  PROP_UPPER,
  PROP_UPPER_INCLUSIVE,
  PROP_POINTS,
  PROP_LINEAR,
  PROP_POINTS_LOW,
  PROP_POINTS_HIGH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_bracket_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KefuBracket *self = KEFU_BRACKET (object);

  switch (prop_id)
    {
    case PROP_HAS_LOWER:       g_value_set_boolean (value, self->has_lower); break;
    case PROP_LOWER:           g_value_set_double (value, self->lower); break;
    case PROP_LOWER_INCLUSIVE: g_value_set_boolean (value, self->lower_inclusive); break;
    case PROP_HAS_UPPER:       g_value_set_boolean (value, self->has_upper); break;
    case PROP_UPPER:           g_value_set_double (value, self->upper); break;
    case PROP_UPPER_INCLUSIVE: g_value_set_boolean (value, self->upper_inclusive); break;
    case PROP_POINTS:          g_value_set_double (value, self->points); break;
    case PROP_LINEAR:          g_value_set_boolean (value, self->linear); break;
    case PROP_POINTS_LOW:      g_value_set_double (value, self->points_low); break;
    case PROP_POINTS_HIGH:     g_value_set_double (value, self->points_high); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_bracket_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KefuBracket *self = KEFU_BRACKET (object);

  switch (prop_id)
    {
    case PROP_HAS_LOWER:       kefu_bracket_set_has_lower (self, g_value_get_boolean (value)); break;
    case PROP_LOWER:           kefu_bracket_set_lower (self, g_value_get_double (value)); break;
    case PROP_LOWER_INCLUSIVE: kefu_bracket_set_lower_inclusive (self, g_value_get_boolean (value)); break;
    case PROP_HAS_UPPER:       kefu_bracket_set_has_upper (self, g_value_get_boolean (value)); break;
    case PROP_UPPER:           kefu_bracket_set_upper (self, g_value_get_double (value)); break;
    case PROP_UPPER_INCLUSIVE: kefu_bracket_set_upper_inclusive (self, g_value_get_boolean (value)); break;
    case PROP_POINTS:          kefu_bracket_set_points (self, g_value_get_double (value)); break;
    case PROP_LINEAR:          kefu_bracket_set_linear (self, g_value_get_boolean (value)); break;
    case PROP_POINTS_LOW:      kefu_bracket_set_points_low (self, g_value_get_double (value)); break;
    case PROP_POINTS_HIGH:     kefu_bracket_set_points_high (self, g_value_get_double (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_bracket_class_init (KefuBracketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = kefu_bracket_get_property;
  object_class->set_property = kefu_bracket_set_property;

  /* Without a lower bound the row reaches down to −∞. */
  properties[PROP_HAS_LOWER] =
    g_param_spec_boolean ("has-lower", NULL, NULL, FALSE, flags);
  properties[PROP_LOWER] =
    g_param_spec_double ("lower", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_LOWER_INCLUSIVE] =
    g_param_spec_boolean ("lower-inclusive", NULL, NULL, TRUE, flags);
  /* Without an upper bound the row reaches up to +∞. */
  properties[PROP_HAS_UPPER] =
    g_param_spec_boolean ("has-upper", NULL, NULL, FALSE, flags);
  properties[PROP_UPPER] =
    g_param_spec_double ("upper", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_UPPER_INCLUSIVE] =
    g_param_spec_boolean ("upper-inclusive", NULL, NULL, FALSE, flags);
  properties[PROP_POINTS] =
    g_param_spec_double ("points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* Linear rows score points-low at the lower bound and points-high at
   * the upper one, in a straight line between. */
  properties[PROP_LINEAR] =
    g_param_spec_boolean ("linear", NULL, NULL, FALSE, flags);
  properties[PROP_POINTS_LOW] =
    g_param_spec_double ("points-low", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_POINTS_HIGH] =
    g_param_spec_double ("points-high", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_bracket_init (KefuBracket *self)
{
  self->lower_inclusive = TRUE;
}

/**
 * kefu_bracket_new:
 *
 * Returns: (transfer full): a row for every value, (−∞, +∞), 0 points
 */
KefuBracket *
kefu_bracket_new (void)
{
  return g_object_new (KEFU_TYPE_BRACKET, NULL);
}

static void
set_interval (KefuBracket        *self,
              const KefuInterval *interval)
{
  g_object_freeze_notify (G_OBJECT (self));
  kefu_bracket_set_has_lower (self, interval->has_lower);
  kefu_bracket_set_lower (self, interval->has_lower ? interval->lower : 0);
  kefu_bracket_set_lower_inclusive (self, interval->has_lower ? interval->lower_inclusive : TRUE);
  kefu_bracket_set_has_upper (self, interval->has_upper);
  kefu_bracket_set_upper (self, interval->has_upper ? interval->upper : 0);
  kefu_bracket_set_upper_inclusive (self, interval->has_upper ? interval->upper_inclusive : FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kefu_bracket_new_range:
 * @range: the range in interval notation, e.g. "[0.38, 0.41)"
 *
 * Returns: (transfer full) (nullable): a row scoring @points flat
 */
KefuBracket *
kefu_bracket_new_range (const char  *range,
                        double       points,
                        GError     **error)
{
  g_autoptr(KefuBracket) self = kefu_bracket_new ();

  if (!kefu_bracket_set_range (self, range, error))
    return NULL;
  self->points = points;
  return g_steal_pointer (&self);
}

/**
 * kefu_bracket_new_linear:
 *
 * Returns: (transfer full) (nullable): a row scoring from @points_low at
 *   its lower bound to @points_high at its upper bound
 */
KefuBracket *
kefu_bracket_new_linear (const char  *range,
                         double       points_low,
                         double       points_high,
                         GError     **error)
{
  g_autoptr(KefuBracket) self = kefu_bracket_new ();

  if (!kefu_bracket_set_range (self, range, error))
    return NULL;
  self->linear = TRUE;
  self->points_low = points_low;
  self->points_high = points_high;
  return g_steal_pointer (&self);
}

/**
 * kefu_bracket_copy:
 *
 * Returns: (transfer full): a new row with the same values
 */
KefuBracket *
kefu_bracket_copy (KefuBracket *self)
{
  KefuBracket *copy;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NULL);

  copy = kefu_bracket_new ();
  copy->has_lower = self->has_lower;
  copy->lower = self->lower;
  copy->lower_inclusive = self->lower_inclusive;
  copy->has_upper = self->has_upper;
  copy->upper = self->upper;
  copy->upper_inclusive = self->upper_inclusive;
  copy->points = self->points;
  copy->linear = self->linear;
  copy->points_low = self->points_low;
  copy->points_high = self->points_high;
  return copy;
}

static void
set_boolean (KefuBracket *self,
             gboolean     value,
             guint        prop_id)
{
  gboolean current;

  value = !!value;
  switch (prop_id)
    {
    case PROP_HAS_LOWER:       current = self->has_lower; break;
    case PROP_LOWER_INCLUSIVE: current = self->lower_inclusive; break;
    case PROP_HAS_UPPER:       current = self->has_upper; break;
    case PROP_UPPER_INCLUSIVE: current = self->upper_inclusive; break;
    case PROP_LINEAR:          current = self->linear; break;
    default:                   g_return_if_reached ();
    }
  if (current == value)
    return;

  switch (prop_id)
    {
    case PROP_HAS_LOWER:       self->has_lower = value; break;
    case PROP_LOWER_INCLUSIVE: self->lower_inclusive = value; break;
    case PROP_HAS_UPPER:       self->has_upper = value; break;
    case PROP_UPPER_INCLUSIVE: self->upper_inclusive = value; break;
    case PROP_LINEAR:          self->linear = value; break;
    default:                   g_return_if_reached ();
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_double (KefuBracket *self,
            double      *field,
            double       value,
            guint        prop_id)
{
  g_return_if_fail (isfinite (value));

  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

gboolean
kefu_bracket_get_has_lower (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  return self->has_lower;
}

void
kefu_bracket_set_has_lower (KefuBracket *self,
                            gboolean     has_lower)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_boolean (self, has_lower, PROP_HAS_LOWER);
}

double
kefu_bracket_get_lower (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), 0);
  return self->lower;
}

void
kefu_bracket_set_lower (KefuBracket *self,
                        double       lower)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_double (self, &self->lower, lower, PROP_LOWER);
}

gboolean
kefu_bracket_get_lower_inclusive (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  return self->lower_inclusive;
}

void
kefu_bracket_set_lower_inclusive (KefuBracket *self,
                                  gboolean     inclusive)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_boolean (self, inclusive, PROP_LOWER_INCLUSIVE);
}

gboolean
kefu_bracket_get_has_upper (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  return self->has_upper;
}

void
kefu_bracket_set_has_upper (KefuBracket *self,
                            gboolean     has_upper)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_boolean (self, has_upper, PROP_HAS_UPPER);
}

double
kefu_bracket_get_upper (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), 0);
  return self->upper;
}

void
kefu_bracket_set_upper (KefuBracket *self,
                        double       upper)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_double (self, &self->upper, upper, PROP_UPPER);
}

gboolean
kefu_bracket_get_upper_inclusive (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  return self->upper_inclusive;
}

void
kefu_bracket_set_upper_inclusive (KefuBracket *self,
                                  gboolean     inclusive)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_boolean (self, inclusive, PROP_UPPER_INCLUSIVE);
}

double
kefu_bracket_get_points (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), 0);
  return self->points;
}

void
kefu_bracket_set_points (KefuBracket *self,
                         double       points)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_double (self, &self->points, points, PROP_POINTS);
}

gboolean
kefu_bracket_get_linear (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  return self->linear;
}

void
kefu_bracket_set_linear (KefuBracket *self,
                         gboolean     linear)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_boolean (self, linear, PROP_LINEAR);
}

double
kefu_bracket_get_points_low (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), 0);
  return self->points_low;
}

void
kefu_bracket_set_points_low (KefuBracket *self,
                             double       points)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_double (self, &self->points_low, points, PROP_POINTS_LOW);
}

double
kefu_bracket_get_points_high (KefuBracket *self)
{
  g_return_val_if_fail (KEFU_IS_BRACKET (self), 0);
  return self->points_high;
}

void
kefu_bracket_set_points_high (KefuBracket *self,
                              double       points)
{
  g_return_if_fail (KEFU_IS_BRACKET (self));
  set_double (self, &self->points_high, points, PROP_POINTS_HIGH);
}

void
_kefu_bracket_get_interval (KefuBracket  *self,
                            KefuInterval *interval)
{
  interval->has_lower = self->has_lower;
  interval->lower = self->lower;
  interval->lower_inclusive = self->has_lower && self->lower_inclusive;
  interval->has_upper = self->has_upper;
  interval->upper = self->upper;
  interval->upper_inclusive = self->has_upper && self->upper_inclusive;
}

/**
 * kefu_bracket_set_range:
 * @range: interval notation in stored units: "[0.38, 0.41)", "(10, 15]",
 *   "[0.41, +inf)", "(-inf, 0.25)"
 *
 * Sets both bounds at once. Infinite ends are always open.
 *
 * Returns: %FALSE with @error set when @range cannot be read; the row is
 *   then unchanged
 */
gboolean
kefu_bracket_set_range (KefuBracket  *self,
                        const char   *range,
                        GError      **error)
{
  KefuInterval interval;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  if (!_kefu_parse_range (range, &interval, error))
    return FALSE;

  set_interval (self, &interval);
  return TRUE;
}

/**
 * kefu_bracket_get_range:
 *
 * Returns: (transfer full): the range as a scheme file writes it,
 *   e.g. "[0.38, 0.41)"
 */
char *
kefu_bracket_get_range (KefuBracket *self)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NULL);

  lower = self->has_lower ? _kefu_format_number (self->lower) : g_strdup ("-inf");
  upper = self->has_upper ? _kefu_format_number (self->upper) : g_strdup ("+inf");
  return g_strdup_printf ("%c%s, %s%c",
                          self->has_lower && self->lower_inclusive ? '[' : '(',
                          lower, upper,
                          self->has_upper && self->upper_inclusive ? ']' : ')');
}

/**
 * kefu_bracket_format_interval:
 *
 * Returns: (transfer full): the range in display units: "[38%, 41%)"
 */
char *
kefu_bracket_format_interval (KefuBracket *self,
                              KefuUnit     unit)
{
  KefuInterval interval;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NULL);

  _kefu_bracket_get_interval (self, &interval);
  return _kefu_interval_format (&interval, unit);
}

/**
 * kefu_bracket_describe:
 *
 * Returns: (transfer full): the range as the seed's tables write it:
 *   "38% ≤ x < 41%", "10 s < x ≤ 15 s", "x ≥ 41%"
 */
char *
kefu_bracket_describe (KefuBracket *self,
                       KefuUnit     unit)
{
  KefuInterval interval;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NULL);

  _kefu_bracket_get_interval (self, &interval);
  return _kefu_interval_describe (&interval, unit);
}

/**
 * kefu_bracket_describe_points:
 *
 * Returns: (transfer full): "90", or "100 → 60" for a linear row
 */
char *
kefu_bracket_describe_points (KefuBracket *self)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NULL);

  if (!self->linear)
    return _kefu_format_number (self->points);

  low = _kefu_format_number (self->points_low);
  high = _kefu_format_number (self->points_high);
  return g_strdup_printf ("%s → %s", low, high);
}

/**
 * kefu_bracket_contains:
 * @unit: the unit of the item's values
 *
 * Whether @value, rounded to display precision, lies in the row.
 */
gboolean
kefu_bracket_contains (KefuBracket *self,
                       KefuUnit     unit,
                       double       value)
{
  KefuInterval interval;
  gint64 lo, hi, steps;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), FALSE);

  if (!isfinite (value))
    return FALSE;

  _kefu_bracket_get_interval (self, &interval);
  if (!_kefu_interval_to_steps (&interval, unit, &lo, &hi))
    return FALSE;

  steps = kefu_unit_to_steps (unit, value);
  return steps >= lo && steps <= hi;
}

/**
 * kefu_bracket_get_points_at:
 *
 * Returns: the points of @value (rounded to display precision): flat
 *   points, or for a linear row the straight line from points-low at the
 *   lower bound to points-high at the upper one. NAN for a linear row
 *   with an infinite end (the validator reports it).
 */
double
kefu_bracket_get_points_at (KefuBracket *self,
                            KefuUnit     unit,
                            double       value)
{
  double shown;

  g_return_val_if_fail (KEFU_IS_BRACKET (self), NAN);

  if (!self->linear)
    return self->points;

  if (!self->has_lower || !self->has_upper)
    return NAN;
  if (self->upper == self->lower)
    return self->points_low;

  shown = kefu_unit_round (unit, value);
  return self->points_low + (self->points_high - self->points_low) *
         (shown - self->lower) / (self->upper - self->lower);
}
