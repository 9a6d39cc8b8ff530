package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// point is a place in the window, in pixels from its top-left corner.
type point struct{ x, y int }

func (p point) isZero() bool { return p == point{} }

// defaultWindow is the size the window opens at on a first start. The
// positions below hold at that size only, so a session refuses to run at
// another.
var defaultWindow = point{1200, 760}

// The fixed parts of the window, measured on screenshots of the real binary
// at the default window size, 1200×760, with Fyne's default theme (dark
// variant, scale 1). Each is the centre of what an analyst would click.
// Fyne draws the main menu bar inside the window, at the top, and opens its
// menus as overlays on the window's canvas, so they appear in screenshots of
// the window and no other X window is made.
var (
	menuFile = point{27, 13} // the bar is 26 px high; "File" spans x 8–45
	menuEdit = point{70, 13}
	menuView = point{118, 13}
	menuHelp = point{169, 13}
)

// The File menu spans x 8–231, y 27–428. Its items are 35 px high and 39 px
// apart, 5 px more across each separator (drawn at y 144, 267 and 389).
// Fyne adds Quit at the end.
var (
	fileNew            = point{60, 44}
	fileOpen           = point{60, 83}
	fileRecent         = point{60, 122}
	fileImportFiles    = point{60, 166}
	fileImportFolder   = point{60, 205}
	filePasteArticle   = point{60, 244}
	fileExportWorkbook = point{60, 289}
	fileExportCSV      = point{60, 328}
	fileBackup         = point{60, 367}
	fileQuit           = point{60, 411}
)

// fileMenuMargin is an x inside the File menu, left of its labels, where
// only the menu's background or an item's highlight is drawn.
const fileMenuMargin = 12

// The Edit menu spans x 50–270, y 27–222, with a separator at y 105.
var (
	editUndo    = point{100, 44}
	editRedo    = point{100, 83}
	editExcerpt = point{100, 127}
	editDelete  = point{100, 166}
	editFind    = point{100, 205}
)

// editMenuMargin is an x inside the Edit menu, left of its labels.
const editMenuMargin = 54

// The rest of the window, for the steps that the views will need: the
// navigation list spans x 0–170 with rows 39 px apart (Articles centred at
// y 48, then Excerpts, Actors, Documents, Tags, Search); the current view
// takes x 178–1196, y 31–712; the status bar is at y 717–759.

// Pacing of the input, close to a person's: Fyne handles input between
// frames and tells clicks from double clicks and presses from drags by
// time and motion, so events come a little apart.
const (
	keyDelay      = "40"   // ms between keys
	typeDelay     = "40"   // ms between typed characters
	clickDelay    = "120"  // ms between the clicks of a double click
	dragPause     = "0.02" // s between the moves of a drag
	dragStepPixel = 8      // how far a drag moves between motion events
)

// stepTimeout bounds any wait for the window or the workspace; the
// machines that run the tests are shared and slow.
const stepTimeout = 60 * time.Second

// How waitIdle tells a still window: settledFrames screenshots running
// that each differ from the one before by no more than blinkAllowance
// pixels, the share of a blinking text cursor or two.
const (
	settledFrames  = 3
	blinkAllowance = 400
)

// session is one dossier window on its own virtual display, driven as an
// analyst drives it, with a numbered screenshot of each step for review.
type session struct {
	t         *testing.T
	display   string
	app       *runningApp
	home      string // the app's home folder; the workspace lives in it
	workspace string
	window    string // the X window id
	origin    point  // the window's top-left corner on the screen
	size      point
	shots     string // the folder of this test's screenshots
	step      int
}

// startSession opens the real binary on a new workspace named name in a
// fresh home folder, and waits until its window is painted and still.
func startSession(t *testing.T, name string) *session {
	t.Helper()
	requireE2E(t)
	requireTools(t, "Xvfb", "xdotool", "import")
	s := &session{t: t, display: startXvfb(t), home: t.TempDir()}
	s.workspace = filepath.Join(s.home, name+".dossier")
	s.app = startApp(t, s.display, s.home, s.workspace)
	s.window = waitForWindow(t, s.display, s.app)
	s.readGeometry()
	if s.size != defaultWindow {
		t.Fatalf("window is %dx%d, want %dx%d: the measured positions hold at the default size only",
			s.size.x, s.size.y, defaultWindow.x, defaultWindow.y)
	}
	s.shots = filepath.Join(screenshotDir, shotFolder(t.Name()))
	// A folder of stale shots from an earlier run would mislead a reviewer.
	if err := os.RemoveAll(s.shots); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	s.waitFor("painted window", func() bool {
		painted, _ := looksPaintedImage(s.capture())
		return painted
	})
	// There is no window manager to hand out the keyboard focus: give it
	// to the window, so keys reach it wherever the pointer is.
	s.xdotool("windowfocus", s.window)
	s.waitIdle()
	return s
}

// shotFolder turns a test name, subtests included, into one folder name.
func shotFolder(testName string) string {
	return strings.NewReplacer("/", "_", " ", "_").Replace(testName)
}

