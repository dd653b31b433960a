import { addCalendarMonths } from "../calendar/calendarMonths";
import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A child stops being looked after at 18 (they become a care leaver): an open row for someone aged 18
 * or over at the as-at day has a missing exit date or a wrong date of birth.
 */
export const agedEighteenStillOpen = defineCheck({
  code: "JT-AGED-18-OPEN",
  severity: "warning",
  title: "Aged 18 or over and still open",
  sheets: ["jointTracker"],
  reads: ["dateOfBirth"],
  check(table, { asOf }) {
    const exit = table.spec.exitColumn;
    const found: Problem[] = [];
    for (const row of table.rows) {
      const born = row.day("dateOfBirth");
      if (born === undefined) continue;
      if (exit !== undefined && row.date(exit).kind !== "empty") continue;
      const eighteenth = addCalendarMonths(born, 18 * 12);
      if (eighteenth <= asOf) {
        found.push(
          problem(row.rowNumber, "dateOfBirth", { dateOfBirth: day(born), eighteenth: day(eighteenth) }),
        );
      }
    }
    return found;
  },
});
