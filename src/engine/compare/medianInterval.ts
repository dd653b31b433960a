import cdf from "@stdlib/stats-base-dists-binomial-cdf";
import { CONFIDENCE, type Interval } from "./Interval";

/**
 * A distribution-free 95% interval for a median: the k-th smallest to the k-th largest value, with
 * k the largest for which fewer than k values fall below the median with chance at most 2.5%
 * (each value lies below the true median with chance ½, so the count below is Binomial(n, ½); the
 * interval covers the median with chance at least 95%). It needs no assumption about the shape of
 * the values, which for working days have a long tail. `null` below 6 values, where even the whole
 * range covers the median with less than 95%.
 */
export function medianInterval(values: readonly number[]): Interval | null {
  const n = values.length;
  const tail = (1 - CONFIDENCE) / 2;
  let k = 0;
  for (let candidate = 1; candidate <= Math.floor(n / 2); candidate++) {
    if (cdf(candidate - 1, n, 0.5) <= tail) k = candidate;
    else break;
  }
  if (k === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return { low: sorted[k - 1] as number, high: sorted[n - k] as number };
}
