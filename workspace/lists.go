package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"dossier/export"
	"dossier/model"
	"dossier/storage"
)

// ListRow is what becomes of one row of an imported list.
type ListRow = storage.ListOutcome

// What can become of a row.
const (
	ListCreate    = storage.ListCreate
	ListUpdate    = storage.ListUpdate
	ListUnchanged = storage.ListUnchanged
	ListRefuse    = storage.ListRefuse
)

// ListReport says what an import of lists did, or would do in a dry run.
type ListReport struct {
	File      string    `json:"file"`
	DryRun    bool      `json:"dry_run"`
	Rows      []ListRow `json:"rows"`
	Created   int       `json:"created"`
	Updated   int       `json:"updated"`
	Unchanged int       `json:"unchanged"`
	Refused   int       `json:"refused"`
	// Notes say what the file held that was left aside: sheets that are
	// no lists, columns that mean nothing to the import.
	Notes []string `json:"notes,omitempty"`
}

// ImportLists reads lists of actors and documents from an .xlsx workbook
// or a CSV file and matches each row to the workspace: by UID, by ID, else
// by name or alias. A dry run reports what each row would do — create,
// update, nothing, or be refused, and why — and changes nothing. The real
// run applies every row in one transaction, or, when any row is refused,
// none (the error says so; the report says which and why). The file is
// untrusted: its size and what it unpacks to are bounded, and a file that
// cannot be read is refused with a sentence.
func (ws *Workspace) ImportLists(ctx context.Context, path string, dryRun bool) (ListReport, error) {
	rep := ListReport{File: path, DryRun: dryRun}
	lists, err := readLists(path)
	if err != nil {
		return rep, err
	}
	rep.Notes = lists.Notes
	actors, docs := listEntries(lists)
	if dryRun {
		rep.Rows, err = ws.PlanLists(ctx, actors, docs)
	} else {
		rep.Rows, err = ws.ApplyLists(ctx, actors, docs)
	}
	rep.count()
	if err != nil { // errors of reading name the file already; these do not
		return rep, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if !dryRun {
		ws.listNamesChanged(rep.Rows)
	}
	return rep, nil
}

func readLists(path string) (*export.Lists, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, model.NotFoundf("%s does not exist", path)
		}
		return nil, fmt.Errorf("import lists: %w", err)
	}
	defer f.Close()
	return export.ReadLists(f, filepath.Base(path), export.DefaultListLimits())
}

// listNamesChanged has the text searched again for the names the import
// added, renamed or removed, as after any change of names.
func (ws *Workspace) listNamesChanged(rows []ListRow) {
	var names []string
	for _, r := range rows {
		names = append(names, r.Names...)
	}
	if len(names) > 0 {
		ws.namesChanged(names...)
	}
}

func (r *ListReport) count() {
	for _, row := range r.Rows {
		switch row.Action {
		case ListCreate:
			r.Created++
		case ListUpdate:
			r.Updated++
		case ListUnchanged:
			r.Unchanged++
		case ListRefuse:
			r.Refused++
		}
	}
}

// listEntries hands the rows read to storage. The entries of the two
// packages have the same fields; only the parties differ in type.
func listEntries(l *export.Lists) ([]storage.ActorListEntry, []storage.DocumentListEntry) {
	actors := make([]storage.ActorListEntry, len(l.Actors))
	for i, e := range l.Actors {
		actors[i] = storage.ActorListEntry(e)
	}
	docs := make([]storage.DocumentListEntry, len(l.Documents))
	for i, e := range l.Documents {
		docs[i] = storage.DocumentListEntry{Row: e.Row, Problem: e.Problem, ID: e.ID, UID: e.UID, Title: e.Title,
			Kind: e.Kind, Status: e.Status, Disclosure: e.Disclosure, Description: e.Description, Notes: e.Notes,
			Aliases: e.Aliases}
		if e.Parties != nil {
			parties := make([]storage.ListParty, len(*e.Parties))
			for j, p := range *e.Parties {
				parties[j] = storage.ListParty(p)
			}
			docs[i].Parties = &parties
		}
	}
	return actors, docs
}
