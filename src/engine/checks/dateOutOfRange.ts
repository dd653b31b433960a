import type { CellDate } from "../cells/coerceCellDate";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

/** A date outside 1900–2100 is a typing mistake in the year (2202, 1019). */
export const dateOutOfRange = defineCheck({
  code: "DATE-OUT-OF-RANGE",
  severity: "error",
  title: "Date outside 1900–2100",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind === "problem" && read.problem.code === "out-of-range") {
          found.push(problem(table.rowNumber(i), key, { detail: read.problem.message }));
        }
      }
    }
    return found;
  },
});
