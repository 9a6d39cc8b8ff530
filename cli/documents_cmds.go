package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

// documentRefHelp says how a tracked document is named on the command line.
const documentRefHelp = "DOC is a tracked document's id, its title or one of its aliases; case and spacing do not matter, " +
	"and part of a title is enough when only one document has it."

// documentFields are the flags that set a document's fields, shared by
// `documents add` and `documents edit`.
type documentFields struct {
	fs                                                  *flag.FlagSet
	title, kind, status, disclosure, description, notes string
	aliases                                             stringList
}

func declareDocumentFields(fs *flag.FlagSet, edit bool) *documentFields {
	f := &documentFields{fs: fs}
	if edit {
		fs.StringVar(&f.title, "title", "", "rename the document to `TITLE`")
	}
	fs.StringVar(&f.kind, "kind", "", "what the document is, `KIND`: "+enumList(model.DocumentKinds())+" (a new one is a plan unless told)")
	fs.StringVar(&f.status, "status", "", "where it stands, `STATUS`: "+enumList(model.DocumentStatuses())+" (a new one is rumoured unless told)")
	fs.StringVar(&f.disclosure, "disclosure", "", "how much of it is public, `D`: "+enumList(model.Disclosures())+" (a new one is undisclosed unless told)")
	fs.StringVar(&f.description, "description", "", "what it is, as `TEXT`")
	fs.StringVar(&f.notes, "notes", "", "the analyst's notes, as `TEXT`")
	fs.Var(&f.aliases, "alias", "add a `NAME` it appears under (repeatable)")
	return f
}

// apply copies the flags to d, all of them for a new document (add), else
// only those given, and checks the result; a bad value is a usage error.
func (f *documentFields) apply(d *model.Document, add bool) error {
	set := func(flagName string, dst *string, v string) {
		if add || given(f.fs, flagName) {
			*dst = strings.TrimSpace(v)
		}
	}
	set("title", &d.Title, f.title)
	set("description", &d.Description, f.description)
	set("notes", &d.Notes, f.notes)
	for _, err := range []error{
		enumFlag(f.fs, "kind", f.kind, model.ParseDocumentKind, &d.Kind, model.DocPlan, add),
		enumFlag(f.fs, "status", f.status, model.ParseDocumentStatus, &d.Status, model.StatusRumoured, add),
		enumFlag(f.fs, "disclosure", f.disclosure, model.ParseDisclosure, &d.Disclosure, model.DisclosureUndisclosed, add),
	} {
		if err != nil {
			return err
		}
	}
	if err := d.Validate(); err != nil {
		return usageErrorf("%v", err)
	}
	return checkAliasFlags(f.aliases)
}

// describeDocument names a document with its kind and status.
func describeDocument(d model.Document) string {
	return fmt.Sprintf("%s (%s, %s)", documentLabel(d), d.Kind, d.Status)
}

func documentsAddCommand() *command {
	return &command{
		name:    "documents add",
		args:    "TITLE [--kind K] [--status S] [--disclosure D] [--description TEXT] [--notes TEXT] [--alias A]...",
		summary: "track a document: a plan, framework, agreement, statement or letter",
		help: "Adds a tracked document titled TITLE. Its title and aliases are looked for in every article at once. " +
			"An alias that another actor or document holds is refused, and the document is not added. " +
			"Record how its status changes with 'dossier documents event'.",
		setup: func(fs *flag.FlagSet) runFunc {
			f := declareDocumentFields(fs, false)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "TITLE"); err != nil {
					return err
				}
				f.title = args[0]
				var d model.Document
				if err := f.apply(&d, true); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return addDocument(ctx, e, ws, f, d)
				})
			}
		},
	}
}

func addDocument(ctx context.Context, e *env, ws *workspace.Workspace, f *documentFields, d model.Document) error {
	if err := ws.CreateDocument(ctx, &d); err != nil {
		return err
	}
	if err := addAliases(ctx, ws, f.aliases, model.Alias{DocumentID: d.ID}); err != nil {
		// All or nothing, as for an actor.
		if derr := ws.DeleteDocument(ctx, d.ID); derr != nil {
			return fmt.Errorf("%w (and %s, added without it, could not be removed: %v)", err, documentLabel(d), derr)
		}
		return fmt.Errorf("document %q not added: %w", d.Title, err)
	}
	fmt.Fprintf(e.stdout, "added %s%s\n", describeDocument(d), aliasNote(f.aliases))
	return nil
}

