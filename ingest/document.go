package ingest

import (
	"path/filepath"
	"strings"
	"time"
)

// MaxFileSize is the largest file ingest will read. Articles are text; a
// bigger file is almost certainly something else, and reading it whole would
// cost the analyst memory for nothing.
const MaxFileSize = 20 << 20

// Document is what ingest makes of one file or paste.
type Document struct {
	Title, Author, URL, Language string
	// PublishedAt is zero when the source does not say; otherwise UTC.
	PublishedAt time.Time
	// Body is the normalised plain text that excerpts point into.
	Body string
	// Format is one of "txt", "md", "html", "docx", "eml", "paste".
	Format string
}

// Format names, as stored in Document.Format.
const (
	formatTXT   = "txt"
	formatMD    = "md"
	formatHTML  = "html"
	formatDOCX  = "docx"
	formatEML   = "eml"
	formatPaste = "paste"
)

// formatByExt maps the lower-case file extensions we read to their format.
var formatByExt = map[string]string{
	".txt":      formatTXT,
	".text":     formatTXT,
	".md":       formatMD,
	".markdown": formatMD,
	".html":     formatHTML,
	".htm":      formatHTML,
	".docx":     formatDOCX,
	".eml":      formatEML,
}

// Supported reports whether name has an extension ingest reads. It looks at
// the name only, so a folder import can skip other files without opening
// them.
func Supported(name string) bool {
	_, ok := formatOf(name)
	return ok
}

func formatOf(name string) (string, bool) {
	f, ok := formatByExt[strings.ToLower(filepath.Ext(name))]
	return f, ok
}
