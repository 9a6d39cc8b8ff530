package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// EnvPath names the environment variable that points Dossier at a workspace
// file; the --workspace flag overrides it.
const EnvPath = "DOSSIER_WORKSPACE"

// Extension is the file extension of a workspace.
const Extension = ".dossier"

const (
	appFolder   = "Dossier"
	defaultFile = "workspace" + Extension
)

// DefaultPath returns where the workspace lives when the analyst names none:
// workspace.dossier in a Dossier folder under the user's data folder.
func DefaultPath() (string, error) {
	dir, err := dataDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
	if err != nil {
		return "", fmt.Errorf("find the default workspace: %w", err)
	}
	return filepath.Join(dir, appFolder, defaultFile), nil
}

// ResolvePath picks the workspace file: the flag value when given, else
// $DOSSIER_WORKSPACE, else DefaultPath. The result is absolute so that it
// means the same thing in messages, logs and the recent-workspaces list.
func ResolvePath(flagValue string) (string, error) {
	chosen := strings.TrimSpace(flagValue)
	if chosen == "" {
		chosen = strings.TrimSpace(os.Getenv(EnvPath))
	}
	if chosen == "" {
		return DefaultPath()
	}
	abs, err := filepath.Abs(chosen)
	if err != nil {
		return "", fmt.Errorf("resolve workspace path %q: %w", chosen, err)
	}
	return abs, nil
}

// Name returns the short name the window shows for a workspace file: its
// base name without the .dossier extension.
func Name(path string) string {
	base := filepath.Base(path)
	if trimmed := strings.TrimSuffix(base, Extension); trimmed != "" {
		return trimmed
	}
	return base
}

// dataDir returns the per-user folder for application data on goos. It
// takes the environment and home lookup as functions so that every
// platform's rule can be tested on any platform.
func dataDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		if dir := getenv("AppData"); dir != "" {
			return dir, nil
		}
		return "", errors.New("%AppData% is not set")
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, "Library", "Application Support"), nil
	default:
		// The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
		if dir := getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
			return dir, nil
		}
		h, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(h, ".local", "share"), nil
	}
}
