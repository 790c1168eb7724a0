/* kefu-sheet-scanner.h — a worksheet part's XML, scanned without libxml2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shapes of libxml2's SAX2 callbacks, so one set of handlers serves
 * both: names NUL-terminated; @uri the namespace of a prefixed name, NULL
 * when its prefix has none declared, and NULL for a name without prefix
 * (not looked up); five pointers per attribute (local name, prefix, URI,
 * value, end of value), the value as written (references not decoded). */
typedef struct
{
  void (*start) (gpointer      user_data,
                 const char   *localname,
                 const char   *prefix,
                 const char   *uri,
                 int           n_attributes,
                 const char  **attributes);
  void (*end)   (gpointer      user_data,
                 const char   *localname,
                 const char   *prefix,
                 const char   *uri);
  void (*text)  (gpointer      user_data,
                 const char   *text,
                 gsize         length);
} KefuSheetScannerCallbacks;

typedef struct _KefuSheetScanner KefuSheetScanner;

gboolean          kefu_sheet_scanner_can_scan (const char                      *head,
                                               gsize                            length);
KefuSheetScanner *kefu_sheet_scanner_new      (const KefuSheetScannerCallbacks *callbacks,
                                               gpointer                         user_data);
void              kefu_sheet_scanner_free     (KefuSheetScanner                *self);
gboolean          kefu_sheet_scanner_feed     (KefuSheetScanner                *self,
                                               const char                      *data,
                                               gsize                            length,
                                               gboolean                         last);
void              kefu_sheet_scanner_stop     (KefuSheetScanner                *self);
const char       *kefu_sheet_scanner_get_error (KefuSheetScanner               *self);
guint             kefu_sheet_scanner_get_line (KefuSheetScanner                *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuSheetScanner, kefu_sheet_scanner_free)

G_END_DECLS
