import fc from "fast-check";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "../calendar/englandAndWalesBankHolidays";
import type { CellValue } from "../cells/CellValue";
import { formatUkDate } from "../dates/epochDay";
import { Standard, type LimitUnit } from "../standards/Standard";
import { evaluateStandard } from "./evaluateStandard";
import { evaluationRowOf } from "./EvaluationRow";
import { calendar, day } from "./evaluationFixtures";

/*
 * The evaluator against a deliberately simple re-implementation of evaluation-semantics.md written
 * here: it walks day by day from the start counting working days with a plain Set of holidays and
 * adds months with its own clamping, never calling the calendar or date-fns.
 */

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
function simpleBetween(a: number, b: number): number {
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorking(d)) count++;
  return count;
}
function simpleAddMonths(start: number, months: number): number {
  const date = new Date(start * 86_400_000);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / 86_400_000;
}
function simpleDeadline(start: number, n: number, unit: LimitUnit): number {
  if (unit === "workingDays") return simpleAddWorkingDays(start, n);
  if (unit === "days") return start + n;
  if (unit === "weeks") return start + 7 * n;
  return simpleAddMonths(start, n);
}

type Cell = { kind: "date"; day: number } | { kind: "empty" } | { kind: "placeholder" } | { kind: "invalid" };
const cellValue = (cell: Cell): CellValue =>
  cell.kind === "date"
    ? formatUkDate(cell.day)
    : cell.kind === "placeholder"
      ? "TBC"
      : cell.kind === "invalid"
        ? "31/02/2023"
        : null;
const dateOf = (cell: Cell): number | null => (cell.kind === "date" ? cell.day : null);

interface Expected {
  status: string;
  deadline: number | null;
  elapsed: number | null;
  overdue: number | null;
}

function simpleEvaluate(
  s: { n: number; unit: LimitUnit; amber: number; required: boolean; recurring: boolean },
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
  if (endDay !== null && endDay < startDay) return none("cannot assess");
  const deadline = simpleDeadline(startDay, s.n, s.unit);
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

const FIRST = day("2019-01-01");
const LAST = day("2027-12-31");
// Cells are placed near the start (days after it, some before) so that deadlines, amber windows
// and exits meet on and around the same days, where off-by-one mistakes live.
const arbitraryOffsetCell: fc.Arbitrary<{ kind: "offset"; days: number } | Cell> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.integer({ min: -10, max: 450 }).map((days) => ({ kind: "offset" as const, days })),
  },
  { weight: 2, arbitrary: fc.constant<Cell>({ kind: "empty" }) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: "placeholder" }) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: "invalid" }) },
);
const arbitraryStartCell: fc.Arbitrary<Cell> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.integer({ min: FIRST, max: LAST }).map((d): Cell => ({ kind: "date", day: d })),
  },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: "empty" }) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: "invalid" }) },
);
const placed = (cell: { kind: "offset"; days: number } | Cell, anchor: number): Cell =>
  cell.kind === "offset" ? { kind: "date", day: anchor + cell.days } : cell;
const arbitraryStandard = fc.record({
  n: fc.integer({ min: 0, max: 40 }),
  unit: fc.constantFrom<LimitUnit>("workingDays", "days", "weeks", "months"),
  amber: fc.integer({ min: 0, max: 25 }),
  required: fc.boolean(),
  recurring: fc.boolean(),
});

describe("evaluateStandard against a day-by-day re-implementation", () => {
  it("agrees on status, deadline and working-day counts for thousands of random rows", () => {
    fc.assert(
      fc.property(
        arbitraryStandard,
        arbitraryStartCell,
        arbitraryOffsetCell,
        arbitraryOffsetCell,
        fc.integer({ min: -10, max: 450 }),
        (s, start, endOffset, exitOffset, asOfOffset) => {
          const anchor = dateOf(start) ?? FIRST + 1000;
          const end = placed(endOffset, anchor);
          const exit = placed(exitOffset, anchor);
          const asOf = anchor + asOfOffset;
          const standard = Standard.parse({
            id: "random",
            title: "Random standard",
            sheet: "jointTracker",
            start: "startDate",
            startKind: s.required ? "required" : "event",
            ...(s.recurring ? {} : { end: "endDate" }),
            limit: { n: s.n, unit: s.unit },
            amberWorkingDays: s.amber,
            exit: "exitDate",
            basis: "LOCAL",
            source: "test",
          });
          const row = evaluationRowOf({
            rowNumber: 2,
            values: { startDate: cellValue(start), endDate: cellValue(end), exitDate: cellValue(exit) },
          });
          const actual = evaluateStandard(standard, row, {
            asOf,
            calendar,
            standardsById: new Map([[standard.id, standard]]),
          });
          const expected = simpleEvaluate(s, start, end, exit, asOf);
          expect({
            status: actual.status,
            deadline: actual.deadline,
            elapsed: actual.elapsedWorkingDays,
            overdue: actual.overdueWorkingDays,
          }).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
