/* kefu-profile-registry.h — every import profile Kefu knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "import/kefu-profile.h"

G_BEGIN_DECLS

#define KEFU_TYPE_PROFILE_REGISTRY (kefu_profile_registry_get_type ())
G_DECLARE_FINAL_TYPE (KefuProfileRegistry, kefu_profile_registry, KEFU, PROFILE_REGISTRY, GObject)

KefuProfileRegistry *kefu_profile_registry_new          (void);
KefuProfileRegistry *kefu_profile_registry_get_default  (void);
gboolean             kefu_profile_registry_load_builtin (KefuProfileRegistry  *self,
                                                         GError              **error);
gboolean             kefu_profile_registry_load_dir     (KefuProfileRegistry  *self,
                                                         const char           *dir,
                                                         GPtrArray            *problems);
gboolean             kefu_profile_registry_add_file     (KefuProfileRegistry  *self,
                                                         const char           *path,
                                                         GError              **error);
GListModel          *kefu_profile_registry_get_profiles (KefuProfileRegistry  *self);
KefuProfile         *kefu_profile_registry_lookup       (KefuProfileRegistry  *self,
                                                         const char           *id);

G_END_DECLS
