import type { CellValue } from "../cells/CellValue";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { calendar, day, evaluate, standards, table } from "../../../test/support/summaryFixtures";
import { buildComparison } from "./buildComparison";
import { comparePeriodOf } from "./compareFixtures";
import type { Comparison } from "./Comparison";

/*
 * Joint Tracker rows made in code: each child becomes looked after on a working day of the month
 * given, and has the 1st PPM k working days later (the ppm-first standard's deadline is BLA + 10
 * working days, so k ≤ 10 is on time), or a PPM date that is not a date.
 */

const period = comparePeriodOf;
const BEFORE = period("2025-01..2025-06");
const AFTER = period("2025-07..2025-12");

let child = 0;
/** `count` children who became looked after in the month (on its 3rd working day), the 1st PPM `k` working days later. */
function children(
  month: string,
  count: number,
  ppm: number | "invalid" | "none" | "no BLA",
): Record<string, CellValue>[] {
  const bla = calendar.addWorkingDays(day(`${month}-01`), 3) as EpochDay;
  return Array.from({ length: count }, () => ({
    childId: `C${++child}`,
    becameLookedAfter: ppm === "no BLA" ? null : formatUkDate(bla),
    firstPpm:
      ppm === "invalid"
        ? "31/02/2025"
        : ppm === "none" || ppm === "no BLA"
          ? null
          : formatUkDate(calendar.addWorkingDays(bla, ppm)),
  }));
}

function compare(rows: Record<string, CellValue>[]): Comparison {
  const tables = [table("jointTracker", rows)];
  return buildComparison(evaluate(tables, "2026-01-15", standards("ppm-first")), tables, {
    before: BEFORE,
    after: AFTER,
    calendar,
  });
}

