/**
 * The exact chance that the Mann–Whitney U of a sample of `n1` against one of `n2`, with no ties,
 * is at least `u`: the number of orderings of the pooled values giving U ≥ u over all C(n1+n2, n1)
 * of them. Counted by the recurrence of Mann & Whitney (1947): the largest value belongs either to
 * the first sample (adding n2 to U) or to the second, so f(i, j, u) = f(i−1, j, u−j) + f(i, j−1, u).
 * Meant for small samples (the caller uses it up to 8 a side): its work grows as n1²·n2².
 */
export function mannWhitneyExactTail(n1: number, n2: number, u: number): number {
  // ways[j][v]: orderings of i values of the first sample and j of the second with U = v.
  let ways: Float64Array[] = Array.from({ length: n2 + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= n1; i++) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n2; j++) {
      const counts = new Float64Array(i * j + 1);
      const largestFirst = ways[j] as Float64Array;
      for (let v = 0; v < largestFirst.length; v++)
        counts[v + j] = (counts[v + j] as number) + (largestFirst[v] as number);
      const largestSecond = next[j - 1] as Float64Array;
      for (let v = 0; v < largestSecond.length; v++)
        counts[v] = (counts[v] as number) + (largestSecond[v] as number);
      next.push(counts);
    }
    ways = next;
  }
  const all = ways[n2] as Float64Array;
  let total = 0;
  let atLeast = 0;
  for (let v = 0; v < all.length; v++) {
    total += all[v] as number;
    if (v >= u) atLeast += all[v] as number;
  }
  return atLeast / total;
}
