import type { CellValue } from "../cells/CellValue";
import { indexHistory, NO_HISTORY, type HistoryIndex } from "../history/HistoryIndex";
import type { RecordedEntry } from "../history/TrackerHistory";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { monthPeriod } from "../summary/SummaryPeriod";
import { recurringCount, recurringOccurrences } from "../summary/recurringFigures";
import { cellsOf } from "../../../test/support/modelRuns";
import { calendar, day, evaluate, standards, table } from "../../../test/support/summaryFixtures";
import { buildCompareSheet } from "./buildCompareSheet";
import { buildComparison } from "./buildComparison";
import { compareJson } from "./compareJson";
import { emptyPeriodProblem } from "./emptyPeriodProblem";
import { comparePeriodOf } from "./compareFixtures";
import type { ComparePeriod } from "./ComparePeriod";
import type { Comparison } from "./Comparison";
import { fisherExact } from "./fisherExact";

/*
 * CLA reviews every 6 months (cla-review-next: the next review within 6 calendar months of the
 * latest), worked by hand. Each child's reviews after the 2nd were recorded in the Tracker history
 * the day after they were held, the first record on 11/03/2024, so the history covers the standard
 * from 11/09/2024 (one limit later). As of 15/01/2026:
 *
 * - on time: 2nd review 10/03/2024, then 10/09/2024 (due 10/09/2024: met), 05/03/2025 (due
 *   10/03/2025: met, before), 01/09/2025 (due 05/09/2025: met, after); the next is due 01/03/2026.
 * - late then on time: 2nd review 10/03/2024, then 20/10/2024 (due 10/09/2024: late, in neither
 *   period), 20/05/2025 (due 20/04/2025: late, before), 10/11/2025 (due 20/11/2025: met, after).
 * - overdue: 2nd review 15/01/2025 and none since: due 15/07/2025, still not held (late, after).
 *
 * Six children of each of the first two kinds and four of the third: before (Jan–Jun 2025) 6 of 12
 * on time, after (Jul–Dec 2025) 12 of 16.
 */

const period = comparePeriodOf;
const BEFORE = period("2025-01..2025-06");
const AFTER = period("2025-07..2025-12");
const AS_OF = "2026-01-15";

const KINDS: Readonly<Record<string, { reviews: string[]; children: number }>> = {
  onTime: { reviews: ["2024-03-10", "2024-09-10", "2025-03-05", "2025-09-01"], children: 6 },
  lateThenOnTime: { reviews: ["2024-03-10", "2024-10-20", "2025-05-20", "2025-11-10"], children: 6 },
  overdue: { reviews: ["2025-01-15"], children: 4 },
};

const uk = (iso: string): string => iso.split("-").reverse().join("/");

const children = Object.entries(KINDS).flatMap(([kind, { reviews, children: n }]) =>
  Array.from({ length: n }, (_, k) => ({ id: `${kind}-${k + 1}`, reviews })),
);
const rows: Record<string, CellValue>[] = children.map(({ id, reviews }) => ({
  childId: id,
  becameLookedAfter: "02/09/2023",
  firstReview: "20/09/2023",
  secondReview: uk(reviews[0] as string),
  latestReview: uk(reviews.at(-1) as string),
}));
const tables = [table("jointTracker", rows)];

/** The tracker's latest review as the add-in saw it, the day after each review. */
const entries: RecordedEntry[] = children.flatMap(({ id, reviews }) =>
  reviews.map((iso) => ({
    sheet: "jointTracker" as const,
    id,
    column: "latestReview",
    date: day(iso),
    seen: day(iso) + 1,
    source: "tracker" as const,
    row: 2,
  })),
);
const history = indexHistory(entries, tables, DEFAULT_PROFILE, "Tracker history");

function compare(before: ComparePeriod, index: HistoryIndex, ...ids: string[]): Comparison {
  return buildComparison(evaluate(tables, AS_OF, standards(...ids)), tables, {
    before,
    after: AFTER,
    calendar,
    history: index,
  });
}

const INDEPENDENCE = "one child's or household's occurrences are not independent";

describe("a recurring standard compared from every occurrence in the Tracker history", () => {
  it("counts each period's occurrences by deadline, met or late, and the overdue current ones", () => {
    const reviews = compare(BEFORE, history, "cla-review-next").shares.find(
      (s) => s.id === "cla-review-next",
    );
    expect(reviews?.before).toMatchObject({ onTime: 6, cohort: 12 });
    expect(reviews?.after).toMatchObject({ onTime: 12, cohort: 16 });
    expect(reviews?.coverage).toEqual({ from: day("2024-09-11"), before: true, after: true });
  });

  it("tests it as any other standard: Fisher's exact test, Newcombe's interval and the same words", () => {
    const reviews = compare(BEFORE, history, "cla-review-next").shares[0];
    expect(reviews?.p).toBe(fisherExact(6, 12, 12, 16));
    expect(reviews?.change?.difference).toBeCloseTo(12 / 16 - 6 / 12, 12);
    expect(reviews?.verdict).toBe("no significant change");
    expect(reviews?.words).toContain(
      "50% on time (6 of 12 occurrences) in Jan 2025–Jun 2025, 75% on time (12 of 16 occurrences) in Jul 2025–Dec 2025",
    );
  });

  it("counts a period as the monthly summary counts its months", () => {
    const occurrences = recurringOccurrences(
      evaluate(tables, AS_OF, standards("cla-review-next")),
      history,
      calendar,
    )[0];
    if (occurrences === undefined) throw new Error("no occurrences");
    const months = Array.from({ length: 6 }, (_, m) =>
      recurringCount(occurrences, monthPeriod({ year: 2025, month: m + 1 })),
    );
    const reviews = compare(BEFORE, history, "cla-review-next").shares[0];
    expect(reviews?.before.cohort).toBe(months.reduce((n, m) => n + m.cohort, 0));
    expect(reviews?.before.onTime).toBe(months.reduce((n, m) => n + m.onTime, 0));
  });

  it("says once that the p-value treats occurrences as independent, only when a recurring standard is tested", () => {
    const tested = compare(BEFORE, history, "cla-review-next", "cla-review-2");
    expect(tested.notes.filter((n) => n.includes(INDEPENDENCE))).toHaveLength(1);
    // A tested recurring line says so itself, where a reader sees its verdict.
    expect(tested.shares.find((s) => s.id === "cla-review-next")?.words).toContain(
      "Fisher's exact test p = ",
    );
    expect(tested.shares.find((s) => s.id === "cla-review-next")?.words).toContain(
      ", counting each occurrence as independent, which overstates the evidence)",
    );
    expect(tested.shares.find((s) => s.id === "cla-review-2")?.words).not.toContain("overstates");
    expect(tested.notes.join(" ")).not.toContain("not compared yet");
    const notTested = compare(period("2024-07..2024-12"), history, "cla-review-next", "cla-review-2");
    expect(notTested.shares[0]?.p).toBeNull();
    expect(notTested.notes.join(" ")).not.toContain(INDEPENDENCE);
  });
});

