package model

// Source is an outlet or author that articles come from, graded for reliability.
type Source struct {
	Meta
	Name        string      `json:"name"`
	Kind        SourceKind  `json:"kind"`
	URL         string      `json:"url,omitempty"`
	Reliability Reliability `json:"reliability,omitempty"`
	Notes       string      `json:"notes,omitempty"`
}

// Validate checks the source's fields.
func (s Source) Validate() error {
	if err := requireText("source name", s.Name, MaxNameLen); err != nil {
		return err
	}
	if err := sourceKinds.check(s.Kind); err != nil {
		return err
	}
	if err := checkURL("source URL", s.URL); err != nil {
		return err
	}
	if err := s.Reliability.Validate(); err != nil {
		return err
	}
	return limitText("source notes", s.Notes, MaxNoteLen)
}
