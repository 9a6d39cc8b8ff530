-- Dossier workspace schema, version 1.
-- Every table has a stable rowid (id INTEGER PRIMARY KEY: FTS5 external
-- content needs it, VACUUM may renumber implicit rowids) and a UUIDv7 uid
-- so that workspaces of several analysts can be merged. Times are UTC text
-- (RFC 3339 with milliseconds); a missing date is NULL.

PRAGMA application_id = 1146049363; -- "DOSS": marks the file as a Dossier workspace

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    kind        TEXT NOT NULL DEFAULT 'outlet' CHECK (kind IN ('outlet', 'agency', 'author', 'other')),
    url         TEXT NOT NULL DEFAULT '',
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sources_name ON sources (name COLLATE NOCASE);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    title        TEXT NOT NULL CHECK (title <> ''),
    source_id    INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    author       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    retrieved_at TEXT,
    language     TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL CHECK (body <> ''),
    hash         TEXT NOT NULL UNIQUE,
    revision     INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_source ON articles (source_id);
CREATE INDEX articles_published ON articles (published_at);

-- Earlier bodies of corrected articles: a body never changes in place.
CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    body       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (article_id, revision)
);

CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    parent_id   INTEGER REFERENCES tags (id) ON DELETE SET NULL,
    colour      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX tags_name ON tags (ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX tags_parent ON tags (parent_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id);

CREATE TABLE actors (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    name           TEXT NOT NULL CHECK (name <> ''),
    kind           TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'state', 'group')),
    role           TEXT NOT NULL DEFAULT '',
    affiliation_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    country        TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    CHECK (affiliation_id IS NULL OR affiliation_id <> id)
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);
CREATE INDEX actors_affiliation ON actors (affiliation_id);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    title       TEXT NOT NULL CHECK (title <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('plan', 'framework', 'agreement', 'statement', 'letter')),
    status      TEXT NOT NULL CHECK (status IN ('rumoured', 'drafting', 'presented', 'under revision', 'agreed', 'signed', 'rejected', 'superseded')),
    disclosure  TEXT NOT NULL CHECK (disclosure IN ('public', 'undisclosed', 'leaked')),
    description TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_title ON documents (title COLLATE NOCASE);

-- A name under which exactly one actor or document appears. The key is the
-- name folded for comparison; one key belongs to one owner.
CREATE TABLE aliases (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    key         TEXT NOT NULL UNIQUE,
    actor_id    INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    CHECK ((actor_id IS NULL) <> (document_id IS NULL))
);
CREATE INDEX aliases_actor ON aliases (actor_id);
CREATE INDEX aliases_document ON aliases (document_id);

CREATE TABLE excerpts (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_cp    INTEGER NOT NULL,
    end_cp      INTEGER NOT NULL,
    exact       TEXT NOT NULL CHECK (exact <> ''),
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('quote', 'claim', 'figure', 'event', 'other')),
    note        TEXT NOT NULL DEFAULT '',
    stance      TEXT NOT NULL DEFAULT '',
    speaker_id  INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    CHECK (start_cp >= 0 AND end_cp >= start_cp)
);
CREATE INDEX excerpts_article ON excerpts (article_id, start_cp);
CREATE INDEX excerpts_speaker ON excerpts (speaker_id);
CREATE INDEX excerpts_kind ON excerpts (kind);

CREATE TABLE excerpt_tags (
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag_id);

CREATE TABLE excerpt_actors (
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_actors_actor ON excerpt_actors (actor_id);

CREATE TABLE excerpt_documents (
    excerpt_id  INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, document_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_documents_document ON excerpt_documents (document_id);

CREATE TABLE relations (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    from_actor_id       INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    to_actor_id         INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    type                TEXT NOT NULL CHECK (type <> ''),
    from_date           TEXT,
    to_date             TEXT,
    evidence_excerpt_id INTEGER REFERENCES excerpts (id) ON DELETE SET NULL,
    note                TEXT NOT NULL DEFAULT '',
    CHECK (from_actor_id <> to_actor_id)
);
CREATE INDEX relations_from ON relations (from_actor_id);
CREATE INDEX relations_to ON relations (to_actor_id);

CREATE TABLE parties (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('author', 'proposer', 'signatory', 'guarantor', 'opponent')),
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (document_id, actor_id, role)
);
CREATE INDEX parties_actor ON parties (actor_id);

CREATE TABLE status_events (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    document_id         INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    date                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('rumoured', 'drafting', 'presented', 'under revision', 'agreed', 'signed', 'rejected', 'superseded')),
    note                TEXT NOT NULL DEFAULT '',
    evidence_excerpt_id INTEGER REFERENCES excerpts (id) ON DELETE SET NULL
);
CREATE INDEX status_events_document ON status_events (document_id, date);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_cp    INTEGER NOT NULL,
    end_cp      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    actor_id    INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    state       TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected')),
    origin      TEXT NOT NULL CHECK (origin IN ('alias', 'analyst')),
    CHECK ((actor_id IS NULL) <> (document_id IS NULL)),
    CHECK (start_cp >= 0 AND end_cp > start_cp)
);
CREATE UNIQUE INDEX mentions_span ON mentions (article_id, start_cp, end_cp, ifnull(actor_id, 0), ifnull(document_id, 0));
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_document ON mentions (document_id);

