import type { CellValue } from "../cells/CellValue";
import { indexHistory } from "../history/HistoryIndex";
import type { RecordedEntry } from "../history/TrackerHistory";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { monthPeriod } from "./SummaryPeriod";
import { recurringCount, recurringOccurrences } from "./recurringFigures";
import { calendar, day, evaluate, standards, table } from "../../../test/support/summaryFixtures";

/*
 * Worked by hand: 6 weeks is 42 days. PPMs 06/01, 10/02 (35 days: met), 31/03/2025 (49 days: late);
 * the current occurrence from 31/03 is due 12/05 and, with no PPM by 30/06, is late in May.
 */
const rows: Record<string, CellValue>[] = [
  { childId: "A", becameLookedAfter: "02/01/2025", firstPpm: "06/01/2025", latestPpm: "31/03/2025" },
  // Permanence achieved 01/05, before the current occurrence's deadline: only finished ones count.
  {
    childId: "B",
    becameLookedAfter: "02/01/2025",
    firstPpm: "06/01/2025",
    latestPpm: "31/03/2025",
    permanenceAchieved: "01/05/2025",
  },
  // No 2nd review: the next review is the 2nd's (cla-review-2), nothing recurring to count.
  { childId: "C", becameLookedAfter: "02/01/2025", firstReview: "20/01/2025", latestReview: "20/03/2025" },
];
const entry = (id: string, iso: string, row: number): RecordedEntry => ({
  sheet: "jointTracker",
  id,
  column: "latestPpm",
  date: day(iso),
  seen: day(iso) + 1,
  source: "tracker",
  row,
});
const tables = [table("jointTracker", rows)];
const history = indexHistory(
  [
    entry("A", "2025-02-10", 2),
    entry("B", "2025-02-10", 3),
    entry("A", "2025-03-31", 4),
    entry("B", "2025-03-31", 5),
  ],
  tables,
  DEFAULT_PROFILE,
  "Tracker history",
);
const evaluation = evaluate(tables, "2025-06-30", standards("cla-review-next", "ppm-cycle"));
const [claNext, ppm] = recurringOccurrences(evaluation, history, calendar);
const count = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const c = recurringCount(ppm!, monthPeriod({ year: y, month: m }));
  return [c.cohort, c.onTime, c.covered];
};

describe("recurring standards counted per occurrence", () => {
  it("counts each finished occurrence by its deadline month, met or late, and the current one once overdue", () => {
    expect(["2025-02", "2025-03", "2025-04", "2025-05"].map(count)).toEqual([
      [2, 2, false],
      [2, 0, true],
      [0, 0, true],
      [1, 0, true],
    ]);
  });

  it("leaves out the current occurrence of a row closed before its deadline, and rows the standard does not apply to", () => {
    expect(Array.from(ppm!.rows)).toEqual([0, 1, 0, 1, 0]);
    expect(claNext!.deadlines).toHaveLength(0);
  });

  it("covers months from one limit after the first record: before that, no history", () => {
    expect(ppm!.coverageFrom).toBe(day("2025-02-11") + 42);
  });
});
