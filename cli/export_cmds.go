package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

func exportCommand() *command {
	return &command{
		name:    "export",
		args:    "(--xlsx FILE | --csv DIR) [--view TABLE] [--force] [filters]",
		summary: "write the workspace, or one table of it, as an Excel workbook or CSV",
		help: `--xlsx FILE writes the whole workbook: a Summary sheet and a sheet per table. --csv DIR
writes a CSV file per table into the folder DIR (articles.csv, excerpts.csv, ...). With
--view TABLE only that table is written, as a workbook of one sheet (--xlsx FILE) or as one
CSV file (--csv FILE). The tables:
  ` + strings.Join(viewNames(), ", ") + `

The filters narrow the tables they apply to; the other tables keep every row:
  excerpts   --article --tag --kind --speaker --actor --document --source --from --to
             --credibility --min-credibility --max-credibility --orphans
  articles   --tag --source --from --to --title
  actors     --kind --text
  documents  --kind --status --text
  mentions   --article --actor --document --state
--kind narrows the table whose kind it names:
  excerpts   ` + kindList() + `
  actors     ` + enumList(model.ActorKinds()) + `
  documents  ` + enumList(model.DocumentKinds()) + `
--actor and --document together narrow the excerpts only, since a mention names one actor or
one document. Relations follow the actors written, the document history the documents; tags
are all written. A view takes only the filters of its table (relations --actor,
document-history --document, tags none).

An existing file is never replaced without --force. The file takes its name only once
complete: Ctrl+C or a failure leaves no half-written file. CSV files are UTF-8 with a byte
order mark; a text that a spreadsheet would run as a formula gets a ' in front. On a terminal
a progress line is kept on stderr.`,
		setup: func(fs *flag.FlagSet) runFunc {
			in := declareExport(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				req, err := in.check(fs)
				if err != nil {
					return err
				}
				if err := req.refuseExisting(); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return runExport(ctx, e, ws, req)
				})
			}
		},
	}
}

// exportInput is `dossier export` as typed.
type exportInput struct {
	xlsx, csv, view                  string
	force                            bool
	filters                          *filterFlags
	kind, title, text, status, state string
}

// exportOwnFlags are the flags that say what to write rather than filter.
var exportOwnFlags = []string{"workspace", "xlsx", "csv", "view", "force"}

func declareExport(fs *flag.FlagSet) *exportInput {
	in := &exportInput{}
	fs.StringVar(&in.xlsx, "xlsx", "", "write an Excel workbook to `FILE`")
	fs.StringVar(&in.csv, "csv", "", "write CSV: a file per table into the folder `DIR`, or with --view one file")
	fs.StringVar(&in.view, "view", "", "write only `TABLE`: "+strings.Join(viewNames(), ", "))
	fs.BoolVar(&in.force, "force", false, "replace files that already exist")
	in.filters = declareFilters(fs, excerptFilters&^(filterKind|filterPage))
	fs.StringVar(&in.kind, "kind", "", "only excerpts, actors or documents of this `KIND` (see above)")
	fs.StringVar(&in.title, "title", "", "only articles whose title contains `WORDS`")
	fs.StringVar(&in.text, "text", "", "only actors and documents whose name, title or an alias contains `WORDS`")
	fs.StringVar(&in.status, "status", "", "only documents whose status is `STATUS`: "+enumList(model.DocumentStatuses()))
	fs.StringVar(&in.state, "state", "", "only mentions in `STATE`: "+enumList(model.MentionStates()))
	return in
}

// exportRequest is what exportInput says, read without the workspace.
type exportRequest struct {
	format  string // "xlsx" or "csv"
	out     string // a file, or for a CSV export of every table a folder
	view    *exportView
	force   bool
	filters checkedFilters
	// the filters that narrow tables other than the excerpts
	actorKind   model.ActorKind
	docKind     model.DocumentKind
	title, text string
	status      model.DocumentStatus
	state       model.MentionState
}

