package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// Timeline draws mentions per week as bars, every week between the first
// and the last present so that gaps in the story show. The caption under
// the bars names the week under the pointer, or the one last tapped, since
// bars alone do not say which week they are.
//
// Only the latest timelineMaxWeeks weeks are drawn: one article with a
// wrong date decades back would otherwise make thousands of bars too thin
// to see, and a window too slow to use. The caption says what is left out.
type Timeline struct {
	widget.BaseWidget
	weeks   []model.DatedCount // every week drawn, empty ones at 0
	earlier int                // mentions in the weeks before those drawn
	marked  int                // index into weeks of the named week; -1 for none
}

// timelineMaxWeeks is five years of weeks, about as many bars as a page
// can tell apart.
const timelineMaxWeeks = 260

// Heights of the chart, in Fyne units.
const (
	timelineBarsHeight = 72
	timelineMinBar     = 2  // a week with one mention still shows
	timelineMaxSlot    = 40 // a few weeks read as bars, not as slabs
)

// NewTimeline returns an empty timeline.
func NewTimeline() *Timeline {
	t := &Timeline{marked: -1}
	t.ExtendBaseWidget(t)
	return t
}

// SetCounts shows counts, one per week in order of week, as
// model.WeeklyMentions returns them.
func (t *Timeline) SetCounts(counts []model.DatedCount) {
	t.weeks, t.earlier = timelineWeeks(counts, timelineMaxWeeks)
	t.marked = -1
	t.Refresh()
}

// timelineWeeks returns the latest weeks with a mention, at most limit
// weeks back, with every week between at 0, and how many mentions the
// weeks before hold. Each count goes to the week of its date, so counts
// of any day and in any order add up in the right bar.
func timelineWeeks(counts []model.DatedCount, limit int) (weeks []model.DatedCount, earlier int) {
	byWeek := map[int64]int{}
	var first, last time.Time
	total := 0
	for _, c := range counts {
		if c.Count <= 0 {
			continue
		}
		w := model.WeekOf(c.Week)
		if len(byWeek) == 0 || w.Before(first) {
			first = w
		}
		if len(byWeek) == 0 || w.After(last) {
			last = w
		}
		byWeek[w.Unix()] += c.Count
		total += c.Count
	}
	if len(byWeek) == 0 {
		return nil, 0
	}
	if from := last.AddDate(0, 0, -7*(limit-1)); first.Before(from) {
		first = from
	}
	shown := 0
	for w := first; !w.After(last); w = w.AddDate(0, 0, 7) {
		n := byWeek[w.Unix()]
		weeks = append(weeks, model.DatedCount{Week: w, Count: n})
		shown += n
	}
	return weeks, total - shown
}

// Weeks returns the bars shown, one per week.
func (t *Timeline) Weeks() []model.DatedCount { return t.weeks }

// Caption returns the sentence under the bars.
func (t *Timeline) Caption() string {
	if len(t.weeks) == 0 {
		return "No mentions in dated articles yet."
	}
	if t.marked >= 0 && t.marked < len(t.weeks) {
		w := t.weeks[t.marked]
		return fmt.Sprintf("Week of %s: %s", dayText(w.Week), counted(w.Count, "mention", "mentions"))
	}
	total := 0
	for _, w := range t.weeks {
		total += w.Count
	}
	s := fmt.Sprintf("%s over %s, from the week of %s", counted(total, "mention", "mentions"),
		counted(len(t.weeks), "week", "weeks"), dayText(t.weeks[0].Week))
	if t.earlier > 0 {
		s += fmt.Sprintf("; %s in earlier weeks not drawn", counted(t.earlier, "mention", "mentions"))
	}
	return s
}

// slot is the width given to each week, bar and gap.
func (t *Timeline) slot() float32 {
	if len(t.weeks) == 0 {
		return 0
	}
	return min(t.Size().Width/float32(len(t.weeks)), timelineMaxSlot)
}

// weekAt returns the index of the week drawn at x, or -1.
func (t *Timeline) weekAt(x float32) int {
	slot := t.slot()
	if slot <= 0 || x < 0 {
		return -1
	}
	if i := int(x / slot); i < len(t.weeks) {
		return i
	}
	return -1
}

func (t *Timeline) mark(i int) {
	if i == t.marked {
		return
	}
	t.marked = i
	t.Refresh()
}

// Tapped names the week tapped, for touch screens that have no pointer.
func (t *Timeline) Tapped(e *fyne.PointEvent) { t.mark(t.weekAt(e.Position.X)) }

// MouseIn names the week under the pointer.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.mark(t.weekAt(e.Position.X)) }

// MouseMoved follows the pointer from week to week.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) { t.mark(t.weekAt(e.Position.X)) }

// MouseOut goes back to the summary.
func (t *Timeline) MouseOut() { t.mark(-1) }

// CreateRenderer draws the bars and the caption.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, caption: widget.NewLabel(""), base: canvas.NewLine(color.Transparent)}
	r.caption.Truncation = fyne.TextTruncateEllipsis
	r.Refresh()
	return r
}

type timelineRenderer struct {
	t       *Timeline
	bars    []*canvas.Rectangle
	base    *canvas.Line
	caption *widget.Label
}

func (r *timelineRenderer) MinSize() fyne.Size {
	c := r.caption.MinSize()
	return fyne.NewSize(max(c.Width, 120), timelineBarsHeight+c.Height)
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	r.base.Position1 = fyne.NewPos(0, timelineBarsHeight)
	r.base.Position2 = fyne.NewPos(size.Width, timelineBarsHeight)
	r.caption.Move(fyne.NewPos(0, timelineBarsHeight))
	r.caption.Resize(fyne.NewSize(size.Width, r.caption.MinSize().Height))
	n := len(r.bars)
	if n == 0 {
		return
	}
	peak := 1
	for _, w := range r.t.weeks {
		peak = max(peak, w.Count)
	}
	slot := r.t.slot()
	gap := min(slot/4, 4)
	for i, bar := range r.bars {
		h := float32(0)
		if c := r.t.weeks[i].Count; c > 0 {
			h = max(timelineBarsHeight*float32(c)/float32(peak), timelineMinBar)
		}
		bar.Move(fyne.NewPos(float32(i)*slot+gap/2, timelineBarsHeight-h))
		bar.Resize(fyne.NewSize(slot-gap, h))
	}
}

// Refresh keeps one rectangle per week and colours the named one.
func (r *timelineRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := r.t.Theme()
	for len(r.bars) < len(r.t.weeks) {
		r.bars = append(r.bars, canvas.NewRectangle(color.Transparent))
	}
	r.bars = r.bars[:len(r.t.weeks)]
	for i, bar := range r.bars {
		bar.FillColor = th.Color(theme.ColorNamePrimary, v)
		if i == r.t.marked {
			bar.FillColor = th.Color(theme.ColorNameForeground, v)
		}
		bar.Refresh()
	}
	r.base.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.base.StrokeWidth = 1
	r.caption.SetText(r.t.Caption())
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(r.bars)+2)
	for _, b := range r.bars {
		objs = append(objs, b)
	}
	return append(objs, r.base, r.caption)
}

func (r *timelineRenderer) Destroy() {}

// dayText prints a date as analysts read it in a list: "3 Mar 2025".
func dayText(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
