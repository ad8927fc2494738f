# Sourced by the scripts that run the real app (smoke and end-to-end tests,
# screenshots, measurements).

# run_inside_xvfb SCRIPT ARGS... runs the script again inside a virtual
# 1280×800 screen, unless it already runs in one. With a variable per
# script, a script another one runs gets its own screen.
run_inside_xvfb() {
	local flag=VERBATIM_XVFB_$(basename "$1" .sh | tr -c 'A-Za-z0-9\n' _)
	if [ -z "${!flag:-}" ]; then
		export "$flag=1"
		exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
	fi
}

# window_of PID prints the id of the app's window once it shows, waiting
# up to 60 s. When the app exits first or no window shows, it prints why
# and fails: wid=$(window_of "$pid") || fail "$wid".
window_of() {
	local wid
	for _ in $(seq 1 120); do
		kill -0 "$1" 2>/dev/null || { echo "the app exited before showing a window"; return 1; }
		wid=$(xdotool search --onlyvisible --name '^Verbatim$' 2>/dev/null | head -n 1 || true)
		[ -n "$wid" ] && { echo "$wid"; return 0; }
		sleep 0.5
	done
	echo "no window titled 'Verbatim' appeared within 60 s"
	return 1
}

# press_quit PID presses Ctrl+Q and waits up to 10 s for the app to end;
# it fails when the app still runs (its exit status is then wait's).
press_quit() {
	xdotool key --clearmodifiers ctrl+q
	for _ in $(seq 1 40); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.25
	done
	return 1
}