describe("comparing two periods of a tracker", () => {
  it("says the times as a whole moved when the rank test finds a shift the equal medians do not show", () => {
    const result = compare([
      ...children("2025-03", 20, 10),
      ...children("2025-03", 19, 40),
      ...children("2025-09", 20, 10),
      ...children("2025-09", 19, 2),
    ]);
    const ppm = result.measures.find((m) => m.id === "bla-to-1st-ppm");
    expect([ppm?.before.median, ppm?.after.median]).toEqual([10, 10]);
    expect(ppm?.verdict).toBe("significant improvement");
    expect(ppm?.words).toContain(
      "the medians are the same, but the times as a whole are shorter (the test compares every case, not only the middle one)",
    );
  });

  it("counts each period's cohort by deadline as the summary does, with Fisher's test and Newcombe's interval", () => {
    const result = compare([
      ...children("2025-03", 6, 5),
      ...children("2025-03", 24, 20),
      ...children("2025-09", 14, 5),
      ...children("2025-09", 6, 20),
    ]);
    const ppm = result.shares.find((s) => s.id === "ppm-first");
    expect(ppm?.before).toMatchObject({ onTime: 6, cohort: 30, noInformation: 0 });
    expect(ppm?.after).toMatchObject({ onTime: 14, cohort: 20, noInformation: 0 });
    expect(ppm?.change?.difference).toBeCloseTo(0.5, 12);
    expect(ppm?.p).toBeLessThan(0.05);
    expect(ppm?.verdict).toBe("significant improvement");
    expect(ppm?.words).toMatch(
      /^A significant improvement \(Fisher's exact test p [<=] 0\.\d+\): 20% on time \(6 of 30\)/,
    );
  });

  it("draws no conclusion when the rows with no information could explain the change on their own (the report's 42%)", () => {
    const result = compare([
      ...children("2025-03", 9, 5),
      ...children("2025-03", 21, 20),
      ...children("2025-09", 14, 5),
      ...children("2025-09", 6, 20),
      ...children("2025-09", 30, "invalid"),
    ]);
    const ppm = result.shares.find((s) => s.id === "ppm-first");
    expect(ppm?.after).toMatchObject({ onTime: 14, cohort: 20, noInformation: 30 });
    expect(ppm?.p).toBeLessThan(0.05);
    expect(ppm?.gapCouldExplain).toBe(true);
    expect(ppm?.verdict).toBe("gap could explain");
    expect(ppm?.words).toMatch(/^No conclusion can be drawn: /);
    expect(ppm?.words).toContain(
      "No information (missing or invalid dates) for 0 of 30 (0%) before and 30 of 50 (60%) after.",
    );
    expect(ppm?.words).not.toMatch(/significant/i);
  });

  it("says there are too few cases to tell below 10 in either period, however small the p-value", () => {
    const result = compare([...children("2025-03", 9, 20), ...children("2025-09", 30, 5)]);
    const ppm = result.shares.find((s) => s.id === "ppm-first");
    expect(ppm?.p).toBeLessThan(0.001);
    expect(ppm?.verdict).toBe("too few cases");
    expect(ppm?.words).toMatch(/^Too few cases to tell: 9 in Jan 2025–Jun 2025 and 30 in Jul 2025–Dec 2025/);
  });

  it("compares all-met with none-met cohorts, and finds no change between two all-met cohorts", () => {
    const worse = compare([...children("2025-03", 12, 5), ...children("2025-09", 12, 20)]).shares[0];
    expect(worse?.verdict).toBe("significant worsening");
    expect(worse?.change?.difference).toBe(-1);
    const same = compare([...children("2025-03", 12, 5), ...children("2025-09", 15, 5)]).shares[0];
    expect(same?.p).toBe(1);
    expect(same?.verdict).toBe("no significant change");
  });

  it("places rows it cannot assess by the deadline they would have had, and counts those with no start date apart", () => {
    const result = compare([
      ...children("2025-03", 12, 5),
      ...children("2025-03", 2, "invalid"),
      ...children("2025-09", 12, 5),
      ...children("2025-09", 3, "no BLA"),
    ]);
    const ppm = result.shares[0];
    expect(ppm?.before.noInformation).toBe(2);
    expect(ppm?.after.noInformation).toBe(0);
    expect(result.undated).toEqual([{ id: "ppm-first", title: "1st permanency planning meeting", rows: 3 }]);
  });

  it("leaves out of a period under way the rows it cannot assess whose deadline would fall after as-of, as it leaves their cohort", () => {
    const tables = [
      table("jointTracker", [
        ...children("2025-03", 12, 5),
        ...children("2025-12", 12, 5),
        // Became looked after on 06/01/2026: the 1st PPM would be due on 20/01/2026, after as-of.
        ...children("2026-01", 3, "invalid"),
      ]),
    ];
    const result = buildComparison(evaluate(tables, "2026-01-15", standards("ppm-first")), tables, {
      before: BEFORE,
      after: period("2025-07..2026-01"),
      calendar,
    });
    expect(result.shares[0]?.after).toMatchObject({ cohort: 12, noInformation: 0 });
  });

  it("compares BLA to 1st PPM working days by the month of BLA, counting children with no PPM as no information", () => {
    const result = compare([
      ...children("2025-03", 10, 30),
      ...children("2025-03", 2, "none"),
      ...children("2025-09", 10, 8),
      ...children("2025-09", 1, "invalid"),
    ]);
    const days = result.measures.find((m) => m.id === "bla-to-1st-ppm");
    expect(days?.before).toMatchObject({ n: 10, median: 30, noInformation: 2 });
    expect(days?.after).toMatchObject({ n: 10, median: 8, noInformation: 1 });
    // Every before value above every after value, all tied within: the normal approximation.
    expect(days?.test?.method).toBe("asymptotic");
    expect(days?.verdict).toBe("significant improvement");
    expect(days?.words).toContain(
      "median 30 working days (10 cases) in Jan 2025–Jun 2025, median 8 working days (10 cases)",
    );
    // A 1st PPM not held by the as-of date is counted too, and is not a fault in the data.
    expect(days?.words).toContain(
      "No information (not held yet, or a missing or invalid date) for 2 of 12 (17%) before and 1 of 11 (9%) after",
    );
  });

  it("says nothing of occurrences not being independent when no recurring standard is tested", () => {
    const result = compare([...children("2025-03", 12, 5), ...children("2025-09", 12, 20)]);
    expect(result.shares[0]?.p).not.toBeNull();
    expect(result.notes.join(" ")).not.toContain("not independent");
  });
});

describe("the words about rows with no information", () => {
  it("say a significant change stands even were every such row against it", () => {
    const result = compare([
      ...children("2025-03", 6, 5),
      ...children("2025-03", 24, 20),
      ...children("2025-09", 14, 5),
      ...children("2025-09", 6, 20),
      ...children("2025-09", 2, "invalid"),
    ]);
    const ppm = result.shares[0];
    expect(ppm?.verdict).toBe("significant improvement");
    expect(ppm?.words).toMatch(
      /No information \(missing or invalid dates\) for 0 of 30 \(0%\) before and 2 of 22 \(9%\) after: even had every one of them gone against the change, it would remain\.$/,
    );
  });
});

describe("the share of rows with no information", () => {
  it("is never written 0% when there is one", () => {
    const result = compare([
      ...children("2025-03", 250, 5),
      ...children("2025-09", 250, 5),
      ...children("2025-09", 1, "invalid"),
    ]);
    expect(result.shares[0]?.words).toContain(
      "No information (missing or invalid dates) for 0 of 250 (0%) before and 1 of 251 (<1%) after.",
    );
  });
});

describe("a change at the margin", () => {
  it("is called borderline, not significant, when the interval leaves out no change but p is not below 0.05", () => {
    // 62 of 70 before and 54 of 72 after: Fisher's p = 0.0501, Newcombe's interval −26 to −1 points.
    const result = compare([
      ...children("2025-03", 62, 5),
      ...children("2025-03", 8, 20),
      ...children("2025-09", 54, 5),
      ...children("2025-09", 18, 20),
    ]);
    const ppm = result.shares[0];
    expect(ppm?.p).toBeGreaterThanOrEqual(0.05);
    expect(ppm?.change?.interval.high).toBeLessThan(0);
    expect(ppm?.verdict).toBe("no significant change");
    expect(ppm?.words).toContain(
      "Borderline: the interval just leaves out no change, but the exact test does not reach p < 0.05.",
    );
  });
});

describe("the words of a comparison", () => {
  it("shows a median of months to one decimal, as the summary does, never 7.699999999999999", () => {
    // Application to panel 7.6 and 7.8 months: their median, 7.7, is not exact in binary.
    const households = [
      { application: "01/01/2025", panel: "19/08/2025" },
      { application: "01/01/2025", panel: "25/08/2025" },
      { application: "01/01/2024", panel: "19/08/2024" },
      { application: "01/01/2024", panel: "25/08/2024" },
    ].map((dates, i) => ({ householdId: `H${i + 1}`, ...dates }));
    const tables = [table("recruitment", households)];
    const result = buildComparison(evaluate(tables, "2026-01-15", standards()), tables, {
      before: period("2024-07..2024-12"),
      after: AFTER,
      calendar,
    });
    const panel = result.measures.find((m) => m.id === "application-to-panel");
    expect(panel?.after.values).toEqual([7.6, 7.8]);
    expect(panel?.words).toContain("median 7.7 months (2 cases) in Jul 2025–Dec 2025");
    expect(panel?.words).not.toMatch(/\d\.\d{3,}/);
  });
});
