-- Schema version 4: indexes on the evidence references.
--
-- relations and status_events point at the excerpt that bears them out,
-- ON DELETE SET NULL. SQLite finds the rows to clear through an index on
-- the referring column; without one, every excerpt deleted (and every
-- article, for each of its excerpts) read both tables through. IF NOT
-- EXISTS lets the migration run again over a file whose version was set
-- back, as the migrations before it can.
CREATE INDEX IF NOT EXISTS relations_evidence ON relations (evidence_excerpt_id);
CREATE INDEX IF NOT EXISTS status_events_evidence ON status_events (evidence_excerpt_id);
