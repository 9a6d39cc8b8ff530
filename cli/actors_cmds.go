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

// actorRefHelp says how an actor is named on the command line.
const actorRefHelp = "ACTOR is an actor's id, its name or one of its aliases; case and spacing do not matter, " +
	"and part of a name is enough when only one actor has it."

// actorFields are the flags that set an actor's fields, shared by
// `actors add` and `actors edit`.
type actorFields struct {
	fs                                                         *flag.FlagSet
	name, kind, role, affiliation, country, description, notes string
	aliases                                                    stringList
}

func declareActorFields(fs *flag.FlagSet, edit bool) *actorFields {
	f := &actorFields{fs: fs}
	if edit {
		fs.StringVar(&f.name, "name", "", "rename the actor to `NAME`")
	}
	fs.StringVar(&f.kind, "kind", "", "what the actor is, `KIND`: "+enumList(model.ActorKinds())+" (a new actor is a person unless told)")
	fs.StringVar(&f.role, "role", "", "its role or title, as `TEXT`")
	fs.StringVar(&f.affiliation, "affiliation", "", "the `ACTOR` it belongs to (an empty value removes it)")
	fs.StringVar(&f.country, "country", "", "its `COUNTRY`")
	fs.StringVar(&f.description, "description", "", "who or what it is, as `TEXT`")
	fs.StringVar(&f.notes, "notes", "", "the analyst's notes, as `TEXT`")
	fs.Var(&f.aliases, "alias", "add a `NAME` it appears under (repeatable)")
	return f
}

// apply copies the flags to a, all of them for a new actor (add), else only
// those given, and checks the result; a bad value is a usage error.
func (f *actorFields) apply(a *model.Actor, add bool) error {
	set := func(flagName string, dst *string, v string) {
		if add || given(f.fs, flagName) {
			*dst = strings.TrimSpace(v)
		}
	}
	set("name", &a.Name, f.name)
	set("role", &a.Role, f.role)
	set("country", &a.Country, f.country)
	set("description", &a.Description, f.description)
	set("notes", &a.Notes, f.notes)
	if err := enumFlag(f.fs, "kind", f.kind, model.ParseActorKind, &a.Kind, model.ActorPerson, add); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return usageErrorf("%v", err)
	}
	return checkAliasFlags(f.aliases)
}

// resolveAffiliation sets a's affiliation from --affiliation, when given.
func (f *actorFields) resolveAffiliation(ctx context.Context, ws *workspace.Workspace, a *model.Actor, add bool) error {
	if !add && !given(f.fs, "affiliation") {
		return nil
	}
	if strings.TrimSpace(f.affiliation) == "" {
		a.AffiliationID = 0
		return nil
	}
	id, err := resolveRef(ctx, ws, f.affiliation, resolveActor)
	a.AffiliationID = id
	return err
}

// describeActor names an actor with its role, else its kind.
func describeActor(a model.Actor) string {
	what := a.Role
	if what == "" {
		what = string(a.Kind)
	}
	return fmt.Sprintf("%s (%s)", actorLabel(a), what)
}

func actorsAddCommand() *command {
	return &command{
		name:    "actors add",
		args:    "NAME [--kind K] [--role R] [--affiliation ACTOR] [--country C] [--description D] [--notes N] [--alias A]...",
		summary: "add an actor: a person, organisation, state or group",
		help: "Adds an actor named NAME. Its name and aliases are looked for in every article at once, and the places " +
			"found are listed by 'dossier mentions list --actor NAME'. An alias that another actor or document holds " +
			"is refused, and the actor is not added. " + actorRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			f := declareActorFields(fs, false)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "NAME"); err != nil {
					return err
				}
				f.name = args[0]
				var a model.Actor
				if err := f.apply(&a, true); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return addActor(ctx, e, ws, f, a)
				})
			}
		},
	}
}

func addActor(ctx context.Context, e *env, ws *workspace.Workspace, f *actorFields, a model.Actor) error {
	if err := f.resolveAffiliation(ctx, ws, &a, true); err != nil {
		return err
	}
	if err := ws.CreateActor(ctx, &a); err != nil {
		return err
	}
	if err := addAliases(ctx, ws, f.aliases, model.Alias{ActorID: a.ID}); err != nil {
		// All or nothing: an actor without the aliases asked for would be
		// found in fewer places than the analyst expects.
		if derr := ws.DeleteActor(ctx, a.ID); derr != nil {
			return fmt.Errorf("%w (and %s, added without it, could not be removed: %v)", err, actorLabel(a), derr)
		}
		return fmt.Errorf("actor %q not added: %w", a.Name, err)
	}
	fmt.Fprintf(e.stdout, "added %s%s\n", describeActor(a), aliasNote(f.aliases))
	return nil
}

