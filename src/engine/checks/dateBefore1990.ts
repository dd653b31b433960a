import { epochDayFromParts, type EpochDay } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf, rowsWithDayBefore } from "./checkColumns";

/** No child or household on a current tracker has an event this old: the year was mistyped. */
export const EARLIEST_PLAUSIBLE_DAY = epochDayFromParts(1990, 1, 1) as EpochDay;

export const dateBefore1990 = defineCheck({
  code: "DATE-BEFORE-1990",
  severity: "warning",
  title: "Date before 01/01/1990",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const days = table.days(key);
      for (const i of rowsWithDayBefore(days, EARLIEST_PLAUSIBLE_DAY)) {
        found.push(problem(table.rowNumber(i), key, { date: day(days[i] as number) }));
      }
    }
    return found;
  },
});
