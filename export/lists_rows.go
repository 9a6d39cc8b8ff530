package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"dossier/model"
)

// listKind says what a sheet or file lists.
type listKind int

const (
	noList       listKind = iota // not known yet (or nothing recognisable)
	actorList                    // actors
	documentList                 // tracked documents
	notList                      // another table of an export: never a list
)

func (k listKind) String() string {
	if k == documentList {
		return "documents"
	}
	return "actors"
}

// field is what a column of a list holds. fName is an actor's name or a
// document's title.
type field int

const (
	fNone field = iota
	fID
	fUID
	fName
	fKind
	fRole
	fAffiliation
	fCountry
	fAliases
	fDescription
	fNotes
	fStatus
	fDisclosure
	fParties
)

// Headers are matched ignoring case, surrounding space and punctuation;
// each field has the synonyms analysts write for it.
var (
	commonHeaders = map[string]field{
		"id": fID, "uid": fUID, "uuid": fUID, "kind": fKind, "type": fKind,
		"aliases": fAliases, "alias": fAliases, "also known as": fAliases, "aka": fAliases,
		"other names": fAliases, "alternative names": fAliases,
		"description": fDescription, "notes": fNotes, "note": fNotes, "comments": fNotes, "comment": fNotes,
	}
	actorHeaders = withCommon(map[string]field{
		"actor id": fID, "name": fName, "actor": fName, "full name": fName, "actor name": fName,
		"category": fKind, "actor kind": fKind, "actor type": fKind,
		"role": fRole, "title": fRole, "position": fRole, "job title": fRole, "role/title": fRole, "function": fRole,
		"affiliation": fAffiliation, "affiliated with": fAffiliation, "organisation": fAffiliation,
		"organization": fAffiliation, "member of": fAffiliation,
		"country": fCountry, "nationality": fCountry,
	})
	documentHeaders = withCommon(map[string]field{
		"document id": fID, "title": fName, "document": fName, "name": fName, "document title": fName,
		"document kind": fKind, "document type": fKind,
		"status": fStatus, "state": fStatus, "current status": fStatus,
		"disclosure": fDisclosure, "parties": fParties, "party": fParties,
	})
)

func withCommon(m map[string]field) map[string]field {
	for k, v := range commonHeaders {
		m[k] = v
	}
	return m
}

func headersOf(k listKind) map[string]field {
	if k == documentList {
		return documentHeaders
	}
	return actorHeaders
}

// headerKey folds a header for matching: "Role / Title:" → "role/title".
func headerKey(h string) string {
	h = strings.ToLower(strings.ReplaceAll(h, "_", " "))
	h = strings.Trim(strings.TrimSpace(h), ":*#")
	h = strings.ReplaceAll(strings.ReplaceAll(h, " / ", "/"), " /", "/")
	return strings.Join(strings.Fields(h), " ")
}

// headerScan is the first rows searched for the header row, which need
// not be the first (a title may sit above it).
const headerScan = 10

// layout finds a grid's header row and what it lists. It returns the
// index of the header row in g.rows, or kind noList when the grid holds no
// recognisable list.
func layout(g grid, where string) (listKind, int, error) {
	for i, r := range g.rows {
		if i == headerScan {
			break
		}
		a, d := score(r.cells, actorHeaders), score(r.cells, documentHeaders)
		if a == 0 && d == 0 {
			continue
		}
		switch {
		case g.hint == actorList || g.hint == documentList:
			return g.hint, i, nil
		case a > d:
			return actorList, i, nil
		case d > a:
			return documentList, i, nil
		}
		return noList, 0, model.Invalidf("%s: cannot tell from its header row (row %d) whether it lists actors or documents; name the sheet (or the file) Actors or Documents", where, r.n)
	}
	if g.hint == actorList || g.hint == documentList {
		return noList, 0, model.Invalidf("%s has no header row of a list of %s; write one such as: %s", where, g.hint, exampleHeader(g.hint))
	}
	return noList, 0, nil
}

func score(cells []string, headers map[string]field) int {
	n := 0
	for _, c := range cells {
		if headers[headerKey(c)] != fNone {
			n++
		}
	}
	return n
}

func exampleHeader(k listKind) string {
	if k == documentList {
		return "ID, Title, Kind, Status, Disclosure, Aliases, Parties, Description, Notes"
	}
	return "ID, Name, Kind, Role, Affiliation, Country, Aliases, Description, Notes"
}

// columns maps each cell of the header row to its field, and lists the
// headers that mean nothing to the import.
func columns(header gridRow, k listKind, where string) ([]field, []string, error) {
	known := headersOf(k)
	cols := make([]field, len(header.cells))
	seen := map[field]string{}
	var ignored []string
	for i, h := range header.cells {
		f := known[headerKey(h)]
		if f == fNone {
			if strings.TrimSpace(h) != "" {
				ignored = append(ignored, strings.TrimSpace(h))
			}
			continue
		}
		if other, ok := seen[f]; ok {
			return nil, nil, model.Invalidf("%s: the columns %q and %q mean the same thing; keep one of them", where, other, strings.TrimSpace(h))
		}
		seen[f] = strings.TrimSpace(h)
		cols[i] = f
	}
	if _, ok := seen[fName]; !ok {
		what := "Name"
		if k == documentList {
			what = "Title"
		}
		return nil, nil, model.Invalidf("%s has no %s column; its header row (row %d) reads: %s; write one such as: %s",
			where, what, header.n, strings.Join(header.cells, ", "), exampleHeader(k))
	}
	return cols, ignored, nil
}

