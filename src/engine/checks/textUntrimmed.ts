import { defineCheck, problem } from "./defineCheck";
import { eachCellOf } from "./eachCell";

/**
 * Leading, trailing or doubled spaces are invisible in a cell but make "Jane Smith " a different
 * worker from "Jane Smith" in every filter and pivot table.
 */
export const textUntrimmed = defineCheck({
  code: "TEXT-UNTRIMMED",
  severity: "info",
  title: "Extra spaces in text",
  reads: [],
  check: (table) =>
    eachCellOf(table, ["text", "personName", "code"], (row, column) => {
      const value = row.value(column.key);
      if (typeof value !== "string" || value.trim() === "") return undefined;
      const tidy = tidyText(value);
      return tidy === value
        ? undefined
        : problem(row.rowNumber, column.key, { text: value }, { value: tidy, text: tidy });
    }),
});

// Most cells are tidy: a quick test spares them the split and join.
const NEEDS_TIDYING = /^\s|\s$|[\t\u00a0]| {2}| \n|\n /;

/** Trims and collapses runs of spaces (non-breaking spaces too) to one space; line breaks are kept. */
export function tidyText(value: string): string {
  if (!NEEDS_TIDYING.test(value)) return value;
  return value
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
}
