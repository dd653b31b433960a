import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { TableColumns, TrackerRow, TrackerTable } from "./TrackerTable";

/**
 * Rows read column by column (a table's `byColumn`), each column built the first time a stage asks
 * for it and then kept. mapTrackerTable passes the cells it read column by column (`cells`, with its
 * date columns read as dates and each row's number), so those are never rebuilt from the rows; a
 * column it did not map is blank. Without `cells`, each column is read from the rows' values.
 * The summary and agendas read a few dates per row and go through coerceCellDate's own memo.
 */
export function columnsOfRows(
  rows: readonly TrackerRow[],
  cells?: ReadonlyMap<ColumnKey, readonly CellValue[]>,
  dates?: ReadonlyMap<ColumnKey, readonly CellDate[]>,
  rowNumbers?: Int32Array,
): TableColumns {
  return new ColumnsOfRows(rows, cells, dates, rowNumbers);
}

/**
 * A table built from its rows (a test's, a sample's, one whose rows took borrowed columns), with
 * `byColumn` made from those rows.
 */
export function withColumns(table: Omit<TrackerTable, "byColumn">): TrackerTable {
  return { ...table, byColumn: columnsOfRows(table.rows) };
}

class ColumnsOfRows implements TableColumns {
  private readonly valueColumns = new Map<ColumnKey, readonly CellValue[]>();
  private readonly dateColumns = new Map<ColumnKey, readonly CellDate[]>();

  /** `read`: the table's cells by column, when it was read that way; other columns are blank. */
  constructor(
    private readonly rows: readonly TrackerRow[],
    private readonly read?: ReadonlyMap<ColumnKey, readonly CellValue[]>,
    private readonly readDates?: ReadonlyMap<ColumnKey, readonly CellDate[]>,
    private numbers?: Int32Array,
  ) {}

  values(key: ColumnKey): readonly CellValue[] {
    let column = this.valueColumns.get(key) ?? this.read?.get(key);
    if (column === undefined) {
      const cells = new Array<CellValue>(this.rows.length);
      if (this.read !== undefined) cells.fill(null);
      else for (let i = 0; i < cells.length; i++) cells[i] = (this.rows[i] as TrackerRow).values[key] ?? null;
      column = cells;
      this.valueColumns.set(key, column);
    }
    return column;
  }

  dates(key: ColumnKey): readonly CellDate[] {
    let column = this.dateColumns.get(key) ?? this.readDates?.get(key);
    if (column === undefined) {
      column = this.values(key).map(coerceCellDate);
      this.dateColumns.set(key, column);
    }
    return column;
  }

  rowNumbers(): Int32Array {
    if (this.numbers === undefined) {
      this.numbers = new Int32Array(this.rows.length);
      for (let i = 0; i < this.rows.length; i++) this.numbers[i] = (this.rows[i] as TrackerRow).rowNumber;
    }
    return this.numbers;
  }
}
