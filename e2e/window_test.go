package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// screenshotDir keeps the window's screenshot for a person to look at; it
// is ignored by git.
const screenshotDir = "out"

// TestWindowOpens starts the real binary on a virtual display, waits for
// its window, photographs the screen, and quits the app as a desktop would.
func TestWindowOpens(t *testing.T) {
	requireE2E(t)
	requireTools(t, "Xvfb", "xdotool", "import")
	display := startXvfb(t)
	home := t.TempDir()
	app := startApp(t, display, home, filepath.Join(home, "miami-talks.dossier"))

	id := waitForWindow(t, display, app)
	if title := xdotool(t, display, "getwindowname", id); title != "Dossier — miami-talks" {
		t.Errorf("window title = %q, want %q", title, "Dossier — miami-talks")
	}
	shot := filepath.Join(screenshotDir, "window.png")
	waitForPaintedScreen(t, display, app, shot)

	if err := app.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("ask dossier to quit: %v", err)
	}
	waitForExit(t, app, "SIGTERM")
	checkSizeRemembered(t, home)
}

// waitForExit waits for the app to quit after being asked to by how, and
// fails unless it quits cleanly.
func waitForExit(t *testing.T, app *runningApp, how string) {
	t.Helper()
	select {
	case <-app.done:
		if app.err != nil {
			t.Errorf("dossier exited with %v; output:\n%s", app.err, app.output.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("dossier did not quit within 30s of %s; output:\n%s", how, app.output.String())
	}
}

// startXvfb starts a virtual X server on a free display, which it picks and
// reports itself (-displayfd), and stops it when the test ends.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// -br paints the root black, so an unpainted screen is uniformly black.
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-br")
	xvfb.ExtraFiles = []*os.File{w}
	if err := xvfb.Start(); err != nil {
		w.Close()
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = xvfb.Process.Signal(syscall.SIGTERM)
		_ = xvfb.Wait()
	})
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb exited without reporting a display")
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb did not report a display within 30s")
	}
	return ""
}

// runningApp is the dossier process under test.
type runningApp struct {
	cmd    *exec.Cmd
	output *lockedBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // its exit error, readable after done
}

func startApp(t *testing.T, display, home, workspacePath string) *runningApp {
	t.Helper()
	cmd := exec.Command(binary, "--workspace", workspacePath)
	cmd.Env = append(os.Environ(),
		"DISPLAY="+display,
		"LANG=en_US.UTF-8",
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		// The measured positions in steps_test.go hold at scale 1 with
		// the dark variant of Fyne's default theme; a developer's own
		// settings must not move or recolour them.
		"FYNE_SCALE=1",
		"FYNE_THEME=dark",
	)
	app := &runningApp{cmd: cmd, output: &lockedBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = app.output, app.output
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dossier: %v", err)
	}
	go func() {
		app.err = cmd.Wait()
		close(app.done)
	}()
	t.Cleanup(func() {
		select {
		case <-app.done:
		default:
			_ = cmd.Process.Kill()
			<-app.done
		}
	})
	return app
}

// waitForWindow polls until X knows a window named Dossier and returns its
// id, failing early if the app dies.
func waitForWindow(t *testing.T, display string, app *runningApp) string {
	t.Helper()
	var id string
	poll(t, app, 60*time.Second, "a window named Dossier", func() bool {
		out, err := onDisplay(display, "xdotool", "search", "--onlyvisible", "--name", "Dossier").Output()
		if err != nil || len(strings.Fields(string(out))) == 0 {
			return false // xdotool exits 1 until the window exists
		}
		id = strings.Fields(string(out))[0]
		return true
	})
	return id
}

// waitForPaintedScreen captures the screen until the capture shows a
// painted window rather than the empty black root, and leaves it at path.
func waitForPaintedScreen(t *testing.T, display string, app *runningApp, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var last string
	poll(t, app, 30*time.Second, "a painted window on screen", func() bool {
		if out, err := onDisplay(display, "import", "-window", "root", path).CombinedOutput(); err != nil {
			last = "import: " + err.Error() + ": " + string(out)
			return false
		}
		painted, why := looksPainted(path)
		last = why
		return painted
	})
	t.Logf("screenshot: %s (%s)", path, last)
}

// looksPainted reads a PNG and tells whether it shows a painted window.
func looksPainted(path string) (bool, string) {
	f, err := os.Open(path)
	if err != nil {
		return false, err.Error()
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return false, "decode: " + err.Error()
	}
	return looksPaintedImage(img)
}

// looksPaintedImage tells whether img shows a painted window: a good share
// of non-black pixels in more than a handful of colours.
func looksPaintedImage(img image.Image) (bool, string) {
	colours, lit := colourStats(img)
	b := img.Bounds()
	share := float64(lit) / float64(b.Dx()*b.Dy())
	why := fmt.Sprintf("%dx%d, %d colours, %.0f%% non-black", b.Dx(), b.Dy(), colours, share*100)
	return colours >= 8 && share >= 0.25, why
}

func colourStats(img image.Image) (colours, lit int) {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r, g, bl}] = true
			if r|g|bl != 0 {
				lit++
			}
		}
	}
	return len(seen), lit
}