-- Full-text search: one external-content FTS5 index per searchable table,
-- kept in sync by the triggers below (the bulk path drops them, loads, and
-- rebuilds). Diacritics are folded so "Zelenskyy" finds "Zelenskyy" with or
-- without accents.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, notes, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE excerpts_fts USING fts5 (exact, note, stance, content = 'excerpts', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE actors_fts USING fts5 (name, role, description, notes, content = 'actors', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, description, notes, content = 'documents', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE aliases_fts USING fts5 (name, content = 'aliases', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body, notes) VALUES (new.id, new.title, new.body, new.notes);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, old.title, old.body, old.notes);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, notes ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, notes) VALUES ('delete', old.id, old.title, old.body, old.notes);
    INSERT INTO articles_fts (rowid, title, body, notes) VALUES (new.id, new.title, new.body, new.notes);
END;

CREATE TRIGGER excerpts_fts_insert AFTER INSERT ON excerpts BEGIN
    INSERT INTO excerpts_fts (rowid, exact, note, stance) VALUES (new.id, new.exact, new.note, new.stance);
END;
CREATE TRIGGER excerpts_fts_delete AFTER DELETE ON excerpts BEGIN
    INSERT INTO excerpts_fts (excerpts_fts, rowid, exact, note, stance) VALUES ('delete', old.id, old.exact, old.note, old.stance);
END;
CREATE TRIGGER excerpts_fts_update AFTER UPDATE OF exact, note, stance ON excerpts BEGIN
    INSERT INTO excerpts_fts (excerpts_fts, rowid, exact, note, stance) VALUES ('delete', old.id, old.exact, old.note, old.stance);
    INSERT INTO excerpts_fts (rowid, exact, note, stance) VALUES (new.id, new.exact, new.note, new.stance);
END;

CREATE TRIGGER actors_fts_insert AFTER INSERT ON actors BEGIN
    INSERT INTO actors_fts (rowid, name, role, description, notes) VALUES (new.id, new.name, new.role, new.description, new.notes);
END;
CREATE TRIGGER actors_fts_delete AFTER DELETE ON actors BEGIN
    INSERT INTO actors_fts (actors_fts, rowid, name, role, description, notes) VALUES ('delete', old.id, old.name, old.role, old.description, old.notes);
END;
CREATE TRIGGER actors_fts_update AFTER UPDATE OF name, role, description, notes ON actors BEGIN
    INSERT INTO actors_fts (actors_fts, rowid, name, role, description, notes) VALUES ('delete', old.id, old.name, old.role, old.description, old.notes);
    INSERT INTO actors_fts (rowid, name, role, description, notes) VALUES (new.id, new.name, new.role, new.description, new.notes);
END;

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, description, notes) VALUES (new.id, new.title, new.description, new.notes);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, description, notes) VALUES ('delete', old.id, old.title, old.description, old.notes);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, description, notes ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, description, notes) VALUES ('delete', old.id, old.title, old.description, old.notes);
    INSERT INTO documents_fts (rowid, title, description, notes) VALUES (new.id, new.title, new.description, new.notes);
END;

CREATE TRIGGER aliases_fts_insert AFTER INSERT ON aliases BEGIN
    INSERT INTO aliases_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER aliases_fts_delete AFTER DELETE ON aliases BEGIN
    INSERT INTO aliases_fts (aliases_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER aliases_fts_update AFTER UPDATE OF name ON aliases BEGIN
    INSERT INTO aliases_fts (aliases_fts, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO aliases_fts (rowid, name) VALUES (new.id, new.name);
END;
