// Package assets holds the files Verbatim ships inside its binaries.
package assets

import (
	_ "embed"
)

// IconPNG is the application icon (1024×1024), drawn from icon.svg.
//
//go:embed icon.png
var IconPNG []byte
