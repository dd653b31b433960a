import fc from "fast-check";
import { Standard, type LimitUnit } from "../standards/Standard";
import { cellValue, dateOf, simpleEvaluate, type Cell } from "../../../test/support/simpleEvaluation";
import { evaluateStandard } from "./evaluateStandard";
import { calendar, day } from "../../../test/support/evaluationFixtures";

/*
 * The evaluator against a deliberately simple re-implementation of evaluation-semantics.md
 * (test/support/simpleEvaluation.ts): day by day, a plain Set of holidays, its own month clamping.
 */

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
  earlyEndMet: fc.boolean(),
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
            ...(s.recurring ? {} : { end: "endDate", earlyEndMet: s.earlyEndMet }),
            limit: { n: s.n, unit: s.unit },
            amberWorkingDays: s.amber,
            exit: "exitDate",
            basis: "LOCAL",
            source: "test",
          });
          const row = {
            rowNumber: 2,
            values: { startDate: cellValue(start), endDate: cellValue(end), exitDate: cellValue(exit) },
          };
          const actual = evaluateStandard(standard, row, {
            asOf,
            calendar,
            standardsById: new Map([[standard.id, standard]]),
          });
          const expected = simpleEvaluate(
            { ...s, earlyEndMet: !s.recurring && s.earlyEndMet },
            start,
            end,
            exit,
            asOf,
          );
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
