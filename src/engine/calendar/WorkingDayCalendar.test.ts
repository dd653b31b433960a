import { createWorkingDayCalendar, calendarCoverageWarning } from "./WorkingDayCalendar";
import { formatIsoDate, parseIsoDate, type EpochDay } from "../dates/epochDay";

const day = (iso: string): EpochDay => {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};
const calendar = createWorkingDayCalendar();
const isWorking = (iso: string): boolean => calendar.isWorkingDay(day(iso));
const add = (iso: string, n: number): string => formatIsoDate(calendar.addWorkingDays(day(iso), n));
const between = (a: string, b: string): number => calendar.workingDaysBetween(day(a), day(b));

describe("the England & Wales working-day calendar", () => {
  it("treats the royal wedding of 29/04/2011 as a bank holiday", () => {
    expect(isWorking("2011-04-29")).toBe(false);
  });

  it("treats 28/05/2012 as a working day because the spring bank holiday moved to 04/06/2012", () => {
    expect(isWorking("2012-05-28")).toBe(true);
    expect(isWorking("2012-06-04")).toBe(false);
    expect(isWorking("2012-06-05")).toBe(false);
  });

  it("treats 04/05/2020 as a working day because the early May bank holiday moved to 08/05/2020", () => {
    expect(isWorking("2020-05-04")).toBe(true);
    expect(isWorking("2020-05-08")).toBe(false);
  });

  it("knows the platinum jubilee, the state funeral and the coronation", () => {
    expect(isWorking("2022-05-30")).toBe(true);
    expect(isWorking("2022-06-02")).toBe(false);
    expect(isWorking("2022-06-03")).toBe(false);
    expect(isWorking("2022-09-19")).toBe(false);
    expect(isWorking("2023-05-08")).toBe(false);
  });

  it("uses the substitute days when Christmas falls at a weekend", () => {
    // 2021: Christmas Day and Boxing Day were Saturday and Sunday.
    expect(isWorking("2021-12-27")).toBe(false);
    expect(isWorking("2021-12-28")).toBe(false);
    expect(isWorking("2021-12-29")).toBe(true);
    // 2022: Boxing Day fell on Monday, so Christmas Day's substitute is Tuesday 27th.
    expect(isWorking("2022-12-26")).toBe(false);
    expect(isWorking("2022-12-27")).toBe(false);
  });

  it("never counts Saturdays and Sundays", () => {
    expect(isWorking("2024-06-01")).toBe(false);
    expect(isWorking("2024-06-02")).toBe(false);
    expect(isWorking("2024-06-03")).toBe(true);
  });

  it("puts a 20-working-day deadline from 27/05/2022 on 28/06/2022, skipping the jubilee days", () => {
    expect(add("2022-05-27", 20)).toBe("2022-06-28");
  });

  it("adds working days from a weekend start as Excel's WORKDAY does", () => {
    expect(add("2024-06-01", 1)).toBe("2024-06-03");
    expect(add("2024-06-02", 5)).toBe("2024-06-07");
  });

  it("returns the start itself for zero working days, even on a holiday", () => {
    expect(add("2022-06-02", 0)).toBe("2022-06-02");
  });

  it("counts backwards for a negative number of working days", () => {
    expect(add("2022-06-06", -1)).toBe("2022-06-01");
    expect(add("2022-06-04", -1)).toBe("2022-06-01");
    expect(add("2022-06-01", -1)).toBe("2022-05-31");
  });

  it("counts the working days after the first date up to and including the second", () => {
    expect(between("2022-06-01", "2022-06-01")).toBe(0);
    expect(between("2022-06-01", "2022-06-06")).toBe(1);
    expect(between("2022-06-04", "2022-06-06")).toBe(1);
    expect(between("2022-06-06", "2022-06-07")).toBe(1);
    expect(between("2022-06-07", "2022-06-06")).toBe(-1);
  });

  it("excludes local closure days from the workbook's Holidays sheet", () => {
    const withClosures = createWorkingDayCalendar({ closedDays: [day("2024-12-24"), day("2024-12-27")] });
    expect(withClosures.isWorkingDay(day("2024-12-24"))).toBe(false);
    expect(withClosures.workingDaysBetween(day("2024-12-23"), day("2024-12-31"))).toBe(2);
    expect(calendar.workingDaysBetween(day("2024-12-23"), day("2024-12-31"))).toBe(4);
  });

  it("works outside the listed years with weekends only and says the calendar must be extended", () => {
    expect(calendar.knowsHolidaysOn(day("2031-01-01"))).toBe(false);
    expect(calendar.isWorkingDay(day("2031-01-01"))).toBe(true);
    expect(calendar.isWorkingDay(day("2009-12-25"))).toBe(true);
    expect(calendarCoverageWarning(calendar, day("2031-01-01"))).toMatch(
      /01\/01\/2031 is outside the years whose bank holidays are known \(2010–2030\)/,
    );
    expect(calendarCoverageWarning(calendar, day("2025-01-01"))).toBeUndefined();
  });

  it("extends its known years with later holidays from the Holidays sheet", () => {
    const extended = createWorkingDayCalendar({ closedDays: [day("2031-01-01")] });
    expect(extended.lastKnownYear).toBe(2031);
    expect(extended.isWorkingDay(day("2031-01-01"))).toBe(false);
    expect(extended.knowsHolidaysOn(day("2031-06-01"))).toBe(true);
  });

  it("reports a day far outside any tracker as a bug rather than guessing", () => {
    expect(() => calendar.addWorkingDays(day("2200-12-30"), 10)).toThrow(RangeError);
  });
});
