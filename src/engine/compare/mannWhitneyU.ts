import cdf from "@stdlib/stats-base-dists-normal-cdf";
import { mannWhitneyExactTail } from "./mannWhitneyExactTail";

/** The largest sample, each side, the exact distribution is used for (when there are no ties). */
const EXACT_UP_TO = 8;

export interface MannWhitneyResult {
  /** U of the first sample: how many (first, second) pairs have the first larger, ties counting half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  method: "exact" | "asymptotic";
}

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, of whether values in one period tend to
 * be larger than in the other, without assuming any distribution: working days are skewed, with a
 * long tail of very late cases, so a t-test of means would mislead.
 *
 * Without ties and with at most 8 values a side, the p-value is exact. Otherwise it is the normal
 * approximation with the tie correction of the variance and a continuity correction of 0.5, as
 * scipy.stats.mannwhitneyu(method="asymptotic") computes it: z = (max(U1, U2) − n1·n2/2 − 0.5) / σ,
 * σ² = n1·n2/12 · ((n + 1) − Σ(t³ − t) / (n(n − 1))), p = 2·Φ(−z), at most 1.
 * `null` when either sample is empty.
 */
export function mannWhitneyU(first: readonly number[], second: readonly number[]): MannWhitneyResult | null {
  const n1 = first.length;
  const n2 = second.length;
  if (n1 === 0 || n2 === 0) return null;
  const pooled = [
    ...first.map((value) => ({ value, first: true })),
    ...second.map((value) => ({ value, first: false })),
  ];
  pooled.sort((x, y) => x.value - y.value);
  const n = pooled.length;
  let rankSum = 0;
  let tieTerm = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && pooled[j]?.value === pooled[i]?.value) j++;
    const t = j - i;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (pooled[k]?.first === true) rankSum += midRank;
    tieTerm += t * t * t - t;
    i = j;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const larger = Math.max(u, n1 * n2 - u);
  if (tieTerm === 0 && n1 <= EXACT_UP_TO && n2 <= EXACT_UP_TO) {
    return { u, p: Math.min(1, 2 * mannWhitneyExactTail(n1, n2, larger)), method: "exact" };
  }
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  // Every value tied: no evidence of any difference.
  if (sigma === 0) return { u, p: 1, method: "asymptotic" };
  const z = (larger - (n1 * n2) / 2 - 0.5) / sigma;
  return { u, p: Math.min(1, 2 * cdf(-z, 0, 1)), method: "asymptotic" };
}
