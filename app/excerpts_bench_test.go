package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// excerptsBenchSize is how many excerpts the benchmarks scroll through.
const excerptsBenchSize = 100_000

var excerptsBench struct {
	once sync.Once
	path string
	err  error
}

// excerptsBenchWorkspace opens a workspace of excerptsBenchSize excerpts.
// It is built once, through the bulk path, and kept in the system's
// temporary folder under a name that gives its size, so that later runs
// reuse it; a half-built file is never reused, as it is renamed only once
// complete.
func excerptsBenchWorkspace(b *testing.B) *workspace.Workspace {
	b.Helper()
	excerptsBench.once.Do(func() {
		excerptsBench.path = filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-excerpts-%d.dossier", excerptsBenchSize))
		if _, err := os.Stat(excerptsBench.path); err == nil {
			return
		}
		excerptsBench.err = buildExcerptsBench(excerptsBench.path, excerptsBenchSize)
	})
	if excerptsBench.err != nil {
		b.Fatal(excerptsBench.err)
	}
	ws, err := workspace.Open(excerptsBench.path, workspace.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ws.Close() })
	return ws
}

func buildExcerptsBench(path string, n int) error {
	building := path + ".building"
	os.Remove(building)
	ws, err := workspace.Create(building)
	if err != nil {
		return err
	}
	cast, err := benchCast(context.Background(), ws)
	if err == nil {
		err = fillExcerpts(ws, n, 50, cast)
	}
	if cerr := ws.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("build the benchmark workspace: %w", err)
	}
	return os.Rename(building, path)
}

// benchCast makes the sources, speakers and tags the rows name: a
// workspace of a long story has a few dozen of each.
func benchCast(ctx context.Context, ws *workspace.Workspace) (excerptsCast, error) {
	var c excerptsCast
	for i := range 20 {
		s := model.Source{Name: fmt.Sprintf("Outlet %02d", i), Kind: model.SourceOutlet, Reliability: model.ReliabilityB}
		if err := ws.CreateSource(ctx, &s); err != nil {
			return c, err
		}
		c.sources = append(c.sources, s.ID)
	}
	for i := range 200 {
		// Through storage itself: the workspace would look for each new
		// name in the (still empty) articles.
		a := model.Actor{Name: fmt.Sprintf("Envoy %03d", i), Kind: model.ActorPerson}
		if err := ws.DB.CreateActor(ctx, &a); err != nil {
			return c, err
		}
		c.speakers = append(c.speakers, a.ID)
	}
	for i := range 30 {
		t := model.Tag{Name: fmt.Sprintf("Theme %02d", i)}
		if err := ws.CreateTag(ctx, &t); err != nil {
			return c, err
		}
		c.tags = append(c.tags, t.ID)
	}
	return c, nil
}

// benchWindow opens the window on ws with background work run at once,
// as the tests do, so that a timing covers the reading and the drawing.
func benchWindow(b *testing.B, ws *workspace.Workspace) *MainWindow {
	b.Helper()
	m := newMainWindow(test.NewTempApp(b), ws, func(f func()) { f() })
	b.Cleanup(m.Window.Close)
	return m
}

// openExcerptsView builds a new excerpts view, puts it in the window and
// reads its first page.
func openExcerptsView(m *MainWindow, sort model.ExcerptSort) *excerptsView {
	v := newExcerptsView(m)
	v.query.Sort = sort
	m.Centre.Objects = []fyne.CanvasObject{v.content()}
	m.Centre.Refresh()
	v.reload()
	return v
}

// requireFirstRowShown fails unless the screen shows the first row.
func requireFirstRowShown(b *testing.B, v *excerptsView) {
	b.Helper()
	want := cellText(v, 0, 0)
	for _, text := range shownLabels(v.Table) {
		if text == want && want != "" {
			return
		}
	}
	b.Fatalf("the first row (%q) is not on screen", want)
}

// BenchmarkExcerptsFirstPage times opening the view on a large workspace
// until its first page is on screen.
func BenchmarkExcerptsFirstPage(b *testing.B) {
	ws := excerptsBenchWorkspace(b)
	for _, sort := range []model.ExcerptSort{model.ExcerptsByPosition, model.ExcerptsByQuote, model.ExcerptsBySpeaker} {
		name := string(sort)
		if name == "" {
			name = "position"
		}
		b.Run(name, func(b *testing.B) {
			m := benchWindow(b, ws)
			var v *excerptsView
			for b.Loop() {
				v = openExcerptsView(m, sort)
			}
			requireFirstRowShown(b, v)
			if rows, _ := v.Table.Length(); rows != excerptsBenchSize {
				b.Fatalf("the table has %d rows, want %d", rows, excerptsBenchSize)
			}
			reportHeap(b)
		})
	}
}

// BenchmarkExcerptsScroll scrolls through the first 1,000 rows a screen at
// a time, from an empty cache, and reports the time per screen and per
// page of rows read.
func BenchmarkExcerptsScroll(b *testing.B) {
	ws := excerptsBenchWorkspace(b)
	m := benchWindow(b, ws)
	v := openExcerptsView(m, model.ExcerptsByPosition)
	const through = 1000
	screens := 0
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		v.requery(true)
		b.StartTimer()
		start := time.Now()
		screens += scrollThrough(v, through)
		took += time.Since(start)
	}
	if screens == 0 {
		b.Fatal("nothing was scrolled")
	}
	b.ReportMetric(float64(took.Nanoseconds())/float64(screens), "ns/screen")
	pages := float64(b.N) * through / excerptPageSize
	b.ReportMetric(float64(took.Nanoseconds())/pages, "ns/page")
	if len(v.pages.rows) > excerptPagesKept {
		b.Fatalf("%d pages kept, more than %d", len(v.pages.rows), excerptPagesKept)
	}
	reportHeap(b)
}

// scrollThrough moves the table down a screen at a time until row is in
// sight, and returns how many screens it moved.
func scrollThrough(v *excerptsView, row int) int {
	header := widget.NewButton("Quote", nil).MinSize().Height
	screen := v.Table.Size().Height - header
	rowHeight := newExcerptCell().MinSize().Height + theme.Padding() // and the separator
	screens := 0
	for y := screen; y < float32(row)*rowHeight; y += screen {
		v.Table.ScrollToOffset(fyne.NewPos(0, y))
		screens++
	}
	return screens
}

// reportHeap reports the memory the process holds with the view open.
func reportHeap(b *testing.B) {
	b.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
}
