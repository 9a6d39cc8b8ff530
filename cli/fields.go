package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Helpers for the flags that set the fields of an actor or a document, and
// for printing fields.

// fieldList prints "name: value" lines with the values aligned; an empty
// value is left out.
type fieldList struct{ tw *tabwriter.Writer }

func newFieldList(w io.Writer) *fieldList {
	return &fieldList{tw: tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)}
}

func (f *fieldList) add(name, value string) {
	if value != "" {
		fmt.Fprintf(f.tw, "%s:\t%s\n", name, value)
	}
}

func (f *fieldList) flush() { f.tw.Flush() }

// given reports whether a flag is on the command line, even with an empty
// value: `--role ""` clears a field, leaving --role out keeps it.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// givenAny reports whether any flag but --workspace is on the command line.
func givenAny(fs *flag.FlagSet) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name != "workspace" })
	return found
}

// enumFlag sets *dst from the flag name when it is given, else to def for
// a new record (add); an unknown word is a usage error.
func enumFlag[T ~string](fs *flag.FlagSet, name, value string, parse func(string) (T, error), dst *T, def T, add bool) error {
	switch {
	case given(fs, name):
		v, err := parse(value)
		if err != nil {
			return usageErrorf("--%s: %v", name, err)
		}
		*dst = v
	case add:
		*dst = def
	}
	return nil
}

// enumList lists the words of an enumeration for a flag's help.
func enumList[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// dayOrEmpty is day, but empty for no date, for a field left out.
func dayOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return day(t)
}
