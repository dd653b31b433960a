import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "../../src/engine/calendar/englandAndWalesBankHolidays";
import type { CellValue } from "../../src/engine/cells/CellValue";
import { formatUkDate, parseIsoDate } from "../../src/engine/dates/epochDay";
import type { LimitUnit } from "../../src/engine/standards/Standard";

/*
 * A deliberately simple re-implementation of evaluation-semantics.md, for tests to compare the
 * evaluator with: it walks day by day from the start counting working days with a plain Set of
 * holidays and adds months with its own clamping, never calling the calendar or date-fns.
 */

const day = (iso: string): number => parseIsoDate(iso) as number;
const HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((iso) => day(iso)));
const isWorking = (d: number): boolean => {
  const weekday = (((d + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(d);
};
function simpleAddWorkingDays(start: number, n: number): number {
  let d = start;
  for (let counted = 0; counted < n;) {
    d++;
    if (isWorking(d)) counted++;
  }
  return d;
}
/** Working days d with a < d <= b, or 0 when b is not after a. */
export function simpleBetween(a: number, b: number): number {
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorking(d)) count++;
  return count;
}
export function simpleAddMonths(start: number, months: number): number {
  const date = new Date(start * 86_400_000);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / 86_400_000;
}
export function simpleDeadline(start: number, n: number, unit: LimitUnit): number {
  if (unit === "workingDays") return simpleAddWorkingDays(start, n);
  if (unit === "days") return start + n;
  if (unit === "weeks") return start + 7 * n;
  return simpleAddMonths(start, n);
}

export type Cell =
  { kind: "date"; day: number } | { kind: "empty" } | { kind: "placeholder" } | { kind: "invalid" };
export const cellValue = (cell: Cell): CellValue =>
  cell.kind === "date"
    ? formatUkDate(cell.day)
    : cell.kind === "placeholder"
      ? "TBC"
      : cell.kind === "invalid"
        ? "31/02/2023"
        : null;
export const dateOf = (cell: Cell): number | null => (cell.kind === "date" ? cell.day : null);

export interface Expected {
  status: string;
  deadline: number | null;
  elapsed: number | null;
  overdue: number | null;
}

export function simpleEvaluate(
  s: {
    n: number;
    unit: LimitUnit;
    amber: number;
    required: boolean;
    recurring: boolean;
    /** An end before the start is met at 0 days (ff-match-a2's early permanence). */
    earlyEndMet?: boolean;
  },
  start: Cell,
  end: Cell,
  exit: Cell,
  asOf: number,
): Expected {
  const none = (status: string): Expected => ({ status, deadline: null, elapsed: null, overdue: null });
  if (start.kind === "invalid" || (!s.recurring && end.kind === "invalid") || exit.kind === "invalid") {
    return none("cannot assess");
  }
  const startDay = dateOf(start);
  if (startDay === null) return none(s.required ? "cannot assess" : "not applicable");
  const endDay = s.recurring ? null : dateOf(end);
  if (endDay !== null && endDay < startDay && s.earlyEndMet !== true) return none("cannot assess");
  const deadline = simpleDeadline(startDay, s.n, s.unit);
  if (endDay !== null && endDay < startDay) return { status: "met", deadline, elapsed: 0, overdue: 0 };
  const exitDay = dateOf(exit);
  const measured = (status: string, to: number): Expected => ({
    status,
    deadline,
    elapsed: simpleBetween(startDay, to),
    overdue: to > deadline ? simpleBetween(deadline, to) : 0,
  });
  if (endDay !== null) return measured(endDay <= deadline ? "met" : "met late", endDay);
  if (exitDay !== null && exitDay <= deadline) return { ...none("not applicable"), deadline };
  const t = exitDay !== null ? Math.min(asOf, exitDay) : asOf;
  if (t > deadline) return measured("overdue", t);
  return measured(simpleBetween(t, deadline) <= s.amber ? "due soon" : "not yet due", t);
}
