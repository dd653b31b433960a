import type { EpochDay } from "../engine/dates/epochDay";
import type { SheetModel } from "../engine/port/SheetModel";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { buildSummaryFigures } from "../engine/summary/buildSummaryFigures";
import { buildSummarySheets } from "../engine/summary/buildSummarySheet";
import type { SummaryFigures } from "../engine/summary/SummaryFigures";
import type { PeriodKind } from "../engine/summary/SummaryPeriod";
import { readTrackerHistory, type TrackerHistoryRead } from "./recordTrackerHistory";
import { recordStatusHistory, statusTracker, type TrackerStatus } from "./statusTracker";

export interface SummaryTrackerOptions {
  /** `YYYY-MM`. */
  month: string;
  asOf: EpochDay;
  period?: PeriodKind;
}

export interface SummaryTrackerResult {
  figures: SummaryFigures;
  /** The summary sheet and the summary data sheet, ready to write. */
  sheets: SheetModel[];
  /** How the tracker was read (standards and holidays in force, sheets that could not be read). */
  status: TrackerStatus;
  /** The Tracker history the recurring figures and PPMs held were counted from. */
  history: TrackerHistoryRead;
}

/**
 * The summary job: reads and evaluates the tracker exactly as `tracker status` does (profile,
 * Standards and Holidays sheets) and builds the figures and the summary sheets. It writes nothing.
 */
export async function summaryTracker(
  port: WorkbookPort,
  options: SummaryTrackerOptions,
): Promise<SummaryTrackerResult> {
  const status = await statusTracker(port, { asOf: options.asOf });
  const history = await readTrackerHistory(port, status.tables, status.profile);
  const figures = buildSummaryFigures(status.evaluation, status.tables, {
    month: options.month,
    asOf: options.asOf,
    calendar: status.calendar,
    profile: status.profile,
    history: history.index,
    ...(options.period === undefined ? {} : { period: options.period }),
  });
  return { figures, sheets: buildSummarySheets(figures), status, history };
}

/**
 * Writes the summary sheets; the add-in's own summary of the same period is replaced, never
 * duplicated, and a user's sheet of the same name is left alone. Returns what each write did. The
 * tracker's dates are recorded in the Tracker history first, as by every job that writes.
 */
export async function writeSummarySheets(
  port: WorkbookPort,
  result: SummaryTrackerResult,
  /** Today, the day the Tracker history says the dates were seen; the as-of date when absent. */
  today?: EpochDay,
): Promise<SheetWrite[]> {
  await recordStatusHistory(port, result.status, today);
  const written: SheetWrite[] = [];
  for (const sheet of result.sheets) written.push(await port.writeSheet(sheet));
  return written;
}
