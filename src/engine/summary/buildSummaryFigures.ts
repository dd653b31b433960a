import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { EpochDay } from "../dates/epochDay";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NO_HISTORY, type HistoryIndex } from "../history/HistoryIndex";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import type { SheetKey, TrackerProfile } from "../profile/TrackerProfile";
import { isRecurring } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import { buildAdoptionScorecard } from "./adoptionScorecard";
import { asAtOf, inHouseOf, occupancyOf, placementsOf } from "./asAtFigures";
import { completenessOf, rowsCannotAssess } from "./completeness";
import { CountedResults } from "./countedResults";
import { groupFigures, teamsOf } from "./groupFigures";
import { medianOf } from "./medianOf";
import { periodFigures, type StandardTitle } from "./periodFigures";
import { occurrencesIn, recurringOccurrences, traceOccurrences } from "./recurringFigures";
import type { PeriodFigures, SummaryFigures } from "./SummaryFigures";
import { collectEvents } from "./summaryEvents";
import {
  financialYearPeriod,
  formatYearMonth,
  monthPeriod,
  parseYearMonth,
  periodOf,
  previousPeriod,
  quarterPeriod,
  shiftMonth,
  yearEarlierPeriod,
  type PeriodKind,
  type SummaryPeriod,
} from "./SummaryPeriod";
import { traceOf } from "./summaryTrace";

/** Kept here too for the modules that import it from the summary. */
export { medianOf };

export interface SummaryOptions {
  /** `YYYY-MM`: the month summarised, the last of the 12-month trend. */
  month: string;
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  period?: PeriodKind;
  /** For the exit columns; the default profile when absent. */
  profile?: TrackerProfile;
  /** The Tracker history read back: recurring standards and PPMs held count every date in it. */
  history?: HistoryIndex;
}

/**
 * Every figure of the monthly summary, from an evaluation and the tables it was made from. Dated
 * figures are counted by the month their deciding date falls in (a standard by its deadline), so a
 * past month's figures change only when its data are corrected; snapshot figures (occupancy,
 * in-house fostering, placement moves) are as at `asOf`.
 *
 * It reads the evaluation's and the tables' columns, never a row object: a 100,000-row tracker has a
 * million results and 700,000 deadlines to count.
 */
export function buildSummaryFigures(
  evaluation: TrackerEvaluation,
  tables: readonly TrackerTable[],
  options: SummaryOptions,
): SummaryFigures {
  const ym = parseYearMonth(options.month);
  if (!ym) throw new RangeError(`month must be YYYY-MM, not “${options.month}”`);
  const { asOf, calendar } = options;
  const profile = options.profile ?? DEFAULT_PROFILE;
  const kind = options.period ?? "month";
  const tableOf = (key: SheetKey): TrackerTable | undefined => tables.find((t) => t.sheetKey === key);

  const standards = [...evaluation.standardsById.values()].filter(
    (s) => s.enabled && evaluation.sheets.some((sheet) => sheet.sheet === s.sheet && sheet.rows.length > 0),
  );
  const standardTitles: StandardTitle[] = standards.map((s) => ({
    id: s.id,
    title: s.title,
    recurring: isRecurring(s),
  }));
  const slotOf = new Map(standardTitles.map((s, i) => [s.id, i] as const));
  const counted = new CountedResults(evaluation, asOf);
  const history = options.history ?? NO_HISTORY;
  const events = collectEvents(counted, slotOf, tableOf, asOf, calendar, profile, history);
  const recurring = recurringOccurrences(evaluation, history, calendar);
  const figuresFor = (period: SummaryPeriod): PeriodFigures =>
    periodFigures(period, events, standardTitles, recurring);
  const noInformation = rowsCannotAssess(evaluation);
  const teams = new Map(evaluation.sheets.map((sheet) => [sheet, teamsOf(sheet, tables)] as const));
  const asAt = asAtOf(tableOf, asOf, profile);

  const current = periodOf(kind, ym);
  const months = Array.from({ length: 12 }, (_, i) => monthPeriod(shiftMonth(ym, i - 11)));
  const quarters = Array.from({ length: 4 }, (_, i) => quarterPeriod(shiftMonth(ym, 3 * (i - 3))));
  const years = Array.from({ length: 5 }, (_, i) => financialYearPeriod(shiftMonth(ym, 12 * (i - 4))));
  const windows = [current, previousPeriod(current), yearEarlierPeriod(current), ...months, ...quarters];
  const windowFirst = Math.min(...windows.map((w) => w.first));
  const windowLast = Math.max(...windows.map((w) => w.last));
  const trace = traceOf(
    counted,
    events,
    windows,
    years,
    asAt,
    occurrencesIn(recurring, windowFirst, windowLast),
  );
  traceOccurrences(trace, recurring, evaluation, windowFirst, windowLast);

  return {
    month: formatYearMonth(ym),
    asOf,
    periodKind: kind,
    current: figuresFor(current),
    previous: figuresFor(previousPeriod(current)),
    yearEarlier: figuresFor(yearEarlierPeriod(current)),
    months: months.map(figuresFor),
    quarters: quarters.map(figuresFor),
    financialYears: years.map(figuresFor),
    historyFrom: recurring.map((r) => ({
      standard: r.standard.id,
      title: r.standard.title,
      from: r.coverageFrom,
    })),
    ...groupFigures(counted, current, asOf, teams),
    noInformation: standards.map((s) => ({
      standard: s.id,
      title: s.title,
      rows: noInformation.get(s.id) ?? 0,
    })),
    occupancy: occupancyOf(asAt),
    inHouseFostering: inHouseOf(asAt),
    placementsLast12Months: placementsOf(asAt),
    completeness: completenessOf(tables),
    adoption: buildAdoptionScorecard(tables, {
      month: ym,
      asOf,
      calendar,
      standards: evaluation.standardsById.values(),
    }),
    trace,
  };
}
