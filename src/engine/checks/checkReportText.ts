import type { CheckFailed, CheckReport, CheckSkipped } from "./CheckReport";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The report in one line, as the CLI and the pane show it: "112 checks ran on 6 sheets, 3 skipped
 * (a column is missing), none failed". A check that applies to several sheets counts once a sheet.
 */
export function checkReportLine(report: CheckReport): string {
  const sheets = new Set(report.ran.map((r) => r.sheet)).size;
  const ran = `${plural(report.ran.length, "check", "checks")} ran on ${plural(sheets, "sheet", "sheets")}`;
  const skipped =
    report.skipped.length === 0
      ? "none skipped"
      : `${report.skipped.length} skipped (${report.skipped.length === 1 ? "a column is" : "columns are"} missing)`;
  const failed = report.failed.length === 0 ? "none failed" : `${report.failed.length} failed`;
  return `${ran}, ${skipped}, ${failed}`;
}

const quoted = (titles: readonly string[]): string => titles.map((t) => `“${t}”`).join(", ");

/** Why a check was skipped: "Joint Tracker: … (JT-PPM-BEFORE-BLA) was skipped: the sheet has no column “1st PPM”". */
export function skippedText(skip: CheckSkipped): string {
  const columns = skip.missingColumns.length === 1 ? "column" : "columns";
  return `${skip.sheet}: ${skip.title} (${skip.code}) was skipped: the sheet has no ${columns} ${quoted(skip.missingColumns)}`;
}

/** A check that threw: a fault in the add-in, worded as its CHECK-FAILED issue is. */
export function failedText(failure: CheckFailed): string {
  return `${failure.sheet}: ${failure.title} (${failure.code}) could not run (an internal error); its problems are not listed`;
}
