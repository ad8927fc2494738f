#!/usr/bin/env bash
# Measures how responsive the real app stays while it imports many files
# given on the command line, under Xvfb: with VERBATIM_TIMING=trace the app
# asks its window thread every 20 ms to note the time and, when it quits,
# says how late those answers were (the longest freezes); each answer later
# than 100 ms is written as it happens, with the time since the start.
# Not part of `make test` (timings depend on the machine).
#
# Usage: scripts/measure-import.sh FOLDER_OF_ARTICLES [BINARY]
set -euo pipefail
files=${1:?folder of article files}
bin=${2:-bin/verbatim}

. "$(dirname "$0")/gui.sh"
run_inside_xvfb "$0" "$@"

work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export VERBATIM_LIBRARY=$work/library VERBATIM_TIMING=trace

"$bin" "$files"/* >"$work/log" 2>&1 &
pid=$!
until grep -q "imports finished" "$work/log"; do
	kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
	sleep 0.2
done
wid=$(xdotool search --onlyvisible --name '^Verbatim$' | head -n 1)
xdotool windowactivate --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+q
# The app ends itself when closing takes over 15 s, with its goroutines on
# stderr; show them if it ever does.
wait "$pid" || { grep -v "timing:" "$work/log" | tail -200; exit 1; }
grep -h "timing:" "$work/log"
