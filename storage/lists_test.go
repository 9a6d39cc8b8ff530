package storage

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

func sp(s string) *string { return &s }

func names(list ...string) *[]string { return &list }

// snapshot is everything a list import may touch, to see that a refused
// import or a dry run changed nothing.
type snapshot struct {
	actors  []model.Actor
	docs    []model.Document
	aliases []model.Alias
	parties []model.Party
}

func takeSnapshot(t *testing.T, db *DB) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	var err error
	s.actors, _, err = db.ListActors(ctx, model.ActorFilter{Page: model.Page{Limit: model.MaxPageSize}})
	must(t, err)
	s.docs, _, err = db.ListDocuments(ctx, model.DocumentFilter{Page: model.Page{Limit: model.MaxPageSize}})
	must(t, err)
	s.aliases, err = db.AllAliases(ctx)
	must(t, err)
	for _, d := range s.docs {
		ps, _, err := db.ListParties(ctx, model.PartyFilter{DocumentID: d.ID})
		must(t, err)
		s.parties = append(s.parties, ps...)
	}
	return s
}

func outcomeOf(t *testing.T, out []ListOutcome, list string, row int) ListOutcome {
	t.Helper()
	for _, o := range out {
		if o.List == list && o.Row == row {
			return o
		}
	}
	t.Fatalf("no outcome for row %d of the %s in %+v", row, list, out)
	return ListOutcome{}
}

func TestListsPlanAndApply(t *testing.T) {
	ctx := context.Background()
	w := newExportWorld(t)
	db := w.db
	actors := []ActorListEntry{
		// Matched by alias; the role changes, an alias is added and one removed.
		{Row: 2, Name: "Witkoff", Role: sp("Special envoy"), Aliases: names("Witkoff", "Steve")},
		// Matched by ID, nothing changes.
		{Row: 3, ID: w.umerov.ID, Name: "Rustem Umerov", Kind: sp("person")},
		// New, affiliated with an actor further down the list.
		{Row: 4, Name: "Kirill Dmitriev", Kind: sp("person"), Affiliation: sp("RDIF"), Aliases: names("Dmitriev")},
		{Row: 5, Name: "Russian Direct Investment Fund", Kind: sp("organisation"), Aliases: names("RDIF"),
			UID: "0191c1a2-0000-7000-8000-000000000001"},
	}
	docs := []DocumentListEntry{
		{Row: 2, Title: "28-point proposal", Kind: sp("plan"), Status: sp("presented"),
			Parties: &[]ListParty{{"Dmitriev", "author"}, {"Steve Witkoff", "proposer"}}},
		{Row: 3, Title: "20-point peace plan", Parties: &[]ListParty{{"United States", "author"}}}, // by alias; two parties go
	}
	before := takeSnapshot(t, db)
	plan, err := db.PlanLists(ctx, actors, docs)
	must(t, err)
	if after := takeSnapshot(t, db); !reflect.DeepEqual(before, after) {
		t.Fatalf("the dry run changed the workspace")
	}
	want := map[[2]any]ListAction{
		{"actors", 2}: ListUpdate, {"actors", 3}: ListUnchanged, {"actors", 4}: ListCreate, {"actors", 5}: ListCreate,
		{"documents", 2}: ListCreate, {"documents", 3}: ListUpdate,
	}
	for _, o := range plan {
		if want[[2]any{o.List, o.Row}] != o.Action {
			t.Errorf("dry run, %s row %d: %s (%s), want %s", o.List, o.Row, o.Action, o.Detail, want[[2]any{o.List, o.Row}])
		}
	}
	if d := outcomeOf(t, plan, "actors", 2).Detail; d != `role "US special envoy" → "Special envoy"; alias "Steve" added; alias "Steven Witkoff" removed` {
		t.Errorf("Witkoff's changes: %s", d)
	}

	applied, err := db.ApplyLists(ctx, actors, docs)
	must(t, err)
	for i := range plan {
		if plan[i].Action != applied[i].Action {
			t.Errorf("row %d: planned %s, applied %s", plan[i].Row, plan[i].Action, applied[i].Action)
		}
	}
	dmitriev := outcomeOf(t, applied, "actors", 4)
	rdif := outcomeOf(t, applied, "actors", 5)
	a, err := db.Actor(ctx, dmitriev.ID)
	must(t, err)
	if a.Name != "Kirill Dmitriev" || a.AffiliationID != rdif.ID {
		t.Errorf("Dmitriev: %+v, want affiliated with %d", a, rdif.ID)
	}
	if r, _ := db.Actor(ctx, rdif.ID); r.UID != "0191c1a2-0000-7000-8000-000000000001" {
		t.Errorf("RDIF keeps the UID of the list: %q", r.UID)
	}
	al, _, _ := db.ListAliases(ctx, model.AliasFilter{ActorID: w.witkoff.ID})
	var got []string
	for _, x := range al {
		got = append(got, x.Name)
	}
	if slices.Sort(got); !slices.Equal(got, []string{"Steve", "Witkoff"}) {
		t.Errorf("Witkoff's aliases: %q", got)
	}
	ps, _, _ := db.ListParties(ctx, model.PartyFilter{DocumentID: w.plan.ID})
	if len(ps) != 1 || ps[0].ActorID != w.usa.ID || ps[0].Role != model.RoleAuthor {
		t.Errorf("parties of the plan: %+v", ps)
	}
	proposal := outcomeOf(t, applied, "documents", 2)
	ps, _, _ = db.ListParties(ctx, model.PartyFilter{DocumentID: proposal.ID})
	if len(ps) != 2 || ps[0].ActorID != dmitriev.ID {
		t.Errorf("parties of the proposal: %+v", ps)
	}
	if d, _ := db.Document(ctx, proposal.ID); d.Disclosure != model.DisclosurePublic {
		t.Errorf("disclosure %q, want public by default", d.Disclosure)
	}
	mustCheck(t, db)

	// The same lists again change nothing.
	again, err := db.PlanLists(ctx, actors, docs)
	must(t, err)
	for _, o := range again {
		if o.Action != ListUnchanged {
			t.Errorf("second run, %s row %d: %s (%s)", o.List, o.Row, o.Action, o.Detail)
		}
	}
}

