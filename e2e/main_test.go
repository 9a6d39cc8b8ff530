package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binary is the dossier binary built once for all tests, or "" when the
// tests are off.
var binary string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if os.Getenv("DOSSIER_E2E") != "1" {
		return m.Run() // every test skips and says why
	}
	dir, err := os.MkdirTemp("", "dossier-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "dossier")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = ".." // the module root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: build dossier: %v\n%s", err, out)
		return 1
	}
	// go test caches a package's result unless a file it opened changed. The
	// binary is built from sources this package never opens, so looking at
	// the binary, which lives in a fresh folder each run, keeps a stale
	// result from being reused.
	if _, err := os.Stat(binary); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

// requireE2E skips the test unless the end-to-end tests were asked for.
func requireE2E(t *testing.T) {
	t.Helper()
	if binary == "" {
		t.Skip("end-to-end test: set DOSSIER_E2E=1 to build the binary and run it (the window test needs Xvfb, xdotool and ImageMagick)")
	}
}

// requireTools fails, rather than skips, when a tool is missing: the
// tests were asked for, so a missing tool is a broken set-up.
func requireTools(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Fatalf("%s is needed for this test (make deps-test installs it): %v", n, err)
		}
	}
}
