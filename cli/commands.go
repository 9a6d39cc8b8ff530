package cli

// commands is the command table, in the order `dossier --help` lists them.
//
// To add a command group, write one file for it (workspace_cmds.go,
// import_cmds.go, ...) with a constructor per command like versionCommand,
// and list the constructors here. A command's setup declares its flags and
// returns its runner; the runner gets the parsed positional arguments
// (check them with requireArgs), resolves the workspace with
// e.workspacePath(), prints to e.stdout (writeJSON under --json), and
// returns an error, which Run turns into one line on stderr and an exit code.
// Return usageErrorf for a wrong command line (exit 2) and withHint to
// advise the analyst better than the generic text.
var commands = []*command{
	versionCommand(),
	initCommand(),
	infoCommand(),
	checkCommand(),
	backupCommand(),
	importCommand(),
	articlesListCommand(),
	articlesShowCommand(),
	excerptsAddCommand(),
	excerptsListCommand(),
	tagsAddCommand(),
	tagsRenameCommand(),
	tagsMoveCommand(),
	tagsMergeCommand(),
	tagsDeleteCommand(),
	tagsListCommand(),
	searchCommand(),
	actorsAddCommand(),
	actorsEditCommand(),
	actorsListCommand(),
	actorsShowCommand(),
	actorsAliasCommand(),
	actorsRelateCommand(),
	actorsMergeCommand(),
	actorsDeleteCommand(),
	documentsAddCommand(),
	documentsEditCommand(),
	documentsListCommand(),
	documentsShowCommand(),
	documentsEventCommand(),
	documentsPartyCommand(),
	documentsMergeCommand(),
	documentsDeleteCommand(),
	suggestCommand(),
	acceptCommand(),
	rejectCommand(),
	mentionsListCommand(),
	rescanCommand(),
	exportCommand(),
	listsImportCommand(),
}
