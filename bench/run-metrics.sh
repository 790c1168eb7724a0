#!/bin/sh
# Metrics benchmark: a month of 1,000,000 chat messages (40 agents) and
# 200,000 orders in Kefu's standard templates. Imports them with kefu-cli,
# then times every metric of the month by agent (and a week, and by
# agent × day, to show memory does not grow with the data read), beside
# the same turns, response rates, conversion and attribution written with
# pandas over the same CSVs — and checks that both give the same figures.
# Prints one table of wall time and peak memory; each metrics figure is
# the best of REPEAT runs, as the machine may be busy.
set -eu

BUILD=${1:-build}
MESSAGES=${MESSAGES:-1000000}
ORDERS=${ORDERS:-200000}
REPEAT=${REPEAT:-3}
PYTHON=${PYTHON:-/usr/bin/python3}   # Debian's, where python3-pandas lives
HERE=$(dirname "$0")
CLI="$BUILD/src/cli/kefu-cli"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$HERE/bench-result.sh"

"$BUILD/bench/kefu-bench-metrics-gen" "$MESSAGES" "$ORDERS" "$WORK/聊天记录.csv" "$WORK/订单.csv"

# run NAME OUTPUT COMMAND…: the best wall seconds and peak RSS (MiB) of
# REPEAT runs (imports: one); stdout goes to OUTPUT.
best=0
run () {
  name=$1; output=$2; shift 2
  times=$REPEAT
  case "$name" in *import*) times=1 ;; esac
  best=""; peak=0
  i=0
  while [ "$i" -lt "$times" ]; do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$output" 2> "$WORK/err" || {
      cat "$WORK/err" >&2; exit 1; }
    read -r seconds kib < "$WORK/time"
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc)" -eq 1 ]; then best=$seconds; fi
    if [ "$kib" -gt "$peak" ]; then peak=$kib; fi
    i=$((i + 1))
  done
  printf '%-52s %8.2f s %8.1f MiB\n' "$name" "$best" "$(echo "$peak / 1024" | bc -l)"
}

printf '%s messages (%s bytes), %s orders (%s bytes), 40 agents, October 2026\n' \
  "$MESSAGES" "$(stat -c %s "$WORK/聊天记录.csv")" "$ORDERS" "$(stat -c %s "$WORK/订单.csv")"
run "kefu-cli import (chat log)" /dev/null \
  "$CLI" --db "$WORK/k.db" import --shop bench "$WORK/聊天记录.csv"
run "kefu-cli import (orders)" /dev/null \
  "$CLI" --db "$WORK/k.db" import --shop bench "$WORK/订单.csv"

run "kefu-cli metrics --by agent (month, all metrics)" "$WORK/kefu.json" \
  "$CLI" --db "$WORK/k.db" metrics --from 2026-10-01 --to 2026-10-31 --by agent --format json
kefu=$best
run "kefu-cli metrics --by agent (one week)" /dev/null \
  "$CLI" --db "$WORK/k.db" metrics --from 2026-10-08 --to 2026-10-14 --by agent --format json
run "kefu-cli metrics --by agent,day (month)" /dev/null \
  "$CLI" --db "$WORK/k.db" metrics --from 2026-10-01 --to 2026-10-31 --by agent,day --format json
run "pandas: load CSVs + turns, rates, conversion" "$WORK/pandas.json" \
  "$PYTHON" "$HERE/metrics_pandas.py" "$WORK/聊天记录.csv" "$WORK/订单.csv"
pandas=$best
printf '%-52s %s\n' "  of which (last run)" "$(cat "$WORK/err")"

printf '%-52s %8.1f ×\n' "pandas ÷ kefu-cli metrics (month)" "$(echo "$pandas / $kefu" | bc -l)"
bench_result "metrics by agent, month of $MESSAGES messages" "$kefu" "peer: pandas" "$pandas" s

# Both must give the same numerators and denominators.
"$PYTHON" - "$WORK/kefu.json" "$WORK/pandas.json" <<'EOF'
import json, sys
kefu = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
agree, differ = 0, []
for row in kefu["rows"]:
    figures = peer["shop"] if row["agent"] is None else peer["agents"].get(row["agent"], {})
    for key, (num, den) in figures.items():
        value = row["metrics"][key]
        if value["numerator"] is not None and abs(value["numerator"] - num) <= 1e-6 * max(1, abs(num)) \
           and abs(value["denominator"] - den) <= 1e-9:
            agree += 1
        else:
            differ.append((row["agent"], key, value["numerator"], value["denominator"], num, den))
print(f"cross-check with pandas: {agree} figures agree, {len(differ)} differ")
for d in differ[:10]:
    print("  differs:", *d)
sys.exit(1 if differ else 0)
EOF