func (in *exportInput) check(fs *flag.FlagSet) (*exportRequest, error) {
	r := &exportRequest{force: in.force, title: in.title, text: in.text}
	if err := r.checkOutput(fs, in); err != nil {
		return nil, err
	}
	var err error
	if r.filters, err = in.filters.check(); err != nil {
		return nil, err
	}
	if err := r.checkKind(in.kind); err != nil {
		return nil, err
	}
	if err := enumFlag(fs, "status", in.status, model.ParseDocumentStatus, &r.status, "", false); err != nil {
		return nil, err
	}
	if err := enumFlag(fs, "state", in.state, model.ParseMentionState, &r.state, "", false); err != nil {
		return nil, err
	}
	if r.view != nil {
		return r, r.view.checkFlags(fs)
	}
	return r, nil
}

// checkOutput reads --xlsx, --csv and --view.
func (r *exportRequest) checkOutput(fs *flag.FlagSet, in *exportInput) error {
	x, c := given(fs, "xlsx"), given(fs, "csv")
	switch {
	case x && c:
		return usageErrorf("give --xlsx or --csv, not both")
	case x:
		r.format, r.out = "xlsx", in.xlsx
	case c:
		r.format, r.out = "csv", in.csv
	default:
		return usageErrorf("missing --xlsx FILE or --csv DIR; say what to write")
	}
	if strings.TrimSpace(r.out) == "" {
		return usageErrorf("--%s needs a file or folder name", r.format)
	}
	if given(fs, "view") {
		v, err := findView(in.view)
		if err != nil {
			return err
		}
		r.view = v
	}
	return nil
}

// checkKind reads --kind as the kind of the table it names: the three
// sets of kinds share no word.
func (r *exportRequest) checkKind(kind string) error {
	if kind == "" {
		return nil
	}
	if r.view != nil {
		return r.view.checkKind(r, kind)
	}
	if k, err := model.ParseExcerptKind(kind); err == nil {
		r.filters.kind = k
		return nil
	}
	if k, err := model.ParseActorKind(kind); err == nil {
		r.actorKind = k
		return nil
	}
	if k, err := model.ParseDocumentKind(kind); err == nil {
		r.docKind = k
		return nil
	}
	return usageErrorf("--kind %q is no kind of excerpt (%s), actor (%s) or document (%s)",
		kind, kindList(), enumList(model.ActorKinds()), enumList(model.DocumentKinds()))
}

// csvFolder reports whether the export writes a folder of CSV files.
func (r *exportRequest) csvFolder() bool { return r.format == "csv" && r.view == nil }

// targets are the files the export would write.
func (r *exportRequest) targets() []string {
	if !r.csvFolder() {
		return []string{r.out}
	}
	var files []string
	for _, v := range exportViews {
		files = append(files, filepath.Join(r.out, v.fileName()))
	}
	return files
}

// refuseExisting refuses to replace files without --force: an export
// written over last week's hand-over is lost work.
func (r *exportRequest) refuseExisting() error {
	if !r.csvFolder() {
		if st, err := os.Stat(r.out); err == nil && st.IsDir() {
			return usageError(fmt.Sprintf("%s is a folder", r.out), fmt.Sprintf("give the name of the %s file to write", r.format))
		}
	}
	if r.force {
		return nil
	}
	var found []string
	for _, p := range r.targets() {
		if _, err := os.Lstat(p); err == nil {
			found = append(found, filepath.Base(p))
		}
	}
	switch {
	case len(found) == 0:
		return nil
	case r.csvFolder():
		return withHint(fmt.Errorf("%s already holds %s", r.out, strings.Join(found, ", ")),
			"add --force to replace them, or choose another folder")
	}
	return withHint(fmt.Errorf("%s already exists", r.out), "add --force to replace it, or choose another name")
}

