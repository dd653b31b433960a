import { isCellError, type CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import type { TrackerTable } from "../tables/TrackerTable";
import { ALL_CHECKS } from "./allChecks";
import { cellAddress } from "../tables/cellAddress";
import { describeProblem, wordingUses } from "./checkMessages";
import type { DataQualityIssue } from "./DataQualityIssue";
import type { CheckContext, CheckDefinition, Problem } from "./defineCheck";
import { typeTable, type TypedTable } from "./TypedTable";

/**
 * Runs every check over every table and returns the problems as located, worded issues, in sheet
 * order, then row, then column.
 *
 * A table is typed once (typeTable) and its columns are read once, as arrays, and shared by all
 * checks: a check is a loop over columns that allocates only for the problems it finds. A check that
 * needs a sheet or a column the workbook does not have is skipped. A check that throws is a bug: it
 * is reported as one CHECK-FAILED issue for that sheet and the other checks still run, so one faulty
 * check never hides the rest of the list.
 */
export function runChecks(
  tables: readonly TrackerTable[],
  context: CheckContext,
  checks: readonly CheckDefinition[] = ALL_CHECKS,
): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  for (const table of tables) {
    const typed = typeTable(table, context.profile);
    if (typed) addIssuesOf(typed, context, checks, issues);
  }
  return issues;
}

/** Runs the checks over one table and adds its issues, in row then column order, to `issues`. */
function addIssuesOf(
  typed: TypedTable,
  context: CheckContext,
  checks: readonly CheckDefinition[],
  issues: DataQualityIssue[],
): void {
  const table = typed.table;
  // Each issue with its column and check beside it, in arrays, to be put in place by index.
  const found: DataQualityIssue[] = [];
  const columns: number[] = [];
  const orders: number[] = [];
  checks.forEach((check, order) => {
    if (check.sheets && !check.sheets.includes(table.sheetKey)) return;
    if (!check.reads.every((key) => typed.has(key))) return;
    let problems: Problem[];
    try {
      problems = check.check(typed, context);
    } catch {
      found.push(checkFailed(table, check));
      columns.push(0);
      orders.push(order);
      return;
    }
    for (const p of problems) {
      found.push(toIssue(typed, check, p));
      columns.push(columnOf(typed, p));
      orders.push(order);
    }
  });
  const place = (i: number): DataQualityIssue => found[i] as DataQualityIssue;
  const byPlace = found.map((_, i) => i);
  // Stable: issues at one cell from one check keep the order the check gave them.
  byPlace.sort(
    (a, b) =>
      place(a).row - place(b).row ||
      (columns[a] as number) - (columns[b] as number) ||
      (orders[a] as number) - (orders[b] as number),
  );
  // A loop, not push(...): a sheet can hold more problems than V8 takes as arguments.
  for (const i of byPlace) issues.push(place(i));
}

function columnOf(table: TypedTable, p: Problem): number {
  return table.column(p.column)?.column ?? 0;
}

function toIssue(table: TypedTable, check: CheckDefinition, p: Problem): DataQualityIssue {
  const column = table.column(p.column)?.header ?? p.column;
  // Few wordings show the cell, and finding it is the costly part of an issue.
  const value = wordingUses(check.code, "value") ? shownValueAt(table, p) : "";
  const sheet = table.table.sheetName;
  const cell = table.address(p.row, p.column);
  const message = describeProblem(check.code, p.params ?? {}, { column, value });
  const { row, suggestedFix } = p;
  const { severity, code } = check;
  return suggestedFix
    ? { sheet, cell, row, column: p.column, severity, code, message, suggestedFix }
    : { sheet, cell, row, column: p.column, severity, code, message };
}

function shownValueAt(table: TypedTable, p: Problem): string {
  const index = table.indexOf(p.row);
  return index === undefined ? "" : shownValue(table.values(p.column)[index] ?? null);
}

function checkFailed(table: TrackerTable, check: CheckDefinition): DataQualityIssue {
  return {
    sheet: table.sheetName,
    cell: cellAddress(table.headerRow, 1),
    row: table.headerRow,
    column: null,
    severity: "warning",
    code: "CHECK-FAILED",
    message: describeProblem("CHECK-FAILED", { title: check.title }),
  };
}

/** A cell as the user sees it, for messages. */
export function shownValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  if (isCellError(value)) return value.error;
  const read = coerceCellDate(value);
  return read.kind === "date" ? formatUkDate(read.day) : "";
}