// readGeometry asks X where the window is and how large.
func (s *session) readGeometry() {
	out := s.xdotool("getwindowgeometry", "--shell", s.window)
	values := map[string]int{}
	for line := range strings.Lines(out) {
		key, value, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(value); err == nil {
			values[key] = n
		}
	}
	s.origin = point{values["X"], values["Y"]}
	s.size = point{values["WIDTH"], values["HEIGHT"]}
	if s.size.x == 0 || s.size.y == 0 {
		s.t.Fatalf("cannot read the window's geometry from %q", out)
	}
}

func (s *session) xdotool(args ...string) string {
	s.t.Helper()
	return xdotool(s.t, s.display, args...)
}

// screen gives xdotool the screen coordinates of p.
func (s *session) screen(p point) []string {
	return []string{strconv.Itoa(s.origin.x + p.x), strconv.Itoa(s.origin.y + p.y)}
}

// moveTo puts the pointer at p without clicking.
func (s *session) moveTo(p point) {
	s.t.Helper()
	s.xdotool(append([]string{"mousemove"}, s.screen(p)...)...)
}

// click presses and releases the primary button at p.
func (s *session) click(p point) {
	s.t.Helper()
	s.xdotool(append(append([]string{"mousemove"}, s.screen(p)...), "click", "1")...)
}

// doubleClick clicks twice at p, quickly enough to count as one double click.
func (s *session) doubleClick(p point) {
	s.t.Helper()
	args := append([]string{"mousemove"}, s.screen(p)...)
	s.xdotool(append(args, "click", "--repeat", "2", "--delay", clickDelay, "1")...)
}

// drag presses at from, moves to to in small steps and releases there:
// Fyne sees a drag only in the motion events between press and release.
func (s *session) drag(from, to point) {
	s.t.Helper()
	args := append([]string{"mousemove"}, s.screen(from)...)
	args = append(args, "mousedown", "1")
	steps := max(abs(to.x-from.x), abs(to.y-from.y))/dragStepPixel + 1
	for i := 1; i <= steps; i++ {
		at := point{from.x + (to.x-from.x)*i/steps, from.y + (to.y-from.y)*i/steps}
		args = append(args, "sleep", dragPause, "mousemove")
		args = append(args, s.screen(at)...)
	}
	s.xdotool(append(args, "sleep", dragPause, "mouseup", "1")...)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// key presses each key chord in turn, in xdotool's names: "ctrl+i",
// "shift+End", "Return", "Escape".
func (s *session) key(chords ...string) {
	s.t.Helper()
	s.xdotool(append([]string{"key", "--delay", keyDelay}, chords...)...)
}

// keyRepeat presses chord n times.
func (s *session) keyRepeat(n int, chord string) {
	s.t.Helper()
	if n <= 0 {
		return
	}
	s.xdotool("key", "--repeat", strconv.Itoa(n), "--delay", keyDelay, chord)
}

// typeText types text into whatever has the keyboard focus.
func (s *session) typeText(text string) {
	s.t.Helper()
	s.xdotool("type", "--delay", typeDelay, "--", text)
}

// shot writes a screenshot of the window as the next numbered step,
// NN-name.png, in the test's folder.
func (s *session) shot(name string) {
	s.t.Helper()
	s.step++
	path := filepath.Join(s.shots, fmt.Sprintf("%02d-%s.png", s.step, name))
	if out, err := onDisplay(s.display, "import", "-window", s.window, path).CombinedOutput(); err != nil {
		s.t.Fatalf("screenshot %s: %v: %s", path, err, out)
	}
	s.t.Logf("step %d: %s", s.step, path)
}

// capture takes a screenshot of the window for the test to look at.
func (s *session) capture() image.Image {
	s.t.Helper()
	var stderr bytes.Buffer
	cmd := onDisplay(s.display, "import", "-window", s.window, "png:-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("capture the window: %v: %s", err, stderr.String())
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		s.t.Fatalf("capture the window: %v", err)
	}
	return img
}

// waitFor polls check until it holds; what names the awaited state as a
// noun ("excerpt in the workspace") for the failure message.
func (s *session) waitFor(what string, check func() bool) {
	s.t.Helper()
	poll(s.t, s.app, stepTimeout, what, check)
}

// waitIdle waits until the window stops changing: the app does its work in
// the background and repaints when done, so a picture that holds still for
// a few frames means the last action has had its effect. A text cursor may
// blink meanwhile.
func (s *session) waitIdle() {
	s.t.Helper()
	var last image.Image
	calm, changed := 0, 0
	s.waitFor("still window (the same picture several times running)", func() bool {
		img := s.capture()
		if last != nil {
			changed = changedPixels(last, img)
			if changed <= blinkAllowance {
				calm++
			} else {
				calm = 0
			}
		}
		last = img
		return calm >= settledFrames
	})
}

// changedPixels counts the pixels that differ between a and b; pictures of
// different sizes differ everywhere.
func changedPixels(a, b image.Image) int {
	ab, bb := a.Bounds(), b.Bounds()
	if ab != bb {
		return max(ab.Dx()*ab.Dy(), bb.Dx()*bb.Dy())
	}
	// Screenshots decode as RGBA; comparing their bytes is many times
	// faster than pixel by pixel, which counts when polling.
	if ra, ok := a.(*image.RGBA); ok {
		if rb, ok := b.(*image.RGBA); ok && ra.Stride == rb.Stride {
			return changedRGBA(ra.Pix, rb.Pix)
		}
	}
	n := 0
	for y := ab.Min.Y; y < ab.Max.Y; y++ {
		for x := ab.Min.X; x < ab.Max.X; x++ {
			if colourAt(a, point{x, y}) != colourAt(b, point{x, y}) {
				n++
			}
		}
	}
	return n
}

func changedRGBA(a, b []byte) int {
	n := 0
	for i := 0; i+3 < len(a) && i+3 < len(b); i += 4 {
		if a[i] != b[i] || a[i+1] != b[i+1] || a[i+2] != b[i+2] {
			n++
		}
	}
	return n
}

// colourAt reads the pixel of img at p, without alpha.
func colourAt(img image.Image, p point) color.RGBA {
	r, g, b, _ := img.At(p.x, p.y).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}

// openFileMenu clicks File and waits for the menu to be drawn over the
// window: its bottom row, over the empty end of the navigation list, takes
// the menu's colour.
func (s *session) openFileMenu() {
	s.t.Helper()
	probe := point{fileMenuMargin, fileQuit.y}
	before := colourAt(s.capture(), probe)
	s.click(menuFile)
	s.waitFor("open File menu", func() bool { return colourAt(s.capture(), probe) != before })
}

// quit leaves the app through File › Quit, as an analyst would, and waits
// for it to exit cleanly, which also closes the workspace.
func (s *session) quit() {
	s.t.Helper()
	s.openFileMenu()
	s.click(fileQuit)
	waitForExit(s.t, s.app, "File › Quit")
}

// cli runs the same binary's command line on the session's workspace,
// with the app's home folder, and returns what it prints. Reading commands
// may run while the window is open.
func (s *session) cli(args ...string) []byte {
	s.t.Helper()
	return runCLI(s.t, s.home, s.workspace, args...)
}

// cliJSON runs a command that prints JSON (args include --json) and reads
// its output into v.
func (s *session) cliJSON(v any, args ...string) {
	s.t.Helper()
	decodeJSON(s.t, s.cli(args...), v)
}

func decodeJSON(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("read dossier's JSON: %v\n%s", err, data)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// runCLI runs dossier --workspace workspace args... with home as its home
// folder and fails the test unless it succeeds.
func runCLI(t *testing.T, home, workspace string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"--workspace", workspace}, args...)...)
	cmd.Env = append(os.Environ(),
		"LANG=en_US.UTF-8",
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dossier %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// What the command line prints with --json, as far as the tests read it.
type (
	articleList struct {
		Articles []struct {
			ID    int64  `json:"id"`
			Title string `json:"title"`
		} `json:"articles"`
	}
	excerptJSON struct {
		ID        int64 `json:"id"`
		ArticleID int64 `json:"article_id"`
		Selector  struct {
			Exact string `json:"exact"`
		} `json:"selector"`
		TagIDs []int64 `json:"tag_ids"`
	}
	tagJSON struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
		Path string `json:"path"`
	}
)

