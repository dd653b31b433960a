import { buildSummaryFigures, medianOf } from "./buildSummaryFigures";
import { monthsBetween } from "./summaryEvents";
import { calendar, day, evaluate, standards, table } from "../../../test/support/summaryFixtures";
import { traceRows, type PeriodFigures, type SummaryFigures } from "./SummaryFigures";
import type { TrackerTable } from "../tables/TrackerTable";

/*
 * Expected numbers are worked out by hand from the dates (March 2025 has no bank holidays; 18/04 and
 * 21/04/2025 are Good Friday and Easter Monday, after every deadline used here).
 */

const joint = table("jointTracker", [
  // A: BLA Mon 03/03; 1st PPM Fri 14/03 = 9 WD; deadline WORKDAY(03/03, 10) = 17/03 → met in March.
  {
    childId: "A",
    becameLookedAfter: "03/03/2025",
    firstPpm: "14/03/2025",
    latestPpm: "28/03/2025",
    team: "North",
    socialWorker: "Ann",
    placementType: "U4",
    placementProvider: "PR1",
    placementsLast12Months: 1,
  },
  // B: BLA 17/02; deadline 03/03; PPM 10/03 = 15 WD → met late in March; band 11–30 in February.
  {
    childId: "B",
    becameLookedAfter: "17/02/2025",
    firstPpm: "10/03/2025",
    latestPpm: "10/03/2025",
    team: "North",
    socialWorker: "Bob",
    placementType: "U5",
    placementProvider: "PR4",
    placementsLast12Months: 3,
  },
  // C: BLA 17/03; deadline 31/03 (last day of March); no PPM by 10/04 → overdue, counted in March.
  {
    childId: "C",
    becameLookedAfter: "17/03/2025",
    team: "South",
    socialWorker: "Ann",
    placementType: "U6",
    placementsLast12Months: "2",
  },
  // D: BLA Tue 18/03; deadline 01/04 (first day of April); PPM 20/03 (2 WD) → met, counted in April.
  {
    childId: "D",
    becameLookedAfter: "18/03/2025",
    firstPpm: "20/03/2025",
    team: "South",
    placementType: "K2",
  },
  // E: BLA 31/03; deadline 14/04 is after as-of → in no cohort; no PPM yet.
  { childId: "E", becameLookedAfter: "31/03/2025", team: "South", socialWorker: "Eve" },
  // F: PPM before BLA (early permanence planning) → ppmBeforeBla; the standard cannot assess it.
  { childId: "F", becameLookedAfter: "05/03/2025", firstPpm: "01/03/2025" },
  // G: an impossible PPM date → cannotAssess.
  { childId: "G", becameLookedAfter: "06/03/2025", firstPpm: "31/02/2025" },
  // H: BLA 02/12/2024, PPM 10/12/2024 = 6 WD; deadline 16/12/2024 → met in December.
  { childId: "H", becameLookedAfter: "02/12/2024", firstPpm: "10/12/2024" },
]);

const recruitment = table("recruitment", [
  // Enquiry Mon 03/03 → IHV 12/03: 7 WD. Application 15/07/2024 → panel 15/03/2025: 8 months.
  {
    householdId: "H1",
    enquiry: "03/03/2025",
    ihv: "12/03/2025",
    application: "15/07/2024",
    panel: "15/03/2025",
  },
  // Enquiry 24/02 → IHV 13/03: 13 WD. Application 10/09/2024 → panel 25/03/2025: 6 months + 15/31.
  {
    householdId: "H2",
    enquiry: "24/02/2025",
    ihv: "13/03/2025",
    application: "10/09/2024",
    panel: "25/03/2025",
  },
  { householdId: "H3", enquiry: "20/03/2025" },
]);

const support = table("fosteringSupport", [
  {
    householdId: "F1",
    approvalDate: "01/05/2020",
    approvedPlaces: 3,
    childrenPlaced: 2,
    vacantPlaces: 1,
    notAvailablePlaces: 0,
  },
  {
    householdId: "F2",
    approvalDate: "01/06/2024",
    approvedPlaces: 2,
    childrenPlaced: 0,
    vacantPlaces: 0,
    notAvailablePlaces: 2,
  },
  // Deregistered before as-of: not an open household.
  {
    householdId: "F3",
    approvalDate: "01/01/2019",
    deregistered: "15/01/2025",
    approvedPlaces: 4,
    childrenPlaced: 4,
  },
  // Approved places not a number: left out of the rates, counted as left out.
  { householdId: "F4", approvalDate: "12/03/2025", approvedPlaces: "two", childrenPlaced: 0 },
]);

