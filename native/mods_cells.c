/*
 * mods_cells: a SQLite extension that lets an import hand SQLite a whole batch of rows as one
 * text value plus a small layout, instead of binding every cell separately.
 *
 * Why: binding 15 million short strings costs better-sqlite3 one UTF-8 conversion and two copies
 * per string, which was most of a CSV import's time (docs/performance.md). Here the batch's cells
 * are joined into one JavaScript string (converted once) and SQLite reads the cells from it.
 *
 *   CREATE VIRTUAL TABLE temp.cells USING mods_cells(<width>);
 *   INSERT INTO raw_1 (...) SELECT row_id, row_number, c0, ... FROM temp.cells
 *     WHERE text = ?1 AND layout = ?2;
 *
 * text:   the batch's cells, concatenated in row order (UTF-8, as SQLite stores text).
 * layout: native-endian float64 values, (width + 3) per row: row id (NaN: let SQLite number the
 *         row), row number, gap, then each cell's length in UTF-16 code units (JavaScript's
 *         String.length), or -1 for NULL. `gap` is how many units separate one cell from the
 *         next in the text: 0 when the cells were joined, 1 when the text is the record's own
 *         line with its single-character delimiters (NULL cells come only after the line's).
 *         Lengths are in UTF-16 units because that is what the JavaScript side knows without
 *         encoding anything; they become byte offsets here by walking the UTF-8 text once.
 *
 * Every length and offset is checked against the text: a layout that does not describe the text
 * exactly is an error, never a read outside the buffers. The module is read-only and holds no
 * state between statements.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <stdlib.h>
#include <string.h>

#define MAX_WIDTH 32767
/* Bumped whenever the layout changes; the engine refuses a library built from another version. */
#ifndef LAYOUT_VERSION
#define LAYOUT_VERSION 1
#endif

typedef struct {
  sqlite3_vtab base;
  int width;
} CellsTable;

typedef struct {
  sqlite3_vtab_cursor base;
  int width;
  sqlite3_value *text;   /* copies of the arguments: they must outlive xFilter */
  sqlite3_value *layout;
  const unsigned char *bytes;
  sqlite3_int64 nbytes;
  const unsigned char *layoutBytes;
  sqlite3_int64 rows;
  sqlite3_int64 row;
  sqlite3_int64 pos;     /* byte offset in text while the batch is checked */
  sqlite3_int64 *start;  /* per cell of the batch: byte offset in text, or -1 for NULL */
  sqlite3_int64 *length; /* per cell of the batch: byte length */
} CellsCursor;

static int fail(sqlite3_vtab *table, const char *message) {
  sqlite3_free(table->zErrMsg);
  table->zErrMsg = sqlite3_mprintf("mods_cells: %s", message);
  return SQLITE_ERROR;
}

static int cellsConnect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) {
  (void)aux;
  int width = argc == 4 ? atoi(argv[3]) : 0;
  if (width < 1 || width > MAX_WIDTH) {
    *err = sqlite3_mprintf("mods_cells: give the number of cells per row (1 to %d)", MAX_WIDTH);
    return SQLITE_ERROR;
  }
  /* A batch lives and dies with one connection: never stored in the workspace file itself. */
  if (sqlite3_stricmp(argv[1], "temp") != 0) {
    *err = sqlite3_mprintf("mods_cells: create it in the temp schema only");
    return SQLITE_ERROR;
  }
  sqlite3_str *schema = sqlite3_str_new(db);
  sqlite3_str_appendall(schema, "CREATE TABLE x(row_id, row_number");
  for (int i = 0; i < width; i++) sqlite3_str_appendf(schema, ", c%d", i);
  sqlite3_str_appendall(schema, ", text HIDDEN, layout HIDDEN)");
  char *sql = sqlite3_str_finish(schema);
  if (!sql) return SQLITE_NOMEM;
  int rc = sqlite3_declare_vtab(db, sql);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) return rc;
  /* Not usable from triggers or views, where a schema could smuggle it in. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  CellsTable *table = sqlite3_malloc(sizeof *table);
  if (!table) return SQLITE_NOMEM;
  memset(table, 0, sizeof *table);
  table->width = width;
  *out = &table->base;
  return SQLITE_OK;
}

static int cellsDisconnect(sqlite3_vtab *table) {
  sqlite3_free(table);
  return SQLITE_OK;
}

/* Only one plan: both hidden arguments given with '='. Anything else is refused. */
static int cellsBestIndex(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int width = ((CellsTable *)vtab)->width;
  int text = -1, layout = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c->iColumn == width + 2) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      text = i;
    } else if (c->iColumn == width + 3) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      layout = i;
    }
  }
  if (text < 0 || layout < 0) return fail(vtab, "query it with WHERE text = ? AND layout = ?");
  info->aConstraintUsage[text].argvIndex = 1;
  info->aConstraintUsage[text].omit = 1;
  info->aConstraintUsage[layout].argvIndex = 2;
  info->aConstraintUsage[layout].omit = 1;
  info->estimatedCost = 1;
  info->estimatedRows = 1000;
  return SQLITE_OK;
}

