-- Schema version 3: full-text indexes kept in few segments.
--
-- An FTS5 index is a set of segments; a search looks a word up in each of
-- them. Every write transaction adds a segment, and a bulk 'rebuild'
-- writes one each time its buffer of pending words (1 MB by default)
-- fills: 10,000 articles came out in six. Besides the extra lookups, since
-- SQLite 3.54 FTS5's statement that finds a word in a segment is planned
-- anew whenever the segment it is asked about changes to or from number 1:
-- over six segments, a third of its runs. On 10,000 articles and 100,000
-- excerpts, one segment per index took 47% off the time of 20 searches.
--
-- hashsize is the buffer: 64 MB lets a bulk load of ordinary size leave
-- one segment. It is memory used while a large transaction writes, and
-- only then: rebuilding 10,000 articles of 5 KB peaked at 39 MB, against
-- 8 MB with the default. 'optimize' merges
-- what a workspace made before this version into one segment. Both are
-- FTS5's own settings and commands; the indexes' contents do not change.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO excerpts_fts (excerpts_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO actors_fts (actors_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO aliases_fts (aliases_fts, rank) VALUES ('hashsize', 67108864);

INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
INSERT INTO excerpts_fts (excerpts_fts) VALUES ('optimize');
INSERT INTO actors_fts (actors_fts) VALUES ('optimize');
INSERT INTO documents_fts (documents_fts) VALUES ('optimize');
INSERT INTO aliases_fts (aliases_fts) VALUES ('optimize');
