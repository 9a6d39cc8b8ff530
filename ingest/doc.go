// Package ingest turns the files an analyst brings in (.txt, .md, .html,
// .docx, .eml) and pasted text into a Document: normalised plain text plus
// the metadata the file carries. It never fetches anything a file refers to,
// and it refuses, with a reason the analyst can act on, whatever it cannot
// read safely.
package ingest
