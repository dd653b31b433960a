import type { DataQualityIssue } from "../engine/checks/DataQualityIssue";
import type { EpochDay } from "../engine/dates/epochDay";
import {
  buildHistorySheet,
  historyRowValues,
  looksLikeHistoryHeader,
  readHistorySheet,
  type HistoryRowToAppend,
} from "../engine/history/historySheet";
import { historyToAppend, type CaseSystemReview } from "../engine/history/historyToAppend";
import { indexHistory, type HistoryIndex } from "../engine/history/HistoryIndex";
import { HISTORY_SHEET_NAME, type RecordedEntry } from "../engine/history/TrackerHistory";
import type { SheetInfo, SheetSnapshot, WorkbookPort } from "../engine/port/WorkbookPort";
import type { TrackerProfile } from "../engine/profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../engine/standards/defaultStandards";
import type { Standard } from "../engine/standards/Standard";
import type { TrackerTable } from "../engine/tables/TrackerTable";
import { loadProfile } from "./loadProfile";
import { readTracker } from "./readTracker";

/** The Tracker history as read back: its valid rows indexed, and what is wrong with it. */
export interface TrackerHistoryRead {
  /** The history sheet's name; undefined when the workbook has none yet. */
  sheetName: string | undefined;
  entries: RecordedEntry[];
  index: HistoryIndex;
  /** Unreadable rows, dates moved backwards, IDs no tracker row has: data-quality issues. */
  issues: DataQualityIssue[];
  /** Of those, the rows that could not be read at all (kept on the sheet, not counted). */
  sheetIssues: DataQualityIssue[];
}

export interface RecordHistoryOptions {
  tables: readonly TrackerTable[];
  profile: TrackerProfile;
  /** The standards in force: their recurring anchors are the columns recorded. Defaults when absent. */
  standards?: readonly Standard[];
  /** The day the tracker was read (the jobs have no clock). */
  seen: EpochDay;
  /** The case system's CLA review dates, when refreshing from its extract. */
  caseSystemReviews?: readonly CaseSystemReview[];
}

export type RecordHistoryOutcome =
  | { kind: "recorded"; sheetName: string; appended: HistoryRowToAppend[]; history: TrackerHistoryRead }
  | { kind: "unchanged"; history: TrackerHistoryRead }
  /** The history sheet is protected: nothing was written, and the user is told why. */
  | { kind: "refused"; message: string; history: TrackerHistoryRead };

/**
 * The ports a job has recorded the history through: the pane records after any job, and a job that
 * already did (agenda, summary, fixes...) need not have the tracker read a second time for it.
 */
const RECORDED = new WeakSet<WorkbookPort>();

/** Whether the history was recorded through this port (the one a job was given). */
export function historyRecordedThrough(port: WorkbookPort): boolean {
  return RECORDED.has(port);
}

/** Reads the Tracker history sheet, if the workbook has one, against the tracker tables read. */
export async function readTrackerHistory(
  port: WorkbookPort,
  tables: readonly TrackerTable[],
  profile: TrackerProfile,
): Promise<TrackerHistoryRead> {
  const sheet = await findHistorySheet(port);
  const snapshot = sheet ? await port.readSheet(sheet.name) : undefined;
  return historyOf(snapshot, tables, profile);
}

function historyOf(
  snapshot: SheetSnapshot | undefined,
  tables: readonly TrackerTable[],
  profile: TrackerProfile,
): TrackerHistoryRead {
  const read = snapshot ? readHistorySheet(snapshot, profile) : { entries: [], issues: [] };
  const index = indexHistory(read.entries, tables, profile, snapshot?.name ?? HISTORY_SHEET_NAME);
  return {
    sheetName: snapshot?.name,
    entries: read.entries,
    index,
    issues: [...read.issues, ...index.issues],
    sheetIssues: read.issues,
  };
}

/**
 * The Tracker history sheet: the add-in's own, found by the register of its sheets whatever its tab
 * is called now. Failing that, a sheet named "Tracker history" laid out as ours (a workbook whose
 * register another program dropped) is read, never written: the next write carries its rows into a
 * sheet of the add-in's own, so no recorded date is lost and no user's sheet is overwritten.
 */
async function findHistorySheet(port: WorkbookPort): Promise<SheetInfo | undefined> {
  const sheets = await port.listSheets();
  const wanted = HISTORY_SHEET_NAME.toLowerCase();
  const owned = sheets.find((s) => s.output?.trim().toLowerCase() === wanted);
  if (owned) return owned;
  const named = sheets.find((s) => s.output === undefined && s.name.trim().toLowerCase() === wanted);
  if (!named) return undefined;
  const header = (await port.readSheet(named.name)).values[0] ?? [];
  return looksLikeHistoryHeader(header) ? named : undefined;
}

