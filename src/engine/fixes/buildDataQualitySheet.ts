import { SEVERITY_RANK, type DataQualityIssue, type Severity } from "../checks/DataQualityIssue";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import type { ModelCell, SheetModel } from "../port/SheetModel";

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
  const cells: ModelCell[] = [
    { row: 1, column: 1, value: "Data quality", style: { bold: true, size: 14 } },
    {
      row: 2,
      column: 1,
      value: `${issues.length} problem${issues.length === 1 ? "" : "s"} found as at ${formatUkDate(asOf)}`,
      style: { italic: true },
    },
  ];
  (["error", "warning", "info"] as const).forEach((severity, i) => {
    cells.push(
      { row: 3 + i, column: 1, value: SEVERITY_WORDS[severity], style: { fill: SEVERITY_FILL[severity] } },
      { row: 3 + i, column: 2, value: count(severity) },
    );
  });
  HEADERS.forEach((h, i) =>
    cells.push({
      row: HEADER_ROW,
      column: i + 1,
      value: h,
      style: { bold: true, fill: "D9E1F2", border: true },
    }),
  );
  sorted.forEach((issue, i) => {
    const row = HEADER_ROW + 1 + i;
    cells.push(
      {
        row,
        column: 1,
        value: SEVERITY_WORDS[issue.severity],
        style: { fill: SEVERITY_FILL[issue.severity] },
      },
      { row, column: 2, value: issue.sheet },
      { row, column: 3, value: issue.cell, link: { sheet: issue.sheet, cell: issue.cell } },
      { row, column: 4, value: issue.code },
      { row, column: 5, value: issue.message, style: { wrap: true } },
      { row, column: 6, value: issue.suggestedFix?.text ?? "" },
    );
  });
  return {
    name: DATA_QUALITY_SHEET,
    purpose: "dataQuality",
    cells,
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
