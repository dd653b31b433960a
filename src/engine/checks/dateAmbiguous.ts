import type { CellDate } from "../cells/coerceCellDate";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

/**
 * Text such as "03/04/2019" reads as 3 April (UK) or 4 March (US). The add-in reads it day first and
 * says so; it is never fixed automatically because only the user knows which was meant.
 */
export const dateAmbiguous = defineCheck({
  code: "DATE-AMBIGUOUS",
  severity: "warning",
  title: "Text date that could be read two ways",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind === "date" && read.from === "text" && read.ambiguous) {
          found.push(problem(table.rowNumber(i), key, { date: day(read.day) }));
        }
      }
    }
    return found;
  },
});