func documentsEditCommand() *command {
	return &command{
		name:    "documents edit",
		args:    "DOC [--title TITLE] [--kind K] [--status S] [--disclosure D] [--description TEXT] [--notes TEXT] [--alias A]...",
		summary: "change a document's fields; only the flags given change",
		help: "Changes the fields given and adds the aliases given; the others stay. An empty value clears a field. " +
			"A document with a status history keeps the status of its latest event: record a change with " +
			"'dossier documents event' instead. " + documentRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			f := declareDocumentFields(fs, true)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "DOC"); err != nil {
					return err
				}
				if !givenAny(fs) {
					return usageErrorf("nothing to change; give the fields to change, as in --status presented")
				}
				probe := model.Document{Title: "-", Kind: model.DocPlan, Status: model.StatusRumoured, Disclosure: model.DisclosurePublic}
				if err := f.apply(&probe, false); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return editDocument(ctx, e, ws, f, args[0])
				})
			}
		},
	}
}

func editDocument(ctx context.Context, e *env, ws *workspace.Workspace, f *documentFields, ref string) error {
	d, err := documentByRef(ctx, ws, ref)
	if err != nil {
		return err
	}
	if err := f.apply(&d, false); err != nil {
		return err
	}
	asked := d.Status
	if err := ws.UpdateDocument(ctx, &d); err != nil {
		return err
	}
	if err := addAliases(ctx, ws, f.aliases, model.Alias{DocumentID: d.ID}); err != nil {
		return fmt.Errorf("%s was saved, but not every alias was added: %w", documentLabel(d), err)
	}
	fmt.Fprintf(e.stdout, "updated %s%s\n", describeDocument(d), aliasNote(f.aliases))
	if d.Status != asked {
		fmt.Fprintf(e.stdout, "its status stays %q, that of its latest status event; record a change with: dossier documents event %d --date DATE --status %s\n",
			d.Status, d.ID, shellWord(string(asked)))
	}
	return nil
}

// documentByRef reads the tracked document that ref names.
func documentByRef(ctx context.Context, ws *workspace.Workspace, ref string) (model.Document, error) {
	id, err := resolveRef(ctx, ws, ref, resolveDocument)
	if err != nil {
		return model.Document{}, err
	}
	return ws.Document(ctx, id)
}

func documentsListCommand() *command {
	return &command{
		name:    "documents list",
		args:    "[--json] [--kind K] [--status S] [--text WORDS] [--limit N] [--offset N]",
		summary: "list the tracked documents by title, with their aliases",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {total, offset, documents} as JSON, each document with its aliases")
			kind := fs.String("kind", "", "only documents of this `KIND`: "+enumList(model.DocumentKinds()))
			status := fs.String("status", "", "only documents whose status is `STATUS`: "+enumList(model.DocumentStatuses()))
			text := fs.String("text", "", "only documents whose title or an alias contains `WORDS`")
			page := declareFilters(fs, filterPage)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				checked, err := page.check()
				if err != nil {
					return err
				}
				f := model.DocumentFilter{Text: *text, Page: checked.page}
				if err := enumFlag(fs, "kind", *kind, model.ParseDocumentKind, &f.Kind, "", false); err != nil {
					return err
				}
				if err := enumFlag(fs, "status", *status, model.ParseDocumentStatus, &f.Status, "", false); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return listDocuments(ctx, e, ws, f, *asJSON)
				})
			}
		},
	}
}

// documentRow is a document as `documents list --json` prints it.
type documentRow struct {
	model.Document
	Aliases []string `json:"aliases"`
}

// documentPage is the --json output of `documents list`.
type documentPage struct {
	Total     int           `json:"total"`
	Offset    int           `json:"offset"`
	Documents []documentRow `json:"documents"`
}

func listDocuments(ctx context.Context, e *env, ws *workspace.Workspace, f model.DocumentFilter, asJSON bool) error {
	docs, total, err := ws.ListDocuments(ctx, f)
	if err != nil {
		return err
	}
	names, err := aliasesByOwner(ctx, ws, func(a model.Alias) int64 { return a.DocumentID })
	if err != nil {
		return err
	}
	rows := make([]documentRow, len(docs))
	for i, d := range docs {
		rows[i] = documentRow{Document: d, Aliases: orEmpty(names[d.ID])}
	}
	if asJSON {
		return writeJSON(e.stdout, documentPage{Total: total, Offset: f.Offset, Documents: rows})
	}
	if len(rows) > 0 {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tSTATUS\tDISCLOSURE\tTITLE\tALIASES")
		for _, r := range rows {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, r.Status, r.Disclosure, clip(oneLine(r.Title), titleWidth/2),
				clip(orDash(strings.Join(r.Aliases, ", ")), titleWidth))
		}
		tw.Flush()
	}
	printShowing(e.stdout, "documents", f.Offset, len(rows), total)
	return nil
}

