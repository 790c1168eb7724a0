/* kefu-fuzz.h — what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with
 * -Dfuzzing=true it is linked with libFuzzer; in every build it is also
 * linked with kefu-fuzz-replay.c, which feeds it the kept inputs of
 * tests/fuzz/corpus/ and tests/fuzz/regressions/ as a normal test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int          LLVMFuzzerTestOneInput  (const guint8 *data,
                                      size_t        size);

/* Makes criticals and warnings abort, once per process. */
void         kefu_fuzz_init          (void);

/* Writes @data to this process's scratch file, ending in @suffix, for
 * the readers that take a path. The path stays the same for a process. */
const char  *kefu_fuzz_write_file    (const guint8 *data,
                                      size_t        size,
                                      const char   *suffix);

G_END_DECLS
