import type { EpochDay } from "../engine/dates/epochDay";
import { buildCompareSheet } from "../engine/compare/buildCompareSheet";
import { buildComparison } from "../engine/compare/buildComparison";
import { checkComparePeriods, CLI_NAMES, type PeriodNames } from "../engine/compare/checkComparePeriods";
import type { ComparePeriod } from "../engine/compare/ComparePeriod";
import type { Comparison } from "../engine/compare/Comparison";
import { emptyPeriodProblem } from "../engine/compare/emptyPeriodProblem";
import type { SheetModel } from "../engine/port/SheetModel";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { readTrackerHistory, type TrackerHistoryRead } from "./recordTrackerHistory";
import { recordStatusHistory, statusTracker, type TrackerStatus } from "./statusTracker";

export interface CompareTrackerOptions {
  before: ComparePeriod;
  after: ComparePeriod;
  asOf: EpochDay;
  /** How the user named the periods, for the messages: `--before`/`--after` by default. */
  names?: PeriodNames;
}

export type CompareTrackerResult =
  | {
      ok: true;
      comparison: Comparison;
      sheet: SheetModel;
      status: TrackerStatus;
      /** The Tracker history the recurring standards were counted from. */
      history: TrackerHistoryRead;
    }
  | { ok: false; message: string };

/**
 * The compare job: checks the periods, reads and evaluates the tracker exactly as `tracker status`
 * does, reads the Tracker history as the summary does (for the recurring standards), and compares
 * the two periods. It writes nothing; a problem with the periods (overlapping, reversed, in the
 * future, with no rows) comes back as one line for the user. Its sheet is written by
 * writeCompareSheet.
 */
export async function compareTracker(
  port: WorkbookPort,
  options: CompareTrackerOptions,
): Promise<CompareTrackerResult> {
  const names = options.names ?? CLI_NAMES;
  const problem = checkComparePeriods(options.before, options.after, options.asOf, names);
  if (problem !== null) return { ok: false, message: problem };
  const status = await statusTracker(port, { asOf: options.asOf });
  const history = await readTrackerHistory(port, status.tables, status.profile);
  const comparison = buildComparison(status.evaluation, status.tables, {
    before: options.before,
    after: options.after,
    calendar: status.calendar,
    history: history.index,
  });
  const empty = emptyPeriodProblem(comparison, names);
  if (empty !== null) return { ok: false, message: empty };
  return { ok: true, comparison, sheet: buildCompareSheet(comparison), status, history };
}

/**
 * Writes the comparison sheet with the port's writeSheet, which replaces the add-in's own sheet of
 * that name on a second run and never a user's. As by every job that writes (writeSummarySheets),
 * the tracker's dates are recorded in the Tracker history first; the comparison itself was counted
 * from the history as it was read, so the sheet and the lines shown agree.
 */
export async function writeCompareSheet(
  port: WorkbookPort,
  result: Extract<CompareTrackerResult, { ok: true }>,
  /** Today, the day the Tracker history says the dates were seen; the as-of date when absent. */
  today?: EpochDay,
): Promise<SheetWrite> {
  await recordStatusHistory(port, result.status, today);
  return port.writeSheet(result.sheet);
}
