package storage

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"dossier/model"
)

func TestArticlesContaining(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	ids := map[string]int64{}
	for _, a := range []model.Article{
		{Title: "full", Body: "President Volodymyr Zelenskyy said the talks went well."},
		{Title: "accent", Body: "President Zelenskyý, speaking in Kyiv, disagreed."},
		{Title: "upper", Body: "ZELENSKYY: NO DEAL."},
		{Title: "possessive", Body: "Volodymyr met Zelenskyy's chief of staff."},
		{Title: "Witkoff in Miami", Body: "The envoy arrived on Sunday."},
		{Title: "notes only", Body: "The envoy left on Monday.", Notes: "Witkoff, probably."},
		{Title: "part only", Body: "Steve Jobs never met the Witkoffs."},
		{Title: "envoy", Body: "Steve Witkoff, the US envoy, met Umerov."},
		{Title: "plan", Body: "Under the 28 point plan, drafted last month…"},
		{Title: "proposal", Body: "The 28-point proposal was redrafted."},
	} {
		ids[a.Title] = addArticle(t, db, a).ID
	}
	of := func(titles ...string) []int64 {
		var out []int64
		for _, title := range titles {
			out = append(out, ids[title])
		}
		slices.Sort(out)
		return out
	}
	many := []string{}
	for i := range 3 * namesPerSearch {
		many = append(many, fmt.Sprintf("Nobody Number%d", i))
	}
	tests := []struct {
		name  string
		names []string
		want  []int64
	}{
		{"a full name as a phrase", []string{"Volodymyr Zelenskyy"}, of("full")},
		{"case, accents and possessives do not matter", []string{"zelenskyy"}, of("full", "accent", "upper", "possessive")},
		{"the title counts, the notes do not", []string{"Witkoff"}, of("Witkoff in Miami", "envoy")},
		{"part of a name is not the name", []string{"Steve Witkoff"}, of("envoy")},
		{"punctuation between words is a word break", []string{"28-point plan"}, of("plan")},
		{"any of several, each once", []string{"Witkoff", "witkoff", "28-point proposal", "Umerov"}, of("Witkoff in Miami", "envoy", "proposal")},
		{"more names than one search takes", append(many, "ZELENSKYY"), of("full", "accent", "upper", "possessive")},
		{"query syntax in a name is text", []string{`Witkoff" OR "Umerov`, `NEAR(Steve Witkoff)`, `Witkof*`, `{title}: envoy`}, nil},
		{"a control character breaks a word", []string{"Wit\x00koff"}, nil},
		{"names without words are skipped", []string{"", "  ", "—", `"`, "***"}, nil},
		{"no names", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.ArticlesContaining(ctx, tt.names)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNamePhrases(t *testing.T) {
	got := namePhrases([]string{`Zelenskyy's`, ` 28-point  plan `, `"quoted" NEAR(x)`, "—", "US$100", "Witkoff", "witkoff", "Witkoff"})
	want := []string{`"Zelenskyy s"`, `"28 point plan"`, `"quoted NEAR x"`, `"US 100"`, `"Witkoff"`, `"witkoff"`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestArticleBodies(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	const n = 2*idsPerQuery + 100 // three chunks
	bodies := map[int64]string{}
	err := db.Bulk(ctx, func(b *Bulk) error {
		for i := range n {
			a := model.Article{Title: fmt.Sprintf("Article %d", i+1), Body: fmt.Sprintf("Body of article %d.", i+1)}
			if err := b.AddArticle(&a); err != nil {
				return err
			}
			bodies[a.ID] = a.Body
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := db.AllArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n || !slices.IsSorted(all) || all[0] != 1 || all[n-1] != n {
		t.Fatalf("AllArticleIDs: %d ids, from %v", len(all), all[:min(3, len(all))])
	}

	// Backwards, repeated, and with ids that do not exist: read once each, in order.
	ask := append(slices.Clone(all), 0, -4, n+7, 3, 3)
	slices.Reverse(ask)
	var seen []int64
	err = db.ArticleBodies(ctx, ask, func(id int64, body string) error {
		if body != bodies[id] {
			return fmt.Errorf("article %d: body %q, want %q", id, body, bodies[id])
		}
		seen = append(seen, id)
		if len(seen) == 1 { // the reader may write meanwhile
			late := model.Article{Title: "Late", Body: "Written while reading."}
			return db.CreateArticle(ctx, &late)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seen, all) {
		t.Fatalf("read %d articles, want %d in order", len(seen), len(all))
	}

	stop := errors.New("enough")
	calls := 0
	err = db.ArticleBodies(ctx, all, func(int64, string) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Fatalf("after fn failed: %v, %d calls", err, calls)
	}
	if err := db.ArticleBodies(ctx, nil, func(int64, string) error { return stop }); err != nil {
		t.Fatalf("no ids: %v", err)
	}
	mustCheck(t, db)
}