func TestListsRefused(t *testing.T) {
	ctx := context.Background()
	w := newExportWorld(t)
	cases := []struct {
		name   string
		actors []ActorListEntry
		docs   []DocumentListEntry
		list   string
		row    int
		want   string
	}{
		{"reader's problem", []ActorListEntry{{Row: 2, Problem: "the name is empty"}}, nil, "actors", 2, "the name is empty"},
		{"unknown ID", []ActorListEntry{{Row: 2, ID: 999, Name: "X", Kind: sp("person")}}, nil, "actors", 2,
			"actor 999 does not exist; leave the ID empty to add a new one"},
		{"no kind", []ActorListEntry{{Row: 2, Name: "Kirill Dmitriev"}}, nil, "actors", 2,
			"the kind is empty; use one of: person, organisation, state, group"},
		{"bad kind", []ActorListEntry{{Row: 2, Name: "Kirill Dmitriev", Kind: sp("alien")}}, nil, "actors", 2,
			`unknown actor kind "alien"; use one of: person, organisation, state, group`},
		{"duplicate names", []ActorListEntry{{Row: 2, Name: "Kirill Dmitriev", Kind: sp("person")}, {Row: 3, Name: "kirill  dmitriev", Kind: sp("person")}},
			nil, "actors", 3, `the list gives the actor "kirill  dmitriev" more than once (rows 2, 3); keep one row for it`},
		{"twice the same actor", []ActorListEntry{{Row: 2, Name: "Witkoff"}, {Row: 3, ID: w.witkoff.ID, Name: "Steve Witkoff"}},
			nil, "actors", 2, "more than once (rows 2, 3)"},
		{"alias held by another", []ActorListEntry{{Row: 2, Name: "Rustem Umerov", Aliases: names("Witkoff")}}, nil, "actors", 2,
			`the alias "Witkoff" already belongs to actor 2 "Steve Witkoff"; remove it there first`},
		{"alias on two rows", []ActorListEntry{{Row: 2, Name: "A", Kind: sp("person"), Aliases: names("Envoy")},
			{Row: 3, Name: "B", Kind: sp("person"), Aliases: names("envoy")}}, nil, "actors", 3, `the alias "envoy" is also given on row 2 of the actors`},
		{"unknown affiliation", []ActorListEntry{{Row: 2, Name: "A", Kind: sp("person"), Affiliation: sp("Nowhere Inc")}}, nil, "actors", 2,
			`the affiliation "Nowhere Inc" is not an actor of the workspace or of the list`},
		{"self affiliation", []ActorListEntry{{Row: 2, Name: "Steve Witkoff", Affiliation: sp("Witkoff")}}, nil, "actors", 2,
			`actor "Steve Witkoff" cannot be affiliated with itself`},
		{"bad UID", []ActorListEntry{{Row: 2, Name: "A", Kind: sp("person"), UID: "not-a-uuid"}}, nil, "actors", 2,
			`the UID "not-a-uuid" is not a UUID; leave it empty`},
		{"party without role", nil, []DocumentListEntry{{Row: 2, Title: "20-point plan", Parties: &[]ListParty{{"Witkoff", ""}}}}, "documents", 2,
			`the party "Witkoff" has no role; write it as Name (role)`},
		{"unknown party", nil, []DocumentListEntry{{Row: 2, Title: "20-point plan", Parties: &[]ListParty{{"Nobody", "author"}}}}, "documents", 2,
			`the party "Nobody" is not an actor of the workspace or of the list`},
		{"status set by history", nil, []DocumentListEntry{{Row: 2, Title: "20-point plan", Status: sp("signed")}}, "documents", 2,
			`its status is "presented", set by its status history`},
		{"new document without status", nil, []DocumentListEntry{{Row: 2, Title: "Memo", Kind: sp("letter")}}, "documents", 2,
			"the status is empty; use one of: rumoured, drafting"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := takeSnapshot(t, w.db)
			plan, err := w.db.PlanLists(ctx, c.actors, c.docs)
			must(t, err)
			o := outcomeOf(t, plan, c.list, c.row)
			if o.Action != ListRefuse || !strings.Contains(o.Detail, c.want) {
				t.Errorf("dry run: %s %q, want refused with %q", o.Action, o.Detail, c.want)
			}
			out, err := w.db.ApplyLists(ctx, c.actors, c.docs)
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "nothing was imported") {
				t.Errorf("apply: error %v, want nothing imported", err)
			}
			if o := outcomeOf(t, out, c.list, c.row); o.Action != ListRefuse {
				t.Errorf("apply: row %d %s", c.row, o.Action)
			}
			if after := takeSnapshot(t, w.db); !reflect.DeepEqual(before, after) {
				t.Errorf("a refused import changed the workspace")
			}
		})
	}
}

