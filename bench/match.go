package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"dossier/bench/gen"
	"dossier/extract"
	"dossier/model"
)

// matchSuite: the known-name matcher over the corpus, next to
// `grep -F -w -o -f aliases.txt` over the same text in the same run, both
// in CPU time (one thread each); and the proposer's people recall against
// the corpus's ground truth.
func matchSuite(ctx context.Context, env *Env) ([]Row, error) {
	c := env.Corpus()
	dir, err := env.Scratch("match")
	if err != nil {
		return nil, err
	}
	var names []extract.Name
	for _, a := range c.Actors {
		for _, al := range append([]string{a.Name}, a.Aliases...) {
			names = append(names, extract.Name{Text: al, ActorID: int64(a.ID)})
		}
	}
	for _, d := range c.Documents {
		for _, al := range append([]string{d.Title}, d.Aliases...) {
			names = append(names, extract.Name{Text: al, DocumentID: int64(d.ID)})
		}
	}
	aliasFile, textFile := filepath.Join(dir, "aliases.txt"), filepath.Join(dir, "text.txt")
	var text strings.Builder
	for _, a := range c.Articles {
		text.WriteString(a.Body)
		text.WriteString("\n\n")
	}
	if err := os.WriteFile(aliasFile, []byte(strings.Join(c.AliasList(), "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(textFile, []byte(text.String()), 0o644); err != nil {
		return nil, err
	}
	mb := float64(text.Len()) / 1e6

	found := 0
	ours, err := threadCPU(func() error {
		m := extract.NewMatcher(names)
		for _, a := range c.Articles {
			found += len(m.Find(a.Body))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	grep := exec.CommandContext(ctx, "grep", "-F", "-w", "-o", "-f", aliasFile, textFile)
	// A pipe, not /dev/null: GNU grep stops at the first match when it
	// sees its output thrown away.
	grep.Stdout = io.Discard
	// The C locale: grep's fastest, byte-wise mode. In a UTF-8 locale its
	// -w word test decodes every character and runs far slower.
	grep.Env = append(os.Environ(), "LC_ALL=C")
	if err := grep.Run(); err != nil {
		return nil, fmt.Errorf("grep: %w", err)
	}
	theirs := grep.ProcessState.UserTime() + grep.ProcessState.SystemTime()

	recall, precision := peopleScores(c)
	return []Row{
		{Issue: "extract", Figure: fmt.Sprintf("find %d names of %d actors and %d documents in %.0f MB (%d found; matcher built in the time)", len(names), len(c.Actors), len(c.Documents), mb, found),
			Ours: mb / ours.Seconds(), Peer: mb / theirs.Seconds(), PeerBy: "grep -F -w -o -f aliases.txt, case-sensitive, C locale", Unit: "MB/s",
			Target: "at least as fast as grep", Met: ours <= theirs, HigherIsBetter: true},
		{Issue: "extract", Figure: fmt.Sprintf("people found by the proposer in %d generated articles, no actor known (precision %.1f%%)", len(c.Articles), 100*precision),
			Ours: 100 * recall, Unit: "% recall", Target: "≥ 95%", Met: recall >= 0.95, HigherIsBetter: true},
	}, nil
}

// peopleScores scores the proposer like the gold-file test: a person of
// an article is found when a person proposal names it at one of its
// mentions; a proposal is right when it stands on a person's mention.
func peopleScores(c *gen.Corpus) (recall, precision float64) {
	person := map[int]bool{}
	for _, a := range c.Actors {
		person[a.ID] = a.Kind == "person"
	}
	var total, found, proposed, right int
	for _, a := range c.Articles {
		spans := map[int][]model.Span{}
		var all []model.Span
		for _, m := range a.Mentions {
			if person[m.ActorID] {
				s := model.Span{Start: m.Start, End: m.End}
				spans[m.ActorID] = append(spans[m.ActorID], s)
				all = append(all, s)
			}
		}
		var people []extract.ActorProposal
		for _, p := range extract.Propose(a.Body, nil).Actors {
			if p.Kind == model.ActorPerson {
				people = append(people, p)
				proposed++
				if overlaps([]model.Span{p.Span}, all) {
					right++
				}
			}
		}
		for _, ss := range spans {
			total++
			for _, p := range people {
				if overlaps(append([]model.Span{p.Span}, p.Mentions...), ss) {
					found++
					break
				}
			}
		}
	}
	return ratio(found, total), ratio(right, proposed)
}

func overlaps(a, b []model.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start < y.End && y.Start < x.End {
				return true
			}
		}
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
