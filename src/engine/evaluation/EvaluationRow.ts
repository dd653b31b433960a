import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { ColumnKey } from "../profile/TrackerProfile";
import { cellOf, type TrackerRow } from "../tables/TrackerTable";

/**
 * A tracker row as the evaluator reads it: each date cell is coerced at most once however many
 * standards read it (a joint tracker row feeds eight standards, several sharing the BLA date).
 */
export interface EvaluationRow {
  readonly rowNumber: number;
  /** The cell as a date, an empty value or a problem; a column the table lacks is empty. */
  date(key: ColumnKey): CellDate;
  /** The raw cell, for conditions on code and text columns. */
  value(key: ColumnKey): CellValue;
}

export function evaluationRowOf(row: TrackerRow): EvaluationRow {
  const dates = new Map<ColumnKey, CellDate>();
  return {
    rowNumber: row.rowNumber,
    date(key) {
      let date = dates.get(key);
      if (date === undefined) {
        date = coerceCellDate(cellOf(row, key));
        dates.set(key, date);
      }
      return date;
    },
    value: (key) => cellOf(row, key),
  };
}
