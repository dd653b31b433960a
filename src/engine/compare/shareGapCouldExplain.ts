/**
 * Whether the rows with no information could on their own explain a change in an on-time share:
 * the worst case for the change (Manski's bounds), with every missing row of the later-better
 * period late and every missing row of the other on time, cancels or reverses it. This is the
 * evaluation report's caution ("This is based on 63 cases when no information was available for 45
 * cases (42%). Therefore, one cannot conclude this represents an improvement") as a rule.
 */
export function shareGapCouldExplain(
  before: { onTime: number; cohort: number; noInformation: number },
  after: { onTime: number; cohort: number; noInformation: number },
): boolean {
  if (before.cohort === 0 || after.cohort === 0) return false;
  const change = after.onTime / after.cohort - before.onTime / before.cohort;
  if (change === 0) return false;
  const share = (onTime: number, cohort: number): number => onTime / cohort;
  const u = before.noInformation;
  const v = after.noInformation;
  if (change > 0) {
    // Better after: the missing before were all on time, the missing after all late.
    return share(after.onTime, after.cohort + v) <= share(before.onTime + u, before.cohort + u);
  }
  return share(after.onTime + v, after.cohort + v) >= share(before.onTime, before.cohort + u);
}
