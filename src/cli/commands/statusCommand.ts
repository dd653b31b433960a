import { formatIsoDate, formatUkDate } from "../../engine/dates/epochDay";
import { calendarCoverageWarning } from "../../engine/calendar/WorkingDayCalendar";
import { explainResult } from "../../engine/evaluation/explainResult";
import type { StandardResult } from "../../engine/evaluation/StandardResult";
import { statusTracker, writeTrackerStatusColumns, type TrackerStatus } from "../../jobs/statusTracker";
// The shared opener says why a file cannot be read (encrypted, .xls, damaged): issue 10.
import { openWorkbook, outputPathOf, saveWorkbook, todayOf } from "./checkCommandFiles";
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  booleanOption,
  stringOption,
  type CliCommand,
} from "../CliCommand";
import { dateArgument } from "../dateArgument";

/** One object per (row, standard), exactly as evaluation-semantics.md "CLI JSON (status --json)". */
export interface StatusJsonItem {
  sheet: string;
  row: number;
  id: string | null;
  standard: string;
  status: StandardResult["status"];
  deadline: string | null;
  elapsedWorkingDays: number | null;
  overdueWorkingDays: number | null;
}

export function statusJson(status: TrackerStatus): StatusJsonItem[] {
  return [...statusJsonItems(status)];
}

function* statusJsonItems(status: TrackerStatus): Generator<StatusJsonItem, void, undefined> {
  for (const row of status.rows) {
    for (const r of row.results) {
      yield {
        sheet: row.sheetName,
        row: row.rowNumber,
        id: row.id,
        standard: r.standardId,
        status: r.status,
        deadline: r.deadline === null ? null : formatIsoDate(r.deadline),
        elapsedWorkingDays: r.elapsedWorkingDays,
        overdueWorkingDays: r.overdueWorkingDays,
      };
    }
  }
}

/**
 * `JSON.stringify(statusJson(status), null, 2)`, line by line, as it is written: a 100,000-row
 * tracker has a million items, and making them all and one string of them at once took 1.6 GB.
 */
export function* statusJsonLines(status: TrackerStatus): Generator<string, void, undefined> {
  let previous: StatusJsonItem | undefined;
  for (const item of statusJsonItems(status)) {
    if (previous === undefined) yield "[";
    else yield `${indented(previous)},`;
    previous = item;
  }
  if (previous === undefined) yield "[]";
  else {
    yield indented(previous);
    yield "]";
  }
}

function indented(item: StatusJsonItem): string {
  return `  ${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}`;
}

/** The text form: per worker, what is overdue and due soon, each with its explanation. */
export function statusText(status: TrackerStatus): string[] {
  const byId = new Map(status.standards.map((s) => [s.id, s]));
  const titleOf = (id: string): string | undefined => byId.get(id)?.title;
  const counts = { overdue: 0, "due soon": 0, "cannot assess": 0 };
  const byWorker = new Map<string, string[]>();
  for (const row of status.rows) {
    for (const r of row.results) {
      if (r.status === "overdue" || r.status === "due soon" || r.status === "cannot assess")
        counts[r.status]++;
      if (r.status !== "overdue" && r.status !== "due soon") continue;
      const standard = byId.get(r.standardId);
      if (!standard) continue;
      const worker = row.worker ?? "(no worker recorded)";
      const lines = byWorker.get(worker) ?? [];
      lines.push(
        `  ${row.sheetName} row ${row.rowNumber}${row.id ? ` (${row.id})` : ""}: ${explainResult(r, standard, { standardTitle: titleOf })}`,
      );
      byWorker.set(worker, lines);
    }
  }
  const out = [
    `Status as of ${formatUkDate(status.asOf)}: ${counts.overdue} overdue, ${counts["due soon"]} due soon, ` +
      `${counts["cannot assess"]} cannot be assessed (see \`tracker check\`) across ${status.rows.length} rows` +
      (status.standardsSource === "workbook" ? " (standards from the workbook's Standards sheet)" : ""),
  ];
  for (const worker of [...byWorker.keys()].sort((a, b) => a.localeCompare(b, "en-GB"))) {
    out.push("", worker);
    // One worker can have 100,000 lines: spread into push, they overflow V8's argument limit.
    for (const line of byWorker.get(worker) ?? []) out.push(line);
  }
  if (byWorker.size === 0) out.push("", "Nothing is overdue or due soon.");
  return out;
}

