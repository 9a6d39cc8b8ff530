package assets

import (
	"embed"
	"io/fs"
)

//go:embed demo/*.md
var demoFiles embed.FS

// Demo holds the short fictional news articles that fill a new workspace
// on first start, so that a newcomer sees every feature at work. Their
// people, states and documents are invented. The files sit at the root of
// Demo, one article each, read in name order.
var Demo fs.FS = demoRoot()

// demoRoot puts the articles at the root. fs.Sub fails only on an invalid
// folder name, which "demo" is not; were it ever to fail, the whole tree is
// still a usable answer, as readers walk it recursively.
func demoRoot() fs.FS {
	sub, err := fs.Sub(demoFiles, "demo")
	if err != nil {
		return demoFiles
	}
	return sub
}
