package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"dossier/model"
)

func timelineWeek(day string) time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	return t
}

// timelineCounts: three weeks with mentions around a two-week gap.
var timelineCounts = []model.DatedCount{
	{Week: timelineWeek("2025-03-03"), Count: 2},
	{Week: timelineWeek("2025-03-10"), Count: 4},
	{Week: timelineWeek("2025-03-31"), Count: 1},
}

// timelineWindow shows a timeline alone in a window 500 wide.
func timelineWindow(t *testing.T, counts []model.DatedCount) (*Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tl := NewTimeline()
	tl.SetCounts(counts)
	w := test.NewWindow(tl)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(500, tl.MinSize().Height))
	return tl, w
}

func TestTimelineDrawsEveryWeek(t *testing.T) {
	tl, _ := timelineWindow(t, timelineCounts)
	if tl.slot() != timelineMaxSlot {
		t.Errorf("in a wide window each week takes %v, want at most %v", tl.slot(), float32(timelineMaxSlot))
	}
	want := []int{2, 4, 0, 0, 1}
	weeks := tl.Weeks()
	if len(weeks) != len(want) {
		t.Fatalf("%d bars, want %d: %v", len(weeks), len(want), weeks)
	}
	bars := timelineBars(tl)
	for i, w := range weeks {
		if w.Count != want[i] || !w.Week.Equal(timelineWeek("2025-03-03").AddDate(0, 0, 7*i)) {
			t.Errorf("bar %d = %v, want %d in the week of %d", i, w, want[i], i)
		}
	}
	// The busiest week fills the height; the others are to scale.
	if h := bars[1].Size().Height; h != timelineBarsHeight {
		t.Errorf("the busiest bar is %v high, want %v", h, float32(timelineBarsHeight))
	}
	if h := bars[0].Size().Height; h != timelineBarsHeight/2 {
		t.Errorf("a bar of 2 of 4 is %v high, want half", h)
	}
	if h := bars[2].Size().Height; h != 0 {
		t.Errorf("an empty week is %v high", h)
	}
	if got, want := tl.Caption(), "7 mentions over 5 weeks, from the week of 3 Mar 2025"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
}

// timelineBars returns the bars as drawn, in order of week.
func timelineBars(tl *Timeline) []*canvas.Rectangle {
	var bars []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(tl).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok {
			bars = append(bars, r)
		}
	}
	return bars
}

func TestTimelineNamesTheWeekUnderThePointer(t *testing.T) {
	tl, w := timelineWindow(t, timelineCounts)
	slot := tl.slot()
	test.MoveMouse(w.Canvas(), fyne.NewPos(slot*1.5, 20))
	if got, want := tl.Caption(), "Week of 10 Mar 2025: 4 mentions"; got != want {
		t.Errorf("pointer over the second bar: caption %q, want %q", got, want)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(slot*4.5, 60))
	if got, want := tl.Caption(), "Week of 31 Mar 2025: 1 mention"; got != want {
		t.Errorf("pointer over the last bar: caption %q, want %q", got, want)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(slot*5.5, 20)) // right of the last week
	if got := tl.Caption(); got != "7 mentions over 5 weeks, from the week of 3 Mar 2025" {
		t.Errorf("pointer past the bars: caption %q", got)
	}
	test.TapAt(tl, fyne.NewPos(slot*2.5, 10))
	if got, want := tl.Caption(), "Week of 17 Mar 2025: 0 mentions"; got != want {
		t.Errorf("tap on an empty week: caption %q, want %q", got, want)
	}
}

func TestTimelineWithoutMentions(t *testing.T) {
	tl, w := timelineWindow(t, nil)
	test.MoveMouse(w.Canvas(), fyne.NewPos(100, 20))
	if len(tl.Weeks()) != 0 || tl.Caption() != "No mentions in dated articles yet." {
		t.Errorf("empty timeline: %v, %q", tl.Weeks(), tl.Caption())
	}
	tl.SetCounts(timelineCounts[:1])
	if len(tl.Weeks()) != 1 || tl.Caption() != "2 mentions over 1 week, from the week of 3 Mar 2025" {
		t.Errorf("one week: %v, %q", tl.Weeks(), tl.Caption())
	}
}

func TestTimelineDrawsOnlyTheLatestWeeks(t *testing.T) {
	latest := timelineWeek("2025-03-31")
	counts := []model.DatedCount{
		{Week: timelineWeek("0001-01-01"), Count: 1}, // a date typed wrong
		{Week: timelineWeek("1970-01-01"), Count: 2}, // a date read as zero
		{Week: latest, Count: 3},
		{Week: timelineWeek("2025-03-12"), Count: 4}, // a Wednesday, out of order
		{Week: timelineWeek("2025-03-10"), Count: 1},
	}
	tl, _ := timelineWindow(t, counts)
	weeks := tl.Weeks()
	if len(weeks) != timelineMaxWeeks {
		t.Fatalf("%d bars, want the latest %d weeks", len(weeks), timelineMaxWeeks)
	}
	if got := len(timelineBars(tl)); got != timelineMaxWeeks {
		t.Errorf("%d rectangles drawn, want %d", got, timelineMaxWeeks)
	}
	if !weeks[len(weeks)-1].Week.Equal(latest) || weeks[len(weeks)-1].Count != 3 {
		t.Errorf("last bar = %v, want 3 in the week of %s", weeks[len(weeks)-1], latest)
	}
	if w := weeks[len(weeks)-4]; !w.Week.Equal(timelineWeek("2025-03-10")) || w.Count != 5 {
		t.Errorf("the week of 10 Mar 2025 = %v, want its two counts summed to 5", w)
	}
	for i := 1; i < len(weeks); i++ {
		if !weeks[i].Week.Equal(weeks[i-1].Week.AddDate(0, 0, 7)) {
			t.Fatalf("bar %d is the week of %s, not the week after %s", i, weeks[i].Week, weeks[i-1].Week)
		}
	}
	want := "8 mentions over 260 weeks, from the week of " + dayText(weeks[0].Week) + "; 3 mentions in earlier weeks not drawn"
	if got := tl.Caption(); got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
}
