import type { CellDate, CellDateProblemCode } from "../cells/coerceCellDate";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

const NO_DATE: ReadonlySet<CellDateProblemCode> = new Set([
  "not-a-date",
  "impossible-date",
  "not-a-date-type",
]);

/** Text or values that are no date at all: the clocks that start or stop on them cannot run. */
export const dateInvalid = defineCheck({
  code: "DATE-INVALID",
  severity: "error",
  title: "Not a date",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind === "problem" && NO_DATE.has(read.problem.code)) {
          found.push(problem(table.rowNumber(i), key, { detail: read.problem.message }));
        }
      }
    }
    return found;
  },
});
