import { KEY_DATE_COLUMNS } from "../../../src/engine/summary/completeness";
import type { ColumnCompleteness } from "../../../src/engine/summary/SummaryFigures";
import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { readDate } from "./common";

/*
 * Data completeness (standards.md "Summary-only measures": "data completeness of each key date
 * column"): the key date columns each sheet reports, and how many of their cells hold a valid date,
 * are blank (placeholders too) or hold something that is not a date. Which columns are the key
 * dates is a definition, not a computation: it is the summary's own list, so the reference checks
 * the counting, not a second copy of the list.
 */

/** Each key date column a table maps, table by table, with its cells counted one by one. */
export function simpleCompleteness(tables: readonly TrackerTable[]): ColumnCompleteness[] {
  const columns: ColumnCompleteness[] = [];
  for (const table of tables) {
    for (const key of KEY_DATE_COLUMNS[table.sheetKey] ?? []) {
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
