import { isCellError, type CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import { epochDayFromUtcDate, formatUkDate } from "../dates/epochDay";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { normaliseHeader, type ColumnKey, type ColumnSpec, type SheetSpec } from "../profile/TrackerProfile";
import { cellAddress, columnLetters, parseRangeAddress } from "./cellAddress";
import { columnNameCoverage, headerWordSet, headerWords, spellingSimilarity } from "./headerSimilarity";
import { columnsOfRows } from "./tableColumns";
import type { TableFinding } from "./TableFinding";
import type { MappedColumn, RowsByColumn, TrackerRow, TrackerTable } from "./TrackerTable";

/** How far down a sheet the header row is looked for: title, notes and blank rows sit above it. */
export const HEADER_SEARCH_ROWS = 20;

/** A column read by its closest name needs at least half its header explained by that name. */
export const GUESS_THRESHOLD = 0.5;

/** A header this alike in spelling is offered as a suggestion for a missing required column. */
export const SUGGESTION_THRESHOLD = 0.6;

export interface MissingColumn {
  key: ColumnKey;
  title: string;
  /** The closest header in the sheet that no column was read from, if one is close enough. */
  suggestion?: string;
  /** Its 1-based column number. */
  suggestionColumn?: number;
}

export interface UnknownColumn {
  column: number;
  header: string;
}

/** How a worksheet was read against its profile sheet: the table, and everything said about it. */
export interface TableMapping {
  /** `undefined` when no header row could be found (or the sheet is empty). */
  table: TrackerTable | undefined;
  mapped: MappedColumn[];
  missingRequired: MissingColumn[];
  /** Headed columns no profile column was read from; the add-in keeps them as they are. */
  unknownColumns: UnknownColumn[];
  findings: TableFinding[];
}

interface HeaderCell {
  column: number;
  header: string;
  normalised: string;
}

type MatchKind = "title" | "alias" | "closest";

interface Candidate {
  cell: HeaderCell;
  spec: ColumnSpec;
  specIndex: number;
  kind: MatchKind;
  score: number;
}

/**
 * Finds a tracker sheet's header row and maps its columns to the profile's keys, whatever their
 * order or wording: by title or alias (compared as `normaliseHeader` does), then by the closest
 * name, each column read once. Rows below the header are read to the last used row; entirely empty
 * rows are left out but do not end the table, and hidden rows are read like any other.
 *
 * @example
 * mapTrackerTable(snapshot, profileSheet(DEFAULT_PROFILE, "jointTracker"))
 * // headers under a merged title row: "LAC ID", "D.O.B.", "Date became LAC" → childId, dateOfBirth, ...
 */
export function mapTrackerTable(snapshot: SheetSnapshot, sheet: SheetSpec): TableMapping {
  const name = snapshot.name;
  if (snapshot.values.every(isBlankRow)) {
    return unread([
      finding(
        "SHEET-EMPTY",
        "warning",
        name,
        `The "${name}" sheet is empty: there is nothing to check in it.`,
      ),
    ]);
  }

  const foundRow = findHeaderRow(snapshot, sheet);
  if (foundRow === undefined) {
    const examples = sheet.columns
      .filter((c) => c.required)
      .concat(sheet.columns)
      .slice(0, 2)
      .map((c) => `"${c.title}"`)
      .join(" and ");
    return unread([
      finding(
        "HEADER-NOT-FOUND",
        "error",
        name,
        `No header row found in the first ${HEADER_SEARCH_ROWS} rows of "${name}": no row has two or more ` +
          `${sheet.title} headers such as ${examples}. Add the headers or map the columns in the pane.`,
      ),
    ]);
  }

  const findings: TableFinding[] = [];
  const { row: headerRow, values: headerValues } = headerOverTwoRows(snapshot, foundRow);
  const headers = headerCells(headerValues);
  const { readable, duplicates } = splitDuplicates(headers);
  const assigned = assignColumns(readable, sheet);
  const mappedColumns = new Set(assigned.map((a) => a.cell.column));

  for (const [first, repeats] of duplicates) {
    if (!mappedColumns.has(first.column)) continue;
    const columns = [first, ...repeats].map((c) => columnLetters(c.column)).join(", ");
    findings.push(
      finding(
        "DUPLICATE-HEADER",
        "warning",
        name,
        `"${name}" has ${repeats.length + 1} columns headed "${first.header}" (${columns}): only column ` +
          `${columnLetters(first.column)} is read. Rename the others if they hold something else.`,
        cellAddress(headerRow, first.column),
      ),
    );
  }

  for (const guess of assigned.filter((a) => a.kind === "closest")) {
    findings.push(
      finding(
        "COLUMN-GUESSED",
        "info",
        name,
        `"${name}": column ${columnLetters(guess.cell.column)} "${guess.cell.header}" is read as ` +
          `"${guess.spec.title}" (closest match). Rename the header or remap the column in the pane if that is wrong.`,
        cellAddress(headerRow, guess.cell.column),
      ),
    );
  }

  const unknownColumns: UnknownColumn[] = headers
    .filter((h) => !mappedColumns.has(h.column))
    .map((h) => ({ column: h.column, header: h.header }));

  const mappedKeys = new Set(assigned.map((a) => a.spec.key));
  const missingRequired = sheet.columns
    .filter((c) => c.required && !mappedKeys.has(c.key))
    .map((c) => missingColumn(c, unknownColumns));
  for (const missing of missingRequired) {
    const hint =
      missing.suggestion !== undefined && missing.suggestionColumn !== undefined
        ? ` The closest header is "${missing.suggestion}" in column ${columnLetters(missing.suggestionColumn)}: ` +
          `rename it to "${missing.title}" or map it in the pane if it holds this.`
        : ` Add a column headed "${missing.title}" or map one in the pane.`;
    findings.push(
      finding(
        "REQUIRED-COLUMN-MISSING",
        "error",
        name,
        `"${name}" has no "${missing.title}" column, which every ${sheet.title} row needs.${hint}`,
        missing.suggestionColumn !== undefined ? cellAddress(headerRow, missing.suggestionColumn) : undefined,
      ),
    );
  }

  if (unknownColumns.length > 0) {
    const listed = unknownColumns.map((u) => `"${u.header}" (${columnLetters(u.column)})`).join(", ");
    const count = unknownColumns.length === 1 ? "1 column is" : `${unknownColumns.length} columns are`;
    findings.push(
      finding(
        "COLUMNS-NOT-READ",
        "info",
        name,
        `"${name}": ${count} not used by the add-in and kept as they are: ${listed}.`,
      ),
    );
  }

  const mergesInTable = snapshot.merges.filter((m) => (parseRangeAddress(m)?.top ?? 0) > headerRow);
  if (mergesInTable.length > 0) {
    findings.push(
      finding(
        "MERGED-CELLS-IN-TABLE",
        "warning",
        name,
        `"${name}" has merged cells inside the table (${mergesInTable.join(", ")}): only the top-left cell ` +
          `of each holds a value, the others read as blank.`,
        mergesInTable[0],
      ),
    );
  }

  const hiddenInTable = (snapshot.hiddenRows ?? []).filter((r) => r > headerRow);
  if (hiddenInTable.length > 0) {
    const rows = hiddenInTable.length === 1 ? "1 hidden row" : `${hiddenInTable.length} hidden rows`;
    findings.push(
      finding(
        "HIDDEN-ROWS-READ",
        "info",
        name,
        `"${name}" has ${rows} (${hiddenInTable.join(", ")}): they are read and checked like any other row.`,
      ),
    );
  }

  const columns: MappedColumn[] = assigned
    .map((a) => ({ key: a.spec.key, column: a.cell.column, header: a.cell.header }))
    .sort((a, b) => a.column - b.column);

  // A block copied with its header leaves the header row again part-way down: it is not a child's
  // row (its "dates" are header words), so it is left out and said (issue 10).
  const { kept, repeated: repeatedHeaders } = rowsBelowHeader(snapshot.values, headerRow, columns);
  if (repeatedHeaders.length > 0) {
    findings.push(
      finding(
        "HEADER-ROW-REPEATED",
        "warning",
        name,
        `"${name}" repeats its header row at row ${repeatedHeaders.join(", ")}: ` +
          `${repeatedHeaders.length === 1 ? "that row is" : "those rows are"} not read as data. Delete ${repeatedHeaders.length === 1 ? "it" : "them"} if ${repeatedHeaders.length === 1 ? "it was" : "they were"} pasted by mistake.`,
        cellAddress(repeatedHeaders[0] ?? headerRow, 1),
      ),
    );
  }

  return {
    table: {
      sheetKey: sheet.key,
      sheetName: name,
      headerRow,
      columns,
      ...readRows(snapshot.values, kept, columns, dateKeysOf(sheet)),
    },
    mapped: columns,
    missingRequired,
    unknownColumns,
    findings,
  };
}

function unread(findings: TableFinding[]): TableMapping {
  return { table: undefined, mapped: [], missingRequired: [], unknownColumns: [], findings };
}

function finding(
  code: TableFinding["code"],
  severity: TableFinding["severity"],
  sheet: string,
  message: string,
  cell?: string,
): TableFinding {
  return cell === undefined ? { code, severity, sheet, message } : { code, severity, sheet, cell, message };
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return (row ?? []).every(isBlank);
}

/** A header cell's text: headers are text, but a month or year typed as a header is a number or date. */
function headerText(value: CellValue | undefined): string | undefined {
  if (isBlank(value) || value === undefined || value === null) return undefined;
  if (typeof value === "string") return value.trim().replace(/\s+/g, " ");
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (isCellError(value)) return value.error;
  return String(value);
}

function headerCells(row: readonly CellValue[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  row.forEach((value, index) => {
    const header = headerText(value);
    if (header !== undefined) cells.push({ column: index + 1, header, normalised: normaliseHeader(header) });
  });
  return cells;
}

/** The names a column goes by, title first. */
function namesOf(spec: ColumnSpec): string[] {
  return [spec.title, ...spec.aliases];
}

/** Every word the profile sheet's names use: the words a tracker's headers are made of. */
function vocabularyOf(sheet: SheetSpec): Set<string> {
  const names = [sheet.title, ...sheet.aliases, ...sheet.columns.flatMap(namesOf)];
  return new Set(names.flatMap(headerWords));
}

/**
 * How closely a header names a column, when no name matches exactly; 0 unless it is close enough.
 * Only headers made entirely of tracker words are guessed: "LAC ID" is read as the child's ID, but
 * "Favourite team" is not read as the team just because half of it is "Team".
 */
function closestScore(header: string, spec: ColumnSpec, vocabulary: ReadonlySet<string>): number {
  for (const word of headerWordSet(header)) if (!vocabulary.has(word)) return 0;
  const score = columnNameCoverage(header, namesOf(spec));
  return score >= GUESS_THRESHOLD ? score : 0;
}

/**
 * The header row: of the first rows, the one whose cells match the most column names (exact names
 * count double), at least two of them; the earliest wins a tie. A title merged across columns is a
 * title, not a header, so its cells are not counted.
 */
function findHeaderRow(snapshot: SheetSnapshot, sheet: SheetSpec): number | undefined {
  const titleCells = new Set<string>();
  for (const merge of snapshot.merges) {
    const range = parseRangeAddress(merge);
    if (!range || range.right === range.left) continue;
    for (let r = range.top; r <= range.bottom; r++) titleCells.add(cellAddress(r, range.left));
  }
  const exactNames = new Set(sheet.columns.flatMap(namesOf).map(normaliseHeader));
  const vocabulary = vocabularyOf(sheet);

  let best: { row: number; score: number } | undefined;
  const last = Math.min(HEADER_SEARCH_ROWS, snapshot.values.length);
  for (let row = 1; row <= last; row++) {
    let score = 0;
    let matches = 0;
    for (const cell of headerCells(snapshot.values[row - 1] ?? [])) {
      if (titleCells.has(cellAddress(row, cell.column))) continue;
      if (exactNames.has(cell.normalised)) {
        score += 2;
        matches += 1;
      } else if (sheet.columns.some((spec) => closestScore(cell.header, spec, vocabulary) > 0)) {
        score += 1;
        matches += 1;
      }
    }
    if (matches >= Math.min(2, sheet.columns.length) && (!best || score > best.score)) best = { row, score };
  }
  return best?.row;
}

/**
 * A header split over two rows: group titles merged across the upper row ("Dates" over "Date of
 * birth | Date became looked after") and single headers merged down over both ("Child ID" in A1:A2).
 * A cell merged down over both rows marks such a header; each column's header is then its lower
 * cell, or the upper one where the lower is blank, and the table starts below the lower row.
 */
function headerOverTwoRows(snapshot: SheetSnapshot, found: number): { row: number; values: CellValue[] } {
  for (const top of [found, found - 1]) {
    const spansBoth = snapshot.merges.some((merge) => {
      const range = parseRangeAddress(merge);
      return (
        range !== undefined && range.left === range.right && range.top === top && range.bottom === top + 1
      );
    });
    if (!spansBoth || top < 1) continue;
    const upper = snapshot.values[top - 1] ?? [];
    const lower = snapshot.values[top] ?? [];
    const width = Math.max(upper.length, lower.length);
    const values = Array.from({ length: width }, (_, c) => {
      const below = lower[c] ?? null;
      return below === null || (typeof below === "string" && below.trim() === "")
        ? (upper[c] ?? null)
        : below;
    });
    return { row: top + 1, values };
  }
  return { row: found, values: snapshot.values[found - 1] ?? [] };
}

/** The first of each run of identical headers is read; the repeats are kept but not read. */
function splitDuplicates(headers: readonly HeaderCell[]): {
  readable: HeaderCell[];
  duplicates: Map<HeaderCell, HeaderCell[]>;
} {
  const firstByText = new Map<string, HeaderCell>();
  const duplicates = new Map<HeaderCell, HeaderCell[]>();
  const readable: HeaderCell[] = [];
  for (const cell of headers) {
    const first = firstByText.get(cell.normalised);
    if (first === undefined || cell.normalised === "") {
      firstByText.set(cell.normalised, cell);
      readable.push(cell);
    } else {
      duplicates.set(first, [...(duplicates.get(first) ?? []), cell]);
    }
  }
  return { readable, duplicates };
}

const KIND_RANK: Record<MatchKind, number> = { title: 3, alias: 2, closest: 1 };

/**
 * Each profile column to at most one sheet column and back. Exact titles go first, then aliases
 * (a header naming only one column before a header two columns share, such as "Child"), then the
 * closest names, best first; a header that is equally close to two free columns is left unread
 * rather than guessed.
 */
function assignColumns(headers: readonly HeaderCell[], sheet: SheetSpec): Candidate[] {
  const candidates: Candidate[] = [];
  const exactKeysPerHeader = new Map<number, number>();
  const vocabulary = vocabularyOf(sheet);
  for (const cell of headers) {
    if (headerWords(cell.header).length === 0 && cell.normalised === "") continue;
    sheet.columns.forEach((spec, specIndex) => {
      if (cell.normalised === normaliseHeader(spec.title)) {
        candidates.push({ cell, spec, specIndex, kind: "title", score: 1 });
      } else if (spec.aliases.some((a) => normaliseHeader(a) === cell.normalised)) {
        candidates.push({ cell, spec, specIndex, kind: "alias", score: 1 });
      } else {
        const score = closestScore(cell.header, spec, vocabulary);
        if (score > 0) candidates.push({ cell, spec, specIndex, kind: "closest", score });
        return;
      }
      exactKeysPerHeader.set(cell.column, (exactKeysPerHeader.get(cell.column) ?? 0) + 1);
    });
  }
  candidates.sort(
    (a, b) =>
      KIND_RANK[b.kind] - KIND_RANK[a.kind] ||
      b.score - a.score ||
      (exactKeysPerHeader.get(a.cell.column) ?? 0) - (exactKeysPerHeader.get(b.cell.column) ?? 0) ||
      a.cell.column - b.cell.column ||
      a.specIndex - b.specIndex,
  );

  const usedColumns = new Set<number>();
  const usedKeys = new Set<ColumnKey>();
  const assigned: Candidate[] = [];
  for (const candidate of candidates) {
    if (usedColumns.has(candidate.cell.column) || usedKeys.has(candidate.spec.key)) continue;
    if (candidate.kind === "closest") {
      const rival = candidates.some(
        (other) =>
          other !== candidate &&
          other.kind === "closest" &&
          other.cell.column === candidate.cell.column &&
          other.score === candidate.score &&
          other.spec.key !== candidate.spec.key &&
          !usedKeys.has(other.spec.key),
      );
      if (rival) {
        usedColumns.add(candidate.cell.column);
        continue;
      }
    }
    usedColumns.add(candidate.cell.column);
    usedKeys.add(candidate.spec.key);
    assigned.push(candidate);
  }
  return assigned;
}

/** The closest unread header to a missing column's names, by words or by spelling. */
function missingColumn(spec: ColumnSpec, unknown: readonly UnknownColumn[]): MissingColumn {
  let best: { column: UnknownColumn; score: number } | undefined;
  for (const column of unknown) {
    const normalised = normaliseHeader(column.header);
    const score = Math.max(
      columnNameCoverage(column.header, namesOf(spec)),
      ...namesOf(spec).map((n) => spellingSimilarity(normalised, normaliseHeader(n))),
    );
    if (score >= SUGGESTION_THRESHOLD && (!best || score > best.score)) best = { column, score };
  }
  return best
    ? {
        key: spec.key,
        title: spec.title,
        suggestion: best.column.header,
        suggestionColumn: best.column.column,
      }
    : { key: spec.key, title: spec.title };
}

/**
 * The rows below the header, in one pass: those read as the table's rows (0-based indices) and
 * those left out because their mapped cells hold exactly the header's words again (1-based row
 * numbers). Entirely empty rows are in neither.
 */
function rowsBelowHeader(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly MappedColumn[],
): { kept: number[]; repeated: number[] } {
  const kept: number[] = [];
  const repeated: number[] = [];
  for (let index = headerRow; index < values.length; index++) {
    const cells = values[index];
    if (cells === undefined || isBlankRow(cells)) continue;
    if (columns.length >= 2 && repeatsHeader(cells, columns)) repeated.push(index + 1);
    else kept.push(index);
  }
  return { kept, repeated };
}

// A loop, not `columns.every` with a closure over the row: one closure per row was a tenth of the
// garbage of mapping a 100,000-row tracker.
function repeatsHeader(cells: readonly CellValue[], columns: readonly MappedColumn[]): boolean {
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as MappedColumn;
    if (!readsAs(cells[column.column - 1], column.header)) return false;
  }
  return true;
}

/**
 * Whether a cell reads as this header text. Text shorter than the header cannot (headerText only
 * trims and joins spaces), so most cells are told apart without making their header text.
 */
function readsAs(value: CellValue | undefined, header: string): boolean {
  if (typeof value === "string") {
    if (value === header) return true;
    if (value.length < header.length) return false;
  }
  return headerText(value) === header;
}

function dateKeysOf(sheet: SheetSpec): ReadonlySet<ColumnKey> {
  return new Set(sheet.columns.filter((c) => c.type === "date").map((c) => c.key));
}

/**
 * The table's rows, read column by column: one array of cells per mapped column, and for the date
 * columns one array of their readings as dates, shared with every stage through the table's `byColumn`.
 * Dates are read here, row by row, while each row's cells are at hand: read later column by column,
 * each date cell was a trip to a distant part of memory.
 */
function readRows(
  values: readonly (readonly CellValue[])[],
  kept: readonly number[],
  columns: readonly MappedColumn[],
  dateKeys: ReadonlySet<ColumnKey>,
): RowsByColumn {
  const at = columns.map((c) => c.column - 1);
  const columnCells = columns.map(() => new Array<CellValue>(kept.length));
  const columnDates = columns.map((c) =>
    dateKeys.has(c.key) ? new Array<CellDate>(kept.length) : undefined,
  );
  for (let i = 0; i < kept.length; i++) {
    const cells = values[kept[i] as number] as readonly CellValue[];
    for (let c = 0; c < at.length; c++) {
      const cell = cells[at[c] as number] ?? null;
      (columnCells[c] as CellValue[])[i] = cell;
      const dates = columnDates[c];
      if (dates !== undefined) dates[i] = coerceCellDate(cell);
    }
  }
  const cells = new Map<ColumnKey, CellValue[]>(
    columns.map((c, i) => [c.key, columnCells[i] as CellValue[]]),
  );
  const dates = new Map<ColumnKey, CellDate[]>();
  columns.forEach((c, i) => {
    const read = columnDates[i];
    if (read !== undefined) dates.set(c.key, read);
  });
  const rows = kept.map((index, i): TrackerRow => new ColumnarRow(index + 1, i, cells));
  const rowNumbers = new Int32Array(kept.length);
  for (let i = 0; i < kept.length; i++) rowNumbers[i] = (kept[i] as number) + 1;
  return { rows, byColumn: columnsOfRows(rows, cells, dates, rowNumbers) };
}

/** A row of a table read column by column; its `values` record is made on first use and kept. */
class ColumnarRow implements TrackerRow {
  private record: Readonly<Record<ColumnKey, CellValue>> | undefined;

  constructor(
    readonly rowNumber: number,
    private readonly index: number,
    private readonly cells: ReadonlyMap<ColumnKey, readonly CellValue[]>,
  ) {}

  get values(): Readonly<Record<ColumnKey, CellValue>> {
    if (this.record === undefined) {
      const record: Record<ColumnKey, CellValue> = {};
      for (const [key, cells] of this.cells) record[key] = cells[this.index] ?? null;
      this.record = Object.freeze(record);
    }
    return this.record;
  }
}
