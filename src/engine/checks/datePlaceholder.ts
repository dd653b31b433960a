import { defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/**
 * "TBC", "n/a", "-" in a date cell count as empty (the clock has not started); listed so the tracker
 * can be tidied, and cleared by the fixes only when the user asks.
 */
export const datePlaceholder = defineCheck({
  code: "DATE-PLACEHOLDER",
  severity: "info",
  title: "Placeholder text in a date cell",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "empty" && read.placeholder !== undefined && read.placeholder !== ""
        ? problem(
            row.rowNumber,
            column.key,
            { placeholder: read.placeholder },
            { value: null, text: "(empty)" },
          )
        : undefined,
    ),
});
