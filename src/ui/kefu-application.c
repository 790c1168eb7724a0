/* kefu-application.c — the application: options, the open database, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kefu-application.h"
#include "kefu-help.h"
#include "kefu-resources.h"
#include "kefu-window.h"

struct _KefuApplication
{
  AdwApplication  parent_instance;

  KefuStore      *store;
  char           *db_path;     /* --db, or NULL for the default */
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (KefuApplication, kefu_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (KefuApplication *self);

static void
show_error (KefuApplication *self,
            const char      *heading,
            const GError    *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Switches the whole application to another database. */
static gboolean
open_store (KefuApplication  *self,
            gboolean          demo,
            GError          **error)
{
  g_autoptr(KefuStore) store = NULL;
  g_autofree char *path = NULL;

  if (demo)
    {
      path = kefu_store_get_demo_path (self->db_path);
      store = kefu_demo_open (path, error);
    }
  else
    {
      path = self->db_path ? g_strdup (self->db_path) : kefu_store_get_default_path ();
      store = kefu_store_open (path, error);
    }
  if (store == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  self->demo = demo;
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  return TRUE;
}

static void
switch_store (KefuApplication *self,
              gboolean         demo)
{
  g_autoptr(GError) error = NULL;

  if (!open_store (self, demo, &error))
    show_error (self, demo ? _("The Demo Shop Could Not Be Opened")
                           : _("Your Shops Could Not Be Opened"), error);
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  switch_store (KEFU_APPLICATION (user_data), TRUE);
}

static void
close_demo_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  switch_store (KEFU_APPLICATION (user_data), FALSE);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Kefu developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Kefu"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Kefu developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Customer-service performance for e-commerce shops: "
                                       "every agent’s KPIs, scored with your own scheme."),
                         "developers", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Kefu developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (parent != NULL)
    kefu_help_show (parent);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open-demo",  open_demo_activated },
  { "close-demo", close_demo_activated },
  { "about",      about_activated },
  { "help",       help_activated },
  { "quit",       quit_activated },
};

static void
update_actions (KefuApplication *self)
{
  GAction *open_demo = g_action_map_lookup_action (G_ACTION_MAP (self), "open-demo");
  GAction *close_demo = g_action_map_lookup_action (G_ACTION_MAP (self), "close-demo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (open_demo), !self->demo);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (close_demo), self->demo);
}

static int
kefu_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  const char *db_path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    self->db_path = g_canonicalize_filename (db_path, NULL);
  g_variant_dict_lookup (options, "demo", "b", &self->demo);

  return -1;
}

static void
kefu_application_startup (GApplication *app)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *import_accels[] = { "<Primary>o", NULL };
  static const char *export_accels[] = { "<Primary>e", NULL };
  static const char *help_accels[] = { "F1", NULL };

  kefu_register_resource ();

  G_APPLICATION_CLASS (kefu_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  update_actions (self);
}

static KefuWindow *
ensure_window (KefuApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (kefu_window_new (self));

  return KEFU_WINDOW (window);
}

static void
kefu_application_activate (GApplication *app)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  KefuWindow *window;

  if (self->store == NULL && !open_store (self, self->demo, &error))
    {
      window = ensure_window (self);
      gtk_window_present (GTK_WINDOW (window));
      show_error (self, _("Your Shops Could Not Be Opened"), error);
      return;
    }

  window = ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
kefu_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  KefuApplication *self = KEFU_APPLICATION (app);
  g_autoptr(GListStore) list = g_list_store_new (G_TYPE_FILE);

  kefu_application_activate (app);

  for (int i = 0; i < n_files; i++)
    g_list_store_append (list, files[i]);

  kefu_window_import_files (ensure_window (self), G_LIST_MODEL (list));
}

static void
kefu_application_dispose (GObject *object)
{
  KefuApplication *self = KEFU_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (kefu_application_parent_class)->dispose (object);
}

static void
kefu_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuApplication *self = KEFU_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_application_class_init (KefuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kefu_application_dispose;
  object_class->get_property = kefu_application_get_property;

  app_class->handle_local_options = kefu_application_handle_local_options;
  app_class->startup = kefu_application_startup;
  app_class->activate = kefu_application_activate;
  app_class->open = kefu_application_open;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_application_init (KefuApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use this database file instead of the default"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo shop"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[FILE…] — files to import"));
}

KefuApplication *
kefu_application_new (void)
{
  /* Not unique: each instance opens the database it was given (--db),
   * and two instances share one database safely (WAL, busy timeout). */
  return g_object_new (KEFU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/kefu/Kefu",
                       NULL);
}

KefuStore *
kefu_application_get_store (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), NULL);

  return self->store;
}

gboolean
kefu_application_is_demo (KefuApplication *self)
{
  g_return_val_if_fail (KEFU_IS_APPLICATION (self), FALSE);

  return self->demo;
}
