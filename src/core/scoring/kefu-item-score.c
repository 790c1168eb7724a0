/* kefu-item-score.c — how one item of a scheme scored for one agent
 *
 * METRICS.md §5: the value is rounded to display precision, the first row
 * (in the table's order) that contains it gives the points — a linear row
 * draws them from its points-low to its points-high —, and weighted =
 * points × weight ÷ 100. A value no row contains is an error, never a
 * silent 0; a missing value scores as the item's missing policy says.
 * Every score carries its explanation, for the report's "explain" view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "scoring/kefu-scoring-private.h"

struct _KefuItemScore
{
  GObject            parent_instance;

  guint              index;
  KefuItemKind       kind;
  KefuMissingPolicy  policy;
  char              *key;
  char              *label;
  KefuItemStatus     status;
  KefuUnit           unit;
  double             value;
  double             shown_value;
  char              *value_text;
  double             numerator;
  double             denominator;
  gboolean           estimated;
  char              *missing;
  int                bracket_index;
  KefuBracket       *row;           /* of the report's copy of the scheme */
  char              *bracket;
  gboolean           linear;
  double             points_low;
  double             points_high;
  double             points;
  double             scheme_weight;
  double             weight;
  double             weighted;
  char              *error;
  char              *note;
  char              *explanation;
};

