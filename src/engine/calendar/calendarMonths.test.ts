import { addMonths } from "date-fns";
import fc from "fast-check";
import { addCalendarDays, addCalendarMonths } from "./calendarMonths";
import { epochDayFromParts, formatIsoDate, parseIsoDate } from "../dates/epochDay";

/** The reference: date-fns on a local Date at noon, clear of daylight-saving shifts. */
function byDateFns(year: number, month: number, dayOfMonth: number, months: number): string {
  const moved = addMonths(new Date(year, month - 1, dayOfMonth, 12), months);
  return formatIsoDate(
    epochDayFromParts(moved.getFullYear(), moved.getMonth() + 1, moved.getDate()) as number,
  );
}

const plusMonths = (iso: string, n: number): string =>
  formatIsoDate(addCalendarMonths(parseIsoDate(iso) as number, n));

describe("calendar months", () => {
  it("clamps 31 January plus one month to the end of February", () => {
    expect(plusMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(plusMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("clamps 31 August plus six months to 28 February", () => {
    expect(plusMonths("2025-08-31", 6)).toBe("2026-02-28");
  });

  it("keeps the day of month when the target month has it", () => {
    expect(plusMonths("2024-12-14", 3)).toBe("2025-03-14");
  });

  it("is not moved by British Summer Time changes", () => {
    expect(plusMonths("2025-02-28", 1)).toBe("2025-03-28");
    expect(plusMonths("2025-03-30", 1)).toBe("2025-04-30");
    expect(plusMonths("2025-10-26", 1)).toBe("2025-11-26");
  });

  it("adds 26 weeks beginning with the day of issue as 181 days", () => {
    expect(formatIsoDate(addCalendarDays(parseIsoDate("2025-01-06") as number, 26 * 7 - 1))).toBe(
      "2025-07-06",
    );
  });

  it("agrees with date-fns addMonths on random days and month counts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -36, max: 60 }),
        (year, month, dayOfMonth, months) => {
          const start = epochDayFromParts(year, month, Math.min(dayOfMonth, 28)) as number;
          expect(formatIsoDate(addCalendarMonths(start, months))).toBe(
            byDateFns(year, month, Math.min(dayOfMonth, 28), months),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees with date-fns addMonths from the last days of every month", () => {
    for (let year = 2023; year <= 2025; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const dayOfMonth of [28, 29, 30, 31]) {
          const start = epochDayFromParts(year, month, dayOfMonth);
          if (start === undefined) continue;
          for (const months of [-1, 1, 6, 12, 13]) {
            expect(formatIsoDate(addCalendarMonths(start, months))).toBe(
              byDateFns(year, month, dayOfMonth, months),
            );
          }
        }
      }
    }
  });
});
