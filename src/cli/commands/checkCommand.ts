import { SEVERITY_RANK, type DataQualityIssue, type Severity } from "../../engine/checks/DataQualityIssue";
import { checkReportLine, failedText, skippedText } from "../../engine/checks/checkReportText";
import { formatIsoDate, formatUkDate } from "../../engine/dates/epochDay";
import { checkTracker, hasErrors, writeDataQualitySheet } from "../../jobs/checkTracker";
import { EXIT_OK, EXIT_PROBLEMS, booleanOption, type CliCommand } from "../CliCommand";
import { asOfOf, inputPathOf, openWorkbook, outputPathOf, saveWorkbook, todayOf } from "./checkCommandFiles";

const WORST_SHOWN = 10;

/** Lists the tracker's data-quality problems; with --out, a copy gets a Data quality sheet. */
export const checkCommand: CliCommand = {
  name: "check",
  summary: "list the tracker's data-quality problems (text dates, sequence errors, unknown codes...)",
  help: `Usage:
  tracker check <tracker.xlsx> [--as-of <date>] [--json] [--out <copy.xlsx>]

Reads the tracker sheets and lists every data-quality problem with its cell: dates that are not
dates (or typed month first), placeholders such as TBC, events in the future or out of order
(a review before the child became looked after, an ADM decision before panel), required values
missing, duplicate children or households, unknown codes, one worker's name written several ways,
extra spaces, and counts that cannot be right. Prints the counts by sheet and severity and the ten
worst problems, then which checks ran, which were skipped because a sheet lacks a column they read
(each named with the column) and which failed. The input workbook is never changed.

Options:
  --as-of <date>      the date to check as at (default today), e.g. 2026-11-24 or 24/11/2026
  --json              print a JSON object instead: "asOf", "issues" (every problem) and "checks"
                      ("ran", "skipped" with "missingColumns", "failed")
  --out <copy.xlsx>   write a copy of the workbook with a "Data quality" sheet listing every problem,
                      each linked to its cell

Exit codes: 0 no errors (warnings and information may remain), 1 errors found, 2 usage or file error.`,
  options: {
    "as-of": { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "check");
    const out = outputPathOf(args, input, false, "check");
    const asOf = asOfOf(args, io);
    const workbook = await openWorkbook(input, out);
    const result = await checkTracker(workbook, { asOf });

    if (booleanOption(args, "json")) {
      io.out(
        JSON.stringify({ asOf: formatIsoDate(asOf), issues: result.issues, checks: result.checks }, null, 2),
      );
    } else {
      io.out(summaryOf(input, formatUkDate(asOf), result.issues));
      for (const finding of result.findings) io.out(`  note: ${finding.message}`);
      io.out(`Checks: ${checkReportLine(result.checks)}.`);
      for (const skip of result.checks.skipped) io.out(`  ${skippedText(skip)}`);
      for (const failure of result.checks.failed) io.out(`  ${failedText(failure)}`);
    }
    if (out !== undefined) {
      const written = await writeDataQualitySheet(workbook, result, todayOf(io.today()));
      await saveWorkbook(workbook, out, (note) => io.err(`tracker check: ${note}`));
      for (const note of written.notes) io.err(`tracker check: ${note}`);
      if (!booleanOption(args, "json"))
        io.out(`Wrote ${out} with the data quality list in “${written.name}”.`);
    }
    return hasErrors(result) ? EXIT_PROBLEMS : EXIT_OK;
  },
};

function summaryOf(input: string, asOf: string, issues: readonly DataQualityIssue[]): string {
  if (issues.length === 0) return `Checked ${input} as at ${asOf}: no problems found.`;
  const lines = [
    `Checked ${input} as at ${asOf}: ${issues.length} problem${issues.length === 1 ? "" : "s"} (${counts(issues)})`,
  ];
  for (const sheet of [...new Set(issues.map((i) => i.sheet))]) {
    lines.push(`  ${sheet}: ${counts(issues.filter((i) => i.sheet === sheet))}`);
  }
  const worst = [...issues]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .slice(0, WORST_SHOWN);
  lines.push(issues.length > WORST_SHOWN ? `The ${WORST_SHOWN} worst:` : "Problems:");
  for (const issue of worst) {
    lines.push(
      `  ${issue.severity.padEnd(7)} ${`${issue.sheet}!${issue.cell}`.padEnd(22)} ${issue.code}: ${issue.message}`,
    );
  }
  return lines.join("\n");
}

const WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["for information", "for information"],
};

function counts(issues: readonly DataQualityIssue[]): string {
  return (["error", "warning", "info"] as const)
    .map((s) => [s, issues.filter((i) => i.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${WORDS[s][n === 1 ? 0 : 1]}`)
    .join(", ");
}
