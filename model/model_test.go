package model_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"dossier/model"
)

// validator is any entity with field rules.
type validator interface{ Validate() error }

// ruleCase is one entity to validate; want is "" for a valid one, else a
// word the error must contain (the field's name, as the analyst reads it).
type ruleCase struct {
	name string
	v    validator
	want string
}

// with returns a copy of base changed by f, so each case breaks one rule.
func with[T any](base T, f func(*T)) T {
	f(&base)
	return base
}

func checkRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want valid", err)
				}
				return
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("Validate() = %v, want an ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %q, want it to name %q", err, tt.want)
			}
		})
	}
}

var (
	long501   = strings.Repeat("é", model.MaxNameLen+1) // one character over, in multi-byte runes
	longTitle = strings.Repeat("x", model.MaxTitleLen+1)
	longNote  = strings.Repeat("n", model.MaxNoteLen+1)
	badUTF8   = "bad \xff text"
	day       = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
)

func TestSourceValidate(t *testing.T) {
	ok := model.Source{Name: "Reuters", Kind: model.SourceAgency, URL: "https://www.reuters.com", Reliability: model.ReliabilityB}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid ungraded without URL", with(ok, func(s *model.Source) { s.URL, s.Reliability = "", "" }), ""},
		{"valid at name limit", with(ok, func(s *model.Source) { s.Name = long501[:len(long501)-2] }), ""},
		{"empty name", with(ok, func(s *model.Source) { s.Name = "" }), "source name"},
		{"blank name", with(ok, func(s *model.Source) { s.Name = " \t " }), "source name"},
		{"long name", with(ok, func(s *model.Source) { s.Name = long501 }), "source name"},
		{"name not UTF-8", with(ok, func(s *model.Source) { s.Name = badUTF8 }), "source name"},
		{"unknown kind", with(ok, func(s *model.Source) { s.Kind = "blog" }), "source kind"},
		{"empty kind", with(ok, func(s *model.Source) { s.Kind = "" }), "source kind"},
		{"relative URL", with(ok, func(s *model.Source) { s.URL = "www.reuters.com" }), "source URL"},
		{"ftp URL", with(ok, func(s *model.Source) { s.URL = "ftp://example.org/x" }), "source URL"},
		{"javascript URL", with(ok, func(s *model.Source) { s.URL = "javascript:alert(1)" }), "source URL"},
		{"reliability G", with(ok, func(s *model.Source) { s.Reliability = "G" }), "reliability"},
		{"reliability lower case", with(ok, func(s *model.Source) { s.Reliability = "b" }), "reliability"},
		{"long notes", with(ok, func(s *model.Source) { s.Notes = longNote }), "source notes"},
	})
}

func TestArticleValidate(t *testing.T) {
	ok := model.Article{Title: "Diplomatic Push Intensifies", Body: "Recent high-level discussions…", URL: "https://example.org/a", Language: "en", Author: "A. Writer"}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid mailto and file URLs", with(ok, func(a *model.Article) { a.URL = "file:///home/a/story.html" }), ""},
		{"empty title", with(ok, func(a *model.Article) { a.Title = "" }), "article title"},
		{"long title", with(ok, func(a *model.Article) { a.Title = longTitle }), "article title"},
		{"no body", with(ok, func(a *model.Article) { a.Body = "" }), "no text"},
		{"body not UTF-8", with(ok, func(a *model.Article) { a.Body = badUTF8 }), "article body"},
		{"long author", with(ok, func(a *model.Article) { a.Author = long501 }), "article author"},
		{"bad URL", with(ok, func(a *model.Article) { a.URL = "example.org/a" }), "article URL"},
		{"long language", with(ok, func(a *model.Article) { a.Language = strings.Repeat("e", 36) }), "article language"},
		{"long notes", with(ok, func(a *model.Article) { a.Notes = longNote }), "article notes"},
		{"negative source", with(ok, func(a *model.Article) { a.SourceID = -1 }), "source id"},
	})
}

