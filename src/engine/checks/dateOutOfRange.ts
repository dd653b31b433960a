import { defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/** A date outside 1900–2100 is a typing mistake in the year (2202, 1019). */
export const dateOutOfRange = defineCheck({
  code: "DATE-OUT-OF-RANGE",
  severity: "error",
  title: "Date outside 1900–2100",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "problem" && read.problem.code === "out-of-range"
        ? problem(row.rowNumber, column.key, { detail: read.problem.message })
        : undefined,
    ),
});
