package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

// probeCommand is a command for tests only: it prints the workspace it would
// open and its argument, or fails in the way --fail asks.
func probeCommand() *command {
	return &command{
		name:    "probe",
		args:    "NAME [--fail KIND]",
		summary: "test the command plumbing",
		setup: func(fs *flag.FlagSet) runFunc {
			fail := fs.String("fail", "", "fail with `KIND`")
			return func(_ context.Context, e *env, args []string) error {
				if err := requireArgs(args, "NAME"); err != nil {
					return err
				}
				switch *fail {
				case "notfound":
					return fmt.Errorf("open actor %s: %w", args[0], model.ErrNotFound)
				case "hinted":
					return withHint(errors.New("workspace missing"), "run 'dossier init PATH' first")
				case "multiline":
					return errors.New("first line\nsecond line\n")
				case "panic":
					panic("boom")
				case "usage":
					return usageErrorf("NAME must not be %q", args[0])
				}
				path, err := e.workspacePath()
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "workspace=%s name=%s\n", path, args[0])
				return nil
			}
		},
	}
}

// withProbe adds probeCommand to the command table for one test.
func withProbe(t *testing.T) {
	t.Helper()
	saved := commands
	commands = append(slices.Clone(saved), probeCommand())
	t.Cleanup(func() { commands = saved })
}

func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestRun(t *testing.T) {
	withProbe(t)
	t.Setenv("DOSSIER_WORKSPACE", "")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // substring of stdout; "" means stdout must be empty
		wantStderr string // exact
	}{
		{"no command", nil, 2, "",
			"dossier: no command given; run 'dossier --help' for the list of commands, or start dossier without arguments to open the window\n"},
		{"top help", []string{"--help"}, 0, "dossier [--workspace PATH] COMMAND [ARGS]", ""},
		{"top -h", []string{"-h"}, 0, "Exit codes: 0 success, 1 failure, 2 usage error.", ""},
		{"help lists commands", []string{"help"}, 0, "print the version of dossier", ""},
		{"help of a command", []string{"help", "version"}, 0, "Usage: dossier version [--json]", ""},
		{"help of unknown", []string{"help", "frob"}, 2, "",
			"dossier: unknown command \"frob\"; run 'dossier --help' for the list of commands\n"},
		{"help too many", []string{"help", "version", "probe"}, 2, "",
			"dossier: unexpected argument \"probe\"; run 'dossier help COMMAND' for one command's help\n"},
		{"version", []string{"version"}, 0, "dossier " + Version + "\n", ""},
		{"version json", []string{"version", "--json"}, 0, "{\n  \"version\": \"" + Version + "\"\n}\n", ""},
		{"version help", []string{"version", "--help"}, 0, "Print the version of dossier.", ""},
		{"version -h lists flags", []string{"version", "-h"}, 0, "--workspace PATH", ""},
		{"version extra argument", []string{"version", "now"}, 2, "",
			"dossier: unexpected argument \"now\"; run 'dossier version --help' for usage\n"},
		{"version bad flag", []string{"version", "--bogus"}, 2, "",
			"dossier: flag provided but not defined: -bogus; run 'dossier version --help' for usage\n"},
		{"unknown command", []string{"frob"}, 2, "",
			"dossier: unknown command \"frob\"; run 'dossier --help' for the list of commands\n"},
		{"bad global flag", []string{"--bogus", "version"}, 2, "",
			"dossier: flag provided but not defined: -bogus; run 'dossier --help' for usage\n"},
		{"workspace without value", []string{"--workspace"}, 2, "",
			"dossier: flag needs an argument: -workspace; run 'dossier --help' for usage\n"},
		{"workspace before command", []string{"--workspace", "/srv/a.dossier", "probe", "x"}, 0,
			"workspace=/srv/a.dossier name=x\n", ""},
		{"workspace after command", []string{"probe", "x", "--workspace", "/srv/b.dossier"}, 0,
			"workspace=/srv/b.dossier name=x\n", ""},
		{"workspace between", []string{"probe", "--workspace=/srv/c.dossier", "x"}, 0,
			"workspace=/srv/c.dossier name=x\n", ""},
		{"later workspace wins", []string{"--workspace", "/srv/a.dossier", "probe", "x", "--workspace", "/srv/b.dossier"}, 0,
			"workspace=/srv/b.dossier name=x\n", ""},
		{"double dash ends flags", []string{"probe", "--", "--x"}, 0, "name=--x\n", ""},
		{"missing argument", []string{"probe"}, 2, "",
			"dossier: missing argument NAME; run 'dossier probe --help' for usage\n"},
		{"usage error from a command", []string{"probe", "all", "--fail", "usage"}, 2, "",
			"dossier: NAME must not be \"all\"; run 'dossier probe --help' for usage\n"},
		{"not found", []string{"probe", "Witkoff", "--fail", "notfound"}, 1, "",
			"dossier: open actor Witkoff: not found; check the name, number or path and try again\n"},
		{"own hint", []string{"probe", "x", "--fail", "hinted"}, 1, "",
			"dossier: workspace missing; run 'dossier init PATH' first\n"},
		{"multi-line error folded", []string{"probe", "x", "--fail", "multiline"}, 1, "",
			"dossier: first line; second line\n"},
		{"panic is one line", []string{"probe", "x", "--fail", "panic"}, 1, "",
			"dossier: internal error: boom; this is a bug in dossier; please report it with the command you ran\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if tt.wantOut == "" && out != "" {
				t.Errorf("stdout = %q, want it empty", out)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", out, tt.wantOut)
			}
			if errOut != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", errOut, tt.wantStderr)
			}
		})
	}
}

