/**
 * Lineage of re-imported sources (docs/importing.md, "Newer exports"): a source may be a newer
 * export of an earlier one; each of its tables points at the table it continues, records the key
 * column that ties rows together, and the highest `_row_id` issued in the lineage so far (row
 * identities are never reused, even for rows that disappeared). Per-table warnings are kept too.
 */
export const sql = `
ALTER TABLE source ADD COLUMN previous_source_id INTEGER REFERENCES source(id) ON DELETE SET NULL;
ALTER TABLE source_table ADD COLUMN previous_table_id INTEGER REFERENCES source_table(id) ON DELETE SET NULL;
ALTER TABLE source_table ADD COLUMN key_column TEXT;
ALTER TABLE source_table ADD COLUMN last_row_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source_table ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';
CREATE INDEX source_file_name ON source(file_name, format);
`
