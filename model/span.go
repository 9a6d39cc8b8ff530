package model

// Span is a half-open range [Start, End) of Unicode code points over a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }

// Validate checks that the span is well formed.
func (s Span) Validate() error {
	if s.Start < 0 || s.End < s.Start {
		return Invalidf("span %d:%d is not a range; start must be ≥ 0 and end ≥ start", s.Start, s.End)
	}
	return nil
}

// Check validates the span against a text of n code points.
func (s Span) Check(n int) error {
	if err := s.Validate(); err != nil {
		return err
	}
	if s.End > n {
		return Invalidf("span %d:%d runs past the end of the text (%d characters)", s.Start, s.End, n)
	}
	return nil
}

// TextQuoteSelector is the W3C Web Annotation selector that lets an excerpt be
// found again after the text changes: the exact quote with up to
// SelectorContext code points before and after it.
type TextQuoteSelector struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// SelectorContext is the number of code points kept on each side of a quote.
const SelectorContext = 32
