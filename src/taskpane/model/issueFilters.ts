import { SEVERITY_RANK, type DataQualityIssue, type Severity } from "../../engine/checks/DataQualityIssue";
import { profileSheet, type TrackerProfile } from "../../engine/profile/TrackerProfile";
import { cellOf, type TrackerTable } from "../../engine/tables/TrackerTable";
import { displayCell } from "./displayCell";

/** What the user narrows the issue list to; "" means any. */
export interface IssueFilter {
  severity: Severity | "";
  sheet: string;
  /** A profile column key. */
  column: string;
  worker: string;
}

export const NO_FILTER: IssueFilter = { severity: "", sheet: "", column: "", worker: "" };

/** An issue with the worker of its row, so the list can be narrowed to one worker's rows. */
export interface IssueWithWorker extends DataQualityIssue {
  worker: string | null;
}

/** Each issue with the allocated worker of its row, read from the tracker tables the check read. */
export function withWorkers(
  issues: readonly DataQualityIssue[],
  tables: readonly TrackerTable[],
  profile: TrackerProfile,
): IssueWithWorker[] {
  const workers = new Map<string, string>();
  for (const table of tables) {
    const column = profileSheet(profile, table.sheetKey)?.workerColumn;
    if (column === undefined) continue;
    for (const row of table.rows) {
      const worker = cellOf(row, column);
      if (worker !== null && String(worker).trim() !== "")
        workers.set(`${table.sheetName}\u0000${row.rowNumber}`, displayCell(worker).trim());
    }
  }
  return issues.map((issue) => ({
    ...issue,
    worker: workers.get(`${issue.sheet}\u0000${issue.row}`) ?? null,
  }));
}

export function filterIssues(issues: readonly IssueWithWorker[], filter: IssueFilter): IssueWithWorker[] {
  return issues.filter(
    (i) =>
      (filter.severity === "" || i.severity === filter.severity) &&
      (filter.sheet === "" || i.sheet === filter.sheet) &&
      (filter.column === "" || i.column === filter.column) &&
      (filter.worker === "" || i.worker === filter.worker),
  );
}

/** The choices each filter offers: only values some issue has, sorted. */
export function filterChoices(issues: readonly IssueWithWorker[]): {
  sheets: string[];
  columns: string[];
  workers: string[];
} {
  const sorted = (values: Iterable<string | null>): string[] =>
    [...new Set([...values].filter((v): v is string => v !== null))].sort((a, b) =>
      a.localeCompare(b, "en-GB"),
    );
  return {
    sheets: sorted(issues.map((i) => i.sheet)),
    columns: sorted(issues.map((i) => i.column)),
    workers: sorted(issues.map((i) => i.worker)),
  };
}

export interface IssueGroup {
  sheet: string;
  severity: Severity;
  /** "Joint Tracker: 12 errors". */
  heading: string;
  issues: IssueWithWorker[];
}

const SEVERITY_WORDS: Readonly<Record<Severity, [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

export function countWords(n: number, severity: Severity): string {
  const [one, many] = SEVERITY_WORDS[severity];
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Issues grouped by sheet (in the order the check met them) and, within a sheet, by severity worst
 * first; within a group, by row then cell, as the user would walk the sheet.
 */
export function groupIssues(issues: readonly IssueWithWorker[]): IssueGroup[] {
  const sheets: string[] = [];
  for (const i of issues) if (!sheets.includes(i.sheet)) sheets.push(i.sheet);
  const groups: IssueGroup[] = [];
  for (const sheet of sheets) {
    const severities = (["error", "warning", "info"] as const)
      .slice()
      .sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]);
    for (const severity of severities) {
      const inGroup = issues
        .filter((i) => i.sheet === sheet && i.severity === severity)
        .sort((a, b) => a.row - b.row || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
      if (inGroup.length > 0)
        groups.push({
          sheet,
          severity,
          heading: `${sheet}: ${countWords(inGroup.length, severity)}`,
          issues: inGroup,
        });
    }
  }
  return groups;
}
