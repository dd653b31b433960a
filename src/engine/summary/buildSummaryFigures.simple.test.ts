import { createWorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { evaluateTracker } from "../evaluation/evaluateTracker";
import { indexHistory, NO_HISTORY, type HistoryIndex } from "../history/HistoryIndex";
import { readHistorySheet } from "../history/historySheet";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { generateSampleTracker } from "../sample/generateSampleTracker";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import type { TrackerTable } from "../tables/TrackerTable";
import { buildSummaryFigures } from "./buildSummaryFigures";
import { traceRows, type PeriodFigures } from "./SummaryFigures";
import type { PeriodKind, SummaryPeriod } from "./SummaryPeriod";
import { monthOf, simpleMedian, type Months } from "../../../test/support/simpleSummary/common";
import { simpleInHouse, simpleOccupancy, simplePlacements } from "../../../test/support/simpleSummary/asAt";
import { simpleCompleteness } from "../../../test/support/simpleSummary/completeness";
import { edgeTracker } from "../../../test/support/simpleSummary/edgeTracker";
import { countOutcome, valuesOf, type Counted } from "../../../test/support/simpleSummary/counted";
import {
  simpleApplicationToPanel,
  simpleApprovals,
  simpleEnquiries,
  simpleEnquiryToIhv,
} from "../../../test/support/simpleSummary/fostering";
import {
  bandsOf,
  simpleBlaToPpm,
  simplePpmsHeld,
  simpleSecondReviews,
} from "../../../test/support/simpleSummary/jointTracker";
import {
  isCovered,
  recurringStandards,
  simpleCoverage,
  simpleOccurrences,
} from "../../../test/support/simpleSummary/recurring";
import {
  simpleGroups,
  simpleNoInformation,
  simpleTimeliness,
} from "../../../test/support/simpleSummary/timeliness";
import { simpleTrace } from "../../../test/support/simpleSummary/trace";

/*
 * The tuned summary (events in typed arrays, sorted once, counted by binary search) agrees with a
 * plain re-computation (test/support/simpleSummary/) that loops over every evaluated row and filters
 * by month, for each of the 12 trend months, the 4 quarters and the 5 financial years of generated
 * trackers, messy and clean, with and without a Tracker history.
 */

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;
const calendar = createWorkingDayCalendar();
const JOINT_EXIT = "permanenceAchieved";

function sample(seed: number, messy: boolean, withHistory: boolean) {
  const generated = generateSampleTracker({ children: 400, seed, asOf: AS_OF, messy, history: withHistory });
  const tables: TrackerTable[] = [];
  for (const spec of DEFAULT_PROFILE.sheets) {
    const sheet = generated.sheets.find((s) => s.name === spec.title);
    if (!sheet) continue;
    const snapshot = { name: sheet.name, values: sheet.values, merges: [], protected: false };
    const table = mapTrackerTable(snapshot, spec).table;
    if (table) tables.push(table);
  }
  let history: HistoryIndex = NO_HISTORY;
  if (generated.history) {
    const { name, values } = generated.history;
    const read = readHistorySheet({ name, values, merges: [], protected: false }, DEFAULT_PROFILE);
    history = indexHistory(read.entries, tables, DEFAULT_PROFILE, name);
  }
  return { tables, history };
}

/** The months (`YYYY-MM`) a period spans. */
function monthsOf(period: Pick<SummaryPeriod, "first" | "last">): Months {
  const months = new Set<string>();
  for (let day = period.first; day <= period.last; day++) months.add(monthOf(day));
  return [...months];
}

/** Counted rows as comparable lines, in one order. */
const lines = (rows: readonly (Omit<Counted, "date"> & { date?: number | null })[]): string[] =>
  rows.map((r) => [r.sheetName, r.row, r.id, r.standard, r.outcome, r.date].join(" | ")).sort();

describe.each([
  { tracker: "sample seed 1", messy: true, withHistory: false, build: () => sample(1, true, false) },
  { tracker: "sample seed 2", messy: true, withHistory: true, build: () => sample(2, true, true) },
  { tracker: "sample seed 3", messy: false, withHistory: true, build: () => sample(3, false, true) },
  { tracker: "awkward rows seed 7", messy: true, withHistory: true, build: () => edgeTracker(7, AS_OF) },
  { tracker: "awkward rows seed 8", messy: true, withHistory: true, build: () => edgeTracker(8, AS_OF) },
])("the summary of $tracker (messy: $messy, history: $withHistory)", ({ messy, withHistory, build }) => {
  const { tables, history } = build();
  const evaluation = evaluateTracker(tables, DEFAULT_STANDARDS, {
    asOf: AS_OF,
    calendar,
    profile: DEFAULT_PROFILE,
  });
  const summarise = (period: PeriodKind) =>
    buildSummaryFigures(evaluation, tables, { month: "2026-10", asOf: AS_OF, calendar, history, period });
  const figures = summarise("month");
  /** The summary by quarter and by financial year: its period and comparisons are those instead. */
  const others = [summarise("quarter"), summarise("financialYear")];
  const table = (key: string): TrackerTable => tables.find((t) => t.sheetKey === key) as TrackerTable;
  const joint = table("jointTracker");
  const recruitment = table("recruitment");
  const support = table("fosteringSupport");
  /**
   * Every period the figures give: the 12 months, the 4 quarters, the 5 financial years, and the
   * summary period with its previous one and the one a year earlier, for each kind of summary.
   */
  const periods: PeriodFigures[] = [
    ...new Map(
      [
        ...figures.months,
        ...figures.quarters,
        ...figures.financialYears,
        ...[figures, ...others].flatMap((f) => [f.current, f.previous, f.yearEarlier]),
      ].map((p) => [p.period.key, p] as const),
    ).values(),
  ];

  it("counts each period's timeliness cohort of every standard as a plain loop over the rows does", () => {
    let counted = 0;
    for (const period of periods) {
      const simple = simpleTimeliness(evaluation, AS_OF, monthsOf(period.period));
      const tuned = period.timeliness;
      expect(tuned.map((t) => t.standard).sort()).toEqual([...simple.keys()].sort());
      for (const t of tuned) {
        expect({
          standard: t.standard,
          period: period.period.key,
          cohort: t.cohort,
          onTime: t.onTime,
        }).toEqual({
          standard: t.standard,
          period: period.period.key,
          ...simple.get(t.standard),
        });
        counted += t.cohort;
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it("bands each period's children by BLA to 1st PPM, with the median and mean working days, as a plain loop over the Joint Tracker does", () => {
    let banded = 0;
    for (const period of periods) {
      const simple = simpleBlaToPpm(joint, monthsOf(period.period));
      expect({ period: period.period.key, ...period.ppmBands }).toEqual({
        period: period.period.key,
        ...bandsOf(simple),
      });
      expect({ period: period.period.key, ...period.blaToPpmWorkingDays }).toEqual({
        period: period.period.key,
        ...simpleMedian(valuesOf(simple)),
      });
      banded += valuesOf(simple).length;
    }
    expect(banded).toBeGreaterThan(10);
  });

  it("counts each period's PPMs held, 1st, latest and from the Tracker history, each distinct date once", () => {
    for (const period of periods) {
      const simple = simplePpmsHeld(joint, history, AS_OF, monthsOf(period.period));
      expect({ period: period.period.key, ppmsHeld: period.ppmsHeld }).toEqual({
        period: period.period.key,
        ppmsHeld: simple.length,
      });
    }
    const year = simplePpmsHeld(joint, history, AS_OF, monthsOf(figures.financialYears[4]!.period));
    expect(countOutcome(year, "1st PPM")).toBeGreaterThan(10);
    expect(countOutcome(year, "latest PPM")).toBeGreaterThan(10);
    if (withHistory) expect(countOutcome(year, "earlier PPM (Tracker history)")).toBeGreaterThan(10);
  });

  it("counts 2nd reviews within 4 months of BLA and plans agreed by the 2nd review per period", () => {
    let reviews = 0;
    for (const period of periods) {
      const months = monthsOf(period.period);
      const simple = simpleSecondReviews(joint, JOINT_EXIT, AS_OF, months);
      expect({ period: period.period.key, ...period.secondReviewWithin4Months }).toEqual({
        period: period.period.key,
        cohort: simple.length,
        onTime: countOutcome(simple, "met"),
        late: simple.length - countOutcome(simple, "met"),
      });
      const plan = simpleTimeliness(evaluation, AS_OF, months).get("permanence-plan");
      expect({ period: period.period.key, ...period.planAgreedBy2ndReview }).toEqual({
        period: period.period.key,
        cohort: plan?.cohort,
        onTime: plan?.onTime,
        late: (plan?.cohort ?? 0) - (plan?.onTime ?? 0),
      });
      reviews += simple.length;
    }
    expect(reviews).toBeGreaterThan(10);
  });

  it("counts enquiries and approvals, and the median enquiry to IHV and application to panel, per period", () => {
    let measured = 0;
    for (const period of periods) {
      const months = monthsOf(period.period);
      const ihvs = simpleEnquiryToIhv(recruitment, months);
      const panels = simpleApplicationToPanel(recruitment, months);
      expect({
        period: period.period.key,
        enquiries: period.enquiries,
        approvals: period.approvals,
        enquiryToIhv: period.enquiryToIhvWorkingDays,
        applicationToPanel: period.applicationToPanelMonths,
      }).toEqual({
        period: period.period.key,
        enquiries: simpleEnquiries(recruitment, months).length,
        approvals: simpleApprovals(support, months).length,
        enquiryToIhv: simpleMedian(valuesOf(ihvs)),
        applicationToPanel: simpleMedian(valuesOf(panels)),
      });
      measured += ihvs.length + panels.length;
    }
    expect(measured).toBeGreaterThan(10);
  });

  it("counts each recurring standard's occurrences per period, and says from when its history runs", () => {
    const standards = recurringStandards(evaluation);
    expect(figures.historyFrom).toEqual(
      standards.map((s) => ({ standard: s.id, title: s.title, from: simpleCoverage(s, history) })),
    );
    let occurrences = 0;
    for (const period of periods) {
      const months = monthsOf(period.period);
      expect(period.recurring).toEqual(
        standards.map((s) => {
          const simple = simpleOccurrences(evaluation, s, history, AS_OF, months);
          const onTime = countOutcome(simple, "met");
          const covered = isCovered(simpleCoverage(s, history), months);
          occurrences += simple.length;
          return {
            standard: s.id,
            title: s.title,
            cohort: simple.length,
            onTime,
            late: simple.length - onTime,
            covered,
          };
        }),
      );
    }
    expect(occurrences).toBeGreaterThan(withHistory ? 1000 : 10);
  });

  it("groups the summary period's cohort and what is overdue now by team and by worker as a plain loop over the rows does", () => {
    const byName = <T extends { name: string }>(groups: readonly T[]): T[] =>
      [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const summary of [figures, ...others]) {
      const simple = simpleGroups(evaluation, AS_OF, monthsOf(summary.current.period));
      expect(byName(summary.byTeam)).toEqual(simple.byTeam);
      expect(byName(summary.byWorker)).toEqual(simple.byWorker);
      expect(simple.byTeam.length).toBeGreaterThan(1);
      expect(simple.byWorker.reduce((n, g) => n + g.cohort, 0)).toBeGreaterThan(10);
    }
  });

  it("reports each standard's cannot-assess rows as no information", () => {
    const simple = simpleNoInformation(evaluation);
    expect(new Map(figures.noInformation.map((n) => [n.standard, n.rows]))).toEqual(simple);
    if (messy) expect([...simple.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("counts occupancy, in-house fostering and placement moves over the rows open on the as-of date", () => {
    const occupancy = simpleOccupancy(support, AS_OF).occupancy;
    const inHouse = simpleInHouse(joint, JOINT_EXIT, AS_OF).inHouse;
    expect({
      occupancy: figures.occupancy,
      inHouse: figures.inHouseFostering,
      placements: figures.placementsLast12Months,
    }).toEqual({ occupancy, inHouse, placements: simplePlacements(joint, JOINT_EXIT, AS_OF) });
    expect(occupancy.households).toBeGreaterThan(10);
    expect(inHouse.inHouse + inHouse.external).toBeGreaterThan(10);
  });

  it("counts the valid, blank and invalid cells of each key date column", () => {
    const simple = simpleCompleteness(tables);
    expect(figures.completeness).toEqual(simple);
    expect(simple.length).toBeGreaterThan(10);
    if (messy) expect(simple.reduce((n, c) => n + c.invalid, 0)).toBeGreaterThan(0);
  });

  it("traces every row each figure counts in each month the summary shows, and every row the as-at figures count", () => {
    const rows = traceRows(figures.trace);
    const inputs = { evaluation, tables, history, asOf: AS_OF, jointExit: JOINT_EXIT };
    // The summary traces its periods and their comparisons (a year earlier, the quarters), and
    // approvals over the five financial years.
    const shown = monthsOf({
      first: figures.yearEarlier.period.first,
      last: Math.max(figures.current.period.last, ...figures.quarters.map((q) => q.period.last)),
    });
    const years = monthsOf({
      first: figures.financialYears[0]!.period.first,
      last: figures.financialYears[4]!.period.last,
    });
    const byFigureAndMonth = (traced: readonly { figure: string; month: string; line: string }[]) => {
      const grouped = new Map<string, string[]>();
      for (const { figure, month, line } of traced) {
        const key = `${figure} in ${month}`;
        grouped.set(key, [...(grouped.get(key) ?? []), line]);
      }
      return new Map([...grouped].map(([key, lines]) => [key, lines.sort()] as const));
    };
    const tuned = byFigureAndMonth(
      rows.filter((r) => r.month !== "as at").map((r) => ({ ...r, line: lines([r])[0] as string })),
    );
    const simple = byFigureAndMonth(
      [...simpleTrace(inputs, years)].flatMap(([figure, counted]) =>
        counted
          .filter((c) => figure === "Approved households" || shown.includes(monthOf(c.date)))
          .map((c) => ({ figure, month: monthOf(c.date), line: lines([c])[0] as string })),
      ),
    );
    expect([...tuned.keys()].sort()).toEqual([...simple.keys()].sort());
    let traced = 0;
    for (const [key, expected] of simple) {
      expect({ key, rows: tuned.get(key) }).toEqual({ key, rows: expected });
      traced += expected.length;
    }
    expect(traced).toBeGreaterThan(1000);
    const asAt = rows.filter((r) => r.month === "as at");
    expect(lines(asAt.filter((r) => r.figure === "Occupancy"))).toEqual(
      lines(simpleOccupancy(support, AS_OF).trace),
    );
    expect(lines(asAt.filter((r) => r.figure === "In-house fostering"))).toEqual(
      lines(simpleInHouse(joint, JOINT_EXIT, AS_OF).trace),
    );
  });
});
