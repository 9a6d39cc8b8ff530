package e2e

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLine checks main's wiring: commands reach the command line,
// with its output and exit codes, and never open a window.
func TestCommandLine(t *testing.T) {
	requireE2E(t)
	tests := []struct {
		name       string
		args       []string
		env        []string // added to the environment
		wantCode   int
		wantStdout string // prefix
		wantStderr string // prefix; "" means none
	}{
		{"version", []string{"version"}, nil, 0, "dossier ", ""},
		{"global flag before command", []string{"--workspace", "x.dossier", "version"}, nil, 0, "dossier ", ""},
		{"help", []string{"--help"}, nil, 0, "Dossier keeps", ""},
		{"unknown command", []string{"frob"}, nil, 2, "", "dossier: unknown command \"frob\""},
		{"bad flag", []string{"--frob"}, nil, 2, "", "dossier: flag provided but not defined"},
		// Fyne would log a locale error at start-up under C.UTF-8.
		{"C.UTF-8 locale stays quiet", []string{"version"}, []string{"LC_ALL=", "LANGUAGE=", "LANG=C.UTF-8"}, 0, "dossier ", ""},
		{"window without a display", nil, nil, 1, "", "dossier: cannot open the window: no display"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(binary, tt.args...)
			cmd.Dir = t.TempDir()
			cmd.Env = append(cmd.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "XDG_DATA_HOME="+filepath.Join(cmd.Dir, "data"))
			cmd.Env = append(cmd.Env, tt.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			code := exitCode(t, cmd.Run())
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), tt.wantStdout) || (tt.wantStdout == "" && stdout.Len() > 0) {
				t.Errorf("stdout = %q, want it to start %q", stdout.String(), tt.wantStdout)
			}
			checkStderr(t, stderr.String(), tt.wantStderr)
		})
	}
}

func checkStderr(t *testing.T, got, wantPrefix string) {
	t.Helper()
	if wantPrefix == "" {
		if got != "" {
			t.Errorf("stderr = %q, want nothing", got)
		}
		return
	}
	if !strings.HasPrefix(got, wantPrefix) || strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, "\n") {
		t.Errorf("stderr = %q, want one line starting %q", got, wantPrefix)
	}
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	t.Fatalf("run dossier: %v", err)
	return -1
}
