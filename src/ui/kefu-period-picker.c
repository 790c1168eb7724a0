/* kefu-period-picker.c — choose the day, week, month or range to look at
 *
 * ‹ 2026年11月 › in the header bar; the label opens a popover with the
 * granularity and a calendar to jump to any day, or two calendars for
 * the first and last day of a range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-period-picker.h"

struct _KefuPeriodPicker
{
  GtkWidget        parent_instance;

  KefuPeriod      *period;

  GtkMenuButton   *menu_button;
  GtkToggleButton *day_button;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkToggleButton *range_button;
  GtkCalendar     *calendar;
  GtkWidget       *range_box;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  guint            updating : 1;
};

G_DEFINE_FINAL_TYPE (KefuPeriodPicker, kefu_period_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
select_day (GtkCalendar *calendar,
            const GDate *day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  gtk_calendar_select_day (calendar, time);
}

static void
sync_widgets (KefuPeriodPicker *self)
{
  g_autofree char *label = kefu_period_format (self->period);
  KefuGranularity granularity = kefu_period_get_granularity (self->period);
  GDate first, last;

  self->updating = TRUE;

  gtk_menu_button_set_label (self->menu_button, label);
  gtk_toggle_button_set_active (self->day_button, granularity == KEFU_GRANULARITY_DAY);
  gtk_toggle_button_set_active (self->week_button, granularity == KEFU_GRANULARITY_WEEK);
  gtk_toggle_button_set_active (self->month_button, granularity == KEFU_GRANULARITY_MONTH);
  gtk_toggle_button_set_active (self->range_button, granularity == KEFU_GRANULARITY_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->calendar), granularity != KEFU_GRANULARITY_RANGE);
  gtk_widget_set_visible (self->range_box, granularity == KEFU_GRANULARITY_RANGE);

  kefu_period_get_first (self->period, &first);
  kefu_period_get_last (self->period, &last);
  select_day (self->calendar, &first);
  select_day (self->from_calendar, &first);
  select_day (self->to_calendar, &last);

  self->updating = FALSE;
}

static void
on_granularity_toggled (KefuPeriodPicker *self,
                        GtkToggleButton  *button)
{
  g_autoptr(KefuPeriod) period = NULL;
  KefuGranularity granularity;
  GDate first;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->day_button)
    granularity = KEFU_GRANULARITY_DAY;
  else if (button == self->week_button)
    granularity = KEFU_GRANULARITY_WEEK;
  else if (button == self->month_button)
    granularity = KEFU_GRANULARITY_MONTH;
  else
    granularity = KEFU_GRANULARITY_RANGE;

  kefu_period_get_first (self->period, &first);
  if (granularity == KEFU_GRANULARITY_RANGE)
    {
      GDate last;

      /* A range starts as the days shown, to be narrowed or widened. */
      kefu_period_get_last (self->period, &last);
      period = kefu_period_new_range (&first, &last);
    }
  else
    period = kefu_period_new (granularity, &first);
  kefu_period_picker_set_period (self, period);
}

static void
on_day_selected (KefuPeriodPicker *self,
                 GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);
  g_autoptr(KefuPeriod) period = NULL;
  GDate day;

  if (self->updating)
    return;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected), g_date_time_get_year (selected));
  period = kefu_period_new (kefu_period_get_granularity (self->period), &day);
  kefu_period_picker_set_period (self, period);
  gtk_menu_button_popdown (self->menu_button);
}

static void
get_selected (GtkCalendar *calendar,
              GDate       *day)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (selected),
                  g_date_time_get_month (selected), g_date_time_get_year (selected));
}

/* A range's first or last day; the other end follows when they cross. */
static void
on_range_selected (KefuPeriodPicker *self,
                   GtkCalendar      *calendar)
{
  g_autoptr(KefuPeriod) period = NULL;
  GDate first, last;

  if (self->updating)
    return;

  kefu_period_get_first (self->period, &first);
  kefu_period_get_last (self->period, &last);
  if (calendar == self->from_calendar)
    {
      get_selected (calendar, &first);
      if (g_date_compare (&first, &last) > 0)
        last = first;
    }
  else
    {
      get_selected (calendar, &last);
      if (g_date_compare (&first, &last) > 0)
        first = last;
    }
  period = kefu_period_new_range (&first, &last);
  kefu_period_picker_set_period (self, period);
}

static void
shift_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kefu_period_picker_shift (KEFU_PERIOD_PICKER (widget),
                            g_str_equal (action_name, "period.next") ? 1 : -1);
}

static void
kefu_period_picker_dispose (GObject *object)
{
  KefuPeriodPicker *self = KEFU_PERIOD_PICKER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_PERIOD_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->period, kefu_period_free);

  G_OBJECT_CLASS (kefu_period_picker_parent_class)->dispose (object);
}

static void
kefu_period_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuPeriodPicker *self = KEFU_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_boxed (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_period_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuPeriodPicker *self = KEFU_PERIOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      kefu_period_picker_set_period (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_period_picker_class_init (KefuPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_period_picker_dispose;
  object_class->get_property = kefu_period_picker_get_property;
  object_class->set_property = kefu_period_picker_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL, KEFU_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kefu/Kefu/kefu-period-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, day_button);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, week_button);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, month_button);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, range_button);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, range_box);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, KefuPeriodPicker, to_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_granularity_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_range_selected);

  gtk_widget_class_install_action (widget_class, "period.previous", NULL, shift_activated);
  gtk_widget_class_install_action (widget_class, "period.next", NULL, shift_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodpicker");
}

static void
kefu_period_picker_init (KefuPeriodPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->period = kefu_period_new_today (KEFU_GRANULARITY_MONTH);
  sync_widgets (self);
}

/**
 * kefu_period_picker_get_period:
 *
 * Returns: (transfer none): the chosen period
 */
const KefuPeriod *
kefu_period_picker_get_period (KefuPeriodPicker *self)
{
  g_return_val_if_fail (KEFU_IS_PERIOD_PICKER (self), NULL);

  return self->period;
}

void
kefu_period_picker_set_period (KefuPeriodPicker *self,
                               const KefuPeriod *period)
{
  g_return_if_fail (KEFU_IS_PERIOD_PICKER (self));
  g_return_if_fail (period != NULL);

  if (kefu_period_equal (self->period, period))
    return;

  kefu_period_free (self->period);
  self->period = kefu_period_copy (period);
  sync_widgets (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

void
kefu_period_picker_shift (KefuPeriodPicker *self,
                          int               n)
{
  g_autoptr(KefuPeriod) period = NULL;

  g_return_if_fail (KEFU_IS_PERIOD_PICKER (self));

  period = kefu_period_shift (self->period, n);
  kefu_period_picker_set_period (self, period);
}