func actorsEditCommand() *command {
	return &command{
		name:    "actors edit",
		args:    "ACTOR [--name NAME] [--kind K] [--role R] [--affiliation ACTOR] [--country C] [--description D] [--notes N] [--alias A]...",
		summary: "change an actor's fields; only the flags given change",
		help:    "Changes the fields given and adds the aliases given; the others stay. An empty value clears a field. " + actorRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			f := declareActorFields(fs, true)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "ACTOR"); err != nil {
					return err
				}
				if !givenAny(fs) {
					return usageErrorf("nothing to change; give the fields to change, as in --role \"special envoy\"")
				}
				probe := model.Actor{Name: "-", Kind: model.ActorPerson}
				if err := f.apply(&probe, false); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return editActor(ctx, e, ws, f, args[0])
				})
			}
		},
	}
}

func editActor(ctx context.Context, e *env, ws *workspace.Workspace, f *actorFields, ref string) error {
	id, err := resolveRef(ctx, ws, ref, resolveActor)
	if err != nil {
		return err
	}
	a, err := ws.Actor(ctx, id)
	if err != nil {
		return err
	}
	if err := f.apply(&a, false); err != nil {
		return err
	}
	if err := f.resolveAffiliation(ctx, ws, &a, false); err != nil {
		return err
	}
	if err := ws.UpdateActor(ctx, &a); err != nil {
		return err
	}
	if err := addAliases(ctx, ws, f.aliases, model.Alias{ActorID: a.ID}); err != nil {
		return fmt.Errorf("%s was saved, but not every alias was added: %w", actorLabel(a), err)
	}
	fmt.Fprintf(e.stdout, "updated %s%s\n", describeActor(a), aliasNote(f.aliases))
	return nil
}

func actorsListCommand() *command {
	return &command{
		name:    "actors list",
		args:    "[--json] [--kind K] [--text WORDS] [--limit N] [--offset N]",
		summary: "list the actors by name, with their aliases",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {total, offset, actors} as JSON, each actor with its aliases")
			kind := fs.String("kind", "", "only actors of this `KIND`: "+enumList(model.ActorKinds()))
			text := fs.String("text", "", "only actors whose name or an alias contains `WORDS`")
			page := declareFilters(fs, filterPage)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				checked, err := page.check()
				if err != nil {
					return err
				}
				f := model.ActorFilter{Text: *text, Page: checked.page}
				if *kind != "" {
					if f.Kind, err = model.ParseActorKind(*kind); err != nil {
						return usageErrorf("--kind: %v", err)
					}
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return listActors(ctx, e, ws, f, *asJSON)
				})
			}
		},
	}
}

// actorRow is an actor as `actors list --json` prints it.
type actorRow struct {
	model.Actor
	Aliases []string `json:"aliases"`
}

// actorPage is the --json output of `actors list`.
type actorPage struct {
	Total  int        `json:"total"`
	Offset int        `json:"offset"`
	Actors []actorRow `json:"actors"`
}

func listActors(ctx context.Context, e *env, ws *workspace.Workspace, f model.ActorFilter, asJSON bool) error {
	actors, total, err := ws.ListActors(ctx, f)
	if err != nil {
		return err
	}
	names, err := aliasesByOwner(ctx, ws, func(a model.Alias) int64 { return a.ActorID })
	if err != nil {
		return err
	}
	rows := make([]actorRow, len(actors))
	for i, a := range actors {
		rows[i] = actorRow{Actor: a, Aliases: orEmpty(names[a.ID])}
	}
	if asJSON {
		return writeJSON(e.stdout, actorPage{Total: total, Offset: f.Offset, Actors: rows})
	}
	if len(rows) > 0 {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tNAME\tROLE\tALIASES")
		for _, r := range rows {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, clip(r.Name, titleWidth/2), clip(orDash(r.Role), titleWidth/2),
				clip(orDash(strings.Join(r.Aliases, ", ")), titleWidth))
		}
		tw.Flush()
	}
	printShowing(e.stdout, "actors", f.Offset, len(rows), total)
	return nil
}

func actorsShowCommand() *command {
	return showCommand("actors show", "ACTOR", "show an actor's profile: fields, aliases, relations, quotes, documents and mentions",
		"The mentions come with a bar chart of how many there are per week of publication. "+actorRefHelp,
		resolveActor, (*workspace.Workspace).ActorProfile,
		func(p model.ActorProfile) any { return newActorProfileJSON(p) }, printActorProfile)
}

