package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"dossier/model"
)

// The profiles gather an actor's or a document's page in one read
// transaction, so that its parts agree, and in one query per part: names
// of related actors and titles of articles are joined in, never looked up
// row by row. Every query starts from an index on the profile's id
// (mentions_actor, excerpts_speaker, relations_from and relations_to,
// parties_actor, aliases_actor and their document twins), so a profile
// costs what it shows, however large the workspace.

// Column lists qualified by table, for queries that join two entities.
var (
	profileActorColumns    = qualified(actorColumns, "o")
	profileRelationColumns = qualified(relationColumns, "r")
	profileDocumentColumns = qualified(documentColumns, "d")
)

// qualified prefixes each column of a list with a table name or alias.
func qualified(columns, table string) string {
	parts := strings.Split(columns, ", ")
	for i, c := range parts {
		parts[i] = table + "." + c
	}
	return strings.Join(parts, ", ")
}

// ActorProfile reads an actor with everything its page shows.
func (db *DB) ActorProfile(ctx context.Context, id int64) (model.ActorProfile, error) {
	var p model.ActorProfile
	err := db.view(ctx, "read actor profile", func(tx *sql.Tx) error {
		var err error
		if p.Actor, err = readActor(ctx, tx, id); err != nil {
			return err
		}
		if p.Affiliation, err = affiliationOf(ctx, tx, p.Actor); err != nil {
			return err
		}
		if p.Aliases, err = aliasesOf(ctx, tx, "actor_id", id); err != nil {
			return err
		}
		if p.Relations, err = relationViews(ctx, tx, id); err != nil {
			return err
		}
		if p.Quotes, err = spokenExcerpts(ctx, tx, id); err != nil {
			return err
		}
		if p.Mentions, err = mentionRefs(ctx, tx, "actor_id", id); err != nil {
			return err
		}
		p.Documents, err = documentRoles(ctx, tx, id)
		return err
	})
	if err != nil {
		return model.ActorProfile{}, err
	}
	p.Timeline = model.WeeklyMentions(p.Mentions)
	p.FirstSeen, p.LastSeen = model.SeenBetween(p.Mentions)
	return p, nil
}

// DocumentProfile reads a tracked document with everything its page shows.
func (db *DB) DocumentProfile(ctx context.Context, id int64) (model.DocumentProfile, error) {
	var p model.DocumentProfile
	err := db.view(ctx, "read document profile", func(tx *sql.Tx) error {
		var err error
		if p.Document, err = readDocument(ctx, tx, id); err != nil {
			return err
		}
		if p.Aliases, err = aliasesOf(ctx, tx, "document_id", id); err != nil {
			return err
		}
		if p.Parties, err = partyViews(ctx, tx, id); err != nil {
			return err
		}
		if p.History, err = statusHistory(ctx, tx, id); err != nil {
			return err
		}
		p.Mentions, err = mentionRefs(ctx, tx, "document_id", id)
		return err
	})
	if err != nil {
		return model.DocumentProfile{}, err
	}
	p.Timeline = model.WeeklyMentions(p.Mentions)
	p.FirstSeen, p.LastSeen = model.SeenBetween(p.Mentions)
	return p, nil
}

// affiliationOf reads the actor a is affiliated with; nil when none.
func affiliationOf(ctx context.Context, q querier, a model.Actor) (*model.Actor, error) {
	if a.AffiliationID == 0 {
		return nil, nil
	}
	aff, err := readActor(ctx, q, a.AffiliationID)
	if err != nil {
		return nil, err
	}
	return &aff, nil
}

// aliasesOf lists the aliases of an actor or a document (owner is the
// column of aliases that points to it), by name.
func aliasesOf(ctx context.Context, q querier, owner string, id int64) ([]model.Alias, error) {
	rows, err := q.QueryContext(ctx, aliasesOfSQL(owner), id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanAlias)
}

func aliasesOfSQL(owner string) string {
	return "SELECT " + aliasColumns + " FROM aliases WHERE " + owner + " = ? ORDER BY name COLLATE NOCASE, id"
}

