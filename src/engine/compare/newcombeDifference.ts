import type { Interval } from "./Interval";
import { wilsonInterval } from "./wilsonInterval";

/** A change in a share, after minus before (as a fraction: 0.21 is 21 percentage points). */
export interface ShareDifference {
  difference: number;
  interval: Interval;
}

/**
 * The difference of two independent shares, after (`b / m`) minus before (`a / n`), with Newcombe's
 * hybrid score interval (Newcombe 1998, "Interval estimation for the difference between independent
 * proportions", Statistics in Medicine 17:873–890, method 10), built from each share's Wilson
 * interval. It keeps its coverage for small cohorts and for shares of 0% or 100%, where the simple
 * Wald interval collapses. `null` when either cohort is empty.
 */
export function newcombeDifference(a: number, n: number, b: number, m: number): ShareDifference | null {
  const before = wilsonInterval(a, n);
  const after = wilsonInterval(b, m);
  if (before === null || after === null) return null;
  const p1 = a / n;
  const p2 = b / m;
  const difference = p2 - p1;
  return {
    difference,
    interval: {
      low: difference - Math.hypot(p2 - after.low, before.high - p1),
      high: difference + Math.hypot(after.high - p2, p1 - before.low),
    },
  };
}
