import type { CellValue } from "../cells/CellValue";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { TrackerRow } from "../tables/TrackerTable";
import { tableColumnsOf, type TableColumns } from "../tables/tableColumns";

/**
 * A tracker row as the evaluator reads it: a joint tracker row feeds eight standards, several of them
 * reading the same BLA date.
 */
export interface EvaluationRow {
  readonly rowNumber: number;
  /** The cell as a date, an empty value or a problem; a column the table lacks is empty. */
  date(key: ColumnKey): CellDate;
  /** The raw cell, for conditions on code and text columns. */
  value(key: ColumnKey): CellValue;
}

/* Reads the table's shared columns (tableColumnsOf): each date cell is read as a date once per table. */
class TrackerEvaluationRow implements EvaluationRow {
  constructor(
    readonly rowNumber: number,
    private readonly index: number,
    private readonly columns: TableColumns,
  ) {}
  date(key: ColumnKey): CellDate {
    return this.columns.dates(key)[this.index] ?? EMPTY_CELL_DATE;
  }
  value(key: ColumnKey): CellValue {
    return this.columns.values(key)[this.index] ?? null;
  }
}

/** The rows of a table as the evaluator reads them. */
export function evaluationRowsOf(rows: readonly TrackerRow[]): EvaluationRow[] {
  const columns = tableColumnsOf(rows);
  return rows.map((row, index) => new TrackerEvaluationRow(row.rowNumber, index, columns));
}

/** One row on its own, for tests and single-row explanations. */
export function evaluationRowOf(row: TrackerRow): EvaluationRow {
  return evaluationRowsOf([row])[0] as EvaluationRow;
}
