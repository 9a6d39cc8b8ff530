package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestPathologicalInputs feeds inputs built to trigger quadratic work in
// naive parsers. Each must finish in a small fraction of the generous
// budget; a quadratic regression takes minutes on inputs this size.
func TestPathologicalInputs(t *testing.T) {
	const n = 128 << 10
	tests := []struct{ name, data string }{
		{"x.md", strings.Repeat(">", n)},
		{"x.md", strings.Repeat("> ", n/2)},
		{"x.md", strings.Repeat("[", n)},
		{"x.md", strings.Repeat("[a](", n/4)},
		{"x.md", strings.Repeat("` ``", n/4)},
		{"x.md", strings.Repeat("*a ", n/3)},
		{"x.md", strings.Repeat("_a_ ", n/4)},
		{"x.md", strings.Repeat("<"+strings.Repeat("x", 1990), n/2000)},
		{"x.md", strings.Repeat("<!--\n", n/5)},
		{"x.md", strings.Repeat("[", 5000) + "a" + strings.Repeat("](b)", 5000)},
		{"x.html", strings.Repeat("<blockquote>text, more text, and more", 500)},
		{"x.html", strings.Repeat("<div>", 500) + strings.Repeat("<p>t, u, v, w</p>", n/60)},
		{"x.html", "<script type='application/ld+json'>" + strings.Repeat("[", 5000) + "</script><p>x</p>"},
		{"x.txt", strings.Repeat("\r", n)},
		{"x.eml", "From: a\r\n\r\n" + strings.Repeat("x\r\n", n/3)},
	}
	for _, tt := range tests {
		start := time.Now()
		if _, err := ReadBytes(tt.name, []byte(tt.data)); err != nil {
			var r *Refusal
			if !errors.As(err, &r) {
				t.Errorf("%s %.20q…: %v", tt.name, tt.data, err)
			}
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s %.20q… took %v", tt.name, tt.data, d)
		}
	}
}
