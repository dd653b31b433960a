import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import { addLimit } from "../evaluation/evaluateStandard";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { REASON, STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { HistoryIndex } from "../history/HistoryIndex";
import { lowerBound } from "../sorting/lowerBound";
import { isRecurring, type Limit, type Standard } from "../standards/Standard";
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
  /** The occurrence's opening date, its closing date (NO_DAY for the current one), sheet and row. */
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
    const found = new Found();
    evaluation.sheets.forEach((sheet, s) => {
      const results = sheet.standards.find((r) => r.standard === standard);
      if (results) collectOccurrences(found, s, sheet, results, history, calendar, evaluation.asOf);
    });
    out.push(found.sorted(standard, coverageOf(standard, history, calendar)));
  }
  return out;
}

/**
 * Occurrences as they are found, column by column in typed arrays that grow by doubling: a
 * 100,000-row tracker has hundreds of thousands, and an object (or a boxed number) each was most
 * of the summary's time.
 */
class Found {
  private n = 0;
  private deadlines = new Int32Array(1024);
  private onTime = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private sheets = new Uint16Array(1024);
  private rows = new Int32Array(1024);

  add(deadline: number, onTime: number, start: number, end: number, sheet: number, row: number): void {
    if (this.n === this.deadlines.length) this.grow();
    const k = this.n++;
    this.deadlines[k] = deadline;
    this.onTime[k] = onTime;
    this.starts[k] = start;
    this.ends[k] = end;
    this.sheets[k] = sheet;
    this.rows[k] = row;
  }

  private grow(): void {
    const size = this.deadlines.length * 2;
    const bigger = <T extends Int32Array | Uint8Array | Uint16Array>(from: T, into: T): T => {
      into.set(from);
      return into;
    };
    this.deadlines = bigger(this.deadlines, new Int32Array(size));
    this.onTime = bigger(this.onTime, new Uint8Array(size));
    this.starts = bigger(this.starts, new Int32Array(size));
    this.ends = bigger(this.ends, new Int32Array(size));
    this.sheets = bigger(this.sheets, new Uint16Array(size));
    this.rows = bigger(this.rows, new Int32Array(size));
  }

  /**
   * In deadline order, those of one day in the order found: sorted by counting, not by comparing,
   * as DatedEvents does (deadlines are whole days within a few decades).
   */
  sorted(standard: Standard, coverageFrom: EpochDay | null): RecurringOccurrences {
    const n = this.n;
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const d = this.deadlines[k] as number;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    const order = new Uint32Array(n);
    if (n > 0) {
      const starts = new Uint32Array(max - min + 2);
      for (let k = 0; k < n; k++) {
        const slot = (this.deadlines[k] as number) - min + 1;
        starts[slot] = (starts[slot] as number) + 1;
      }
      for (let d = 1; d < starts.length; d++) starts[d] = (starts[d] as number) + (starts[d - 1] as number);
      for (let k = 0; k < n; k++) {
        const slot = (this.deadlines[k] as number) - min;
        order[starts[slot] as number] = k;
        starts[slot] = (starts[slot] as number) + 1;
      }
    }
    const take = <T extends Int32Array | Uint8Array | Uint16Array>(from: T, into: T): T => {
      for (let k = 0; k < n; k++) into[k] = from[order[k] as number] as number;
      return into;
    };
    return {
      standard,
      coverageFrom,
      deadlines: take(this.deadlines, new Int32Array(n)),
      onTime: take(this.onTime, new Uint8Array(n)),
      starts: take(this.starts, new Int32Array(n)),
      ends: take(this.ends, new Int32Array(n)),
      sheets: take(this.sheets, new Uint16Array(n)),
      rows: take(this.rows, new Int32Array(n)),
    };
  }
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

function collectOccurrences(
  found: Found,
  s: number,
  sheet: SheetEvaluation,
  results: StandardResults,
  history: HistoryIndex,
  calendar: WorkingDayCalendar,
  asOf: EpochDay,
): void {
  const { standard } = results;
  const columns = sheet.byColumn;
  const startDates = standard.start.map((key) => columns.dates(key));
  const anchor = standard.start[0] as string;
  // The last start column opens the cycle (2nd review, 1st PPM, approval): nothing before it counts.
  const origin = standard.start.length > 1 ? startDates[startDates.length - 1] : undefined;
  const list: number[] = [];
  for (let i = 0; i < results.length; i++) {
    const status = results.status[i];
    // No information (cannot assess) or not this row's standard (condition not met): nothing to count.
    if (status === STATUS.cannotAssess || results.start[i] === NO_DAY) continue;
    if (status === STATUS.notApplicable && results.reason[i] === REASON.conditionNotMet) continue;
    const index = results.limitIndex[i] as number;
    const limit = (index > 0 ? standard.limitVariants[index - 1]?.limit : standard.limit) as Limit;
    const exit = results.exit[i] as number;
    const from = origin === undefined ? NO_DAY : dayOf(origin[i] as CellDate);
    const last = exit === NO_DAY || exit > asOf ? asOf : exit;
    list.length = 0;
    for (let k = 0; k < startDates.length; k++)
      addDate(list, dayOf((startDates[k] as readonly CellDate[])[i] as CellDate), from, last);
    const id = history.keys === 0 ? null : sheet.ids[i];
    if (id !== null && id !== undefined) {
      const recorded = history.datesOf(sheet.sheet, id, anchor);
      for (let k = 0; k < recorded.length; k++) addDate(list, recorded[k] as number, from, last);
    }
    for (let k = 0; k < list.length; k++) {
      const start = list[k] as number;
      const deadline = addLimit(start, limit, calendar);
      const next = list[k + 1];
      if (next !== undefined) {
        if (deadline <= asOf) found.add(deadline, next <= deadline ? 1 : 0, start, next, s, i);
        continue;
      }
      // The current occurrence, as evaluateStandard reads it: closed by the deadline, nothing to
      // count; else late once t = min(as-of, exit) is past the deadline.
      if (exit !== NO_DAY && exit <= deadline) continue;
      const t = exit !== NO_DAY && exit < asOf ? exit : asOf;
      if (t > deadline) found.add(deadline, 0, start, NO_DAY, s, i);
    }
  }
}

/** Puts a day into an ascending list of distinct days, when it lies from `from` to `last`. */
function addDate(list: number[], day: number, from: number, last: number): void {
  if (day === NO_DAY || day < from || day > last) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] as number) > day) at--;
  if (at > 0 && list[at - 1] === day) return;
  list.splice(at, 0, day);
}

