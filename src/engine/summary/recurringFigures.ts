import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import { type EpochDay } from "../dates/epochDay";
import { addLimit } from "../evaluation/evaluateStandard";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NONE, REASON, STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { HistoryIndex } from "../history/HistoryIndex";
import { lowerBound } from "../sorting/lowerBound";
import { isRecurring, type Limit, type Standard } from "../standards/Standard";
import { tableColumnsOf } from "../tables/tableColumns";
import type { SummaryPeriod } from "./SummaryPeriod";
import { formatYearMonth, yearMonthOf } from "./SummaryPeriod";
import type { RecurringCount, TraceColumns } from "./SummaryFigures";

/**
 * Every occurrence of one recurring standard (evaluation-semantics.md "Recurring standards and
 * history", "Occurrences"): each consecutive pair of a row's history dates is a finished occurrence,
 * met when the next date is on or before the first's deadline; the latest date opens the current
 * one, counted late once it is overdue. Only occurrences due on or before as-of are kept, in
 * deadline order.
 */
export interface RecurringOccurrences {
  standard: Standard;
  /** The first day the history covers: one limit after the first record; null with no history. */
  coverageFrom: EpochDay | null;
  deadlines: Int32Array;
  /** 1 when met on time. */
  onTime: Uint8Array;
  /** The occurrence's opening date, its closing date (NONE for the current one), sheet and row. */
  starts: Int32Array;
  ends: Int32Array;
  sheets: Uint16Array;
  rows: Int32Array;
}

/**
 * The occurrences of each enabled recurring standard the evaluation holds, from the rows' own
 * columns (1st and 2nd review, 1st PPM, approval date start each cycle) and the history.
 */
export function recurringOccurrences(
  evaluation: TrackerEvaluation,
  history: HistoryIndex,
  calendar: WorkingDayCalendar,
): RecurringOccurrences[] {
  const out: RecurringOccurrences[] = [];
  for (const standard of evaluation.standardsById.values()) {
    if (!standard.enabled || !isRecurring(standard) || standard.limit === undefined) continue;
    const found: {
      deadline: number;
      onTime: number;
      start: number;
      end: number;
      sheet: number;
      row: number;
    }[] = [];
    evaluation.sheets.forEach((sheet, s) => {
      const results = sheet.standards.find((r) => r.standard === standard);
      if (!results) return;
      for (const o of occurrencesOf(sheet, results, history, calendar, evaluation.asOf))
        found.push({ ...o, sheet: s });
    });
    found.sort((a, b) => a.deadline - b.deadline);
    out.push({
      standard,
      coverageFrom: coverageOf(standard, history, calendar),
      deadlines: Int32Array.from(found, (o) => o.deadline),
      onTime: Uint8Array.from(found, (o) => o.onTime),
      starts: Int32Array.from(found, (o) => o.start),
      ends: Int32Array.from(found, (o) => o.end),
      sheets: Uint16Array.from(found, (o) => o.sheet),
      rows: Int32Array.from(found, (o) => o.row),
    });
  }
  return out;
}

/**
 * One limit after the history's first record: an occurrence due after that began after the add-in
 * first looked, so its opening date is known. CLA reviews from the case system are known from one
 * limit after the extract's earliest review.
 */
function coverageOf(
  standard: Standard,
  history: HistoryIndex,
  calendar: WorkingDayCalendar,
): EpochDay | null {
  const limit = standard.limit as Limit;
  const from: EpochDay[] = [];
  if (history.firstRun !== null) from.push(addLimit(history.firstRun, limit, calendar));
  if (history.firstCaseSystemReview !== null && takesCaseSystemReviews(standard))
    from.push(addLimit(history.firstCaseSystemReview, limit, calendar));
  return from.length === 0 ? null : Math.min(...from);
}

function takesCaseSystemReviews(standard: Standard): boolean {
  return standard.sheet === "jointTracker" && standard.start[0] === "latestReview";
}

