import type { ColumnType } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./checkColumns";
import { textCellsToCheck, tidyText } from "./textCells";

const TEXT_TYPES: readonly ColumnType[] = ["text", "personName", "code"];

/**
 * Leading, trailing or doubled spaces are invisible in a cell but make "Jane Smith " a different
 * worker from "Jane Smith" in every filter and pivot table.
 */
export const textUntrimmed = defineCheck({
  code: "TEXT-UNTRIMMED",
  severity: "info",
  title: "Extra spaces in text",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of columnsOfType(table, TEXT_TYPES)) {
      const values = table.values(key);
      for (const i of textCellsToCheck(table, key).untidy) {
        const value = values[i] as string;
        if (value.trim() === "") continue;
        const tidy = tidyText(value);
        if (tidy !== value) {
          found.push(problem(table.rowNumber(i), key, { text: value }, { value: tidy, text: tidy }));
        }
      }
    }
    return found;
  },
});
