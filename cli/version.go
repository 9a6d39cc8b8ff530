package cli

import (
	"context"
	"flag"
	"fmt"
)

// Version is Dossier's version, kept in this one place: main hands it to the
// window's app metadata, and a release build may set it with
// -ldflags "-X dossier/cli.Version=1.2.3". FyneApp.toml carries the same
// number; a test keeps the two in step.
var Version = "0.1.0"

func versionCommand() *command {
	return &command{
		name:    "version",
		args:    "[--json]",
		summary: "print the version of dossier",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {\"version\": ...} as JSON")
			return func(_ context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(e.stdout, map[string]string{"version": Version})
				}
				fmt.Fprintf(e.stdout, "dossier %s\n", Version)
				return nil
			}
		},
	}
}