func TestContentHash(t *testing.T) {
	// The SHA-256 of "abc", from FIPS 180-2.
	if got, want := model.ContentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("ContentHash(abc) = %s, want %s", got, want)
	}
	if model.ContentHash("a") == model.ContentHash("a ") {
		t.Error("different bodies share a hash")
	}
}

func TestExcerptValidate(t *testing.T) {
	ok := model.Excerpt{
		ArticleID: 1, Span: model.Span{Start: 10, End: 37},
		Selector: model.TextQuoteSelector{Exact: "productive and constructive"},
		Kind:     model.ExcerptQuote, Credibility: 2,
	}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid ungraded", with(ok, func(e *model.Excerpt) { e.Credibility = 0 }), ""},
		{"no article", with(ok, func(e *model.Excerpt) { e.ArticleID = 0 }), "article"},
		{"negative start", with(ok, func(e *model.Excerpt) { e.Span.Start = -1 }), "span"},
		{"end before start", with(ok, func(e *model.Excerpt) { e.Span = model.Span{Start: 5, End: 4} }), "span"},
		{"no quote", with(ok, func(e *model.Excerpt) { e.Selector.Exact = "" }), "quoted text"},
		{"unknown kind", with(ok, func(e *model.Excerpt) { e.Kind = "rumour" }), "excerpt kind"},
		{"credibility 7", with(ok, func(e *model.Excerpt) { e.Credibility = 7 }), "credibility"},
		{"credibility -1", with(ok, func(e *model.Excerpt) { e.Credibility = -1 }), "credibility"},
		{"long note", with(ok, func(e *model.Excerpt) { e.Note = longNote }), "excerpt note"},
		{"long stance", with(ok, func(e *model.Excerpt) { e.Stance = longNote }), "excerpt stance"},
	})
}

func TestTagValidate(t *testing.T) {
	ok := model.Tag{Meta: model.Meta{ID: 3}, Name: "Security guarantees", ParentID: 1, Colour: "#a1B2c3"}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid without colour", with(ok, func(g *model.Tag) { g.Colour = "" }), ""},
		{"valid new tag", with(ok, func(g *model.Tag) { g.ID = 0 }), ""},
		{"empty name", with(ok, func(g *model.Tag) { g.Name = "" }), "tag name"},
		{"long name", with(ok, func(g *model.Tag) { g.Name = strings.Repeat("t", 201) }), "tag name"},
		{"colour word", with(ok, func(g *model.Tag) { g.Colour = "red" }), "tag colour"},
		{"colour short", with(ok, func(g *model.Tag) { g.Colour = "#abc" }), "tag colour"},
		{"colour not hex", with(ok, func(g *model.Tag) { g.Colour = "#12345g" }), "tag colour"},
		{"colour without #", with(ok, func(g *model.Tag) { g.Colour = "a1b2c3" }), "tag colour"},
		{"own parent", with(ok, func(g *model.Tag) { g.ParentID = 3 }), "own parent"},
		{"long description", with(ok, func(g *model.Tag) { g.Description = longNote }), "tag description"},
	})
}

func TestActorValidate(t *testing.T) {
	ok := model.Actor{Meta: model.Meta{ID: 4}, Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "US special envoy", AffiliationID: 9, Country: "US"}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"empty name", with(ok, func(a *model.Actor) { a.Name = " " }), "actor name"},
		{"long name", with(ok, func(a *model.Actor) { a.Name = long501 }), "actor name"},
		{"unknown kind", with(ok, func(a *model.Actor) { a.Kind = "robot" }), "actor kind"},
		{"affiliated with itself", with(ok, func(a *model.Actor) { a.AffiliationID = 4 }), "affiliated with itself"},
		{"long role", with(ok, func(a *model.Actor) { a.Role = long501 }), "actor role"},
		{"long country", with(ok, func(a *model.Actor) { a.Country = long501 }), "actor country"},
		{"long description", with(ok, func(a *model.Actor) { a.Description = longNote }), "actor description"},
		{"long notes", with(ok, func(a *model.Actor) { a.Notes = longNote }), "actor notes"},
	})
}

