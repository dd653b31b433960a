import type { CellDate } from "../cells/coerceCellDate";
import { addCalendarMonths } from "../calendar/calendarMonths";
import { partsFromEpochDay, type EpochDay } from "../dates/epochDay";
import { rowsWithDayBefore } from "./checkColumns";
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
    // Born on or before this day means 18 by the as-at day. Counted back from the as-at day, someone
    // born on 29 February turns 18 on 1 March in a common year, as the law counts it.
    const latestBirthday = addCalendarMonths(asOf, -18 * 12);
    const births = table.days("dateOfBirth");
    const exits = exit === undefined ? undefined : table.dates(exit);
    const found: Problem[] = [];
    for (const i of rowsWithDayBefore(births, latestBirthday + 1)) {
      const born = births[i] as number;
      if (exits !== undefined && (exits[i] as CellDate).kind !== "empty") continue;
      found.push(
        problem(table.rowNumber(i), "dateOfBirth", {
          dateOfBirth: day(born),
          eighteenth: day(eighteenthBirthday(born)),
        }),
      );
    }
    return found;
  },
});

/** The 18th birthday; for a 29 February birth in a common year, 1 March. */
function eighteenthBirthday(born: EpochDay): EpochDay {
  const { month, day: dayOfMonth } = partsFromEpochDay(born);
  const eighteenth = addCalendarMonths(born, 18 * 12);
  return month === 2 && dayOfMonth === 29 && partsFromEpochDay(eighteenth).day === 28
    ? eighteenth + 1
    : eighteenth;
}
