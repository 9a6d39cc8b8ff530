package app

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"dossier/model"
)

// readerWindow shows a reader with text in a window of size.
func readerWindow(t *testing.T, text string, hs []Highlight, size fyne.Size) (*Reader, fyne.Window, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("reader")
	t.Cleanup(w.Close)
	r := NewReader()
	w.SetContent(r)
	w.Resize(size)
	r.SetText(text, hs)
	return r, w, a
}

// readerShownLines are the texts of the lines drawn, top to bottom.
func readerShownLines(r *Reader) []string {
	var lines []string
	rr := test.WidgetRenderer(r).(*readerRenderer)
	for _, o := range rr.Objects() {
		if t, ok := o.(*canvas.Text); ok && t != rr.tipText {
			lines = append(lines, t.Text)
		}
	}
	return lines
}

// readerMiddle is the point half a line below the top-left of code point i:
// where a pointer aiming at the caret position i lands.
func readerMiddle(r *Reader, i int) fyne.Position {
	return r.PointOf(i).AddXY(0, r.layout.lineHeight/2)
}

// readerAbsolute turns a point of the reader into one of the window's
// canvas; the reader is the window's content.
func readerAbsolute(r *Reader, p fyne.Position) fyne.Position {
	return r.Position().Add(p)
}

// readerDrag drags the mouse across the window from caret position i to j.
func readerDrag(w fyne.Window, r *Reader, i, j int) {
	from, to := readerMiddle(r, i), readerMiddle(r, j)
	d := to.Subtract(from)
	test.Drag(w.Canvas(), readerAbsolute(r, to), d.X, d.Y)
}

func readerSpan(text, word string) model.Span {
	at := strings.Index(text, word)
	start := utf8.RuneCountInString(text[:at])
	return model.Span{Start: start, End: start + utf8.RuneCountInString(word)}
}

const readerShort = "Witkoff and Ukraine’s chief negotiator, Rustem Umerov, met in Miami.\n" +
	"Переговоры прошли конструктивно.\n" +
	"\n" +
	"Délégués européens: très utile. 和平谈判 😀 done."

func TestReaderShowsTheText(t *testing.T) {
	r, _, _ := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	if r.Text() != readerShort {
		t.Errorf("Text() = %q, want %q", r.Text(), readerShort)
	}
	got := readerShownLines(r)
	if want := strings.Split(readerShort, "\n"); !slices.Equal(got, want) {
		t.Errorf("lines shown = %q, want %q", got, want)
	}
	if r.Selection() != (model.Span{}) {
		t.Errorf("a fresh text has selection %v", r.Selection())
	}
}

func TestReaderSeparatesParagraphs(t *testing.T) {
	r, _, _ := readerWindow(t, "one\ntwo", nil, fyne.NewSize(400, 300))
	first, second := r.PointOf(0), r.PointOf(4)
	if gap := second.Y - first.Y; gap <= r.layout.lineHeight {
		t.Errorf("paragraphs %v apart, no more than a line (%v)", gap, r.layout.lineHeight)
	}
}

var readerTexts = []struct{ name, text string }{
	{"ASCII", "The talks in Miami were described as productive and constructive by key participants."},
	{"Cyrillic", "Переговоры в Майами прошли конструктивно, заявил Рустем Умеров, глава делегации."},
	{"accents", "Délégués européens: la réunion a été très utile à Genève, naïve façade, Ærø."},
	{"CJK", "和平谈判在迈阿密举行。双方表示会谈富有成效，但尚未达成最终协议。"},
	{"emoji", "Talks 😀 went 🎉 well 🇺🇦 today, said 👍 the envoy 😀😀 again."},
	{"mixed", "Umerov (Умеров) said “yes” — 是的 😀 — at the café.\nNext paragraph here."},
}

