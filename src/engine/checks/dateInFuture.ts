import { NO_DAY } from "./TypedTable";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./eachCell";

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
      for (let i = 0; i < days.length; i++) {
        const then = days[i] as number;
        if (then > asOf && then !== NO_DAY) {
          found.push(problem(table.rowNumber(i), key, { date: day(then), asOf: day(asOf) }));
        }
      }
    }
    return found;
  },
});