function summarise(
  tables: TrackerTable[],
  month: string,
  options: { period?: "month" | "quarter" | "financialYear"; ids?: string[] } = {},
): SummaryFigures {
  const evaluation = evaluate(tables, "2025-04-10", options.ids ? standards(...options.ids) : undefined);
  return buildSummaryFigures(evaluation, tables, {
    month,
    asOf: day("2025-04-10"),
    calendar,
    period: options.period,
  });
}

function timelinessOf(p: PeriodFigures, id: string): { cohort: number; onTime: number; late: number } {
  const t = p.timeliness.find((x) => x.standard === id);
  if (!t) throw new Error(`no ${id}`);
  return { cohort: t.cohort, onTime: t.onTime, late: t.late };
}

describe("buildSummaryFigures", () => {
  const march = summarise([joint, recruitment, support], "2025-03", { ids: ["ppm-first"] });

  it("counts a standard by the month its deadline falls in, the last day of the month included", () => {
    expect(timelinessOf(march.current, "ppm-first")).toEqual({ cohort: 3, onTime: 1, late: 2 });
    expect(march.months.map((m) => m.period.key)).toEqual([
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
    ]);
    expect(timelinessOf(march.months[8] as PeriodFigures, "ppm-first")).toEqual({
      cohort: 1,
      onTime: 1,
      late: 0,
    });
    expect(timelinessOf(march.previous, "ppm-first")).toEqual({ cohort: 0, onTime: 0, late: 0 });
  });

  it("counts a deadline on the first day of a month in that month and leaves out deadlines after as-of", () => {
    const april = summarise([joint], "2025-04", { ids: ["ppm-first"] });
    // D (deadline 01/04) only: E's deadline 14/04 is after the as-of date 10/04.
    expect(timelinessOf(april.current, "ppm-first")).toEqual({ cohort: 1, onTime: 1, late: 0 });
    expect(timelinessOf(april.previous, "ppm-first")).toEqual({ cohort: 3, onTime: 1, late: 2 });
  });

  it("reports cannot-assess rows as no information, never in the cohort", () => {
    expect(march.noInformation).toEqual([
      { standard: "ppm-first", title: expect.any(String) as string, rows: 2 },
    ]);
  });

  it("bands working days from becoming looked after to the 1st PPM by the month the child became looked after", () => {
    expect(march.current.ppmBands).toEqual({
      upTo10: 2,
      from11To30: 0,
      from31To60: 0,
      over60: 0,
      noPpmYet: 2,
      ppmBeforeBla: 1,
      cannotAssess: 1,
    });
    expect(march.previous.ppmBands.from11To30).toBe(1);
    expect(march.current.blaToPpmWorkingDays).toEqual({ median: 5.5, mean: 5.5, n: 2 });
  });

  it("counts 1st and latest PPM dates, a shared date once", () => {
    expect(march.current.ppmsHeld).toBe(5);
    expect(march.quarters.map((q) => [q.period.key, q.ppmsHeld])).toEqual([
      ["2024-Q2", 0],
      ["2024-Q3", 0],
      ["2024-Q4", 1],
      ["2025-Q1", 5],
    ]);
  });

  it("groups the period's cohort by team and by worker, with what is overdue now", () => {
    expect(march.byTeam).toEqual([
      { name: "North", cohort: 2, onTime: 1, late: 1, overdueNow: 0 },
      { name: "South", cohort: 1, onTime: 0, late: 1, overdueNow: 1 },
    ]);
    expect(march.byWorker).toEqual([
      { name: "Ann", cohort: 2, onTime: 1, late: 1, overdueNow: 1 },
      { name: "Bob", cohort: 1, onTime: 0, late: 1, overdueNow: 0 },
    ]);
  });

  it("counts a quarter and a financial year the same way as a month", () => {
    const quarter = summarise([joint], "2025-03", { period: "quarter", ids: ["ppm-first"] });
    expect(quarter.current.period.key).toBe("2025-Q1");
    expect(timelinessOf(quarter.current, "ppm-first")).toEqual({ cohort: 3, onTime: 1, late: 2 });
    expect(timelinessOf(quarter.previous, "ppm-first")).toEqual({ cohort: 1, onTime: 1, late: 0 });
    const year = summarise([joint], "2025-03", { period: "financialYear", ids: ["ppm-first"] });
    expect(year.current.period.key).toBe("2024/25");
    expect(timelinessOf(year.current, "ppm-first")).toEqual({ cohort: 4, onTime: 2, late: 2 });
    expect(year.current.ppmBands.upTo10).toBe(3);
  });

  it("counts enquiries, enquiry to IHV and application to panel by the month of the later date", () => {
    expect(march.current.enquiries).toBe(2);
    expect(march.previous.enquiries).toBe(1);
    expect(march.current.enquiryToIhvWorkingDays).toEqual({ median: 10, mean: 10, n: 2 });
    expect(march.current.applicationToPanelMonths).toEqual({ median: 7.25, mean: 7.3, n: 2 });
  });

  it("counts approvals per month and financial year and occupancy over open households", () => {
    expect(march.current.approvals).toBe(1);
    expect(march.financialYears.map((y) => [y.period.key, y.approvals])).toEqual([
      ["2020/21", 1],
      ["2021/22", 0],
      ["2022/23", 0],
      ["2023/24", 0],
      ["2024/25", 2],
    ]);
    expect(march.occupancy).toEqual({
      households: 2,
      approvedPlaces: 5,
      childrenPlaced: 2,
      vacantPlaces: 1,
      notAvailablePlaces: 2,
      householdsLeftOut: 1,
    });
  });

  it("shares foster placements with other carers between in-house and agency carers", () => {
    expect(march.inHouseFostering).toEqual({ inHouse: 1, external: 1, otherOrUnknown: 1 });
    expect(march.placementsLast12Months).toEqual({ median: 2, mean: 2, n: 3 });
  });

  it("reports the completeness of each key date column", () => {
    expect(march.completeness.find((c) => c.column === "firstPpm")).toMatchObject({
      valid: 5,
      blank: 2,
      invalid: 1,
    });
    expect(march.completeness.find((c) => c.column === "becameLookedAfter")).toMatchObject({
      valid: 8,
      blank: 0,
      invalid: 0,
    });
  });

  it("traces every counted row to its sheet, row and month", () => {
    const ppm = traceRows(march.trace).filter((t) => t.figure === "Timeliness" && t.month === "2025-03");
    expect(ppm.map((t) => [t.id, t.outcome]).sort()).toEqual([
      ["A", "met"],
      ["B", "met late"],
      ["C", "overdue"],
    ]);
    expect(
      traceRows(march.trace).filter((t) => t.figure === "PPMs held" && t.month === "2025-03"),
    ).toHaveLength(5);
  });
});

