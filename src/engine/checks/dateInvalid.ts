import { defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/** Text or values that are no date at all: the clocks that start or stop on them cannot run. */
export const dateInvalid = defineCheck({
  code: "DATE-INVALID",
  severity: "error",
  title: "Not a date",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "problem" &&
      ["not-a-date", "impossible-date", "not-a-date-type"].includes(read.problem.code)
        ? problem(row.rowNumber, column.key, { detail: read.problem.message })
        : undefined,
    ),
});
