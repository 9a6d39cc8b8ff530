package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// excerptsView is every excerpt of the workspace in one table, filtered
// and sorted by the analyst, with the chosen one in detail at the right.
// A workspace may hold a hundred thousand excerpts: the table knows only
// their count and reads rows from a small cache of pages, which are fetched
// in the background as the analyst scrolls to them (excerpts_pages.go).
type excerptsView struct {
	m   *MainWindow
	box fyne.CanvasObject

	// Table lists the excerpts; its header row sorts them.
	Table *widget.Table
	// Count says how many excerpts pass the filters.
	Count   *widget.Label
	filters *excerptFilters
	detail  *excerptDetail

	// query is what the table shows: the filters and the order. Its Page
	// is unused; each page sets its own.
	query model.ExcerptFilter
	pages excerptPages
}

// excerptColumn is a column of the table and the order its header gives.
type excerptColumn struct {
	title string
	sort  model.ExcerptSort
	width float32
}

var excerptTableColumns = []excerptColumn{
	{"Quote", model.ExcerptsByQuote, 320},
	{"Kind", model.ExcerptsByKind, 80},
	{"Article", model.ExcerptsByArticle, 220},
	{"Source", model.ExcerptsBySource, 140},
	{"Published", model.ExcerptsByPublished, 110},
	{"Speaker", model.ExcerptsBySpeaker, 150},
	{"Tags", model.ExcerptsByTags, 160},
	{"Grading", model.ExcerptsByCredibility, 90},
	{"Created", model.ExcerptsByCreated, 150},
}

func newExcerptsView(m *MainWindow) *excerptsView {
	v := &excerptsView{m: m}
	v.pages.reset()
	return v
}

func (v *excerptsView) title() string { return "Excerpts" }

func (v *excerptsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = v.build()
	}
	return v.box
}

func (v *excerptsView) build() fyne.CanvasObject {
	v.Count = widget.NewLabel("")
	v.Table = v.newTable()
	v.filters = newExcerptFilters(v.filtersChanged)
	v.detail = newExcerptDetail(v)
	split := container.NewHSplit(v.Table, v.detail.content())
	split.Offset = 0.7
	top := container.NewVBox(v.filters.content(), v.Count)
	return container.NewBorder(top, nil, nil, nil, split)
}

// reload reads the workspace again after it changed, keeping the place,
// the filters and the order: the names the rows show and the lists the
// filters offer may have changed too.
func (v *excerptsView) reload() {
	v.content()
	v.pages.names = newExcerptNames()
	v.requery(false)
	v.filters.load(v.m)
	v.detail.reload()
}

func (v *excerptsView) newTable() *widget.Table {
	t := widget.NewTable(v.size, newExcerptCell, v.updateCell)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	t.UpdateHeader = v.updateHeader
	t.OnSelected = func(id widget.TableCellID) { v.rowSelected(id.Row) }
	for i, c := range excerptTableColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

func (v *excerptsView) size() (rows, cols int) {
	return v.pages.total, len(excerptTableColumns)
}

// updateCell shows what the page cache holds; a row whose page is not
// there yet stays blank until the page arrives.
func (v *excerptsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell, ok := o.(*excerptCell)
	if !ok {
		return
	}
	v.pages.filling = true
	row, ok := v.rowAt(id.Row)
	v.pages.filling = false
	if !ok || id.Col < 0 || id.Col >= len(row.cells) {
		cell.SetText("")
		return
	}
	cell.SetText(row.cells[id.Col])
}

// updateHeader names the column and marks the one the rows are sorted by.
func (v *excerptsView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b, ok := o.(*widget.Button)
	if !ok || id.Col < 0 || id.Col >= len(excerptTableColumns) {
		return
	}
	c := excerptTableColumns[id.Col]
	b.SetText(c.title + v.sortMark(c.sort))
	b.OnTapped = func() { v.sortBy(c.sort) }
}

func (v *excerptsView) sortMark(s model.ExcerptSort) string {
	switch {
	case v.query.Sort != s || s == model.ExcerptsByPosition:
		return ""
	case v.query.Desc:
		return " ▼"
	}
	return " ▲"
}

// sortBy orders the rows by a column; asked again, it reverses the order.
func (v *excerptsView) sortBy(s model.ExcerptSort) {
	if v.query.Sort == s {
		v.query.Desc = !v.query.Desc
	} else {
		v.query.Sort, v.query.Desc = s, false
	}
	v.requery(true)
}

// filtersChanged takes the filter bar's new choice; the order stays.
func (v *excerptsView) filtersChanged(f model.ExcerptFilter) {
	f.Sort, f.Desc = v.query.Sort, v.query.Desc
	if f == v.query {
		return
	}
	v.query = f
	v.requery(true)
}

// requery forgets the pages and reads the first again, with the count;
// top brings the table back to its first row. Rows on screen elsewhere ask
// for their own pages as they are drawn.
func (v *excerptsView) requery(top bool) {
	v.pages.forget()
	v.Table.UnselectAll()
	if top {
		v.Table.ScrollToTop()
	}
	if _, ok := v.pages.rows[0]; ok {
		// It arrived while the table refilled its top rows, which does
		// not redraw the table; the count may have changed.
		v.Table.Refresh()
		return
	}
	v.fetchPage(0)
}

func (v *excerptsView) rowSelected(i int) {
	row, ok := v.rowAt(i)
	if !ok {
		return
	}
	v.detail.show(row.excerpt.ID)
}

// countText says how many excerpts the table holds.
func countText(n int) string {
	switch n {
	case 0:
		return "No excerpts"
	case 1:
		return "1 excerpt"
	}
	return groupThousands(n) + " excerpts"
}

// groupThousands writes 12345 as 12,345.
func groupThousands(n int) string {
	s := []byte{}
	digits := []byte(strconv.Itoa(n))
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			s = append(s, ',')
		}
		s = append(s, d)
	}
	return string(s)
}

// deleteSelected deletes the chosen item (Edit > Delete…).
func (v *excerptsView) deleteSelected() bool {
	if v.detail.shown.ID == 0 {
		return false
	}
	v.detail.deleteShown()
	return true
}