G_DEFINE_FINAL_TYPE (KefuItemScore, kefu_item_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_KIND,
  PROP_KEY,
  PROP_LABEL,
  PROP_STATUS,
  PROP_VALUE,
  PROP_SHOWN_VALUE,
  PROP_VALUE_TEXT,
  PROP_NUMERATOR,
  PROP_DENOMINATOR,
  PROP_ESTIMATED,
  PROP_MISSING,
  PROP_BRACKET_INDEX,
  PROP_BRACKET,
  PROP_POINTS,
  PROP_SCHEME_WEIGHT,
  PROP_WEIGHT,
  PROP_WEIGHTED,
  PROP_ERROR,
  PROP_NOTE,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        ensure_explanation (KefuItemScore *self);
static const char *value_text         (KefuItemScore *self);
static const char *bracket_text       (KefuItemScore *self);

double
_kefu_round (double value,
             double step)
{
  double inverse = nearbyint (1 / step);

  if (!isfinite (value))
    return value;
  /* ÷ 10ⁿ rather than × 10⁻ⁿ: 400000 ÷ 1e6 is 0.4, 400000 × 1e-6 is not. */
  if (inverse >= 1)
    return round (value * inverse) / inverse;
  return round (value / step) * step;
}

static void
kefu_item_score_finalize (GObject *object)
{
  KefuItemScore *self = KEFU_ITEM_SCORE (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->value_text);
  g_free (self->missing);
  g_free (self->bracket);
  g_clear_object (&self->row);
  g_free (self->error);
  g_free (self->note);
  g_free (self->explanation);

  G_OBJECT_CLASS (kefu_item_score_parent_class)->finalize (object);
}

static void
kefu_item_score_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuItemScore *self = KEFU_ITEM_SCORE (object);

  switch (prop_id)
    {
    case PROP_INDEX:         g_value_set_uint (value, self->index); break;
    case PROP_KIND:          g_value_set_enum (value, self->kind); break;
    case PROP_KEY:           g_value_set_string (value, self->key); break;
    case PROP_LABEL:         g_value_set_string (value, self->label); break;
    case PROP_STATUS:        g_value_set_enum (value, self->status); break;
    case PROP_VALUE:         g_value_set_double (value, self->value); break;
    case PROP_SHOWN_VALUE:   g_value_set_double (value, self->shown_value); break;
    case PROP_VALUE_TEXT:    g_value_set_string (value, value_text (self)); break;
    case PROP_NUMERATOR:     g_value_set_double (value, self->numerator); break;
    case PROP_DENOMINATOR:   g_value_set_double (value, self->denominator); break;
    case PROP_ESTIMATED:     g_value_set_boolean (value, self->estimated); break;
    case PROP_MISSING:       g_value_set_string (value, self->missing); break;
    case PROP_BRACKET_INDEX: g_value_set_int (value, self->bracket_index); break;
    case PROP_BRACKET:       g_value_set_string (value, bracket_text (self)); break;
    case PROP_POINTS:        g_value_set_double (value, self->points); break;
    case PROP_SCHEME_WEIGHT: g_value_set_double (value, self->scheme_weight); break;
    case PROP_WEIGHT:        g_value_set_double (value, self->weight); break;
    case PROP_WEIGHTED:      g_value_set_double (value, self->weighted); break;
    case PROP_ERROR:         g_value_set_string (value, self->error); break;
    case PROP_NOTE:          g_value_set_string (value, self->note); break;
    case PROP_EXPLANATION:   ensure_explanation (self);
                             g_value_set_string (value, self->explanation); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_item_score_class_init (KefuItemScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kefu_item_score_finalize;
  object_class->get_property = kefu_item_score_get_property;

  /* The item's position in the scheme. */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KEFU_TYPE_ITEM_KIND, KEFU_ITEM_KIND_METRIC, flags);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KEFU_TYPE_ITEM_STATUS, KEFU_ITEM_STATUS_SCORED, flags);
  /* The value as computed; NAN when missing. */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* The value at display precision: what was compared with the rows. */
  properties[PROP_SHOWN_VALUE] =
    g_param_spec_double ("shown-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* "32.00%", "13.0 s", or "—". */
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties[PROP_NUMERATOR] =
    g_param_spec_double ("numerator", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_DENOMINATOR] =
    g_param_spec_double ("denominator", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ESTIMATED] =
    g_param_spec_boolean ("estimated", NULL, NULL, FALSE, flags);
  /* Why there is no value, or NULL. */
  properties[PROP_MISSING] =
    g_param_spec_string ("missing", NULL, NULL, NULL, flags);
  /* The row that gave the points, or -1. */
  properties[PROP_BRACKET_INDEX] =
    g_param_spec_int ("bracket-index", NULL, NULL, -1, G_MAXINT, -1, flags);
  /* That row as text: "38% ≤ x < 41%". */
  properties[PROP_BRACKET] =
    g_param_spec_string ("bracket", NULL, NULL, NULL, flags);
  /* NAN when the item did not score. */
  properties[PROP_POINTS] =
    g_param_spec_double ("points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_SCHEME_WEIGHT] =
    g_param_spec_double ("scheme-weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  /* The weight used: the scheme's, rescaled when other items were excluded. */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_WEIGHTED] =
    g_param_spec_double ("weighted", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_item_score_init (KefuItemScore *self)
{
  self->value = NAN;
  self->shown_value = NAN;
  self->numerator = NAN;
  self->denominator = NAN;
  self->points = NAN;
  self->bracket_index = -1;
}

/* Texts made when asked for, like the explanation: re-scoring with every
 * edit of a scheme formats nothing. */
static const char *
value_text (KefuItemScore *self)
{
  if (self->value_text == NULL)
    self->value_text = isfinite (self->value) ? kefu_unit_format (self->unit, self->value)
                                              : g_strdup ("—");
  return self->value_text;
}

static const char *
bracket_text (KefuItemScore *self)
{
  if (self->bracket == NULL && self->row != NULL)
    self->bracket = kefu_bracket_describe (self->row, self->unit);
  return self->bracket;
}

static char *
format_amount (double value)
{
  return _kefu_format_number (_kefu_round (value, 0.01));
}

static void
append_note (char       **text,
             const char  *note)
{
  char *joined;

  if (note == NULL || *note == '\0')
    return;
  joined = *text != NULL ? g_strconcat (*text, " ", note, NULL) : g_strdup (note);
  g_free (*text);
  *text = joined;
}

/* The range around a value no row contains, for the error. */
static char *
describe_gap (KefuSchemeItem *item,
              KefuUnit        unit,
              double          value)
{
  gint64 steps = kefu_unit_to_steps (unit, value);
  KefuInterval gap = { 0 };
  gint64 below = G_MININT64, above = G_MAXINT64;

  for (guint j = 0; j < kefu_scheme_item_get_n_brackets (item); j++)
    {
      KefuInterval interval;
      gint64 lo, hi;

      _kefu_bracket_get_interval (kefu_scheme_item_get_bracket (item, j), &interval);
      if (!_kefu_interval_to_steps (&interval, unit, &lo, &hi))
        continue;
      if (hi < steps && hi > below && interval.has_upper)
        {
          below = hi;
          gap.has_lower = TRUE;
          gap.lower = interval.upper;
          gap.lower_inclusive = !interval.upper_inclusive;
        }
      if (lo > steps && lo < above && interval.has_lower)
        {
          above = lo;
          gap.has_upper = TRUE;
          gap.upper = interval.lower;
          gap.upper_inclusive = !interval.lower_inclusive;
        }
    }

  return _kefu_interval_format (&gap, unit);
}

static void
score_value (KefuItemScore  *self,
             KefuSchemeItem *item)
{
  guint n = kefu_scheme_item_get_n_brackets (item);
  g_autofree char *others = NULL;

  if (n == 0)
    {
      if (self->kind == KEFU_ITEM_KIND_MANUAL)
        {
          /* The manager's points are the item's points. */
          if (self->shown_value < 0 || self->shown_value > 100)
            {
              self->status = KEFU_ITEM_STATUS_ERROR;
              self->error = g_strdup_printf (_("%s points given by hand is outside 0–100."),
                                             value_text (self));
              return;
            }
          self->points = self->shown_value;
          return;
        }
      self->status = KEFU_ITEM_STATUS_ERROR;
      self->error = g_strdup (_("The item has no rows to score its value with."));
      return;
    }

  for (guint j = 0; j < n; j++)
    {
      KefuBracket *bracket = kefu_scheme_item_get_bracket (item, j);

      if (!kefu_bracket_contains (bracket, self->unit, self->value))
        continue;

      if (self->bracket_index < 0)
        {
          self->bracket_index = j;
          self->row = g_object_ref (bracket);
          self->linear = kefu_bracket_get_linear (bracket);
          self->points_low = kefu_bracket_get_points_low (bracket);
          self->points_high = kefu_bracket_get_points_high (bracket);
          self->points = kefu_bracket_get_points_at (bracket, self->unit, self->value);
        }
      else
        {
          g_autofree char *range = kefu_bracket_describe (bracket, self->unit);
          g_autofree char *points = kefu_bracket_describe_points (bracket);
          g_autofree char *other = g_strdup_printf (_("row %u (%s, %s points)"), j + 1, range, points);

          if (others == NULL)
            others = g_steal_pointer (&other);
          else
            {
              char *joined = g_strconcat (others, ", ", other, NULL);
              g_free (others);
              others = joined;
            }
        }
    }

  if (self->bracket_index < 0)
    {
      g_autofree char *gap = describe_gap (item, self->unit, self->value);

      self->status = KEFU_ITEM_STATUS_ERROR;
      self->error = g_strdup_printf (_("%s falls into no row: the scheme has no row for %s."),
                                     value_text (self), gap);
      return;
    }

  if (isnan (self->points))
    {
      self->status = KEFU_ITEM_STATUS_ERROR;
      self->error = g_strdup_printf (_("Row %d scores linearly but has an open end."),
                                     self->bracket_index + 1);
      return;
    }

  if (others != NULL)
    {
      g_autofree char *note =
        g_strdup_printf (_("The value is also in %s: the rows overlap, and the first one counts."),
                         others);
      append_note (&self->note, note);
    }
}

/* The explanation is made when asked for: scoring a period again with
 * every edit of a scheme must not format a sentence per item. */
static void
build_explanation (KefuItemScore *self)
{
  g_autofree char *value = NULL;
  g_autofree char *points = NULL;
  g_autofree char *weight_text = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *scheme_weight = format_amount (self->scheme_weight);
  const char *missing = self->missing ? self->missing : _("no value");
  double weight = self->weight;

  if (isfinite (self->value))
    {
      g_autoptr(GString) text = g_string_new (value_text (self));

      /* 88 ÷ 275 tells more than 32%; a figure read as is (÷ 1) does not. */
      if (isfinite (self->numerator) && isfinite (self->denominator) && self->denominator != 1)
        {
          g_autofree char *numerator = format_amount (self->numerator);
          g_autofree char *denominator = format_amount (self->denominator);

          g_string_append_printf (text, " (%s ÷ %s)", numerator, denominator);
        }
      if (self->estimated)
        g_string_append (text, _(", estimated"));
      value = g_string_free (g_steal_pointer (&text), FALSE);
    }

  points = format_amount (self->points);
  weight_text = format_amount (weight);
  weighted = g_strdup_printf ("%.2f", self->weighted);

  switch (self->status)
    {
    case KEFU_ITEM_STATUS_SCORED:
      if (self->bracket_index < 0)
        /* Translators: points, weight in %, weighted points */
        self->explanation = g_strdup_printf (_("%s points given by hand × %s%% = %s."),
                                             value, weight_text, weighted);
      else if (self->linear)
        {
          g_autofree char *low = format_amount (self->points_low);
          g_autofree char *high = format_amount (self->points_high);

          /* Translators: value, row number, row, points at its two ends,
           * points, weight in %, weighted points */
          self->explanation = g_strdup_printf (_("%s is in row %d, %s, scored linearly from %s "
                                                 "to %s points: %s points × %s%% = %s."),
                                               value, self->bracket_index + 1, bracket_text (self),
                                               low, high, points, weight_text, weighted);
        }
      else
        /* Translators: value, row number, row, points, weight in %, weighted points */
        self->explanation = g_strdup_printf (_("%s is in row %d, %s: %s points × %s%% = %s."),
                                             value, self->bracket_index + 1, bracket_text (self),
                                             points, weight_text, weighted);
      break;

    case KEFU_ITEM_STATUS_MISSING:
      self->explanation = g_strdup_printf (_("No value (%s): the item is reported missing and "
                                             "the total is incomplete."), missing);
      break;

    case KEFU_ITEM_STATUS_ZERO:
      self->explanation = g_strdup_printf (_("No value (%s): 0 points, as the scheme says for a "
                                             "missing value."), missing);
      break;

    case KEFU_ITEM_STATUS_EXCLUDED:
      self->explanation = g_strdup_printf (_("No value (%s): left out, and the other items’ "
                                             "weights are rescaled to make up for its %s%%."),
                                           missing, scheme_weight);
      break;

    case KEFU_ITEM_STATUS_ERROR:
    default:
      self->explanation = g_strdup_printf (_("%s The total is incomplete."), self->error);
      break;
    }

  append_note (&self->explanation, self->note);
}

static void
ensure_explanation (KefuItemScore *self)
{
  if (self->explanation == NULL)
    build_explanation (self);
}

/* Called by the agent's score, once the weights are known. */
void
_kefu_item_score_set_weight (KefuItemScore *self,
                             double         weight)
{
  self->weight = weight;
  self->weighted = isfinite (self->points) ? self->points * weight / 100 : 0;
  g_clear_pointer (&self->explanation, g_free);
}

KefuItemScore *
_kefu_item_score_new (KefuSchemeItem      *item,
                      guint                index,
                      const KefuItemInput *input)
{
  KefuItemScore *self = g_object_new (KEFU_TYPE_ITEM_SCORE, NULL);

  self->index = index;
  self->kind = kefu_scheme_item_get_kind (item);
  self->policy = kefu_scheme_item_get_missing_policy (item);
  self->key = g_strdup (kefu_scheme_item_get_key (item));
  self->label = g_strdup (kefu_scheme_item_get_display_label (item));
  self->unit = kefu_scheme_item_get_unit (item);
  self->scheme_weight = kefu_scheme_item_get_weight (item);
  self->weight = self->scheme_weight;
  self->estimated = input->estimated;
  append_note (&self->note, input->note);

  if (input->has_value && isfinite (input->value))
    {
      self->value = input->value;
      self->shown_value = kefu_unit_round (self->unit, input->value);
      self->numerator = input->numerator;
      self->denominator = input->denominator;
      self->status = KEFU_ITEM_STATUS_SCORED;
      score_value (self, item);
    }
  else
    {
      self->value_text = g_strdup ("—");
      self->missing = g_strdup (input->missing ? input->missing : _("no value"));
      switch (self->policy)
        {
        case KEFU_MISSING_POLICY_ZERO:
          self->status = KEFU_ITEM_STATUS_ZERO;
          self->points = 0;
          break;
        case KEFU_MISSING_POLICY_EXCLUDE:
          self->status = KEFU_ITEM_STATUS_EXCLUDED;
          break;
        case KEFU_MISSING_POLICY_INCOMPLETE:
        default:
          self->status = KEFU_ITEM_STATUS_MISSING;
          break;
        }
    }

  _kefu_item_score_set_weight (self, self->scheme_weight);
  return self;
}

guint
kefu_item_score_get_index (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), 0);
  return self->index;
}

KefuItemKind
kefu_item_score_get_kind (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), KEFU_ITEM_KIND_METRIC);
  return self->kind;
}

const char *
kefu_item_score_get_key (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return self->key;
}

const char *
kefu_item_score_get_label (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return self->label;
}

KefuItemStatus
kefu_item_score_get_status (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), KEFU_ITEM_STATUS_ERROR);
  return self->status;
}

