package bench

import "testing"

func TestWindowRowsReadCustomMetrics(t *testing.T) {
	out := `goos: linux
BenchmarkReaderOpen50KB-2         	      20	   5142895 ns/op	 1200000 B/op	    6100 allocs/op
BenchmarkReaderOpen50KBPainted-2  	      20	  84000000 ns/op
BenchmarkExcerptsFirstPage/position-2	       5	  40000000 ns/op	   30 heap-MB	  60 sys-MB
BenchmarkExcerptsFirstPage/quote-2	       5	  80000000 ns/op
BenchmarkExcerptsFirstPage/speaker-2	       5	 150000000 ns/op
BenchmarkExcerptsScroll-2         	       5	 900000000 ns/op	   1500000 ns/screen	   3500000 ns/page	   30 heap-MB	   120 sys-MB
PASS`
	rows, err := windowRows(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		ours float64
		met  bool
	}{{5.142895, true}, {84, true}, {40, true}, {80, true}, {150, true}, {3.5, true}, {1.5, true}, {120, true}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if d := rows[i].Ours - w.ours; d > 1e-9 || d < -1e-9 || rows[i].Met != w.met {
			t.Errorf("row %d (%s) = %v met %v, want %v met %v", i, rows[i].Figure, rows[i].Ours, rows[i].Met, w.ours, w.met)
		}
	}
}

func TestWindowRowsSayWhatIsMissing(t *testing.T) {
	rows, err := windowRows("BenchmarkReaderOpen50KB-2 20 250000000 ns/op\n")
	if err == nil {
		t.Fatal("no error for the missing figures")
	}
	if len(rows) != 1 || rows[0].Met {
		t.Errorf("rows = %+v, want one row over its limit", rows)
	}
}