describe("recurring standards", () => {
  it("are marked, since only their overdue rows can be counted", () => {
    const figures = summarise([joint], "2025-03", { ids: ["ppm-first", "ppm-cycle"] });
    expect(figures.current.timeliness.map((t) => [t.standard, t.recurring])).toEqual([
      ["ppm-first", false],
      ["ppm-cycle", true],
    ]);
  });
});

describe("2nd review within 4 months and plan agreed by the 2nd review", () => {
  const reviews = table("jointTracker", [
    // P: BLA 15/11/2024 + 4 months = 15/03/2025; 2nd review 10/03 → on time. Plan 07/03 by review 10/03 → met.
    {
      childId: "P",
      becameLookedAfter: "15/11/2024",
      firstReview: "05/12/2024",
      secondReview: "10/03/2025",
      planAgreed: "07/03/2025",
    },
    // Q: 4 months end 30/03/2025, no 2nd review → late. 2nd review due 20/03 (1st + 3 months), no plan → overdue in March.
    { childId: "Q", becameLookedAfter: "30/11/2024", firstReview: "20/12/2024" },
    // R: ceased 01/02/2025, before the 4 months ended → left out.
    { childId: "R", becameLookedAfter: "20/11/2024", permanenceAchieved: "01/02/2025" },
    // S: 4 months end 30/04/2025, after as-of → left out.
    { childId: "S", becameLookedAfter: "31/12/2024" },
  ]);
  const figures = summarise([reviews], "2025-03", {
    ids: ["cla-review-1", "cla-review-2", "permanence-plan"],
  });

  it("counts 2nd reviews by the month four months after becoming looked after", () => {
    expect(figures.current.secondReviewWithin4Months).toEqual({ cohort: 2, onTime: 1, late: 1 });
  });

  it("takes plans agreed by the 2nd review from the permanence-plan standard", () => {
    expect(figures.current.planAgreedBy2ndReview).toEqual({ cohort: 2, onTime: 1, late: 1 });
  });
});

