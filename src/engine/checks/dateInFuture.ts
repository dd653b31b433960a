import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf, rowsWithDayAfter } from "./checkColumns";

/** An event that has happened (a review held, a child placed) cannot be dated after the as-at day. */
export const dateInFuture = defineCheck({
  code: "DATE-IN-FUTURE",
  severity: "error",
  title: "Date in the future",
  reads: [],
  check(table, { asOf }) {
    const found: Problem[] = [];
    for (const { key, future } of dateColumnsOf(table)) {
      if (future) continue;
      const days = table.days(key);
      for (const i of rowsWithDayAfter(days, asOf)) {
        found.push(problem(table.rowNumber(i), key, { date: day(days[i] as number), asOf: day(asOf) }));
      }
    }
    return found;
  },
});
