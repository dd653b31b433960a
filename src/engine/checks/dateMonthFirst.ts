import { excelSerialFromEpochDay, type CellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

/**
 * US-style text ("12/31/2024") pasted from another system. The probable date is suggested, but the
 * safe fixes never apply it: only the user can say which date was meant.
 */
export const dateMonthFirst = defineCheck({
  code: "DATE-MONTH-FIRST",
  severity: "error",
  title: "Month-first (US style) date",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind !== "problem" || read.problem.code !== "month-first") continue;
        const row = table.rowNumber(i);
        const meant = read.problem.suggestion;
        found.push(
          meant === undefined
            ? problem(row, key, { detail: read.problem.message })
            : problem(
                row,
                key,
                { meant: day(meant) },
                {
                  value: excelSerialFromEpochDay(meant),
                  numberFormat: "dd/mm/yyyy",
                  text: formatUkDate(meant),
                },
              ),
        );
      }
    }
    return found;
  },
});
