import pmf from "@stdlib/stats-base-dists-hypergeometric-pmf";

/**
 * Fisher's exact test, two-sided, on the 2×2 table of on time / late before (`a` of `n`) and after
 * (`b` of `m`): the probability, with the margins fixed, of a table no more likely than the one
 * seen. Exact for any cohort size, which the normal approximation of a χ² test is not for the small
 * cohorts of one authority. Tables within a relative 1e-7 of the seen one count as equally likely,
 * as in scipy.stats.fisher_exact, so rounding in the probabilities cannot drop a tied table.
 * 1 when either cohort is empty (nothing to compare).
 */
export function fisherExact(a: number, n: number, b: number, m: number): number {
  if (n === 0 || m === 0) return 1;
  const total = n + m;
  const onTime = a + b;
  // The count on time before follows a hypergeometric distribution: `onTime` drawn from `total`
  // cases of which `n` are before.
  const seen = pmf(a, total, n, onTime);
  let p = 0;
  for (let x = Math.max(0, onTime - m); x <= Math.min(n, onTime); x++) {
    const probability = pmf(x, total, n, onTime);
    if (probability <= seen * (1 + 1e-7)) p += probability;
  }
  return Math.min(1, p);
}