// options resolves the names in the filters and spreads them over the
// tables they narrow.
func (r *exportRequest) options(ctx context.Context, ws *workspace.Workspace) (workspace.ExportOptions, error) {
	x, err := r.filters.excerptFilter(ctx, ws)
	if err != nil {
		return workspace.ExportOptions{}, err
	}
	m := model.MentionFilter{ArticleID: x.ArticleID, State: r.state}
	if x.ActorID == 0 || x.DocumentID == 0 {
		m.ActorID, m.DocumentID = x.ActorID, x.DocumentID
	}
	return workspace.ExportOptions{
		Excerpts:  x,
		Articles:  model.ArticleFilter{Text: r.title, TagID: x.TagID, SourceID: x.SourceID, From: x.From, To: x.To},
		Actors:    model.ActorFilter{Text: r.text, Kind: r.actorKind},
		Documents: model.DocumentFilter{Text: r.text, Kind: r.docKind, Status: r.status},
		Mentions:  m,
	}, nil
}

// notTheWorkspace refuses to write an export over the workspace itself,
// which --force would otherwise allow.
func (r *exportRequest) notTheWorkspace(ws *workspace.Workspace) error {
	out, err := os.Stat(r.out)
	if err != nil {
		return nil
	}
	if self, err := os.Stat(ws.Path()); err == nil && os.SameFile(out, self) {
		return usageError(fmt.Sprintf("%s is the workspace itself", r.out), "give the export another name")
	}
	return nil
}

func runExport(ctx context.Context, e *env, ws *workspace.Workspace, r *exportRequest) error {
	opts, err := r.options(ctx, ws)
	if err != nil {
		return err
	}
	if err := r.notTheWorkspace(ws); err != nil {
		return err
	}
	var line *progressLine
	if terminal(e.stderr) {
		line = &progressLine{w: e.stderr}
	}
	rep, err := r.write(ctx, ws, opts, line)
	line.clear()
	if err != nil {
		return r.failure(err)
	}
	printExport(e.stdout, r, rep)
	return nil
}

// write runs the export the request asks for.
func (r *exportRequest) write(ctx context.Context, ws *workspace.Workspace, opts workspace.ExportOptions, line *progressLine) (workspace.ExportReport, error) {
	progress := func(p workspace.ExportProgress) {
		line.write(fmt.Sprintf("exporting: %d of %d rows (%s)", p.Done, p.Total, p.Sheet))
	}
	switch {
	case r.view != nil:
		line.write("exporting the " + r.view.name + " view")
		var rep workspace.ExportReport
		err := workspace.WriteFileWhole(r.out, func(w io.Writer) error {
			var err error
			rep, err = ws.ExportView(ctx, r.view.name, r.view.filter(opts), r.format, w)
			return err
		})
		return rep, err
	case r.format == "xlsx":
		return ws.ExportWorkbookFile(ctx, r.out, opts, progress)
	}
	return ws.ExportCSV(ctx, r.out, opts, progress)
}

// failure is the error of an export that did not finish.
func (r *exportRequest) failure(err error) error {
	if !errors.Is(err, context.Canceled) {
		return err
	}
	if !r.csvFolder() {
		return withHint(fmt.Errorf("export interrupted; %s was not written", r.out),
			"no half-written file is left; run the command again to export")
	}
	return withHint(fmt.Errorf("export interrupted; no CSV file in %s was written or replaced", r.out),
		"the files take their names only once all are complete; run the command again to export")
}

