import { addMonths as addMonthsToDate } from "date-fns";
import { epochDayFromParts, partsFromEpochDay, type EpochDay } from "../dates/epochDay";

/**
 * Adds calendar months, clamping to the end of a shorter month (31/01/2025 + 1 month = 28/02/2025),
 * as date-fns `addMonths` does and as "months" are read in law (Interpretation Act 1978, sch 1).
 */
export function addCalendarMonths(start: EpochDay, months: number): EpochDay {
  const { year, month, day } = partsFromEpochDay(start);
  // A local-time Date at noon is immune to daylight-saving shifts while date-fns does the clamping.
  const moved = addMonthsToDate(new Date(year, month - 1, day, 12), months);
  return epochDayFromParts(moved.getFullYear(), moved.getMonth() + 1, moved.getDate()) as EpochDay;
}

/** Adds calendar days: "26 weeks beginning with" and other day or week limits. */
export function addCalendarDays(start: EpochDay, days: number): EpochDay {
  return start + days;
}
