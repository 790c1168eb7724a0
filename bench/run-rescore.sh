#!/bin/sh
# Live preview benchmark: the Scoring view re-scores the period's agents
# and validates the scheme after every edit, before the next frame. Times
# both for 200 agents (and 1000, to see how it grows) with the built-in
# women's-wear scheme; the median must stay well under 16.7 ms.
set -eu

BUILD=${1:-build}
"$BUILD/bench/kefu-bench-rescore" 200 womenswear-composite 500
"$BUILD/bench/kefu-bench-rescore" 1000 womenswear-composite 200
