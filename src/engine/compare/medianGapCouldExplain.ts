import { medianOf } from "../summary/buildSummaryFigures";

/**
 * Whether the cases with no value could on their own explain a change in a median (lower is
 * better). In the worst case for the change, every missing case of the period that looks better
 * took longer than any recorded case, and every missing case of the other period was as quick as it
 * can have been (a 1st PPM not held by the as-of date took at least the working days since BLA: the
 * value is censored, not unknown); if the medians then no longer differ in the direction seen, the
 * gap could explain the change. The same rule as for shares (Manski's bounds), for the evaluation
 * report's 42% problem.
 */
export function medianGapCouldExplain(
  before: { values: readonly number[]; missingAtLeast: readonly number[] },
  after: { values: readonly number[]; missingAtLeast: readonly number[] },
): boolean {
  const b = medianOf(before.values).median;
  const a = medianOf(after.values).median;
  if (a === null || b === null || a === b) return false;
  const slowest = (side: typeof before): number[] => [
    ...side.values,
    ...side.missingAtLeast.map(() => Number.MAX_VALUE),
  ];
  const quickest = (side: typeof before): number[] => [...side.values, ...side.missingAtLeast];
  const median = (values: readonly number[]): number => medianOf(values).median ?? NaN;
  return a < b
    ? median(slowest(after)) >= median(quickest(before))
    : median(quickest(after)) <= median(slowest(before));
}