// TestReaderPositionsAreExact: every caret position maps to a point and
// back, and a drag between two positions selects exactly the code points
// between them.
func TestReaderPositionsAreExact(t *testing.T) {
	for _, tt := range readerTexts {
		t.Run(tt.name, func(t *testing.T) {
			r, w, _ := readerWindow(t, tt.text, nil, fyne.NewSize(300, 400))
			runes := []rune(tt.text)
			readerCheckRoundTrip(t, r, len(runes))
			for _, ij := range [][2]int{{0, 5}, {3, 17}, {10, len(runes)}, {len(runes) - 7, len(runes) - 1}, {12, 2}} {
				i, j := ij[0], ij[1]
				readerDrag(w, r, i, j)
				want := model.Span{Start: min(i, j), End: max(i, j)}
				if got := r.Selection(); got != want {
					t.Errorf("drag from %d to %d selects %v, want %v", i, j, got, want)
				}
				if got := r.SelectedText(); got != string(runes[want.Start:want.End]) {
					t.Errorf("drag from %d to %d selects %q", i, j, got)
				}
			}
		})
	}
}

func readerCheckRoundTrip(t *testing.T, r *Reader, n int) {
	t.Helper()
	for i := 0; i <= n; i++ {
		if got := r.PositionAt(r.PointOf(i)); got != i {
			t.Errorf("PositionAt(PointOf(%d) = %v) = %d", i, r.PointOf(i), got)
		}
		if got := r.PositionAt(readerMiddle(r, i)); got != i {
			t.Errorf("PositionAt(middle of line at %d) = %d", i, got)
		}
	}
}

// TestReaderPointsMatchTheDrawnText compares the reader's positions with
// the width fyne measures for the start of each line, so that a highlight
// sits under the letters it marks.
func TestReaderPointsMatchTheDrawnText(t *testing.T) {
	for _, tt := range readerTexts[:3] {
		r, _, _ := readerWindow(t, tt.text, nil, fyne.NewSize(300, 400))
		runes := []rune(tt.text)
		size := theme.TextSize()
		for k, ln := range r.layout.lines {
			end := ln.end
			if ln.wrapped {
				end-- // the end of a wrapped line is drawn on the next
			}
			for i := ln.start; i <= end; i++ {
				want := fyne.MeasureText(string(runes[ln.start:i]), size, fyne.TextStyle{}).Width
				got := r.PointOf(i).X - r.padding()
				if d := got - want; d > 2 || d < -2 {
					t.Errorf("%s line %d: code point %d at x %v, drawn at %v", tt.name, k, i, got, want)
				}
			}
		}
	}
}

func TestReaderDoubleClickSelectsWord(t *testing.T) {
	r, _, _ := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	for _, word := range []string{"Ukraine’s", "Witkoff", "конструктивно", "européens"} {
		span := readerSpan(readerShort, word)
		r.DoubleTapped(&fyne.PointEvent{Position: readerMiddle(r, span.Start+1)})
		if got := r.Selection(); got != span {
			t.Errorf("double tap on %q selects %v, want %v", word, got, span)
		}
	}
	// Two presses at one spot, as a mouse sends them, do the same.
	span := readerSpan(readerShort, "negotiator")
	at := readerMiddle(r, span.Start+3)
	for range 2 {
		r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
		r.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
	}
	if got := r.Selection(); got != span {
		t.Errorf("double click selects %v, want %v", got, span)
	}
}

func TestReaderTripleClickSelectsParagraph(t *testing.T) {
	r, _, _ := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	clock := time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC)
	r.now = func() time.Time { return clock }
	var seen []model.Span
	r.OnSelectionChanged = func(s model.Span) { seen = append(seen, s) }
	para := readerSpan(readerShort, "Переговоры прошли конструктивно.")
	at := readerMiddle(r, para.Start+14)
	click := func() {
		r.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
		r.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
		clock = clock.Add(150 * time.Millisecond)
	}
	click()
	click()
	click()
	if got := r.Selection(); got != para {
		t.Errorf("triple click selects %v, want %v", got, para)
	}
	if len(seen) == 0 || seen[len(seen)-1] != para {
		t.Errorf("OnSelectionChanged saw %v, want it to end with %v", seen, para)
	}
	// Clicks far apart in time are single clicks.
	clock = clock.Add(2 * time.Second)
	click()
	clock = clock.Add(2 * time.Second)
	click()
	if got := r.Selection(); got != (model.Span{}) {
		t.Errorf("slow clicks select %v", got)
	}
}

