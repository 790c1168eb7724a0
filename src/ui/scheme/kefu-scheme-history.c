/* kefu-scheme-history.c — undo and redo for a scheme being edited
 *
 * The changes of the scheme (KefuScheme::changed) made in one turn of
 * the main loop — one edit, or a ladder filled in at once — are one
 * step. The history keeps the scheme's state after each step as a copy;
 * undo puts
 * the state before the last step back with kefu_scheme_assign(), so the
 * editor keeps showing the same object. A change made after an undo
 * drops what could have been redone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kefu-scheme-history.h"

/* Enough for an afternoon of editing; the oldest steps go first. */
#define MAX_STEPS 200

struct _KefuSchemeHistory
{
  GObject     parent_instance;

  KefuScheme *scheme;
  GPtrArray  *undo;      /* KefuScheme: states before each step, oldest first */
  GPtrArray  *redo;      /* KefuScheme: states undone, newest last */
  KefuScheme *current;   /* the scheme's state now */
  guint       pending;   /* idle that takes the state after a step */
  gboolean    restoring;
};

G_DEFINE_FINAL_TYPE (KefuSchemeHistory, kefu_scheme_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_can (KefuSchemeHistory *self,
            gboolean           could_undo,
            gboolean           could_redo)
{
  if (could_undo != kefu_scheme_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != kefu_scheme_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
take_state (gpointer user_data)
{
  KefuSchemeHistory *self = user_data;

  self->pending = 0;
  g_clear_object (&self->current);
  self->current = kefu_scheme_copy (self->scheme);
  return G_SOURCE_REMOVE;
}

static void
flush (KefuSchemeHistory *self)
{
  if (self->pending != 0)
    {
      g_source_remove (self->pending);
      take_state (self);
    }
}

static void
on_scheme_changed (KefuSchemeHistory *self)
{
  gboolean could_undo = kefu_scheme_history_get_can_undo (self);
  gboolean could_redo = kefu_scheme_history_get_can_redo (self);

  if (self->restoring || self->pending != 0)
    return;

  g_ptr_array_add (self->undo, g_steal_pointer (&self->current));
  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->pending = g_idle_add_full (G_PRIORITY_HIGH_IDLE, take_state, self, NULL);
  notify_can (self, could_undo, could_redo);
}

static void
kefu_scheme_history_dispose (GObject *object)
{
  KefuSchemeHistory *self = KEFU_SCHEME_HISTORY (object);

  kefu_scheme_history_set_scheme (self, NULL);

  G_OBJECT_CLASS (kefu_scheme_history_parent_class)->dispose (object);
}

static void
kefu_scheme_history_finalize (GObject *object)
{
  KefuSchemeHistory *self = KEFU_SCHEME_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (kefu_scheme_history_parent_class)->finalize (object);
}

static void
kefu_scheme_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KefuSchemeHistory *self = KEFU_SCHEME_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCHEME:   g_value_set_object (value, self->scheme); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, kefu_scheme_history_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, kefu_scheme_history_get_can_redo (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_history_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KefuSchemeHistory *self = KEFU_SCHEME_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCHEME: kefu_scheme_history_set_scheme (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_scheme_history_class_init (KefuSchemeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_scheme_history_dispose;
  object_class->finalize = kefu_scheme_history_finalize;
  object_class->get_property = kefu_scheme_history_get_property;
  object_class->set_property = kefu_scheme_history_set_property;

  properties[PROP_SCHEME] =
    g_param_spec_object ("scheme", NULL, NULL, KEFU_TYPE_SCHEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_scheme_history_init (KefuSchemeHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

KefuSchemeHistory *
kefu_scheme_history_new (void)
{
  return g_object_new (KEFU_TYPE_SCHEME_HISTORY, NULL);
}

KefuScheme *
kefu_scheme_history_get_scheme (KefuSchemeHistory *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_HISTORY (self), NULL);
  return self->scheme;
}

/**
 * kefu_scheme_history_set_scheme:
 * @scheme: (nullable): the scheme to follow; its history starts afresh
 */
void
kefu_scheme_history_set_scheme (KefuSchemeHistory *self,
                                KefuScheme        *scheme)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (KEFU_IS_SCHEME_HISTORY (self));
  g_return_if_fail (scheme == NULL || KEFU_IS_SCHEME (scheme));

  if (self->scheme == scheme)
    return;

  could_undo = kefu_scheme_history_get_can_undo (self);
  could_redo = kefu_scheme_history_get_can_redo (self);
  if (self->scheme != NULL)
    g_signal_handlers_disconnect_by_func (self->scheme, on_scheme_changed, self);
  g_clear_handle_id (&self->pending, g_source_remove);
  g_set_object (&self->scheme, scheme);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->current);
  if (scheme != NULL)
    {
      self->current = kefu_scheme_copy (scheme);
      g_signal_connect_object (scheme, "changed", G_CALLBACK (on_scheme_changed),
                               self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEME]);
  notify_can (self, could_undo, could_redo);
}

gboolean
kefu_scheme_history_get_can_undo (KefuSchemeHistory *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
kefu_scheme_history_get_can_redo (KefuSchemeHistory *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

/* Moves the newest state of @from into the scheme, and the scheme's
 * state now onto @to. */
static gboolean
step (KefuSchemeHistory *self,
      GPtrArray         *from,
      GPtrArray         *to)
{
  gboolean could_undo = kefu_scheme_history_get_can_undo (self);
  gboolean could_redo = kefu_scheme_history_get_can_redo (self);
  KefuScheme *state;

  flush (self);
  if (from->len == 0)
    return FALSE;

  state = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, g_steal_pointer (&self->current));
  self->current = state;

  self->restoring = TRUE;
  kefu_scheme_assign (self->scheme, state);
  self->restoring = FALSE;

  notify_can (self, could_undo, could_redo);
  return TRUE;
}

/**
 * kefu_scheme_history_undo:
 *
 * Returns: %TRUE when there was a change to undo
 */
gboolean
kefu_scheme_history_undo (KefuSchemeHistory *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_HISTORY (self), FALSE);
  return step (self, self->undo, self->redo);
}

/**
 * kefu_scheme_history_redo:
 *
 * Returns: %TRUE when there was an undone change to make again
 */
gboolean
kefu_scheme_history_redo (KefuSchemeHistory *self)
{
  g_return_val_if_fail (KEFU_IS_SCHEME_HISTORY (self), FALSE);
  return step (self, self->redo, self->undo);
}
