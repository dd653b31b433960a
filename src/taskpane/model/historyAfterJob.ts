import type { EpochDay } from "../../engine/dates/epochDay";
import type { WorkbookPort } from "../../engine/port/WorkbookPort";
import { historyRecordedThrough, recordWorkbookHistory } from "../../jobs/recordTrackerHistory";

/**
 * After a job in the pane, the tracker's overwritten dates are recorded in the Tracker history,
 * seen `today` (evaluation-semantics.md: in the pane, whenever any job runs), unless the job
 * recorded them itself (every job that writes does) or was refused: a job whose outcome is
 * `{ ok: false }` (compare's overlapping periods, say) leaves the workbook as it was.
 *
 * The job's own result stands whatever happens here: a history not written now (the sheet protected,
 * the workbook busy) is written by the next job, the tracker still holding the dates.
 */
export async function recordHistoryAfterJob(
  port: WorkbookPort,
  outcome: unknown,
  today: EpochDay | undefined,
): Promise<void> {
  if (today === undefined || refused(outcome) || historyRecordedThrough(port)) return;
  await recordWorkbookHistory(port, today).catch(() => undefined);
}

function refused(outcome: unknown): boolean {
  return typeof outcome === "object" && outcome !== null && "ok" in outcome && outcome.ok === false;
}
