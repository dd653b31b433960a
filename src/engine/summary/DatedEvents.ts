import type { EpochDay } from "../dates/epochDay";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * The dated things one figure counts (deadlines, PPMs, enquiries...), held column by column in the
 * order they were collected: the day that decides each one's period, up to two numbers of its own,
 * and the tracker row it traces back to. A 100,000-row tracker has about 700,000 timeliness events;
 * three objects each (the event, its value and its trace) were most of the summary's time (issue 9).
 */
export class DatedEvents {
  readonly days: EpochDay[] = [];
  /** What the figure needs of each event: on time (1/0), a band, working days, months... */
  readonly values: number[] = [];
  /** A second number where a figure needs one (the working days behind a PPM band; NaN when none). */
  readonly extras: number[] = [];
  readonly sheetNames: string[] = [];
  readonly rows: number[] = [];
  readonly ids: (string | null)[] = [];
  readonly standards: (string | null)[] = [];
  /** The status, band or outcome that decided how the row was counted. */
  readonly outcomes: string[] = [];
  private sorted: { order: Uint32Array; days: Int32Array } | undefined;

  get length(): number {
    return this.days.length;
  }

  add(
    day: EpochDay,
    value: number,
    extra: number,
    sheetName: string,
    row: number,
    id: string | null,
    standard: string | null,
    outcome: string,
  ): void {
    this.days.push(day);
    this.values.push(value);
    this.extras.push(extra);
    this.sheetNames.push(sheetName);
    this.rows.push(row);
    this.ids.push(id);
    this.standards.push(standard);
    this.outcomes.push(outcome);
  }

  /**
   * The events of a period as positions in day order (`order[from]` to `order[to - 1]`): every
   * period's events are one slice found by binary search, so 24 periods do not each scan them all.
   */
  inPeriod(period: SummaryPeriod): { order: Uint32Array; from: number; to: number } {
    const { order, days } = this.byDay();
    return { order, from: lowerBound(days, period.first), to: lowerBound(days, period.last + 1) };
  }

  /**
   * Sorted by counting, not by comparing: days are whole numbers within a few decades, and a
   * comparison sort of 700,000 events took seconds. Stable, so events of one day keep the order they
   * were collected in.
   */
  private byDay(): { order: Uint32Array; days: Int32Array } {
    if (this.sorted !== undefined) return this.sorted;
    const n = this.days.length;
    let min = Infinity;
    let max = -Infinity;
    for (const day of this.days) {
      if (day < min) min = day;
      if (day > max) max = day;
    }
    const order = new Uint32Array(n);
    const days = new Int32Array(n);
    if (n > 0) {
      const starts = new Uint32Array(max - min + 2);
      for (const day of this.days) starts[day - min + 1] = (starts[day - min + 1] as number) + 1;
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

/** First index whose day is at least `day`. */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
