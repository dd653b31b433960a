import { lowerBound } from "../sorting/lowerBound";
import type { EpochDay } from "../dates/epochDay";
import type { TrackerTable } from "../tables/TrackerTable";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * The dated things one figure counts on one table (PPMs, 2nd reviews, enquiries...), held column by
 * column in the order they were collected: the day that decides each one's period, up to two
 * numbers of its own, and the table row it traces back to. Typed arrays sized up front, because a
 * 100,000-row tracker has hundreds of thousands of them and an object each (the event, its value
 * and its trace) was most of the summary's time.
 */
export class DatedEvents {
  private count = 0;
  readonly days: Int32Array;
  /** What the figure needs of each event: on time (1/0), a band, working days, months... */
  readonly values: Float64Array;
  /** A second number where a figure needs one (NaN when there is none). */
  readonly extras: Float64Array;
  /** The index of the event's row in `table.rows`. */
  readonly rowIndices: Int32Array;
  private sorted: { order: Uint32Array; days: Int32Array } | undefined;
  private scratch: Float64Array | undefined;

  constructor(
    /** The table the events come from; none when the workbook has no such sheet. */
    readonly table: TrackerTable | undefined,
    /** The most events a row can give (1st and latest PPM: 2). */
    perRow: number,
    /** The status, band or outcome that decided how the row was counted, as the trace shows it. */
    readonly outcomeOf: (value: number, extra: number) => string,
    /** Room for more events than `perRow` per row gives (PPM dates from the Tracker history). */
    more = 0,
  ) {
    const capacity = (table?.rows.length ?? 0) * perRow + more;
    this.days = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.extras = new Float64Array(capacity);
    this.rowIndices = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  add(day: EpochDay, value: number, extra: number, rowIndex: number): void {
    const at = this.count++;
    this.days[at] = day;
    this.values[at] = value;
    this.extras[at] = extra;
    this.rowIndices[at] = rowIndex;
  }

  outcome(e: number): string {
    return this.outcomeOf(this.values[e] as number, this.extras[e] as number);
  }

  /**
   * The events of a period as positions in day order (`order[from]` to `order[to - 1]`): every
   * period's events are one slice found by binary search, so 24 periods do not each scan them all.
   */
  inPeriod(period: SummaryPeriod): { order: Uint32Array; from: number; to: number } {
    const { order, days } = this.byDay();
    return { order, from: lowerBound(days, period.first), to: lowerBound(days, period.last + 1) };
  }

  /** How many events fall in a period. */
  countIn(period: SummaryPeriod): number {
    const { from, to } = this.inPeriod(period);
    return to - from;
  }

  /** How many of a period's events have this value. */
  countValueIn(period: SummaryPeriod, value: number): number {
    const { order, from, to } = this.inPeriod(period);
    let count = 0;
    for (let k = from; k < to; k++) if (this.values[order[k] as number] === value) count++;
    return count;
  }

  /**
   * The `values` (or `extras`) of a period's events in day order, leaving out NaN: a view of one
   * buffer, valid until the next call, that the caller may sort. A median per figure and period
   * made an array, then a typed array from it, over the same events.
   */
  valuesIn(period: SummaryPeriod, of: "values" | "extras" = "values"): Float64Array {
    const { order, from, to } = this.inPeriod(period);
    const source = this[of];
    this.scratch ??= new Float64Array(this.count);
    let n = 0;
    for (let k = from; k < to; k++) {
      const value = source[order[k] as number] as number;
      if (!Number.isNaN(value)) this.scratch[n++] = value;
    }
    return this.scratch.subarray(0, n);
  }

  /**
   * Sorted by counting, not by comparing: days are whole numbers within a few decades. Stable, so
   * events of one day keep the order they were collected in.
   */
  private byDay(): { order: Uint32Array; days: Int32Array } {
    if (this.sorted !== undefined) return this.sorted;
    const n = this.count;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const day = this.days[i] as number;
      if (day < min) min = day;
      if (day > max) max = day;
    }
    const order = new Uint32Array(n);
    const days = new Int32Array(n);
    if (n > 0) {
      const starts = new Uint32Array(max - min + 2);
      for (let i = 0; i < n; i++) {
        const slot = (this.days[i] as number) - min + 1;
        starts[slot] = (starts[slot] as number) + 1;
      }
      for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
      for (let i = 0; i < n; i++) {
        const day = this.days[i] as number;
        const at = starts[day - min] as number;
        starts[day - min] = at + 1;
        order[at] = i;
        days[at] = day;
      }
    }
    this.sorted = { order, days };
    return this.sorted;
  }
}