// listLimit is above anything a test workspace holds, so one page is all.
const listLimit = "10000"

// articleTitled returns the id of the article with exactly this title, or
// 0 when the workspace holds none.
func (s *session) articleTitled(title string) int64 {
	s.t.Helper()
	var list articleList
	s.cliJSON(&list, "articles", "list", "--json", "--limit", listLimit)
	for _, a := range list.Articles {
		if a.Title == title {
			return a.ID
		}
	}
	return 0
}

// excerptsIn lists the excerpts of one article.
func (s *session) excerptsIn(articleID int64) []excerptJSON {
	s.t.Helper()
	var list struct {
		Excerpts []excerptJSON `json:"excerpts"`
	}
	s.cliJSON(&list, "excerpts", "list", "--json", "--limit", listLimit, "--article", itoa(articleID))
	return list.Excerpts
}

// actorNames lists the names of the workspace's actors.
func (s *session) actorNames() []string {
	s.t.Helper()
	var list struct {
		Actors []struct {
			Name string `json:"name"`
		} `json:"actors"`
	}
	s.cliJSON(&list, "actors", "list", "--json", "--limit", listLimit)
	names := make([]string, len(list.Actors))
	for i, a := range list.Actors {
		names[i] = a.Name
	}
	return names
}

// tagNamed finds a tag of the codebook by its name.
func (s *session) tagNamed(name string) (tagJSON, bool) {
	s.t.Helper()
	var tags []tagJSON
	s.cliJSON(&tags, "tags", "list", "--json")
	for _, tag := range tags {
		if tag.Name == name {
			return tag, true
		}
	}
	return tagJSON{}, false
}
