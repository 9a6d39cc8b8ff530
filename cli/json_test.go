package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteJSON(t *testing.T) {
	type row struct {
		Title string `json:"title"`
		Rows  int    `json:"rows"`
	}
	var nilRows []row
	var nilMap map[string]int
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"nil slice is an empty array", nilRows, "[]\n"},
		{"nil map is an empty object", nilMap, "{}\n"},
		{"nil is an empty object", nil, "{}\n"},
		{"object, indented", row{"Talks in Miami", 3}, "{\n  \"title\": \"Talks in Miami\",\n  \"rows\": 3\n}\n"},
		{"array", []row{{"a", 1}}, "[\n  {\n    \"title\": \"a\",\n    \"rows\": 1\n  }\n]\n"},
		{"no HTML escaping", map[string]string{"url": "https://x.test/?a=1&b=<2>"}, "{\n  \"url\": \"https://x.test/?a=1&b=<2>\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sb strings.Builder
			if err := writeJSON(&sb, tt.v); err != nil {
				t.Fatalf("writeJSON: %v", err)
			}
			if got := sb.String(); got != tt.want {
				t.Errorf("writeJSON() = %q, want %q", got, tt.want)
			}
			if !json.Valid([]byte(sb.String())) {
				t.Errorf("writeJSON() output is not valid JSON: %q", sb.String())
			}
		})
	}
}

func TestWriteJSONError(t *testing.T) {
	var sb strings.Builder
	if err := writeJSON(&sb, map[string]any{"f": func() {}}); err == nil {
		t.Fatal("writeJSON of a function succeeded, want an error")
	}
}