describe("a recurring standard over a period the Tracker history does not cover", () => {
  it("is not compared: the line says from when the history covers it and how it builds up, with no share or test", () => {
    const before = period("2024-07..2024-12");
    const reviews = compare(before, history, "cla-review-next").shares[0];
    expect(reviews?.verdict).toBe("no history");
    expect(reviews?.p).toBeNull();
    expect(reviews?.change).toBeNull();
    expect(reviews?.coverage).toEqual({ from: day("2024-09-11"), before: false, after: true });
    expect(reviews?.words).toBe(
      "Not compared: the Tracker history only covers it from 11/09/2024, and Jul 2024–Dec 2024 starts " +
        "before that (the add-in records the dates the tracker overwrites each time it runs in Excel, and " +
        "each time a tracker command writes a copy with --out, so the history builds up from then).",
    );
    expect(reviews?.words).not.toMatch(/%|Fisher/);
  });

  it("is not a period with rows: one holding only occurrences the history does not cover is refused", () => {
    const uncovered = compare(period("2024-07..2024-12"), history, "cla-review-next");
    expect(uncovered.shares[0]?.before).toEqual({ onTime: 0, cohort: 0, noInformation: 0, interval: null });
    expect(emptyPeriodProblem(uncovered)).toMatch(/^--before 2024-07\.\.2024-12 has no rows/);
    expect(emptyPeriodProblem(compare(BEFORE, history, "cla-review-next"))).toBeNull();
  });

  it("says there is no history yet when the add-in has recorded none", () => {
    const reviews = compare(BEFORE, NO_HISTORY, "cla-review-next").shares[0];
    expect(reviews?.verdict).toBe("no history");
    expect(reviews?.coverage).toEqual({ from: null, before: false, after: false });
    expect(reviews?.words).toMatch(/^Not compared: there is no Tracker history yet \(the add-in records/);
  });

  it("gives --json the recurring shares in the standards' shape, with historyFrom and each period's covered", () => {
    const json = compareJson(
      compare(period("2024-07..2024-12"), history, "cla-review-next", "cla-review-2"),
    ) as {
      standards: { standard: string }[];
      recurring: Record<string, unknown>[];
    };
    expect(json.standards.map((s) => s.standard)).toEqual(["cla-review-2"]);
    expect(json.recurring).toHaveLength(1);
    expect(Object.keys(json.recurring[0] ?? {})).toEqual([
      "standard",
      "title",
      "historyFrom",
      ...Object.keys(json.standards[0] ?? {}).slice(2),
    ]);
    expect(json.recurring[0]).toMatchObject({
      standard: "cla-review-next",
      historyFrom: "2024-09-11",
      // The uncovered period's counts would miss occurrences the history never saw: none is given.
      before: { onTime: null, cohort: null, noInformation: null, interval: null, covered: false },
      after: { onTime: 12, cohort: 16, covered: true, interval: { low: expect.any(Number) } },
      p: null,
      change: null,
      verdict: "no history",
    });
  });

  it("shows “no history” on the compare sheet for that period, never a share, and draws no chart for it", () => {
    const covered = buildCompareSheet(compare(BEFORE, history, "cla-review-next"));
    const uncovered = buildCompareSheet(compare(period("2024-07..2024-12"), history, "cla-review-next"));
    const rowOf = (sheet: typeof covered) => {
      const cells = cellsOf(sheet);
      return cells.filter((c) => c.row === cells.find((x) => x.value === "Next CLA review")?.row);
    };
    // Columns D and G: the before and after shares.
    expect(
      rowOf(covered)
        .filter((c) => c.column === 4 || c.column === 7)
        .map((c) => c.value),
    ).toEqual([0.5, 0.75]);
    expect(
      rowOf(uncovered)
        .filter((c) => c.column === 4 || c.column === 7)
        .map((c) => c.value),
    ).toEqual(["no history", 0.75]);
    // Columns B, C and L: the before period's on time, cohort and no information, never a false 0 of n.
    expect(
      rowOf(uncovered)
        .filter((c) => c.column === 2 || c.column === 3 || c.column === 12)
        .map((c) => c.value),
    ).toEqual(["–", "–", "–"]);
    expect(covered.charts?.map((c) => c.title)).toContain("Next CLA review: on time, with 95% interval");
    expect(uncovered.charts ?? []).toEqual([]);
  });
});
