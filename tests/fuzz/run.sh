#!/bin/sh
# Runs libFuzzer targets for a bounded time each, one after the other,
# at the lowest CPU priority: `make fuzz` (FUZZ_SECONDS, FUZZ_TARGETS).
#
#   sh tests/fuzz/run.sh BUILDDIR SECONDS TARGET...
#
# FUZZ_ARGS adds libFuzzer options, e.g. "-fork=1 -ignore_crashes=1" to
# go on past a crash that lies in a library (see tests/fuzz/README.md).
#
# Each target starts from its seed corpus (tests/fuzz/corpus/TARGET) and
# the corpus it grew in earlier runs (BUILDDIR/fuzz/corpus/TARGET, kept
# out of the tree). A crashing input lands in BUILDDIR/fuzz/artifacts/;
# once fixed, copy it to tests/fuzz/regressions/TARGET/ so the normal
# test suite replays it. Prints one line per target and fails when any
# target found something.
set -eu

builddir=$1
seconds=$2
shift 2
srcdir=$(cd "$(dirname "$0")" && pwd)
status=0
# The same leak suppressions as make test-asan.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/../lsan.supp:print_suppressions=0}
ASAN_OPTIONS=${ASAN_OPTIONS:-fast_unwind_on_malloc=0}
export LSAN_OPTIONS ASAN_OPTIONS

printf '%-12s %8s %12s %8s  %s\n' target seconds executions corpus result
for target in "$@"; do
  corpus=$builddir/fuzz/corpus/$target
  artifacts=$builddir/fuzz/artifacts/$target/
  log=$builddir/fuzz/$target.log
  mkdir -p "$corpus" "$artifacts" "$srcdir/regressions/$target"
  result=ok
  dict=
  [ -f "$srcdir/$target.dict" ] && dict=-dict=$srcdir/$target.dict
  start=$(date +%s)
  # -timeout: a single input taking longer is a finding (a hang).
  nice -n 19 "$builddir/tests/fuzz/fuzz-$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts" $dict ${FUZZ_ARGS:-} \
    "$corpus" "$srcdir/corpus/$target" >"$log" 2>&1 || result="FOUND (see $log)"
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  units=$(sed -n 's/.*#[0-9]*.*DONE.*corp: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
  [ "$result" = ok ] || status=1
  printf '%-12s %8s %12s %8s  %s\n' "$target" "$elapsed" "${execs:-?}" "${units:-?}" "$result"
  # The running total over every run, for the record.
  echo "$(date -u +%FT%TZ) $target $elapsed ${execs:-0} $result" >>"$builddir/fuzz/history"
done
exit $status
