import quantile from "@stdlib/stats-base-dists-normal-quantile";
import { CONFIDENCE, type Interval } from "./Interval";

/**
 * The Wilson score interval for a share `k / n` (Wilson 1927; Newcombe 1998's method 3): unlike
 * the textbook `p ± z·√(p(1−p)/n)` it stays within 0–1 and is not zero-width when every case, or
 * none, was on time, which small cohorts often are. `null` for an empty cohort.
 */
export function wilsonInterval(k: number, n: number): Interval | null {
  if (n === 0) return null;
  const z = quantile(1 - (1 - CONFIDENCE) / 2, 0, 1);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 or k = n the bound is 0 or 1 exactly; rounding would leave 1e-17 outside.
  return { low: k === 0 ? 0 : centre - half, high: k === n ? 1 : centre + half };
}
