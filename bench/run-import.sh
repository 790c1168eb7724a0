#!/bin/sh
# Import benchmark: 200,000 orders × 12 columns as XLSX and as CSV, beside
# their floors — the decompression of the sheet (unzip -p) and SQLite's own
# CSV import (sqlite3 .import). Prints one table of wall time and peak
# memory.
set -eu

BUILD=${1:-build}
ROWS=${ROWS:-200000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "$0")/bench-result.sh"

"$BUILD/bench/kefu-bench-gen" "$ROWS" "$WORK/orders.xlsx" "$WORK/orders.csv"

# run NAME COMMAND…: wall seconds and peak RSS (MiB) of one run
run () {
  name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/err" || {
    cat "$WORK/err" >&2; exit 1; }
  read -r seconds kib < "$WORK/time"
  printf '%-34s %8.2f s %8.1f MiB\n' "$name" "$seconds" "$(echo "$kib / 1024" | bc -l)"
}

printf '%s rows × 12 columns; XLSX %s bytes, CSV %s bytes\n' "$ROWS" \
  "$(stat -c %s "$WORK/orders.xlsx")" "$(stat -c %s "$WORK/orders.csv")"
run "floor: unzip -p sheet1.xml" unzip -p "$WORK/orders.xlsx" xl/worksheets/sheet1.xml
floor=$seconds
run "kefu-cli import orders.xlsx" "$BUILD/src/cli/kefu-cli" --db "$WORK/x.db" import --shop bench "$WORK/orders.xlsx"
bench_result "import $ROWS orders, XLSX" "$seconds" "floor: unzip -p sheet1.xml" "$floor" s
run "peer: sqlite3 .import orders.csv" sqlite3 "$WORK/peer.db" ".import --csv $WORK/orders.csv orders"
peer=$seconds
run "kefu-cli import orders.csv" "$BUILD/src/cli/kefu-cli" --db "$WORK/c.db" import --shop bench "$WORK/orders.csv"
bench_result "import $ROWS orders, CSV" "$seconds" "peer: sqlite3 .import" "$peer" s
