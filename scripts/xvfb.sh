# Sourced by the scripts that run the real app (smoke and end-to-end tests,
# screenshots, measurements): run_inside_xvfb SCRIPT ARGS... runs the script
# again inside a virtual 1280×800 screen, unless it already runs in one.
# With a variable per script, a script another one runs gets its own screen.
run_inside_xvfb() {
	local flag=VERBATIM_XVFB_$(basename "$1" .sh | tr -c 'A-Za-z0-9\n' _)
	if [ -z "${!flag:-}" ]; then
		export "$flag=1"
		exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
	fi
}
