import { revertChanges } from "../../jobs/revertChanges";
import { EXIT_OK, UsageError, stringOption, type CliCommand } from "../CliCommand";
import {
  describeChangeLine,
  inputPathOf,
  logTimeOf,
  openWorkbook,
  outputPathOf,
  saveWorkbook,
} from "./checkCommandFiles";

/** Undoes a change set logged in the workbook's Change log, in a copy. */
export const revertCommand: CliCommand = {
  name: "revert",
  summary: "undo a change set listed in the workbook's Change log, in a copy",
  help: `Usage:
  tracker revert <tracker.xlsx> --change-set <id> --out <copy.xlsx>

Puts back the old values of every cell a logged change set changed (the ids are in the Change log
sheet's first column, e.g. CS-20261124-1430). A cell edited since the fix keeps its new value and is
reported. The revert is logged too. The input is never changed.`,
  options: {
    "change-set": { type: "string" },
    out: { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "revert");
    const id = stringOption(args, "change-set");
    if (id === undefined || id.trim() === "")
      throw new UsageError("--change-set <id> is required (see `tracker revert --help`)");
    const out = outputPathOf(args, input, true, "revert") as string;
    const workbook = await openWorkbook(input, out);
    const result = await revertChanges(workbook, { changeSetId: id.trim(), now: logTimeOf(io.today()) });
    if (result.kind === "notFound") {
      throw new UsageError(
        result.knownIds.length === 0
          ? `the workbook's Change log holds no change sets, so “${id}” cannot be reverted`
          : `no change set “${id}” in the Change log (it holds ${result.knownIds.join(", ")})`,
      );
    }
    io.out(
      `Reverted change set ${id} as ${result.changeSet.id}: ${result.report.applied.length} cell(s) restored`,
    );
    for (const change of result.report.applied) io.out(describeChangeLine(change));
    for (const skipped of result.report.skipped) {
      io.out(
        `  kept ${skipped.change.sheet}!${skipped.change.cell}: ${skipped.reason === "edited-since" ? "edited since the fix" : skipped.reason === "sheet-protected" ? "the sheet is protected" : "the sheet is missing"}`,
      );
    }
    await saveWorkbook(workbook, out, (note) => io.err(`tracker revert: ${note}`));
    for (const note of result.log?.notes ?? []) io.err(`tracker revert: ${note}`);
    io.out(`Wrote ${out}.`);
    return EXIT_OK;
  },
};