func TestAliasValidate(t *testing.T) {
	ok := model.Alias{Name: "Witkoff", ActorID: 4}
	checkRules(t, []ruleCase{
		{"valid actor alias", ok, ""},
		{"valid document alias", model.Alias{Name: "28-point plan", DocumentID: 2}, ""},
		{"empty name", with(ok, func(a *model.Alias) { a.Name = "" }), "alias"},
		{"long name", with(ok, func(a *model.Alias) { a.Name = long501 }), "alias"},
		{"no owner", with(ok, func(a *model.Alias) { a.ActorID = 0 }), "exactly one actor or document"},
		{"two owners", with(ok, func(a *model.Alias) { a.DocumentID = 2 }), "exactly one actor or document"},
	})
}

func TestRelationValidate(t *testing.T) {
	ok := model.Relation{FromActorID: 4, ToActorID: 5, Type: "negotiates with", From: day, To: day.AddDate(0, 1, 0)}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid open-ended", with(ok, func(r *model.Relation) { r.To = time.Time{} }), ""},
		{"valid one day", with(ok, func(r *model.Relation) { r.To = day }), ""},
		{"valid free type", with(ok, func(r *model.Relation) { r.Type = "met in Miami" }), ""},
		{"no from actor", with(ok, func(r *model.Relation) { r.FromActorID = 0 }), "two actors"},
		{"no to actor", with(ok, func(r *model.Relation) { r.ToActorID = 0 }), "two actors"},
		{"same actor", with(ok, func(r *model.Relation) { r.ToActorID = 4 }), "related to itself"},
		{"empty type", with(ok, func(r *model.Relation) { r.Type = "" }), "relation type"},
		{"long type", with(ok, func(r *model.Relation) { r.Type = strings.Repeat("t", 201) }), "relation type"},
		{"ends before it starts", with(ok, func(r *model.Relation) { r.To = day.AddDate(0, 0, -1) }), "relation ends (2025-11-30) before it starts (2025-12-01)"},
		{"long note", with(ok, func(r *model.Relation) { r.Note = longNote }), "relation note"},
	})
}

func TestDocumentValidate(t *testing.T) {
	ok := model.Document{Title: "28-point proposal", Kind: model.DocPlan, Status: model.StatusUnderRevision, Disclosure: model.DisclosureUndisclosed}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"empty title", with(ok, func(d *model.Document) { d.Title = "" }), "document title"},
		{"long title", with(ok, func(d *model.Document) { d.Title = longTitle }), "document title"},
		{"unknown kind", with(ok, func(d *model.Document) { d.Kind = "memo" }), "document kind"},
		{"unknown status", with(ok, func(d *model.Document) { d.Status = "under_revision" }), "document status"},
		{"unknown disclosure", with(ok, func(d *model.Document) { d.Disclosure = "secret" }), "disclosure"},
		{"long description", with(ok, func(d *model.Document) { d.Description = longNote }), "document description"},
		{"long notes", with(ok, func(d *model.Document) { d.Notes = longNote }), "document notes"},
	})
}

func TestPartyValidate(t *testing.T) {
	ok := model.Party{DocumentID: 2, ActorID: 4, Role: model.RoleProposer}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"no document", with(ok, func(p *model.Party) { p.DocumentID = 0 }), "document and an actor"},
		{"no actor", with(ok, func(p *model.Party) { p.ActorID = -2 }), "document and an actor"},
		{"unknown role", with(ok, func(p *model.Party) { p.Role = "mediator" }), "party role"},
		{"long note", with(ok, func(p *model.Party) { p.Note = longNote }), "party note"},
	})
}

func TestStatusEventValidate(t *testing.T) {
	ok := model.StatusEvent{DocumentID: 2, Date: day, Status: model.StatusPresented}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"no document", with(ok, func(e *model.StatusEvent) { e.DocumentID = 0 }), "needs a document"},
		{"no date", with(ok, func(e *model.StatusEvent) { e.Date = time.Time{} }), "needs a date"},
		{"unknown status", with(ok, func(e *model.StatusEvent) { e.Status = "leaked" }), "document status"},
		{"long note", with(ok, func(e *model.StatusEvent) { e.Note = longNote }), "status event note"},
	})
}

