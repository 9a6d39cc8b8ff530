package model

import "time"

// Document is a tracked plan, framework, agreement, statement or letter.
// Status is the status of the latest event of its history.
type Document struct {
	Meta
	Title       string         `json:"title"`
	Kind        DocumentKind   `json:"kind"`
	Status      DocumentStatus `json:"status"`
	Disclosure  Disclosure     `json:"disclosure"`
	Description string         `json:"description,omitempty"`
	Notes       string         `json:"notes,omitempty"`
}

// Validate checks the document's fields.
func (d Document) Validate() error {
	if err := requireText("document title", d.Title, MaxTitleLen); err != nil {
		return err
	}
	if err := documentKinds.check(d.Kind); err != nil {
		return err
	}
	if err := documentStatuses.check(d.Status); err != nil {
		return err
	}
	if err := disclosures.check(d.Disclosure); err != nil {
		return err
	}
	if err := limitText("document description", d.Description, MaxNoteLen); err != nil {
		return err
	}
	return limitText("document notes", d.Notes, MaxNoteLen)
}

// Party is an actor's part in a document.
type Party struct {
	Meta
	DocumentID int64     `json:"document_id"`
	ActorID    int64     `json:"actor_id"`
	Role       PartyRole `json:"role"`
	Note       string    `json:"note,omitempty"`
}

// Validate checks the party's fields.
func (p Party) Validate() error {
	if p.DocumentID <= 0 || p.ActorID <= 0 {
		return Invalidf("a party needs a document and an actor")
	}
	if err := partyRoles.check(p.Role); err != nil {
		return err
	}
	return limitText("party note", p.Note, MaxNoteLen)
}

// StatusEvent is a dated step in a document's life, with its evidence.
type StatusEvent struct {
	Meta
	DocumentID        int64          `json:"document_id"`
	Date              time.Time      `json:"date"`
	Status            DocumentStatus `json:"status"`
	Note              string         `json:"note,omitempty"`
	EvidenceExcerptID int64          `json:"evidence_excerpt_id,omitempty"`
}

// Validate checks the event's fields.
func (e StatusEvent) Validate() error {
	if e.DocumentID <= 0 {
		return Invalidf("a status event needs a document")
	}
	if e.Date.IsZero() {
		return Invalidf("a status event needs a date")
	}
	if err := documentStatuses.check(e.Status); err != nil {
		return err
	}
	return limitText("status event note", e.Note, MaxNoteLen)
}
