import {
  dayOfWeek,
  epochDayFromParts,
  formatUkDate,
  partsFromEpochDay,
  type EpochDay,
} from "../dates/epochDay";
import {
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from "./englandAndWalesBankHolidays";
import { parseIsoDate } from "../dates/epochDay";

/**
 * Working days: Monday to Friday, less England & Wales bank holidays and local closure days.
 *
 * Counting conventions (the contract in evaluation-semantics.md):
 * - "within N working days of X" does not count X: the deadline is Excel's `WORKDAY(X, N)`;
 * - the gap from `a` to `b` is the number of working days `d` with `a < d <= b`, which is
 *   `NETWORKDAYS(a, b) - 1` when `a` is a working day and `NETWORKDAYS(a, b)` when it is not.
 *
 * Every query is an array look-up: a tracker evaluation makes millions of them, so the calendar
 * builds once a prefix count of working days per day number and the list of working days in order.
 */
export interface WorkingDayCalendar {
  isWorkingDay(day: EpochDay): boolean;
  /**
   * Excel's `WORKDAY(start, n)`: the n-th working day after `start` (before it when `n` is negative);
   * `start` itself when `n` is 0, even if it is not a working day.
   *
   * @example addWorkingDays(27/05/2022, 20) // 28/06/2022: the jubilee days 2 and 3 June are skipped
   */
  addWorkingDays(start: EpochDay, n: number): EpochDay;
  /**
   * The number of working days `d` with `a < d <= b` (negative, counted the other way, when `b < a`).
   *
   * @example workingDaysBetween(Fri 03/06/2022, Mon 06/06/2022) // 1
   */
  workingDaysBetween(a: EpochDay, b: EpochDay): number;
  /** Whether the calendar knows the holidays of the day's year; outside, only weekends are excluded. */
  knowsHolidaysOn(day: EpochDay): boolean;
  readonly firstKnownYear: number;
  readonly lastKnownYear: number;
}

export interface WorkingDayCalendarOptions {
  /**
   * Extra non-working days: local closures and bank holidays of later years, from the workbook's
   * Holidays sheet. Weekend days in the list change nothing.
   */
  closedDays?: Iterable<EpochDay>;
  /** Leave out the England & Wales bank holidays (for tests and other jurisdictions). */
  withoutBankHolidays?: boolean;
}

// The table spans far more than any plausible tracker date (cell dates outside 1900–2100 are
// data-quality problems) so that deadlines computed from such dates still land inside it.
const TABLE_FIRST_DAY = epochDayFromParts(1800, 1, 1) as EpochDay;
const TABLE_LAST_DAY = epochDayFromParts(2200, 12, 31) as EpochDay;

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const size = TABLE_LAST_DAY - TABLE_FIRST_DAY + 1;
  const closed = new Uint8Array(size);
  let lastKnownYear = BANK_HOLIDAYS_LAST_YEAR;
  const close = (day: EpochDay): void => {
    if (day >= TABLE_FIRST_DAY && day <= TABLE_LAST_DAY) closed[day - TABLE_FIRST_DAY] = 1;
  };
  if (!options.withoutBankHolidays) {
    for (const iso of ENGLAND_AND_WALES_BANK_HOLIDAYS) close(parseIsoDate(iso) as EpochDay);
  }
  for (const day of options.closedDays ?? []) {
    close(day);
    lastKnownYear = Math.max(lastKnownYear, partsFromEpochDay(day).year);
  }

  // countUpTo[i]: working days in [TABLE_FIRST_DAY, TABLE_FIRST_DAY + i].
  const countUpTo = new Int32Array(size);
  const workingDays = new Int32Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const weekday = dayOfWeek(TABLE_FIRST_DAY + i);
    if (weekday !== 0 && weekday !== 6 && closed[i] === 0) {
      workingDays[count] = TABLE_FIRST_DAY + i;
      count++;
    }
    countUpTo[i] = count;
  }

  const indexOf = (day: EpochDay): number => {
    if (!(day >= TABLE_FIRST_DAY && day <= TABLE_LAST_DAY) || !Number.isInteger(day)) {
      // A bug, not a user's mistake: cell dates are checked to lie in 1900–2100 before any arithmetic.
      throw new RangeError(`day ${day} is outside the working-day calendar (1800–2200)`);
    }
    return day - TABLE_FIRST_DAY;
  };
  const workingDayCountTo = (day: EpochDay): number => countUpTo[indexOf(day)] as number;
  const nthWorkingDay = (k: number): EpochDay => {
    if (k < 1 || k > count) throw new RangeError(`working day ${k} is outside the calendar (1800–2200)`);
    return workingDays[k - 1] as number;
  };
  const isWorkingDay = (day: EpochDay): boolean => {
    const i = indexOf(day);
    return countUpTo[i] !== (i === 0 ? 0 : countUpTo[i - 1]);
  };

  return {
    isWorkingDay,
    addWorkingDays(start, n) {
      if (n === 0) return start;
      if (n > 0) return nthWorkingDay(workingDayCountTo(start) + n);
      const beforeStart = workingDayCountTo(start) - (isWorkingDay(start) ? 1 : 0);
      return nthWorkingDay(beforeStart + n + 1);
    },
    workingDaysBetween(a, b) {
      return workingDayCountTo(b) - workingDayCountTo(a);
    },
    knowsHolidaysOn(day) {
      const year = partsFromEpochDay(day).year;
      return year >= BANK_HOLIDAYS_FIRST_YEAR && year <= lastKnownYear;
    },
    firstKnownYear: BANK_HOLIDAYS_FIRST_YEAR,
    lastKnownYear,
  };
}

/** The warning shown when a date lies outside the years whose holidays the calendar knows. */
export function calendarCoverageWarning(calendar: WorkingDayCalendar, day: EpochDay): string | undefined {
  if (calendar.knowsHolidaysOn(day)) return undefined;
  return (
    `${formatUkDate(day)} is outside the years whose bank holidays are known ` +
    `(${calendar.firstKnownYear}–${calendar.lastKnownYear}): only weekends are excluded. ` +
    `Add that year's bank holidays to the Holidays sheet.`
  );
}
