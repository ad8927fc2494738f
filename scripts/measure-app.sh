#!/usr/bin/env bash
# Measures the real app on a large library under Xvfb: the time from launch
# until its window is on screen, each step of its start (VERBATIM_TIMING:
# library opened, window built, first frame drawn, interactive), and its
# memory after scrolling through the quote list. Not part of `make test`
# (timings depend on the machine). See docs/PERFORMANCE.md.
#
# Usage: scripts/measure-app.sh LIBRARY_DIR [BINARY]
# (the benchmark library: go test -tags sqlite_fts5 -run '^$' -bench Open -benchtime 1x ./ui/
#  builds $TMPDIR/verbatim-ui-bench-14000)
set -euo pipefail
src=${1:?library folder}
bin=${2:-bin/verbatim}

. "$(dirname "$0")/gui.sh"
run_inside_xvfb "$0" "$@"

work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$src/library.sqlite" "$work/" # a copy: the app writes its settings
export VERBATIM_LIBRARY=$work VERBATIM_TIMING=1

: >"$work/log"
start=$(date +%s%3N)
"$bin" >"$work/log" 2>&1 &
pid=$!
# Wait for the app's own mark without starting processes: an xdotool
# search every 20 ms, as this script first did, took the processors from
# the app it measured and added 250-350 ms to its start on two cores.
until [[ $(<"$work/log") == *"timing: interactive"* ]]; do
	kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
	sleep 0.05
done
ready=$(sed -n 's/.*timing: interactive at .*unix \([0-9]*\) ms.*/\1/p' "$work/log")
echo "interactive $(( ready - start )) ms after launch (the app's mark; Go's own start before main included)"
wid=$(window_of "$pid") || { echo "$wid"; exit 1; }
sleep 3
grep -h "timing:" "$work/log" || true
rss() { awk -v k="$1" '$1 == k":" {printf "%d MB\n", $2 / 1024}' "/proc/$pid/status"; }
echo "memory after start: $(rss VmRSS)"
# Scroll the quote list (the pointer over it) a long way down, in bursts.
xdotool mousemove 460 400
for _ in $(seq 1 40); do
	xdotool click --repeat 50 --delay 5 5
done
sleep 1
echo "memory after scrolling: $(rss VmRSS) (peak $(rss VmHWM)): $(rss RssAnon) anonymous (heaps), $(rss RssFile) mapped files (libraries, GL driver)"
wid=$(xdotool search --onlyvisible --name '^Verbatim$' | head -n 1)
xdotool windowactivate --sync "$wid" 2>/dev/null || true
import -window root "${SHOT:-$work/shot.png}"
xdotool key --clearmodifiers ctrl+q
wait "$pid"
