package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The project's packages are layers (see the package list in README.md):
// imports point down, and only main sees everything. These tests read the
// imports of every Go file, tests included, and fail naming the file and
// the import that breaks a rule.

const module = "dossier"

// layerRule forbids some imports to some packages.
type layerRule struct {
	applies func(pkg string) bool // pkg is the importing package's path
	forbids func(pkg, imp string) bool
	why     string
}

var layerRules = []layerRule{
	{
		applies: under("dossier/model"),
		forbids: func(pkg, imp string) bool { return isOurs(imp) && !within(imp, topLevel(pkg)) },
		why:     "model imports nothing of the project",
	},
	{
		applies: anyOf("dossier/storage", "dossier/ingest", "dossier/extract", "dossier/export"),
		forbids: func(pkg, imp string) bool {
			return isOurs(imp) && !within(imp, "dossier/model") && !within(imp, topLevel(pkg))
		},
		why: "storage, ingest, extract and export import only dossier/model of the project",
	},
	{
		applies: under("dossier/app"),
		forbids: func(_, imp string) bool {
			return within(imp, "dossier/storage") || within(imp, "database/sql") || within(imp, "modernc.org/sqlite")
		},
		why: "app never touches the database; it goes through dossier/workspace",
	},
	{
		applies: notRoot,
		forbids: func(_, imp string) bool { return within(imp, "fyne.io/fyne/v2/app") },
		why:     "only main imports Fyne's app driver, so every other package tests headless",
	},
	{
		applies: notRoot,
		forbids: func(pkg, imp string) bool {
			return (within(imp, "dossier/app") || within(imp, "dossier/cli")) && !within(pkg, topLevel(imp))
		},
		why: "only main wires the window and the command line",
	},
	{
		applies: func(pkg string) bool { return notRoot(pkg) && !anyOf("dossier/app", "dossier/assets")(pkg) },
		forbids: func(_, imp string) bool { return within(imp, "fyne.io/fyne/v2") },
		why:     "only the window (main, app, assets) uses Fyne; the command line and the layers below run without it",
	},
}

// violation returns why pkg may not import imp, or "" when it may.
func violation(pkg, imp string) string {
	for _, r := range layerRules {
		if r.applies(pkg) && r.forbids(pkg, imp) {
			return r.why
		}
	}
	return ""
}

// within reports whether p is the package base or one below it.
func within(p, base string) bool { return p == base || strings.HasPrefix(p, base+"/") }

func isOurs(p string) bool { return within(p, module) }

func notRoot(pkg string) bool { return pkg != module }

func under(base string) func(string) bool {
	return func(pkg string) bool { return within(pkg, base) }
}

func anyOf(bases ...string) func(string) bool {
	return func(pkg string) bool {
		for _, b := range bases {
			if within(pkg, b) {
				return true
			}
		}
		return false
	}
}

// topLevel returns the project's top-level package that pkg lives in:
// dossier/storage/migrations → dossier/storage.
func topLevel(pkg string) string {
	rest, ok := strings.CutPrefix(pkg, module+"/")
	if !ok {
		return pkg
	}
	first, _, _ := strings.Cut(rest, "/")
	return module + "/" + first
}

// goFile is what the layering rules need of a Go file: the package it
// belongs to and the paths it imports.
type goFile struct {
	pkg     string
	imports []string
}

// readModuleImports maps every Go file under root, by its slash path from
// root, to its package and imports.
func readModuleImports(t *testing.T, root string) map[string]goFile {
	t.Helper()
	files := map[string]goFile{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		gf := goFile{pkg: path.Join(module, path.Dir(rel))}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			gf.imports = append(gf.imports, imp)
		}
		files[rel] = gf
		return nil
	})
	if err != nil {
		t.Fatalf("read imports: %v", err)
	}
	return files
}

// skipDir leaves out folders the go tool ignores and generated output.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "testdata" || name == "vendor" || name == "bin" || name == "out"
}

