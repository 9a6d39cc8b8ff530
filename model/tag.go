package model

import "regexp"

// Tag is a code in the analyst's hierarchical codebook.
type Tag struct {
	Meta
	Name        string `json:"name"`
	ParentID    int64  `json:"parent_id,omitempty"`
	Colour      string `json:"colour,omitempty"` // #rrggbb
	Description string `json:"description,omitempty"`
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate checks the tag's fields.
func (t Tag) Validate() error {
	if err := requireText("tag name", t.Name, 200); err != nil {
		return err
	}
	if t.Colour != "" && !hexColour.MatchString(t.Colour) {
		return Invalidf("tag colour %q is not of the form #rrggbb", t.Colour)
	}
	if t.ParentID != 0 && t.ParentID == t.ID {
		return Invalidf("tag %q cannot be its own parent", t.Name)
	}
	return limitText("tag description", t.Description, MaxNoteLen)
}
