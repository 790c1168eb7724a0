#!/bin/sh
# Export benchmark: the Excel appraisal workbook of 200 agents × 31 days.
# Generates, deterministically, a per-agent daily table in Kefu's own
# template (kefu-agent-table) with every measure column the template has —
# 23 metrics — and a scheme scoring every one of them, imports it, then
# times kefu-cli export (scoring, the daily query for the Details sheet,
# and writing the five sheets) beside kefu-cli score and kefu-cli metrics
# --by agent,day, the work the export cannot avoid. Prints wall time and
# peak memory (best of REPEAT runs), and the workbook's size. Goal: < 1 s.
set -eu

BUILD=${1:-build}
AGENTS=${AGENTS:-200}
REPEAT=${REPEAT:-3}
CLI="$BUILD/src/cli/kefu-cli"
# The translations of the build tree, for --lang zh_CN.
export KEFU_LOCALEDIR="$BUILD/po"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "$0")/bench-result.sh"

# The daily table: a linear congruential generator, so every run has the
# same figures.
awk -v agents="$AGENTS" 'BEGIN {
  seed = 20261001
  print "客服,日期,咨询人数,询单人数,询单付款人数,下单笔数,成交笔数,客服销售额,店铺客单价,客件数," \
        "人工接待人数,人工接待会话量,30秒应答率,3分钟人工回复率,5分钟回复率,首次响应时间(秒),平均响应时间(秒)," \
        "未回复人数,慢响应次数,答问比,在线天数,月退货量,月成交量,投诉数,满意率,评价数"
  for (a = 1; a <= agents; a++)
    for (d = 1; d <= 31; d++) {
      consult = 40 + rnd(160); inquiry = int(consult * (0.5 + rnd(40) / 100)); paid = int(inquiry * (0.2 + rnd(30) / 100))
      placed = paid + rnd(20); orders = paid + rnd(placed - paid + 1); sales = orders * (50 + rnd(100)) + rnd(100) / 100
      received = int(consult * 0.9); sessions = received + rnd(10)
      r30 = (60 + rnd(40)) / 100; r3 = (80 + rnd(20)) / 100; r5 = (90 + rnd(10)) / 100
      first = 3 + rnd(40) + rnd(10) / 10; avg = first + rnd(20)
      printf "客服%03d,2026-10-%02d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%d,%d,%.4f,%.4f,%.4f,%.1f,%.1f,%d,%d,%.3f,1,%d,%d,%d,%.4f,%d\n",
        a, d, consult, inquiry, paid, placed, orders, sales, 88.5, 1 + rnd(100) / 100, received, sessions,
        r30, r3, r5, first, avg, rnd(5), rnd(15), 1 + rnd(100) / 100, rnd(3), orders, rnd(2),
        (85 + rnd(15)) / 100, 5 + rnd(20)
    }
}
function rnd(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return n > 0 ? int(seed / 2147483648 * n) : 0 }' \
  > "$WORK/客服日报_2026-10.csv"

# A scheme with every metric of the table: 8 × 5 % + 15 × 4 %.
awk 'BEGIN {
  n = split("inquiry_conversion_rate:f payment_rate:f response_rate_30s:f response_rate_3min:f " \
            "first_response_time:s avg_response_time:s satisfaction_rate:f unit_price_ratio:r " \
            "response_rate_5min:f consult_buyers:c inquiry_buyers:c agent_sales:y unit_price:y " \
            "items_per_buyer:r received_buyers:c sessions_received:c unreplied_buyers:c " \
            "slow_responses:c qa_ratio:r online_days:c monthly_returns:c return_rate:f complaints:c", items, " ")
  rows["f"] = "{ \"range\": \"[0.9, +inf)\", \"points\": 100 }, { \"range\": \"[0.6, 0.9)\", \"points_low\": 60, \"points_high\": 95 }, { \"range\": \"(-inf, 0.6)\", \"points\": 40 }"
  rows["s"] = "{ \"range\": \"(-inf, 15]\", \"points\": 100 }, { \"range\": \"(15, 40]\", \"points\": 80 }, { \"range\": \"(40, +inf)\", \"points\": 50 }"
  rows["r"] = "{ \"range\": \"[1.5, +inf)\", \"points\": 100 }, { \"range\": \"[1, 1.5)\", \"points\": 80 }, { \"range\": \"(-inf, 1)\", \"points\": 50 }"
  rows["c"] = "{ \"range\": \"[200, +inf)\", \"points\": 100 }, { \"range\": \"[20, 200)\", \"points\": 80 }, { \"range\": \"(-inf, 20)\", \"points\": 60 }"
  rows["y"] = "{ \"range\": \"[100000, +inf)\", \"points\": 100 }, { \"range\": \"[100, 100000)\", \"points\": 80 }, { \"range\": \"(-inf, 100)\", \"points\": 60 }"
  printf "{ \"id\": \"bench\", \"name\": \"Benchmark: every metric\", \"items\": [\n"
  for (i = 1; i <= n; i++) {
    split(items[i], part, ":")
    printf "  { \"metric\": \"%s\", \"weight\": %d, \"missing\": \"zero\", \"brackets\": [ %s ] }%s\n",
      part[1], i <= 8 ? 5 : 4, rows[part[2]], i < n ? "," : ""
  }
  printf "] }\n"
}' > "$WORK/bench.json"

# run NAME COMMAND…: the best wall seconds and peak RSS (MiB) of REPEAT runs.
run () {
  name=$1; shift
  best=""; peak=0; i=0
  while [ "$i" -lt "$REPEAT" ]; do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/err" || {
      cat "$WORK/err" >&2; exit 1; }
    read -r seconds kib < "$WORK/time"
    if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc)" -eq 1 ]; then best=$seconds; fi
    if [ "$kib" -gt "$peak" ]; then peak=$kib; fi
    i=$((i + 1))
  done
  printf '%-52s %8.2f s %8.1f MiB\n' "$name" "$best" "$(echo "$peak / 1024" | bc -l)"
}

printf '%s agents × 31 days, 23 metrics (%s bytes of CSV), October 2026\n' \
  "$AGENTS" "$(stat -c %s "$WORK/客服日报_2026-10.csv")"
"$CLI" --db "$WORK/k.db" add-shop bench other > /dev/null
REPEAT=1 run "kefu-cli import (daily table)" \
  "$CLI" --db "$WORK/k.db" import --shop bench "$WORK/客服日报_2026-10.csv"
run "kefu-cli metrics --by agent,day (month)" \
  "$CLI" --db "$WORK/k.db" metrics --from 2026-10-01 --to 2026-10-31 --by agent,day --format json
floor=$best
run "kefu-cli score (month, 23 items)" \
  "$CLI" --db "$WORK/k.db" score --scheme "$WORK/bench.json" --from 2026-10-01 --to 2026-10-31 --format json
floor=$(echo "$floor $best" | awk '{ printf "%.2f", $1 + $2 }')
run "kefu-cli export (month, 23 items, 5 sheets)" \
  "$CLI" --db "$WORK/k.db" export --scheme "$WORK/bench.json" --from 2026-10-01 --to 2026-10-31 \
  --lang zh_CN -o "$WORK/考核表.xlsx"
bench_result "export workbook, $AGENTS agents × 31 days" "$best" "floor: score + metrics by agent,day" "$floor" s
printf '%-52s %8s KiB\n' "workbook size" "$(($(stat -c %s "$WORK/考核表.xlsx") / 1024))"
