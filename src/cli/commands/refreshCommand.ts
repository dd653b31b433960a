import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { formatUkDate } from "../../engine/dates/epochDay";
import type { FamilyFindingRefreshReport } from "../../engine/ssda903/proposeFamilyFindingRefresh";
import type { ExtractProblem } from "../../engine/ssda903/ExtractProblem";
import type { RefreshReport } from "../../engine/ssda903/proposeRefresh";
import type { ExtractInput } from "../../engine/ssda903/readSsda903Extract";
import { tablesOfSheets } from "../../engine/ssda903/sheetTables";
import { WORKER_IDS_SHEET_NAME } from "../../engine/ssda903/workerIdsSheet";
import { refreshTracker, type WorkerIdsOutcome } from "../../jobs/refreshTracker";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  booleanOption,
  stringOption,
  type CliCommand,
  type CliIo,
  type ParsedArgs,
} from "../CliCommand";
import {
  asOfOf,
  inputPathOf,
  logTimeOf,
  openWorkbook,
  outputPathOf,
  finishAppliedCopy,
  saveWorkbook,
  writeUnchangedCopy,
} from "./checkCommandFiles";

/** Refreshes a copy of the tracker from the case system's SSDA903 CSV extract, with a change log. */
export const refreshCommand: CliCommand = {
  name: "refresh",
  summary:
    "fill the Joint Tracker from the case system's SSDA903 extract (CSV or .xlsx), on a copy, with a change log",
  help: `Usage:
  tracker refresh <tracker.xlsx> --from <file or folder>... --out <copy.xlsx>
                  [--la <authority>] [--dry-run] [--accept-system] [--as-of <date>]

Reads the SSDA903 (children looked after) files your case system exports — the Header, Episodes,
Reviews, PlacedAdoption, AD1, PrevPerm and SocialWorker tables, as CSV files or the sheets of an .xlsx
export, recognised by their header rows whatever the files are called and whatever the return year;
give a folder to read every .csv and .xlsx in it. Several years' returns (one file a year, or files
with a YEAR column) are one extract: the same record in several returns is read from the latest. A
regional file with an LA column of several authorities needs --la. It compares them with the Joint
Tracker, matching children by child ID and each care period by its date became looked after:
  - empty tracker cells the system knows are filled (date of birth, legal status, placement type,
    provider and start, placements in the last 12 months, 1st / 2nd / latest CLA review);
  - where tracker and system disagree, both values are listed and the tracker's is kept
    (--accept-system takes the system's);
  - children in care missing from the tracker get a new row, in the tracker's own column order;
  - the social worker, from the SocialWorker table (2023-24 on), only where the copy's "Worker IDs"
    sheet gives the worker's ID a name: refresh adds the IDs it meets there for you to name;
  - children the system says left care get their exit date; a child still in care in an earlier
    return but missing from the latest is listed, never appended.
Permanence plans, PPMs, notes and every other column are never touched. Every change is
listed in the copy's "Change log" sheet, so \`tracker revert\` can undo it; running refresh again on
the same files changes nothing, and --out then gets the copy unchanged. The input workbook and the
extract's files are never changed.

Options:
  --from <path>       an SSDA903 CSV or .xlsx file, or a folder of them (repeat for several)
  --la <authority>    the authority to read from a regional extract (its LA column)
  --out <copy.xlsx>   where to write the refreshed copy (required unless --dry-run)
  --dry-run           only print what would change
  --accept-system     resolve conflicts with the system's values
  --as-of <date>      the day "now" means for placements (default today), e.g. 2026-11-24`,
  options: {
    from: { type: "string", multiple: true },
    la: { type: "string" },
    out: { type: "string" },
    "dry-run": { type: "boolean" },
    "accept-system": { type: "boolean" },
    "as-of": { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "refresh");
    const dryRun = booleanOption(args, "dry-run");
    const out = outputPathOf(args, input, !dryRun, "refresh");
    const asOf = asOfOf(args, io);
    const files = await extractFilesOf(args);
    const workbook = await openWorkbook(input, out);
    const la = stringOption(args, "la");
    const result = await refreshTracker(workbook, {
      files,
      ...(la === undefined ? {} : { la }),
      onProgress: (file, rows) => io.err(`Reading ${file}: ${rows.toLocaleString("en-GB")} rows`),
      asOf,
      now: logTimeOf(io.today()),
      acceptSystem: booleanOption(args, "accept-system"),
      dryRun,
    });
    if (result.kind === "cannot-refresh") {
      if (result.reason === "choose-authority") {
        throw new UsageError(
          result.extractProblems.some((p) => p.code === "AUTHORITY-UNKNOWN")
            ? `${result.message}: choose one with --la <name>`
            : `the extract holds ${result.authorities?.length ?? 0} authorities (${(result.authorities ?? []).join(", ")}): choose one with --la <name>`,
        );
      }
      if (result.reason === "no-episodes") {
        const why = result.extractProblems.filter((p) => p.severity === "error").map((p) => p.message);
        throw new UsageError(`${result.message}${why.length > 0 ? ` (${why.join("; ")})` : ""}`);
      }
      io.err(result.message);
      return EXIT_PROBLEMS;
    }
    io.out(`Read ${result.filesRead.map((f) => `${f.file} (${f.table})`).join(", ")}`);
    printReport(result.report, io);
    if (result.familyFinding) printFamilyFinding(result.familyFinding, io);
    const { changeSet, applied, workerIds } = result;
    if (workerIds) printWorkerIds(workerIds, io);
    if (changeSet.changes.length === 0) {
      io.out(nothingToChange(result.report, result.familyFinding));
      if (dryRun) return EXIT_OK;
      if (workerIds?.sheet && out !== undefined) {
        await saveWorkbook(workbook, out, (note) => io.err(`tracker refresh: ${note}`));
        for (const note of workerIds.sheet.notes) io.err(`tracker refresh: ${note}`);
        io.out(`Wrote ${out} with the worker IDs to name in its “${workerIds.sheet.name}” sheet.`);
      } else {
        await writeUnchangedCopy(io, workbook, out, "refresh");
      }
      return EXIT_OK;
    }
    if (dryRun || !applied) {
      io.out(
        `Dry run: change set ${changeSet.id} would make ${changeSet.changes.length} change(s). Nothing was written.`,
      );
      return EXIT_OK;
    }
    io.out(`Change set ${changeSet.id}: ${applied.applied.length} change(s) applied`);
    await finishAppliedCopy(io, workbook, applied, out, "refresh", result.log);
    return EXIT_OK;
  },
};

