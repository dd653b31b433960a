import { epochDayFromUtcDate, formatUkDate } from "../dates/epochDay";
import { isCellError, type CellValue } from "./CellValue";

/**
 * A cell as the user sees it, trimmed: a date as dd/mm/yyyy, an error as Excel shows it ("#N/A"),
 * an empty cell as "". For names and IDs shown back to the user, where a date typed into a name
 * column should still read as the user typed it.
 */
export function shownCellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (isCellError(value)) return value.error;
  return String(value).trim();
}