// printExport says what was written: the file or folder, the rows of each
// table, and what Excel's limits made the export leave out.
func printExport(w io.Writer, r *exportRequest, rep workspace.ExportReport) {
	if r.csvFolder() {
		fmt.Fprintf(w, "wrote %s to %s\n", quantity(len(rep.Files), "file", "files"), r.out)
	} else {
		fmt.Fprintf(w, "wrote %s\n", r.out)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range rep.Tables {
		name := c.Table.Sheet()
		if r.csvFolder() {
			name = c.Table.FileName()
		}
		fmt.Fprintf(tw, "  %s\t%s%s\n", name, quantity(c.Rows, "row", "rows"), spread(rep.Sheets, c.Table.Sheet()))
	}
	tw.Flush()
	if rep.CutCells > 0 {
		fmt.Fprintf(w, "%s cut at Excel's limit of 32,767 characters; each cut is marked in its cell (CSV keeps every character)\n",
			quantity(rep.CutCells, "cell", "cells"))
	}
	if rep.LinksLeftOut > 0 {
		fmt.Fprintf(w, "%s left out: a sheet holds at most 65,530; those cells keep their text\n",
			quantity(rep.LinksLeftOut, "link", "links"))
	}
}

// spread names the sheets of a table that went on past one sheet:
// " (sheets Excerpts, Excerpts (2))"; "" when it fits on one.
func spread(sheets []string, first string) string {
	var own []string
	for _, s := range sheets {
		if s == first || strings.HasPrefix(s, first+" (") {
			own = append(own, s)
		}
	}
	if len(own) < 2 {
		return ""
	}
	return " (sheets " + strings.Join(own, ", ") + ")"
}

// exportView is a table that --view writes alone, and the filter flags
// that narrow it.
type exportView struct {
	name  string // as typed after --view, and the base of its CSV file name
	flags []string
	// filter picks the view's filter out of the export options.
	filter func(o workspace.ExportOptions) any
}

var (
	excerptFlags = []string{"article", "tag", "kind", "speaker", "actor", "document", "source", "from", "to",
		"credibility", "min-credibility", "max-credibility", "orphans"}

	// exportViews are the tables in the order of the workbook's sheets.
	exportViews = []*exportView{
		{"articles", []string{"tag", "source", "from", "to", "title"},
			func(o workspace.ExportOptions) any { return o.Articles }},
		{"excerpts", excerptFlags, func(o workspace.ExportOptions) any { return o.Excerpts }},
		{"actors", []string{"kind", "text"}, func(o workspace.ExportOptions) any { return o.Actors }},
		{"relations", []string{"actor"},
			func(o workspace.ExportOptions) any { return model.RelationFilter{ActorID: o.Excerpts.ActorID} }},
		{"documents", []string{"kind", "status", "text"}, func(o workspace.ExportOptions) any { return o.Documents }},
		{"document-history", []string{"document"},
			func(o workspace.ExportOptions) any { return model.StatusEventFilter{DocumentID: o.Excerpts.DocumentID} }},
		{"mentions", []string{"article", "actor", "document", "state"},
			func(o workspace.ExportOptions) any { return o.Mentions }},
		{"tags", nil, func(workspace.ExportOptions) any { return nil }},
	}
)

func viewNames() []string {
	names := make([]string, len(exportViews))
	for i, v := range exportViews {
		names[i] = v.name
	}
	return names
}

// findView reads the table after --view: "Excerpts", "document history"
// and "history" are understood too.
func findView(s string) (*exportView, error) {
	w := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "-")
	if w == "history" {
		w = "document-history"
	}
	for _, v := range exportViews {
		if v.name == w {
			return v, nil
		}
	}
	return nil, usageErrorf("--view: unknown table %q; use one of: %s", s, strings.Join(viewNames(), ", "))
}

func (v *exportView) fileName() string { return v.name + ".csv" }

// checkFlags refuses a filter that does not narrow the view's table,
// rather than write every row as if it did.
func (v *exportView) checkFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if err != nil || slices.Contains(exportOwnFlags, f.Name) || slices.Contains(v.flags, f.Name) {
			return
		}
		if len(v.flags) == 0 {
			err = usageErrorf("--%s does not narrow the %s view; it takes no filters", f.Name, v.name)
			return
		}
		err = usageErrorf("--%s does not narrow the %s view; it takes --%s", f.Name, v.name, strings.Join(v.flags, ", --"))
	})
	if err == nil && v.name == "mentions" && given(fs, "actor") && given(fs, "document") {
		err = usageErrorf("give --actor or --document, not both; a mention names one actor or one document")
	}
	return err
}

// checkKind reads --kind as a kind of the view's table.
func (v *exportView) checkKind(r *exportRequest, kind string) error {
	var err error
	switch v.name {
	case "excerpts":
		r.filters.kind, err = model.ParseExcerptKind(kind)
	case "actors":
		r.actorKind, err = model.ParseActorKind(kind)
	case "documents":
		r.docKind, err = model.ParseDocumentKind(kind)
	default:
		return nil // checkFlags refuses --kind for the other views
	}
	if err != nil {
		return usageErrorf("--kind: %v", err)
	}
	return nil
}
