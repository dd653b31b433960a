/** How complete the data are: key date columns' valid, blank and invalid cells, and rows no standard could assess. */
import type { CellDate } from "../cells/coerceCellDate";
import type { TrackerEvaluation } from "../evaluation/evaluateTracker";
import { STATUS } from "../evaluation/StandardResults";
import type { SheetKey } from "../profile/TrackerProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import type { ColumnCompleteness } from "./SummaryFigures";

/** Key date columns whose completeness the summary reports, per sheet (only those the table maps). */
export const KEY_DATE_COLUMNS: Readonly<Partial<Record<SheetKey, readonly string[]>>> = {
  jointTracker: [
    "becameLookedAfter",
    "firstReview",
    "secondReview",
    "latestReview",
    "firstPpm",
    "latestPpm",
    "planAgreed",
    "placementStart",
  ],
  ploTracker: ["firstLpm", "finalLpm"],
  recruitment: ["enquiry", "ihv", "application", "panel", "admDecision"],
  fosteringSupport: ["approvalDate", "lastAnnualReview", "lastUnannouncedVisit", "lastSupervisoryVisit"],
  familyFinding: [
    "referral",
    "profileCompleted",
    "shouldBePlaced",
    "placementOrder",
    "panel",
    "adm",
    "placementDate",
  ],
  connectedPersons: ["temporaryApproval", "admDecision"],
};

/**
 * Per standard, the rows whose result is "cannot assess". Indexed loops here and in the other
 * functions that run once per summary: a for...of over a typed array runs uncompiled for most of
 * its million iterations and makes an iterator result for each.
 */
export function rowsCannotAssess(evaluation: TrackerEvaluation): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      const statuses = results.status;
      let rows = 0;
      for (let i = 0; i < statuses.length; i++) if (statuses[i] === STATUS.cannotAssess) rows++;
      if (rows > 0) counts.set(results.standard.id, (counts.get(results.standard.id) ?? 0) + rows);
    }
  }
  return counts;
}

export function completenessOf(tables: readonly TrackerTable[]): ColumnCompleteness[] {
  const result: ColumnCompleteness[] = [];
  for (const table of tables) {
    for (const key of KEY_DATE_COLUMNS[table.sheetKey] ?? []) {
      const column = table.columns.find((c) => c.key === key);
      if (!column) continue;
      const entry: ColumnCompleteness = {
        sheet: table.sheetKey,
        sheetName: table.sheetName,
        column: key,
        header: column.header,
        valid: 0,
        blank: 0,
        invalid: 0,
      };
      const dates = table.byColumn.dates(key);
      for (let i = 0; i < dates.length; i++) {
        const date = dates[i] as CellDate;
        if (date.kind === "date") entry.valid += 1;
        else if (date.kind === "empty") entry.blank += 1;
        else entry.invalid += 1;
      }
      result.push(entry);
    }
  }
  return result;
}
