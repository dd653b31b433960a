import type { EpochDay } from "../../engine/dates/epochDay";
import { summaryMonths, type MonthChoice } from "./summaryMonths";

/** The two periods the pane's comparison starts from, as first and last months (`YYYY-MM`). */
export interface ComparePeriodChoice {
  before: { first: string; last: string };
  after: { first: string; last: string };
}

/**
 * The months the pane's "Compare two periods" offers (the last three years, newest first) and the
 * periods it starts from: the six whole months before this one as "after", the six before those as
 * "before", the usual half-year a new practice is judged over.
 */
export function comparePeriodChoices(today: EpochDay): {
  months: MonthChoice[];
  defaults: ComparePeriodChoice;
} {
  const { choices } = summaryMonths(today, 36);
  const month = (i: number): string => choices[i]?.value ?? "";
  return {
    months: choices,
    defaults: { before: { first: month(12), last: month(7) }, after: { first: month(6), last: month(1) } },
  };
}

/** A period as the compare job reads it: `first..last`, or one month when they are the same. */
export function periodText(period: { first: string; last: string }): string {
  return period.first === period.last ? period.first : `${period.first}..${period.last}`;
}
