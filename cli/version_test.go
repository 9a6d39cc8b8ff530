package cli

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestVersionMatchesFyneApp keeps the version in one place in spirit:
// FyneApp.toml, read by Fyne's packaging tool, must agree with Version.
func TestVersionMatchesFyneApp(t *testing.T) {
	f, err := os.Open("../FyneApp.toml")
	if err != nil {
		t.Fatalf("open FyneApp.toml: %v", err)
	}
	defer f.Close()
	got := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), "=")
		if ok && strings.TrimSpace(key) == "Version" {
			got = strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read FyneApp.toml: %v", err)
	}
	if got != Version {
		t.Errorf("FyneApp.toml Version = %q, cli.Version = %q; keep them equal", got, Version)
	}
}
