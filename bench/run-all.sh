#!/bin/sh
# Runs every benchmark of bench/ (each run-*.sh, with its own table) and
# then prints one table of them all: each figure, its peer or floor
# measured in the same run, and their ratio, with the machine it ran on.
# `make bench` runs this; the table is Markdown, for bench/RESULTS.md.
#
# Each run-*.sh sources bench-result.sh and calls bench_result for every
# figure that has a peer or floor; a script that stops early fails the
# whole run.
set -eu

BUILD=${1:-build}
HERE=$(dirname "$0")
BENCH_RESULTS=$(mktemp)
export BENCH_RESULTS
trap 'rm -f "$BENCH_RESULTS"' EXIT

for script in "$HERE"/run-*.sh; do
  [ "$script" = "$HERE/run-all.sh" ] && continue
  printf '\n== %s\n' "$(basename "$script")"
  sh "$script" "$BUILD"
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")

printf '\n%s, %s cores, %s, %s; %s\n\n' "$cpu" "$(nproc)" "$memory" "$os" "$(date -u +%Y-%m-%d)"
echo "| Figure | Kefu | Peer or floor | Ratio |"
echo "|---|---:|---|---:|"
awk -F'|' '{ printf "| %s | %s | %s | %s × |\n", $1, $2, $3, $4 }' "$BENCH_RESULTS"
