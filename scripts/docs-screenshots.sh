#!/usr/bin/env bash
# The README's screenshots, taken from the real app under Xvfb at 1280×800
# with a throwaway library holding the three Wikinews articles of the
# mockups (the bundled sample and two from ../shared/eval/articles):
#   screenshot-empty.png          first run
#   screenshot-main.png           a quote read in its article (light)
#   screenshot-change-speaker.png Needs review: a speaker being changed
#   screenshot-after-change.png   the same quotes after the change
#   screenshot-dark.png           the main window in the dark theme
# Clicks go to fixed places of the 1280×800 window; look at the pictures.
#
# Usage: scripts/docs-screenshots.sh [BIN_DIR]   (OUT=dir, default docs)
set -euo pipefail

bindir=${1:-bin}
app=$bindir/verbatim
cli=$bindir/verbatim-cli
out=${OUT:-docs}
for b in "$app" "$cli"; do
	[ -x "$b" ] || { echo "docs screenshots: $b is not built" >&2; exit 1; }
done
shared=../shared/eval/articles
[ -d "$shared" ] || { echo "docs screenshots: $shared is absent" >&2; exit 1; }

. "$(dirname "$0")/gui.sh"
run_inside_xvfb "$0" "$@"

library=$(mktemp -d)
log=$(mktemp)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$library" "$log"; }
trap cleanup EXIT
export VERBATIM_LIBRARY=$library

start() { # THEME [FILE...]
	FYNE_THEME=$1 "$app" "${@:2}" >>"$log" 2>&1 &
	pid=$!
	wid=$(window_of "$pid") || { cat "$log" >&2; echo "docs screenshots: $wid" >&2; exit 1; }
	xdotool windowsize "$wid" 1280 800
	sleep 3
}
quit() { xdotool key --clearmodifiers ctrl+q; wait "$pid" || true; pid=""; }
shot() { xdotool mousemove 640 798; sleep 1; import -window root "$out/$1"; echo "docs screenshots: $out/$1"; }
key() { xdotool key --clearmodifiers "$@"; sleep 0.6; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
# pick finds a quote of the list by words of its text and makes it current.
pick() {
	click 1100 53
	xdotool type --delay 30 "$1"
	sleep 1
	click 450 170 # the first row
	click 1100 53
	key ctrl+a BackSpace
	click 300 109 # the list's title: the search field lets go of the focus
}

start light
shot screenshot-empty.png
quit

start light "$PWD/assets/sample/wikinews-syria-troop-withdrawal.html" \
	"$(ls "$shared"/*Hong_Kong_leader*.txt | head -n 1)" "$(ls "$shared"/*state_of_eme*.txt | head -n 1)"
sleep 6
quit
# Two suggestions accepted, so that the pictures show both kinds of topic.
for t in ISIS Kurds; do "$cli" topic add "$t" --library "$library" >/dev/null || true; done

start light
pick "backs of our allies"
shot screenshot-main.png
click 90 176 # Needs review
pick "situation has escalated"
key ctrl+e
xdotool type --delay 40 "Katya"
key Tab Tab space # to the "apply to every quote" box, ticked
shot screenshot-change-speaker.png
key Return
shot screenshot-after-change.png
quit

start dark
click 90 140 # All quotes
pick "backs of our allies"
shot screenshot-dark.png
quit