func printActorProfile(w io.Writer, p model.ActorProfile) {
	a := p.Actor
	f := newFieldList(w)
	f.add("actor", fmt.Sprint(a.ID))
	f.add("name", a.Name)
	f.add("kind", string(a.Kind))
	f.add("role", a.Role)
	if p.Affiliation != nil {
		f.add("affiliation", actorLabel(*p.Affiliation))
	}
	f.add("country", a.Country)
	f.add("aliases", aliasList(p.Aliases))
	f.add("first seen", dayOrEmpty(p.FirstSeen))
	f.add("last seen", dayOrEmpty(p.LastSeen))
	f.add("description", oneLine(a.Description))
	f.add("notes", oneLine(a.Notes))
	f.flush()

	heading(w, "relations", len(p.Relations))
	for _, r := range p.Relations {
		fmt.Fprintf(w, "  %s\n", relationLine(a, r))
	}
	heading(w, "quotes", len(p.Quotes))
	for _, x := range p.Quotes[:min(len(p.Quotes), mentionsShown)] {
		fmt.Fprintf(w, "  excerpt %d (article %d, %d:%d): \"%s\"\n", x.ID, x.ArticleID, x.Span.Start, x.Span.End, shortQuote(x.Selector.Exact))
	}
	if len(p.Quotes) > mentionsShown {
		fmt.Fprintf(w, "  and %d more; list them all with: dossier excerpts list --speaker %d\n", len(p.Quotes)-mentionsShown, a.ID)
	}
	heading(w, "documents", len(p.Documents))
	for _, d := range p.Documents {
		fmt.Fprintf(w, "  %s%s\n", documentLabel(d.Document), documentRoleNote(d))
	}
	printMentions(w, p.Mentions, p.Timeline, fmt.Sprintf("dossier mentions list --actor %d", a.ID))
}

// relationLine says a relation as a sentence from the profile's actor:
// "Steve Witkoff negotiates with Rustem Umerov (actor 3)", with its
// dates, evidence and note.
func relationLine(self model.Actor, v model.RelationView) string {
	subject, object := self.Name, fmt.Sprintf("%s (actor %d)", v.Other.Name, v.Other.ID)
	if !v.Outgoing {
		subject, object = object, subject
	}
	r := v.Relation
	details := []string{fmt.Sprintf("relation %d", r.ID)}
	if !r.From.IsZero() {
		details = append(details, "from "+day(r.From))
	}
	if !r.To.IsZero() {
		details = append(details, "to "+day(r.To))
	}
	if r.EvidenceExcerptID != 0 {
		details = append(details, fmt.Sprintf("evidence excerpt %d", r.EvidenceExcerptID))
	}
	line := fmt.Sprintf("%s %s %s [%s]", subject, r.Type, object, strings.Join(details, ", "))
	if r.Note != "" {
		line += " — " + oneLine(r.Note)
	}
	return line
}

// documentRoleNote says how an actor is involved in a document.
func documentRoleNote(d model.DocumentRole) string {
	var parts []string
	if len(d.Roles) > 0 {
		roles := make([]string, len(d.Roles))
		for i, r := range d.Roles {
			roles[i] = string(r)
		}
		parts = append(parts, strings.Join(roles, ", "))
	}
	if d.Excerpts > 0 {
		parts = append(parts, quantity(d.Excerpts, "excerpt", "excerpts"))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, "; ")
}

// actorProfileJSON is the --json output of `actors show`.
type actorProfileJSON struct {
	Actor       model.Actor        `json:"actor"`
	Affiliation *model.Actor       `json:"affiliation,omitempty"`
	Aliases     []model.Alias      `json:"aliases"`
	Relations   []relationJSON     `json:"relations"`
	Quotes      []model.Excerpt    `json:"quotes"`
	Documents   []documentRoleJSON `json:"documents"`
	mentionsJSON
}

// relationJSON is a relation with the actor at its other end.
type relationJSON struct {
	model.Relation
	Other    model.Actor `json:"other"`
	Outgoing bool        `json:"outgoing"` // the profile's actor is from_actor_id
}

type documentRoleJSON struct {
	Document model.Document    `json:"document"`
	Roles    []model.PartyRole `json:"roles"`
	Excerpts int               `json:"excerpts"`
}

func newActorProfileJSON(p model.ActorProfile) actorProfileJSON {
	out := actorProfileJSON{Actor: p.Actor, Affiliation: p.Affiliation, Aliases: orEmpty(p.Aliases),
		Relations: []relationJSON{}, Quotes: orEmpty(p.Quotes), Documents: []documentRoleJSON{},
		mentionsJSON: newMentionsJSON(p.Mentions, p.Timeline, p.FirstSeen, p.LastSeen)}
	for _, r := range p.Relations {
		out.Relations = append(out.Relations, relationJSON{Relation: r.Relation, Other: r.Other, Outgoing: r.Outgoing})
	}
	for _, d := range p.Documents {
		out.Documents = append(out.Documents, documentRoleJSON{Document: d.Document, Roles: orEmpty(d.Roles), Excerpts: d.Excerpts})
	}
	return out
}

