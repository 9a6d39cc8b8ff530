// Package cli is Dossier's command line: the same binary that opens the
// window also works on a workspace without one, for scripts and for tests.
//
// Each command is an entry in a small table (commands.go). A command group
// lives in its own file and contributes its entries to that table.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"dossier/workspace"
)

// runFunc does a command's work once its flags are parsed; args holds the
// positional arguments, flags already removed.
type runFunc func(ctx context.Context, e *env, args []string) error

// command is one entry of the command table.
type command struct {
	name    string
	args    string // synopsis after the name, e.g. "PATH" or "[--json]"
	summary string // one line for the command list
	help    string // optional paragraph shown by `dossier NAME --help`
	// setup declares the command's own flags on fs and returns the function
	// that runs the command with their parsed values.
	setup func(fs *flag.FlagSet) runFunc
}

// env is what a running command may use.
type env struct {
	stdout io.Writer
	stderr io.Writer
	// workspaceFlag is --workspace as given, before or after the command;
	// empty when absent.
	workspaceFlag string
}

// workspacePath resolves the workspace file the analyst chose:
// --workspace, else $DOSSIER_WORKSPACE, else the default location.
func (e *env) workspacePath() (string, error) {
	return workspace.ResolvePath(e.workspaceFlag)
}

// Run executes the command line args (without the program name) and
// returns the process exit code: ExitOK, ExitFailure or ExitUsage.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	// A bug in a command must still end in one line on stderr, not a trace.
	defer func() {
		if r := recover(); r != nil {
			code = Fail(stderr, withHint(fmt.Errorf("internal error: %v", r),
				"this is a bug in dossier; please report it with the command you ran"))
		}
	}()
	e := &env{stdout: stdout, stderr: stderr}
	rest, err := parseGlobal(e, args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout)
		return ExitOK
	}
	if err != nil {
		return Fail(stderr, err)
	}
	return dispatch(ctx, e, rest)
}

// parseGlobal reads the flags before the command name and returns the
// command with its arguments.
func parseGlobal(e *env, args []string) ([]string, error) {
	fs := newFlagSet("dossier")
	fs.StringVar(&e.workspaceFlag, "workspace", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError(err.Error(), "run 'dossier --help' for usage")
	}
	if fs.NArg() == 0 {
		return nil, usageError("no command given", "run 'dossier --help' for the list of commands, or start dossier without arguments to open the window")
	}
	return fs.Args(), nil
}

// dispatch runs the named command, or the help for one.
func dispatch(ctx context.Context, e *env, args []string) int {
	name := args[0]
	if name == helpName {
		return runHelp(e, args[1:])
	}
	cmd, rest, err := resolve(args)
	if err != nil {
		return Fail(e.stderr, err)
	}
	return runCommand(ctx, e, cmd, rest)
}

// resolve finds the command named by the first words of args — one word
// ("import") or a group and its verb ("tags rename") — and returns it with
// the remaining arguments.
func resolve(args []string) (*command, []string, error) {
	if len(args) >= 2 {
		if cmd := lookup(args[0] + " " + args[1]); cmd != nil {
			return cmd, args[2:], nil
		}
	}
	if cmd := lookup(args[0]); cmd != nil {
		return cmd, args[1:], nil
	}
	if verbs := groupVerbs(args[0]); len(verbs) > 0 {
		if len(args) < 2 {
			return nil, nil, usageError(fmt.Sprintf("%s needs a subcommand: %s", args[0], strings.Join(verbs, ", ")),
				fmt.Sprintf("run 'dossier help %s VERB' for one of them", args[0]))
		}
		return nil, nil, usageError(fmt.Sprintf("unknown subcommand %q of %s; use one of: %s", args[1], args[0], strings.Join(verbs, ", ")),
			"run 'dossier --help' for the list of commands")
	}
	return nil, nil, usageError(fmt.Sprintf("unknown command %q", args[0]),
		"run 'dossier --help' for the list of commands")
}

// groupVerbs lists the verbs of a command group ("articles" → list, show).
func groupVerbs(group string) []string {
	var verbs []string
	for _, c := range commands {
		if g, verb, ok := strings.Cut(c.name, " "); ok && g == group {
			verbs = append(verbs, verb)
		}
	}
	return verbs
}

// runCommand parses a command's flags, which may sit among its positional
// arguments, then runs it.
func runCommand(ctx context.Context, e *env, cmd *command, args []string) int {
	fs := newFlagSet("dossier " + cmd.name)
	// --workspace is accepted after the command too; given twice, the later wins.
	fs.StringVar(&e.workspaceFlag, "workspace", e.workspaceFlag, workspaceFlagUsage)
	run := cmd.setup(fs)
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printCommandUsage(e.stdout, cmd, fs)
		return ExitOK
	}
	if err == nil {
		err = run(ctx, e, positional)
	}
	if err == nil {
		return ExitOK
	}
	return Fail(e.stderr, hintUsage(err, cmd))
}

// hintUsage points a usage error that carries no hint of its own at the
// command's help.
func hintUsage(err error, cmd *command) error {
	var h *hintedErr
	if isUsage(err) && !errors.As(err, &h) {
		return withHint(err, fmt.Sprintf("run 'dossier %s --help' for usage", cmd.name))
	}
	return err
}

// IsCommand reports whether name is a command of the command line, so that
// main can tell a command from a request to open the window.
func IsCommand(name string) bool {
	return name == helpName || lookup(name) != nil || len(groupVerbs(name)) > 0
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}
