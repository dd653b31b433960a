import type { EpochDay } from "../dates/epochDay";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { NONE, STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * Every result a timeliness cohort holds (evaluation-semantics.md "Figures for a period": met, met
 * late or overdue, its deadline on or before as-of), row by row and, within a row, in the
 * standards' order, as the trace lists them. Held as typed arrays of positions in the evaluation: a
 * 100,000-row tracker has about 700,000 of them, too many to make an object each (issue 9), and the
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

  constructor(
    readonly evaluation: TrackerEvaluation,
    asOf: EpochDay,
  ) {
    let capacity = 0;
    for (const sheet of evaluation.sheets) capacity += sheet.rows.length * sheet.standards.length;
    const wide = evaluation.sheets.length > 255 || evaluation.sheets.some((s) => s.standards.length > 255);
    this.sheets = wide ? new Uint16Array(capacity) : new Uint8Array(capacity);
    this.standards = wide ? new Uint16Array(capacity) : new Uint8Array(capacity);
    this.rows = new Int32Array(capacity);
    this.deadlines = new Int32Array(capacity);
    this.onTime = new Uint8Array(capacity);
    let n = 0;
    evaluation.sheets.forEach((sheet, s) => {
      const { standards } = sheet;
      for (let i = 0; i < sheet.rows.length; i++) {
        for (let k = 0; k < standards.length; k++) {
          const results = standards[k] as StandardResults;
          const status = results.status[i];
          if (status !== STATUS.met && status !== STATUS.metLate && status !== STATUS.overdue) continue;
          const deadline = results.deadline[i] as number;
          if (deadline === NONE || deadline > asOf) continue;
          this.sheets[n] = s;
          this.rows[n] = i;
          this.standards[n] = k;
          this.deadlines[n] = deadline;
          this.onTime[n] = status === STATUS.met ? 1 : 0;
          n++;
        }
      }
    });
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
    // The slot of each sheet's standards, looked up once rather than once per result.
    const slots = counted.evaluation.sheets.map((sheet) =>
      sheet.standards.map((results) => slotOf.get(results.standard.id) ?? -1),
    );
    for (let n = 0; n < counted.length; n++) {
      const slot = slots[counted.sheets[n] as number]?.[counted.standards[n] as number] ?? -1;
      if (slot < 0) continue;
      const at = slot * stride + (counted.deadlines[n] as number) - this.first + 1;
      this.cohort[at] = (this.cohort[at] as number) + 1;
      if (counted.onTime[n] === 1) this.onTime[at] = (this.onTime[at] as number) + 1;
    }
    for (let slot = 0; slot < slotOf.size; slot++) {
      for (let d = 1; d < stride; d++) {
        const at = slot * stride + d;
        this.cohort[at] = (this.cohort[at] as number) + (this.cohort[at - 1] as number);
        this.onTime[at] = (this.onTime[at] as number) + (this.onTime[at - 1] as number);
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
