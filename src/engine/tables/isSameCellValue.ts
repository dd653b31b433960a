import { isCellError, type CellValue } from "../cells/CellValue";
import { epochDayFromUtcDate } from "../dates/epochDay";

/**
 * Whether a cell still holds the value a change was computed from. Dates compare by day (the .xlsx
 * reader gives a date cell as UTC midnight, Excel may keep a time of day the user never sees), numbers and
 * text exactly; a blank cell and empty text are the same thing to a user.
 */
export function isSameCellValue(current: CellValue, expected: CellValue): boolean {
  const a = current === "" ? null : current;
  const b = expected === "" ? null : expected;
  if (a === null || b === null) return a === b;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && epochDayFromUtcDate(a) === epochDayFromUtcDate(b);
  }
  if (isCellError(a) || isCellError(b)) {
    return isCellError(a) && isCellError(b) && a.error === b.error;
  }
  return a === b;
}
