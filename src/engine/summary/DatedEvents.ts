import { lowerBound } from "../sorting/lowerBound";
import type { EpochDay } from "../dates/epochDay";
import type { TrackerTable } from "../tables/TrackerTable";
import { PPM_BAND_KEYS, type PpmBands } from "./SummaryFigures";
import type { SummaryPeriod } from "./SummaryPeriod";

/**
 * The dated things one figure counts on one table (PPMs, 2nd reviews, enquiries...), held column by
 * column in the order they were collected: the day that decides each one's period and the table row
 * it traces back to. Each kind of event below adds the columns of its own it needs, by name. Typed
 * arrays sized up front, because a 100,000-row tracker has hundreds of thousands of them and an
 * object each (the event, its numbers and its trace) was most of the summary's time.
 */
export abstract class DatedEvents {
  private count = 0;
  readonly days: Int32Array;
  /** The index of the event's row in `table.rows`. */
  readonly rowIndices: Int32Array;
  private sorted: { order: Uint32Array; days: Int32Array } | undefined;
  private scratch: Float64Array | undefined;

  constructor(
    /** The table the events come from; none when the workbook has no such sheet. */
    readonly table: TrackerTable | undefined,
    /** The most events a row can give (1st and latest PPM: 2). */
    perRow: number,
    /** Room for more events than `perRow` per row gives (PPM dates from the Tracker history). */
    more = 0,
  ) {
    const capacity = (table?.rows.length ?? 0) * perRow + more;
    this.days = new Int32Array(capacity);
    this.rowIndices = new Int32Array(capacity);
  }

  /** How many events were added: the first `length` places of every column hold them. */
  get length(): number {
    return this.count;
  }

  /** The status, band or outcome that decided how event `e` was counted, as the trace shows it. */
  abstract outcome(e: number): string;

