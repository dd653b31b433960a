import { mannWhitneyU } from "./mannWhitneyU";

/**
 * Whether the cases with no value could on their own explain a change in a working-day measure
 * (lower is better). In the worst case for the change, every missing case of the period that looks
 * better took longer than any recorded case, and every missing case of the other period was as
 * quick as it can have been (a 1st PPM not held by the as-of date took at least the working days
 * since BLA: the value is censored, not unknown); if the two periods then no longer differ in the
 * direction seen, the gap could explain the change. The same rule as for shares (Manski's bounds),
 * for the evaluation report's 42% problem.
 *
 * The direction is the rank test's, as in the verdict (compareVerdict): which period's cases tended
 * to take longer, by U. Judging it by the medians instead would leave a significant rank change
 * with equal medians unchecked, and call it significant however many cases had no value.
 */
export function medianGapCouldExplain(
  before: { values: readonly number[]; missingAtLeast: readonly number[] },
  after: { values: readonly number[]; missingAtLeast: readonly number[] },
): boolean {
  const seen = beforeSlower(before.values, after.values);
  if (seen === 0) return false;
  const slowest = (side: typeof before): number[] => [
    ...side.values,
    ...side.missingAtLeast.map(() => Number.MAX_VALUE),
  ];
  const quickest = (side: typeof before): number[] => [...side.values, ...side.missingAtLeast];
  return seen > 0
    ? beforeSlower(quickest(before), slowest(after)) <= 0
    : beforeSlower(slowest(before), quickest(after)) >= 0;
}

/** Positive when the before period's cases tended to take longer (its U above half of all pairs), negative when quicker, 0 for neither or no cases. */
function beforeSlower(before: readonly number[], after: readonly number[]): number {
  const test = mannWhitneyU(before, after);
  return test === null ? 0 : Math.sign(test.u - (before.length * after.length) / 2);
}
