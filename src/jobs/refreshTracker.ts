import type { EpochDay } from "../engine/dates/epochDay";
import { buildChangeLogSheet, type LogTime } from "../engine/fixes/changeLog";
import type { ApplyReport, ChangeSet, SkippedChange } from "../engine/port/ChangeSet";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { profileSheet } from "../engine/profile/TrackerProfile";
import { buildSystemRows } from "../engine/ssda903/buildSystemRows";
import type { ExtractProblem } from "../engine/ssda903/ExtractProblem";
import { proposeRefresh, type RefreshReport } from "../engine/ssda903/proposeRefresh";
import type { CsvFile } from "../engine/ssda903/readCsv";
import { readSsda903Extract } from "../engine/ssda903/readSsda903Extract";
import { readLog, uniqueChangeSetId } from "./fixTracker";
import { loadProfile } from "./loadProfile";
import { readTracker } from "./readTracker";

export interface RefreshTrackerOptions {
  /** The extract's CSV files as bytes or text (the pane hands over what the file picker read). */
  files: readonly CsvFile[];
  /** "Now" for the current placement and the placements of the last 12 months. */
  asOf: EpochDay;
  /** When the change set is applied, for its id and the log (the jobs have no clock). */
  now: LogTime;
  /** Resolve conflicts the system's way instead of keeping the tracker's values. */
  acceptSystem?: boolean;
  /** Work out the change set and the report but change nothing. */
  dryRun?: boolean;
}

export type RefreshTrackerResult =
  | {
      kind: "refreshed";
      /** Each file read and the SSDA903 table it was recognised as. */
      filesRead: readonly { file: string; table: string }[];
      changeSet: ChangeSet;
      report: RefreshReport;
      /** What the port applied and skipped; absent on a dry run or when there is nothing to change. */
      applied?: ApplyReport;
      /** The Change log as written, when anything was applied. */
      log?: SheetWrite;
    }
  /** Nothing to refresh against: the tracker has no readable Joint Tracker, or the files no episodes. */
  | {
      kind: "cannot-refresh";
      reason: "no-tracker" | "no-episodes";
      message: string;
      extractProblems: ExtractProblem[];
    };

/**
 * Refreshes the Joint Tracker from the case system's SSDA903 extract: reads the tracker and the
 * files, proposes one change set (see `proposeRefresh`), and unless it is a dry run applies it the
 * way the safe fixes are applied: protected sheets refused, cells edited since skipped by the port,
 * applied changes logged in the Change log so `revertChanges` can undo them.
 */
export async function refreshTracker(
  port: WorkbookPort,
  options: RefreshTrackerOptions,
): Promise<RefreshTrackerResult> {
  const extract = readSsda903Extract(options.files);
  const { profile } = await loadProfile(port);
  const spec = profileSheet(profile, "jointTracker");
  const tracker = await readTracker(port, profile);
  const mapping = tracker.mappings.jointTracker;
  const table = mapping?.status === "read" ? mapping.mapping.table : undefined;
  if (!spec || !table) {
    return {
      kind: "cannot-refresh",
      reason: "no-tracker",
      message: "The workbook has no Joint Tracker sheet with a header row to refresh.",
      extractProblems: extract.problems,
    };
  }
  const mapped = new Set(table.columns.map((c) => c.key));
  const missing = [spec.idColumn, "becameLookedAfter"].filter((key) => !mapped.has(key));
  if (missing.length > 0) {
    const titles = missing.map((key) => spec.columns.find((c) => c.key === key)?.title ?? key);
    return {
      kind: "cannot-refresh",
      reason: "no-tracker",
      message: `The ${table.sheetName} sheet has no ${titles.join(" or ")} column: rows cannot be matched to the extract.`,
      extractProblems: extract.problems,
    };
  }
  if (!extract.files.some((f) => f.table === "Episodes")) {
    return {
      kind: "cannot-refresh",
      reason: "no-episodes",
      message: "No Episodes table was read from the files given: refresh needs the SSDA903 Episodes file.",
      extractProblems: extract.problems,
    };
  }

  const system = buildSystemRows(extract, { asOf: options.asOf });
  const existingLog = await readLog(port);
  const proposed = proposeRefresh(table, spec, system.rows, [...extract.problems, ...system.problems], {
    id: uniqueChangeSetId(options.now, existingLog, "RF"),
    acceptSystem: options.acceptSystem ?? false,
  });
  const filesRead = extract.files;
  if (options.dryRun || proposed.changeSet.changes.length === 0)
    return { kind: "refreshed", filesRead, ...proposed };

  // As fixTracker does: a protected sheet's changes are refused, not attempted.
  const sheets = await port.listSheets();
  const isProtected = (name: string): boolean =>
    sheets.some((s) => s.protected && s.name.toLowerCase() === name.toLowerCase());
  const refused: SkippedChange[] = proposed.changeSet.changes
    .filter((c) => isProtected(c.sheet))
    .map((change) => ({ change, reason: "sheet-protected" }));
  const result = await port.applyChanges({
    ...proposed.changeSet,
    changes: proposed.changeSet.changes.filter((c) => !isProtected(c.sheet)),
  });
  const applied: ApplyReport = { applied: result.applied, skipped: [...refused, ...result.skipped] };
  if (applied.applied.length === 0) return { kind: "refreshed", filesRead, ...proposed, applied };
  const log = await port.writeSheet(
    buildChangeLogSheet(existingLog, proposed.changeSet, applied, options.now),
  );
  return { kind: "refreshed", filesRead, ...proposed, applied, log };
}
