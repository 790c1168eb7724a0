/* kefu-workbook.c — the Excel appraisal workbook (考核表)
 *
 * The manager's deliverable: a workbook to print, sign and file, written
 * with libxlsxwriter from the same KefuScoreReport the window shows.
 *
 *   考核汇总 Summary   one row per agent: each item's value, points and
 *                      weighted points, the total, the rank — points,
 *                      totals and ranks as live formulas over the Scheme
 *                      sheet's tables, with Kefu's results cached
 *   方案 Scheme        the items, weights and bracket tables
 *   明细 Details       daily values per agent, and how each period value
 *                      came about (numerator, denominator, estimated, files)
 *   图表 Charts        native charts: totals, item points, daily trends
 *   说明 Definitions   every metric's definition (METRICS.md §3)
 *
 * This file holds the workbook's data and settings; kefu-workbook-load.c
 * reads what the report does not carry from the store, and
 * kefu-workbook-write.c writes it, with one file per sheet beside it.
 *
 * The window: kefu_workbook_new (report), then
 * kefu_workbook_export_async (self, db_path, shop_id, settings, path, …),
 * which reads the daily values in a thread of its own and writes there.
 * kefu-cli export: kefu_workbook_new_from_store () and kefu_workbook_write ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/kefu-workbook-private.h"
#include "kefu-set-str.h"

struct _KefuWorkbook
{
  GObject          parent_instance;

  KefuScoreReport *report;
  char            *shop_name;
  char            *language;       /* as asked for; NULL: the interface's */
  KefuCatalog     *catalog;        /* the translations of @language */
  gboolean         mask_buyers;
  GDateTime       *created;

  /* kefu-workbook-load.c */
  KefuMetricTable *period;         /* KEFU_GROUP_AGENT, the scheme's metrics */
  KefuMetricTable *daily;          /* KEFU_GROUP_AGENT_DAY */
  GHashTable      *batch_names;    /* batch id → file name */
  GHashTable      *masked_names;   /* batch id → file name, its buyers masked */
};

G_DEFINE_FINAL_TYPE (KefuWorkbook, kefu_workbook, G_TYPE_OBJECT)
G_DEFINE_QUARK (kefu-workbook-error-quark, kefu_workbook_error)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_SHOP_NAME,
  PROP_LANGUAGE,
  PROP_MASK_BUYERS,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_workbook_finalize (GObject *object)
{
  KefuWorkbook *self = KEFU_WORKBOOK (object);

  g_clear_object (&self->report);
  g_clear_object (&self->period);
  g_clear_object (&self->daily);
  g_clear_pointer (&self->batch_names, g_hash_table_unref);
  g_clear_pointer (&self->masked_names, g_hash_table_unref);
  g_clear_pointer (&self->catalog, _kefu_catalog_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->shop_name);
  g_free (self->language);

  G_OBJECT_CLASS (kefu_workbook_parent_class)->finalize (object);
}

static void
kefu_workbook_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KefuWorkbook *self = KEFU_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_REPORT:      g_value_set_object (value, self->report); break;
    case PROP_SHOP_NAME:   g_value_set_string (value, self->shop_name); break;
    case PROP_LANGUAGE:    g_value_set_string (value, kefu_workbook_get_language (self)); break;
    case PROP_MASK_BUYERS: g_value_set_boolean (value, self->mask_buyers); break;
    case PROP_CREATED:     g_value_set_boxed (value, self->created); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_workbook_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuWorkbook *self = KEFU_WORKBOOK (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    case PROP_SHOP_NAME:
      kefu_workbook_set_shop_name (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      if (!kefu_workbook_set_language (self, g_value_get_string (value), &error))
        g_warning ("%s", error->message);
      break;
    case PROP_MASK_BUYERS:
      kefu_workbook_set_mask_buyers (self, g_value_get_boolean (value));
      break;
    case PROP_CREATED:
      kefu_workbook_set_created (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_workbook_class_init (KefuWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kefu_workbook_finalize;
  object_class->get_property = kefu_workbook_get_property;
  object_class->set_property = kefu_workbook_set_property;

  /* The report the workbook shows. */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KEFU_TYPE_SCORE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOP_NAME] =
    g_param_spec_string ("shop-name", NULL, NULL, NULL, flags);
  /* "zh_CN", "en", "es"; set to NULL for the user interface's language. */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, flags);
  /* Buyers' identifiers shown as "x**", for workbooks that leave the shop. */
  properties[PROP_MASK_BUYERS] =
    g_param_spec_boolean ("mask-buyers", NULL, NULL, FALSE, flags);
  /* The generation time printed on the sheets; NULL: when written. */
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_workbook_init (KefuWorkbook *self)
{
  self->batch_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->masked_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * kefu_workbook_new:
 * @report: the scores to write
 *
 * Returns: (transfer full): a workbook of @report, in the language of the
 *   user interface; kefu_workbook_load() adds the daily values
 */
KefuWorkbook *
kefu_workbook_new (KefuScoreReport *report)
{
  g_return_val_if_fail (KEFU_IS_SCORE_REPORT (report), NULL);

  return g_object_new (KEFU_TYPE_WORKBOOK, "report", report, NULL);
}

KefuScoreReport *
kefu_workbook_get_report (KefuWorkbook *self)
{
  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), NULL);
  return self->report;
}

const char *
kefu_workbook_get_shop_name (KefuWorkbook *self)
{
  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), NULL);
  return self->shop_name;
}

