#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Verbatim needs, and only those missing.
#   scripts/install-deps.sh build   compiler and the OpenGL/X11 headers Fyne needs
#   scripts/install-deps.sh test    build packages plus what the tests use
# Runs apt-get as root, or through sudo.
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
# xvfb..imagemagick: GUI smoke and end-to-end tests; poppler-utils: PDF checks;
# libxml2-utils: REFI-QDA schema validation; cups*: the real-printer test.
test_pkgs=(xvfb xauth xdotool imagemagick poppler-utils libxml2-utils
	cups cups-client printer-driver-cups-pdf)

case "${1:-build}" in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
	echo "Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and run this again." >&2
	exit 1
fi
go_minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if [ "${go_minor:-0}" -lt 26 ]; then
	echo "Verbatim needs Go 1.26 or newer; this machine has $(go env GOVERSION)." >&2
	exit 1
fi

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "These packages are missing and this is not a Debian/Ubuntu system: ${missing[*]}" >&2
	exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing: ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
