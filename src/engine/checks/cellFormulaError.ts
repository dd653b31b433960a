import { EXCEL_ERROR_TEXTS, isCellError } from "../cells/CellValue";
import type { CellDate } from "../cells/coerceCellDate";
import type { ColumnType } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./eachCell";

const CHECKED_TYPES: readonly ColumnType[] = ["date", "text", "code", "integer", "yesNo", "personName"];

/** A formula showing #N/A, #REF! and the like: whatever the column, its value is unknown. */
export const cellFormulaError = defineCheck({
  code: "CELL-FORMULA-ERROR",
  severity: "error",
  title: "Excel error value",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key, type } of columnsOfType(table, CHECKED_TYPES)) {
      if (type === "date") {
        // Reading a date cell already tells an error, as a value or as text, by the same test.
        const dates = table.dates(key);
        for (const i of table.irregularDates(key)) {
          const read = dates[i] as CellDate;
          if (read.kind === "problem" && read.problem.code === "formula-error") {
            found.push(problem(table.rowNumbers[i] as number, key, { error: read.problem.text }));
          }
        }
        continue;
      }
      const values = table.values(key);
      for (let i = 0; i < values.length; i++) {
        const value = values[i] ?? null;
        if (value === null || typeof value === "number" || typeof value === "boolean") continue;
        const error =
          typeof value === "string" ? errorText(value) : isCellError(value) ? value.error : undefined;
        if (error !== undefined) found.push(problem(table.rowNumbers[i] as number, key, { error }));
      }
    }
    return found;
  },
});

const HASH = 0x23;

/** The Excel error a text shows ("#N/A", " #ref! "), when it shows one. */
export function errorText(text: string): string | undefined {
  // Every error text starts with "#", so text starting with another visible ASCII character is not
  // one and is spared the trimming and upper-casing: almost every text cell of a tracker.
  const first = text.charCodeAt(0);
  if (first !== HASH && first > 0x20 && first < 0x7f) return undefined;
  const shown = text.trim().toUpperCase();
  return EXCEL_ERROR_TEXTS.has(shown) ? shown : undefined;
}
