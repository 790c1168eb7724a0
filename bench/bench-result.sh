# bench-result.sh — sourced by bench/run-*.sh: the machine-readable line
# of one figure beside its peer or floor, measured in the same run.
#
#   bench_result NAME FIGURE PEER_NAME PEER UNIT
#
# appends "NAME|FIGURE UNIT|PEER_NAME: PEER UNIT|FIGURE ÷ PEER" to the file
# $BENCH_RESULTS when it is set (bench/run-all.sh sets it), and does
# nothing otherwise, so a script run alone prints only its own table.

bench_result () {
  [ -n "${BENCH_RESULTS:-}" ] || return 0
  ratio=$(echo "$2 $4" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "—" }')
  printf '%s|%s %s|%s: %s %s|%s\n' "$1" "$2" "$5" "$3" "$4" "$5" "$ratio" >>"$BENCH_RESULTS"
}
