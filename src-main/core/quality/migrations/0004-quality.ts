/**
 * Quality and export additions: the source row number travels with each issue (messages and
 * issues.csv name the sheet row without reading raw tables again), and a run log records what each
 * check run covered so `quality.summary` can say when checks last ran.
 */
export const sql = `
ALTER TABLE quality_issue ADD COLUMN source_row_number INTEGER;
CREATE INDEX quality_issue_status ON quality_issue(status, severity);

CREATE TABLE quality_run (
  id INTEGER PRIMARY KEY,
  ran_at TEXT NOT NULL,
  records_checked INTEGER NOT NULL,
  rules_json TEXT NOT NULL
) STRICT;
`
