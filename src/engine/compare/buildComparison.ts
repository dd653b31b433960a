import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NO_HISTORY, type HistoryIndex } from "../history/HistoryIndex";
import { medianOf } from "../summary/buildSummaryFigures";
import { percentText } from "../summary/SummaryFigures";
import type { TrackerTable } from "../tables/TrackerTable";
import { collectMeasureValues, type MeasureValues } from "./collectMeasureValues";
import { collectShareCohorts, type ShareCohorts } from "./collectShareCohorts";
import type { ComparePeriod } from "./ComparePeriod";
import { compareVerdict } from "./compareVerdict";
import { compareWords } from "./compareWords";
import { pText, pointsText, signedPoints } from "./compareText";
import type {
  Comparison,
  HistoryCoverage,
  MeasureComparison,
  ShareComparison,
  ShareSide,
} from "./Comparison";
import { fisherExact } from "./fisherExact";
import { mannWhitneyU } from "./mannWhitneyU";
import { medianInterval } from "./medianInterval";
import { medianGapCouldExplain } from "./medianGapCouldExplain";
import { newcombeDifference } from "./newcombeDifference";
import { shareGapCouldExplain } from "./shareGapCouldExplain";
import { wilsonInterval } from "./wilsonInterval";

export interface CompareOptions {
  before: ComparePeriod;
  after: ComparePeriod;
  calendar: WorkingDayCalendar;
  /** The Tracker history recurring standards are counted from; none when absent. */
  history?: HistoryIndex;
}

/**
 * Compares two periods of one tracker (evaluation-semantics.md "Before and after (did the change
 * work?)"): each standard's on-time share with Fisher's exact test and Newcombe's interval for the
 * change (a recurring standard's from every occurrence in the Tracker history, when the history
 * covers both periods), and each working-day measure's median with the Mann–Whitney U test, each
 * with the words that say what may be concluded. The periods are checked by the caller
 * (checkComparePeriods).
 */
export function buildComparison(
  evaluation: TrackerEvaluation,
  tables: readonly TrackerTable[],
  options: CompareOptions,
): Comparison {
  const { before, after, calendar } = options;
  const cohorts = collectShareCohorts(evaluation, before, after, calendar, options.history ?? NO_HISTORY);
  const measures = collectMeasureValues(tables, before, after, calendar, evaluation.asOf);
  const shares = cohorts.map((c) => shareComparison(c, before, after));
  const measureComparisons = measures.map((m) => measureComparison(m, before, after));
  const tested = [...shares.map((s) => s.p), ...measureComparisons.map((m) => m.test?.p ?? null)].filter(
    (p) => p !== null,
  ).length;
  const notes: string[] = [];
  if (tested > 1) {
    // Each test alone is right 19 times in 20 when nothing changed; over many, one will not be.
    notes.push(
      `${tested} comparisons are tested here: even with no real change, about 1 in 20 would show p below 0.05 ` +
        "by chance, so one significant result among many is weak evidence on its own. Look first at the " +
        "measure the change was meant to improve.",
    );
  }
  if (shares.some((s) => s.coverage !== null && s.p !== null)) {
    // Fisher's test assumes independent cases; a child with one late review tends to have several.
    notes.push(
      "Recurring standards count every occurrence, and one child's or household's occurrences are not " +
        "independent (late ones tend to come together). Their p-values treat each occurrence as " +
        "independent, so they are smaller than they should be: read a significant change there as weaker " +
        "evidence than it looks.",
    );
  }
  return {
    before,
    after,
    asOf: evaluation.asOf,
    shares,
    measures: measureComparisons,
    undated: cohorts
      .filter((c) => c.undated > 0)
      .map((c) => ({ id: c.standard.id, title: c.standard.title, rows: c.undated })),
    notes,
  };
}

function shareComparison(c: ShareCohorts, before: ComparePeriod, after: ComparePeriod): ShareComparison {
  const { coverage } = c;
  // A period the Tracker history does not cover from its first day: no share, no test, "no history".
  if (coverage !== null && !(coverage.before && coverage.after))
    return notCovered(c, coverage, before, after);
  const change = newcombeDifference(c.before.onTime, c.before.cohort, c.after.onTime, c.after.cohort);
  const p =
    change === null ? null : fisherExact(c.before.onTime, c.before.cohort, c.after.onTime, c.after.cohort);
  const gapCouldExplain = shareGapCouldExplain(c.before, c.after);
  const verdict = compareVerdict({
    casesBefore: c.before.cohort,
    casesAfter: c.after.cohort,
    p,
    better: (change?.difference ?? 0) > 0,
    gapCouldExplain,
  });
  const side = (s: ShareCohorts["before"]): string =>
    `${percentText(s.onTime, s.cohort)} on time (${s.onTime} of ${s.cohort}${coverage === null ? "" : " occurrences"})`;
  return {
    kind: "share",
    id: c.standard.id,
    title: c.standard.title,
    coverage,
    before: { ...c.before, interval: wilsonInterval(c.before.onTime, c.before.cohort) },
    after: { ...c.after, interval: wilsonInterval(c.after.onTime, c.after.cohort) },
    change,
    p,
    gapCouldExplain,
    verdict,
    words: compareWords({
      verdict,
      before,
      after,
      beforeText: side(c.before),
      afterText: side(c.after),
      changeText:
        change === null
          ? ""
          : `${pointsText(change.difference)} (95% interval ${signedPoints(change.interval.low)} to ${signedPoints(change.interval.high)})`,
      testText:
        p === null
          ? ""
          : `Fisher's exact test ${pText(p)}${coverage === null ? "" : ", counting each occurrence as independent, which overstates the evidence"}`,
      intervalExcludesNoChange: change !== null && (change.interval.low > 0 || change.interval.high < 0),
      casesBefore: c.before.cohort,
      casesAfter: c.after.cohort,
      noInformationBefore: c.before.noInformation,
      noInformationAfter: c.after.noInformation,
    }),
  };
}

