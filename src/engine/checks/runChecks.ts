import { isCellError, type CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import type { TrackerTable } from "../tables/TrackerTable";
import { ALL_CHECKS } from "./allChecks";
import { cellAddress } from "../tables/cellAddress";
import { describeProblem, wordingUses } from "./checkMessages";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { CheckRun } from "./CheckReport";
import type { DataQualityIssue } from "./DataQualityIssue";
import type { CheckContext, CheckDefinition, Problem } from "./defineCheck";
import { typeTable, type TypedTable } from "./TypedTable";

/**
 * Runs every check over every table and returns the problems as located, worded issues, in sheet
 * order, then row, then column. `runChecksReporting` also says which checks ran.
 */
export function runChecks(
  tables: readonly TrackerTable[],
  context: CheckContext,
  checks: readonly CheckDefinition[] = ALL_CHECKS,
): DataQualityIssue[] {
  return runChecksReporting(tables, context, checks).issues;
}

/**
 * Runs every check over every table: the issues, and which checks ran on which sheet, which were
 * skipped (and the columns they lacked) and which failed.
 *
 * A table is typed once (typeTable) and its columns are read once, as arrays, and shared by all
 * checks: a check is a loop over columns that allocates only for the problems it finds. A check that
 * needs a column the sheet does not have is skipped, and the report names the column. A check that
 * throws is a bug: it is reported as one CHECK-FAILED issue for that sheet and the other checks still
 * run, so one faulty check never hides the rest of the list.
 */
export function runChecksReporting(
  tables: readonly TrackerTable[],
  context: CheckContext,
  checks: readonly CheckDefinition[] = ALL_CHECKS,
): CheckRun {
  const run: CheckRun = { issues: [], checks: { ran: [], skipped: [], failed: [] } };
  for (const table of tables) {
    const typed = typeTable(table, context.profile);
    if (typed) addIssuesOf(typed, context, checks, run);
  }
  return run;
}

/** Runs the checks over one table and adds its issues, in row then column order, and what ran, to `run`. */
function addIssuesOf(
  typed: TypedTable,
  context: CheckContext,
  checks: readonly CheckDefinition[],
  run: CheckRun,
): void {
  const table = typed.table;
  const sheet = table.sheetName;
  // Each issue with its column and check beside it, in arrays, to be put in place by index.
  const found: DataQualityIssue[] = [];
  const columns: number[] = [];
  const orders: number[] = [];
  checks.forEach((check, order) => {
    if (!appliesTo(check, typed)) return;
    const { code, title } = check;
    const missing = check.reads.filter((key) => !typed.has(key));
    if (missing.length > 0) {
      run.checks.skipped.push({
        code,
        title,
        sheet,
        missingColumns: missing.map((key) => titleOf(typed, key)),
      });
      return;
    }
    let problems: Problem[];
    try {
      problems = check.check(typed, context);
    } catch {
      run.checks.failed.push({ code, title, sheet });
      found.push(checkFailed(table, check));
      columns.push(0);
      orders.push(order);
      return;
    }
    run.checks.ran.push({ code, title, sheet, problems: problems.length });
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
  for (const i of byPlace) run.issues.push(place(i));
}

/**
 * Whether a check is meant for a sheet: one of its sheets, and every column it reads is one of the
 * sheet's in the profile (a date-of-birth check is not for a sheet of households). A sheet that is
 * meant to have a column but lacks it in the workbook skips the check, and the report says so.
 */
function appliesTo(check: CheckDefinition, typed: TypedTable): boolean {
  if (check.sheets && !check.sheets.includes(typed.table.sheetKey)) return false;
  return check.reads.every((key) => typed.spec.columns.some((c) => c.key === key));
}

/** A column as the user knows it: the title the profile gives it. */
function titleOf(typed: TypedTable, key: ColumnKey): string {
  return typed.spec.columns.find((c) => c.key === key)?.title ?? key;
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
