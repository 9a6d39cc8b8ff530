package model

import (
	"slices"
	"time"
)

// ActorProfile is everything the workspace knows about one actor, gathered
// for the actor's page. Counts, first and last seen and the timeline are
// derived from the mentions when the profile is read; nothing of it is
// stored.
type ActorProfile struct {
	Actor       Actor
	Affiliation *Actor // nil when the actor has none
	Aliases     []Alias
	// Relations in both directions, each with the actor at the other end.
	Relations []RelationView
	// Quotes are the excerpts the actor speaks, by article date (undated
	// articles last), then position.
	Quotes []Excerpt
	// Mentions confirmed or proposed (not rejected), by article date
	// (undated articles last), then position.
	Mentions []MentionRef
	// Timeline counts Mentions per week of publication; weeks without a
	// mention, and undated articles, are left out (FillWeeks adds the
	// empty weeks back for a chart).
	Timeline []DatedCount
	// Documents the actor is a party to, or that excerpts spoken by or
	// involving the actor concern, by title.
	Documents []DocumentRole
	// FirstSeen and LastSeen are the publication dates of the earliest and
	// latest dated article among Mentions; zero when there is none.
	FirstSeen, LastSeen time.Time
}

// RelationView is a relation seen from one of its actors.
type RelationView struct {
	Relation Relation
	Other    Actor // the actor at the other end
	Outgoing bool  // the profile's actor is the relation's FromActorID
}

// DocumentRole is a document an actor is involved in: the roles it holds
// as a party (none when it is linked through excerpts only), and how many
// of the excerpts it speaks or is involved in concern the document.
type DocumentRole struct {
	Document Document
	Roles    []PartyRole // in the order of PartyRoles
	Excerpts int
}

// DocumentProfile is everything the workspace knows about one tracked
// document, gathered for the document's page. Like ActorProfile, its
// derived parts are computed when it is read.
type DocumentProfile struct {
	Document Document
	Aliases  []Alias
	// Parties by role (in the order of PartyRoles), then actor name.
	Parties []PartyView
	// History is the status events, oldest first.
	History             []StatusEvent
	Mentions            []MentionRef // as in ActorProfile
	Timeline            []DatedCount // as in ActorProfile
	FirstSeen, LastSeen time.Time
}

// PartyView is a party with its actor.
type PartyView struct {
	Party Party
	Actor Actor
}

// MentionRef is a mention with what a list of mentions shows of its
// article.
type MentionRef struct {
	MentionID    int64
	ArticleID    int64
	ArticleTitle string
	PublishedAt  time.Time // zero when the article is undated
	Span         Span
	Text         string
	State        MentionState
}

// DatedCount is a number of things in the week that starts on Week, a
// Monday at 00:00 UTC.
type DatedCount struct {
	Week  time.Time
	Count int
}

// WeekOf returns the Monday 00:00 UTC that starts the week of t (in UTC):
// weeks start on Monday, as in ISO 8601.
func WeekOf(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	sinceMonday := (int(day.Weekday()) + 6) % 7
	return day.AddDate(0, 0, -sinceMonday)
}

// WeeklyMentions counts the mentions of dated articles per week, oldest
// week first. Rejected mentions do not count; weeks without a mention are
// left out, and none at all is nil.
func WeeklyMentions(refs []MentionRef) []DatedCount {
	counts := map[time.Time]int{}
	for _, r := range refs {
		if r.State == MentionRejected || r.PublishedAt.IsZero() {
			continue
		}
		counts[WeekOf(r.PublishedAt)]++
	}
	if len(counts) == 0 {
		return nil
	}
	out := make([]DatedCount, 0, len(counts))
	for week, n := range counts {
		out = append(out, DatedCount{Week: week, Count: n})
	}
	slices.SortFunc(out, func(a, b DatedCount) int { return a.Week.Compare(b.Week) })
	return out
}

// SeenBetween returns the publication dates of the earliest and latest
// dated article among the mentions that are not rejected; zero times when
// there is none.
func SeenBetween(refs []MentionRef) (first, last time.Time) {
	for _, r := range refs {
		if r.State == MentionRejected || r.PublishedAt.IsZero() {
			continue
		}
		if first.IsZero() || r.PublishedAt.Before(first) {
			first = r.PublishedAt
		}
		if last.IsZero() || r.PublishedAt.After(last) {
			last = r.PublishedAt
		}
	}
	return first, last
}

// FillWeeks returns the weekly counts with every week between the first
// and the last present, those without a count at 0: what a chart plots.
// counts must be in order of week, one entry per week, as WeeklyMentions
// returns them.
func FillWeeks(counts []DatedCount) []DatedCount {
	if len(counts) == 0 {
		return nil
	}
	var out []DatedCount
	next := 0
	last := counts[len(counts)-1].Week
	for week := counts[0].Week; !week.After(last); week = week.AddDate(0, 0, 7) {
		n := 0
		if next < len(counts) && counts[next].Week.Equal(week) {
			n = counts[next].Count
			next++
		}
		out = append(out, DatedCount{Week: week, Count: n})
	}
	return out
}
