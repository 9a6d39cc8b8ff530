package extract

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"dossier/model"
)

// The generated corpus of the benchmarks checks that the rules are general:
// invented names, titles and outlets that no rule was written for. The
// package may import nothing of the project but model (a rule the project
// checks on test files too), so the test runs the corpus generator as a
// command and reads the ground truth it writes.

type corpusTruth struct {
	Actors []struct {
		ID      int      `json:"id"`
		Name    string   `json:"name"`
		Kind    string   `json:"kind"`
		Aliases []string `json:"aliases"`
	} `json:"actors"`
	Articles []corpusArticle `json:"articles"`
}

type corpusArticle struct {
	Body     string `json:"body"`
	Mentions []struct {
		Start      int    `json:"start"`
		End        int    `json:"end"`
		ActorID    int    `json:"actorId"`
		DocumentID int    `json:"documentId"`
		Role       string `json:"role"`
	} `json:"mentions"`
	Quotes []struct {
		Start      int   `json:"start"`
		End        int   `json:"end"`
		SpeakerIDs []int `json:"speakerIds"`
	} `json:"quotes"`
	Figures []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"figures"`
}

// generateCorpus writes a corpus with the project's generator and reads its
// truth; the test fails when the generator cannot run.
func generateCorpus(t *testing.T, args ...string) *corpusTruth {
	t.Helper()
	if testing.Short() {
		t.Skip("the generated corpus is skipped in -short mode")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("no go command to run the corpus generator: %v", err)
	}
	dir := t.TempDir()
	cmd := exec.Command(goTool, append([]string{"run", "dossier/bench/cmd/gen", "-out", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the corpus generator (bench/cmd/gen) failed: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatalf("read the generated truth: %v", err)
	}
	truth := &corpusTruth{}
	if err := json.Unmarshal(b, truth); err != nil {
		t.Fatalf("parse the generated truth: %v", err)
	}
	return truth
}

// TestGeneratedCorpus runs Propose with no known actors over 50 generated
// articles and scores the people it finds (recall must reach 95%), and logs
// the other scores.
func TestGeneratedCorpus(t *testing.T) {
	truth := generateCorpus(t, "-articles", "50", "-actors", "40", "-seed", "1", "-html", "0")
	kind := map[int]string{}
	aliases := map[int][]string{}
	for _, a := range truth.Actors {
		kind[a.ID] = a.Kind
		aliases[a.ID] = append([]string{a.Name}, a.Aliases...)
	}
	var people, roles, quotes, docs, figures score
	for _, a := range truth.Articles {
		p := Propose(a.Body, nil)
		scoreCorpusPeople(&people, &roles, p, a, kind)
		scoreCorpusQuotes(&quotes, p, a, aliases)
		scoreCorpusDocuments(&docs, p, a)
		scoreCorpusFigures(&figures, p, a)
	}
	t.Logf("people:    found %d/%d (%.1f%%), precision %.1f%% (%d/%d)", people.found, people.total, 100*people.recall(),
		100*people.precision(), people.correct, people.proposed)
	t.Logf("roles:     right %d of %d people introduced with a title", roles.right, roles.total)
	t.Logf("quotes:    found %d/%d, speaker right %d (%.1f%%), precision %.1f%% (%d/%d)", quotes.found, quotes.total,
		quotes.right, 100*ratio(quotes.right, quotes.total), 100*quotes.precision(), quotes.correct, quotes.proposed)
	t.Logf("documents: found %d/%d mentions (%.1f%%), precision %.1f%% (%d/%d)", docs.found, docs.total, 100*docs.recall(),
		100*docs.precision(), docs.correct, docs.proposed)
	t.Logf("figures:   found %d/%d (%.1f%%), precision %.1f%% (%d/%d)", figures.found, figures.total, 100*figures.recall(),
		100*figures.precision(), figures.correct, figures.proposed)
	if people.recall() < 0.95 {
		t.Errorf("people recall %.1f%%, want at least 95%%", 100*people.recall())
	}
}

func scoreCorpusPeople(people, roles *score, p Proposals, a corpusArticle, kind map[int]string) {
	spans := map[int][]model.Span{}
	var all []model.Span
	titled := map[int]string{}
	for _, m := range a.Mentions {
		if m.ActorID == 0 || kind[m.ActorID] != "person" {
			continue
		}
		s := model.Span{Start: m.Start, End: m.End}
		spans[m.ActorID] = append(spans[m.ActorID], s)
		all = append(all, s)
		if m.Role != "" && titled[m.ActorID] == "" {
			titled[m.ActorID] = m.Role
		}
	}
	var props []ActorProposal
	for _, x := range p.Actors {
		if x.Kind == model.ActorPerson {
			props = append(props, x)
			people.proposed++
			if anyOverlap([]model.Span{x.Span}, all) {
				people.correct++
			}
		}
	}
	for id, ss := range spans {
		people.total++
		i := slices.IndexFunc(props, func(x ActorProposal) bool { return anyOverlap(actorSpans(x), ss) })
		if i < 0 {
			continue
		}
		people.found++
		if role := titled[id]; role != "" {
			roles.total++
			if sameRole(props[i].Role, role) {
				roles.right++
			}
		}
	}
}

func scoreCorpusQuotes(s *score, p Proposals, a corpusArticle, aliases map[int][]string) {
	for _, q := range a.Quotes {
		s.total++
		span := model.Span{Start: q.Start, End: q.End}
		i := slices.IndexFunc(p.Quotes, func(x QuoteProposal) bool { return overlaps(x.Span, span) })
		if i < 0 {
			continue
		}
		s.found++
		if speakersAre(p.Quotes[i].Speakers, q.SpeakerIDs, aliases) {
			s.right++
		}
	}
	for _, x := range p.Quotes {
		s.proposed++
		if slices.ContainsFunc(a.Quotes, func(q struct {
			Start      int   `json:"start"`
			End        int   `json:"end"`
			SpeakerIDs []int `json:"speakerIds"`
		}) bool {
			return overlaps(x.Span, model.Span{Start: q.Start, End: q.End})
		}) {
			s.correct++
		}
	}
}

// speakersAre reports whether the proposed speaker names are the actors ids.
func speakersAre(names []string, ids []int, aliases map[int][]string) bool {
	if len(names) != len(ids) {
		return false
	}
	for _, id := range ids {
		if !slices.ContainsFunc(names, func(n string) bool {
			return slices.ContainsFunc(aliases[id], func(a string) bool { return foldString(a) == foldString(n) })
		}) {
			return false
		}
	}
	return true
}

func scoreCorpusDocuments(s *score, p Proposals, a corpusArticle) {
	var all []model.Span
	for _, m := range a.Mentions {
		if m.DocumentID == 0 {
			continue
		}
		span := model.Span{Start: m.Start, End: m.End}
		all = append(all, span)
		s.total++
		if slices.ContainsFunc(p.Documents, func(d DocumentProposal) bool { return anyOverlap(d.Mentions, []model.Span{span}) }) {
			s.found++
		}
	}
	for _, d := range p.Documents {
		for _, m := range d.Mentions {
			s.proposed++
			if anyOverlap([]model.Span{m}, all) {
				s.correct++
			}
		}
	}
}

func scoreCorpusFigures(s *score, p Proposals, a corpusArticle) {
	var all []model.Span
	for _, f := range a.Figures {
		span := model.Span{Start: f.Start, End: f.End}
		all = append(all, span)
		s.total++
		if slices.ContainsFunc(p.Figures, func(x FigureProposal) bool { return overlaps(x.Span, span) }) {
			s.found++
		}
	}
	for _, x := range p.Figures {
		s.proposed++
		if anyOverlap([]model.Span{x.Span}, all) {
			s.correct++
		}
	}
}
