import { isCellError } from "../cells/CellValue";
import type { CellDate } from "../cells/coerceCellDate";
import type { ColumnType } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./checkColumns";
import { errorText, textCellsToCheck } from "./textCells";

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
            found.push(problem(table.rowNumber(i), key, { error: read.problem.text }));
          }
        }
        continue;
      }
      const values = table.values(key);
      for (const i of textCellsToCheck(table, key).errors) {
        const value = values[i] ?? null;
        const error =
          typeof value === "string" ? errorText(value) : isCellError(value) ? value.error : undefined;
        if (error !== undefined) found.push(problem(table.rowNumber(i), key, { error }));
      }
    }
    return found;
  },
});
