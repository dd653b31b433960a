import { EXCEL_ERROR_TEXTS, isCellError } from "../cells/CellValue";
import { defineCheck, problem } from "./defineCheck";
import { eachCellOf } from "./eachCell";

/** A formula showing #N/A, #REF! and the like: whatever the column, its value is unknown. */
export const cellFormulaError = defineCheck({
  code: "CELL-FORMULA-ERROR",
  severity: "error",
  title: "Excel error value",
  reads: [],
  check: (table) =>
    eachCellOf(table, ["date", "text", "code", "integer", "yesNo", "personName"], (row, column) => {
      const value = row.value(column.key);
      const error = isCellError(value)
        ? value.error
        : typeof value === "string" && EXCEL_ERROR_TEXTS.has(value.trim().toUpperCase())
          ? value.trim().toUpperCase()
          : undefined;
      return error === undefined ? undefined : problem(row.rowNumber, column.key, { error });
    }),
});