function dayOf(date: CellDate): number {
  return date.kind === "date" ? date.day : NO_DAY;
}

/**
 * A recurring standard's cohort in a period, and whether the history covers the period: a summary's
 * month, quarter or year, or a comparison's run of months (any first and last day).
 */
export function recurringCount(
  occurrences: RecurringOccurrences,
  period: Pick<SummaryPeriod, "first" | "last">,
): RecurringCount {
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

/**
 * Whether the history covers the whole of a period, from its first day: a comparison tests only
 * such periods, as one that began before coverage would miss the occurrences opened before the
 * add-in first looked. (A summary's month counts once coverage starts within it: recurringCount.)
 */
export function historyCoversWhole(
  occurrences: RecurringOccurrences,
  period: Pick<SummaryPeriod, "first">,
): boolean {
  return occurrences.coverageFrom !== null && period.first >= occurrences.coverageFrom;
}

/** How many occurrences fall due from `first` to `last`: the trace rows `traceOccurrences` adds. */
export function occurrencesIn(all: readonly RecurringOccurrences[], first: EpochDay, last: EpochDay): number {
  let n = 0;
  for (const o of all) n += lowerBound(o.deadlines, last + 1) - lowerBound(o.deadlines, first);
  return n;
}

/**
 * Adds each occurrence due from `first` to `last` to the summary's trace, so every figure traces
 * back, into the room the trace's columns were made with (see occurrencesIn).
 */
export function traceOccurrences(
  trace: TraceColumns,
  all: readonly RecurringOccurrences[],
  evaluation: TrackerEvaluation,
  first: EpochDay,
  last: EpochDay,
): void {
  const months = new Map<number, string>();
  const monthOf = (day: number): string => {
    const ym = yearMonthOf(day);
    const key = ym.year * 12 + ym.month;
    let text = months.get(key);
    if (text === undefined) months.set(key, (text = formatYearMonth(ym)));
    return text;
  };
  for (const occurrences of all) {
    const from = lowerBound(occurrences.deadlines, first);
    const to = lowerBound(occurrences.deadlines, last + 1);
    for (let k = from; k < to; k++) {
      const sheet = evaluation.sheets[occurrences.sheets[k] as number] as SheetEvaluation;
      const i = occurrences.rows[k] as number;
      const deadline = occurrences.deadlines[k] as number;
      const end = occurrences.ends[k] as number;
      const at = trace.length++;
      trace.figure[at] = `Recurring: ${occurrences.standard.title}`;
      trace.month[at] = monthOf(deadline);
      trace.sheetName[at] = sheet.sheetName;
      trace.row[at] = (sheet.rows[i] as { rowNumber: number }).rowNumber;
      trace.id[at] = sheet.ids[i] ?? null;
      trace.standard[at] = occurrences.standard.id;
      trace.outcome[at] = end === NO_DAY ? "overdue" : occurrences.onTime[k] === 1 ? "met" : "met late";
      trace.date[at] = deadline;
    }
  }
}
