package ingest

import (
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"line ends", "a\r\nb\rc\nd", "a\nb\nc\nd"},
		{"trailing spaces", "a  \t\nb \u00a0\u3000\nc", "a\nb\nc"},
		{"leading spaces kept", "  indented\n\tcode", "  indented\n\tcode"},
		{"blank runs collapse", "\n\n a\n\n\n\nb\n\n\n", " a\n\nb"},
		{"whitespace-only line is blank", "a\n \t\u00a0 \n\n  \nb", "a\n\nb"},
		{"odd spaces inside kept", "a\u00a0b\u2003c\u202Fd\te", "a\u00a0b\u2003c\u202Fd\te"},
		{"zero-width dropped", "a\u200Bb\uFEFFc\u2060d\u00ADe\u180Ef", "abcdef"},
		{"BOM at start", "\uFEFFTitle\n\nText", "Title\n\nText"},
		{"joiners kept", "👩\u200D💻 می\u200Cخواهم", "👩\u200D💻 می\u200Cخواهم"},
		{"NFC", "Cafe\u0301 Zu\u0308rich", "Café Zürich"},
		{"NFC across removed character", "e\u200B\u0301", "é"},
		{"controls dropped", "a\x00b\x07c\x1b\x7fd\u0080\u009fe", "abcde"},
		{"page and line separators", "a\fb\vc\u0085d\u2028e\u2029f", "a\nb\nc\nd\ne\n\nf"},
		{"invalid UTF-8 marked", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"CR CR LF", "a\r\r\nb", "a\n\nb"},
		{"only blanks", " \n\t\r\n\u200B", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := map[string]string{
		"  Talks\n\tresume  in\u00a0Miami ": "Talks resume in Miami",
		"Zu\u0308rich\u200B":                "Zürich",
		"":                                  "",
	}
	for in, want := range tests {
		if got := cleanTitle(in); got != want {
			t.Errorf("cleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCapRunes(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijklmnop", 10, "abcdefghi…"},
		{"ééééééééééé", 5, "éééé…"},
	}
	for _, tt := range tests {
		if got := capRunes(tt.in, tt.n); got != tt.want {
			t.Errorf("capRunes(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