describe("rows the summary-only measures cannot count", () => {
  const rows = table("jointTracker", [
    // T: 4 months end 20/03/2025, 2nd review 10/03 in time, but the exit date cannot be read: the
    // 2nd review's and the plan's standards cannot assess the row, so neither can this measure.
    {
      childId: "T",
      becameLookedAfter: "20/11/2024",
      secondReview: "10/03/2025",
      permanenceAchieved: "31/02/2025",
    },
    // U: the same with no 2nd review: not overdue, left out.
    { childId: "U", becameLookedAfter: "20/11/2024", permanenceAchieved: "31/02/2025" },
    // V: held in time, no exit: on time. 1st PPM 02/04 held; latest PPM 28/04 typed ahead of as-of 10/04.
    {
      childId: "V",
      becameLookedAfter: "20/11/2024",
      secondReview: "10/03/2025",
      firstPpm: "02/04/2025",
      latestPpm: "28/04/2025",
    },
  ]);

  it("leaves a 2nd review out of the 4-month measure when the row's exit date cannot be read", () => {
    const figures = summarise([rows], "2025-03", { ids: ["cla-review-2", "permanence-plan"] });
    expect(figures.current.secondReviewWithin4Months).toEqual({ cohort: 1, onTime: 1, late: 0 });
  });

  it("counts a PPM held on or before as-of, not one dated after it", () => {
    const figures = summarise([rows], "2025-04", { period: "quarter", ids: ["ppm-first"] });
    expect(figures.current.period.key).toBe("2025-Q2");
    expect(figures.current.ppmsHeld).toBe(1);
  });
});

describe("monthsBetween", () => {
  it("counts whole calendar months and the part-month left as a fraction", () => {
    expect(monthsBetween(day("2024-07-15"), day("2025-03-15"))).toBe(8);
    expect(monthsBetween(day("2024-09-10"), day("2025-03-25"))).toBe(6.5);
    expect(monthsBetween(day("2025-01-31"), day("2025-02-28"))).toBe(1);
  });
});

describe("medianOf", () => {
  /** The median and mean as sorting every value and summing in sorted order gives them. */
  function sortedMedian(values: readonly number[]): {
    median: number | null;
    mean: number | null;
    n: number;
  } {
    if (values.length === 0) return { median: null, mean: null, n: 0 };
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median =
      sorted.length % 2 === 1
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    const sum = sorted.reduce((s, v) => s + v, 0);
    return { median, mean: Math.round((sum / sorted.length) * 10) / 10, n: sorted.length };
  }

  it("counts whole numbers to the same median and mean as sorting them", () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const length = Math.floor(next() * 40);
      const offset = trial % 3 === 0 ? -50 : 0;
      const values = Array.from({ length }, () => Math.floor(next() * 120) + offset);
      expect(medianOf(values)).toEqual(sortedMedian(values));
    }
  });

  it("sorts fractions and wide ranges, as before", () => {
    expect(medianOf([2.1, 0.3, 5.7, 1.1])).toEqual(sortedMedian([2.1, 0.3, 5.7, 1.1]));
    expect(medianOf([0, 1, 250_000, 3])).toEqual({ median: 2, mean: 62501, n: 4 });
    expect(medianOf([])).toEqual({ median: null, mean: null, n: 0 });
    expect(medianOf([4])).toEqual({ median: 4, mean: 4, n: 1 });
  });
});