func TestLayering(t *testing.T) {
	files := readModuleImports(t, ".")
	for _, must := range []string{"main.go", "layout_test.go"} {
		if _, ok := files[must]; !ok {
			t.Fatalf("the walk missed %s; the test would check nothing", must)
		}
	}
	for file, gf := range files {
		for _, imp := range gf.imports {
			if why := violation(gf.pkg, imp); why != "" {
				t.Errorf("%s imports %s: %s", file, imp, why)
			}
		}
	}
}

// TestLayerRules proves the rules catch what they should, and only that.
func TestLayerRules(t *testing.T) {
	tests := []struct {
		pkg, imp string
		allowed  bool
	}{
		{"dossier/model", "errors", true},
		{"dossier/model", "dossier/storage", false},
		{"dossier/model", "dossier/model/anchor", true},
		{"dossier/model/anchor", "dossier/model", true},
		{"dossier/storage", "dossier/model", true},
		{"dossier/storage", "modernc.org/sqlite", true},
		{"dossier/storage", "dossier/storage/migrations", true},
		{"dossier/storage/migrations", "dossier/storage", true},
		{"dossier/storage", "dossier/ingest", false},
		{"dossier/ingest", "dossier/extract", false},
		{"dossier/extract", "dossier/workspace", false},
		{"dossier/export", "github.com/xuri/excelize/v2", true},
		{"dossier/export", "dossier/storage", false},
		{"dossier/workspace", "dossier/storage", true},
		{"dossier/workspace", "dossier/app", false},
		{"dossier/workspace", "fyne.io/fyne/v2", false},
		{"dossier/app", "dossier/workspace", true},
		{"dossier/app", "dossier/model", true},
		{"dossier/app", "dossier/assets", true},
		{"dossier/app", "fyne.io/fyne/v2/widget", true},
		{"dossier/app", "dossier/storage", false},
		{"dossier/app/views", "database/sql", false},
		{"dossier/app", "database/sql/driver", false},
		{"dossier/app", "modernc.org/sqlite", false},
		{"dossier/app", "fyne.io/fyne/v2/app", false},
		{"dossier/app", "dossier/cli", false},
		{"dossier/app/views", "dossier/app", true},
		{"dossier/cli", "dossier/workspace", true},
		{"dossier/cli", "dossier/app", false},
		{"dossier/cli", "fyne.io/fyne/v2", false},
		{"dossier/assets", "fyne.io/fyne/v2", true},
		{"dossier/e2e", "dossier/cli", false},
		{"dossier/e2e", "os/exec", true},
		{"dossier/bench/cmd/runner", "fyne.io/fyne/v2/app", false},
		{"dossier", "fyne.io/fyne/v2/app", true},
		{"dossier", "dossier/app", true},
		{"dossier", "dossier/cli", true},
	}
	for _, tt := range tests {
		why := violation(tt.pkg, tt.imp)
		if allowed := why == ""; allowed != tt.allowed {
			t.Errorf("%s importing %s: allowed = %v (%q), want %v", tt.pkg, tt.imp, allowed, why, tt.allowed)
		}
	}
}

// TestLayeringReportsFileAndImport checks the failure message on a tree
// that breaks a rule.
func TestLayeringReportsFileAndImport(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "app", "window.go"), "package app\n\nimport \"database/sql\"\n\nvar _ sql.DB\n")
	writeFile(t, filepath.Join(root, "model", "model_test.go"), "package model_test\n\nimport \"dossier/storage\"\n")
	writeFile(t, filepath.Join(root, "model", "testdata", "skip.go"), "package x\n\nimport \"dossier/app\"\n")
	var got []string
	for file, gf := range readModuleImports(t, root) {
		for _, imp := range gf.imports {
			if why := violation(gf.pkg, imp); why != "" {
				got = append(got, file+" imports "+imp+": "+why)
			}
		}
	}
	want := map[string]bool{
		"app/window.go imports database/sql: app never touches the database; it goes through dossier/workspace": true,
		"model/model_test.go imports dossier/storage: model imports nothing of the project":                     true,
	}
	if len(got) != len(want) {
		t.Fatalf("violations = %q, want %d of them", got, len(want))
	}
	for _, g := range got {
		if !want[g] {
			t.Errorf("unexpected violation %q", g)
		}
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
