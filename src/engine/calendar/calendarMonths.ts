import { daysInMonth, epochDayFromParts, partsFromEpochDay, type EpochDay } from "../dates/epochDay";

/**
 * Adds calendar months, clamping to the end of a shorter month (31/01/2025 + 1 month = 28/02/2025),
 * as "months" are read in law (Interpretation Act 1978, sch 1) and as date-fns `addMonths` does; the
 * tests check it against date-fns on random days. Plain arithmetic on day numbers, because every
 * review and summary deadline adds months and a `Date` each was costly at 100,000 rows.
 */
export function addCalendarMonths(start: EpochDay, months: number): EpochDay {
  const { year, month, day } = partsFromEpochDay(start);
  const monthIndex = year * 12 + (month - 1) + months;
  const toYear = Math.floor(monthIndex / 12);
  const toMonth = monthIndex - toYear * 12 + 1;
  return epochDayFromParts(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth))) as EpochDay;
}

/** Adds calendar days: "26 weeks beginning with" and other day or week limits. */
export function addCalendarDays(start: EpochDay, days: number): EpochDay {
  return start + days;
}
