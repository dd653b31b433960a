import { addCalendarDays, addCalendarMonths } from "./calendarMonths";
import { formatIsoDate, parseIsoDate } from "../dates/epochDay";

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
});
