import type { CellValue } from "../cells/CellValue";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey, ColumnSpec, SheetSpec, TrackerProfile } from "../profile/TrackerProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import { tableColumnsOf, type TableColumns } from "../tables/tableColumns";
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

/** Types a table against its sheet of the profile; undefined when the profile does not know the sheet. */
export function typeTable(table: TrackerTable, profile: TrackerProfile): TypedTable | undefined {
  const spec = profile.sheets.find((s) => s.key === table.sheetKey);
  if (!spec) return undefined;
  const columnNumber = new Map(table.columns.map((c) => [c.key, c.column]));
  const mappedColumns = spec.columns.filter((c) => columnNumber.has(c.key));
  const dateKeys = new Set(mappedColumns.filter((c) => c.type === "date").map((c) => c.key));
  const columns = tableColumnsOf(table.rows);
  const rows = table.rows.map((row, index) => new TypedTrackerRow(row.rowNumber, index, columns, dateKeys));
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

/*
 * One small object per row with its methods on the prototype, reading the table's shared columns
 * (tableColumnsOf): typing 100,000 rows allocates 100,000 small objects, not a closure and a Map
 * each, and each date cell is read as a date once for every check and stage (issue 9).
 */
class TypedTrackerRow implements TypedRow {
  constructor(
    readonly rowNumber: number,
    private readonly index: number,
    private readonly columns: TableColumns,
    private readonly dateKeys: ReadonlySet<ColumnKey>,
  ) {}
  value(key: ColumnKey): CellValue {
    return this.columns.values(key)[this.index] ?? null;
  }
  date(key: ColumnKey): CellDate {
    return this.dateKeys.has(key)
      ? (this.columns.dates(key)[this.index] ?? EMPTY_CELL_DATE)
      : EMPTY_CELL_DATE;
  }
  day(key: ColumnKey): EpochDay | undefined {
    const read = this.date(key);
    return read.kind === "date" ? read.day : undefined;
  }
  text(key: ColumnKey): string | undefined {
    const value = this.value(key);
    if (typeof value === "string") {
      const trimmed = value.trim();
      return trimmed === "" ? undefined : trimmed;
    }
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return undefined;
  }
}
