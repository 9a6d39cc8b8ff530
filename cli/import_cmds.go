package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"dossier/workspace"
)

func importCommand() *command {
	return &command{
		name:    "import",
		args:    "[--json] PATH...",
		summary: "import article files and folders",
		help: `Imports .txt, .md, .html/.htm, .docx and .eml files, and every file in the folders given
(recursively, hidden files left out). Prints a line per file — imported, duplicate (the same
text is already an article; nothing is stored twice) or refused, with the reason — then a
summary. Exits 1 when any file was refused; the others are imported all the same. Ctrl+C stops
after the file being stored; what was imported stays.`,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {results, imported, duplicates, refused} as JSON")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usageErrorf("missing argument PATH; give one or more files or folders to import")
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return runImport(ctx, e, ws, args, *asJSON)
				})
			}
		},
	}
}

// importReport is the --json output of an import.
type importReport struct {
	Results    []workspace.ImportResult `json:"results"`
	Imported   int                      `json:"imported"`
	Duplicates int                      `json:"duplicates"`
	Refused    int                      `json:"refused"`
	// Interrupted is set when Ctrl+C stopped the import before the end.
	Interrupted bool `json:"interrupted,omitempty"`
}

func newImportReport(results []workspace.ImportResult) importReport {
	r := importReport{Results: results}
	if r.Results == nil {
		r.Results = []workspace.ImportResult{}
	}
	for _, res := range results {
		switch res.Status {
		case workspace.Imported:
			r.Imported++
		case workspace.Duplicate:
			r.Duplicates++
		case workspace.Refused:
			r.Refused++
		}
	}
	return r
}

func runImport(ctx context.Context, e *env, ws *workspace.Workspace, paths []string, asJSON bool) error {
	var line *progressLine
	if terminal(e.stderr) {
		line = &progressLine{w: e.stderr}
	}
	total := 0
	results, err := ws.Import(ctx, paths, func(p workspace.Progress) {
		total = p.Total
		line.show(p)
	})
	line.clear()
	report := newImportReport(results)
	report.Interrupted = err != nil
	if asJSON {
		if werr := writeJSON(e.stdout, report); werr != nil {
			return werr
		}
	} else {
		printImport(e.stdout, report)
	}
	return importOutcome(report, total, err, asJSON)
}

func printImport(w io.Writer, r importReport) {
	for _, res := range r.Results {
		fmt.Fprintf(w, "%s %s: %s\n", res.Status, res.Path, oneLine(res.Detail))
	}
	fmt.Fprintf(w, "%d imported, %s, %d refused\n", r.Imported, quantity(r.Duplicates, "duplicate", "duplicates"), r.Refused)
}

// importOutcome is the error that sets the exit code: an interruption, or
// files refused.
func importOutcome(r importReport, total int, err error, asJSON bool) error {
	where := "see the lines above for the reasons"
	if asJSON {
		where = `see the results with status "refused" for the reasons`
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return withHint(fmt.Errorf("import interrupted after %d of %s", len(r.Results), quantity(total, "file", "files")),
				"what is listed was stored; run the same command again to import the rest (duplicates are skipped)")
		}
		return err
	}
	if r.Refused > 0 {
		return withHint(fmt.Errorf("%d of %s refused", r.Refused, quantity(len(r.Results), "file", "files")), where)
	}
	return nil
}

// terminal reports whether w is a terminal, where a person reads: progress
// and highlighting are for them, not for a file or a pipe. Tests replace it.
var terminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressLine keeps one line of progress on a terminal, rewritten in place
// with a carriage return. A nil *progressLine shows nothing.
type progressLine struct {
	w    io.Writer
	last int // width of the line shown, to blank out what a shorter one leaves
}

// progressWidth keeps the line within an 80-column terminal, so that it
// never wraps (a wrapped line cannot be rewritten with \r).
const progressWidth = 79

// show puts an import's progress on the line.
func (p *progressLine) show(pr workspace.Progress) {
	if p == nil {
		return
	}
	text := fmt.Sprintf("importing: %d of %d done", pr.Done, pr.Total)
	if pr.Current != "" {
		text += " (" + pr.Current + ")"
	}
	p.write(text)
}

// write puts text on the line in place of what it showed.
func (p *progressLine) write(text string) {
	if p == nil {
		return
	}
	text = clip(text, progressWidth)
	n := utf8.RuneCountInString(text)
	fmt.Fprintf(p.w, "\r%s%s", text, strings.Repeat(" ", max(0, p.last-n)))
	p.last = n
}

// clear removes the progress line, leaving the cursor at its start.
func (p *progressLine) clear() {
	if p == nil || p.last == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.last))
	p.last = 0
}

// clip shortens s to at most n code points, ending it with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
