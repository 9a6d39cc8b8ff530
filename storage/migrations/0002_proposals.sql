-- Schema version 2: what the extractor proposes and the analyst's verdict.
-- Kind-specific fields (role, speakers, counted thing…) are kept as JSON in
-- detail; they are read back whole, never queried.
CREATE TABLE proposals (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('actor', 'quote', 'document', 'figure')),
    start_cp   INTEGER NOT NULL,
    end_cp     INTEGER NOT NULL,
    text       TEXT NOT NULL CHECK (text <> ''),
    state      TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
    result_id  INTEGER,
    detail     TEXT NOT NULL DEFAULT '{}',
    CHECK (start_cp >= 0 AND end_cp >= start_cp)
);
CREATE UNIQUE INDEX proposals_span ON proposals (article_id, kind, start_cp, end_cp, text);
CREATE INDEX proposals_state ON proposals (state, kind);
