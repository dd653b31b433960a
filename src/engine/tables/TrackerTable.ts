import type { CellValue } from "../cells/CellValue";
import type { CellDate } from "../cells/coerceCellDate";
import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";

/**
 * A tracker sheet as the engine sees it once its header row is found and its columns mapped to
 * profile keys. Unmapped columns are not here: the add-in keeps them and never touches them.
 */
export interface TrackerTable {
  sheetKey: SheetKey;
  /** The worksheet's own name, as the user sees it on the tab. */
  sheetName: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  columns: readonly MappedColumn[];
  /** Every row below the header up to the last used row; entirely empty rows are left out. */
  rows: readonly TrackerRow[];
  /** Columns the rows took from another sheet's rows (the Family Finding sheet's BLA), if any. */
  borrowed?: readonly BorrowedColumn[];
  /**
   * The same rows read column by column (tableColumns.ts), made with them: a table with other rows
   * needs its own (`withColumns({ ...table, rows })`), or it would read the old rows' columns.
   */
  byColumn: TableColumns;
}

/** Rows and the same rows by column: a table, or what an evaluation keeps of one. */
export type RowsByColumn = Pick<TrackerTable, "rows" | "byColumn">;

/**
 * A table's rows read column by column: a column's cells in row order, and a column's cells read as
 * dates. The checks and the evaluation read the same date columns of the same rows many times per
 * row (a joint tracker row feeds eight standards, several reading the date looked after, and a
 * dozen checks visit every date cell): each cell is read as a date once per table, into one array
 * per column, shared by every stage.
 */
export interface TableColumns {
  /** The column's cells in row order; `null` for a blank cell or a column the table does not map. */
  values(key: ColumnKey): readonly CellValue[];
  /** The column's cells read as dates, in row order. */
  dates(key: ColumnKey): readonly CellDate[];
  /** Each row's Excel row number, in row order: read without going to each row object. */
  rowNumbers(): Int32Array;
}

/** A column a table took from another sheet's rows by ID, for agendas and messages to say so. */
export interface BorrowedColumn {
  key: ColumnKey;
  from: SheetKey;
  /** The worksheet it came from, as the user sees it. */
  fromSheetName: string;
  /** Rows that found a value there. */
  found: number;
  /** Rows whose ID has no row in that sheet, by Excel row number and ID. */
  notFound: { rowNumber: number; id: string | null }[];
}

export interface MappedColumn {
  key: ColumnKey;
  /** 1-based column number in the worksheet. */
  column: number;
  /** The header text as found in the sheet. */
  header: string;
}

export interface TrackerRow {
  /** 1-based Excel row number: what a user sees and what every message and link names. */
  rowNumber: number;
  /** Cell values by column key; a mapped column whose cell is blank holds `null`. */
  values: Readonly<Record<ColumnKey, CellValue>>;
}

/** The value of a row's cell by key: `null` for a blank cell or a column the table does not map. */
export function cellOf(row: TrackerRow, key: ColumnKey): CellValue {
  return row.values[key] ?? null;
}
