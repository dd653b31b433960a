import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./checkColumns";
import { readCount } from "./integerCells";

/** Places, children and placement moves are counted in whole numbers: 1.5 or "two" is a typing slip. */
export const numberNotWhole = defineCheck({
  code: "NUMBER-NOT-WHOLE",
  severity: "error",
  title: "Not a whole number",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of columnsOfType(table, ["integer"])) {
      const values = table.values(key);
      for (let i = 0; i < values.length; i++) {
        const value = values[i] ?? null;
        if (value === null || (typeof value === "number" && Number.isInteger(value))) continue;
        const read = readCount(value);
        const row = table.rowNumber(i);
        if (read.kind === "notNumber") found.push(problem(row, key, { text: read.text }));
        else if (read.kind === "number" && !Number.isInteger(read.value))
          found.push(problem(row, key, { text: String(read.value) }));
      }
    }
    return found;
  },
});
