import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";
import type { Severity } from "./DataQualityIssue";
import { day, defineCheck, problem, type CheckDefinition, type Problem } from "./defineCheck";

export interface SequenceRule {
  code: string;
  severity: Severity;
  title: string;
  sheets: readonly SheetKey[];
  /** The event that must come first. */
  earlier: ColumnKey;
  /** Events that cannot be dated before it; those the sheet does not map are left out. */
  later: readonly ColumnKey[];
}

/**
 * A check that two events of a row happen in order: each `later` date strictly before the `earlier`
 * one is a problem at the later cell (the same day is allowed: a panel and ADM can sit the same day).
 */
export function sequenceCheck(rule: SequenceRule): CheckDefinition {
  return defineCheck({
    code: rule.code,
    severity: rule.severity,
    title: rule.title,
    sheets: rule.sheets,
    reads: [rule.earlier],
    check(table) {
      const later = rule.later.filter((key) => table.has(key));
      const found: Problem[] = [];
      for (const row of table.rows) {
        const first = row.day(rule.earlier);
        if (first === undefined) continue;
        for (const key of later) {
          const then = row.day(key);
          if (then !== undefined && then < first) {
            found.push(problem(row.rowNumber, key, { date: day(then), earlier: day(first) }));
          }
        }
      }
      return found;
    },
  });
}