void
kefu_workbook_set_shop_name (KefuWorkbook *self,
                             const char   *shop_name)
{
  g_return_if_fail (KEFU_IS_WORKBOOK (self));

  if (kefu_set_str (&self->shop_name, shop_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOP_NAME]);
}

/* The catalog of the language asked for, loaded once. */
KefuCatalog *
_kefu_workbook_get_catalog (KefuWorkbook  *self,
                            GError       **error)
{
  if (self->catalog == NULL)
    self->catalog = _kefu_catalog_new (self->language, error);
  return self->catalog;
}

/**
 * kefu_workbook_get_language:
 *
 * Returns: the language the workbook is written in: "zh_CN", "es" or
 *   "en" (also when it follows the user interface)
 */
const char *
kefu_workbook_get_language (KefuWorkbook *self)
{
  KefuCatalog *catalog;

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), NULL);

  catalog = _kefu_workbook_get_catalog (self, NULL);
  return catalog != NULL ? _kefu_catalog_get_language (catalog) : self->language;
}

/**
 * kefu_workbook_set_language:
 * @language: (nullable): "zh_CN", "en", "es"; %NULL for the language of
 *   the user interface
 *
 * Returns: %FALSE, leaving the language as it was, when Kefu has no
 *   translation into @language
 */
gboolean
kefu_workbook_set_language (KefuWorkbook  *self,
                            const char    *language,
                            GError       **error)
{
  KefuCatalog *catalog;

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), FALSE);

  if (g_strcmp0 (language, self->language) == 0 && self->catalog != NULL)
    return TRUE;

  catalog = _kefu_catalog_new (language, error);
  if (catalog == NULL)
    return FALSE;

  g_clear_pointer (&self->catalog, _kefu_catalog_free);
  self->catalog = catalog;
  kefu_set_str (&self->language, language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
  return TRUE;
}

gboolean
kefu_workbook_get_mask_buyers (KefuWorkbook *self)
{
  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), FALSE);
  return self->mask_buyers;
}

void
kefu_workbook_set_mask_buyers (KefuWorkbook *self,
                               gboolean      mask_buyers)
{
  g_return_if_fail (KEFU_IS_WORKBOOK (self));

  mask_buyers = !!mask_buyers;
  if (self->mask_buyers == mask_buyers)
    return;
  self->mask_buyers = mask_buyers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK_BUYERS]);
}

/**
 * kefu_workbook_get_created:
 *
 * Returns: (transfer none) (nullable): the generation time to print, or
 *   %NULL for the time of writing
 */
GDateTime *
kefu_workbook_get_created (KefuWorkbook *self)
{
  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), NULL);
  return self->created;
}

void
kefu_workbook_set_created (KefuWorkbook *self,
                           GDateTime    *created)
{
  g_return_if_fail (KEFU_IS_WORKBOOK (self));

  if (self->created == created)
    return;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

/**
 * kefu_workbook_suggest_name:
 *
 * Returns: (transfer full): a file name for the workbook, such as
 *   "考核表_小鹿女装_2026-10-01_2026-10-31.xlsx"
 */
char *
kefu_workbook_suggest_name (KefuWorkbook *self)
{
  g_autoptr(GString) name = NULL;
  KefuCatalog *catalog;
  GDate from, to;
  char first[16] = "", last[16] = "";

  g_return_val_if_fail (KEFU_IS_WORKBOOK (self), NULL);

  catalog = _kefu_workbook_get_catalog (self, NULL);
  kefu_score_report_get_period (self->report, &from, &to);
  if (g_date_valid (&from))
    g_date_strftime (first, sizeof first, "%Y-%m-%d", &from);
  if (g_date_valid (&to))
    g_date_strftime (last, sizeof last, "%Y-%m-%d", &to);

  /* Translators: the start of the workbook's suggested file name */
  name = g_string_new (catalog ? _kefu_catalog_gettext (catalog, N_("Appraisal"))
                               : N_("Appraisal"));
  if (self->shop_name != NULL && *self->shop_name != '\0')
    {
      g_autofree char *shop = g_utf8_make_valid (self->shop_name, -1);

      g_strdelimit (shop, "/\\:*?\"<>|\t\r\n", '_');
      g_string_append_printf (name, "_%s", shop);
    }
  g_string_append_printf (name, "_%s_%s.xlsx", first, last);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

const char *
_kefu_workbook_get_shop_name (KefuWorkbook *self)
{
  return self->shop_name;
}

KefuMetricTable *
_kefu_workbook_get_period (KefuWorkbook *self)
{
  return self->period;
}

KefuMetricTable *
_kefu_workbook_get_daily (KefuWorkbook *self)
{
  return self->daily;
}

const char *
_kefu_workbook_get_batch_name (KefuWorkbook *self,
                               gint64        batch_id)
{
  const char *masked;

  if (self->mask_buyers && (masked = g_hash_table_lookup (self->masked_names, &batch_id)) != NULL)
    return masked;
  return g_hash_table_lookup (self->batch_names, &batch_id);
}

GHashTable *
_kefu_workbook_get_batch_names (KefuWorkbook *self)
{
  return self->batch_names;
}

/* Batch id → its file name with the buyers' identifiers written in it
 * masked; only the names that have any. */
GHashTable *
_kefu_workbook_get_masked_names (KefuWorkbook *self)
{
  return self->masked_names;
}

void
_kefu_workbook_set_tables (KefuWorkbook    *self,
                           KefuMetricTable *period,
                           KefuMetricTable *daily)
{
  if (period != NULL)
    g_set_object (&self->period, period);
  if (daily != NULL)
    g_set_object (&self->daily, daily);
}
