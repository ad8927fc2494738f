#!/usr/bin/env bash
# End-to-end test of the desktop app under Xvfb, with the real binary and a
# throwaway library:
#   1. start `verbatim FILE...`, which imports the articles given;
#   2. launch `verbatim FILE` again: the second launch must hand its file to
#      the running window and exit;
#   3. go to the next quote (J), change its speaker with Ctrl+E, typing a new
#      name and Enter;
#   4. undo it with Ctrl+Z, quit with Ctrl+Q, check with verbatim-cli that
#      the three documents are there and the change is not; start again,
#      redo it with Ctrl+Y, quit, and check the change is back;
#   5. start again and check the window comes back (and quit).
# Screenshots go to a temporary folder; DOCS=docs refreshes the ones the
# README shows.
#
# Usage: scripts/e2e-test.sh [BIN_DIR]
set -euo pipefail

bindir=${1:-bin}
app=$bindir/verbatim
cli=$bindir/verbatim-cli
docs=${DOCS:-$(mktemp -d)}
for b in "$app" "$cli"; do
	[ -x "$b" ] || { echo "e2e test: $b is not built" >&2; exit 1; }
done

. "$(dirname "$0")/gui.sh"
run_inside_xvfb "$0" "$@"

library=$(mktemp -d)
log=$(mktemp)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$library" "$log"; }
trap cleanup EXIT
export VERBATIM_LIBRARY=$library
# A light theme for the screenshots the README shows.
export FYNE_THEME=${FYNE_THEME:-light}

fail() {
	echo "e2e test FAILED: $*" >&2
	echo "--- app output ---" >&2
	cat "$log" >&2
	exit 1
}

# Articles: the bundled Wikinews sample, plus two more when the shared
# evaluation articles are beside the repository, else the test articles.
first=assets/sample/wikinews-syria-troop-withdrawal.html
shared=../shared/eval/articles
if [ -d "$shared" ]; then
	second=$(ls "$shared"/*Hong_Kong_leader*.txt | head -n 1)
	third=$(ls "$shared"/*state_of_eme*.txt | head -n 1)
else
	second=ui/testdata/articles/harbour.txt
	third=ui/testdata/articles/library.txt
fi

start_app() {
	"$app" "$@" >>"$log" 2>&1 &
	pid=$!
	wid=$(window_of "$pid") || fail "$wid"
	xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid" || true
}

quit_app() {
	press_quit "$pid" || fail "the app did not quit on Ctrl+Q"
	wait "$pid" || fail "the app exited with status $? on quit"
	pid=""
}

# documents prints how many documents the library holds (app closed).
documents() { "$cli" quotes --library "$library" --format jsonl | grep -o '"document":[0-9]*' | sort -u | wc -l; }

shot() { sleep 1; import -window root "$docs/$1"; echo "e2e test: screenshot $docs/$1"; }

# 1–2. Import through the command line, then hand a file over.
start_app "$first" "$second"
sleep 4
timeout 20 "$app" "$third" >>"$log" 2>&1 || fail "the second launch did not hand its file over"
kill -0 "$pid" 2>/dev/null || fail "the first window closed when the second launch came"
[ "$(xdotool search --onlyvisible --name '^Verbatim$' | wc -l)" -eq 1 ] || fail "a second window opened"
sleep 4

# 3. Next quote, change its speaker.
xdotool key --clearmodifiers j
sleep 1
xdotool key --clearmodifiers ctrl+e
sleep 1
xdotool type --delay 60 "Dana Whitfield"
shot screenshot-change-speaker.png
xdotool key --clearmodifiers Return
sleep 1
shot screenshot-after-change.png

# dana counts the quotes attributed to Dana Whitfield (app closed).
dana() {
	"$cli" quotes --library "$library" --speaker "Dana Whitfield" --format jsonl 2>/dev/null | wc -l
}

# 4. Undo the change with Ctrl+Z and quit: the library has the old speaker.
xdotool key --clearmodifiers ctrl+z
sleep 1
quit_app
n=$(documents)
[ "$n" -eq 3 ] || fail "the library holds $n documents, want 3"
[ "$(dana)" -eq 0 ] || fail "Ctrl+Z did not undo the speaker change"

# Start again and redo it with Ctrl+Y: the journal outlives the session.
start_app
sleep 4
xdotool key --clearmodifiers ctrl+y
sleep 1
quit_app
[ "$(dana)" -ge 1 ] || fail "Ctrl+Y after a restart did not bring the speaker change back"

# 5. Start again: the window comes back with the library and the selection.
start_app
sleep 4
shot screenshot-main.png
quit_app
echo "e2e test: passed"