// readGrids turns sheets into entries.
func readGrids(grids []grid, file string, lim ListLimits) (*Lists, error) {
	out := &Lists{}
	found := false
	for _, g := range grids {
		where := file
		if len(grids) > 1 || g.name != file {
			where = fmt.Sprintf("%s, %s", file, sheetLabel(g))
		}
		if g.hint == notList {
			out.Notes = append(out.Notes, fmt.Sprintf("%s left aside: it is not a list of actors or documents", where))
			continue
		}
		k, at, err := layout(g, where)
		if err != nil {
			return nil, err
		}
		if k == noList {
			out.Notes = append(out.Notes, fmt.Sprintf("%s left aside: no header row of a list of actors or documents", where))
			continue
		}
		cols, ignored, err := columns(g.rows[at], k, where)
		if err != nil {
			return nil, err
		}
		found = true
		if len(ignored) > 0 {
			out.Notes = append(out.Notes, fmt.Sprintf("%s: columns left aside: %s", where, strings.Join(ignored, ", ")))
		}
		for _, r := range g.rows[at+1:] {
			if k == actorList {
				out.Actors = append(out.Actors, actorEntry(r, cols))
			} else {
				out.Documents = append(out.Documents, documentEntry(r, cols))
			}
		}
	}
	if !found {
		return nil, model.Invalidf("%s holds no list of actors or documents: no sheet has a header row such as %q or %q",
			file, exampleHeader(actorList), exampleHeader(documentList))
	}
	return out, nil
}

// cellReader reads the cells of one row by field.
type cellReader struct {
	row     gridRow
	cols    []field
	problem string
}

// each calls fn for every column that holds a field, with its cell.
func (c *cellReader) each(fn func(f field, v string)) {
	for i, f := range c.cols {
		if f == fNone {
			continue
		}
		v := ""
		if i < len(c.row.cells) {
			v = c.row.cells[i]
		}
		fn(f, v)
	}
}

func (c *cellReader) id(v string) int64 {
	n, err := parseID(v)
	if err != nil && c.problem == "" {
		c.problem = err.Error()
	}
	return n
}

func actorEntry(r gridRow, cols []field) ActorEntry {
	c := &cellReader{row: r, cols: cols}
	e := ActorEntry{Row: r.n}
	c.each(func(f field, v string) {
		t := strings.TrimSpace(v)
		switch f {
		case fID:
			e.ID = c.id(v)
		case fUID:
			e.UID = t
		case fName:
			e.Name = t
		case fKind:
			e.Kind = ptr(actorKindWord(t))
		case fRole:
			e.Role = ptr(t)
		case fAffiliation:
			e.Affiliation = ptr(t)
		case fCountry:
			e.Country = ptr(t)
		case fDescription:
			e.Description = ptr(v)
		case fNotes:
			e.Notes = ptr(v)
		case fAliases:
			e.Aliases = ptr(splitList(v))
		}
	})
	e.Problem = c.problem
	if e.Name == "" && e.Problem == "" {
		e.Problem = "the name is empty"
	}
	return e
}

func documentEntry(r gridRow, cols []field) DocumentEntry {
	c := &cellReader{row: r, cols: cols}
	e := DocumentEntry{Row: r.n}
	c.each(func(f field, v string) {
		t := strings.TrimSpace(v)
		switch f {
		case fID:
			e.ID = c.id(v)
		case fUID:
			e.UID = t
		case fName:
			e.Title = t
		case fKind:
			e.Kind = ptr(t)
		case fStatus:
			e.Status = ptr(t)
		case fDisclosure:
			e.Disclosure = ptr(t)
		case fDescription:
			e.Description = ptr(v)
		case fNotes:
			e.Notes = ptr(v)
		case fAliases:
			e.Aliases = ptr(splitList(v))
		case fParties:
			e.Parties = ptr(parseParties(v))
		}
	})
	e.Problem = c.problem
	if e.Title == "" && e.Problem == "" {
		e.Problem = "the title is empty"
	}
	return e
}

// parseID reads an ID cell: empty, or a positive whole number (a workbook
// may store it as 12 or 12.0).
func parseID(v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		return n, nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f == math.Trunc(f) && f < 1<<53 {
		return int64(f), nil
	}
	return 0, fmt.Errorf("the ID %q is not a whole number above 0; leave it empty to add a new one", v)
}

// splitList reads the items of a cell separated by ListSeparator.
func splitList(v string) []string {
	out := []string{}
	for _, item := range strings.Split(v, ListSeparator) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// parseParties reads "Name (role); Other (role)".
func parseParties(v string) []PartyEntry {
	var out []PartyEntry
	for _, item := range splitList(v) {
		p := PartyEntry{Actor: item}
		if strings.HasSuffix(item, ")") {
			if i := strings.LastIndex(item, "("); i > 0 {
				p.Actor = strings.TrimSpace(item[:i])
				p.Role = strings.TrimSpace(item[i+1 : len(item)-1])
			}
		}
		out = append(out, p)
	}
	if out == nil {
		out = []PartyEntry{}
	}
	return out
}

// actorKindWords are the words analysts use for the kinds of actors.
var actorKindWords = map[string]model.ActorKind{
	"organization": model.ActorOrganisation, "org": model.ActorOrganisation,
	"organisations": model.ActorOrganisation, "organizations": model.ActorOrganisation,
	"country": model.ActorState, "nation": model.ActorState, "states": model.ActorState,
	"individual": model.ActorPerson, "people": model.ActorPerson, "persons": model.ActorPerson,
	"groups": model.ActorGroup,
}

// actorKindWord turns a synonym into the kind it means; anything else
// stays as written, to be checked with the rest of the row.
func actorKindWord(v string) string {
	if k, ok := actorKindWords[strings.ToLower(v)]; ok {
		return string(k)
	}
	return v
}
