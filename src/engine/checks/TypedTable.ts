import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey, ColumnSpec, SheetSpec, TrackerProfile } from "../profile/TrackerProfile";
import { cellOf, type TrackerRow, type TrackerTable } from "../tables/TrackerTable";
import { cellAddress } from "../tables/cellAddress";

/**
 * A tracker row whose date cells are read once: every check asks the same row for the same dates,
 * and reading a text date is the costly part, so each is read on first use and kept for the others.
 */
export interface TypedRow {
  rowNumber: number;
  /** The raw cell by key (`null` when blank or not mapped). */
  value(key: ColumnKey): CellValue;
  /** The cell read as a date (only for the profile's date columns the table maps). */
  date(key: ColumnKey): CellDate;
  /** The day of a date cell, when it holds a valid date. */
  day(key: ColumnKey): EpochDay | undefined;
  /** The cell as trimmed text, or undefined when blank. Numbers are shown as Excel would. */
  text(key: ColumnKey): string | undefined;
}

export interface TypedTable {
  table: TrackerTable;
  /** The profile's description of the sheet. */
  spec: SheetSpec;
  rows: readonly TypedRow[];
  /** The row with this Excel row number. */
  rowAt(rowNumber: number): TypedRow | undefined;
  /** Whether the sheet has a column with this key. */
  has(key: ColumnKey): boolean;
  /** The profile's columns the table maps, in profile order. */
  mappedColumns: readonly ColumnSpec[];
  /** The A1 address of a row's cell in a column (the header cell's column). */
  address(rowNumber: number, key: ColumnKey): string;
}

const EMPTY: CellDate = { kind: "empty" };

/** Types a table against its sheet of the profile; undefined when the profile does not know the sheet. */
export function typeTable(table: TrackerTable, profile: TrackerProfile): TypedTable | undefined {
  const spec = profile.sheets.find((s) => s.key === table.sheetKey);
  if (!spec) return undefined;
  const columnNumber = new Map(table.columns.map((c) => [c.key, c.column]));
  const mappedColumns = spec.columns.filter((c) => columnNumber.has(c.key));
  const dateKeys = mappedColumns.filter((c) => c.type === "date").map((c) => c.key);
  const rows = table.rows.map((row) => typeRow(row, dateKeys));
  const byNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  return {
    table,
    spec,
    rows,
    rowAt: (rowNumber) => byNumber.get(rowNumber),
    has: (key) => columnNumber.has(key),
    mappedColumns,
    address(rowNumber, key) {
      const column = columnNumber.get(key);
      if (column === undefined) throw new RangeError(`the sheet ${table.sheetName} has no column ${key}`);
      return cellAddress(rowNumber, column);
    },
  };
}

function typeRow(row: TrackerRow, dateKeys: readonly ColumnKey[]): TypedRow {
  // Read on first use and kept: most checks ask for a few columns, several ask for the same ones.
  const dates = new Map<ColumnKey, CellDate>();
  const date = (key: ColumnKey): CellDate => {
    let read = dates.get(key);
    if (read === undefined) {
      read = dateKeys.includes(key) ? coerceCellDate(cellOf(row, key)) : EMPTY;
      dates.set(key, read);
    }
    return read;
  };
  return {
    rowNumber: row.rowNumber,
    value: (key) => cellOf(row, key),
    date,
    day(key) {
      const read = date(key);
      return read.kind === "date" ? read.day : undefined;
    },
    text(key) {
      const value = cellOf(row, key);
      if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      return undefined;
    },
  };
}