func TestRunWorkspaceFromEnvironment(t *testing.T) {
	withProbe(t)
	t.Setenv("DOSSIER_WORKSPACE", "/srv/env.dossier")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"probe", "x"}, "workspace=/srv/env.dossier name=x\n"},
		{[]string{"probe", "x", "--workspace", "/srv/flag.dossier"}, "workspace=/srv/flag.dossier name=x\n"},
	}
	for _, tt := range tests {
		code, out, errOut := run(tt.args...)
		if code != ExitOK || out != tt.want {
			t.Errorf("Run(%q) = %d, %q (stderr %q); want 0, %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands {
		code, out, errOut := run(c.name, "--help")
		if code != ExitOK || errOut != "" {
			t.Errorf("%s --help = %d, stderr %q; want 0 and no stderr", c.name, code, errOut)
		}
		if !strings.HasPrefix(out, "Usage: dossier "+c.name) {
			t.Errorf("%s --help starts %q, want a usage line", c.name, firstLine(out))
		}
		if c.summary == "" || strings.HasSuffix(c.summary, ".") {
			t.Errorf("%s: summary %q should be a non-empty phrase without a full stop", c.name, c.summary)
		}
	}
}

func TestIsCommand(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"version", true},
		{"help", true},
		{"frob", false},
		{"", false},
		{"--workspace", false},
	}
	for _, tt := range tests {
		if got := IsCommand(tt.name); got != tt.want {
			t.Errorf("IsCommand(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args    []string
		want    []string
		wantN   int
		wantErr bool
	}{
		{nil, nil, 0, false},
		{[]string{"a", "b"}, []string{"a", "b"}, 0, false},
		{[]string{"-n", "3", "a"}, []string{"a"}, 3, false},
		{[]string{"a", "-n", "3", "b"}, []string{"a", "b"}, 3, false},
		{[]string{"a", "b", "--n=4"}, []string{"a", "b"}, 4, false},
		{[]string{"a", "--", "-n", "5"}, []string{"a", "-n", "5"}, 0, false},
		{[]string{"-", "a"}, []string{"-", "a"}, 0, false},
		{[]string{"a", "-x"}, nil, 0, true},
	}
	for _, tt := range tests {
		fs := newFlagSet("t")
		n := fs.Int("n", 0, "")
		got, err := parseInterspersed(fs, tt.args)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseInterspersed(%q) error = %v, wantErr %v", tt.args, err, tt.wantErr)
			continue
		}
		if !slices.Equal(got, tt.want) || *n != tt.wantN {
			t.Errorf("parseInterspersed(%q) = %q, n=%d; want %q, n=%d", tt.args, got, *n, tt.want, tt.wantN)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
