package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"dossier/model"
)

// What the actor and document pages share: how they name a profile, print
// its mentions and their timeline, and say what a merge or a deletion does.

// mentionsShown bounds the mentions a page prints; `mentions list` pages
// through all of them.
const mentionsShown = 20

// barWidth is the length of the longest bar of a timeline.
const barWidth = 30

func actorLabel(a model.Actor) string { return fmt.Sprintf("actor %d %q", a.ID, a.Name) }

func documentLabel(d model.Document) string { return fmt.Sprintf("document %d %q", d.ID, d.Title) }

// heading starts a section of a page: a blank line, then its title with
// how many entries follow, or that there are none.
func heading(w io.Writer, title string, n int) {
	if n == 0 {
		fmt.Fprintf(w, "\n%s: none\n", title)
		return
	}
	fmt.Fprintf(w, "\n%s (%d):\n", title, n)
}

// printMentions prints the first mentions of a profile, then their
// timeline. more is the command that lists all of them.
func printMentions(w io.Writer, refs []model.MentionRef, timeline []model.DatedCount, more string) {
	heading(w, "mentions", len(refs))
	if len(refs) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, m := range refs[:min(len(refs), mentionsShown)] {
		fmt.Fprintf(tw, "  M%d\tarticle %d\t%s\t%d:%d\t%s\t%q\n", m.MentionID, m.ArticleID, day(m.PublishedAt),
			m.Span.Start, m.Span.End, m.State, oneLine(m.Text))
	}
	tw.Flush()
	if len(refs) > mentionsShown {
		fmt.Fprintf(w, "  and %d more; list them all with: %s\n", len(refs)-mentionsShown, more)
	}
	printTimeline(w, model.FillWeeks(timeline), undated(refs))
}

func undated(refs []model.MentionRef) int {
	n := 0
	for _, m := range refs {
		if m.PublishedAt.IsZero() {
			n++
		}
	}
	return n
}

// printTimeline draws mentions per week as bars, so that the weeks a name
// was in the news stand out at a glance.
func printTimeline(w io.Writer, weeks []model.DatedCount, undated int) {
	fmt.Fprintln(w, "\nmentions per week (weeks start on Monday):")
	for _, line := range timelineBars(weeks) {
		fmt.Fprintf(w, "  %s\n", line)
	}
	switch {
	case len(weeks) == 0:
		fmt.Fprintln(w, "  none in dated articles")
	case undated > 0:
		fmt.Fprintf(w, "  and %s in undated articles\n", quantity(undated, "mention", "mentions"))
	}
}

// timelineBars is one line per week: its Monday, a bar as long as its
// count relative to the busiest week, and the count. A week with any
// mention has a bar of at least one block.
func timelineBars(weeks []model.DatedCount) []string {
	top := 0
	for _, wk := range weeks {
		top = max(top, wk.Count)
	}
	lines := make([]string, len(weeks))
	for i, wk := range weeks {
		n := 0
		if wk.Count > 0 {
			n = max(1, wk.Count*barWidth/top)
		}
		lines[i] = fmt.Sprintf("%s %s %d", day(wk.Week), strings.Repeat("█", n)+strings.Repeat(" ", barWidth-n), wk.Count)
	}
	return lines
}

// mentionRefJSON is a mention of a profile as --json prints it.
type mentionRefJSON struct {
	ID           int64              `json:"id"`
	ArticleID    int64              `json:"article_id"`
	ArticleTitle string             `json:"article_title"`
	PublishedAt  time.Time          `json:"published_at,omitzero"`
	Span         model.Span         `json:"span"`
	Text         string             `json:"text"`
	State        model.MentionState `json:"state"`
}

// weekJSON is a week of a timeline as --json prints it.
type weekJSON struct {
	Week  time.Time `json:"week"`
	Count int       `json:"count"`
}

// mentionsJSON holds what the two profiles share in their --json output.
type mentionsJSON struct {
	Mentions  []mentionRefJSON `json:"mentions"`
	Timeline  []weekJSON       `json:"timeline"`
	FirstSeen time.Time        `json:"first_seen,omitzero"`
	LastSeen  time.Time        `json:"last_seen,omitzero"`
}