/**
 * A recurring standard over a period its Tracker history does not reach back to: the occurrences
 * opened before the add-in first looked are missing, so neither a share nor a test is given, only
 * from when the history covers it (evaluation-semantics.md: "no history", never 0%).
 */
function notCovered(
  c: ShareCohorts,
  coverage: HistoryCoverage,
  before: ComparePeriod,
  after: ComparePeriod,
): ShareComparison {
  const verdict = "no history";
  return {
    kind: "share",
    id: c.standard.id,
    title: c.standard.title,
    coverage,
    // The uncovered period's counts miss the occurrences the history never saw: none is given.
    before: coverage.before ? coveredSide(c.before) : NO_HISTORY_SIDE,
    after: coverage.after ? coveredSide(c.after) : NO_HISTORY_SIDE,
    change: null,
    p: null,
    gapCouldExplain: false,
    verdict,
    words: compareWords({
      verdict,
      before,
      after,
      beforeText: "",
      afterText: "",
      changeText: "",
      testText: "",
      casesBefore: c.before.cohort,
      casesAfter: c.after.cohort,
      noInformationBefore: 0,
      noInformationAfter: 0,
      coverage,
    }),
  };
}

const NO_HISTORY_SIDE: ShareSide = { onTime: 0, cohort: 0, noInformation: 0, interval: null };

function coveredSide(side: ShareCohorts["before"]): ShareSide {
  return { ...side, interval: wilsonInterval(side.onTime, side.cohort) };
}

function measureComparison(m: MeasureValues, before: ComparePeriod, after: ComparePeriod): MeasureComparison {
  const test = mannWhitneyU(m.before.values, m.after.values);
  const medianBefore = medianOf(m.before.values).median;
  const medianAfter = medianOf(m.after.values).median;
  const gapCouldExplain = medianGapCouldExplain(m.before, m.after);
  const verdict = compareVerdict({
    casesBefore: m.before.values.length,
    casesAfter: m.after.values.length,
    p: test?.p ?? null,
    // Lower is better, and the direction is the rank test's: U of the before period above half of all
    // pairs means its cases tended to take longer, even when the medians are equal.
    better: test !== null && test.u > (m.before.values.length * m.after.values.length) / 2,
    gapCouldExplain,
  });
  const side = (median: number | null, n: number): string =>
    // Months between dates are fractional: 7.699999999999999 is shown as 7.7.
    median === null ? "no cases" : `median ${Math.round(median * 10) / 10} ${m.unit} (${n} cases)`;
  return {
    kind: "measure",
    id: m.id,
    title: m.title,
    unit: m.unit,
    before: {
      n: m.before.values.length,
      median: medianBefore,
      medianInterval: medianInterval(m.before.values),
      noInformation: m.before.missingAtLeast.length,
      values: m.before.values,
    },
    after: {
      n: m.after.values.length,
      median: medianAfter,
      medianInterval: medianInterval(m.after.values),
      noInformation: m.after.missingAtLeast.length,
      values: m.after.values,
    },
    test,
    gapCouldExplain,
    verdict,
    words: compareWords({
      verdict,
      before,
      after,
      beforeText: side(medianBefore, m.before.values.length),
      afterText: side(medianAfter, m.after.values.length),
      changeText: sameMedianShift(verdict, medianBefore, medianAfter),
      testText: test === null ? "" : `Mann–Whitney U test ${pText(test.p)}`,
      casesBefore: m.before.values.length,
      casesAfter: m.after.values.length,
      noInformationBefore: m.before.missingAtLeast.length,
      noInformationAfter: m.after.missingAtLeast.length,
      noInformationWhy: "not held yet, or a missing or invalid date",
    }),
  };
}

/**
 * The rank test compares every case, not the middle one: a significant shift with the same median
 * (the slowest cases got faster, say) must not read as a contradiction of the figures beside it.
 */
function sameMedianShift(verdict: string, before: number | null, after: number | null): string {
  const significant = verdict === "significant improvement" || verdict === "significant worsening";
  if (!significant || before === null || before !== after) return "";
  const way = verdict === "significant improvement" ? "shorter" : "longer";
  return `the medians are the same, but the times as a whole are ${way} (the test compares every case, not only the middle one)`;
}
