import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * Every result a timeliness cohort holds (evaluation-semantics.md "Figures for a period": met, met
 * late or overdue, its deadline on or before as-of), row by row and, within a row, in the
 * standards' order, as the trace lists them. Held as typed arrays of positions in the evaluation: a
 * 100,000-row tracker has about 700,000 of them, too many to make an object each, and the
 * period counts, the groups and the trace each go through them all.
 */
export class CountedResults {
  readonly length: number;
  /** The result's sheet: its index in `evaluation.sheets`. */
  readonly sheets: Uint8Array | Uint16Array;
  /** The result's row: its index in that sheet's rows. */
  readonly rows: Int32Array;
  /** The result's standard: its index in that sheet's standards. */
  readonly standards: Uint8Array | Uint16Array;
  readonly deadlines: Int32Array;
  /** 1 when met on time, else 0. */
  readonly onTime: Uint8Array;
  /** 1 when not met and overdue as at as-of, else 0 (met late). */
  readonly overdue: Uint8Array;

  constructor(
    readonly evaluation: TrackerEvaluation,
    asOf: EpochDay,
  ) {
    let capacity = 0;
    for (const sheet of evaluation.sheets) capacity += sheet.rows.length * sheet.standards.length;
    const wide = evaluation.sheets.length > 255 || evaluation.sheets.some((s) => s.standards.length > 255);
    const sheets = wide ? new Uint16Array(capacity) : new Uint8Array(capacity);
    const standardsOf = wide ? new Uint16Array(capacity) : new Uint8Array(capacity);
    const rows = new Int32Array(capacity);
    const deadlines = new Int32Array(capacity);
    const onTime = new Uint8Array(capacity);
    const overdue = new Uint8Array(capacity);
    // Filled through locals, each sheet's status and deadline arrays taken out once, in an indexed
    // loop: stores through `this` and a forEach callback per sheet were a fifth slower.
    let n = 0;
    for (let s = 0; s < evaluation.sheets.length; s++) {
      const sheet = evaluation.sheets[s] as SheetEvaluation;
      const statuses = sheet.standards.map((results) => results.status);
      const deadlineArrays = sheet.standards.map((results) => results.deadline);
      const standardCount = statuses.length;
      for (let i = 0; i < sheet.rows.length; i++) {
        for (let k = 0; k < standardCount; k++) {
          const status = (statuses[k] as Uint8Array)[i];
          if (status !== STATUS.met && status !== STATUS.metLate && status !== STATUS.overdue) continue;
          const deadline = (deadlineArrays[k] as Int32Array)[i] as number;
          if (deadline === NO_DAY || deadline > asOf) continue;
          sheets[n] = s;
          rows[n] = i;
          standardsOf[n] = k;
          deadlines[n] = deadline;
          onTime[n] = status === STATUS.met ? 1 : 0;
          overdue[n] = status === STATUS.overdue ? 1 : 0;
          n++;
        }
      }
    }
    this.sheets = sheets;
    this.standards = standardsOf;
    this.rows = rows;
    this.deadlines = deadlines;
    this.onTime = onTime;
    this.overdue = overdue;
    this.length = n;
  }

  /** The results of the n-th counted result's standard. */
  resultsOf(n: number): StandardResults {
    const sheet = this.evaluation.sheets[this.sheets[n] as number];
    return sheet?.standards[this.standards[n] as number] as StandardResults;
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

  constructor(counted: CountedResults, slotOf: ReadonlyMap<string, number>) {
    let first = Infinity;
    let last = -Infinity;
    for (let n = 0; n < counted.length; n++) {
      const deadline = counted.deadlines[n] as number;
      if (deadline < first) first = deadline;
      if (deadline > last) last = deadline;
    }
    this.first = Number.isFinite(first) ? first : 0;
    this.days = Number.isFinite(first) ? last - first + 1 : 0;
    const stride = this.days + 1;
    this.cohort = new Int32Array(slotOf.size * stride);
    this.onTime = new Int32Array(slotOf.size * stride);
    // The slot of each sheet's standards, looked up once rather than once per result, in one flat
    // array (`slots[firstOf[sheet] + standard]`), and the arrays read through locals: nested arrays
    // and loads through `this` per result were most of this count's time.
    const firstOf: number[] = [];
    const slotList: number[] = [];
    for (const sheet of counted.evaluation.sheets) {
      firstOf.push(slotList.length);
      for (const results of sheet.standards) slotList.push(slotOf.get(results.standard.id) ?? -1);
    }
    const slots = Int32Array.from(slotList);
    const firsts = Int32Array.from(firstOf);
    const { sheets, standards, deadlines } = counted;
    const onTimes = counted.onTime;
    const { cohort, onTime } = this;
    const offset = 1 - this.first;
    for (let n = 0; n < counted.length; n++) {
      const slot = slots[(firsts[sheets[n] as number] as number) + (standards[n] as number)] as number;
      if (slot < 0) continue;
      const at = slot * stride + (deadlines[n] as number) + offset;
      cohort[at] = (cohort[at] as number) + 1;
      if (onTimes[n] === 1) onTime[at] = (onTime[at] as number) + 1;
    }
    for (let slot = 0; slot < slotOf.size; slot++) {
      for (let d = 1; d < stride; d++) {
        const at = slot * stride + d;
        cohort[at] = (cohort[at] as number) + (cohort[at - 1] as number);
        onTime[at] = (onTime[at] as number) + (onTime[at - 1] as number);
      }
    }
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
