#!/usr/bin/env bash
# Packages bin/verbatim as an installable Linux tarball (dist/Verbatim.tar.xz)
# with the icon and a .desktop entry that declares the article MIME types.
# fyne package bumps Build in FyneApp.toml; we restore the file so the tree
# stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."

fyne=(go run fyne.io/tools/cmd/fyne@v1.7.4)
saved=$(mktemp)
cp FyneApp.toml "$saved"
trap 'cp "$saved" FyneApp.toml; rm -f "$saved"; rm -rf dist/fix' EXIT

"${fyne[@]}" package -os linux --exe bin/verbatim --name Verbatim
mkdir -p dist
mv Verbatim.tar.xz dist/

# fyne 1.7 writes the desktop entry's "%F" into the tarball Makefile's binary
# name (Exec := "verbatim %F"), which breaks `make install`; mend it.
mkdir -p dist/fix
tar -xJf dist/Verbatim.tar.xz -C dist/fix
sed -i -E 's/^Exec := "([^ "]+) %F"$/Exec := "\1"/' dist/fix/verbatim/Makefile
tar -cJf dist/Verbatim.tar.xz -C dist/fix verbatim

# Prove it installs: a staged install must place binary, entry and icon.
stage=$(mktemp -d)
make -s -C dist/fix/verbatim install DESTDIR="$stage" PREFIX=/usr >/dev/null
for f in usr/bin/verbatim usr/share/applications/org.verbatim.Verbatim.desktop \
	usr/share/pixmaps/org.verbatim.Verbatim.png; do
	[ -e "$stage/$f" ] || { echo "package: $f missing after install" >&2; exit 1; }
done
grep -q '^Exec=verbatim %F$' "$stage/usr/share/applications/org.verbatim.Verbatim.desktop"
rm -rf "$stage"
echo "dist/Verbatim.tar.xz: installs binary, icon and desktop entry (sudo make install inside the unpacked folder)"
