import { isCellError, type CellValue } from "../../engine/cells/CellValue";
import { EXCEL_SERIAL_OF_EPOCH, epochDayFromUtcDate, formatUkDate } from "../../engine/dates/epochDay";

/**
 * A cell as the pane shows it: dates dd/MM/yyyy (a `Date` is a day at UTC midnight, as ports read
 * them), error values as Excel shows them, blank as an em dash so "nothing" is visible.
 */
export function displayCell(value: CellValue): string {
  if (value === null || value === "") return "—";
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/**
 * The value a fix writes, as the user will see it in Excel: a date fix writes the day's serial
 * number with a date format, so 45750 with "dd/mm/yyyy" shows as 03/04/2025.
 */
export function displayWrittenValue(value: CellValue, numberFormat: string | undefined): string {
  if (
    typeof value === "number" &&
    numberFormat !== undefined &&
    /d/i.test(numberFormat) &&
    /y/i.test(numberFormat)
  )
    return formatUkDate(Math.floor(value) - EXCEL_SERIAL_OF_EPOCH);
  return displayCell(value);
}
