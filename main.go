// Command dossier is an offline workbench for news and OSINT analysts.
// Started without a command it opens the window on a workspace; with one
// (dossier version, dossier info, ...) it works from the command line.
//
// This file only wires the packages together. It is the one place that
// imports Fyne's app driver, so every other package tests headless.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/theme"

	"dossier/app"
	"dossier/assets"
	"dossier/cli"
	_ "dossier/internal/fynelocale" // before Fyne initialises: see the package
	"dossier/workspace"
)

// Application identity; FyneApp.toml carries the same values for Fyne's
// packaging tool, and a test keeps them in step.
const (
	appID    = "io.dossier.workbench"
	appName  = "Dossier"
	appBuild = 1
)

func main() {
	args := os.Args[1:]
	req, window := windowRequest(args)
	if !window {
		os.Exit(runCommandLine(args))
	}
	os.Exit(runWindow(req))
}

// windowArgs are the flags that go with the window.
type windowArgs struct {
	workspace  string // --workspace: the workspace to open
	screenshot string // --screenshot: write the window as a PNG and quit
	view       string // --view: the view to show first
}

// windowRequest reports whether args ask for the window — nothing but the
// optional --workspace, --screenshot and --view — and with which values.
// Everything else belongs to the command line: a command, --help, a
// malformed flag, or a word that is no command, which the command line
// reports as such rather than open a window the analyst did not ask for.
func windowRequest(args []string) (req windowArgs, ok bool) {
	fs := flag.NewFlagSet("dossier", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&req.workspace, "workspace", "", "")
	fs.StringVar(&req.screenshot, "screenshot", "", "")
	fs.StringVar(&req.view, "view", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return windowArgs{}, false
	}
	return req, true
}

// runWindow opens the window and returns the exit code once it is closed,
// or, for --screenshot, once the picture is written.
func runWindow(req windowArgs) int {
	if err := checkDisplay(runtime.GOOS, os.Getenv); err != nil {
		return cli.Fail(os.Stderr, err)
	}
	a := newApp()
	path, err := workspacePath(req.workspace, a.Preferences())
	if err != nil {
		return cli.Fail(os.Stderr, err)
	}
	ws, err := openWorkspace(path)
	if err != nil {
		return cli.Fail(os.Stderr, err)
	}
	w := app.NewMainWindow(a, ws)
	defer func() {
		if err := w.CloseWorkspace(); err != nil {
			fmt.Fprintln(os.Stderr, cli.ErrorLine(fmt.Errorf("close the workspace: %w", err)))
		}
	}()
	// Without --view the window starts on the articles, the newest open in
	// the reader: a newcomer sees the demo at work rather than a blank page.
	view := req.view
	if view == "" {
		view = "Articles"
	}
	if err := w.ShowView(view); err != nil {
		fmt.Fprintln(os.Stderr, cli.ErrorLine(fmt.Errorf("--view: %w", err)))
		return cli.ExitUsage
	}
	if req.screenshot != "" {
		return screenshot(a, w, req.screenshot)
	}
	app.RememberWorkspace(a.Preferences(), ws.Path())
	w.SetMessage(ws.Path())
	w.Window.ShowAndRun()
	return cli.ExitOK
}

// workspacePath picks the workspace: --workspace, else $DOSSIER_WORKSPACE,
// else the one the window had open last if its file is still there, else
// the default workspace.
func workspacePath(flagValue string, p fyne.Preferences) (string, error) {
	if strings.TrimSpace(flagValue) == "" && strings.TrimSpace(os.Getenv(workspace.EnvPath)) == "" {
		if last := app.LastWorkspace(p); last != "" {
			return last, nil
		}
	}
	return workspace.ResolvePath(flagValue)
}

// openWorkspace opens the workspace at path, creating it when there is no
// file yet.
func openWorkspace(path string) (*workspace.Workspace, error) {
	ws, created, err := workspace.OpenOrCreate(path)
	if err != nil {
		return nil, err
	}
	if created {
		// A first start shows the demo articles rather than an empty
		// window; without them the analyst can still work.
		if err := ws.SeedDemo(context.Background(), assets.Demo); err != nil {
			fmt.Fprintln(os.Stderr, cli.ErrorLine(fmt.Errorf("add the demo articles: %w", err)))
		}
	}
	return ws, nil
}

// newApp starts Fyne with Dossier's identity.
func newApp() fyne.App {
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID:      appID,
		Name:    appName,
		Version: cli.Version,
		Build:   appBuild,
		Icon:    assets.Icon,
	})
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	return a
}

// screenshot shows the window, waits until its views have read the
// workspace and been drawn, writes the window as a PNG to out, and quits.
func screenshot(a fyne.App, w *app.MainWindow, out string) int {
	code := make(chan int, 1)
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			settle(w)
			var img image.Image
			fyne.DoAndWait(func() { img = captureWindow(w.Window) })
			if err := writePNG(out, img); err != nil {
				code <- cli.Fail(os.Stderr, err)
			} else {
				code <- cli.ExitOK
			}
			fyne.Do(a.Quit)
		}()
	})
	w.Window.ShowAndRun()
	select {
	case c := <-code:
		return c
	default: // the window was closed before the picture was taken
		return cli.Fail(os.Stderr, errors.New("the window closed before the screenshot was taken"))
	}
}

// settle waits for the window's reads to finish and their results to be
// drawn. Fyne has no "frame drawn" event; a reload may start another (a
// list selects its first row, whose detail then loads), so it waits
// several rounds of a few frames each.
func settle(w *app.MainWindow) {
	for range 4 {
		w.WaitIdle()
		time.Sleep(150 * time.Millisecond)
	}
}

// captureWindow photographs the window as drawn. Some OpenGL drivers —
// Mesa's software renderer on a virtual X display, for one — cannot read a
// window back and give an empty picture; then the window's content is
// drawn again by Fyne's software painter, without the menu bar, which Fyne
// draws apart from the content.
func captureWindow(win fyne.Window) image.Image {
	if img := win.Canvas().Capture(); img != nil && !blank(img) {
		return img
	}
	content := win.Content()
	size := content.Size()
	if win.Padded() {
		size = size.Add(fyne.NewSquareSize(2 * theme.Padding()))
	}
	c := software.NewCanvas()
	c.SetPadded(win.Padded())
	c.SetScale(win.Canvas().Scale())
	c.Resize(size)
	c.SetContent(content)
	return c.Capture()
}

// blank reports whether no pixel of img is painted at all.
func blank(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0 {
				return false
			}
		}
	}
	return true
}

// writePNG writes img to path as a PNG.
func writePNG(path string, img image.Image) (err error) {
	if img == nil {
		return fmt.Errorf("write the screenshot %s: the window could not be captured", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write the screenshot: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write the screenshot: %w", cerr)
		}
	}()
	if err := png.Encode(f, img); err != nil {
		return fmt.Errorf("write the screenshot %s: %w", path, err)
	}
	return nil
}

// checkDisplay refuses to open the window where there is no display to
// open it on, which Fyne would only report with a panic. On Linux and the
// BSDs Fyne draws through X11 (XWayland on a Wayland desktop).
func checkDisplay(goos string, getenv func(string) string) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("cannot open the window: no display (DISPLAY is not set); " +
				"start dossier from a desktop session, or run 'dossier --help' for the commands that need no window")
		}
	}
	return nil
}

// runCommandLine runs a command, cancelling its context on Ctrl+C or
// SIGTERM so that long work stops cleanly.
func runCommandLine(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return cli.Run(ctx, args, os.Stdout, os.Stderr)
}
