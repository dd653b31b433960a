import { formatUkDate, type EpochDay } from "../dates/epochDay";
import type { ComparePeriod } from "./ComparePeriod";

/** What the user calls the two periods where they typed them: options on the command line, fields in the pane. */
export interface PeriodNames {
  before: string;
  after: string;
}

export const CLI_NAMES: PeriodNames = { before: "--before", after: "--after" };

/**
 * Why two periods cannot be compared, in one line, or `null` when they can: the before period must
 * end before the after period begins (a case counted in both would be compared with itself), and
 * neither may begin after the as-of date (there is nothing to count there yet). A period that is
 * under way on the as-of date is allowed: its cohort is the deadlines up to that day, as the
 * summary counts the current month.
 */
export function checkComparePeriods(
  before: ComparePeriod,
  after: ComparePeriod,
  asOf: EpochDay,
  names: PeriodNames = CLI_NAMES,
): string | null {
  if (before.first > after.last) {
    return `${names.before} ${before.key} comes after ${names.after} ${after.key}: give the earlier period as ${names.before}`;
  }
  if (before.last >= after.first) {
    return `${names.before} ${before.key} and ${names.after} ${after.key} overlap: a case would be counted in both periods`;
  }
  for (const [name, period] of [
    [names.before, before],
    [names.after, after],
  ] as const) {
    if (period.first > asOf) {
      return `${name} ${period.key} is in the future: it begins after the as-of date ${formatUkDate(asOf)}`;
    }
  }
  return null;
}