double
kefu_item_score_get_value (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NAN);
  return self->value;
}

/**
 * kefu_item_score_get_shown_value:
 *
 * Returns: the value at display precision, as compared with the rows
 *   (0.4099999 → 0.41), or NAN
 */
double
kefu_item_score_get_shown_value (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NAN);
  return self->shown_value;
}

const char *
kefu_item_score_get_value_text (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return value_text (self);
}

double
kefu_item_score_get_numerator (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NAN);
  return self->numerator;
}

double
kefu_item_score_get_denominator (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NAN);
  return self->denominator;
}

gboolean
kefu_item_score_get_estimated (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), FALSE);
  return self->estimated;
}

const char *
kefu_item_score_get_missing (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return self->missing;
}

int
kefu_item_score_get_bracket_index (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), -1);
  return self->bracket_index;
}

const char *
kefu_item_score_get_bracket (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return bracket_text (self);
}

double
kefu_item_score_get_points (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NAN);
  return self->points;
}

double
kefu_item_score_get_scheme_weight (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), 0);
  return self->scheme_weight;
}

double
kefu_item_score_get_weight (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), 0);
  return self->weight;
}

double
kefu_item_score_get_weighted (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), 0);
  return self->weighted;
}

const char *
kefu_item_score_get_error (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return self->error;
}

