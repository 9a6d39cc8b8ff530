package app

// importFiles asks for files and imports them, with progress.
func (m *MainWindow) importFiles() { m.later("Importing files")() }

// importFolder asks for a folder and imports what it holds, with progress.
func (m *MainWindow) importFolder() { m.later("Importing a folder")() }

// pasteArticle makes an article of pasted text.
func (m *MainWindow) pasteArticle() { m.later("Pasting text as an article")() }
