import type { EpochDay } from "../dates/epochDay";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NONE, STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * Visits every result a timeliness cohort holds (evaluation-semantics.md "Figures for a period": met,
 * met late or overdue, its deadline on or before as-of), row by row and, within a row, in the
 * standards' order, as the trace lists them. Read straight from the evaluation's columns: a
 * 100,000-row tracker has about 700,000 of them, too many to make an object each (issue 9).
 */
export function forEachCountedResult(
  evaluation: TrackerEvaluation,
  asOf: EpochDay,
  visit: (
    sheet: SheetEvaluation,
    i: number,
    results: StandardResults,
    deadline: EpochDay,
    onTime: boolean,
  ) => void,
): void {
  for (const sheet of evaluation.sheets) {
    const { standards } = sheet;
    for (let i = 0; i < sheet.rows.length; i++) {
      for (let k = 0; k < standards.length; k++) {
        const results = standards[k] as StandardResults;
        const status = results.status[i];
        if (status !== STATUS.met && status !== STATUS.metLate && status !== STATUS.overdue) continue;
        const deadline = results.deadline[i] as number;
        if (deadline === NONE || deadline > asOf) continue;
        visit(sheet, i, results, deadline, status === STATUS.met);
      }
    }
  }
}

/**
 * Each standard's cohort and on-time count per day of deadline, as running totals: any period's
 * figures are then two look-ups, whatever its length.
 */
export class TimelinessCounts {
  private readonly first: EpochDay;
  private readonly days: number;
  /** Running totals by slot: `cohort[slot * (days + 1) + d]` counts deadlines before day first + d. */
  private readonly cohort: Int32Array;
  private readonly onTime: Int32Array;
  private counted = 0;

  constructor(evaluation: TrackerEvaluation, asOf: EpochDay, slotOf: ReadonlyMap<string, number>) {
    let first = Infinity;
    let last = -Infinity;
    forEachCountedResult(evaluation, asOf, (_sheet, _i, _results, deadline) => {
      if (deadline < first) first = deadline;
      if (deadline > last) last = deadline;
    });
    this.first = Number.isFinite(first) ? first : 0;
    this.days = Number.isFinite(first) ? last - first + 1 : 0;
    const stride = this.days + 1;
    this.cohort = new Int32Array(slotOf.size * stride);
    this.onTime = new Int32Array(slotOf.size * stride);
    forEachCountedResult(evaluation, asOf, (_sheet, _i, results, deadline, onTime) => {
      this.counted += 1;
      const slot = slotOf.get(results.standard.id);
      if (slot === undefined) return;
      const at = slot * stride + deadline - this.first + 1;
      this.cohort[at] = (this.cohort[at] as number) + 1;
      if (onTime) this.onTime[at] = (this.onTime[at] as number) + 1;
    });
    for (let slot = 0; slot < slotOf.size; slot++) {
      for (let d = 1; d < stride; d++) {
        const at = slot * stride + d;
        this.cohort[at] = (this.cohort[at] as number) + (this.cohort[at - 1] as number);
        this.onTime[at] = (this.onTime[at] as number) + (this.onTime[at - 1] as number);
      }
    }
  }

  /** How many results are counted in all, in any period. */
  get total(): number {
    return this.counted;
  }

  /** A standard's cohort and on-time count in a period. */
  countsIn(slot: number, period: SummaryPeriod): { cohort: number; onTime: number } {
    const stride = this.days + 1;
    const clamp = (day: number): number => Math.min(Math.max(day - this.first, 0), this.days);
    const from = slot * stride + clamp(period.first);
    const to = slot * stride + clamp(period.last + 1);
    return {
      cohort: (this.cohort[to] as number) - (this.cohort[from] as number),
      onTime: (this.onTime[to] as number) - (this.onTime[from] as number),
    };
  }
}
