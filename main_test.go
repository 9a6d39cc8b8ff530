package main

import (
	"bufio"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/cli"
	"dossier/workspace"
)

func TestWindowRequest(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		want   windowArgs
		wantOK bool
	}{
		{"no arguments", nil, windowArgs{}, true},
		{"workspace flag", []string{"--workspace", "/srv/a.dossier"}, windowArgs{workspace: "/srv/a.dossier"}, true},
		{"workspace flag with =", []string{"-workspace=/srv/b.dossier"}, windowArgs{workspace: "/srv/b.dossier"}, true},
		{"screenshot", []string{"--screenshot", "shot.png"}, windowArgs{screenshot: "shot.png"}, true},
		{"screenshot of a view", []string{"--screenshot", "shot.png", "--view", "actors"},
			windowArgs{screenshot: "shot.png", view: "actors"}, true},
		{"all three", []string{"--view=Search", "--workspace", "/srv/a.dossier", "--screenshot=/tmp/s.png"},
			windowArgs{workspace: "/srv/a.dossier", screenshot: "/tmp/s.png", view: "Search"}, true},
		{"view alone", []string{"--view", "Tags"}, windowArgs{view: "Tags"}, true},
		{"a command", []string{"version"}, windowArgs{}, false},
		{"a command after the flag", []string{"--workspace", "/srv/a.dossier", "version"}, windowArgs{}, false},
		{"a command after --screenshot", []string{"--screenshot", "s.png", "export"}, windowArgs{}, false},
		{"help", []string{"--help"}, windowArgs{}, false},
		{"short help", []string{"-h"}, windowArgs{}, false},
		{"unknown flag", []string{"--frob"}, windowArgs{}, false},
		{"flag without value", []string{"--workspace"}, windowArgs{}, false},
		{"screenshot without value", []string{"--screenshot"}, windowArgs{}, false},
		{"view without value", []string{"--screenshot", "s.png", "--view"}, windowArgs{}, false},
		{"unknown word", []string{"frob"}, windowArgs{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotOK := windowRequest(tt.args)
			if got != tt.want || gotOK != tt.wantOK {
				t.Errorf("windowRequest(%q) = %+v, %v; want %+v, %v", tt.args, got, gotOK, tt.want, tt.wantOK)
			}
		})
	}
}

// TestWorkspacePath checks the order: the flag, the environment, the
// workspace open last (while its file exists), the default.
func TestWorkspacePath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	last := filepath.Join(dir, "last.dossier")
	if err := os.WriteFile(last, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(dir, "gone.dossier")
	defaultPath, err := workspace.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		flag, env  string
		remembered []string
		want       string
	}{
		{"flag first", "/srv/flag.dossier", "/srv/env.dossier", []string{last}, "/srv/flag.dossier"},
		{"then the environment", "", "/srv/env.dossier", []string{last}, "/srv/env.dossier"},
		{"then the last workspace", "", "", []string{last}, last},
		{"a missing last workspace is skipped", "", "", []string{gone, last}, last},
		{"else the default", "", "", []string{gone}, defaultPath},
		{"nothing remembered", "", "", nil, defaultPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := test.NewTempApp(t).Preferences()
			for _, path := range slices.Backward(tt.remembered) {
				app.RememberWorkspace(p, path)
			}
			t.Setenv(workspace.EnvPath, tt.env)
			got, err := workspacePath(tt.flag, p)
			if err != nil || got != tt.want {
				t.Errorf("workspacePath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestWritePNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	path := filepath.Join(t.TempDir(), "shot.png")
	if err := writePNG(path, img); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	back, err := png.Decode(f)
	if err != nil || back.Bounds() != img.Bounds() {
		t.Errorf("the PNG reads back as %v, %v", back, err)
	}
	err = writePNG(filepath.Join(t.TempDir(), "no", "such", "folder", "shot.png"), img)
	if err == nil || !strings.HasPrefix(err.Error(), "write the screenshot: ") {
		t.Errorf("writing into a missing folder: %v", err)
	}
}

// TestMetadataMatchesFyneApp keeps FyneApp.toml, read by Fyne's packaging
// tool, in step with what main sets at run time.
func TestMetadataMatchesFyneApp(t *testing.T) {
	details := readDetails(t, "FyneApp.toml")
	want := map[string]string{
		"ID":      appID,
		"Name":    appName,
		"Version": cli.Version,
		"Build":   strconv.Itoa(appBuild),
	}
	for key, w := range want {
		if got := details[key]; got != w {
			t.Errorf("FyneApp.toml %s = %q, code has %q", key, got, w)
		}
	}
	if _, err := os.Stat(details["Icon"]); err != nil {
		t.Errorf("FyneApp.toml Icon: %v", err)
	}
}

// readDetails reads the key = value lines of the [Details] table; the
// file is flat enough that a TOML library would be overkill.
func readDetails(t *testing.T, name string) map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	details := map[string]string{}
	inDetails := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			inDetails = line == "[Details]"
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if inDetails && ok {
			details[strings.TrimSpace(key)] = strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return details
}

func TestCheckDisplay(t *testing.T) {
	tests := []struct {
		goos    string
		env     map[string]string
		wantErr bool
	}{
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"linux", nil, true},
		{"freebsd", nil, true},
		{"darwin", nil, false},
		{"windows", nil, false},
	}
	for _, tt := range tests {
		err := checkDisplay(tt.goos, func(k string) string { return tt.env[k] })
		if (err != nil) != tt.wantErr {
			t.Errorf("checkDisplay(%s, %v) = %v, wantErr %v", tt.goos, tt.env, err, tt.wantErr)
		}
	}
}