/**
 * Every standard on every row as of a date, as a list per worker or as JSON. Status is information,
 * not a workbook problem: the exit code is 0 whatever is overdue.
 */
export const statusCommand: CliCommand = {
  name: "status",
  summary: "what is overdue and due soon, per worker, with the reason",
  help: `Usage:
  tracker status <in.xlsx> [--as-of YYYY-MM-DD] [--json] [--sheet <sheet>] [--worker <name>]
  tracker status <in.xlsx> --status-columns --out <copy.xlsx> [--as-of YYYY-MM-DD] [--sheet <sheet>]

Evaluates every standard (the workbook's Standards sheet, else the defaults) on every tracker row as
of --as-of (default today), counting working days without weekends, England & Wales bank holidays
and the days in the workbook's Holidays sheet. Lists, per worker, what is overdue and due soon, each
with one sentence giving its dates and basis.

  --json            one object per row and standard: sheet, row, id, standard, status, deadline,
                    elapsedWorkingDays, overdueWorkingDays (dates as YYYY-MM-DD or null)
  --sheet <sheet>   only this tracker sheet (its tab name or "Joint Tracker", "PLO Tracker", ...)
  --worker <name>   only this worker's rows
  --status-columns  also write, to the right of each tracker table in a copy (--out), columns the
                    add-in owns: overall RAG, the status of each standard and the next due date,
                    coloured by conditional formats; a re-run replaces them and no other cell moves
  --out <copy.xlsx> where to write that copy (the input is never changed)

Exit codes: 0 whatever the statuses, 1 status columns could not be written on a sheet, 2 usage or
file error.`,
  options: {
    "as-of": { type: "string" },
    json: { type: "boolean" },
    sheet: { type: "string" },
    worker: { type: "string" },
    "status-columns": { type: "boolean" },
    out: { type: "string" },
  },
  async run(args, io) {
    const [path, ...extra] = args.positionals;
    if (path === undefined) throw new UsageError("give the tracker workbook: tracker status <in.xlsx>");
    if (extra.length > 0) throw new UsageError(`one workbook at a time, not also “${extra.join(" ")}”`);
    const asOfText = stringOption(args, "as-of");
    const asOf = asOfText === undefined ? todayOf(io.today()) : dateArgument("as-of", asOfText);
    const sheet = stringOption(args, "sheet");
    const worker = stringOption(args, "worker");
    const statusColumns = booleanOption(args, "status-columns");
    const out = outputPathOf(args, path, statusColumns, "status");
    if (!statusColumns && out !== undefined) throw new UsageError("--out goes with --status-columns");
    if (statusColumns && worker !== undefined)
      throw new UsageError("--status-columns fills in every row: leave out --worker");
    const workbook = await openWorkbook(path, out);
    const status = await statusTracker(workbook, {
      asOf,
      ...(sheet === undefined ? {} : { sheet }),
      ...(worker === undefined ? {} : { worker }),
    });
    if (status.unknownSheet !== undefined) {
      throw new UsageError(
        `--sheet: no tracker sheet “${status.unknownSheet}” (the workbook has: ${status.trackerSheets.join(", ") || "none"})`,
      );
    }
    if (booleanOption(args, "json")) for (const line of statusJsonLines(status)) io.out(line);
    else for (const line of statusText(status)) io.out(line);

    for (const f of status.tableFindings) if (f.severity !== "info") io.err(`${f.severity}: ${f.message}`);
    for (const f of status.sheetFindings)
      if (f.severity === "warning") io.err(`warning: ${f.sheet}: ${f.message}`);
    const coverage = calendarCoverageWarning(status.calendar, asOf);
    if (coverage) io.err(`warning: ${coverage}`);
    if (out === undefined) return EXIT_OK;

    const columns = await writeTrackerStatusColumns(workbook, status, todayOf(io.today()));
    for (const problem of columns.problems) io.err(`error: ${problem.message}`);
    if (columns.written.length > 0) {
      await saveWorkbook(workbook, out, (note) => io.err(`tracker status: ${note}`));
      for (const w of columns.written) io.err(`Status columns ${w.range} on “${w.sheet}” (${w.rows} rows).`);
      io.err(`Wrote ${out}.`);
    }
    return columns.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
