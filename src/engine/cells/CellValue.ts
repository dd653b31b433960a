import { z } from "zod";

/**
 * What a port hands the engine for one cell, whatever the host: Office.js gives numbers for dates
 * (serials) and error text such as "#N/A"; the .xlsx reader gives `Date` objects and `{ error }` objects.
 * Ports turn formula cells into their cached result; errors become `CellError`.
 */
export const CellError = z.object({ error: z.string() });
export type CellError = z.infer<typeof CellError>;

export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null(), CellError]);
export type CellValue = z.infer<typeof CellValue>;

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** Excel's error values, as text; Office.js returns these strings in `range.values`. */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);
