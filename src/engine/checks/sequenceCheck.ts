import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";
import type { Severity } from "./DataQualityIssue";
import { rowsWithDayBeforeOther } from "./checkColumns";
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
      const firsts = table.days(rule.earlier);
      const found: Problem[] = [];
      for (const key of rule.later) {
        if (!table.has(key)) continue;
        const days = table.days(key);
        for (const i of rowsWithDayBeforeOther(days, firsts)) {
          found.push(
            problem(table.rowNumber(i), key, {
              date: day(days[i] as number),
              earlier: day(firsts[i] as number),
            }),
          );
        }
      }
      return found;
    },
  });
}
