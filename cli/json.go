package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
)

// writeJSON prints v as the whole output of a --json command: one indented
// JSON document on w and nothing else, so a script can parse stdout as is.
// A nil slice prints as [] and a nil map as {}, never as null: scripts
// iterate over the result without a special case for "nothing".
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // article titles and URLs keep their & < >
	if err := enc.Encode(emptyForNil(v)); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

func emptyForNil(v any) any {
	rv := reflect.ValueOf(v)
	switch {
	case v == nil:
		return struct{}{}
	case rv.Kind() == reflect.Slice && rv.IsNil():
		return []struct{}{}
	case rv.Kind() == reflect.Map && rv.IsNil():
		return struct{}{}
	}
	return v
}
