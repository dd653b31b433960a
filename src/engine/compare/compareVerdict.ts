import { FEWEST_CASES, SIGNIFICANCE, type Verdict } from "./Comparison";

/**
 * What may be concluded from a comparison, in this order: nothing without cases; nothing from fewer
 * than 10 cases in either period, whatever the p-value; a change with p below 0.05 is significant
 * only when the missing information could not explain it alone; anything else is no significant
 * change. Never "significant" at or above p = 0.05.
 */
export function compareVerdict(options: {
  casesBefore: number;
  casesAfter: number;
  p: number | null;
  /** Whether the after period looks better than the before period. */
  better: boolean;
  gapCouldExplain: boolean;
}): Verdict {
  const { casesBefore, casesAfter, p } = options;
  if (casesBefore === 0 || casesAfter === 0 || p === null) return "no cases";
  if (casesBefore < FEWEST_CASES || casesAfter < FEWEST_CASES) return "too few cases";
  if (!(p < SIGNIFICANCE)) return "no significant change";
  if (options.gapCouldExplain) return "gap could explain";
  return options.better ? "significant improvement" : "significant worsening";
}
