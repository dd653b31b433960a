import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import { addLimit } from "../evaluation/evaluateStandard";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { HistoryIndex } from "../history/HistoryIndex";
import { isRecurring, type Standard } from "../standards/Standard";
import { CountedResults } from "../summary/countedResults";
import { historyCoversWhole, recurringCount, recurringOccurrences } from "../summary/recurringFigures";
import type { ComparePeriod } from "./ComparePeriod";
import type { HistoryCoverage } from "./Comparison";

/** A standard's counts in the two periods, before the statistics. */
export interface ShareCohorts {
  standard: Standard;
  before: { onTime: number; cohort: number; noInformation: number };
  after: { onTime: number; cohort: number; noInformation: number };
  /** Rows it could not assess that have no start date either, so belong to no period. */
  undated: number;
  /** A recurring standard's Tracker history coverage; null for any other standard. */
  coverage: HistoryCoverage | null;
}

/**
 * Each standard's cohorts in the two periods exactly as the summary counts a month
 * (evaluation-semantics.md "Figures for a period": met, met late or overdue, the deadline in the
 * period and on or before as-of; through the summary's own CountedResults), and its "cannot assess"
 * rows, the information the evaluation report found missing for 42% of cases.
 *
 * A recurring standard is counted from every occurrence, finished or current, in the rows and the
 * Tracker history ("Recurring standards and history"; the summary's own recurringOccurrences and
 * recurringCount), as from the row alone it could only ever be overdue; with it, whether the
 * history covers each period from its first day.
 *
 * A row that cannot be assessed has no deadline, so it is placed by the deadline it would have had:
 * its start date plus the standard's limit (or its start date, for a standard due by another). A row
 * whose start date is itself missing or invalid belongs to no period: counted as `undated`.
 */
export function collectShareCohorts(
  evaluation: TrackerEvaluation,
  before: ComparePeriod,
  after: ComparePeriod,
  calendar: WorkingDayCalendar,
  history: HistoryIndex,
): ShareCohorts[] {
  const cohorts = new Map<string, ShareCohorts>();
  for (const standard of evaluation.standardsById.values()) {
    // A recurring standard is counted by its limit from each occurrence: without one there are none.
    if (!standard.enabled || (isRecurring(standard) && standard.limit === undefined)) continue;
    if (!evaluation.sheets.some((sheet) => sheet.sheet === standard.sheet && sheet.rows.length > 0)) continue;
    cohorts.set(standard.id, {
      standard,
      before: { onTime: 0, cohort: 0, noInformation: 0 },
      after: { onTime: 0, cohort: 0, noInformation: 0 },
      undated: 0,
      coverage: null,
    });
  }
  for (const occurrences of recurringOccurrences(evaluation, history, calendar)) {
    const cohort = cohorts.get(occurrences.standard.id);
    if (cohort === undefined) continue;
    for (const side of ["before", "after"] as const) {
      const { onTime, cohort: n } = recurringCount(occurrences, side === "before" ? before : after);
      cohort[side].onTime = onTime;
      cohort[side].cohort = n;
    }
    cohort.coverage = {
      from: occurrences.coverageFrom,
      before: historyCoversWhole(occurrences, before),
      after: historyCoversWhole(occurrences, after),
    };
  }
  const sideOf = (cohort: ShareCohorts, day: EpochDay): ShareCohorts["before"] | undefined =>
    day >= before.first && day <= before.last
      ? cohort.before
      : day >= after.first && day <= after.last
        ? cohort.after
        : undefined;

  const counted = new CountedResults(evaluation, evaluation.asOf);
  for (let n = 0; n < counted.length; n++) {
    const { standard } = counted.resultsOf(n);
    // A recurring standard's row holds only its current occurrence: counted above, from them all.
    if (isRecurring(standard)) continue;
    const cohort = cohorts.get(standard.id);
    if (cohort === undefined) continue;
    const side = sideOf(cohort, counted.deadlines[n] as EpochDay);
    if (side === undefined) continue;
    side.cohort += 1;
    if (counted.onTime[n] === 1) side.onTime += 1;
  }

  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      const cohort = cohorts.get(results.standard.id);
      if (cohort === undefined) continue;
      const placeOf = wouldBeDeadlines(results, calendar);
      for (let i = 0; i < results.length; i++) {
        if (results.status[i] !== STATUS.cannotAssess) continue;
        const day = placeOf(i);
        if (day === null) {
          cohort.undated += 1;
          continue;
        }
        // As the cohort counts deadlines only up to as-of, a period under way counts these only up to it too.
        if (day > evaluation.asOf) continue;
        const side = sideOf(cohort, day);
        if (side !== undefined) side.noInformation += 1;
      }
    }
  }
  return [...cohorts.values()];
}

/** The deadline a row that could not be assessed would have had, from its first valid start date. */
function wouldBeDeadlines(
  results: StandardResults,
  calendar: WorkingDayCalendar,
): (i: number) => EpochDay | null {
  const { standard } = results;
  const columns = results.byColumn;
  const starts = standard.start.map((key) => columns.dates(key));
  return (i) => {
    for (const column of starts) {
      const date = column[i] as CellDate;
      if (date.kind === "empty") continue;
      if (date.kind === "problem") return null;
      return standard.limit === undefined ? date.day : addLimit(date.day, standard.limit, calendar);
    }
    return null;
  };
}
