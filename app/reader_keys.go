package app

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ fyne.Focusable    = (*Reader)(nil)
	_ fyne.Shortcutable = (*Reader)(nil)
	_ desktop.Keyable   = (*Reader)(nil)
)

// FocusGained shows the caret.
func (r *Reader) FocusGained() {
	r.focused = true
	r.Refresh()
}

// FocusLost hides the caret.
func (r *Reader) FocusLost() {
	r.focused, r.shift = false, false
	r.Refresh()
}

// TypedRune ignores typing: the text is read, not edited.
func (r *Reader) TypedRune(rune) {}

// KeyDown notes Shift, which the key events themselves do not carry.
func (r *Reader) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.shift = true
	}
}

// KeyUp notes the release of Shift.
func (r *Reader) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.shift = false
	}
}

func (r *Reader) shiftHeld() bool {
	if r.shift {
		return true
	}
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// TypedKey moves the caret; with Shift held it moves the end of the
// selection.
func (r *Reader) TypedKey(ev *fyne.KeyEvent) {
	extend := r.shiftHeld()
	s := r.Selection()
	switch ev.Name {
	case fyne.KeyLeft:
		if s.End > s.Start && !extend {
			r.moveCaret(s.Start, false)
			return
		}
		r.moveCaret(r.caret-1, extend)
	case fyne.KeyRight:
		if s.End > s.Start && !extend {
			r.moveCaret(s.End, false)
			return
		}
		r.moveCaret(r.caret+1, extend)
	case fyne.KeyUp:
		r.moveLines(-1, extend)
	case fyne.KeyDown:
		r.moveLines(1, extend)
	case fyne.KeyPageUp:
		r.moveLines(-r.linesInSight(), extend)
	case fyne.KeyPageDown:
		r.moveLines(r.linesInSight(), extend)
	case fyne.KeyHome:
		if len(r.layout.lines) > 0 {
			r.moveCaret(r.layout.lines[r.layout.lineOf(r.caret)].start, extend)
		}
	case fyne.KeyEnd:
		if len(r.layout.lines) > 0 {
			r.moveCaret(r.layout.lineEnd(r.layout.lineOf(r.caret)), extend)
		}
	case fyne.KeyEscape:
		r.moveCaret(r.caret, false)
	}
}

// TypedShortcut copies, selects all, and moves by word or to either end
// of the text. Other shortcuts go on to the window, which would not see
// them while the reader has the focus.
func (r *Reader) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		r.copySelection(s.Clipboard)
		return
	case *fyne.ShortcutSelectAll:
		r.goalX = -1
		r.setSelection(0, len(r.layout.runes))
		return
	case *desktop.CustomShortcut:
		if r.typedMove(s) {
			return
		}
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(r).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// typedMove moves by word with Ctrl and Left or Right, and to either end
// with Ctrl and Home or End; Shift extends the selection.
func (r *Reader) typedMove(s *desktop.CustomShortcut) bool {
	extend := s.Modifier&fyne.KeyModifierShift != 0
	if s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper|fyne.KeyModifierAlt) == 0 {
		return false
	}
	switch s.KeyName {
	case fyne.KeyLeft:
		r.moveCaret(r.wordStartBefore(r.caret), extend)
	case fyne.KeyRight:
		r.moveCaret(r.wordEndAfter(r.caret), extend)
	case fyne.KeyHome:
		r.moveCaret(0, extend)
	case fyne.KeyEnd:
		r.moveCaret(len(r.layout.runes), extend)
	default:
		return false
	}
	return true
}

func (r *Reader) copySelection(c fyne.Clipboard) {
	text := r.SelectedText()
	if text == "" {
		return
	}
	if c == nil {
		c = fyne.CurrentApp().Clipboard()
	}
	c.SetContent(text)
}

// moveCaret puts the caret at i, keeping the anchor when extend is set,
// and scrolls the caret into sight.
func (r *Reader) moveCaret(i int, extend bool) {
	i = min(max(i, 0), len(r.layout.runes))
	r.goalX = -1
	r.moveCaretKeepingGoal(i, extend)
}

func (r *Reader) moveCaretKeepingGoal(i int, extend bool) {
	r.scrollToSee(i, i)
	if extend {
		r.setSelection(r.anchor, i)
	} else {
		r.setSelection(i, i)
	}
}

// moveLines moves the caret n lines down (up when n < 0), aiming at the
// column where vertical moves began.
func (r *Reader) moveLines(n int, extend bool) {
	l := &r.layout
	if len(l.lines) == 0 {
		return
	}
	k := l.lineOf(r.caret)
	if r.goalX < 0 {
		r.goalX = l.x(k, r.caret)
	}
	to := k + n
	switch {
	case to < 0:
		r.moveCaretKeepingGoal(0, extend)
	case to >= len(l.lines):
		r.moveCaretKeepingGoal(len(l.runes), extend)
	default:
		r.moveCaretKeepingGoal(l.positionIn(to, r.goalX), extend)
	}
}

func (r *Reader) linesInSight() int {
	if r.layout.lineHeight <= 0 {
		return 1
	}
	return max(int((r.Size().Height-2*r.padding())/r.layout.lineHeight)-1, 1)
}

// selectWordAt selects the word under p, or the run of spaces or the one
// mark of punctuation there.
func (r *Reader) selectWordAt(p fyne.Position) {
	n := len(r.layout.runes)
	if n == 0 {
		return
	}
	i := r.runeUnder(p)
	if i < 0 {
		i = min(r.PositionAt(p), n-1)
	}
	start, end := i, i+1
	switch {
	case r.isWordAt(i):
		for start > 0 && r.isWordAt(start-1) {
			start--
		}
		for end < n && r.isWordAt(end) {
			end++
		}
	case r.layout.runes[i] == ' ' || r.layout.runes[i] == '\t':
		for start > 0 && (r.layout.runes[start-1] == ' ' || r.layout.runes[start-1] == '\t') {
			start--
		}
		for end < n && (r.layout.runes[end] == ' ' || r.layout.runes[end] == '\t') {
			end++
		}
	}
	r.goalX = -1
	r.setSelection(start, end)
}

// selectParagraphAt selects the paragraph under p, without its newline.
func (r *Reader) selectParagraphAt(p fyne.Position) {
	runes := r.layout.runes
	i := r.runeUnder(p)
	if i < 0 {
		i = r.PositionAt(p)
	}
	start, end := i, i
	for start > 0 && runes[start-1] != '\n' {
		start--
	}
	for end < len(runes) && runes[end] != '\n' {
		end++
	}
	r.goalX = -1
	r.setSelection(start, end)
}

// isWordAt says whether code point i is part of a word: a letter, digit or
// mark, or an apostrophe between two of them ("Ukraine’s").
func (r *Reader) isWordAt(i int) bool {
	runes := r.layout.runes
	if isWordRune(runes[i]) {
		return true
	}
	if runes[i] != '\'' && runes[i] != '’' {
		return false
	}
	return i > 0 && i+1 < len(runes) && isWordRune(runes[i-1]) && isWordRune(runes[i+1])
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_'
}

// wordEndAfter is the end of the word at or after i.
func (r *Reader) wordEndAfter(i int) int {
	n := len(r.layout.runes)
	for i < n && !r.isWordAt(i) {
		i++
	}
	for i < n && r.isWordAt(i) {
		i++
	}
	return i
}

// wordStartBefore is the start of the word before i.
func (r *Reader) wordStartBefore(i int) int {
	for i > 0 && !r.isWordAt(i-1) {
		i--
	}
	for i > 0 && r.isWordAt(i-1) {
		i--
	}
	return i
}
