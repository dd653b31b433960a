import { CLI_NAMES, type PeriodNames } from "./checkComparePeriods";
import type { Comparison } from "./Comparison";

/**
 * Why a comparison has nothing to say, or `null`: a period in which no row of the tracker falls (no
 * deadline, no BLA, visit or panel, not even a row that cannot be assessed) was most likely mistyped
 * or is outside the tracker's history, and a comparison with it would only say "no cases" for
 * every line.
 */
export function emptyPeriodProblem(comparison: Comparison, names: PeriodNames = CLI_NAMES): string | null {
  const rows = (side: "before" | "after"): number =>
    comparison.shares.reduce((sum, s) => sum + s[side].cohort + s[side].noInformation, 0) +
    comparison.measures.reduce((sum, m) => sum + m[side].n + m[side].noInformation, 0);
  for (const side of ["before", "after"] as const) {
    if (rows(side) === 0) {
      return (
        `${names[side]} ${comparison[side].key} has no rows: no deadline, date became looked after, ` +
        "visit or panel in the tracker falls in it"
      );
    }
  }
  return null;
}
