// Cross-check against an independent implementation of Excel's WORKDAY and NETWORKDAYS.
import { NETWORKDAYS, WORKDAY } from "@formulajs/formulajs";
import { createWorkingDayCalendar } from "./WorkingDayCalendar";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./englandAndWalesBankHolidays";
import {
  epochDayFromParts,
  formatIsoDate,
  parseIsoDate,
  partsFromEpochDay,
  type EpochDay,
} from "../dates/epochDay";
import { randomInteger, seededRandom } from "../../../test/support/seededRandom";

const calendar = createWorkingDayCalendar();
const holidays: EpochDay[] = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((iso) => parseIsoDate(iso) as EpochDay);
const localDate = (day: EpochDay): Date => {
  const p = partsFromEpochDay(day);
  return new Date(p.year, p.month - 1, p.day);
};
const dayOfLocalDate = (value: unknown): EpochDay => {
  if (!(value instanceof Date)) throw new Error(`formulajs returned ${String(value)}`);
  return epochDayFromParts(value.getFullYear(), value.getMonth() + 1, value.getDate()) as EpochDay;
};
const allHolidayDates = holidays.map(localDate);
// Holidays outside [from, to] cannot change either function's answer; passing only those inside a
// pair's span makes formulajs (which scans the whole list for every day) about 20 times faster.
const holidaysWithin = (from: EpochDay, to: EpochDay): Date[] =>
  holidays.filter((h) => h >= from && h <= to).map(localDate);

const FIRST = epochDayFromParts(2010, 1, 1) as EpochDay;
const LAST = epochDayFromParts(2030, 12, 31) as EpochDay;

/**
 * Ours, as NETWORKDAYS counts it for `a <= b`: both ends included. (The contract defines the gap only
 * for ordered pairs; formulajs also differs from Excel on reversed ones, returning 0 for Thu → Wed.)
 */
const networkdays = (a: EpochDay, b: EpochDay): number =>
  calendar.workingDaysBetween(a, b) + (calendar.isWorkingDay(a) ? 1 : 0);

describe("the working-day calendar against formulajs WORKDAY and NETWORKDAYS", () => {
  it("agrees with NETWORKDAYS on 100,000 random pairs from 2010 to 2030", () => {
    const random = seededRandom(20261123);
    const mismatches: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      // Mostly spans a deadline can have; one pair in twenty spans up to eight years.
      const a = randomInteger(random, FIRST, LAST);
      const span = i % 20 === 0 ? randomInteger(random, 0, 3000) : randomInteger(random, 0, 400);
      const b = Math.min(LAST, a + span);
      const expected = NETWORKDAYS(localDate(a), localDate(b), holidaysWithin(a, b));
      if (networkdays(a, b) !== expected)
        mismatches.push(`${formatIsoDate(a)}..${formatIsoDate(b)}: ${String(expected)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("agrees with WORKDAY on 100,000 random starts from 2010 to 2030, weekends and holidays included", () => {
    const random = seededRandom(1052);
    const mismatches: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      // One start in four is drawn from the holidays and weekends, where off-by-one errors live.
      const start =
        i % 4 === 0
          ? (holidays[randomInteger(random, 0, holidays.length - 1)] as EpochDay) +
            randomInteger(random, -2, 2)
          : randomInteger(random, FIRST, LAST - 800);
      const n = i % 50 === 0 ? randomInteger(random, -60, 0) : randomInteger(random, 0, 300);
      const ours = calendar.addWorkingDays(start, n);
      const expected = dayOfLocalDate(
        WORKDAY(localDate(start), n, holidaysWithin(Math.min(start, ours) - 1, Math.max(start, ours) + 1)),
      );
      if (ours !== expected)
        mismatches.push(`WORKDAY(${formatIsoDate(start)}, ${n}) = ${formatIsoDate(expected)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("agrees with both when formulajs is given the whole holiday list", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 1_000; i++) {
      const a = randomInteger(random, FIRST, LAST - 400);
      const b = a + randomInteger(random, 0, 400);
      expect(networkdays(a, b)).toBe(NETWORKDAYS(localDate(a), localDate(b), allHolidayDates));
      const n = randomInteger(random, 0, 250);
      expect(formatIsoDate(calendar.addWorkingDays(a, n))).toBe(
        formatIsoDate(dayOfLocalDate(WORKDAY(localDate(a), n, allHolidayDates))),
      );
    }
  });
});
