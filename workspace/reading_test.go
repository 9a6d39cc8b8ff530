package workspace

import (
	"context"
	"os"
	"slices"
	"testing"

	"dossier/model"
)

// readingDemo seeds the demo and returns the article whose title holds
// words, read as the reader reads it.
func readingDemo(t *testing.T, words string) (*Workspace, Reading) {
	t.Helper()
	ctx := context.Background()
	ws := mustCreate(t)
	if err := ws.SeedDemo(ctx, os.DirFS(demoDir)); err != nil {
		t.Fatal(err)
	}
	heads, _, err := ws.ListArticleHeads(ctx, model.ArticleFilter{Text: words})
	if err != nil || len(heads) != 1 {
		t.Fatalf("articles titled %q: %d, %v", words, len(heads), err)
	}
	r, err := ws.Reading(ctx, heads[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return ws, r
}

func spanOf(t *testing.T, r Reading, quote string) model.Span {
	t.Helper()
	span, err := model.NewText(r.Article.Body).FindQuote(quote, 1)
	if err != nil {
		t.Fatal(err)
	}
	return span
}

func TestReadingHoldsWhatIsMarked(t *testing.T) {
	ctx := context.Background()
	ws, r := readingDemo(t, "tables 12-point")
	if r.Article.Body == "" || r.Source.Name == "" {
		t.Fatalf("article %q from %q: body or source missing", r.Article.Title, r.Source.Name)
	}
	excerpts, _, _ := ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: r.Article.ID})
	if len(r.Excerpts) != len(excerpts) || len(excerpts) == 0 {
		t.Errorf("reading has %d excerpts, the workspace %d", len(r.Excerpts), len(excerpts))
	}
	for _, e := range r.Excerpts {
		for _, id := range e.TagIDs {
			if r.Tags[id].Name == "" {
				t.Errorf("excerpt %d: tag %d not read", e.ID, id)
			}
		}
	}
	for _, m := range r.Mentions {
		if r.Actors[m.ActorID] == "" && r.Documents[m.DocumentID] == "" {
			t.Errorf("mention %q names nothing known", m.Text)
		}
	}
	for _, p := range r.Proposals {
		if p.State != model.ProposalOpen {
			t.Errorf("proposal %q is %s, want only open ones", p.Text, p.State)
		}
	}

	gone := r.Mentions[0]
	if err := ws.SetMentionState(ctx, gone.ID, model.MentionRejected); err != nil {
		t.Fatal(err)
	}
	again, err := ws.Reading(ctx, r.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Mentions) != len(r.Mentions)-1 || again.Mentions[0].ID == gone.ID {
		t.Errorf("a rejected mention is still read")
	}
}

func TestReadingWithin(t *testing.T) {
	_, r := readingDemo(t, "tables 12-point")
	id := func(name string) int64 {
		for id, n := range r.Actors {
			if n == name {
				return id
			}
		}
		t.Fatalf("no actor %q in the reading", name)
		return 0
	}
	tests := []struct {
		quote   string
		kind    model.ExcerptKind
		speaker string
		actors  []string
		docs    int
	}{
		{"a non-starter", model.ExcerptQuote, "Tomas Reyhaven", []string{"Tomas Reyhaven"}, 0},
		{"Chief negotiator Radomir Kestovan claimed that Kesteria", model.ExcerptClaim, "Radomir Kestovan", []string{"Radomir Kestovan", "Kesteria"}, 0},
		{"Kesteria formally tabled its own 12-point ceasefire plan", "", "", []string{"Kesteria"}, 1},
	}
	for _, tt := range tests {
		got := r.Within(spanOf(t, r, tt.quote))
		if got.Kind != tt.kind {
			t.Errorf("%q: kind %q, want %q", tt.quote, got.Kind, tt.kind)
		}
		if tt.speaker != "" && got.SpeakerID != id(tt.speaker) {
			t.Errorf("%q: speaker %q, want %q", tt.quote, r.Actors[got.SpeakerID], tt.speaker)
		}
		if tt.speaker == "" && got.SpeakerID != 0 {
			t.Errorf("%q: speaker %q, want none", tt.quote, r.Actors[got.SpeakerID])
		}
		var names []string
		for _, a := range got.ActorIDs {
			names = append(names, r.Actors[a])
		}
		if !slices.Equal(names, tt.actors) {
			t.Errorf("%q: actors %q, want %q", tt.quote, names, tt.actors)
		}
		if len(got.DocumentIDs) != tt.docs {
			t.Errorf("%q: %d documents, want %d", tt.quote, len(got.DocumentIDs), tt.docs)
		}
	}
}
