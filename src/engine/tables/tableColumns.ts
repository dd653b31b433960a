import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { TrackerRow } from "./TrackerTable";

/**
 * A table's rows read column by column: a column's cells in row order, and a column's cells read as
 * dates, each built the first time a stage asks for that column and then shared.
 *
 * Checks, evaluation, agendas and the summary all read the same date columns of the same rows, many
 * times per row (a joint tracker row feeds eight standards, several reading the date looked after).
 * Reading each cell as a date once per table, into one array per column, instead of once per row and
 * stage behind a per-row cache, is what keeps a 100,000-row tracker's garbage and time linear and
 * small (issue 9). The columns live beside the rows (a WeakMap keyed by the rows array), so they go
 * when the table goes, and a table is never read twice.
 */
export interface TableColumns {
  readonly rowCount: number;
  /** The column's cells in row order; `null` for a blank cell or a column the table does not map. */
  values(key: ColumnKey): readonly CellValue[];
  /** The column's cells read as dates, in row order. */
  dates(key: ColumnKey): readonly CellDate[];
}

const BUILT = new WeakMap<readonly TrackerRow[], TableColumns>();

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
  readonly rowCount: number;

  constructor(private readonly rows: readonly TrackerRow[]) {
    this.rowCount = rows.length;
  }

  values(key: ColumnKey): readonly CellValue[] {
    let column = this.valueColumns.get(key);
    if (column === undefined) {
      const cells = new Array<CellValue>(this.rows.length);
      for (let i = 0; i < cells.length; i++) cells[i] = (this.rows[i] as TrackerRow).values[key] ?? null;
      column = cells;
      this.valueColumns.set(key, column);
    }
    return column;
  }

  dates(key: ColumnKey): readonly CellDate[] {
    let column = this.dateColumns.get(key);
    if (column === undefined) {
      column = this.values(key).map(coerceCellDate);
      this.dateColumns.set(key, column);
    }
    return column;
  }
}
