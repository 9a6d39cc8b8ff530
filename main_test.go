package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"dossier/cli"
)

func TestWindowRequest(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantFlag string
		wantOK   bool
	}{
		{"no arguments", nil, "", true},
		{"workspace flag", []string{"--workspace", "/srv/a.dossier"}, "/srv/a.dossier", true},
		{"workspace flag with =", []string{"-workspace=/srv/b.dossier"}, "/srv/b.dossier", true},
		{"a command", []string{"version"}, "", false},
		{"a command after the flag", []string{"--workspace", "/srv/a.dossier", "version"}, "", false},
		{"help", []string{"--help"}, "", false},
		{"short help", []string{"-h"}, "", false},
		{"unknown flag", []string{"--frob"}, "", false},
		{"flag without value", []string{"--workspace"}, "", false},
		{"unknown word", []string{"frob"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotFlag, gotOK := windowRequest(tt.args)
			if gotFlag != tt.wantFlag || gotOK != tt.wantOK {
				t.Errorf("windowRequest(%q) = %q, %v; want %q, %v", tt.args, gotFlag, gotOK, tt.wantFlag, tt.wantOK)
			}
		})
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
