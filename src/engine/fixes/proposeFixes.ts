import type { CellValue } from "../cells/CellValue";
import type { DataQualityIssue } from "../checks/DataQualityIssue";
import type { CellChange, ChangeSet } from "../port/ChangeSet";
import { cellOf, type TrackerTable } from "../tables/TrackerTable";

/**
 * The fixes that are safe to apply on the user's confirmation, best first: when two would change
 * one cell, the first wins (a canonical worker name is also trimmed). Month-first and ambiguous
 * dates, unknown codes and sequence errors are never fixed: only the user knows the right value.
 */
export const SAFE_FIX_RULES = [
  "WORKER-NAME-VARIANTS",
  "TEXT-UNTRIMMED",
  "DATE-AS-TEXT",
  "DATE-PLACEHOLDER",
] as const;
export type SafeFixRule = (typeof SAFE_FIX_RULES)[number];

/** What each safe fix does, in the words of the change log. */
export const FIX_DESCRIPTIONS: Readonly<Record<SafeFixRule, string>> = {
  "WORKER-NAME-VARIANTS": "Worker's name written the usual way",
  "TEXT-UNTRIMMED": "Extra spaces removed",
  "DATE-AS-TEXT": "Text date made a real date",
  "DATE-PLACEHOLDER": "Placeholder cleared from a date cell",
};

export interface FixOptions {
  /** The change set's id, logged with every change (the caller makes it unique). */
  id: string;
  /** Clear placeholder text ("TBC", "n/a") from date cells: off unless asked, as some teams use it. */
  placeholders?: boolean;
}

/**
 * The safe fixes for a set of issues, as one change set. Each change carries the cell's current
 * value as `old`, so applying it skips any cell edited since the check ran.
 */
export function proposeFixes(
  tables: readonly TrackerTable[],
  issues: readonly DataQualityIssue[],
  options: FixOptions,
): ChangeSet {
  const rules: readonly SafeFixRule[] = SAFE_FIX_RULES.filter(
    (rule) => rule !== "DATE-PLACEHOLDER" || options.placeholders === true,
  );
  const byCell = new Map<string, { issue: DataQualityIssue; rank: number }>();
  for (const issue of issues) {
    const rank = rules.indexOf(issue.code as SafeFixRule);
    if (rank < 0 || !issue.suggestedFix) continue;
    const key = `${issue.sheet}!${issue.cell}`;
    const held = byCell.get(key);
    if (!held || rank < held.rank) byCell.set(key, { issue, rank });
  }

  const changes: CellChange[] = [];
  for (const { issue } of byCell.values()) {
    const fix = issue.suggestedFix;
    const old = currentValue(tables, issue);
    if (!fix || old === undefined || old === fix.value) continue;
    const change: CellChange = {
      sheet: issue.sheet,
      cell: issue.cell,
      old,
      new: fix.value,
      rule: issue.code,
    };
    changes.push(fix.numberFormat ? { ...change, numberFormat: fix.numberFormat } : change);
  }
  return { id: options.id, description: describeChanges(changes), changes };
}

function currentValue(tables: readonly TrackerTable[], issue: DataQualityIssue): CellValue | undefined {
  if (issue.column === null) return undefined;
  const table = tables.find((t) => t.sheetName === issue.sheet);
  const row = table?.rows.find((r) => r.rowNumber === issue.row);
  return row ? cellOf(row, issue.column) : undefined;
}

/** "Safe fixes: 3 text dates made real dates, 1 worker's name…" as one line for the log and the CLI. */
export function describeChanges(changes: readonly CellChange[]): string {
  if (changes.length === 0) return "Safe fixes: nothing to change";
  const counts = SAFE_FIX_RULES.map(
    (rule) => [rule, changes.filter((c) => c.rule === rule).length] as const,
  ).filter(([, n]) => n > 0);
  return `Safe fixes: ${counts.map(([rule, n]) => `${FIX_DESCRIPTIONS[rule].toLowerCase()} (${n})`).join(", ")}`;
}
