import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { formatUkDate } from "../../engine/dates/epochDay";
import type { ExtractProblem } from "../../engine/ssda903/ExtractProblem";
import type { RefreshReport } from "../../engine/ssda903/proposeRefresh";
import type { CsvFile } from "../../engine/ssda903/readCsv";
import { refreshTracker } from "../../jobs/refreshTracker";
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  booleanOption,
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
} from "./checkCommandFiles";

/** Refreshes a copy of the tracker from the case system's SSDA903 CSV extract, with a change log. */
export const refreshCommand: CliCommand = {
  name: "refresh",
  summary:
    "fill the Joint Tracker from the case system's SSDA903 extract (CSV), on a copy, with a change log",
  help: `Usage:
  tracker refresh <tracker.xlsx> --from <file or folder>... --out <copy.xlsx>
                  [--dry-run] [--accept-system] [--as-of <date>]

Reads the SSDA903 (children looked after) CSV files your case system exports — the Header, Episodes
and Reviews tables, recognised by their header rows whatever the files are called; give a folder to
read every .csv in it, and last year's files too if a child's care spans both — and compares them with
the Joint Tracker, matching children by child ID and each care period by its date became looked after:
  - empty tracker cells the system knows are filled (date of birth, legal status, placement type,
    provider and start, placements in the last 12 months, 1st / 2nd / latest CLA review);
  - where tracker and system disagree, both values are listed and the tracker's is kept
    (--accept-system takes the system's);
  - children in care missing from the tracker get a new row, in the tracker's own column order;
  - children the system says left care get their exit date.
Permanence plans, PPMs, workers, notes and every other column are never touched. Every change is
listed in the copy's "Change log" sheet, so \`tracker revert\` can undo it; running refresh again on
the same files changes nothing. The input workbook is never changed.

Options:
  --from <path>       an SSDA903 CSV file or a folder of them (repeat for several)
  --out <copy.xlsx>   where to write the refreshed copy (required unless --dry-run)
  --dry-run           only print what would change
  --accept-system     resolve conflicts with the system's values
  --as-of <date>      the day "now" means for placements (default today), e.g. 2026-11-24`,
  options: {
    from: { type: "string", multiple: true },
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
    const files = extractFilesOf(args);
    const workbook = await openWorkbook(input, out);
    const result = await refreshTracker(workbook, {
      files,
      asOf,
      now: logTimeOf(io.today()),
      acceptSystem: booleanOption(args, "accept-system"),
      dryRun,
    });
    if (result.kind === "cannot-refresh") {
      if (result.reason === "no-episodes") {
        const why = result.extractProblems.filter((p) => p.severity === "error").map((p) => p.message);
        throw new UsageError(`${result.message}${why.length > 0 ? ` (${why.join("; ")})` : ""}`);
      }
      io.err(result.message);
      return EXIT_PROBLEMS;
    }
    io.out(`Read ${result.filesRead.map((f) => `${f.file} (${f.table})`).join(", ")}`);
    printReport(result.report, io);
    const { changeSet, applied } = result;
    if (changeSet.changes.length === 0) {
      io.out("Nothing to change: the tracker already holds what the extract says.");
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

/** The --from files and folders, read as bytes (the reader finds the encoding). */
function extractFilesOf(args: ParsedArgs): CsvFile[] {
  const value = args.values.from;
  const paths = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  if (paths.length === 0) {
    throw new UsageError(
      "--from <file or folder> is required: the SSDA903 CSV files (see `tracker refresh --help`)",
    );
  }
  const files: CsvFile[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`there is no file or folder “${path}”`);
    }
    const names = isFolder
      ? readdirSync(path)
          .filter((name) => /\.csv$/i.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path];
    if (names.length === 0) throw new UsageError(`the folder “${path}” has no .csv files`);
    for (const name of names) {
      try {
        files.push({ name: isFolder ? basename(name) : name, content: new Uint8Array(readFileSync(name)) });
      } catch {
        throw new UsageError(`cannot read “${name}”`);
      }
    }
  }
  return files;
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
  const problems = report.extractProblems.filter((p) => p.severity !== "info");
  if (problems.length > 0) {
    io.out(`Problems in the extract: ${problems.length}`);
    for (const p of problems) io.out(`  ${problemLine(p)}`);
  }
}

function problemLine(problem: ExtractProblem): string {
  return `[${problem.code}] ${problem.message}`;
}
