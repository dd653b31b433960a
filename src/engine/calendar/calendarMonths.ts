import { NO_DAY, daysInMonth, epochDayFromParts, partsFromEpochDay, type EpochDay } from "../dates/epochDay";

/**
 * Adds calendar months, clamping to the end of a shorter month (31/01/2025 + 1 month = 28/02/2025),
 * as "months" are read in law (Interpretation Act 1978, sch 1) and as date-fns `addMonths` does; the
 * tests check it against date-fns on random days. Plain arithmetic on day numbers, because every
 * review and summary deadline adds months and a `Date` each was costly at 100,000 rows.
 */
export function addCalendarMonths(start: EpochDay, months: number): EpochDay {
  if (!(start >= MEMO_FIRST && start <= MEMO_LAST) || !Number.isInteger(months))
    return computed(start, months);
  let memo = MEMOS.get(months);
  if (memo === undefined) {
    if (MEMOS.size >= MEMO_LIMIT) MEMOS.clear();
    memo = new Int32Array(MEMO_LAST - MEMO_FIRST + 1).fill(NO_DAY);
    MEMOS.set(months, memo);
  }
  const index = start - MEMO_FIRST;
  let found = memo[index] as number;
  if (found === NO_DAY) found = memo[index] = computed(start, months);
  return found;
}

/*
 * Every review and summary deadline adds the same few month counts to the same few thousand days, so
 * each (day, months) is computed once, in a table per month count over the days a tracker holds.
 */
const MEMO_FIRST = epochDayFromParts(1900, 1, 1) as EpochDay;
const MEMO_LAST = epochDayFromParts(2100, 12, 31) as EpochDay;
const MEMO_LIMIT = 32;
const MEMOS = new Map<number, Int32Array>();

function computed(start: EpochDay, months: number): EpochDay {
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