func TestReaderShiftClickExtends(t *testing.T) {
	r, _, _ := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	from := readerSpan(readerShort, "chief").Start
	to := readerSpan(readerShort, "конструктивно").End
	press := func(i int, mod fyne.KeyModifier) {
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: readerMiddle(r, i)}, Button: desktop.MouseButtonPrimary, Modifier: mod}
		r.MouseDown(ev)
		r.MouseUp(ev)
		r.Tapped(&ev.PointEvent)
	}
	press(from, 0)
	press(to, fyne.KeyModifierShift)
	want := model.Span{Start: from, End: to}
	if got := r.Selection(); got != want {
		t.Fatalf("shift click selects %v, want %v", got, want)
	}
	// A second shift-click moves the same end.
	press(from+6, fyne.KeyModifierShift)
	if got := r.Selection(); got != (model.Span{Start: from, End: from + 6}) {
		t.Errorf("second shift click selects %v, want [%d,%d)", got, from, from+6)
	}
	if got := r.SelectedText(); got != "chief " {
		t.Errorf("selected %q", got)
	}
}

func TestReaderKeyboardSelection(t *testing.T) {
	r, w, _ := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	w.Canvas().Focus(r)
	if !r.focused {
		t.Fatal("the reader does not take the focus")
	}
	start := readerSpan(readerShort, "chief").Start
	r.Select(model.Span{Start: start, End: start})
	key := func(name fyne.KeyName) { r.TypedKey(&fyne.KeyEvent{Name: name}) }
	shortcut := func(name fyne.KeyName, mod fyne.KeyModifier) {
		r.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
	}
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyLeft)
	if got := r.Selection(); got != (model.Span{Start: start, End: start + 2}) {
		t.Errorf("shift+right×3, shift+left select %v", got)
	}
	key(fyne.KeyEnd)
	if got := r.SelectedText(); got != "chief negotiator, Rustem Umerov, met in Miami." {
		t.Errorf("shift+end selects %q", got)
	}
	key(fyne.KeyHome)
	if got := r.SelectedText(); got != "Witkoff and Ukraine’s " {
		t.Errorf("shift+home selects %q", got)
	}
	key(fyne.KeyDown)
	second := readerSpan(readerShort, "Переговоры")
	if got := r.Selection(); got != (model.Span{Start: start, End: second.Start}) {
		t.Errorf("shift+down from the start of the text selects %v; the second paragraph starts at %d", got, second.Start)
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyUp)
	above := r.PositionAt(fyne.NewPos(r.PointOf(second.Start+2).X, r.PointOf(0).Y))
	if got := r.Selection(); got != (model.Span{Start: above, End: start}) || above == 0 {
		t.Errorf("shift+up from the second paragraph selects %v, want [%d,%d)", got, above, start)
	}
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})

	// By word with Ctrl+Shift, and arrows alone only move the caret.
	r.Select(model.Span{Start: start, End: start})
	shortcut(fyne.KeyRight, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	shortcut(fyne.KeyRight, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if got := r.SelectedText(); got != "chief negotiator" {
		t.Errorf("ctrl+shift+right×2 selects %q", got)
	}
	shortcut(fyne.KeyLeft, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if got := r.SelectedText(); got != "chief " {
		t.Errorf("then ctrl+shift+left selects %q", got)
	}
	key(fyne.KeyRight)
	if got := r.Selection(); got != (model.Span{}) || r.caret != start+6 {
		t.Errorf("right without shift leaves selection %v and caret %d, want none and %d", got, r.caret, start+6)
	}
	key(fyne.KeyLeft)
	if r.caret != start+5 {
		t.Errorf("left moves the caret to %d, want %d", r.caret, start+5)
	}
}

func TestReaderSelectAllAndCopy(t *testing.T) {
	r, w, a := readerWindow(t, readerShort, nil, fyne.NewSize(900, 400))
	w.Canvas().Focus(r)
	var seen model.Span
	r.OnSelectionChanged = func(s model.Span) { seen = s }
	r.TypedShortcut(&fyne.ShortcutSelectAll{})
	all := model.Span{Start: 0, End: utf8.RuneCountInString(readerShort)}
	if r.Selection() != all || seen != all {
		t.Errorf("ctrl+a selects %v and reports %v, want %v", r.Selection(), seen, all)
	}
	r.TypedShortcut(&fyne.ShortcutCopy{Clipboard: a.Clipboard()})
	if got := a.Clipboard().Content(); got != readerShort {
		t.Errorf("copy puts %q on the clipboard", got)
	}
	span := readerSpan(readerShort, "Переговоры прошли")
	r.Select(span)
	r.TypedShortcut(&fyne.ShortcutCopy{})
	if got := a.Clipboard().Content(); got != "Переговоры прошли" {
		t.Errorf("copy puts %q on the clipboard", got)
	}
}

func TestReaderHighlights(t *testing.T) {
	excerpt := readerSpan(readerShort, "Ukraine’s chief negotiator, Rustem Umerov")
	mention := readerSpan(readerShort, "Rustem Umerov")
	other := readerSpan(readerShort, "конструктивно")
	hs := []Highlight{
		{Span: excerpt, Colour: color.NRGBA{R: 255, A: 80}, Kind: "excerpt", ID: 7, Label: "Excerpt: Umerov"},
		{Span: mention, Colour: color.NRGBA{B: 255, A: 80}, Kind: "mention", ID: 3, Label: "Rustem Umerov (actor)"},
		{Span: other, Colour: color.NRGBA{G: 255, A: 80}, Kind: "excerpt", ID: 9, Label: "Excerpt: talks"},
	}
	r, w, _ := readerWindow(t, readerShort, hs, fyne.NewSize(900, 400))
	var tapped []Highlight
	r.OnHighlightTapped = func(h Highlight) { tapped = append(tapped, h) }
	var hovered []string
	r.OnHighlightHovered = func(h *Highlight) {
		if h == nil {
			hovered = append(hovered, "")
			return
		}
		hovered = append(hovered, h.Label)
	}
	if got := len(readerRects(r, hs[0].Colour)); got != 1 {
		t.Errorf("the excerpt is drawn as %d rectangles, want 1", got)
	}

	test.TapAt(r, readerMiddle(r, excerpt.Start+2))
	test.TapAt(r, readerMiddle(r, mention.Start+2))
	test.TapAt(r, readerMiddle(r, other.Start+2))
	test.TapAt(r, readerMiddle(r, 2))
	var ids []int64
	for _, h := range tapped {
		ids = append(ids, h.ID)
	}
	if !slices.Equal(ids, []int64{7, 3, 9}) {
		t.Errorf("taps reached highlights %v, want [7 3 9]", ids)
	}

	test.MoveMouse(w.Canvas(), readerAbsolute(r, readerMiddle(r, mention.Start+1)))
	if got := r.HoveredLabel(); got != "Rustem Umerov (actor)" {
		t.Errorf("pointing at the mention shows %q", got)
	}
	if !slices.Contains(readerShownTip(r), "Rustem Umerov (actor)") {
		t.Errorf("the label is not drawn: %q", readerShownTip(r))
	}
	test.MoveMouse(w.Canvas(), readerAbsolute(r, readerMiddle(r, 1)))
	if got := r.HoveredLabel(); got != "" {
		t.Errorf("pointing off the highlights shows %q", got)
	}
	if want := []string{"Rustem Umerov (actor)", ""}; !slices.Equal(hovered, want) {
		t.Errorf("OnHighlightHovered saw %q, want %q", hovered, want)
	}
}

// TestReaderHighlightsSpanLines: a highlight across a wrapped line is a
// rectangle on each line.
func TestReaderHighlightsSpanLines(t *testing.T) {
	text := readerTexts[0].text
	hs := []Highlight{{Span: model.Span{Start: 4, End: len(text) - 4}, Colour: color.NRGBA{R: 200, A: 90}}}
	r, _, _ := readerWindow(t, text, hs, fyne.NewSize(250, 400))
	lines := r.layout.lineOf(len(text)-4) - r.layout.lineOf(4) + 1
	if lines < 3 {
		t.Fatalf("the text takes %d lines; the test needs 3", lines)
	}
	if got := len(readerRects(r, hs[0].Colour)); got != lines {
		t.Errorf("the highlight is drawn as %d rectangles, want %d", got, lines)
	}
}

func readerRects(r *Reader, c color.Color) []*canvas.Rectangle {
	var found []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(r).Objects() {
		if rect, ok := o.(*canvas.Rectangle); ok && rect.FillColor == c {
			found = append(found, rect)
		}
	}
	return found
}

func readerShownTip(r *Reader) []string {
	rr := test.WidgetRenderer(r).(*readerRenderer)
	var shown []string
	if slices.Contains(rr.Objects(), fyne.CanvasObject(rr.tipText)) {
		shown = append(shown, rr.tipText.Text)
	}
	return shown
}

func TestReaderWrapsToWidth(t *testing.T) {
	text := strings.Repeat(readerTexts[5].text+" ", 4)
	r, w, _ := readerWindow(t, text, nil, fyne.NewSize(800, 500))
	n := utf8.RuneCountInString(text)
	wide := len(r.layout.lines)
	w.Resize(fyne.NewSize(300, 500))
	narrow := len(r.layout.lines)
	if narrow <= wide {
		t.Fatalf("%d lines at 300 wide, %d at 800", narrow, wide)
	}
	for _, s := range readerShownLines(r) {
		if width := fyne.MeasureText(strings.TrimRight(s, " "), theme.TextSize(), fyne.TextStyle{}).Width; width > r.textWidth()+2 {
			t.Errorf("line %q is %v wide, the reader %v", s, width, r.textWidth())
		}
	}
	readerCheckRoundTrip(t, r, n)
	readerDrag(w, r, 5, n-5)
	if got := r.Selection(); got != (model.Span{Start: 5, End: n - 5}) {
		t.Errorf("drag after wrapping selects %v", got)
	}
}

func TestReaderOpensLongArticle(t *testing.T) {
	text, hs := readerArticle(50_000, 100)
	a := test.NewTempApp(t)
	w := a.NewWindow("reader")
	t.Cleanup(w.Close)
	r := NewReader()
	w.SetContent(r)
	w.Resize(fyne.NewSize(900, 700))
	began := time.Now()
	r.SetText(text, hs)
	took := time.Since(began)
	t.Logf("a %d-byte article with %d highlights opened in %v", len(text), len(hs), took)
	if took > time.Second {
		t.Errorf("opening took %v", took)
	}
	inSight := int(r.Size().Height/r.layout.lineHeight) + 2
	shown := readerShownLines(r)
	if len(shown) > inSight || len(shown) < 10 {
		t.Errorf("%d lines drawn; %d fit in the reader", len(shown), inSight)
	}
	if !strings.HasPrefix(text, shown[0]) {
		t.Errorf("the first line drawn is %q", shown[0])
	}

	test.Scroll(w.Canvas(), readerAbsolute(r, fyne.NewPos(100, 100)), 0, -2000)
	if r.ScrollOffset() != 2000 {
		t.Fatalf("scrolled by %v, want 2000", r.ScrollOffset())
	}
	top := r.PositionAt(fyne.NewPos(r.padding(), r.padding()))
	k := r.layout.lineOf(top)
	if got, want := readerShownLines(r)[0], r.layout.shown(max(k-1, 0)); got != want && got != r.layout.shown(k) {
		t.Errorf("after scrolling the first line drawn is %q, want %q", got, want)
	}
	test.Scroll(w.Canvas(), readerAbsolute(r, fyne.NewPos(100, 100)), 0, -1e7)
	shown = readerShownLines(r)
	if last := shown[len(shown)-1]; !strings.HasSuffix(text, last) {
		t.Errorf("at the bottom the last line drawn is %q", last)
	}
}

func TestReaderSelectScrollsIntoSight(t *testing.T) {
	text, hs := readerArticle(50_000, 100)
	r, _, _ := readerWindow(t, text, hs, fyne.NewSize(900, 700))
	called := false
	r.OnSelectionChanged = func(model.Span) { called = true }
	n := utf8.RuneCountInString(text)
	span := model.Span{Start: n - 3000, End: n - 2900}
	r.Select(span)
	if r.Selection() != span {
		t.Errorf("Select(%v) left selection %v", span, r.Selection())
	}
	if called {
		t.Error("Select told OnSelectionChanged")
	}
	if r.ScrollOffset() == 0 {
		t.Fatal("Select did not scroll")
	}
	for _, i := range []int{span.Start, span.End} {
		if p := r.PointOf(i); p.Y < 0 || p.Y+r.layout.lineHeight > r.Size().Height {
			t.Errorf("code point %d is at %v, out of the reader's %v", i, p, r.Size())
		}
	}
	sel := theme.Current().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	if len(readerRects(r, sel)) == 0 {
		t.Error("the selection is not drawn")
	}
	// Selecting near the top scrolls back up.
	r.Select(model.Span{Start: 10, End: 20})
	if r.ScrollOffset() != 0 {
		t.Errorf("selecting at the top leaves the text scrolled by %v", r.ScrollOffset())
	}
}

// TestReaderDragPastTheBottomScrolls: a drag that leaves the reader below
// scrolls and keeps selecting.
func TestReaderDragPastTheBottomScrolls(t *testing.T) {
	text, _ := readerArticle(20_000, 0)
	r, _, _ := readerWindow(t, text, nil, fyne.NewSize(600, 400))
	start := r.PointOf(0)
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(100, 450)}, Dragged: fyne.NewDelta(100-start.X, 450-start.Y)})
	r.DragEnd()
	if r.ScrollOffset() <= 0 {
		t.Errorf("dragging below the reader did not scroll")
	}
	if got := r.Selection(); got.Start != 0 || got.End != r.PositionAt(fyne.NewPos(100, 450)) {
		t.Errorf("drag selects %v", got)
	}
}

// TestReaderSelectBeforeShown: a selection made before the reader has a
// size is brought into sight when it gets one.
func TestReaderSelectBeforeShown(t *testing.T) {
	test.NewTempApp(t)
	text, _ := readerArticle(20_000, 0)
	r := NewReader()
	r.SetText(text, nil)
	span := model.Span{Start: 15_000, End: 15_020}
	r.Select(span)
	w := fyne.CurrentApp().NewWindow("reader")
	t.Cleanup(w.Close)
	w.SetContent(r)
	w.Resize(fyne.NewSize(600, 400))
	if p := r.PointOf(span.Start); p.Y < 0 || p.Y > r.Size().Height {
		t.Errorf("the selection is at %v, out of the reader's %v", p, r.Size())
	}
	if r.Selection() != span {
		t.Errorf("selection %v, want %v", r.Selection(), span)
	}
}