/**
 * Records in the Tracker history every anchor date that changed since the last record (and, on a
 * refresh, every case-system review date it lacks). Every job that writes to the workbook calls it.
 * The sheet is created, hidden, when there is first something to record; after that the new rows
 * are appended below its last row (`WorkbookPort.appendRows`, which reads where the sheet ends just
 * before writing), so co-authors recording at the same time each keep their rows and a user's edits
 * above are never rewritten. Two co-authors may record the same date at once: the history counts a
 * date once, however many rows hold it.
 */
export async function recordTrackerHistory(
  port: WorkbookPort,
  options: RecordHistoryOptions,
): Promise<RecordHistoryOutcome> {
  const standards = options.standards ?? DEFAULT_STANDARDS;
  RECORDED.add(port);
  const sheet = await findHistorySheet(port);
  const latest = sheet ? await port.readSheet(sheet.name) : undefined;
  const current = historyOf(latest, options.tables, options.profile);
  const appended = historyToAppend(options.tables, standards, options.profile, current.entries, {
    seen: options.seen,
    ...(options.caseSystemReviews ? { caseSystemReviews: options.caseSystemReviews } : {}),
  });
  if (appended.length === 0) return { kind: "unchanged", history: current };

  let written: { name: string; firstRow: number } | undefined;
  try {
    if (sheet?.output !== undefined) {
      // The add-in's own sheet: rows go below its last row, nothing above is rewritten.
      const result = await port.appendRows(HISTORY_SHEET_NAME, appended.map(historyRowValues));
      if (result.kind === "protected") {
        const message = `The ${result.name} sheet is protected, so the dates the tracker overwrites were not recorded: unprotect it to keep recurring figures true.`;
        port.tell?.(message);
        return { kind: "refused", message, history: current };
      }
      if (result.kind === "appended") written = result;
    }
    if (written === undefined) {
      // No sheet of the add-in's yet (or one laid out as ours that it does not own): written whole,
      // with the rows of the one read carried over.
      const model = buildHistorySheet(latest, appended, sheet?.visibility ?? "hidden");
      const write = await port.writeSheet(model);
      written = { name: write.name, firstRow: model.runs.at(-appended.length)?.row ?? 1 };
    }
  } catch (error) {
    // The history is not what the job is for: a workbook that cannot take it (its structure
    // protected, a chart sheet of that name) must not stop the agenda or summary the user asked
    // for. Nothing was recorded; the next job tries again, the tracker still holding the dates.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The Tracker history was not recorded: ${reason}`;
    port.tell?.(message);
    return { kind: "refused", message, history: current };
  }
  const { name, firstRow } = written;
  const entries: RecordedEntry[] = [
    ...current.entries,
    ...appended.map((a, i) => ({ ...a, row: firstRow + i })),
  ];
  const index = indexHistory(entries, options.tables, options.profile, name);
  const history: TrackerHistoryRead = {
    sheetName: name,
    entries,
    index,
    issues: [...current.sheetIssues, ...index.issues],
    sheetIssues: current.sheetIssues,
  };
  return { kind: "recorded", sheetName: name, appended, history };
}

/**
 * Reads the workbook's tracker and records its history: for jobs that do not read the tracker
 * themselves (revert) and for the pane after any job.
 */
export async function recordWorkbookHistory(
  port: WorkbookPort,
  seen: EpochDay,
): Promise<RecordHistoryOutcome> {
  const { profile } = await loadProfile(port);
  const { tables } = await readTracker(port, profile);
  return recordTrackerHistory(port, { tables, profile, seen });
}

/**
 * The pane's "Show the Tracker history": records the tracker's dates, then unhides the sheet (it is
 * hidden by default, and a hidden sheet cannot be gone to) by writing it again as it is, visible.
 * Returns the sheet's name, or undefined when there is nothing to show: no recurring date recorded.
 */
export async function showTrackerHistory(port: WorkbookPort, seen: EpochDay): Promise<string | undefined> {
  await recordWorkbookHistory(port, seen);
  const sheet = await findHistorySheet(port);
  if (!sheet) return undefined;
  if (sheet.visibility === "visible" || sheet.protected) return sheet.name;
  return (await port.writeSheet(buildHistorySheet(await port.readSheet(sheet.name), [], "visible"))).name;
}
