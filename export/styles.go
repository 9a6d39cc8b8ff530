package export

import (
	"github.com/xuri/excelize/v2"
)

// styles holds the workbook's cell styles, made once: excelize looks a new
// style up among all the others every time one is asked for.
type styles struct {
	header, text, wrap, number, date, dateTime, link int
	title, label                                     int
}

const (
	dateFormat     = "yyyy-mm-dd"
	dateTimeFormat = "yyyy-mm-dd hh:mm"
	headerFill     = "D9E1F2"
	linkColour     = "0563C1"
)

func newStyles(f *excelize.File) (styles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	var st styles
	specs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.header, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
			Alignment: &excelize.Alignment{Vertical: "center"},
			Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
		}},
		{&st.text, excelize.Style{Alignment: top}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.number, excelize.Style{Alignment: top, NumFmt: 1}},
		{&st.date, excelize.Style{Alignment: top, CustomNumFmt: ptr(dateFormat)}},
		{&st.dateTime, excelize.Style{Alignment: top, CustomNumFmt: ptr(dateTimeFormat)}},
		{&st.link, excelize.Style{Alignment: top, Font: &excelize.Font{Color: linkColour, Underline: "single"}}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.label, excelize.Style{Font: &excelize.Font{Bold: true}}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.s)
		if err != nil {
			return st, err
		}
		*sp.id = id
	}
	return st, nil
}

// forKind is the style of a cell of a column of kind k.
func (st styles) forKind(k kind) int {
	switch k {
	case kLongText:
		return st.wrap
	case kNumber:
		return st.number
	case kDate:
		return st.date
	case kDateTime:
		return st.dateTime
	}
	return st.text
}

func ptr[T any](v T) *T { return &v }
