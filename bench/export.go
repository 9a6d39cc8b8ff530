package bench

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

//go:embed xlsxwriter_peer.py
var xlsxwriterPeer []byte

// peerPython is Debian's interpreter, which has python3-xlsxwriter.
const peerPython = "/usr/bin/python3"

// exportSuite: the full workbook of the loaded workspace, written by
// Dossier in a process of its own (wall time and peak memory), next to
// XlsxWriter in constant_memory mode writing the same rows and columns.
func exportSuite(ctx context.Context, env *Env) ([]Row, error) {
	path, err := env.loaded(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := env.Scratch("export")
	if err != nil {
		return nil, err
	}
	exporter := filepath.Join(dir, "exporter")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", exporter, "dossier/bench/cmd/exporter").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build the exporter: %v: %s", err, out)
	}
	book := filepath.Join(dir, "ours.xlsx")
	cmd := exec.CommandContext(ctx, exporter, path, book)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("export: %v", err)
	}
	var ours float64
	var oursKiB int64
	if _, err := fmt.Sscanf(string(out), "%f %d", &ours, &oursKiB); err != nil {
		return nil, fmt.Errorf("export printed %q", out)
	}

	sheets, rows, err := sheetsAsTSV(book, dir)
	if err != nil {
		return nil, err
	}
	script := filepath.Join(dir, "peer.py")
	if err := os.WriteFile(script, xlsxwriterPeer, 0o644); err != nil {
		return nil, err
	}
	peer := exec.CommandContext(ctx, peerPython, append([]string{script, filepath.Join(dir, "peer.xlsx")}, sheets...)...)
	pout, err := peer.Output()
	if err != nil {
		return nil, fmt.Errorf("XlsxWriter (Debian package python3-xlsxwriter; `make bench` installs it): %v", err)
	}
	var theirs float64
	var theirsKiB int64
	if _, err := fmt.Sscanf(string(pout), "%f %d", &theirs, &theirsKiB); err != nil {
		return nil, fmt.Errorf("XlsxWriter printed %q", pout)
	}
	fig := fmt.Sprintf("full workbook, %d sheets, %d rows", len(sheets), rows)
	peerBy := "XlsxWriter constant_memory, same rows and columns"
	return []Row{
		{Issue: "export", Figure: fig + ", wall time", Ours: ours, Peer: theirs, PeerBy: peerBy, Unit: "s",
			Target: "faster than XlsxWriter", Met: ours < theirs},
		{Issue: "export", Figure: fig + ", peak memory of the process", Ours: float64(oursKiB) / 1024, Peer: float64(theirsKiB) / 1024,
			PeerBy: peerBy, Unit: "MB", Target: "≤ 200 MB", Met: float64(oursKiB)/1024 <= 200},
	}, nil
}

// sheetsAsTSV reads every sheet of our workbook back and writes it as a
// tab-separated file for the peer: the sheet's name, the kind of each
// column (n: number, s: anything else), the header, then the rows.
func sheetsAsTSV(book, dir string) ([]string, int, error) {
	f, err := excelize.OpenFile(book)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var files []string
	total := 0
	for i, name := range f.GetSheetList() {
		if name == "Summary" { // a chart and a few counts: nothing to stream
			continue
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) == 0 {
			continue
		}
		kinds := columnKinds(f, name, len(rows[0]), len(rows))
		var b strings.Builder
		b.WriteString(name + "\n" + strings.Join(kinds, "\t") + "\n")
		for _, r := range rows {
			for j := range rows[0] {
				if j > 0 {
					b.WriteByte('\t')
				}
				if j < len(r) {
					b.WriteString(strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`).Replace(r[j]))
				}
			}
			b.WriteByte('\n')
		}
		p := filepath.Join(dir, fmt.Sprintf("sheet%d.tsv", i))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return nil, 0, err
		}
		files = append(files, p)
		total += len(rows) - 1
	}
	return files, total, nil
}

// columnKinds looks at the second row of a sheet for number cells.
func columnKinds(f *excelize.File, sheet string, cols, rows int) []string {
	kinds := make([]string, cols)
	for j := range kinds {
		kinds[j] = "s"
		if rows < 2 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(j+1, 2)
		if t, err := f.GetCellType(sheet, cell); err == nil && t == excelize.CellTypeNumber {
			kinds[j] = "n"
		}
	}
	return kinds
}
