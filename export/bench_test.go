package export

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// BenchmarkWorkbook writes a whole workbook of n articles (with 2n
// excerpts and n mentions) from memory, so that it measures the writer
// alone; the workspace's own benchmark adds the reading.
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		src := sampleSource(n)
		rows := 0
		for _, t := range allTables {
			c, _ := src.Count(context.Background(), t)
			rows += c
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Workbook(context.Background(), io.Discard, src, Options{}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkCSV writes the excerpts of the same workspace as CSV.
func BenchmarkCSV(b *testing.B) {
	src := sampleSource(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CSV(context.Background(), io.Discard, src, Excerpts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(src.excerpts))*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
