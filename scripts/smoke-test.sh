#!/usr/bin/env bash
# GUI smoke test: start the real desktop app under Xvfb with a throwaway
# library, wait for its window, screenshot it, check the screenshot is not
# blank and the title is right, then quit it with Ctrl+Q. Fails when the app
# fails to start, shows no window, or does not quit cleanly.
#
# Usage: scripts/smoke-test.sh [BINARY] [SCREENSHOT]
set -euo pipefail

bin=${1:-bin/verbatim}
shot=${2:-${TMPDIR:-/tmp}/verbatim-smoke.png}
[ -x "$bin" ] || { echo "smoke test: $bin is not built" >&2; exit 1; }

. "$(dirname "$0")/gui.sh"
run_inside_xvfb "$0" "$bin" "$shot"

library=$(mktemp -d)
log=$(mktemp)
cleanup() { kill "${pid:-}" 2>/dev/null || true; rm -rf "$library" "$log"; }
trap cleanup EXIT

VERBATIM_LIBRARY="$library" "$bin" >"$log" 2>&1 &
pid=$!

fail() {
	echo "smoke test FAILED: $*" >&2
	echo "--- app output ---" >&2
	cat "$log" >&2
	exit 1
}

wid=$(window_of "$pid") || fail "$wid"

title=$(xdotool getwindowname "$wid")
[ "$title" = "Verbatim" ] || fail "window title is '$title', want 'Verbatim'"

sleep 2 # let the first frames render
import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
spread=$(convert "$shot" -colorspace Gray -format '%[fx:int(1000*standard_deviation)]' info:)
echo "smoke test: window $wid '$title', screenshot $shot: $colours colours, grey spread $spread/1000"
[ "$colours" -ge 16 ] && [ "$spread" -ge 20 ] || fail "the screenshot looks blank ($colours colours)"

xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" || true
press_quit "$pid" || fail "the app did not quit on Ctrl+Q within 10 s"
wait "$pid" || fail "the app exited with status $? on quit"
echo "smoke test: passed"