static int cellsOpen(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  CellsCursor *cur = sqlite3_malloc(sizeof *cur);
  if (!cur) return SQLITE_NOMEM;
  memset(cur, 0, sizeof *cur);
  cur->width = ((CellsTable *)vtab)->width;
  *out = &cur->base;
  return SQLITE_OK;
}

static void releaseArguments(CellsCursor *cur) {
  sqlite3_value_free(cur->text);
  sqlite3_value_free(cur->layout);
  sqlite3_free(cur->start);
  sqlite3_free(cur->length);
  cur->text = cur->layout = NULL;
  cur->start = cur->length = NULL;
  cur->bytes = cur->layoutBytes = NULL;
  cur->nbytes = cur->rows = cur->row = cur->pos = 0;
}

static int cellsClose(sqlite3_vtab_cursor *base) {
  releaseArguments((CellsCursor *)base);
  sqlite3_free(base);
  return SQLITE_OK;
}

static double layoutAt(const CellsCursor *cur, sqlite3_int64 index) {
  double value;
  memcpy(&value, cur->layoutBytes + index * (sqlite3_int64)sizeof(double), sizeof value);
  return value;
}

/* Moves pos forward over `units` UTF-16 code units of the UTF-8 text; 0 if the text disagrees. */
static int skipUnits(CellsCursor *cur, double units) {
  if (!(units >= 0 && units <= (double)cur->nbytes)) return 0;
  sqlite3_int64 left = (sqlite3_int64)units;
  if ((double)left != units) return 0;
  sqlite3_int64 p = cur->pos;
  while (left > 0) {
    if (p >= cur->nbytes) return 0;
    unsigned char lead = cur->bytes[p];
    int size = lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 0;
    int units16 = size == 4 ? 2 : 1;
    if (size == 0 || units16 > left || p + size > cur->nbytes) return 0;
    p += size;
    left -= units16;
  }
  cur->pos = p;
  return 1;
}

/* A whole number JavaScript holds exactly (|n| <= 2^53), so the cast to int64 is defined. */
static int isSafeInteger(double n) {
  return n >= -9007199254740992.0 && n <= 9007199254740992.0 && (double)(sqlite3_int64)n == n;
}

/* Finds every cell of row `row` in the text, continuing from pos. */
static int locateRow(CellsCursor *cur, sqlite3_int64 row) {
  sqlite3_int64 at = row * (cur->width + 3);
  double rowId = layoutAt(cur, at);
  if (!(rowId != rowId || isSafeInteger(rowId)) || !isSafeInteger(layoutAt(cur, at + 1))) return 0;
  sqlite3_int64 *start = cur->start + row * cur->width;
  sqlite3_int64 *length = cur->length + row * cur->width;
  double gap = layoutAt(cur, at + 2);
  for (int i = 0; i < cur->width; i++) {
    double units = layoutAt(cur, at + 3 + i);
    if (units == -1) {
      start[i] = -1;
      length[i] = 0;
      continue;
    }
    if (i > 0 && !skipUnits(cur, gap)) return 0;
    sqlite3_int64 from = cur->pos;
    if (!skipUnits(cur, units)) return 0;
    start[i] = from;
    length[i] = cur->pos - from;
  }
  return 1;
}