const char *
kefu_item_score_get_note (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  return self->note;
}

const char *
kefu_item_score_get_explanation (KefuItemScore *self)
{
  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);
  ensure_explanation (self);
  return self->explanation;
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *member,
                    double       value)
{
  json_builder_set_member_name (builder, member);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * kefu_item_score_to_json:
 *
 * Returns: (transfer full): {"key", "label", "kind", "status", "value"
 *   (at display precision), "numerator", "denominator", "estimated",
 *   "points", "weight", "weighted", "bracket", "bracket_index", "error",
 *   "note", "explanation"}; null where there is nothing
 */
JsonNode *
kefu_item_score_to_json (KefuItemScore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KEFU_IS_ITEM_SCORE (self), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "key", self->key);
  add_string_or_null (builder, "label", self->label);
  add_string_or_null (builder, "kind", self->kind == KEFU_ITEM_KIND_MANUAL ? "manual" : "metric");
  add_string_or_null (builder, "status", kefu_item_status_to_string (self->status));
  add_double_or_null (builder, "value", self->shown_value);
  add_double_or_null (builder, "numerator", self->numerator);
  add_double_or_null (builder, "denominator", self->denominator);
  json_builder_set_member_name (builder, "estimated");
  json_builder_add_boolean_value (builder, self->estimated);
  add_double_or_null (builder, "points", _kefu_round (self->points, 1e-6));
  add_double_or_null (builder, "weight", _kefu_round (self->weight, 1e-6));
  add_double_or_null (builder, "weighted", _kefu_round (self->weighted, 1e-6));
  add_string_or_null (builder, "bracket", bracket_text (self));
  json_builder_set_member_name (builder, "bracket_index");
  if (self->bracket_index >= 0)
    json_builder_add_int_value (builder, self->bracket_index);
  else
    json_builder_add_null_value (builder);
  add_string_or_null (builder, "error", self->error);
  add_string_or_null (builder, "note", self->note);
  add_string_or_null (builder, "missing", self->missing);
  ensure_explanation (self);
  add_string_or_null (builder, "explanation", self->explanation);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
