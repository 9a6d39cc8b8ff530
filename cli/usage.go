package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// helpName is the command that shows help: `dossier help [COMMAND]`.
const helpName = "help"

// printUsage writes the top-level help.
func printUsage(w io.Writer) {
	fmt.Fprint(w, `Dossier keeps an analyst's articles, excerpts, actors and tracked documents
in one workspace file.

Usage:
  dossier [--workspace PATH]                   open the window
  dossier [--workspace PATH] COMMAND [ARGS]    work on the workspace without a window

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  %s\t%s\n", helpName, "show the help of a command")
	tw.Flush()
	fmt.Fprint(w, `
Global flags:
  --workspace PATH   the workspace file; without it, $DOSSIER_WORKSPACE,
                     else Dossier/workspace.dossier in the user data folder
  -h, --help         show this help

Run 'dossier COMMAND --help' for a command's arguments and flags.
Exit codes: 0 success, 1 failure, 2 usage error.
`)
}

// printCommandUsage writes the help of one command, flags included.
func printCommandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	synopsis := strings.TrimSpace("dossier " + c.name + " " + c.args)
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", synopsis, capitalise(c.summary)+".")
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
	fmt.Fprint(w, "\nFlags:\n")
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fs.VisitAll(func(f *flag.Flag) {
		value, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(tw, "  --%s\t%s\n", strings.TrimSpace(f.Name+" "+value), usage)
	})
	fmt.Fprintf(tw, "  -h, --help\tshow this help\n")
	tw.Flush()
}

// runHelp is `dossier help [COMMAND]`.
func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		printUsage(e.stdout)
		return ExitOK
	}
	cmd, rest, err := resolve(args)
	if err != nil {
		return Fail(e.stderr, err)
	}
	if len(rest) > 0 {
		return Fail(e.stderr, usageError(fmt.Sprintf("unexpected argument %q", rest[0]),
			"run 'dossier help COMMAND' for one command's help"))
	}
	fs := newFlagSet("dossier " + cmd.name)
	fs.String("workspace", "", workspaceFlagUsage)
	cmd.setup(fs)
	printCommandUsage(e.stdout, cmd, fs)
	return ExitOK
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
