/**
 * Mapping state: the saved mapping per source table, the header memory that feeds suggestions,
 * imported templates, a content hash per produced MODS record (so re-applying rewrites only what
 * changed and leaves later edits of unchanged records alone), and the problems of the last apply
 * (orphans, unmapped coded values, values that fail their datatype) that the quality stage reads.
 */
export const sql = `
CREATE TABLE mapping_table (
  table_id INTEGER PRIMARY KEY REFERENCES source_table(id) ON DELETE CASCADE,
  mapping_json TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE mapping_memory (
  header_key TEXT NOT NULL,
  element_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  transforms_json TEXT NOT NULL DEFAULT '[]',
  uses INTEGER NOT NULL DEFAULT 1,
  last_used TEXT NOT NULL,
  PRIMARY KEY (header_key, element_id, origin)
) STRICT;

CREATE TABLE mapping_template (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  template_json TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (name, version)
) STRICT;

CREATE TABLE mapping_record_state (
  record_id INTEGER PRIMARY KEY REFERENCES mods_record(id) ON DELETE CASCADE,
  hash TEXT NOT NULL
) STRICT;

CREATE TABLE mapping_problem (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('orphan', 'unmapped-value', 'invalid-value')),
  dataset TEXT NOT NULL,
  record_key TEXT NOT NULL,
  element_id TEXT,
  source_table_id INTEGER,
  source_row_id INTEGER,
  source_column TEXT,
  value TEXT,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX mapping_problem_kind ON mapping_problem(kind, dataset, element_id);
`
