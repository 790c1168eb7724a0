/* kefu-batch.c — one imported file, as the Data view and the CLI list it
 *
 * Read-only: a batch is changed only by deleting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/kefu-batch-private.h"

struct _KefuBatch
{
  GObject  parent_instance;

  gint64   id;
  gint64   shop_id;
  char    *file_name;
  char    *profile;
  char    *kind;
  char    *period_start;
  char    *period_end;
  char    *imported_at;
  gint64   rows_imported;
  gint64   rows_skipped;
  guint    n_problems;
  char    *issues_json;  /* the problems as stored: a JSON array */
};

G_DEFINE_FINAL_TYPE (KefuBatch, kefu_batch, G_TYPE_OBJECT)

static void
kefu_batch_finalize (GObject *object)
{
  KefuBatch *self = KEFU_BATCH (object);

  g_free (self->file_name);
  g_free (self->profile);
  g_free (self->kind);
  g_free (self->period_start);
  g_free (self->period_end);
  g_free (self->imported_at);
  g_free (self->issues_json);

  G_OBJECT_CLASS (kefu_batch_parent_class)->finalize (object);
}

static void
kefu_batch_class_init (KefuBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_batch_finalize;
}

static void
kefu_batch_init (KefuBatch *self)
{
}

KefuBatch *
_kefu_batch_new (const KefuBatchFields *fields)
{
  KefuBatch *self = g_object_new (KEFU_TYPE_BATCH, NULL);

  self->id = fields->id;
  self->shop_id = fields->shop_id;
  self->file_name = g_strdup (fields->file_name);
  self->profile = g_strdup (fields->profile);
  self->kind = g_strdup (fields->kind);
  self->period_start = g_strdup (fields->period_start);
  self->period_end = g_strdup (fields->period_end);
  self->imported_at = g_strdup (fields->imported_at);
  self->rows_imported = fields->rows_imported;
  self->rows_skipped = fields->rows_skipped;
  self->n_problems = fields->n_problems;
  self->issues_json = g_strdup (fields->issues_json ? fields->issues_json : "[]");
  return self;
}

#define GETTER(type, name, fallback) \
  type \
  kefu_batch_get_##name (KefuBatch *self) \
  { \
    g_return_val_if_fail (KEFU_IS_BATCH (self), fallback); \
    return self->name; \
  }

GETTER (gint64, id, 0)
GETTER (gint64, shop_id, 0)
GETTER (const char *, file_name, NULL)
GETTER (const char *, profile, NULL)
GETTER (const char *, kind, NULL)
GETTER (const char *, period_start, NULL)
GETTER (const char *, period_end, NULL)
GETTER (const char *, imported_at, NULL)
GETTER (gint64, rows_imported, 0)
GETTER (gint64, rows_skipped, 0)
GETTER (guint, n_problems, 0)
GETTER (const char *, issues_json, NULL)

#undef GETTER
