import type { EpochDay } from "../dates/epochDay";
import type { SheetKey } from "../profile/TrackerProfile";
import type { AdoptionScorecard } from "./adoptionScorecard";
import type { PeriodKind, SummaryPeriod } from "./SummaryPeriod";

/*
 * The figures of a monthly summary (evaluation-semantics.md "Figures for a period"; the measures of
 * standards.md "Summary-only measures", from the DfE evaluation report RR1052). Counts only: every
 * percentage is shown from its count and denominator, so an empty cohort is "–", never 0%.
 */

/** Timeliness of one standard in one period: the cohort's deadlines fall in the period, on or before as-of. */
export interface TimelinessCount {
  standard: string;
  title: string;
  /**
   * A recurring "next due" standard: here its row's current occurrence only (as status reports it),
   * so its cohort holds only rows still overdue. Its true figure, every occurrence from the Tracker
   * history, is in `PeriodFigures.recurring`.
   */
  recurring: boolean;
  cohort: number;
  onTime: number;
  late: number;
}

/**
 * A recurring standard in one period, every occurrence counted by the month its deadline falls in
 * (evaluation-semantics.md "Recurring standards and history"). `covered` is false for a period that
 * ends before the history's coverage starts: shown as "no history", never as 0%.
 */
export interface RecurringCount {
  standard: string;
  title: string;
  cohort: number;
  onTime: number;
  late: number;
  covered: boolean;
}

/** Working days from becoming looked after to the 1st PPM, for children who became looked after in the period. */
export interface PpmBands {
  upTo10: number;
  from11To30: number;
  from31To60: number;
  over60: number;
  noPpmYet: number;
  ppmBeforeBla: number;
  cannotAssess: number;
}

export const PPM_BAND_KEYS = [
  "upTo10",
  "from11To30",
  "from31To60",
  "over60",
  "noPpmYet",
  "ppmBeforeBla",
  "cannotAssess",
] as const satisfies readonly (keyof PpmBands)[];

export const PPM_BAND_TITLES: Readonly<Record<keyof PpmBands, string>> = {
  upTo10: "Up to 10 WD",
  from11To30: "11–30 WD",
  from31To60: "31–60 WD",
  over60: "Over 60 WD",
  noPpmYet: "No PPM yet",
  ppmBeforeBla: "PPM before BLA",
  cannotAssess: "Cannot assess",
};

/** A cohort with a deadline and how many of it met the deadline. */
export interface OnTimeCount {
  cohort: number;
  onTime: number;
  late: number;
}

/** A middle value with the number of cases it is the middle of; `null` when there are none. */
export interface MedianOf {
  median: number | null;
  mean: number | null;
  n: number;
}

export interface PeriodFigures {
  period: SummaryPeriod;
  /** One per RAG standard evaluated, in the standards' order. */
  timeliness: TimelinessCount[];
  ppmBands: PpmBands;
  /** BLA → 1st PPM working days of the children in the bands (not those with no PPM or a PPM before BLA). */
  blaToPpmWorkingDays: MedianOf;
  /** One per enabled recurring standard: every occurrence, from the Tracker history. */
  recurring: RecurringCount[];
  /**
   * PPMs held in the period: every distinct PPM date of each Joint Tracker row on or before as-of,
   * its 1st and latest PPM and the earlier latest PPMs the Tracker history kept.
   */
  ppmsHeld: number;
  /** 2nd CLA review held within 4 calendar months of becoming looked after (deadline = BLA + 4 months). */
  secondReviewWithin4Months: OnTimeCount;
  /** The `permanence-plan` standard: plan agreed by the 2nd CLA review. */
  planAgreedBy2ndReview: OnTimeCount;
  /** Recruitment & Assessment rows whose enquiry date falls in the period. */
  enquiries: number;
  /** Enquiry → initial home visit, working days, for IHVs held in the period. */
  enquiryToIhvWorkingDays: MedianOf;
  /** Application → panel, calendar months (one decimal), for panels held in the period. */
  applicationToPanelMonths: MedianOf;
  /** Fostering Support households whose approval date falls in the period. */
  approvals: number;
}

/** A team's or worker's timeliness over the summary period, all standards together. */
export interface GroupFigures {
  name: string;
  cohort: number;
  onTime: number;
  late: number;
  /** Results overdue as at the as-of date, whenever their deadline fell. */
  overdueNow: number;
}