static int cellsFilter(sqlite3_vtab_cursor *base, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  (void)idxNum;
  (void)idxStr;
  CellsCursor *cur = (CellsCursor *)base;
  releaseArguments(cur);
  if (argc != 2) return fail(base->pVtab, "expected text and layout");
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT || sqlite3_value_type(argv[1]) != SQLITE_BLOB) {
    return fail(base->pVtab, "text must be TEXT and layout a BLOB");
  }
  cur->text = sqlite3_value_dup(argv[0]);
  cur->layout = sqlite3_value_dup(argv[1]);
  if (!cur->text || !cur->layout) return SQLITE_NOMEM;
  cur->bytes = sqlite3_value_text(cur->text);
  cur->nbytes = sqlite3_value_bytes(cur->text);
  cur->layoutBytes = sqlite3_value_blob(cur->layout);
  sqlite3_int64 layoutSize = sqlite3_value_bytes(cur->layout);
  sqlite3_int64 rowSize = (sqlite3_int64)sizeof(double) * (cur->width + 3);
  if (layoutSize % rowSize != 0) return fail(base->pVtab, "the layout is not a whole number of rows");
  if (layoutSize > 0 && (!cur->layoutBytes || !cur->bytes)) return SQLITE_NOMEM;
  cur->rows = layoutSize / rowSize;
  if (cur->rows == 0) return cur->nbytes == 0 ? SQLITE_OK : fail(base->pVtab, "text without a layout");
  /* The whole batch is checked before its first row is returned: a batch that does not add up
     fails here, with nothing of it written (the caller may then retry it another way). */
  sqlite3_uint64 cells = (sqlite3_uint64)cur->rows * (sqlite3_uint64)cur->width;
  cur->start = sqlite3_malloc64(cells * sizeof(sqlite3_int64));
  cur->length = sqlite3_malloc64(cells * sizeof(sqlite3_int64));
  if (!cur->start || !cur->length) return SQLITE_NOMEM;
  for (sqlite3_int64 r = 0; r < cur->rows; r++) {
    if (!locateRow(cur, r)) return fail(base->pVtab, "the layout does not match the text");
  }
  if (cur->pos != cur->nbytes) return fail(base->pVtab, "the text is longer than the layout says");
  return SQLITE_OK;
}

static int cellsNext(sqlite3_vtab_cursor *base) {
  ((CellsCursor *)base)->row++;
  return SQLITE_OK;
}

static int cellsEof(sqlite3_vtab_cursor *base) {
  CellsCursor *cur = (CellsCursor *)base;
  return cur->row >= cur->rows;
}

/* Checked in xFilter: NaN (no row id) or a safe integer. */
static void resultNumber(sqlite3_context *ctx, double value) {
  if (value != value) sqlite3_result_null(ctx);
  else sqlite3_result_int64(ctx, (sqlite3_int64)value);
}

static int cellsColumn(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int column) {
  CellsCursor *cur = (CellsCursor *)base;
  sqlite3_int64 at = cur->row * (cur->width + 3);
  if (column == 0 || column == 1) resultNumber(ctx, layoutAt(cur, at + column));
  else if (column - 2 < cur->width) {
    sqlite3_int64 cell = cur->row * cur->width + (column - 2);
    if (cur->start[cell] < 0) sqlite3_result_null(ctx);
    else sqlite3_result_text64(ctx, (const char *)cur->bytes + cur->start[cell], (sqlite3_uint64)cur->length[cell], SQLITE_TRANSIENT, SQLITE_UTF8);
  } else sqlite3_result_null(ctx);
  return SQLITE_OK;
}

static int cellsRowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  *rowid = ((CellsCursor *)base)->row;
  return SQLITE_OK;
}

static sqlite3_module cellsModule = {
  0, cellsConnect, cellsConnect, cellsBestIndex, cellsDisconnect, cellsDisconnect, cellsOpen, cellsClose,
  cellsFilter, cellsNext, cellsEof, cellsColumn, cellsRowid,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static void layoutVersion(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_int(ctx, LAYOUT_VERSION);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_modscells_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  (void)err;
  SQLITE_EXTENSION_INIT2(api);
  int rc = sqlite3_create_function(db, "mods_cells_version", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, 0, layoutVersion, 0, 0);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_module(db, "mods_cells", &cellsModule, 0);
}
