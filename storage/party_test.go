package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"dossier/model"
)

func TestPartyCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	doc := seedDocument(t, db, "20-point plan")
	usa := seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	p := model.Party{DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleAuthor, Note: "Drafted in Miami"}
	if err := db.AddParty(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || len(p.UID) != 36 {
		t.Fatalf("id %d uid %q not filled", p.ID, p.UID)
	}
	got, err := db.Party(ctx, p.ID)
	if err != nil || got != p {
		t.Fatalf("read back %+v, %v; want %+v", got, err, p)
	}
	p.Note = "Drafted with Ukraine in Miami" // same role again: not a duplicate of itself
	if err := db.UpdateParty(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Party(ctx, p.ID); got != p {
		t.Fatalf("after update %+v, want %+v", got, p)
	}
	if err := db.DeleteParty(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Party(ctx, p.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("read party: party %d does not exist", p.ID))
	wantError(t, db.DeleteParty(ctx, p.ID), model.ErrNotFound, "")
	wantError(t, db.UpdateParty(ctx, &p), model.ErrNotFound, "")
	mustCheck(t, db)
}

func TestPartyRefused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	doc := seedDocument(t, db, "20-point plan")
	usa := seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	author := model.Party{DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleAuthor}
	guarantor := model.Party{DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleGuarantor}
	for _, p := range []*model.Party{&author, &guarantor} {
		if err := db.AddParty(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	dupOf := fmt.Sprintf(`actor %d "United States" is already listed as author of document %d "20-point plan"`, usa.ID, doc.ID)
	tests := []struct {
		name     string
		party    model.Party
		update   bool
		sentinel error
		want     string
	}{
		{"same role twice", model.Party{DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleAuthor}, false, model.ErrConflict, "add party: " + dupOf},
		{"update into a role held", model.Party{Meta: guarantor.Meta, DocumentID: doc.ID, ActorID: usa.ID, Role: model.RoleAuthor}, true,
			model.ErrConflict, "update party: " + dupOf},
		{"missing actor", model.Party{DocumentID: doc.ID, ActorID: 99, Role: model.RoleSignatory}, false, model.ErrInvalid,
			"add party: actor 99 does not exist"},
		{"missing document", model.Party{DocumentID: 99, ActorID: usa.ID, Role: model.RoleSignatory}, false, model.ErrInvalid,
			"add party: document 99 does not exist"},
		{"unknown role", model.Party{DocumentID: doc.ID, ActorID: usa.ID, Role: "mediator"}, false, model.ErrInvalid,
			`unknown party role "mediator"; use one of: author, proposer, signatory, guarantor, opponent`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.update {
				err = db.UpdateParty(ctx, &tt.party)
			} else {
				err = db.AddParty(ctx, &tt.party)
			}
			wantError(t, err, tt.sentinel, tt.want)
		})
	}
	if got, _ := db.Party(ctx, guarantor.ID); got != guarantor {
		t.Fatalf("refused update changed the party: %+v", got)
	}
	if n := countRows(t, db, "SELECT count(*) FROM parties"); n != 2 {
		t.Fatalf("%d parties stored, want 2", n)
	}
	mustCheck(t, db)
}

func TestListParties(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	plan, framework := seedDocument(t, db, "20-point plan"), seedDocument(t, db, "Security guarantee framework")
	usa := seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	ua := seedActorOf(t, db, model.Actor{Name: "Ukraine", Kind: model.ActorState})
	eu := seedActorOf(t, db, model.Actor{Name: "European allies", Kind: model.ActorGroup})
	add := func(d model.Document, a model.Actor, role model.PartyRole) int64 {
		p := model.Party{DocumentID: d.ID, ActorID: a.ID, Role: role}
		if err := db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	p1 := add(framework, eu, model.RoleGuarantor)
	p2 := add(plan, usa, model.RoleProposer)
	p3 := add(plan, ua, model.RoleAuthor)
	p4 := add(plan, usa, model.RoleAuthor)
	p5 := add(framework, usa, model.RoleGuarantor)
	tests := []struct {
		name      string
		filter    model.PartyFilter
		want      []int64
		wantTotal int
	}{
		{"by title, role, actor", model.PartyFilter{}, []int64{p3, p4, p2, p1, p5}, 5},
		{"of a document", model.PartyFilter{DocumentID: plan.ID}, []int64{p3, p4, p2}, 3},
		{"of an actor", model.PartyFilter{ActorID: usa.ID}, []int64{p4, p2, p5}, 3},
		{"both", model.PartyFilter{DocumentID: framework.ID, ActorID: usa.ID}, []int64{p5}, 1},
		{"page", model.PartyFilter{Page: model.Page{Limit: 2, Offset: 2}}, []int64{p2, p1}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListParties(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, p := range list {
				ids = append(ids, p.ID)
			}
			if !slices.Equal(ids, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.wantTotal)
			}
		})
	}
}
