package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"dossier/model"
)

func TestErrorLine(t *testing.T) {
	_, statErr := os.Stat(filepath.Join(t.TempDir(), "absent.dossier"))
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain", errors.New("disk full"), "dossier: disk full"},
		{"not found", model.NotFoundf("actor %q", "Witkoff"),
			`dossier: actor "Witkoff"`},
		{"invalid wrapped", fmt.Errorf("add excerpt: %w", model.Invalidf("end before start")),
			"dossier: add excerpt: end before start"},
		{"conflict", model.Conflictf("alias taken"),
			"dossier: alias taken"},
		{"bare sentinel", fmt.Errorf("open: %w", model.ErrNotFound),
			"dossier: open: not found; check the name, number or path and try again"},
		{"missing file", statErr,
			"dossier: " + statErr.Error() + "; check that the path exists"},
		{"permission", &fs.PathError{Op: "open", Path: "w.dossier", Err: fs.ErrPermission},
			"dossier: open w.dossier: permission denied; check the permissions of the file and its folder"},
		{"interrupted", fmt.Errorf("import folder: %w", context.Canceled),
			"dossier: import folder: context canceled; the command was interrupted before it finished; run it again"},
		{"own hint beats kind", withHint(model.NotFoundf("workspace"), "run 'dossier init PATH' first"),
			"dossier: workspace; run 'dossier init PATH' first"},
		{"outer hint beats inner", withHint(fmt.Errorf("x: %w", withHint(errors.New("y"), "inner")), "outer"),
			"dossier: x: y; outer"},
		{"multi-line", errors.New("one\r\ntwo\n\n  three  "), "dossier: one; two; three"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorLine(tt.err); got != tt.want {
				t.Errorf("ErrorLine() = %q\nwant            %q", got, tt.want)
			}
		})
	}
}

func TestFail(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"failure", errors.New("disk full"), ExitFailure},
		{"usage", usageErrorf("missing argument PATH"), ExitUsage},
		{"hinted usage", usageError("unknown command", "see help"), ExitUsage},
		{"wrapped usage", fmt.Errorf("init: %w", usageErrorf("bad")), ExitUsage},
		{"domain error", model.Invalidf("bad grade"), ExitFailure},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if got := Fail(&buf, tt.err); got != tt.want {
			t.Errorf("%s: Fail() = %d, want %d", tt.name, got, tt.want)
		}
		if out := buf.String(); bytes.Count(buf.Bytes(), []byte("\n")) != 1 || out[len(out)-1] != '\n' {
			t.Errorf("%s: Fail wrote %q, want exactly one line", tt.name, out)
		}
	}
}

func TestRequireArgs(t *testing.T) {
	tests := []struct {
		args  []string
		names []string
		want  string // "" for no error
	}{
		{nil, nil, ""},
		{[]string{"a"}, []string{"PATH"}, ""},
		{nil, []string{"PATH"}, "missing argument PATH"},
		{[]string{"a"}, []string{"IN", "OUT"}, "missing argument OUT"},
		{[]string{"a", "b"}, []string{"PATH"}, `unexpected argument "b"`},
		{[]string{"a"}, nil, `unexpected argument "a"`},
	}
	for _, tt := range tests {
		err := requireArgs(tt.args, tt.names...)
		got := ""
		if err != nil {
			got = err.Error()
			if !isUsage(err) {
				t.Errorf("requireArgs(%q, %q) = %v is not a usage error", tt.args, tt.names, err)
			}
		}
		if got != tt.want {
			t.Errorf("requireArgs(%q, %q) = %q, want %q", tt.args, tt.names, got, tt.want)
		}
	}
}