// relationViews lists the relations from and to an actor, each with the
// actor at the other end: undated ones first, then by the date they
// began, then by the other's name.
func relationViews(ctx context.Context, q querier, id int64) ([]model.RelationView, error) {
	rows, err := q.QueryContext(ctx, relationViewsSQL, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (model.RelationView, error) {
		var v model.RelationView
		var err error
		v.Relation, v.Other, err = scanPair(withExtra(r, &v.Outgoing), scanRelation, scanActor)
		return v, err
	})
}

var relationViewsSQL = "SELECT " + profileRelationColumns + ", " + profileActorColumns + `, r.from_actor_id = ?1
	FROM relations r JOIN actors o ON o.id = CASE WHEN r.from_actor_id = ?1 THEN r.to_actor_id ELSE r.from_actor_id END
	WHERE r.from_actor_id = ?1 OR r.to_actor_id = ?1
	ORDER BY r.from_date, o.name COLLATE NOCASE, r.id`

// articleDateOrder orders rows of "articles a" by publication date,
// undated articles last.
const articleDateOrder = "a.published_at IS NULL, a.published_at"

// spokenExcerpts lists the excerpts an actor speaks, by article date.
func spokenExcerpts(ctx context.Context, q querier, id int64) ([]model.Excerpt, error) {
	rows, err := q.QueryContext(ctx, spokenExcerptsSQL, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanExcerpt)
}

var spokenExcerptsSQL = "SELECT " + excerptColumns + " FROM " + excerptsFrom +
	" WHERE e.speaker_id = ? ORDER BY " + articleDateOrder + ", e.article_id, e.start_cp, e.end_cp, e.id"

// mentionRefs lists the mentions of an actor or a document (owner is the
// column of mentions that points to it) that are not rejected, with their
// articles' titles and dates, by article date and position.
func mentionRefs(ctx context.Context, q querier, owner string, id int64) ([]model.MentionRef, error) {
	rows, err := q.QueryContext(ctx, mentionRefsSQL(owner), id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMentionRef)
}

func mentionRefsSQL(owner string) string {
	return `SELECT m.id, m.article_id, a.title, a.published_at, m.start_cp, m.end_cp, m.text, m.state
	FROM mentions m JOIN articles a ON a.id = m.article_id
	WHERE m.` + owner + ` = ? AND m.state <> 'rejected'
	ORDER BY ` + articleDateOrder + ", m.article_id, m.start_cp, m.end_cp, m.id"
}

func scanMentionRef(r scanner) (model.MentionRef, error) {
	var m model.MentionRef
	var published sql.NullString
	err := r.Scan(&m.MentionID, &m.ArticleID, &m.ArticleTitle, &published, &m.Span.Start, &m.Span.End, &m.Text, &m.State)
	m.PublishedAt = parseTime(published)
	return m, err
}

// documentRoles lists the documents an actor is involved in, by title: as
// a party, with its roles, or through the excerpts it speaks or is
// involved in that concern the document, with how many there are.
func documentRoles(ctx context.Context, q querier, id int64) ([]model.DocumentRole, error) {
	rows, err := q.QueryContext(ctx, documentRolesSQL, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (model.DocumentRole, error) {
		var dr model.DocumentRole
		var roles string
		var err error
		dr.Document, err = scanDocument(withExtra(r, &roles, &dr.Excerpts))
		dr.Roles = partyRoleList(roles)
		return dr, err
	})
}