/** Approved fostering places as at the as-of date, over open (approved, not deregistered) households. */
export interface Occupancy {
  households: number;
  approvedPlaces: number;
  childrenPlaced: number;
  vacantPlaces: number;
  notAvailablePlaces: number;
  /** Open households whose approved places are blank or not a number, or another count is not a number. */
  householdsLeftOut: number;
}

/** Children looked after as at the as-of date in a foster placement with another carer (U4–U6). */
export interface InHouseFostering {
  /** Provider PR1: the authority's own carers. */
  inHouse: number;
  /** Provider PR4 or PR5: independent or voluntary agencies. */
  external: number;
  /** Any other provider, or none recorded: outside the share. */
  otherOrUnknown: number;
}

export interface ColumnCompleteness {
  sheet: SheetKey;
  sheetName: string;
  column: string;
  header: string;
  valid: number;
  blank: number;
  invalid: number;
}

/** One row a figure counts, so every number on the summary can be traced to the tracker. */
export interface TraceRow {
  figure: string;
  /** The month (`YYYY-MM`) the counted date falls in; "as at" for figures counted on the as-of date. */
  month: string;
  sheetName: string;
  row: number;
  id: string | null;
  standard: string | null;
  /** The status, band or outcome that decided how the row was counted. */
  outcome: string;
  /** The date the row is counted by (deadline, BLA, PPM, enquiry...). */
  date: EpochDay | null;
}

/**
 * The trace, column by column: `figure[i]`, `month[i]`... describe the i-th row counted. A
 * 100,000-row tracker traces about 400,000 rows: columns keep the figures' working to one array per
 * column, and the Summary data sheet makes its rows from them as it is built.
 */
export interface TraceColumns {
  length: number;
  figure: string[];
  month: string[];
  sheetName: string[];
  row: number[];
  id: (string | null)[];
  standard: (string | null)[];
  outcome: string[];
  date: (EpochDay | null)[];
}

/** The trace as one object per row, for readers that want rows (tests, the pane). */
export function traceRows(trace: TraceColumns): TraceRow[] {
  return Array.from({ length: trace.length }, (_, i) => ({
    figure: trace.figure[i] as string,
    month: trace.month[i] as string,
    sheetName: trace.sheetName[i] as string,
    row: trace.row[i] as number,
    id: trace.id[i] ?? null,
    standard: trace.standard[i] ?? null,
    outcome: trace.outcome[i] as string,
    date: trace.date[i] ?? null,
  }));
}

export interface SummaryFigures {
  /** `YYYY-MM`: the last month of the trend. */
  month: string;
  asOf: EpochDay;
  periodKind: PeriodKind;
  /** The summary period (the month, or the quarter or financial year holding it) and its comparisons. */
  current: PeriodFigures;
  previous: PeriodFigures;
  yearEarlier: PeriodFigures;
  /** The 12 months ending with `month`, oldest first. */
  months: PeriodFigures[];
  /** The 4 quarters ending with the quarter holding `month`, oldest first. */
  quarters: PeriodFigures[];
  /** The 5 financial years ending with the one holding `month`, oldest first. */
  financialYears: PeriodFigures[];
  /** Per recurring standard, the first day its history covers; null when there is no history yet. */
  historyFrom: { standard: string; title: string; from: EpochDay | null }[];
  byTeam: GroupFigures[];
  byWorker: GroupFigures[];
  /** Per standard, the rows whose status is `cannot assess`: no information, never counted as late or on time. */
  noInformation: { standard: string; title: string; rows: number }[];
  occupancy: Occupancy;
  inHouseFostering: InHouseFostering;
  /** Mean of "placements in last 12 months" over children looked after as at the as-of date. */
  placementsLast12Months: MedianOf;
  completeness: ColumnCompleteness[];
  /** The adoption scorecard block: A1, A2, A10, waiting children, matches, matching measures. */
  adoption: AdoptionScorecard;
  trace: TraceColumns;
}

/** A percentage for people: "–" when the denominator is 0 (an empty cohort is not 0%). */
export function percentText(count: number, of: number): string {
  return of === 0 ? "–" : `${Math.round((100 * count) / of)}%`;
}

/** A share as a fraction for charts and cells; `null` (a blank cell) when the denominator is 0. */
export function shareOf(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}
