package model_test

import (
	"math"
	"strings"
	"testing"

	"dossier/model"
)

// FuzzReanchor takes a span of a body, edits the body (delete some code
// points at a place, insert a string there), and re-anchors. Properties:
// nothing panics; the result lies within the text; an exact result holds the
// quote; an orphan keeps the old span, clamped; the unchanged text gives
// the same span back; an edit well away from the span and its context leaves
// the quote found verbatim.
func FuzzReanchor(f *testing.F) {
	// The first paragraphs of the sample: enough for real prose with curly
	// quotes, short enough that minimising a new input stays quick.
	sample := readSample(f)
	sample = sample[:strings.Index(sample, "Key Agreements")]
	f.Add(sample, 300, 140, 10, 0, "Inserted paragraph.\n")
	f.Add(sample, 300, 140, 350, 0, "very ")
	f.Add(sample, 300, 140, 360, 7, "intensive")
	f.Add(sample, 300, 140, 290, 200, "")
	f.Add(nonASCII, 3, 10, 0, 0, "👩‍👩‍👧 ")
	f.Add(nonASCII, 40, 12, 45, 2, "🇺🇸")
	f.Add("abababababababab", 4, 2, 0, 1, "")
	f.Add("", 0, 0, 0, 0, "x")
	f.Add("a\xffb\xc3", 1, 2, 3, 1, "\xa9")
	f.Add(sample, math.MinInt, math.MaxInt, math.MaxInt, math.MinInt, "x")
	f.Add(sample, math.MaxInt, 5, 20, 3, sample[:200])
	f.Fuzz(func(t *testing.T, body string, start, n, at, del int, ins string) {
		before := model.NewText(body)
		span := fitSpan(before.Len(), start, n)
		sel, err := before.Selector(span)
		if err != nil {
			t.Fatalf("Selector(%v) on a text of %d: %v", span, before.Len(), err)
		}
		if got, want := before.Reanchor(sel, span), (model.Anchoring{Span: span, Exact: true, Score: 1}); got != want {
			t.Fatalf("unchanged text: Reanchor(%v) = %+v, want %+v", span, got, want)
		}

		at = mod(at, before.Len()+1)
		del = mod(del, before.Len()-at+1)
		edited := body[:before.ByteOffset(at)] + ins + body[before.ByteOffset(at+del):]
		after := model.NewText(edited)
		got := after.Reanchor(sel, span)
		checkAnchoring(t, after, sel, span, got)

		// One code point more than the context on either side: an edit
		// beyond it cannot even merge a stray byte into the context.
		reach := model.SelectorContext + 1
		if at >= span.End+reach || at+del <= span.Start-reach {
			if got.Orphan || !got.Exact {
				t.Fatalf("edit at %d:%d far from span %v: Reanchor = %+v, want an exact match", at, at+del, span, got)
			}
		}

		// A selector made of arbitrary parts and an arbitrary old span.
		raw := model.TextQuoteSelector{Exact: ins, Prefix: body[:before.ByteOffset(min(at, 8))], Suffix: sel.Exact}
		old := model.Span{Start: start, End: start + n}
		checkAnchoring(t, after, raw, old, after.Reanchor(raw, old))
	})
}

func checkAnchoring(t *testing.T, text *model.Text, sel model.TextQuoteSelector, old model.Span, got model.Anchoring) {
	t.Helper()
	if err := got.Span.Check(text.Len()); err != nil {
		t.Fatalf("Reanchor(%+v, %v) = %+v, outside the text: %v", sel, old, got, err)
	}
	if got.Score < 0 || got.Score > 1 {
		t.Fatalf("Reanchor(%+v, %v) score %v is outside 0..1", sel, old, got.Score)
	}
	switch {
	case got.Orphan:
		start := min(max(old.Start, 0), text.Len())
		want := model.Span{Start: start, End: min(max(old.End, start), text.Len())}
		if got.Span != want || got.Exact {
			t.Fatalf("orphan %+v, want the old span clamped (%v) and not exact", got, want)
		}
	case got.Exact:
		if s, _ := text.Slice(got.Span); s != sel.Exact {
			t.Fatalf("exact anchoring %+v holds %q, not %q", got, s, sel.Exact)
		}
	}
}

// fitSpan turns two arbitrary numbers into a span of a text of n code points.
func fitSpan(n, start, length int) model.Span {
	start = mod(start, n+1)
	return model.Span{Start: start, End: start + mod(length, n-start+1)}
}

func mod(x, n int) int {
	if n <= 0 {
		return 0
	}
	x %= n
	if x < 0 {
		x += n
	}
	return x
}
