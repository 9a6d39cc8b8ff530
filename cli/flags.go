package cli

import (
	"errors"
	"flag"
	"io"
)

const workspaceFlagUsage = "workspace `PATH` (overrides $DOSSIER_WORKSPACE and the default)"

// newFlagSet returns a flag set that reports errors to its caller instead
// of printing them or exiting: Run owns all output.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseInterspersed parses flags that may appear before, between or after
// positional arguments ("backup out.db --workspace x"), which the flag
// package alone stops at. After "--" everything is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageErrorf("%v", err)
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
