import type { ColumnCompleteness } from "../../../src/engine/summary/SummaryFigures";
import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { readDate } from "./common";

/*
 * Data completeness (standards.md "Summary-only measures": "data completeness of each key date
 * column"): the key date columns each sheet reports, and how many of their cells hold a valid date,
 * are blank (placeholders too) or hold something that is not a date.
 */

/** The key date columns of each sheet, in the order the summary lists them. */
export const KEY_DATES: Readonly<Record<string, readonly string[]>> = {
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

/** Each key date column a table maps, table by table, with its cells counted one by one. */
export function simpleCompleteness(tables: readonly TrackerTable[]): ColumnCompleteness[] {
  const columns: ColumnCompleteness[] = [];
  for (const table of tables) {
    for (const key of KEY_DATES[table.sheetKey] ?? []) {
      const mapped = table.columns.find((c) => c.key === key);
      if (!mapped) continue;
      const cells = table.rows.map((row) => readDate(row, key).kind);
      columns.push({
        sheet: table.sheetKey,
        sheetName: table.sheetName,
        column: key,
        header: mapped.header,
        valid: cells.filter((kind) => kind === "date").length,
        blank: cells.filter((kind) => kind === "empty").length,
        invalid: cells.filter((kind) => kind === "problem").length,
      });
    }
  }
  return columns;
}
