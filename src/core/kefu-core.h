/* kefu-core.h — everything the app, the CLI and the tests use of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-demo.h"
#include "model/kefu-period.h"
#include "model/kefu-shop.h"
#include "store/kefu-store.h"