func documentsShowCommand() *command {
	return showCommand("documents show", "DOC", "show a document's page: fields, parties, status history and mentions",
		"The status history lists each dated step with its evidence excerpt; the mentions come with a bar chart per week. "+documentRefHelp,
		resolveDocument, (*workspace.Workspace).DocumentProfile,
		func(p model.DocumentProfile) any { return newDocumentProfileJSON(p) }, printDocumentProfile)
}

func printDocumentProfile(w io.Writer, p model.DocumentProfile) {
	d := p.Document
	f := newFieldList(w)
	f.add("document", fmt.Sprint(d.ID))
	f.add("title", oneLine(d.Title))
	f.add("kind", string(d.Kind))
	f.add("status", string(d.Status))
	f.add("disclosure", string(d.Disclosure))
	f.add("aliases", aliasList(p.Aliases))
	f.add("first seen", dayOrEmpty(p.FirstSeen))
	f.add("last seen", dayOrEmpty(p.LastSeen))
	f.add("description", oneLine(d.Description))
	f.add("notes", oneLine(d.Notes))
	f.flush()

	heading(w, "parties", len(p.Parties))
	for _, v := range p.Parties {
		fmt.Fprintf(w, "  %s: %s%s\n", v.Party.Role, actorLabel(v.Actor), noteSuffix(v.Party.Note))
	}
	heading(w, "status history", len(p.History))
	for _, ev := range p.History {
		evidence := ""
		if ev.EvidenceExcerptID != 0 {
			evidence = fmt.Sprintf(" (evidence excerpt %d)", ev.EvidenceExcerptID)
		}
		fmt.Fprintf(w, "  %s  %s%s%s\n", day(ev.Date), ev.Status, evidence, noteSuffix(ev.Note))
	}
	printMentions(w, p.Mentions, p.Timeline, fmt.Sprintf("dossier mentions list --document %d", d.ID))
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " — " + oneLine(note)
}

// documentProfileJSON is the --json output of `documents show`.
type documentProfileJSON struct {
	Document model.Document      `json:"document"`
	Aliases  []model.Alias       `json:"aliases"`
	Parties  []partyJSON         `json:"parties"`
	History  []model.StatusEvent `json:"history"`
	mentionsJSON
}

// partyJSON is a party with its actor.
type partyJSON struct {
	model.Party
	Actor model.Actor `json:"actor"`
}

func newDocumentProfileJSON(p model.DocumentProfile) documentProfileJSON {
	out := documentProfileJSON{Document: p.Document, Aliases: orEmpty(p.Aliases), Parties: []partyJSON{},
		History: orEmpty(p.History), mentionsJSON: newMentionsJSON(p.Mentions, p.Timeline, p.FirstSeen, p.LastSeen)}
	for _, v := range p.Parties {
		out.Parties = append(out.Parties, partyJSON{Party: v.Party, Actor: v.Actor})
	}
	return out
}

func documentsEventCommand() *command {
	return &command{
		name:    "documents event",
		args:    "DOC --date DATE --status S [--note TEXT] [--evidence EXCERPT]",
		summary: "record a dated step in a document's status history",
		help: "The document's status becomes that of its latest event (by date; of events on one date, the last " +
			"recorded). " + documentRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			date := fs.String("date", "", "when it happened, as `DATE` (YYYY-MM-DD; required)")
			status := fs.String("status", "", "the `STATUS` it reached (required): "+enumList(model.DocumentStatuses()))
			note := fs.String("note", "", "the analyst's note, as `TEXT`")
			evidence := fs.String("evidence", "", "the excerpt that shows it, by `ID`")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "DOC"); err != nil {
					return err
				}
				ev, err := checkStatusEvent(fs, *date, *status, *evidence)
				if err != nil {
					return err
				}
				ev.Note = *note
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return addStatusEvent(ctx, e, ws, ev, args[0])
				})
			}
		},
	}
}

// checkStatusEvent reads the flags of `documents event` that need no
// workspace.
func checkStatusEvent(fs *flag.FlagSet, date, status, evidence string) (model.StatusEvent, error) {
	var ev model.StatusEvent
	if strings.TrimSpace(date) == "" {
		return ev, usageErrorf("missing --date DATE; say when it happened, as in --date 2025-12-01")
	}
	if strings.TrimSpace(status) == "" {
		return ev, usageErrorf("missing --status STATUS; use one of: %s", enumList(model.DocumentStatuses()))
	}
	var err error
	if ev.Date, err = parseDate("--date", date); err != nil {
		return ev, err
	}
	if err := enumFlag(fs, "status", status, model.ParseDocumentStatus, &ev.Status, "", false); err != nil {
		return ev, err
	}
	if evidence != "" {
		ev.EvidenceExcerptID, err = parseID("--evidence", evidence)
	}
	return ev, err
}

