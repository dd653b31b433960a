import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { TrackerRow } from "./TrackerTable";

/**
 * A table's rows read column by column: a column's cells in row order, and a column's cells read as
 * dates, each built the first time a stage asks for that column and then shared.
 *
 * The checks and the evaluation read the same date columns of the same rows many times per row (a
 * joint tracker row feeds eight standards, several reading the date looked after, and a dozen checks
 * visit every date cell). Reading each cell as a date once per table, into one array per column, and
 * sharing it between them, instead of once per row and stage behind a per-row cache, cut both the
 * time and the garbage of a 100,000-row tracker. The summary and agendas read a few dates per
 * row and go through coerceCellDate's own memo. The columns live beside the rows (a WeakMap keyed by
 * the rows array), so they go when the table goes.
 */
export interface TableColumns {
  /** The column's cells in row order; `null` for a blank cell or a column the table does not map. */
  values(key: ColumnKey): readonly CellValue[];
  /** The column's cells read as dates, in row order. */
  dates(key: ColumnKey): readonly CellDate[];
  /** Each row's Excel row number, in row order: read without going to each row object. */
  rowNumbers(): Int32Array;
}

const BUILT = new WeakMap<readonly TrackerRow[], TableColumns>();

/**
 * Records the cells a table was read into, column by column (and its date columns read as dates),
 * as the columns of its rows: what mapTrackerTable does, so the columns are never rebuilt from the
 * rows. Returns the rows.
 */
export function registerTableColumns<Rows extends readonly TrackerRow[]>(
  rows: Rows,
  cells: ReadonlyMap<ColumnKey, readonly CellValue[]>,
  dates?: ReadonlyMap<ColumnKey, readonly CellDate[]>,
  rowNumbers?: Int32Array,
): Rows {
  BUILT.set(rows, new ColumnsOfRows(rows, cells, dates, rowNumbers));
  return rows;
}

/** The columns of these rows (a table's `rows`), built once and shared. */
export function tableColumnsOf(rows: readonly TrackerRow[]): TableColumns {
  let columns = BUILT.get(rows);
  if (columns === undefined) {
    columns = new ColumnsOfRows(rows);
    BUILT.set(rows, columns);
  }
  return columns;
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
