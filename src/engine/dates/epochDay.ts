/**
 * A calendar date with no time of day and no time zone, as the number of days since 1 January 1970.
 *
 * Tracker dates are days, not instants: "became looked after on 03/04/2019" means that day wherever
 * and whenever it is read. Holding dates as day numbers keeps British Summer Time, time zones and
 * `Date` objects out of the engine, and makes working-day arithmetic an array look-up.
 */
export type EpochDay = number;

/**
 * No day, or no count of days, where days are held in an Int32Array column (a table's dates, a
 * standard's deadlines and working days): the least 32-bit integer, below every day a tracker can
 * hold, so code comparing days tests for it first.
 */
export const NO_DAY = -0x80000000;

const MS_PER_DAY = 86_400_000;

/** Days from 1899-12-30 (Excel's serial day 0 once its 1900 leap-year quirk is past) to 1970-01-01. */
export const EXCEL_SERIAL_OF_EPOCH = 25_569;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/**
 * The day number of a year, month (1–12) and day, or `undefined` when no such day exists
 * (31 February, month 13).
 *
 * @example epochDayFromParts(2019, 4, 3) // 17989 (03/04/2019)
 */
export function epochDayFromParts(year: number, month: number, day: number): EpochDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/*
 * Day numbers and calendar dates convert by arithmetic on the proleptic Gregorian calendar
 * (H. Hinnant, "chrono-compatible low-level date algorithms"), not through `Date`: reading a large
 * tracker converts millions of dates, and a `Date` each was a tenth of the engine's time.
 * The tests check both directions against `Date` for every day from 1800 to 2200.
 */
function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The year, month and day of a day number. */
export function partsFromEpochDay(day: EpochDay): DateParts {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/** Number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. 1 January 1970 was a Thursday. */
export function dayOfWeek(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The UK form used in every message and sheet: dd/MM/yyyy. */
export function formatUkDate(day: EpochDay): string {
  const p = partsFromEpochDay(day);
  return `${pad2(p.day)}/${pad2(p.month)}/${String(p.year).padStart(4, "0")}`;
}

/** The ISO form used in JSON and on the command line: yyyy-MM-dd. */
export function formatIsoDate(day: EpochDay): string {
  const p = partsFromEpochDay(day);
  return `${String(p.year).padStart(4, "0")}-${pad2(p.month)}-${pad2(p.day)}`;
}

/**
 * Reads a strict ISO date (`2026-11-24`), as the command line and JSON take them; anything else,
 * including impossible days, is `undefined`.
 */
export function parseIsoDate(text: string): EpochDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return epochDayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The day a `Date` falls on by its UTC fields (how the .xlsx reader represents a cell's date). */
export function epochDayFromUtcDate(date: Date): EpochDay {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** A `Date` at UTC midnight of the day: how a date cell's value is handed between ports. */
export function utcDateFromEpochDay(day: EpochDay): Date {
  return new Date(day * MS_PER_DAY);
}
