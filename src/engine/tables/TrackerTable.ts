import type { CellValue } from "../cells/CellValue";
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