// documentRolesSQL: own is the excerpts the actor speaks or is involved
// in (once each), linked counts them by document, roles gathers the
// actor's parts by document, and involved is every document of either.
var documentRolesSQL = `WITH
	own(excerpt_id) AS (SELECT id FROM excerpts WHERE speaker_id = ?1
		UNION SELECT excerpt_id FROM excerpt_actors WHERE actor_id = ?1),
	linked(document_id, n) AS (SELECT ed.document_id, count(*) FROM own
		JOIN excerpt_documents ed ON ed.excerpt_id = own.excerpt_id GROUP BY ed.document_id),
	roles(document_id, roles) AS (SELECT document_id, group_concat(role) FROM parties
		WHERE actor_id = ?1 GROUP BY document_id),
	involved(document_id) AS (SELECT document_id FROM roles UNION SELECT document_id FROM linked)
	SELECT ` + profileDocumentColumns + `, ifnull(roles.roles, ''), ifnull(linked.n, 0)
	FROM involved JOIN documents d ON d.id = involved.document_id
	LEFT JOIN roles ON roles.document_id = d.id LEFT JOIN linked ON linked.document_id = d.id
	ORDER BY d.title COLLATE NOCASE, d.id`

// partyRoleList reads a group_concat of roles into the order of
// model.PartyRoles; none is nil.
func partyRoleList(s string) []model.PartyRole {
	if s == "" {
		return nil
	}
	var out []model.PartyRole
	for _, r := range strings.Split(s, ",") {
		out = append(out, model.PartyRole(r))
	}
	order := model.PartyRoles()
	slices.SortFunc(out, func(a, b model.PartyRole) int {
		return slices.Index(order, a) - slices.Index(order, b)
	})
	return slices.Compact(out)
}

// partyViews lists a document's parties with their actors, by role and
// then actor name.
func partyViews(ctx context.Context, q querier, id int64) ([]model.PartyView, error) {
	rows, err := q.QueryContext(ctx, partyViewsSQL, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (model.PartyView, error) {
		var v model.PartyView
		var err error
		v.Party, v.Actor, err = scanPair(r, scanParty, scanActor)
		return v, err
	})
}

// partyViewsSQL joins the documents too, for partyOrder.
var partyViewsSQL = "SELECT " + partyColumns + ", " + qualified(actorColumns, "actors") + ` FROM parties
	JOIN documents ON documents.id = parties.document_id JOIN actors ON actors.id = parties.actor_id
	WHERE parties.document_id = ?` + partyOrder

// statusHistory lists a document's status events, oldest first.
func statusHistory(ctx context.Context, q querier, id int64) ([]model.StatusEvent, error) {
	rows, err := q.QueryContext(ctx, statusHistorySQL, id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanStatusEvent)
}

const statusHistorySQL = "SELECT " + statusEventColumns + " FROM status_events WHERE document_id = ? ORDER BY date, id"

// scanFunc makes a function a scanner.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// withExtra reads columns that follow an entity's own: whatever scans the
// entity from the returned scanner also fills extra, in the same Scan.
func withExtra(r scanner, extra ...any) scanner {
	return scanFunc(func(dest ...any) error { return r.Scan(append(dest, extra...)...) })
}

// scanPair reads a row that holds the columns of two entities, A's first,
// each with its own scan function. The entity scan functions call Scan
// once and then finish their values from what it read (times from text,
// say), so A's Scan is held until B's is known, and the row is read once
// with both lists of destinations; B finishes, then A.
func scanPair[A, B any](r scanner, scanA func(scanner) (A, error), scanB func(scanner) (B, error)) (A, B, error) {
	var b B
	a, err := scanA(scanFunc(func(destA ...any) error {
		var err error
		b, err = scanB(scanFunc(func(destB ...any) error {
			return r.Scan(append(slices.Clip(destA), destB...)...)
		}))
		return err
	}))
	return a, b, err
}

// StatusEvidence reads the excerpts cited as evidence in a document's
// status history, by id, so that its page can open each where it stands in
// its article. An evidence excerpt need not be linked to the document.
func (db *DB) StatusEvidence(ctx context.Context, documentID int64) ([]model.Excerpt, error) {
	var out []model.Excerpt
	err := db.view(ctx, "read the evidence of a status history", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, statusEvidenceSQL, documentID)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanExcerpt)
		return err
	})
	return out, err
}

var statusEvidenceSQL = "SELECT " + excerptColumns + ` FROM excerpts e
	WHERE e.id IN (SELECT evidence_excerpt_id FROM status_events WHERE document_id = ?) ORDER BY e.id`