// One refused row stops every other row of the import.
func TestListsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	w := newExportWorld(t)
	before := takeSnapshot(t, w.db)
	actors := []ActorListEntry{
		{Row: 2, Name: "Kirill Dmitriev", Kind: sp("person")},
		{Row: 3, Name: "Dmitry Peskov", Kind: sp("spokesman")},
	}
	out, err := w.db.ApplyLists(ctx, actors, nil)
	if !errors.Is(err, model.ErrInvalid) || err.Error() != "import lists: 1 of the 2 rows are refused (each with its reason); nothing was imported" {
		t.Fatalf("error %v", err)
	}
	if out[0].Action != ListCreate || out[0].ID != 0 || out[1].Action != ListRefuse {
		t.Errorf("outcomes %+v", out)
	}
	if after := takeSnapshot(t, w.db); !reflect.DeepEqual(before, after) {
		t.Errorf("the workspace changed")
	}
}

// A name two actors share cannot be matched; the ID can.
func TestListsAmbiguousName(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a, b := model.Actor{Name: "Ivanov", Kind: model.ActorPerson}, model.Actor{Name: "Ivanov", Kind: model.ActorPerson}
	must(t, db.CreateActor(ctx, &a))
	must(t, db.CreateActor(ctx, &b))
	plan, err := db.PlanLists(ctx, []ActorListEntry{{Row: 2, Name: "Ivanov", Role: sp("minister")}, {Row: 3, ID: b.ID, Name: "Ivanov", Role: sp("envoy")}}, nil)
	must(t, err)
	if plan[0].Action != ListRefuse || plan[0].Detail != `2 actors are named "Ivanov" (IDs 1, 2); give the ID of the one meant` {
		t.Errorf("by name: %+v", plan[0])
	}
	if plan[1].Action != ListUpdate || plan[1].ID != b.ID {
		t.Errorf("by ID: %+v", plan[1])
	}
}
