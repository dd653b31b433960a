import type { EpochDay } from "../engine/dates/epochDay";
import { buildChangeLogSheet, type LogTime } from "../engine/fixes/changeLog";
import type { ApplyReport, CellChange, ChangeSet, SkippedChange } from "../engine/port/ChangeSet";
import type { SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { profileSheet, type TrackerProfile } from "../engine/profile/TrackerProfile";
import { buildSystemRows, type SystemRow } from "../engine/ssda903/buildSystemRows";
import type { ExtractProblem } from "../engine/ssda903/ExtractProblem";
import { describeRefresh, proposeRefresh, type RefreshReport } from "../engine/ssda903/proposeRefresh";
import { familyFindingFacts } from "../engine/ssda903/familyFindingFacts";
import {
  proposeFamilyFindingRefresh,
  type FamilyFindingRefreshReport,
} from "../engine/ssda903/proposeFamilyFindingRefresh";
import {
  readSsda903Extract,
  type ExtractInput,
  type Ssda903Extract,
} from "../engine/ssda903/readSsda903Extract";
import {
  WORKER_IDS_SHEET_NAME,
  buildWorkerIdsSheet,
  readWorkerIdsSheet,
  workerKeyOf,
  type WorkerName,
} from "../engine/ssda903/workerIdsSheet";
import { parseCellAddress } from "../engine/tables/cellAddress";
import { readLog, uniqueChangeSetId } from "./fixTracker";
import { ownOutput } from "./outputSheets";
import { loadProfile } from "./loadProfile";
import { readTracker, type TrackerRead } from "./readTracker";
import { recordTrackerHistory } from "./recordTrackerHistory";

export interface RefreshTrackerOptions {
  /**
   * The extract's CSV files as bytes or text (the pane hands over what the file picker read), or
   * tables already read (the sheets of an .xlsx export).
   */
  files: readonly ExtractInput[];
  /** The authority to read from a regional extract (its LA value). */
  la?: string;
  /** Progress through a large file, for the CLI. */
  onProgress?: (file: string, rows: number) => void;
  /** "Now" for the current placement and the placements of the last 12 months. */
  asOf: EpochDay;
  /** When the change set is applied, for its id and the log (the jobs have no clock). */
  now: LogTime;
  /** Resolve conflicts the system's way instead of keeping the tracker's values. */
  acceptSystem?: boolean;
  /** Work out the change set and the report but change nothing. */
  dryRun?: boolean;
  /** Apply only the changes this keeps (the pane's unticked ones are left out), as `fixTracker` does. */
  only?: (change: CellChange) => boolean;
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
      /** The SocialWorker table's current workers, when the extract has one (see `WorkerIdsOutcome`). */
      workerIds?: WorkerIdsOutcome;
      /** What the Family Finding sheet took from the adoption tables, when the workbook has the sheet. */
      familyFinding?: FamilyFindingRefreshReport;
    }
  /**
   * Nothing to refresh against: the tracker has no readable Joint Tracker, the files no episodes,
   * or a regional extract's authority is not chosen (or not in the files): `authorities` lists them.
   */
  | {
      kind: "cannot-refresh";
      reason: "no-tracker" | "no-episodes" | "choose-authority";
      message: string;
      extractProblems: ExtractProblem[];
      authorities?: readonly string[];
    };

/**
 * The allocated workers the extract names by ID: how many the Worker IDs sheet gives a name, the IDs
 * it does not (yet), and the sheet as written when this run added IDs to it.
 */
export interface WorkerIdsOutcome {
  named: number;
  unnamed: string[];
  sheet?: SheetWrite;
}

/**
 * Refreshes the Joint Tracker from the case system's SSDA903 extract: reads the tracker and the
 * files, proposes one change set (see `proposeRefresh`), and unless it is a dry run applies it the
 * way the safe fixes are applied: protected sheets refused, cells edited since skipped by the port,
 * applied changes logged in the Change log so `revertChanges` can undo them. A regional extract of
 * several authorities is refused until one is chosen (`la`). The allocated worker is filled only
 * from names the user gave in the Worker IDs sheet, which a run that is not dry writes with any
 * worker ID it lacks.
 */
export async function refreshTracker(
  port: WorkbookPort,
  options: RefreshTrackerOptions,
): Promise<RefreshTrackerResult> {
  const readOptions = {
    ...(options.la === undefined ? {} : { la: options.la }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
  const extract = readSsda903Extract(options.files, readOptions);
  const unknownAuthority = extract.problems.find((p) => p.code === "AUTHORITY-UNKNOWN");
  if (extract.authorityNeeded || (unknownAuthority && extract.authorities.length > 0)) {
    return {
      kind: "cannot-refresh",
      reason: "choose-authority",
      message:
        unknownAuthority?.message ??
        `The extract holds ${extract.authorities.length} authorities (${extract.authorities.join(", ")}): choose the one to refresh from.`,
      extractProblems: extract.problems,
      authorities: extract.authorities,
    };
  }
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
  const workers = await workerNamesOf(port, system.rows);
  const existingLog = await readLog(port);
  const jointProposal = proposeRefresh(table, spec, system.rows, [...extract.problems, ...system.problems], {
    id: uniqueChangeSetId(options.now, existingLog, "RF"),
    acceptSystem: options.acceptSystem ?? false,
  });
  // The Family Finding sheet's adoption dates, in the same change set (one log entry, one revert).
  const familyFindingAll = familyFindingProposal(tracker, profile, extract, options.acceptSystem ?? false);
  const all = familyFindingAll ? withFamilyFinding(jointProposal, familyFindingAll) : jointProposal;
  const proposed = options.only ? onlyKept(all, options.only) : all;
  const familyFinding = familyFindingAll && keptFamilyFinding(familyFindingAll.report, proposed.changeSet);
  const filesRead = extract.files;
  // Every CLA review date of the extract goes into the Tracker history (source "case system"),
  // so review timeliness is known for every review, not only the 1st, 2nd and latest: recorded
  // against the tracker as refreshed, so the children it adds have theirs too.
  const recordHistory = async (tables: TrackerRead["tables"]): Promise<void> => {
    await recordTrackerHistory(port, {
      tables,
      profile,
      seen: options.now.day,
      caseSystemReviews: extract.reviews.map((r) => ({ childId: r.childId, day: r.day })),
    });
  };
  const workerIds = async (): Promise<WorkerIdsOutcome | undefined> => {
    if (!workers) return undefined;
    const outcome: WorkerIdsOutcome = { named: workers.named, unnamed: workers.unnamed };
    // The sheet is written when it lacks an ID, so the user has the row to fill in.
    if (!options.dryRun && workers.newIds.length > 0) {
      outcome.sheet = await port.writeSheet(buildWorkerIdsSheet(workers.names, workers.newIds));
    }
    return outcome;
  };
  if (options.dryRun || proposed.changeSet.changes.length === 0) {
    if (!options.dryRun) await recordHistory(tracker.tables);
    const outcome = await workerIds();
    return {
      kind: "refreshed",
      filesRead,
      ...proposed,
      ...(outcome ? { workerIds: outcome } : {}),
      ...(familyFinding ? { familyFinding } : {}),
    };
  }

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
  await recordHistory(
    applied.applied.length === 0 ? tracker.tables : (await readTracker(port, profile)).tables,
  );
  const outcome = await workerIds();
  const extra = { ...(outcome ? { workerIds: outcome } : {}), ...(familyFinding ? { familyFinding } : {}) };
  if (applied.applied.length === 0) return { kind: "refreshed", filesRead, ...proposed, applied, ...extra };
  const log = await port.writeSheet(
    buildChangeLogSheet(existingLog, proposed.changeSet, applied, options.now),
  );
  return { kind: "refreshed", filesRead, ...proposed, applied, log, ...extra };
}

/** The Family Finding sheet's proposal, when the workbook has the sheet with a child ID column. */
function familyFindingProposal(
  tracker: Awaited<ReturnType<typeof readTracker>>,
  profile: TrackerProfile,
  extract: Ssda903Extract,
  acceptSystem: boolean,
): ReturnType<typeof proposeFamilyFindingRefresh> | undefined {
  const spec = profileSheet(profile, "familyFinding");
  const mapping = tracker.mappings.familyFinding;
  const table = mapping?.status === "read" ? mapping.mapping.table : undefined;
  if (!spec || !table || !table.columns.some((c) => c.key === spec.idColumn)) return undefined;
  return proposeFamilyFindingRefresh(table, spec, familyFindingFacts(extract), { acceptSystem });
}

/** The Joint Tracker's proposal with the Family Finding sheet's changes added and described. */
function withFamilyFinding(
  joint: ReturnType<typeof proposeRefresh>,
  familyFinding: ReturnType<typeof proposeFamilyFindingRefresh>,
): ReturnType<typeof proposeRefresh> {
  const { changes, report } = familyFinding;
  if (changes.length === 0 && report.conflicts.length === 0) return joint;
  return {
    report: joint.report,
    changeSet: {
      ...joint.changeSet,
      description:
        `${joint.changeSet.description}; ${report.sheet}: ${report.filled.length} cell(s) filled, ` +
        `${report.conflicts.length} conflict(s)`,
      changes: [...joint.changeSet.changes, ...changes],
    },
  };
}

/** The Family Finding report as the kept changes leave it (the pane may untick some). */
function keptFamilyFinding(
  report: FamilyFindingRefreshReport,
  changeSet: ChangeSet,
): FamilyFindingRefreshReport {
  const kept = new Set(changeSet.changes.map((c) => `${c.sheet}!${c.cell}`));
  return {
    ...report,
    filled: report.filled.filter((f) => kept.has(`${f.sheet}!${f.cell}`)),
    conflicts: report.conflicts.map((c) => ({
      ...c,
      kept: c.kept === "system" && kept.has(`${c.sheet}!${c.cell}`) ? "system" : "tracker",
    })),
  };
}

/**
 * The proposal with only the changes `keep` keeps (the pane's ticked ones), its report and
 * description saying what is then done: a conflict whose system-value change was left out keeps the
 * tracker's value, a fill, new child or exit date left out is not counted.
 */
function onlyKept(
  all: ReturnType<typeof proposeRefresh>,
  keep: (change: CellChange) => boolean,
): ReturnType<typeof proposeRefresh> {
  const changes = all.changeSet.changes.filter(keep);
  const kept = new Set(changes.map((c) => `${c.sheet}!${c.cell}`));
  const sheet = all.report.sheet;
  const rowsKept = new Set(changes.map((c) => parseCellAddress(c.cell)?.row));
  const report: RefreshReport = {
    ...all.report,
    filled: all.report.filled.filter((f) => kept.has(`${sheet}!${f.cell}`)),
    newChildren: all.report.newChildren.filter((n) => rowsKept.has(n.row)),
    ceased: all.report.ceased.filter((c) => kept.has(`${sheet}!${c.cell}`)),
    conflicts: all.report.conflicts.map((c) => ({
      ...c,
      kept: c.kept === "system" && kept.has(`${c.sheet}!${c.cell}`) ? "system" : "tracker",
    })),
  };
  return { report, changeSet: { ...all.changeSet, description: describeRefresh(report), changes } };
}

/**
 * The names of the workers the system rows hold by ID, from the add-in's Worker IDs sheet, set on
 * the rows (an ID without a name sets nothing); undefined when the extract names no worker.
 */
async function workerNamesOf(
  port: WorkbookPort,
  rows: SystemRow[],
): Promise<
  { names: Map<string, WorkerName>; named: number; unnamed: string[]; newIds: string[] } | undefined
> {
  const ids = [...new Set(rows.map((r) => r.socialWorkerId).filter((id): id is string => id !== undefined))];
  if (ids.length === 0) return undefined;
  const sheet = ownOutput(await port.listSheets(), WORKER_IDS_SHEET_NAME);
  const names = sheet ? readWorkerIdsSheet(await port.readSheet(sheet.name)) : new Map<string, WorkerName>();
  for (const row of rows) {
    const name =
      row.socialWorkerId === undefined ? "" : (names.get(workerKeyOf(row.socialWorkerId))?.name ?? "");
    if (name !== "") row.socialWorker = name;
  }
  const unnamed = ids.filter((id) => (names.get(workerKeyOf(id))?.name ?? "") === "");
  return {
    names,
    named: ids.length - unnamed.length,
    unnamed,
    newIds: ids.filter((id) => !names.has(workerKeyOf(id))),
  };
}
