// Package assets holds the files Verbatim ships inside its binaries.
package assets

import (
	_ "embed"
)

// IconPNG is the application icon (1024×1024), drawn from icon.svg.
//
//go:embed icon.png
var IconPNG []byte

// WindowIconPNG is the icon at 256×256 (icon.png scaled down), for the
// window: window managers show at most that, and handing the X server the
// full size took a tenth of a second of the app's start.
//
//go:embed icon-256.png
var WindowIconPNG []byte