func addStatusEvent(ctx context.Context, e *env, ws *workspace.Workspace, ev model.StatusEvent, ref string) error {
	d, err := documentByRef(ctx, ws, ref)
	if err != nil {
		return err
	}
	ev.DocumentID = d.ID
	if err := ws.AddStatusEvent(ctx, &ev); err != nil {
		return err
	}
	if d, err = ws.Document(ctx, d.ID); err != nil {
		return err
	}
	evidence := ""
	if ev.EvidenceExcerptID != 0 {
		evidence = fmt.Sprintf(" (evidence excerpt %d)", ev.EvidenceExcerptID)
	}
	fmt.Fprintf(e.stdout, "added status event %d to %s: %s %s%s; its status is %s\n",
		ev.ID, documentLabel(d), day(ev.Date), ev.Status, evidence, d.Status)
	return nil
}

func documentsPartyCommand() *command {
	return &command{
		name:    "documents party",
		args:    "DOC ACTOR (--role ROLE [--note TEXT] | --remove [--role ROLE])",
		summary: "record the part an actor plays for a document, or remove it",
		help: "An actor may hold several roles in one document, each once. --remove takes away the role given, or " +
			"every role the actor holds in the document. " + documentRefHelp + " " + actorRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			role := fs.String("role", "", "the part the actor plays, `ROLE`: "+enumList(model.PartyRoles()))
			note := fs.String("note", "", "the analyst's note, as `TEXT`")
			remove := fs.Bool("remove", false, "remove the actor's part instead of adding one")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "DOC", "ACTOR"); err != nil {
					return err
				}
				p, err := checkParty(fs, *role, *note, *remove)
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					d, err := documentByRef(ctx, ws, args[0])
					if err != nil {
						return err
					}
					a, err := actorByRef(ctx, ws, args[1])
					if err != nil {
						return err
					}
					p.DocumentID, p.ActorID = d.ID, a.ID
					if *remove {
						return removeParty(ctx, e, ws, p, d, a)
					}
					if err := ws.AddParty(ctx, &p); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "added %s as %s of %s\n", actorLabel(a), p.Role, documentLabel(d))
					return nil
				})
			}
		},
	}
}

// checkParty reads the flags of `documents party` that need no workspace.
func checkParty(fs *flag.FlagSet, role, note string, remove bool) (model.Party, error) {
	p := model.Party{Note: note}
	switch {
	case remove && note != "":
		return p, usageErrorf("--note goes with adding a part, not with --remove")
	case !remove && strings.TrimSpace(role) == "":
		return p, usageErrorf("missing --role ROLE; say what part the actor plays: %s", enumList(model.PartyRoles()))
	}
	err := enumFlag(fs, "role", role, model.ParsePartyRole, &p.Role, "", false)
	return p, err
}

// removeParty takes away the actor's role p.Role in the document, or every
// role it holds there when p.Role is empty.
func removeParty(ctx context.Context, e *env, ws *workspace.Workspace, p model.Party, d model.Document, a model.Actor) error {
	held, _, err := ws.ListParties(ctx, model.PartyFilter{DocumentID: d.ID, ActorID: a.ID, Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return err
	}
	removed := 0
	for _, h := range held {
		if p.Role != "" && h.Role != p.Role {
			continue
		}
		if err := ws.DeleteParty(ctx, h.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s as %s of %s\n", actorLabel(a), h.Role, documentLabel(d))
		removed++
	}
	if removed > 0 {
		return nil
	}
	if p.Role != "" {
		return model.NotFoundf("%s is not listed as %s of %s", actorLabel(a), p.Role, documentLabel(d))
	}
	return model.NotFoundf("%s is not a party to %s", actorLabel(a), documentLabel(d))
}

func documentImpact(n model.DocumentImpact) []tally {
	return []tally{
		{n.Aliases, "alias", "aliases", "removed"},
		{n.Parties, documentParts.one, documentParts.many, "removed"},
		{n.StatusEvents, "status event", "status events", "removed"},
		{n.Mentions, "mention", "mentions", "removed"},
		{n.LinkedExcerpts, "excerpt that concerns it", "excerpts that concern it", "kept, without the link to it"},
	}
}
