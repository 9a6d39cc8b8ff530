package cli

import "dossier/workspace"

// openWorkspace opens the workspace chosen by --workspace or the environment.
func openWorkspace(e *env) (*workspace.Workspace, error) {
	path, err := e.workspacePath()
	if err != nil {
		return nil, err
	}
	return workspace.Open(path, workspace.Options{})
}

// inWorkspace opens the chosen workspace, runs fn on it and closes it.
// Closing waits for the background scans that a change of names started,
// so that when a command returns its work is all in the file. A failure to
// close counts only when fn succeeded: fn's error says more.
func inWorkspace(e *env, fn func(ws *workspace.Workspace) error) (err error) {
	ws, err := openWorkspace(e)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := ws.Close(); err == nil {
			err = cerr
		}
	}()
	return fn(ws)
}
