import { isCellError, type CellValue } from "./CellValue";

/**
 * A cell of a sheet the user fills in (Holidays, Worker IDs) as trimmed text: a number as its
 * digits, and a date, an error or an empty cell as "".
 */
export function plainCellText(value: CellValue | undefined): string {
  return value === null || value === undefined || value instanceof Date || isCellError(value)
    ? ""
    : String(value).trim();
}