func newMentionsJSON(refs []model.MentionRef, timeline []model.DatedCount, first, last time.Time) mentionsJSON {
	out := mentionsJSON{Mentions: []mentionRefJSON{}, Timeline: []weekJSON{}, FirstSeen: first, LastSeen: last}
	for _, m := range refs {
		out.Mentions = append(out.Mentions, mentionRefJSON{ID: m.MentionID, ArticleID: m.ArticleID, ArticleTitle: m.ArticleTitle,
			PublishedAt: m.PublishedAt, Span: m.Span, Text: m.Text, State: m.State})
	}
	for _, wk := range timeline {
		out.Timeline = append(out.Timeline, weekJSON{Week: wk.Week, Count: wk.Count})
	}
	return out
}

// tally is a count of things with the nouns for one and many, and what
// became of them.
type tally struct {
	n         int
	one, many string
	fate      string
}

// printTallies prints the tallies that are not zero, one a line; none
// prints nothing.
func printTallies(w io.Writer, ts []tally) {
	for _, t := range ts {
		if t.n > 0 {
			fmt.Fprintf(w, "  %s: %s\n", quantity(t.n, t.one, t.many), t.fate)
		}
	}
}

func anyTally(ts []tally) bool {
	for _, t := range ts {
		if t.n > 0 {
			return true
		}
	}
	return false
}

// partNouns name a profile's parties: an actor's "parts in documents", a
// document's "parties".
type partNouns struct{ one, many string }

var (
	actorParts    = partNouns{"part in a document", "parts in documents"}
	documentParts = partNouns{"party", "parties"}
)

// mergeTallies says what a merge moved and dropped.
func mergeTallies(r model.MergeReport, parts partNouns) []tally {
	return []tally{
		{r.AliasesMoved, "alias", "aliases", "moved"},
		{r.MentionsMoved, "mention", "mentions", "moved"},
		{r.MentionsDropped, "mention", "mentions", "dropped, at places where the other was already mentioned"},
		{r.ExcerptLinksMoved, "link to an excerpt", "links to excerpts", "moved"},
		{r.ExcerptLinksDropped, "link to an excerpt", "links to excerpts", "dropped, the excerpt was linked to both"},
		{r.PartiesMoved, parts.one, parts.many, "moved"},
		{r.PartiesDropped, parts.one, parts.many, "dropped, the other already had them"},
		{r.SpokenExcerptsMoved, "excerpt spoken", "excerpts spoken", "moved to the other speaker"},
		{r.RelationsMoved, "relation", "relations", "moved"},
		{r.RelationsDropped, "relation between the two", "relations between the two", "dropped"},
		{r.AffiliationsMoved, "affiliated actor", "affiliated actors", "now affiliated with the other"},
		{r.StatusEventsMoved, "status event", "status events", "moved"},
	}
}

// printMerge says in words what merging from into into did.
func printMerge(w io.Writer, from, into, fromName string, r model.MergeReport, parts partNouns) {
	fmt.Fprintf(w, "merged %s into %s\n", from, into)
	ts := mergeTallies(r, parts)
	printTallies(w, ts)
	if r.NameAdded {
		fmt.Fprintf(w, "  %q: now an alias of %s\n", fromName, into)
	}
	if !anyTally(ts) && !r.NameAdded {
		fmt.Fprintln(w, "  nothing else was attached to it")
	}
}

// confirmDelete prints what deleting the thing label names does. Without
// yes it refuses with exit 1, for the analyst to read the list and confirm.
func confirmDelete(w io.Writer, label string, ts []tally, yes bool) error {
	if yes {
		fmt.Fprintf(w, "deleted %s\n", label)
	} else {
		fmt.Fprintf(w, "deleting %s would touch:\n", label)
	}
	printTallies(w, ts)
	if !anyTally(ts) {
		fmt.Fprintln(w, "  nothing else; nothing refers to it")
	}
	if yes {
		return nil
	}
	return withHint(fmt.Errorf("%s was not deleted", label), "run the same command again with --yes to delete it")
}
