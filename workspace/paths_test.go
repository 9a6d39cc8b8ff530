package workspace

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	homeOK := func() (string, error) { return "/home/ana", nil }
	homeErr := func() (string, error) { return "", errors.New("no home") }
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		name    string
		goos    string
		vars    map[string]string
		home    func() (string, error)
		want    string
		wantErr bool
	}{
		{"linux default", "linux", nil, homeOK, filepath.Join("/home/ana", ".local", "share"), false},
		{"linux XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "/data/xdg"}, homeOK, "/data/xdg", false},
		{"linux relative XDG ignored", "linux", map[string]string{"XDG_DATA_HOME": "rel/dir"}, homeOK, filepath.Join("/home/ana", ".local", "share"), false},
		{"linux no home", "linux", nil, homeErr, "", true},
		{"freebsd like linux", "freebsd", nil, homeOK, filepath.Join("/home/ana", ".local", "share"), false},
		{"macOS", "darwin", map[string]string{"XDG_DATA_HOME": "/data/xdg"}, homeOK, filepath.Join("/home/ana", "Library", "Application Support"), false},
		{"macOS no home", "darwin", nil, homeErr, "", true},
		{"windows", "windows", map[string]string{"AppData": `C:\Users\ana\AppData\Roaming`}, homeOK, `C:\Users\ana\AppData\Roaming`, false},
		{"windows without AppData", "windows", nil, homeOK, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := dataDir(tt.goos, env(tt.vars), tt.home)
			if (err != nil) != tt.wantErr {
				t.Fatalf("dataDir() error = %v, wantErr %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("dataDir() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefaultPath(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AppData", data) // only read on Windows

	got, err := DefaultPath()
	if err != nil {
		t.Fatalf("DefaultPath() error: %v", err)
	}
	if filepath.Base(got) != "workspace.dossier" || filepath.Base(filepath.Dir(got)) != "Dossier" {
		t.Errorf("DefaultPath() = %q, want .../Dossier/workspace.dossier", got)
	}
	if !filepath.IsAbs(got) {
		t.Errorf("DefaultPath() = %q is not absolute", got)
	}
}

func TestResolvePath(t *testing.T) {
	data := t.TempDir()
	cwd := t.TempDir()
	t.Chdir(cwd)
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("AppData", data)
	def, err := DefaultPath()
	if err != nil {
		t.Fatalf("DefaultPath() error: %v", err)
	}

	tests := []struct {
		name string
		flag string
		env  string
		want string
	}{
		{"neither: default", "", "", def},
		{"env only", "", "/srv/env.dossier", "/srv/env.dossier"},
		{"flag beats env", "/srv/flag.dossier", "/srv/env.dossier", "/srv/flag.dossier"},
		{"flag beats default", "/srv/flag.dossier", "", "/srv/flag.dossier"},
		{"relative flag made absolute", "case.dossier", "", filepath.Join(cwd, "case.dossier")},
		{"relative env made absolute", "", "sub/env.dossier", filepath.Join(cwd, "sub", "env.dossier")},
		{"blank flag falls through", "   ", "/srv/env.dossier", "/srv/env.dossier"},
		{"blank env falls through", "", "  ", def},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvPath, tt.env)
			got, err := ResolvePath(tt.flag)
			if err != nil {
				t.Fatalf("ResolvePath(%q) error: %v", tt.flag, err)
			}
			if got != tt.want {
				t.Errorf("ResolvePath(%q) with %s=%q = %q, want %q", tt.flag, EnvPath, tt.env, got, tt.want)
			}
		})
	}
}

func TestName(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/srv/cases/miami-talks.dossier", "miami-talks"},
		{"/srv/cases/notes.db", "notes.db"},
		{"plain", "plain"},
		{"/srv/.dossier", ".dossier"},
	}
	for _, tt := range tests {
		if got := Name(tt.path); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
