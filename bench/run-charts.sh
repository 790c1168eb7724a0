#!/bin/sh
# Chart redraw benchmark: every chart on a made-up month of 50 agents ×
# 31 days, redrawn 200 times each under Xvfb. snapshot() is what runs on
# each frame and must stay under 5 ms; the render column is the window's
# renderer drawing it (software GL or cairo under Xvfb, so slower than on
# a desktop's GPU).
set -eu

BUILD=${1:-build}
AGENTS=${AGENTS:-50}
DAYS=${DAYS:-31}
REPEAT=${REPEAT:-200}

GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  "$BUILD/bench/kefu-bench-charts" "$AGENTS" "$DAYS" "$REPEAT"
