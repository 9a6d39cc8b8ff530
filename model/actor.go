package model

import "time"

// Actor is a person, organisation, state or group that the story is about.
type Actor struct {
	Meta
	Name          string    `json:"name"`
	Kind          ActorKind `json:"kind"`
	Role          string    `json:"role,omitempty"`
	AffiliationID int64     `json:"affiliation_id,omitempty"`
	Country       string    `json:"country,omitempty"`
	Description   string    `json:"description,omitempty"`
	Notes         string    `json:"notes,omitempty"`
}

// Validate checks the actor's fields.
func (a Actor) Validate() error {
	if err := requireText("actor name", a.Name, MaxNameLen); err != nil {
		return err
	}
	if err := actorKinds.check(a.Kind); err != nil {
		return err
	}
	if a.AffiliationID != 0 && a.AffiliationID == a.ID {
		return Invalidf("actor %q cannot be affiliated with itself", a.Name)
	}
	for _, err := range []error{
		limitText("actor role", a.Role, MaxNameLen),
		limitText("actor country", a.Country, MaxNameLen),
		limitText("actor description", a.Description, MaxNoteLen),
		limitText("actor notes", a.Notes, MaxNoteLen),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// Alias is a name under which an actor or a document appears in text.
// It belongs to exactly one of them.
type Alias struct {
	Meta
	Name       string `json:"name"`
	ActorID    int64  `json:"actor_id,omitempty"`
	DocumentID int64  `json:"document_id,omitempty"`
}

// Validate checks that the alias has a name and exactly one owner.
func (a Alias) Validate() error {
	if err := requireText("alias", a.Name, MaxNameLen); err != nil {
		return err
	}
	if (a.ActorID == 0) == (a.DocumentID == 0) {
		return Invalidf("alias %q must belong to exactly one actor or document", a.Name)
	}
	return nil
}

// Relation types offered in lists; any other text is accepted too.
var RelationTypes = []string{"member of", "works for", "represents", "leads", "reports to", "allied with", "opposes", "negotiates with", "advises", "related to"}

// Relation links two actors for a time, with the excerpt that shows it.
type Relation struct {
	Meta
	FromActorID       int64     `json:"from_actor_id"`
	ToActorID         int64     `json:"to_actor_id"`
	Type              string    `json:"type"`
	From              time.Time `json:"from,omitzero"`
	To                time.Time `json:"to,omitzero"`
	EvidenceExcerptID int64     `json:"evidence_excerpt_id,omitempty"`
	Note              string    `json:"note,omitempty"`
}

// Validate checks the relation's fields.
func (r Relation) Validate() error {
	if r.FromActorID <= 0 || r.ToActorID <= 0 {
		return Invalidf("a relation needs two actors")
	}
	if r.FromActorID == r.ToActorID {
		return Invalidf("an actor cannot be related to itself")
	}
	if err := requireText("relation type", r.Type, 200); err != nil {
		return err
	}
	if err := checkDates("relation", r.From, r.To); err != nil {
		return err
	}
	return limitText("relation note", r.Note, MaxNoteLen)
}
