import type { CellDate } from "../cells/coerceCellDate";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

/**
 * "TBC", "n/a", "-" in a date cell count as empty (the clock has not started); listed so the tracker
 * can be tidied, and cleared by the fixes only when the user asks.
 */
export const datePlaceholder = defineCheck({
  code: "DATE-PLACEHOLDER",
  severity: "info",
  title: "Placeholder text in a date cell",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind === "empty" && read.placeholder !== undefined && read.placeholder !== "") {
          found.push(
            problem(
              table.rowNumber(i),
              key,
              { placeholder: read.placeholder },
              { value: null, text: "(empty)" },
            ),
          );
        }
      }
    }
    return found;
  },
});