  /** Adds an event's day and row; returns its place, where the caller puts the event's own numbers. */
  protected addDay(day: EpochDay, rowIndex: number): number {
    const at = this.count++;
    this.days[at] = day;
    this.rowIndices[at] = rowIndex;
    return at;
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

  /** How many of a period's events have this number in `column` (one of this list's own columns). */
  protected countWhereIn(period: SummaryPeriod, column: ArrayLike<number>, value: number): number {
    const { order, from, to } = this.inPeriod(period);
    let count = 0;
    for (let k = from; k < to; k++) if (column[order[k] as number] === value) count++;
    return count;
  }

  /**
   * The numbers in `column` (one of this list's own columns) of a period's events in day order,
   * leaving out NaN: a view of one buffer, valid until the next call, that the caller may sort. A
   * median per figure and period made an array, then a typed array from it, over the same events.
   */
  protected numbersIn(period: SummaryPeriod, column: Float64Array): Float64Array {
    const { order, from, to } = this.inPeriod(period);
    this.scratch ??= new Float64Array(this.count);
    let n = 0;
    for (let k = from; k < to; k++) {
      const value = column[order[k] as number] as number;
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

/** Events that are a date and nothing more (an enquiry, an approval): the trace shows `what`. */
export class DayEvents extends DatedEvents {
  constructor(
    table: TrackerTable | undefined,
    readonly what: string,
  ) {
    super(table, 1);
  }

  add(day: EpochDay, rowIndex: number): void {
    this.addDay(day, rowIndex);
  }

  outcome(): string {
    return this.what;
  }
}

/** Each child who became looked after, on the day they did, by how soon the 1st PPM followed. */
export class PpmBandEvents extends DatedEvents {
  /** The band's place in PPM_BAND_KEYS. */
  readonly bands: Uint8Array;
  /** Working days from BLA to the 1st PPM; NaN when there is no PPM to count to. */
  readonly workingDays: Float64Array;

  constructor(table: TrackerTable | undefined) {
    super(table, 1);
    this.bands = new Uint8Array(this.days.length);
    this.workingDays = new Float64Array(this.days.length);
  }

  add(blaDay: EpochDay, band: keyof PpmBands, workingDays: number, rowIndex: number): void {
    const at = this.addDay(blaDay, rowIndex);
    this.bands[at] = BAND_INDEX[band];
    this.workingDays[at] = workingDays;
  }

  outcome(e: number): string {
    return PPM_BAND_KEYS[this.bands[e] as number] as string;
  }

  /**
   * How many of a period's events fall in each band, by the band's place in PPM_BAND_KEYS: counted
   * straight from the events and by place, not by key, as a store by a key that varies was most of
   * the period figures' time.
   */
  bandCountsIn(period: SummaryPeriod): number[] {
    const tally = new Array<number>(PPM_BAND_KEYS.length).fill(0);
    const { order, from, to } = this.inPeriod(period);
    for (let k = from; k < to; k++) {
      const band = this.bands[order[k] as number] as number;
      tally[band] = (tally[band] as number) + 1;
    }
    return tally;
  }

  /** The working days from BLA to 1st PPM of a period's events that have a PPM (see `numbersIn`). */
  workingDaysIn(period: SummaryPeriod): Float64Array {
    return this.numbersIn(period, this.workingDays);
  }
}

const BAND_INDEX = Object.fromEntries(PPM_BAND_KEYS.map((k, i) => [k, i])) as Readonly<
  Record<keyof PpmBands, number>
>;

/** Which PPM of a child's an event is. */
export const PPM_KIND = { first: 0, latest: 1, earlier: 2 } as const;
export type PpmKind = (typeof PPM_KIND)[keyof typeof PPM_KIND];
const PPM_KIND_OUTCOMES = ["1st PPM", "latest PPM", "earlier PPM (Tracker history)"] as const;

/** Every PPM held, on its day: the 1st, the latest and the earlier ones the Tracker history kept. */
export class PpmEvents extends DatedEvents {
  /** Which PPM it is: one of PPM_KIND. */
  readonly kinds: Uint8Array;

  constructor(table: TrackerTable | undefined, earlierPpms: number) {
    super(table, 2, earlierPpms);
    this.kinds = new Uint8Array(this.days.length);
  }

  add(day: EpochDay, kind: PpmKind, rowIndex: number): void {
    this.kinds[this.addDay(day, rowIndex)] = kind;
  }

  outcome(e: number): string {
    return PPM_KIND_OUTCOMES[this.kinds[e] as PpmKind];
  }
}

/** How a 2nd review stood against its deadline (4 months after BLA). */
export const REVIEW_STATUS = { met: 0, metLate: 1, overdue: 2 } as const;
export type ReviewStatus = (typeof REVIEW_STATUS)[keyof typeof REVIEW_STATUS];
const REVIEW_STATUS_OUTCOMES = ["met", "met late", "overdue"] as const;

/** Each 2nd review due, on its deadline: met, met late, or not held and now overdue. */
export class SecondReviewEvents extends DatedEvents {
  /** One of REVIEW_STATUS. */
  readonly statuses: Uint8Array;

  constructor(table: TrackerTable | undefined) {
    super(table, 1);
    this.statuses = new Uint8Array(this.days.length);
  }

  add(deadline: EpochDay, status: ReviewStatus, rowIndex: number): void {
    this.statuses[this.addDay(deadline, rowIndex)] = status;
  }

  outcome(e: number): string {
    return REVIEW_STATUS_OUTCOMES[this.statuses[e] as ReviewStatus];
  }

  /** How many of a period's 2nd reviews were held by their deadline. */
  metIn(period: SummaryPeriod): number {
    return this.countWhereIn(period, this.statuses, REVIEW_STATUS.met);
  }
}

/** Each initial home visit that followed its enquiry, on the visit's day. */
export class EnquiryToIhvEvents extends DatedEvents {
  /** Working days from the enquiry to the IHV. */
  readonly workingDays: Float64Array;

  constructor(table: TrackerTable | undefined) {
    super(table, 1);
    this.workingDays = new Float64Array(this.days.length);
  }

  add(ihvDay: EpochDay, workingDays: number, rowIndex: number): void {
    this.workingDays[this.addDay(ihvDay, rowIndex)] = workingDays;
  }

  outcome(e: number): string {
    return `${this.workingDays[e] as number} working days`;
  }

  /** The working days from enquiry to IHV of a period's events (see `numbersIn`). */
  workingDaysIn(period: SummaryPeriod): Float64Array {
    return this.numbersIn(period, this.workingDays);
  }
}

/** Each panel that followed its application, on the panel's day. */
export class ApplicationToPanelEvents extends DatedEvents {
  /** Calendar months from the application to the panel, to one decimal. */
  readonly months: Float64Array;

  constructor(table: TrackerTable | undefined) {
    super(table, 1);
    this.months = new Float64Array(this.days.length);
  }

  add(panelDay: EpochDay, months: number, rowIndex: number): void {
    this.months[this.addDay(panelDay, rowIndex)] = months;
  }

  outcome(e: number): string {
    return `${this.months[e] as number} months`;
  }

  /** The months from application to panel of a period's events (see `numbersIn`). */
  monthsIn(period: SummaryPeriod): Float64Array {
    return this.numbersIn(period, this.months);
  }
}
