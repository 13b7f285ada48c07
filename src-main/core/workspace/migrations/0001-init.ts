/**
 * The first schema: workspace identity, imported sources with provenance, the append-only
 * hash-chained audit log, MODS records produced by mapping, quality issues and export runs.
 * Raw rows live in one physical table per imported sheet/table (`raw_<id>`), created by the importer.
 */
export const sql = `
CREATE TABLE workspace_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE source (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  warnings_json TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX source_sha256 ON source(sha256);

CREATE TABLE source_table (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sheet TEXT,
  hidden INTEGER NOT NULL DEFAULT 0,
  data_table TEXT NOT NULL UNIQUE,
  header_row INTEGER,
  row_count INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE source_column (
  table_id INTEGER NOT NULL REFERENCES source_table(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  name TEXT NOT NULL,
  sql_name TEXT NOT NULL,
  PRIMARY KEY (table_id, ordinal)
) STRICT;

CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT,
  details_json TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

CREATE TABLE mods_record (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  record_key TEXT NOT NULL,
  person_key TEXT,
  source_table_id INTEGER REFERENCES source_table(id) ON DELETE SET NULL,
  source_row_id INTEGER,
  values_json TEXT NOT NULL,
  lineage_json TEXT NOT NULL DEFAULT '{}',
  UNIQUE (dataset, record_key)
) STRICT;
CREATE INDEX mods_record_person ON mods_record(person_key);
CREATE INDEX mods_record_source ON mods_record(source_table_id, source_row_id);

CREATE TABLE quality_issue (
  id INTEGER PRIMARY KEY,
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  dataset TEXT,
  record_id INTEGER REFERENCES mods_record(id) ON DELETE CASCADE,
  element_id TEXT,
  source_table_id INTEGER,
  source_row_id INTEGER,
  source_column TEXT,
  value TEXT,
  message TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'waived')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX quality_issue_rule ON quality_issue(rule_id, status);
CREATE INDEX quality_issue_record ON quality_issue(record_id);

CREATE TABLE export_run (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  purpose TEXT NOT NULL,
  pack_name TEXT NOT NULL,
  manifest_json TEXT NOT NULL
) STRICT;
`