// checkSizeRemembered reads Fyne's preferences file after a clean quit: the
// window size must have been saved.
func checkSizeRemembered(t *testing.T, home string) {
	t.Helper()
	prefs := filepath.Join(home, "config", "fyne", "io.dossier.workbench", "preferences.json")
	data, err := os.ReadFile(prefs)
	if err != nil {
		t.Errorf("preferences after quitting: %v", err)
		return
	}
	if !bytes.Contains(data, []byte(`"window.size"`)) {
		t.Errorf("preferences after quitting = %s, want the window size", data)
	}
}

// poll calls check until it reports true, failing the test at the deadline
// or as soon as the app exits.
func poll(t *testing.T, app *runningApp, timeout time.Duration, what string, check func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !check() {
		select {
		case <-app.done:
			t.Fatalf("dossier exited (%v) before showing %s; output:\n%s", app.err, what, app.output.String())
		case <-ctx.Done():
			t.Fatalf("no %s after %s; dossier output:\n%s", what, timeout, app.output.String())
		case <-tick.C:
		}
	}
}

// onDisplay prepares an X client command for display.
func onDisplay(display, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	return cmd
}

// xdotool runs an xdotool command on display and returns its output.
func xdotool(t *testing.T, display string, args ...string) string {
	t.Helper()
	out, err := onDisplay(display, "xdotool", args...).Output()
	if err != nil {
		t.Fatalf("xdotool %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// lockedBuffer collects the app's output, written by exec's goroutines and
// read by the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// measuredMenus are the menus whose items were measured: where to click
// to open each, an x inside it left of its labels, and its items.
var measuredMenus = []struct {
	name   string
	title  point
	margin int
	items  []point
}{
	{"File", menuFile, fileMenuMargin, []point{fileNew, fileOpen, fileRecent, fileImportFiles,
		fileImportFolder, filePasteArticle, fileExportWorkbook, fileExportCSV, fileBackup, fileQuit}},
	{"Edit", menuEdit, editMenuMargin, []point{editUndo, editRedo, editExcerpt, editDelete, editFind}},
}

// TestMenuOpensWithPointer opens each menu of the bar with the pointer in
// the real window. It checks the measured positions that the workflow tests
// rely on: every measured item lights up, alone, under the pointer; the
// menus open inside the window, not as windows of their own; Escape closes
// them; and File › Quit quits.
func TestMenuOpensWithPointer(t *testing.T) {
	s := startSession(t, "menus")
	closed := s.capture()
	windows := s.appWindows()
	if windows == 0 {
		t.Fatal("xdotool finds no window by the app's process id")
	}
	for _, m := range measuredMenus {
		s.checkMenuItems(m.name, m.title, m.margin, m.items, closed)
	}
	for _, m := range []struct {
		name  string
		title point
	}{{"View", menuView}, {"Help", menuHelp}} {
		// Just below the title: empty navigation list until the menu opens.
		probe := point{m.title.x, fileNew.y}
		s.click(m.title)
		s.waitFor("open "+m.name+" menu", func() bool { return colourAt(s.capture(), probe) != colourAt(closed, probe) })
		s.waitIdle()
		s.shot(strings.ToLower(m.name) + "-menu")
		s.key("Escape")
		s.waitFor("closed "+m.name+" menu", func() bool { return colourAt(s.capture(), probe) == colourAt(closed, probe) })
	}
	if got := s.appWindows(); got != windows {
		t.Errorf("the app has %d windows after opening its menus, want %d: menus belong inside the window", got, windows)
	}
	s.quit()
}

// checkMenuItems opens a menu by its title, moves the pointer onto each
// item and checks that this item, and no other, is highlighted, then
// closes the menu with Escape.
func (s *session) checkMenuItems(name string, title point, margin int, items []point, closed image.Image) {
	s.t.Helper()
	probe := func(p point) point { return point{margin, p.y} }
	last := probe(items[len(items)-1])
	s.click(title)
	s.waitFor("open "+name+" menu", func() bool { return colourAt(s.capture(), last) != colourAt(closed, last) })
	s.waitIdle()
	open := s.capture()
	s.shot(strings.ToLower(name) + "-menu")
	for i, item := range items {
		s.moveTo(item)
		s.waitFor(fmt.Sprintf("highlight on item %d of the %s menu alone", i+1, name), func() bool {
			img := s.capture()
			for j, other := range items {
				lit := colourAt(img, probe(other)) != colourAt(open, probe(other))
				if lit != (i == j) {
					return false
				}
			}
			return true
		})
	}
	s.shot(strings.ToLower(name) + "-menu-last-item")
	s.key("Escape")
	s.waitFor("closed "+name+" menu", func() bool {
		img := s.capture()
		for _, item := range items {
			if colourAt(img, probe(item)) != colourAt(closed, probe(item)) {
				return false
			}
		}
		return true
	})
}

// appWindows counts the visible X windows of the app's process.
func (s *session) appWindows() int {
	s.t.Helper()
	out, err := onDisplay(s.display, "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(s.app.cmd.Process.Pid)).Output()
	if err != nil {
		return 0 // xdotool exits 1 when it finds none
	}
	return len(strings.Fields(string(out)))
}
