package app

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/model"
)

// readerArticle makes an article of about size bytes in paragraphs of
// mixed English and Russian, with n highlights spread over it.
func readerArticle(size, n int) (string, []Highlight) {
	sentences := []string{
		"Senior representatives from Ukraine and its European partners met in Miami for a second day. ",
		"Переговоры в Майами прошли конструктивно, заявил Рустем Умеров. ",
		"The 28-point plan was redrafted after initial input from Kyiv and European capitals. ",
		"Witkoff’s team described the talks as “productive and constructive”. ",
		"Délégués européens: la réunion a été très utile. ",
	}
	var b strings.Builder
	for k := 0; b.Len() < size; k++ {
		b.WriteString(sentences[k%len(sentences)])
		if k%6 == 5 {
			b.WriteString("\n")
		}
	}
	text := b.String()
	total := utf8.RuneCountInString(text)
	hs := make([]Highlight, n)
	for i := range hs {
		start := i * total / n
		hs[i] = Highlight{
			Span:   model.Span{Start: start, End: min(start+40, total)},
			Colour: color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0x80},
			Kind:   "excerpt",
			ID:     int64(i + 1),
			Label:  fmt.Sprintf("Excerpt %d", i+1),
		}
	}
	return text, hs
}

// BenchmarkReaderOpen50KB opens a 50 KB article with 100 highlights in a
// fresh reader in a 900×700 window: measuring, line breaking and laying
// out the first screen.
func BenchmarkReaderOpen50KB(b *testing.B) {
	a := test.NewTempApp(b)
	text, hs := readerArticle(50_000, 100)
	w := a.NewWindow("reader")
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	for b.Loop() {
		r := NewReader()
		w.SetContent(r)
		r.SetText(text, hs)
		if len(test.WidgetRenderer(r).Objects()) == 0 {
			b.Fatal("nothing drawn")
		}
	}
}

// BenchmarkReaderOpen50KBPainted adds painting the window with the
// software painter of the test driver.
func BenchmarkReaderOpen50KBPainted(b *testing.B) {
	a := test.NewTempApp(b)
	text, hs := readerArticle(50_000, 100)
	w := a.NewWindow("reader")
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	for b.Loop() {
		r := NewReader()
		w.SetContent(r)
		r.SetText(text, hs)
		w.Canvas().Capture()
	}
}

// BenchmarkReaderScroll scrolls a 50 KB article by a wheel notch.
func BenchmarkReaderScroll(b *testing.B) {
	a := test.NewTempApp(b)
	text, hs := readerArticle(50_000, 100)
	w := a.NewWindow("reader")
	defer w.Close()
	r := NewReader()
	w.SetContent(r)
	w.Resize(fyne.NewSize(900, 700))
	r.SetText(text, hs)
	step := float32(-40)
	for b.Loop() {
		r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: step}})
		if r.ScrollOffset() == 0 || r.ScrollOffset() == r.maxOffset() {
			step = -step
		}
	}
}