function occurrencesOf(
  sheet: SheetEvaluation,
  results: StandardResults,
  history: HistoryIndex,
  calendar: WorkingDayCalendar,
  asOf: EpochDay,
): { deadline: number; onTime: number; start: number; end: number; row: number }[] {
  const { standard } = results;
  const columns = tableColumnsOf(sheet.rows);
  const startDates = standard.start.map((key) => columns.dates(key));
  const anchor = standard.start[0] as string;
  // The last start column opens the cycle (2nd review, 1st PPM, approval): nothing before it counts.
  const origin = standard.start.length > 1 ? startDates[startDates.length - 1] : undefined;
  const found: { deadline: number; onTime: number; start: number; end: number; row: number }[] = [];
  for (let i = 0; i < results.length; i++) {
    const status = results.status[i];
    // No information (cannot assess) or not this row's standard (condition not met): nothing to count.
    if (status === STATUS.cannotAssess || results.start[i] === NONE) continue;
    if (status === STATUS.notApplicable && results.reason[i] === REASON.conditionNotMet) continue;
    const index = results.limitIndex[i] as number;
    const limit = (index > 0 ? standard.limitVariants[index - 1]?.limit : standard.limit) as Limit;
    const exit = results.exit[i] as number;
    const originDay = origin === undefined ? NONE : dayOf(origin[i] as CellDate);
    const dates = new Set<number>();
    for (const column of startDates) {
      const day = dayOf(column[i] as CellDate);
      if (day !== NONE) dates.add(day);
    }
    const id = sheet.ids[i];
    if (id !== null && id !== undefined)
      for (const day of history.datesOf(sheet.sheet, id, anchor)) dates.add(day);
    const list = [...dates]
      .filter((d) => d >= originDay && d <= asOf && (exit === NONE || d <= exit))
      .sort((a, b) => a - b);
    for (let k = 0; k < list.length; k++) {
      const start = list[k] as number;
      const deadline = addLimit(start, limit, calendar);
      const next = list[k + 1];
      if (next !== undefined) {
        if (deadline <= asOf)
          found.push({ deadline, onTime: next <= deadline ? 1 : 0, start, end: next, row: i });
        continue;
      }
      // The current occurrence, as evaluateStandard reads it: closed by the deadline, nothing to
      // count; else late once t = min(as-of, exit) is past the deadline.
      if (exit !== NONE && exit <= deadline) continue;
      const t = exit !== NONE && exit < asOf ? exit : asOf;
      if (t > deadline) found.push({ deadline, onTime: 0, start, end: NONE, row: i });
    }
  }
  return found;
}

function dayOf(date: CellDate): number {
  return date.kind === "date" ? date.day : NONE;
}

/** A recurring standard's cohort in a period, and whether the history covers the period. */
export function recurringCount(occurrences: RecurringOccurrences, period: SummaryPeriod): RecurringCount {
  const from = lowerBound(occurrences.deadlines, period.first);
  const to = lowerBound(occurrences.deadlines, period.last + 1);
  let onTime = 0;
  for (let k = from; k < to; k++) onTime += occurrences.onTime[k] as number;
  const { coverageFrom, standard } = occurrences;
  return {
    standard: standard.id,
    title: standard.title,
    cohort: to - from,
    onTime,
    late: to - from - onTime,
    // A period that ends before coverage starts has no history: "no history", never 0%.
    covered: coverageFrom !== null && period.last >= coverageFrom,
  };
}

/** Adds each occurrence due between `first` and `last` to the summary's trace, so every figure traces back. */
export function traceOccurrences(
  trace: TraceColumns,
  all: readonly RecurringOccurrences[],
  evaluation: TrackerEvaluation,
  first: EpochDay,
  last: EpochDay,
): void {
  for (const occurrences of all) {
    const from = lowerBound(occurrences.deadlines, first);
    const to = lowerBound(occurrences.deadlines, last + 1);
    for (let k = from; k < to; k++) {
      const sheet = evaluation.sheets[occurrences.sheets[k] as number] as SheetEvaluation;
      const i = occurrences.rows[k] as number;
      const deadline = occurrences.deadlines[k] as number;
      const end = occurrences.ends[k] as number;
      trace.figure.push(`Recurring: ${occurrences.standard.title}`);
      trace.month.push(formatYearMonth(yearMonthOf(deadline)));
      trace.sheetName.push(sheet.sheetName);
      trace.row.push((sheet.rows[i] as { rowNumber: number }).rowNumber);
      trace.id.push(sheet.ids[i] ?? null);
      trace.standard.push(occurrences.standard.id);
      trace.outcome.push(end === NONE ? "overdue" : occurrences.onTime[k] === 1 ? "met" : "met late");
      trace.date.push(deadline);
      trace.length += 1;
    }
  }
}
