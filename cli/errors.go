package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"dossier/model"
)

// Exit codes of the dossier binary.
const (
	ExitOK      = 0 // the command did what was asked
	ExitFailure = 1 // the command ran and failed
	ExitUsage   = 2 // the command line itself is wrong
)

// usageErr says the command line is wrong: an unknown command, a bad
// flag, a missing or extra argument. It makes the exit code ExitUsage.
type usageErr struct{ msg string }

func (u *usageErr) Error() string { return u.msg }

// usageError returns a usage error with an optional hint on what to do.
func usageError(msg, hint string) error {
	var err error = &usageErr{msg: msg}
	if hint != "" {
		err = withHint(err, hint)
	}
	return err
}

// usageErrorf returns a usage error; Run adds a pointer to the command's
// --help.
func usageErrorf(format string, args ...any) error {
	return &usageErr{msg: fmt.Sprintf(format, args...)}
}

func isUsage(err error) bool {
	var u *usageErr
	return errors.As(err, &u)
}

// hintedErr carries the advice shown after the error: what to do next.
type hintedErr struct {
	err  error
	hint string
}

func (h *hintedErr) Error() string { return h.err.Error() }
func (h *hintedErr) Unwrap() error { return h.err }

// withHint attaches advice for the analyst to err. A command uses it when it
// knows better than the generic advice, e.g. "run 'dossier init PATH' first".
func withHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &hintedErr{err: err, hint: hint}
}

// Fail writes err as one line on stderr and returns the exit code that goes
// with it: ExitUsage for a wrong command line, ExitFailure otherwise.
func Fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, ErrorLine(err))
	if isUsage(err) {
		return ExitUsage
	}
	return ExitFailure
}

// ErrorLine turns err into the single line the analyst reads: "dossier: ",
// what went wrong, then what to do about it.
func ErrorLine(err error) string {
	msg := oneLine(err.Error())
	if hint := hintFor(err); hint != "" {
		msg += "; " + hint
	}
	return "dossier: " + msg
}

// hintFor picks the advice for err: the most specific hint attached by
// the code that failed, else one that fits the kind of error.
func hintFor(err error) string {
	var h *hintedErr
	if errors.As(err, &h) {
		return h.hint
	}
	var domain *model.Error
	if errors.As(err, &domain) { // its sentence already says what to do
		return ""
	}
	for _, k := range kindHints {
		if errors.Is(err, k.err) {
			return k.hint
		}
	}
	return ""
}

// kindHints maps kinds of error to advice, most specific first.
var kindHints = []struct {
	err  error
	hint string
}{
	{model.ErrNotFound, "check the name, number or path and try again"},
	{model.ErrInvalid, "correct the input and try again"},
	{model.ErrConflict, "it clashes with what is already there; use another name or path"},
	{fs.ErrNotExist, "check that the path exists"},
	{fs.ErrExist, "choose another path or move the existing file away"},
	{fs.ErrPermission, "check the permissions of the file and its folder"},
	{context.Canceled, "the command was interrupted before it finished; run it again"},
	{context.DeadlineExceeded, "the command ran out of time; run it again"},
}

// oneLine folds a multi-line message so the error stays one line.
func oneLine(s string) string {
	var parts []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, "; ")
}

// requireArgs checks that args holds exactly the named positional arguments
// and reports the first one missing or extra as a usage error.
func requireArgs(args []string, names ...string) error {
	if len(args) < len(names) {
		return usageErrorf("missing argument %s", names[len(args)])
	}
	if len(args) > len(names) {
		return usageErrorf("unexpected argument %q", args[len(names)])
	}
	return nil
}