/**
 * The --from files and folders: CSV files as bytes (the reader finds the encoding), .xlsx exports as
 * their sheets' tables. A folder gives its .csv and .xlsx files in name order (Excel's "~$" lock
 * files left out); the files are only read.
 */
async function extractFilesOf(args: ParsedArgs): Promise<ExtractInput[]> {
  const value = args.values.from;
  const paths = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  if (paths.length === 0) {
    throw new UsageError(
      "--from <file or folder> is required: the SSDA903 CSV files (see `tracker refresh --help`)",
    );
  }
  const files: ExtractInput[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`there is no file or folder “${path}”`);
    }
    const names = isFolder
      ? readdirSync(path)
          .filter((name) => /\.(csv|xlsx)$/i.test(name) && !name.startsWith("~$"))
          .sort()
          .map((name) => join(path, name))
      : [path];
    if (names.length === 0)
      throw new UsageError(`the folder “${path}” has no .csv files (nor .xlsx exports)`);
    for (const name of names) {
      const shown = isFolder ? basename(name) : name;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(name));
      } catch {
        throw new UsageError(`cannot read “${name}”`);
      }
      if (/\.xlsx$/i.test(name)) files.push(...(await sheetTablesOf(shown, bytes)));
      else files.push({ name: shown, content: bytes });
    }
  }
  return files;
}

async function sheetTablesOf(name: string, bytes: Uint8Array): Promise<ExtractInput[]> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.fromBuffer(bytes);
  } catch {
    throw new UsageError(`“${name}” cannot be read as an Excel workbook (.xlsx)`);
  }
  const sheets = [];
  for (const sheet of await workbook.listSheets()) sheets.push(await workbook.readSheet(sheet.name));
  return tablesOfSheets(name, sheets);
}

function printWorkerIds(outcome: WorkerIdsOutcome, io: CliIo): void {
  const sheet = outcome.sheet?.name ?? WORKER_IDS_SHEET_NAME;
  io.out(
    `Allocated workers (SocialWorker table): ${outcome.named} named in the ${sheet} sheet` +
      (outcome.unnamed.length === 0
        ? ""
        : `; ${outcome.unnamed.length} ID(s) without a name, so not filled (${outcome.unnamed.join(", ")}): write their names in the ${sheet} sheet`),
  );
}

