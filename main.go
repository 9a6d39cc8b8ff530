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
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

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
	flagValue, window := windowRequest(args)
	if !window {
		os.Exit(runCommandLine(args))
	}
	path, err := workspace.ResolvePath(flagValue)
	if err == nil {
		err = checkDisplay(runtime.GOOS, os.Getenv)
	}
	if err != nil {
		os.Exit(cli.Fail(os.Stderr, err))
	}
	ws, created, err := workspace.OpenOrCreate(path)
	if err != nil {
		os.Exit(cli.Fail(os.Stderr, err))
	}
	defer ws.Close()
	if created {
		// A first start shows the demo articles rather than an empty
		// window; without them the analyst can still work.
		if err := ws.SeedDemo(context.Background(), assets.Demo); err != nil {
			fmt.Fprintln(os.Stderr, cli.ErrorLine(fmt.Errorf("add the demo articles: %w", err)))
		}
	}
	openWindow(ws)
}

// windowRequest reports whether args ask for the window — nothing but an
// optional --workspace — and with which --workspace value. Everything else
// belongs to the command line: a command, --help, a malformed flag, or a
// word that is no command, which the command line reports as such rather
// than open a window the analyst did not ask for.
func windowRequest(args []string) (workspaceFlag string, ok bool) {
	fs := flag.NewFlagSet("dossier", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&workspaceFlag, "workspace", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return "", false
	}
	return workspaceFlag, true
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

// openWindow shows the main window on the workspace and returns when the
// analyst quits.
func openWindow(ws *workspace.Workspace) {
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID:      appID,
		Name:    appName,
		Version: cli.Version,
		Build:   appBuild,
		Icon:    assets.Icon,
	})
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	w := app.NewMainWindow(a, ws)
	w.SetMessage(ws.Path())
	w.Window.ShowAndRun()
}
