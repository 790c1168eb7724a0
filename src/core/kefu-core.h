/* kefu-core.h — everything the app, the CLI and the tests use of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-demo.h"
#include "kefu-format.h"
#include "export/kefu-workbook.h"
#include "import/kefu-importer.h"
#include "import/kefu-import-task.h"
#include "import/kefu-import-result.h"
#include "import/kefu-profile.h"
#include "import/kefu-profile-registry.h"
#include "import/kefu-value.h"
#include "io/kefu-table-reader.h"
#include "metrics/kefu-metric.h"
#include "metrics/kefu-metric-table.h"
#include "metrics/kefu-metric-query.h"
#include "metrics/kefu-metric-settings.h"
#include "model/kefu-batch.h"
#include "model/kefu-period.h"
#include "model/kefu-shop.h"
#include "scoring/kefu-agent-score.h"
#include "scoring/kefu-bracket.h"
#include "scoring/kefu-item-score.h"
#include "scoring/kefu-manual-scores.h"
#include "scoring/kefu-precision.h"
#include "scoring/kefu-scheme.h"
#include "scoring/kefu-scheme-issue.h"
#include "scoring/kefu-scheme-item.h"
#include "scoring/kefu-score-report.h"
#include "scoring/kefu-scoring-enums.h"
#include "store/kefu-store.h"
