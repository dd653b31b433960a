/** A 95% confidence interval: `low` to `high`, in the unit of the estimate it belongs to. */
export interface Interval {
  low: number;
  high: number;
}

/** The confidence level of every interval the comparison shows. */
export const CONFIDENCE = 0.95;