func TestMentionValidate(t *testing.T) {
	ok := model.Mention{ArticleID: 1, Span: model.Span{Start: 3, End: 10}, Text: "Witkoff", ActorID: 4, State: model.MentionProposed, Origin: model.OriginAlias}
	checkRules(t, []ruleCase{
		{"valid", ok, ""},
		{"valid document mention", with(ok, func(m *model.Mention) { m.ActorID, m.DocumentID = 0, 2 }), ""},
		{"no article", with(ok, func(m *model.Mention) { m.ArticleID = 0 }), "needs an article"},
		{"nothing named", with(ok, func(m *model.Mention) { m.ActorID = 0 }), "exactly one actor or document"},
		{"both named", with(ok, func(m *model.Mention) { m.DocumentID = 2 }), "exactly one actor or document"},
		{"bad span", with(ok, func(m *model.Mention) { m.Span = model.Span{Start: 10, End: 3} }), "span"},
		{"empty span", with(ok, func(m *model.Mention) { m.Span = model.Span{Start: 3, End: 3} }), "empty"},
		{"unknown state", with(ok, func(m *model.Mention) { m.State = "maybe" }), "mention state"},
		{"unknown origin", with(ok, func(m *model.Mention) { m.Origin = "robot" }), "mention origin"},
	})
}

func TestSpanCheck(t *testing.T) {
	tests := []struct {
		span model.Span
		n    int
		want string // "" when valid
	}{
		{model.Span{Start: 0, End: 0}, 0, ""},
		{model.Span{Start: 2, End: 5}, 5, ""},
		{model.Span{Start: 5, End: 5}, 5, ""},
		{model.Span{Start: -1, End: 2}, 5, "not a range"},
		{model.Span{Start: 3, End: 2}, 5, "not a range"},
		{model.Span{Start: 2, End: 6}, 5, "runs past the end of the text (5 characters)"},
	}
	for _, tt := range tests {
		err := tt.span.Check(tt.n)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%v.Check(%d) = %v, want valid", tt.span, tt.n, err)
			}
			continue
		}
		if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v.Check(%d) = %v, want ErrInvalid saying %q", tt.span, tt.n, err, tt.want)
		}
	}
	if got := (model.Span{Start: 3, End: 10}).Len(); got != 7 {
		t.Errorf("Len() = %d, want 7", got)
	}
}

func TestPageNormalized(t *testing.T) {
	tests := []struct{ in, want model.Page }{
		{model.Page{}, model.Page{Limit: model.DefaultPageSize}},
		{model.Page{Limit: -3, Offset: -1}, model.Page{Limit: model.DefaultPageSize}},
		{model.Page{Limit: 20, Offset: 40}, model.Page{Limit: 20, Offset: 40}},
		{model.Page{Limit: model.MaxPageSize + 1}, model.Page{Limit: model.MaxPageSize}},
	}
	for _, tt := range tests {
		if got := tt.in.Normalized(); got != tt.want {
			t.Errorf("%+v.Normalized() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestSentinelWrappers(t *testing.T) {
	tests := []struct {
		err  error
		want error
		msg  string
	}{
		{model.Invalidf("field %s", "x"), model.ErrInvalid, "field x"},
		{model.NotFoundf("actor %d", 4), model.ErrNotFound, "actor 4"},
		{model.Conflictf("alias %q", "US"), model.ErrConflict, `alias "US"`},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) || !strings.Contains(tt.err.Error(), tt.msg) {
			t.Errorf("error %q, want it to say %q and wrap %v", tt.err, tt.msg, tt.want)
		}
		for _, other := range []error{model.ErrInvalid, model.ErrNotFound, model.ErrConflict} {
			if other != tt.want && errors.Is(tt.err, other) {
				t.Errorf("error %q also matches %v", tt.err, other)
			}
		}
	}
}
