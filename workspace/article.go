package workspace

import (
	"net/url"
	"time"

	"dossier/ingest"
	"dossier/model"
)

// articleFrom makes the article that an ingested document becomes.
func articleFrom(d ingest.Document, now time.Time) model.Article {
	return model.Article{
		Title:       d.Title,
		Author:      d.Author,
		URL:         absoluteURL(d.URL),
		PublishedAt: d.PublishedAt,
		RetrievedAt: now.UTC(),
		Language:    d.Language,
		Body:        d.Body,
		Hash:        model.ContentHash(d.Body),
	}
}

// absoluteURL keeps a page's own address only when it is absolute http(s):
// a relative canonical link says nothing useful once the page is saved.
func absoluteURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}