func actorsAliasCommand() *command {
	return &command{
		name:    "actors alias",
		args:    "ACTOR (--add NAME | --rename OLD --to NEW | --remove NAME)",
		summary: "add, rename or remove one of an actor's aliases",
		help: "A name belongs to one actor or document only: adding one that is taken says who holds it. " +
			"Every article that holds the old or the new name is scanned again. " + actorRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			add := fs.String("add", "", "add the alias `NAME`")
			rename := fs.String("rename", "", "rename the alias `OLD` (with --to)")
			to := fs.String("to", "", "the `NEW` spelling of the alias that --rename names")
			remove := fs.String("remove", "", "remove the alias `NAME`")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "ACTOR"); err != nil {
					return err
				}
				op, err := checkAliasOp(fs, *add, *rename, *to, *remove)
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					id, err := resolveRef(ctx, ws, args[0], resolveActor)
					if err != nil {
						return err
					}
					a, err := ws.Actor(ctx, id)
					if err != nil {
						return err
					}
					return op.run(ctx, e, ws, model.Alias{ActorID: a.ID}, actorLabel(a))
				})
			}
		},
	}
}

func actorsRelateCommand() *command {
	return &command{
		name:    "actors relate",
		args:    "ACTOR OTHER --type TYPE [--from DATE] [--to DATE] [--evidence EXCERPT] [--note TEXT]",
		summary: "record a relation between two actors",
		help: "Records that ACTOR stands in the relation TYPE to OTHER, as in: dossier actors relate Witkoff Umerov " +
			"--type \"negotiates with\". " + actorRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			typ := fs.String("type", "", "how ACTOR relates to OTHER, as `TYPE`: "+strings.Join(model.RelationTypes, ", ")+", or any other words")
			from := fs.String("from", "", "the relation holds from `DATE` (YYYY-MM-DD)")
			to := fs.String("to", "", "the relation holds until `DATE` (YYYY-MM-DD)")
			evidence := fs.String("evidence", "", "the excerpt that shows it, by `ID`")
			note := fs.String("note", "", "the analyst's note, as `TEXT`")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "ACTOR", "OTHER"); err != nil {
					return err
				}
				r, err := checkRelation(*typ, *from, *to, *evidence)
				if err != nil {
					return err
				}
				r.Note = *note
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return relateActors(ctx, e, ws, r, args[0], args[1])
				})
			}
		},
	}
}

// checkRelation reads the flags of `actors relate` that need no workspace.
func checkRelation(typ, from, to, evidence string) (model.Relation, error) {
	r := model.Relation{Type: strings.TrimSpace(typ)}
	if r.Type == "" {
		return r, usageErrorf("missing --type TYPE; say how the two are related, as in --type \"negotiates with\"")
	}
	var err error
	if r.From, err = parseDate("--from", from); err != nil {
		return r, err
	}
	if r.To, err = parseDate("--to", to); err != nil {
		return r, err
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return r, usageErrorf("--to %s is before --from %s", to, from)
	}
	if evidence != "" {
		r.EvidenceExcerptID, err = parseID("--evidence", evidence)
	}
	return r, err
}

func relateActors(ctx context.Context, e *env, ws *workspace.Workspace, r model.Relation, ref, other string) error {
	from, err := actorByRef(ctx, ws, ref)
	if err != nil {
		return err
	}
	to, err := actorByRef(ctx, ws, other)
	if err != nil {
		return err
	}
	r.FromActorID, r.ToActorID = from.ID, to.ID
	if err := ws.CreateRelation(ctx, &r); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added relation %d: %s\n", r.ID, relationLine(from, model.RelationView{Relation: r, Other: to, Outgoing: true}))
	return nil
}

// actorByRef reads the actor that ref names.
func actorByRef(ctx context.Context, ws *workspace.Workspace, ref string) (model.Actor, error) {
	id, err := resolveRef(ctx, ws, ref, resolveActor)
	if err != nil {
		return model.Actor{}, err
	}
	return ws.Actor(ctx, id)
}

func actorImpact(n model.ActorImpact) []tally {
	return []tally{
		{n.Aliases, "alias", "aliases", "removed"},
		{n.Mentions, "mention", "mentions", "removed"},
		{n.Relations, "relation", "relations", "removed"},
		{n.Parties, actorParts.one, actorParts.many, "removed"},
		{n.SpokenExcerpts, "excerpt it speaks", "excerpts it speaks", "kept, without a speaker"},
		{n.LinkedExcerpts, "excerpt it is involved in", "excerpts it is involved in", "kept, without the link to it"},
		{n.AffiliatedActors, "affiliated actor", "affiliated actors", "kept, without affiliation"},
	}
}
