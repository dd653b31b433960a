import type { CellDate } from "../cells/coerceCellDate";
import { defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A column the profile marks required (the child ID, the date became looked after...) left empty:
 * the row cannot be identified or its clocks cannot start. Placeholders ("TBC") count as empty.
 */
export const requiredValueMissing = defineCheck({
  code: "REQUIRED-MISSING",
  severity: "error",
  title: "Required value missing",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key, type, required } of table.mappedColumns) {
      if (!required) continue;
      const empty = type === "date" ? rowsWithoutDate(table.dates(key)) : rowsWithoutText(table.texts(key));
      for (const i of empty) found.push(problem(table.rowNumber(i), key));
    }
    return found;
  },
});

function rowsWithoutDate(dates: readonly CellDate[]): number[] {
  const rows: number[] = [];
  for (let i = 0; i < dates.length; i++) if ((dates[i] as CellDate).kind === "empty") rows.push(i);
  return rows;
}

function rowsWithoutText(texts: readonly (string | undefined)[]): number[] {
  const rows: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i] === undefined) rows.push(i);
  return rows;
}
