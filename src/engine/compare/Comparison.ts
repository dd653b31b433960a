import type { EpochDay } from "../dates/epochDay";
import type { ComparePeriod } from "./ComparePeriod";
import type { Interval } from "./Interval";
import type { MannWhitneyResult } from "./mannWhitneyU";
import type { ShareDifference } from "./newcombeDifference";

/*
 * A before-and-after comparison (evaluation-semantics.md "Before and after (did the change work?)").
 * Counts and the tests' results only; the words are made from them by compareVerdict.
 */

/** Below this many cases in either period nothing is concluded, whatever the p-value. */
export const FEWEST_CASES = 10;
/** A change is called significant only below this p-value, and never at or above it. */
export const SIGNIFICANCE = 0.05;

export type Verdict =
  /** A recurring standard whose Tracker history does not cover both periods from their first day. */
  | "no history"
  | "no cases"
  | "too few cases"
  | "significant improvement"
  | "significant worsening"
  | "gap could explain"
  | "no significant change";

/** One period of one standard: its cohort as the summary counts it, and the rows it could not assess. */
export interface ShareSide {
  onTime: number;
  cohort: number;
  /** Rows whose status is "cannot assess" (missing or invalid dates), placed in the period by their would-be deadline. */
  noInformation: number;
  /** The Wilson interval of the on-time share; null for an empty cohort. */
  interval: Interval | null;
}

/**
 * How far a recurring standard's Tracker history reaches (evaluation-semantics.md "Recurring
 * standards and history"): from when, and whether it covers each period from its first day.
 */
export interface HistoryCoverage {
  /** One limit after the history's first record; null when there is no history yet. */
  from: EpochDay | null;
  before: boolean;
  after: boolean;
}

/** A standard's on-time share before and after. */
export interface ShareComparison {
  kind: "share";
  id: string;
  title: string;
  /**
   * For a recurring standard, counted from every occurrence in the Tracker history, how far the
   * history reaches; null for any other standard.
   */
  coverage: HistoryCoverage | null;
  before: ShareSide;
  after: ShareSide;
  /** After minus before, as a fraction, with Newcombe's hybrid score interval; null if a cohort is empty. */
  change: ShareDifference | null;
  /** Fisher's exact test, two-sided; null if a cohort is empty. */
  p: number | null;
  /** Whether putting the rows with no information at the extremes could cancel or reverse the change. */
  gapCouldExplain: boolean;
  verdict: Verdict;
  words: string;
}

/** One period of one working-day measure: the values, their median, the rows with no value. */
export interface MeasureSide {
  n: number;
  median: number | null;
  /** The median's distribution-free 95% interval (order statistics); null below 6 cases. */
  medianInterval: Interval | null;
  /** Rows in the period with no value: the end date blank or invalid. */
  noInformation: number;
  values: number[];
}

export type MeasureId = "bla-to-1st-ppm" | "enquiry-to-ihv" | "application-to-panel";

/** A working-day (or month) measure before and after: lower is better. */
export interface MeasureComparison {
  kind: "measure";
  id: MeasureId;
  title: string;
  unit: "working days" | "months";
  before: MeasureSide;
  after: MeasureSide;
  test: MannWhitneyResult | null;
  gapCouldExplain: boolean;
  verdict: Verdict;
  words: string;
}

export interface Comparison {
  before: ComparePeriod;
  after: ComparePeriod;
  asOf: EpochDay;
  shares: ShareComparison[];
  measures: MeasureComparison[];
  /** Rows that could not be assessed and have no date to place them in any period, by standard. */
  undated: { id: string; title: string; rows: number }[];
  /** What qualifies the lines (how many tests were run; recurring occurrences are not independent), in words. */
  notes: string[];
}
