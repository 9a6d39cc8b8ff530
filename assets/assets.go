// Package assets bundles the files the app ships inside its binary, such as
// the application icon.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:generate go run ./internal/iconmaker -o icon.png

//go:embed icon.png
var iconPNG []byte

// Icon is Dossier's application icon: a folder with a "D" monogram.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)
