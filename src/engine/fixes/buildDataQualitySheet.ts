import { SEVERITY_RANK, type DataQualityIssue, type Severity } from "../checks/DataQualityIssue";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import type { CellStyle, SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";

export const DATA_QUALITY_SHEET = "Data quality";

const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  error: "Error",
  warning: "Warning",
  info: "Information",
};
const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "F8CBAD",
  warning: "FFE699",
  info: "DDEBF7",
};

/** An issue row's styles, one array per severity shared by its rows: the severity's fill, the problem wrapped. */
function issueStyles(severity: Severity): readonly (CellStyle | undefined)[] {
  return [{ fill: SEVERITY_FILL[severity] }, undefined, undefined, undefined, { wrap: true }];
}
const ISSUE_STYLES: Readonly<Record<Severity, readonly (CellStyle | undefined)[]>> = {
  error: issueStyles("error"),
  warning: issueStyles("warning"),
  info: issueStyles("info"),
};

const HEADER_ROW = 7;
const HEADERS = ["Severity", "Sheet", "Cell", "Code", "Problem", "Suggested fix"];
const WIDTHS = [13, 24, 8, 28, 90, 22];

/**
 * The Data quality sheet: a heading, the number of problems by severity, then every issue worst
 * first with a link to its cell, so business support can work down the list before the meeting.
 */
export function buildDataQualitySheet(issues: readonly DataQualityIssue[], asOf: EpochDay): SheetModel {
  const sorted = [...issues].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const count = (s: Severity): number => issues.filter((i) => i.severity === s).length;
  const c = new SheetRuns();
  c.cell(1, 1, "Data quality", { bold: true, size: 14 });
  const found = `${issues.length} problem${issues.length === 1 ? "" : "s"} found as at ${formatUkDate(asOf)}`;
  c.cell(2, 1, found, { italic: true });
  (["error", "warning", "info"] as const).forEach((severity, i) => {
    c.row(3 + i, 1, [SEVERITY_WORDS[severity], count(severity)], [{ fill: SEVERITY_FILL[severity] }]);
  });
  c.row(HEADER_ROW, 1, HEADERS, { bold: true, fill: "D9E1F2", border: true });
  sorted.forEach((issue, i) => {
    c.row(
      HEADER_ROW + 1 + i,
      1,
      [
        SEVERITY_WORDS[issue.severity],
        issue.sheet,
        issue.cell,
        issue.code,
        issue.message,
        issue.suggestedFix?.text ?? "",
      ],
      ISSUE_STYLES[issue.severity],
      { sheet: issue.sheet, cell: issue.cell, column: 3 },
    );
  });
  return {
    name: DATA_QUALITY_SHEET,
    purpose: "dataQuality",
    runs: c.runs,
    columnWidths: Object.fromEntries(WIDTHS.map((w, i) => [i + 1, w])),
    freeze: { rows: HEADER_ROW, columns: 0 },
    autoFilter: `A${HEADER_ROW}:F${HEADER_ROW + Math.max(sorted.length, 1)}`,
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
    },
  };
}
