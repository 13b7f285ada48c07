/**
 * Migration 0005: a mapping problem may be a repeated person key (two rows of one sheet giving the
 * same ID). SQLite cannot change a CHECK constraint in place, so the table is rebuilt; its rows are
 * the last apply's problems and are kept as they are.
 */
export const sql = `
CREATE TABLE mapping_problem_0005 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('orphan', 'unmapped-value', 'invalid-value', 'repeated-key')),
  dataset TEXT NOT NULL,
  record_key TEXT NOT NULL,
  element_id TEXT,
  source_table_id INTEGER,
  source_row_id INTEGER,
  source_column TEXT,
  value TEXT,
  message TEXT NOT NULL
) STRICT;
INSERT INTO mapping_problem_0005 SELECT * FROM mapping_problem;
DROP TABLE mapping_problem;
ALTER TABLE mapping_problem_0005 RENAME TO mapping_problem;
CREATE INDEX mapping_problem_kind ON mapping_problem(kind, dataset, element_id);
`