/**
 * The line for a refresh that changes nothing. Conflicts the tracker's values were kept for are
 * still differences from the extract, so the line does not say the two agree.
 */
function nothingToChange(
  report: RefreshReport,
  familyFinding: FamilyFindingRefreshReport | undefined,
): string {
  const kept = [...report.conflicts, ...(familyFinding?.conflicts ?? [])].filter((c) => c.kept === "tracker");
  if (kept.length === 0) return "Nothing to change: the tracker already holds what the extract says.";
  return `Nothing to change, but ${kept.length} conflict(s) above keep the tracker's value where the extract says otherwise (--accept-system takes the system's).`;
}

function printReport(report: RefreshReport, io: CliIo): void {
  const sheet = report.sheet;
  io.out(`Rows matched: ${report.rowsMatched}`);
  io.out(`Cells filled: ${report.filled.length}`);
  for (const f of report.filled) io.out(`  ${sheet}!${f.cell} ${f.childId}, ${f.header}: ${f.system}`);
  const kept = report.conflicts.some((c) => c.kept === "tracker");
  io.out(
    `Conflicts: ${report.conflicts.length}${report.conflicts.length > 0 ? (kept ? " (the tracker's values kept; --accept-system takes the system's)" : " (set to the system's values)") : ""}`,
  );
  for (const c of report.conflicts) {
    io.out(`  ${sheet}!${c.cell} ${c.childId}, ${c.header}: tracker ${c.tracker}, system ${c.system}`);
  }
  io.out(`New children: ${report.newChildren.length}`);
  for (const n of report.newChildren) {
    io.out(`  ${n.childId}, looked after since ${formatUkDate(n.becameLookedAfter)}: new row ${n.row}`);
  }
  io.out(`Children who left care: ${report.ceased.length}`);
  for (const c of report.ceased) {
    io.out(
      `  ${sheet}!${c.cell} ${c.childId}: ceased ${formatUkDate(c.ceased)}${c.reason ? ` (${c.reason})` : ""}`,
    );
  }
  for (const d of report.duplicateMatches) {
    io.out(
      `Not refreshed: ${d.childId}'s care period from ${formatUkDate(d.becameLookedAfter)} matches rows ${d.rows.join(", ")}; keep one row per care period`,
    );
  }
  for (const u of report.unmatchedRows) io.out(`Not refreshed: row ${u.row} (${u.childId}): ${u.reason}`);
  if (report.rowsNotInExtract > 0)
    io.out(`Rows whose child is not in the extract (left alone): ${report.rowsNotInExtract}`);
  for (const note of report.extractProblems.filter((p) => p.severity === "info")) {
    io.out(`Note: ${note.message}`);
  }
  const problems = report.extractProblems.filter((p) => p.severity !== "info");
  if (problems.length > 0) {
    io.out(`Problems in the extract: ${problems.length}`);
    for (const p of problems) io.out(`  ${problemLine(p)}`);
  }
}

/** The Family Finding sheet's part of the refresh: fills, conflicts, reversed decisions, children it lacks. */
function printFamilyFinding(report: FamilyFindingRefreshReport, io: CliIo): void {
  const sheet = report.sheet;
  io.out(
    `${sheet}: ${report.rowsMatched} row(s) matched, ${report.filled.length} cell(s) filled, ${report.conflicts.length} conflict(s)`,
  );
  for (const f of report.filled) io.out(`  ${sheet}!${f.cell} ${f.childId}, ${f.header}: ${f.system}`);
  for (const c of report.conflicts) {
    io.out(
      `  ${sheet}!${c.cell} ${c.childId}, ${c.header}: tracker ${c.tracker}, system ${c.system}${c.kept === "system" ? " (set to the system's)" : ""}`,
    );
  }
  for (const r of report.reversed) {
    io.out(
      `  ${r.childId} (row ${r.row}): the should-be-placed decision was reversed on ${formatUkDate(r.reversed)}${r.reason ? ` (${r.reason})` : ""}`,
    );
  }
  for (const d of report.duplicateRows)
    io.out(`  Not refreshed: ${d.childId} is on rows ${d.rows.join(", ")}`);
  for (const m of report.missingChildren) {
    io.out(
      `  ${m.childId} has a should-be-placed decision of ${formatUkDate(m.shouldBePlaced)} and no ${sheet} row (not added: a row is the family finder's)`,
    );
  }
}

function problemLine(problem: ExtractProblem): string {
  return `[${problem.code}] ${problem.message}`;
}
