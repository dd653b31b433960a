import { fixTracker } from "../../jobs/fixTracker";
import { EXIT_OK, booleanOption, type CliCommand } from "../CliCommand";
import {
  asOfOf,
  describeChangeLine,
  inputPathOf,
  logTimeOf,
  openWorkbook,
  outputPathOf,
  finishAppliedCopy,
  writeUnchangedCopy,
} from "./checkCommandFiles";

/** Applies the safe fixes to a copy of the tracker and logs every change in its Change log sheet. */
export const fixCommand: CliCommand = {
  name: "fix",
  summary: "apply the safe fixes (text dates, spaces, worker names) to a copy, with a change log",
  help: `Usage:
  tracker fix <tracker.xlsx> --out <copy.xlsx> [--dry-run] [--placeholders]

Applies the fixes that cannot change what a cell means, and writes the result to --out:
  - dates typed as text become real dates (dd/mm/yyyy), unless the text could be read two ways
    (03/04/2024) or looks month-first: those are left for you;
  - extra spaces are removed from text;
  - a worker's name written several ways is written the usual way ("jane smith" → "Jane Smith").
Every change is listed in the copy's "Change log" sheet with its old value, so it can be undone with
\`tracker revert\`. Cells on protected sheets are left alone and reported. The input is never changed;
with nothing to fix, --out still gets the copy, unchanged.

Options:
  --out <copy.xlsx>   where to write the fixed copy (required unless --dry-run)
  --dry-run           only print the changes that would be made
  --placeholders      also clear placeholder text such as TBC or n/a from date cells`,
  options: {
    out: { type: "string" },
    "dry-run": { type: "boolean" },
    placeholders: { type: "boolean" },
    "as-of": { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "fix");
    const dryRun = booleanOption(args, "dry-run");
    const out = outputPathOf(args, input, !dryRun, "fix");
    const asOf = asOfOf(args, io);
    const workbook = await openWorkbook(input, out);
    const result = await fixTracker(workbook, {
      asOf,
      now: logTimeOf(io.today()),
      placeholders: booleanOption(args, "placeholders"),
      dryRun,
    });
    const { changeSet, report } = result;
    if (changeSet.changes.length === 0) {
      io.out("No safe fixes to make.");
      if (!dryRun) await writeUnchangedCopy(io, workbook, out, "fix");
      return EXIT_OK;
    }
    if (dryRun || !report) {
      io.out(`Dry run: change set ${changeSet.id} would make ${changeSet.changes.length} change(s):`);
      for (const change of changeSet.changes) io.out(describeChangeLine(change));
      io.out("Nothing was written.");
      return EXIT_OK;
    }
    io.out(`Change set ${changeSet.id}: ${report.applied.length} change(s) applied`);
    for (const change of report.applied) io.out(describeChangeLine(change));
    await finishAppliedCopy(io, workbook, report, out, "fix", result.log);
    return EXIT_OK;
  },
};
